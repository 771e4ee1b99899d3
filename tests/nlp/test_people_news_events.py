"""An event's people are those who take part in it: named in its own sentences or as heads of delegation
and hosts of it, not everyone the article names; and a person is a name, never a title alone."""
from __future__ import annotations

import pytest

from dragoman.ingest import documents_from_records
from dragoman.nlp import load_pipeline
from dragoman.nlp.people import find_people
from dragoman.pipeline import Pipeline
from fakes import NoEmbedder


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(embedder=NoEmbedder())


def meetings(pipeline, text: str, language: str):
    record = {"title": text.split("\n")[0], "text": text, "language": language, "published": "2025-03-12"}
    (analysis,) = list(pipeline.analyse(documents_from_records([record])))
    return [c for c in analysis.candidates if c.type == "CONSULT" and not c.background]


def roles(cand) -> dict[str, str | None]:
    return {p.name: p.role for p in cand.people}


IN_PASSING = {
    "fr": ("L'Inde et la Chine se parlent\n\nLe ministre indien des affaires étrangères, Subrahmanyam Jaishankar, "
           "et son homologue chinois, Wang Yi, se sont rencontrés mardi à Genève. Le premier ministre indien, "
           "Narendra Modi, a fait de la frontière une priorité de son mandat."),
    "en": ("India and China talk\n\nIndian Foreign Minister Subrahmanyam Jaishankar and his Chinese counterpart "
           "Wang Yi met on Tuesday in Geneva. Indian Prime Minister Narendra Modi has made the border a priority "
           "of his term."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_ministers_meeting_leaves_out_a_leader_named_in_passing(pipeline, language):
    found = meetings(pipeline, IN_PASSING[language], language)
    assert found and all("Narendra Modi" not in roles(c) for c in found)
    assert any({"Subrahmanyam Jaishankar", "Wang Yi"} <= set(roles(c)) for c in found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_each_side_at_a_meeting_is_headed_by_its_minister(pipeline, language):
    found = meetings(pipeline, IN_PASSING[language], language)
    assert any(roles(c).get("Subrahmanyam Jaishankar") == roles(c).get("Wang Yi") == "head_of_delegation"
               for c in found)


HOSTED = {
    "fr": ("Pourparlers à Genève\n\nLes délégations indienne et chinoise se sont retrouvées mardi à Genève, à "
           "l'invitation du conseiller fédéral suisse Ignazio Cassis. La délégation indienne était conduite par "
           "Vikram Misri."),
    "en": ("Talks in Geneva\n\nIndian and Chinese delegations met on Tuesday in Geneva at the invitation of Swiss "
           "Foreign Minister Ignazio Cassis. The Indian delegation was led by Foreign Secretary Vikram Misri."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_host_state_and_led_delegation_get_their_roles(pipeline, language):
    found = meetings(pipeline, HOSTED[language], language)
    assert any(roles(c).get("Ignazio Cassis") == "host" for c in found)
    assert found and all(roles(c).get("Vikram Misri") == "head_of_delegation" for c in found)


STATEMENT = {
    "fr": ("L'Inde et la Chine se parlent\n\nLes ministres indien et chinois, Subrahmanyam Jaishankar et Wang Yi, "
           "se sont rencontrés mardi à Genève.\n\nLa porte-parole de la diplomatie chinoise, Mao Ning, a dénoncé "
           "mardi les sanctions américaines contre l'Inde."),
    "en": ("India and China talk\n\nThe Indian and Chinese ministers, Subrahmanyam Jaishankar and Wang Yi, met "
           "on Tuesday in Geneva.\n\nChinese foreign ministry spokeswoman Mao Ning on Tuesday denounced the "
           "American sanctions against India."),
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_spokesperson_of_another_event_is_not_at_the_meeting(pipeline, language):
    found = meetings(pipeline, STATEMENT[language], language)
    assert found and all("Mao Ning" not in roles(c) for c in found)


TITLES_ONLY = {
    "fr": "Le Président a reçu mardi le ministre des affaires étrangères, qui a rencontré ensuite le Premier ministre.",
    "en": "The President received the foreign minister on Tuesday, who later met the Prime Minister.",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_people_news_title_alone_is_no_person(language):
    doc = load_pipeline(language)(TITLES_ONLY[language])
    assert find_people(doc, [], language=language) == []
