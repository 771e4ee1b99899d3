"""Topics of an event, excluded topics and background topics, in French and English."""
from __future__ import annotations

import json

import pytest

from dragoman.config import data_dir
from dragoman.errors import UnsupportedLanguage
from dragoman.events.topics import TopicReading, keyword_regex, read_topics, topic_codes, topic_lexicon

CONTRACT_CODES = {
    "diplomatic_missions", "diplomatic_staffing", "visas", "bilateral_relations", "ukraine_war",
    "peace_process", "ceasefire", "sanctions", "arms_control", "trade", "energy", "security",
    "territorial_dispute", "prisoners", "migration", "human_rights", "terrorism", "humanitarian_aid",
    "nuclear_programme", "summit_preparation",
}


def _read(nlp, language: str, text: str) -> tuple[TopicReading, str]:
    doc = nlp[language](text)
    return read_topics(list(doc.sents), language=language), doc.text


def _codes(spans) -> set[str]:
    return {code for code, _, _ in spans}


TOPICS = [
    ("fr", "Les pourparlers porteront sur la délivrance des visas et le sort des consulats.",
     {"visas", "diplomatic_missions"}),
    ("fr", "Une réunion axée sur les échanges de prisonniers s'est tenue à Abou Dhabi.", {"prisoners"}),
    ("fr", "Les discussions, centrées sur le nombre de diplomates autorisés, ont débuté.",
     {"diplomatic_staffing"}),
    ("fr", "La séance sera consacrée à l'approvisionnement en gaz.", {"energy"}),
    ("fr", "Le dialogue concerne notamment les droits de douane et les exportations de céréales.",
     {"trade"}),
    ("fr", "Les ministres ont abordé la question des réfugiés.", {"migration"}),
    ("fr", "Au menu : un cessez-le-feu et un échange de prisonniers.", {"ceasefire", "prisoners"}),
    ("fr", "Les négociations sur le programme nucléaire iranien reprendront à Vienne.",
     {"nuclear_programme"}),
    ("en", "The talks will focus exclusively on embassy staffing and visas.",
     {"diplomatic_staffing", "visas"}),
    ("en", "The meeting was about the return of diplomatic property.", {"diplomatic_missions"}),
    ("en", "Their agenda includes a prisoner swap and humanitarian corridors.",
     {"prisoners", "humanitarian_aid"}),
    ("en", "The envoys discussed tariffs and oil supplies.", {"trade", "energy"}),
    ("en", "Arms control is on the agenda of the Geneva meeting.", {"arms_control"}),
    ("en", "Talks on a ceasefire in Gaza opened in Cairo.", {"ceasefire"}),
]

EXCLUDED = [
    ("fr", "Les délégués ne parleront pas des sanctions, selon le ministère.", set(), {"sanctions"}),
    ("fr", "Les discussions ne porteront pas sur la guerre en Ukraine.", set(), {"ukraine_war"}),
    ("fr", "Le conflit ukrainien reste hors de la table, a insisté Washington.", set(), {"ukraine_war"}),
    ("fr", "Le désarmement n'est pas à l'ordre du jour de cette rencontre.", set(), {"arms_control"}),
    ("fr", "Le commerce, grand absent des échanges, n'a pas été mentionné.", set(), {"trade"}),
    ("fr", "Pas de discussion sur les sanctions lors de ce tête-à-tête.", set(), {"sanctions"}),
    ("fr", "Points exclus : la Crimée et les sanctions.", set(), {"territorial_dispute", "sanctions"}),
    ("fr", "La question des frontières a été écartée des pourparlers, centrés sur les otages.",
     {"prisoners"}, {"territorial_dispute"}),
    ("fr", "Les pourparlers porteront sur les ambassades et non sur l'Ukraine.",
     {"diplomatic_missions"}, {"ukraine_war"}),
    ("en", "The talks will focus exclusively on embassy staffing and visas; Ukraine is not on the agenda.",
     {"diplomatic_staffing", "visas"}, {"ukraine_war"}),
    ("en", "Sanctions won't be discussed, a spokesman said.", set(), {"sanctions"}),
    ("en", "The delegations will not address the nuclear programme.", set(), {"nuclear_programme"}),
    ("en", "Territorial questions remain off the table.", set(), {"territorial_dispute"}),
    ("en", "Human rights were not discussed at the dinner.", set(), {"human_rights"}),
    ("en", "Excluded: the Crimea question and energy.", set(), {"territorial_dispute", "energy"}),
    ("en", "Migration was excluded from the talks on trade.", {"trade"}, {"migration"}),
    ("en", "The envoys covered visas, not sanctions.", {"visas"}, {"sanctions"}),
]

BACKGROUND = [
    ("fr", "La rencontre intervient dans un contexte de tensions sur les sanctions et le commerce.",
     {"sanctions", "trade"}),
    ("fr", "Les tensions restent vives, notamment à propos de l'Ukraine et du désarmement.",
     {"ukraine_war", "arms_control"}),
    ("fr", "Depuis le début de la guerre en Ukraine, les deux capitales se parlent peu.", {"ukraine_war"}),
    ("fr", "Les ministres se voient sur fond de crise migratoire.", {"migration"}),
    ("fr", "Évoquer les sanctions aurait fait échouer la réunion.", {"sanctions"}),
    ("en", "The meeting comes amid tensions over sanctions.", {"sanctions"}),
    ("en", "The envoys met amid tensions over Ukraine, arms control and sanctions.",
     {"ukraine_war", "arms_control", "sanctions"}),
    ("en", "Against the backdrop of the war in Ukraine, the two ministers met in Riyadh.", {"ukraine_war"}),
    ("en", "Since the Ukraine war began, the two capitals have barely spoken.", {"ukraine_war"}),
    ("en", "If the talks had covered sanctions, they would have collapsed.", {"sanctions"}),
    ("en", "Washington imposed new sanctions on Moscow last week.", {"sanctions"}),
    ("fr", "La semaine dernière, Bruxelles a adopté un nouveau train de sanctions.", {"sanctions"}),
]


@pytest.mark.parametrize("language, text, expected", TOPICS)
def test_topics_in_the_scope_of_topic_cues(nlp, language, text, expected):
    reading, _ = _read(nlp, language, text)
    assert _codes(reading.topics) == expected
    assert not reading.excluded


@pytest.mark.parametrize("language, text, topics, excluded", EXCLUDED)
def test_excluded_topics_in_the_scope_of_negation_or_exclusion(nlp, language, text, topics, excluded):
    reading, _ = _read(nlp, language, text)
    assert _codes(reading.excluded) == excluded
    assert _codes(reading.topics) == topics


@pytest.mark.parametrize("language, text, background", BACKGROUND)
def test_background_frames_are_neither_topics_nor_excluded(nlp, language, text, background):
    reading, _ = _read(nlp, language, text)
    assert _codes(reading.background) == background
    assert not _codes(reading.topics) & background
    assert not reading.excluded


@pytest.mark.parametrize("language, text", [
    ("fr", "Les discussions porteront exclusivement sur les visas. L'embargo pétrolier pèse sur l'économie."),
    ("fr", "Les pourparlers se limitent aux ambassades. La Crimée reste un sujet sensible."),
    ("en", "The talks will deal only with visas. Oil prices keep rising."),
])
def test_exclusive_scope_demotes_other_mentions(nlp, language, text):
    reading, _ = _read(nlp, language, text)
    assert set(reading.topic_codes) <= {"visas", "diplomatic_missions"}
    assert reading.background


@pytest.mark.parametrize("language, text, code, surface", [
    ("fr", "Les discussions porteront sur les visas.", "visas", "visas"),
    ("fr", "Le sort des personnels diplomatiques sera examiné.", "diplomatic_staffing", "personnels diplomatiques"),
    ("en", "Talks on the war in Ukraine resumed.", "ukraine_war", "war in Ukraine"),
])
def test_spans_point_into_the_document_text(nlp, language, text, code, surface):
    reading, doc_text = _read(nlp, language, text)
    spans = [(c, doc_text[s:e]) for c, s, e in reading.topics]
    assert (code, surface) in spans


def test_spans_are_offsets_of_the_whole_document(nlp):
    doc = nlp["en"]("Officials met on Monday. The talks focused on visas.")
    second = list(doc.sents)[1]
    reading = read_topics([second], language="en")
    (code, start, end), = reading.topics
    assert code == "visas" and doc.text[start:end] == "visas"


@pytest.mark.parametrize("language, text", [
    ("fr", "Le Conseil de sécurité se réunira lundi."),
    ("en", "The national security adviser met the ambassador."),
])
def test_stop_phrases_are_not_topics(nlp, language, text):
    reading, _ = _read(nlp, language, text)
    assert not (reading.topics or reading.excluded or reading.background)


def test_topic_codes_drop_codes_that_are_also_excluded():
    reading = TopicReading(topics=(("visas", 0, 5), ("ukraine_war", 10, 17)),
                           excluded=(("ukraine_war", 30, 37),))
    assert reading.topic_codes == ("visas",)
    assert reading.excluded_codes == ("ukraine_war",)


def test_contract_codes_are_the_common_table():
    assert set(topic_codes()) == CONTRACT_CODES


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_code_has_keywords_and_every_cue_is_well_formed(language):
    with open(data_dir() / language / "topics.json", encoding="utf-8") as handle:
        raw = json.load(handle)
    assert set(raw["keywords"]) == CONTRACT_CODES
    assert all(cue["role"] in ("topic", "excluded") for cue in raw["cues"])
    assert all(cue["scope"] in ("complement", "subject", "both", "noun", "label") for cue in raw["cues"])
    assert topic_lexicon(language).keywords


@pytest.mark.parametrize("pattern, text, found", [
    ("visa(s)", "des visas", True),
    ("visa(s)", "un visage", False),
    ("ukrain*", "la guerre russo-ukrainienne", True),
    ("expel* * diplomats", "expelled 20 diplomats", True),
    ("droits de l'homme", "droits de l’homme", True),
])
def test_keyword_patterns(pattern, text, found):
    import re

    assert bool(re.search(keyword_regex(pattern), text, re.IGNORECASE)) is found


def test_topic_lexicon_unknown_language_raises():
    with pytest.raises(UnsupportedLanguage):
        topic_lexicon("xx")


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "La Russie a expulsé mercredi deux diplomates britanniques accusés d'espionnage."),
    ("fr", "Moscou a annoncé l'expulsion de dix diplomates allemands."),
    ("en", "Russia expelled on Wednesday three British diplomats."),
    ("en", "Russia announced the expulsion of ten German diplomats."),
])
def test_expelling_diplomats_is_about_diplomatic_staffing(nlp, language, text):
    doc = nlp[language](text)
    assert "diplomatic_staffing" in read_topics(list(doc.sents), language=language).topic_codes
