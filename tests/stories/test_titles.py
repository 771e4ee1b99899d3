"""Title-only documents: rare terms across scripts, cross-language offset, their own calibration."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from dragoman.model import Document, DocumentAnalysis
from dragoman.stories.cluster import (
    TITLE_SETTINGS,
    Profile,
    StorySettings,
    cluster,
    pair_similarity,
    profile,
    similarity,
    title_only,
)
from dragoman.stories.lexical import rare_terms
from fakes import AngleEmbedder

DAY = date(2021, 7, 26)



def titled(doc_id: str, title: str, *, body: str = "", language: str = "en", published: date = DAY) -> DocumentAnalysis:
    text = f"{title}\n{body}" if body else title
    return DocumentAnalysis(Document(doc_id, f"{doc_id}.json", text, title=title, language=language,
                                     published=published))


@pytest.mark.parametrize(("title", "language"), [
    ("Japan's Nishiya, 13, first women's Olympic skateboard champion", "en"),
    ("Momiji Nishiya, 13 ans, championne olympique de skateboard", "fr"),
    ("13-летняя японка Нишия выиграла золото Олимпиады", "ru"),
    ("Золото японской скейтбордистки Нишии", "ru"),
])
def test_a_rare_name_is_one_term_in_any_script(title, language):
    assert "nishi" in rare_terms(title, language)


@pytest.mark.parametrize(("title", "language", "expected"), [
    ("Olympics latest: US women win gold in Tokyo", "en", set()),
    ("Jeux olympiques : la France gagne une médaille d'or à Tokyo", "fr", set()),
    ("Olympics latest: Russian fencers win gold in team foil", "en", {"fence", "foil"}),
    ("Les escrimeurs russes en or au fleuret par équipes", "fr", {"escri", "fleur"}),
])
def test_only_uncommon_words_are_rare_terms(title, language, expected):
    assert rare_terms(title, language) == expected


@pytest.mark.parametrize("language", ["zh", "xx", None])
def test_languages_without_word_frequencies_give_no_terms(language):
    assert rare_terms("Nishiya 13", language) == frozenset()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_shared_rare_term_raises_the_similarity_of_two_titles(language):
    a = Profile("a", "x", language=language, terms=frozenset({"nishiya", "momiji"}))
    b = Profile("b", "y", language=language, terms=frozenset({"nishiya"}))
    c = Profile("c", "z", language=language, terms=frozenset({"rayssa"}))
    assert similarity(a, b, 0.5, TITLE_SETTINGS) == pytest.approx(similarity(a, c, 0.5, TITLE_SETTINGS) + 0.2)


def test_reports_in_two_languages_get_the_cross_language_offset():
    en, fr, en2 = Profile("a", "x", language="en"), Profile("b", "y", language="fr"), Profile("c", "z", language="en")
    gain = similarity(en, fr, 0.5, TITLE_SETTINGS) - similarity(en, en2, 0.5, TITLE_SETTINGS)
    assert gain == pytest.approx(TITLE_SETTINGS.cross_language_bonus) and gain > 0


def test_articles_keep_their_calibration_without_term_or_language_bonus():
    a = Profile("a", "x", language="en", terms=frozenset({"nishiya"}))
    b = Profile("b", "y", language="fr", terms=frozenset({"nishiya"}))
    assert similarity(a, b, 0.5, StorySettings()) == pytest.approx(0.5)


def test_two_titles_alone_are_scored_on_the_title_calibration_mapped_onto_the_article_scale():
    articles = StorySettings()
    a, b = Profile("a", "x", short=True), Profile("b", "y", short=True)
    at_threshold = pair_similarity(a, b, TITLE_SETTINGS.threshold, settings=articles)
    at_floor = pair_similarity(a, b, TITLE_SETTINGS.floor, settings=articles)
    assert (at_threshold, at_floor) == (pytest.approx(articles.threshold), pytest.approx(articles.floor))


def test_a_title_and_an_article_are_scored_as_articles():
    title, article = Profile("a", "x", short=True), Profile("b", "y")
    assert pair_similarity(title, article, 0.6) == pytest.approx(0.6)


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("Guinea pulls out of Tokyo Olympics", "Guinea pulls out of Tokyo Olympics", True),
    ("La Guinée renonce aux JO de Tokyo", None, True),
    ("La Guinée renonce aux JO de Tokyo\nLe gouvernement invoque la pandémie.", "La Guinée renonce aux JO de Tokyo",
     False),
])
def test_a_document_that_says_no_more_than_its_title_is_title_only(text, title, expected):
    assert title_only(text, title) is expected


@pytest.mark.parametrize(("title", "language"), [
    ("0.62 Guinea withdraws from the Games over Covid", "en"),
    ("0.62 La Guinée se retire des Jeux à cause du Covid", "fr"),
])
def test_titles_alone_cluster_at_title_cosines_that_would_split_articles(title, language):
    titles = [titled("base", "1.0 base", language=language), titled("t", title, language=language)]
    articles = [titled(a.document.id, a.document.title, body="A body line.", language=language) for a in titles]
    assert all(profile(a).short for a in titles) and not any(profile(a).short for a in articles)
    assert len(cluster(titles, embedder=AngleEmbedder(), threshold=0.7)) == 1
    assert len(cluster(articles, embedder=AngleEmbedder(), threshold=0.7)) == 2


def test_titles_published_days_apart_are_different_stories():
    docs = [titled("a", "1.0 talks"), titled("b", "1.0 talks", published=DAY + timedelta(days=4))]
    assert len(cluster(docs, embedder=AngleEmbedder(), threshold=0.7)) == 2
