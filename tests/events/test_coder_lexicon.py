"""The trigger lexicons and the PLOVER table are consistent data."""
from __future__ import annotations

import json

import pytest

from dragoman.config import data_dir
from dragoman.errors import ConfigError
from dragoman.events.triggers import TriggerLexicon, parse_entry, plover
from dragoman.model import PLOVER_TYPES

LANGUAGES = ("en", "fr")


def _types_by_span(nlp, language: str, text: str) -> dict[str, str]:
    """Trigger text -> PLOVER type of every trigger the lexicon finds in ``text``."""
    doc = nlp[language](text)
    return {doc.text[m.start:m.end]: m.entry.type for m in TriggerLexicon.for_language(language).find(doc[:])}


def _coded_as(found: dict[str, str], trigger: str, kind: str) -> bool:
    """Whether a trigger span holding ``trigger`` was coded as ``kind``."""
    return any(trigger in span and found[span] == kind for span in found)


def _entries(language: str):
    lexicon = TriggerLexicon.for_language(language)
    return {id(e): e for bucket in (*lexicon.by_word.values(), *lexicon.phrases.values()) for e in bucket}.values()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plover_type_has_triggers(language):
    assert {entry.type for entry in _entries(language)} == set(PLOVER_TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_modes_are_modes_of_their_type(language):
    modes = json.loads((data_dir() / "common" / "plover.json").read_text(encoding="utf-8"))["types"]
    for entry in _entries(language):
        assert entry.mode is None or entry.mode in modes[entry.type]["modes"], entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_name_the_argument_prepositions(language):
    roles = set(TriggerLexicon.for_language(language).cues.prepositions.values())
    assert {"partner", "target", "agent", "genitive"} <= roles


@pytest.mark.parametrize(("cameo", "kind", "mode"), [
    ("042", "CONSULT", "visit"), ("0841", "RETREAT", "release"), ("163", "SANCTION", "discontinue"),
    ("166", "SANCTION", "expel"), ("173", "COERCE", "arrest"), ("195", "ASSAULT", "aerial"),
    ("023", "REQUEST", "assist"), ("057", "SUPPORT", None), ("0311", "AGREE", None),
])
def test_cameo_codes_map_to_plover_by_longest_prefix(cameo, kind, mode):
    assert plover().type_of(cameo) == (kind, mode)


def test_an_entry_without_a_plover_type_is_a_config_error():
    with pytest.raises(ConfigError):
        parse_entry({"lemma": ["ponder"], "cameo": "01"}, plover())


def test_entry_type_defaults_from_cameo_and_can_be_overridden():
    entry = parse_entry({"lemma": ["recall"], "cameo": "161", "type": "SANCTION", "mode": "withdraw"}, plover())
    assert (entry.type, entry.mode, entry.symmetric) == ("SANCTION", "withdraw", False)
    assert parse_entry({"lemma": ["meet"], "cameo": "040"}, plover()).symmetric


@pytest.mark.parametrize(("language", "text", "trigger", "kind"), [
    ("fr", "Les pourparlers ont repris.", "pourparlers", "CONSULT"),
    ("fr", "Le ministre s'est entretenu avec son homologue.", "entretenu", "CONSULT"),
    ("fr", "Le diplomate a été déclaré persona non grata.", "déclaré", "SANCTION"),
    ("fr", "Un cessez-le-feu est entré en vigueur.", "cessez-le-feu", "RETREAT"),
    ("en", "The diplomat was declared persona non grata.", "declared", "SANCTION"),
    ("en", "Workers went on strike.", "strike", "PROTEST"),
    ("en", "Israeli air strikes hit Gaza.", "strikes", "ASSAULT"),
])
def test_lexicon_finds_triggers_by_lemma_form_and_phrase(nlp, language, text, trigger, kind):
    found = _types_by_span(nlp, language, text)
    assert _coded_as(found, trigger, kind), found


def test_a_reflexive_entry_needs_its_pronoun(nlp):
    doc = nlp["fr"]("La société entretient de bonnes relations avec ses clients.")
    assert TriggerLexicon.for_language("fr").find(doc[:]) == []


@pytest.mark.parametrize("language, text, trigger, kind", [
    ("fr", "Le ministre et l'émissaire ont échangé par l'intermédiaire d'Oman.", "échangé", "RETREAT"),
    ("en", "The minister and the envoy exchanged views through Omani mediators.", "exchanged", "RETREAT"),
])
def test_who_does_the_exchange_is_not_what_is_exchanged(nlp, language, text, trigger, kind):
    found = _types_by_span(nlp, language, text)
    assert not _coded_as(found, trigger, kind), found


@pytest.mark.parametrize("language, text, trigger", [
    ("fr", "Les deux pays ont échangé des prisonniers samedi.", "échangé"),
    ("fr", "Des prisonniers ont été échangés à la frontière.", "échangés"),
    ("en", "The two countries exchanged prisoners on Saturday.", "exchanged"),
    ("en", "Prisoners were swapped at the border.", "swapped"),
])
def test_exchanging_prisoners_is_a_retreat(nlp, language, text, trigger):
    found = _types_by_span(nlp, language, text)
    assert _coded_as(found, trigger, "RETREAT"), found


@pytest.mark.parametrize("language, text, trigger", [
    ("en", "The second round of talks ended after an hour.", "ended"),
    ("en", "Relations between the neighbours have ended badly.", "ended"),
    ("fr", "Les négociations se sont arrêtées après une heure.", "arrêtées"),
])
def test_talks_that_end_are_not_talks_broken_off(nlp, language, text, trigger):
    found = _types_by_span(nlp, language, text)
    assert not _coded_as(found, trigger, "SANCTION"), found


@pytest.mark.parametrize("language, text, trigger", [
    ("en", "Moscow halted the talks with Kyiv.", "halted"),
    ("en", "The negotiations were halted on Monday.", "halted"),
    ("fr", "Moscou a rompu les négociations avec Kiev.", "rompu"),
    ("fr", "Les négociations ont été rompues lundi.", "rompues"),
])
def test_breaking_off_talks_is_a_sanction(nlp, language, text, trigger):
    found = _types_by_span(nlp, language, text)
    assert _coded_as(found, trigger, "SANCTION"), found


@pytest.mark.parametrize("language, text, trigger", [
    ("en", "U.S., Russian diplomats end second round of embassy talks in Istanbul", "end"),
    ("en", "The delegations ended six hours of talks at the consulate.", "ended"),
    ("en", "The EU called for talks with Russia.", "called"),
])
def test_ending_a_round_or_calling_for_talks_is_not_breaking_them_off(nlp, language, text, trigger):
    found = _types_by_span(nlp, language, text)
    assert not _coded_as(found, trigger, "SANCTION"), found


def test_ending_mediation_efforts_is_breaking_them_off(nlp):
    found = _types_by_span(nlp, "en", "Syrian officers ended mediation efforts between rival militias.")
    assert any("ended" in span and kind == "SANCTION" for span, kind in found.items()), found
