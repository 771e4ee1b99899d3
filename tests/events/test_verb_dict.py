"""PETRARCH verb dictionaries (``dragoman code --verbs``): reading them and coding with them."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dragoman.errors import UnreadableInput
from dragoman.events import code_doc, contract_events, run_code
from dragoman.nlp.actors import ActorMatcher
from dragoman.nlp.verb_dict import VerbDictionary, read_verbs

PETR_VERBS_TYPE_F1 = 0.64  # measured 0.678 (precision 0.627, recall 0.737) with the PETRARCH validation dictionaries

VERBS = """\
<!-- a test dictionary
     over two lines -->
&LEVIES
+TARIFF
+EXPORT_BAN_            # "_": no plural
+ECONOMIC SANCTIONS

&ALL_LEVIES_
+&LEVIES
+QUOTAS

--- ATTACK [111] ---
ATTACK   # verbal attacks: the built-in lexicon says ASSAULT
- TROOPS * [193]
- WILL NOT * [124]
- * &UNDEFINED [998]     # a pattern with an undefined synset is skipped

--- IMPOSE [---] ---
IMPOSE
- * &LEVIES [172]

--- WITHDRAW [0874] ---
WITHDRAW {WITHDREW WITHDRAWN WITHDRAWS}
- * FROM_THE TREATY [161]
+CUT_OFF {+CUTS_OFF +CUTTING_OFF} [1621]

--- RECEIVE [---] ---
RECEIVE
- + * AID FROM $ [070]
- + * {LOANS | CREDIT_LINES} (FROM $) [071]     # TABARI alternatives, a PETRARCH 2 phrase

--- VISIT [042:043] ---
VISIT

--- MEET [345] ---
MEET {MET MEETS MEETING}

--- HOLD [---] ---
HOLD {HELD HOLDS HOLDING}
- * TALKS_BEHIND CLOSED_DOORS [045]

--- SAY [023] ---
SAY {SAID SAYS SAYING}

--- AGREE [081] ---
AGREE
- % * [030:030]
~ a transformation, not read
"""

OTHER = """\
--- APPLAUD [052] ---
APPLAUD
"""


@pytest.fixture()
def verbs_file(tmp_path) -> Path:
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return path


def _code(text: str, verbs=(), nlp=None) -> list[tuple]:
    rows = [{"id": "s", "text": text, "language": "en"}]
    [row] = run_code(rows, verbs=verbs, nlp=nlp.__getitem__ if nlp else None)
    return [(e["type"], e["cameo"], e["source"], e["target"]) for e in row["events"]]


# ----------------------------------------------------------------- reading

def test_blocks_forms_and_codes_are_read(verbs_file):
    verbs = VerbDictionary.load([verbs_file])
    attack = verbs.by_word["ATTACKED"][0]
    assert (attack.block.name, attack.code) == ("ATTACK", "111")
    assert [f.code for f in verbs.by_word["WITHDREW"]] == ["0874"]
    assert "WITHDRAWED" not in verbs.by_word  # listed forms replace the regular ones
    assert {"IMPOSES", "IMPOSED", "IMPOSING"} <= set(verbs.by_word)
    cut = verbs.by_word["CUTTING"][0]
    assert (cut.word, cut.after, cut.code) == ("CUTTING", ("OFF",), "1621")


def test_synsets_expand_with_plurals_unless_marked(verbs_file):
    forms, _ = read_verbs(VERBS.splitlines())
    impose = next(f for f in forms if f.word == "IMPOSE").block
    [levies] = impose.patterns[0].after
    assert {("TARIFF",), ("TARIFFS",), ("EXPORT", "BAN"), ("ECONOMIC", "SANCTIONS")} <= set(levies.phrases)
    assert ("EXPORT", "BANS") not in levies.phrases


def test_connectors_markers_and_skipped_patterns(verbs_file):
    verbs = VerbDictionary.load([verbs_file])
    withdraw = verbs.by_word["WITHDRAW"][0].block.patterns[0]
    assert [(e.phrases, e.tight) for e in withdraw.after] == [((("FROM",),), False), ((("THE",),), True),
                                                             ((("TREATY",),), False)]
    receive = verbs.by_word["RECEIVE"][0].block.patterns[1]
    assert [e.kind for e in receive.before] == ["target"]
    assert [e.kind for e in receive.after] == ["words", "words", "source"]
    assert [line.split()[2] for line in verbs.skipped] == ["&UNDEFINED"]
    loans = verbs.by_word["RECEIVE"][0].block.patterns[0]
    assert loans.after[0].phrases == (("LOANS",), ("CREDIT", "LINES"))
    assert [e.kind for e in loans.after[1:]] == ["words", "source"]


def test_an_unreadable_dictionary_is_an_input_error(tmp_path):
    with pytest.raises(UnreadableInput):
        VerbDictionary.load([tmp_path / "missing.verbs.txt"])


# ----------------------------------------------------------------- coding

@pytest.mark.parametrize("text, expected", [
    ("Russia attacked France.", ("ACCUSE", "111", ["RUS"], ["FRA"])),           # the block's default code
    ("Russian troops attacked Ukraine.", ("ASSAULT", "193", ["RUS"], ["UKR"])),  # a word before the verb
    ("France withdrew from the treaty with Russia.", ("SANCTION", "161", ["FRA"], ["RUS"])),  # a preposition
    ("Russia cut off gas supplies to Ukraine.", ("SANCTION", "1621", ["RUS"], ["UKR"])),  # a particle verb
    ("France imposed tariffs on China.", ("COERCE", "172", ["FRA"], ["CHN"])),  # a synset, with its plural
    ("France imposed an export ban on China.", ("COERCE", "172", ["FRA"], ["CHN"])),  # a synset phrase
])
def test_dictionary_codes_its_verbs(verbs_file, nlp, text, expected):
    assert expected in _code(text, (verbs_file,), nlp)


def test_source_and_target_markers_override_the_tree(verbs_file, nlp):
    assert _code("Ukraine received military aid from Germany.", (verbs_file,), nlp) == [
        ("AID", "070", ["DEU"], ["UKR"])]
    assert _code("Ukraine received new credit lines from Germany.", (verbs_file,), nlp) == [
        ("AID", "071", ["DEU"], ["UKR"])]


def test_paired_code_adds_the_targets_event(verbs_file, nlp):
    assert _code("France visited China.", (verbs_file,), nlp) == [
        ("CONSULT", "042", ["FRA"], ["CHN"]), ("CONSULT", "043", ["CHN"], ["FRA"])]


def test_compound_subject_members_act_on_each_other(verbs_file, nlp):
    coded = _code("France and Germany agreed that Russia must leave Ukraine.", (verbs_file,), nlp)
    assert ("AGREE", "030", ["FRA"], ["DEU"]) in coded and ("AGREE", "030", ["DEU"], ["FRA"]) in coded


def test_dictionary_wins_over_the_built_in_lexicon(verbs_file, nlp):
    assert _code("Russia attacked France.", (), nlp) == [("ASSAULT", "190", ["RUS"], ["FRA"])]
    assert _code("Russia attacked France.", (verbs_file,), nlp) == [("ACCUSE", "111", ["RUS"], ["FRA"])]


def test_a_code_plover_cannot_express_codes_no_event(verbs_file, nlp):
    assert _code("Russia met China.", (), nlp)
    assert _code("Russia met China.", (verbs_file,), nlp) == []


@pytest.mark.parametrize("text", [
    "China sanctioned Japan.",               # a verb the dictionary does not know
    "Russia held talks with China.",         # a verb known only through patterns that do not fit
    "France imposed export bans on China.",  # no plural for EXPORT_BAN_: IMPOSE [---] is left to the lexicon
])
def test_verbs_the_dictionary_does_not_code_fall_back_to_the_lexicon(verbs_file, nlp, text):
    assert _code(text, (verbs_file,), nlp) == _code(text, (), nlp)


def test_dictionary_codes_are_not_shifted_for_the_future(verbs_file, nlp):
    assert _code("Russia will attack Ukraine.", (), nlp)[0][0] == "THREATEN"
    assert _code("Russia will attack Ukraine.", (verbs_file,), nlp) == [("ACCUSE", "111", ["RUS"], ["UKR"])]


def test_negation_follows_the_pattern_or_else_plover(verbs_file, nlp):
    assert _code("Russia will not attack Ukraine.", (verbs_file,), nlp) == [("REJECT", "124", ["RUS"], ["UKR"])]
    assert _code("Russia did not attack Ukraine.", (verbs_file,), nlp) == []


def test_a_reporting_verb_does_not_swallow_what_it_reports(verbs_file, nlp):
    coded = _code("France attacked Russia, Germany said.", (verbs_file,), nlp)
    assert ("ACCUSE", "111", ["FRA"], ["RUS"]) in coded
    assert any(cameo == "023" and source == ["DEU"] for _, cameo, source, _ in coded)


def test_first_dictionary_wins_and_both_are_read(verbs_file, tmp_path, nlp):
    other = tmp_path / "other.verbs.txt"
    other.write_text(OTHER + VERBS.replace("[111]", "[112]"), encoding="utf-8")
    assert _code("Russia attacked France.", (verbs_file, other), nlp)[0][1] == "111"
    assert _code("Russia applauded France.", (verbs_file, other), nlp)[0][1] == "052"


# ----------------------------------------------------------------- without --verbs nothing changes

SENTENCES = ["Russia attacked France.", "Russia will attack Ukraine.", "France and Germany held talks in Paris.",
             "Ukraine received military aid from Germany.", "France attacked Russia, Germany said.",
             "Les ministres russe et turc se sont entretenus par téléphone."]


@pytest.mark.parametrize("text", SENTENCES)
def test_without_verbs_the_output_is_the_built_in_coders(tmp_path, nlp, text):
    language = "fr" if text.startswith("Les") else "en"
    doc = nlp[language](text)
    mentions = list(ActorMatcher.for_language(language).find(doc.text))
    expected = contract_events(code_doc(doc, mentions, language=language))
    [row] = run_code([{"id": "s", "text": text, "language": language}], nlp=nlp.__getitem__)
    assert row["events"] == expected
    unknown = tmp_path / "unknown.verbs.txt"
    unknown.write_text("--- PERAMBULATE [042] ---\nPERAMBULATE\n", encoding="utf-8")
    [row] = run_code([{"id": "s", "text": text, "language": language}], verbs=(unknown,), nlp=nlp.__getitem__)
    assert row["events"] == expected


# ----------------------------------------------------------------- PETRARCH's own validation set

def test_petrarch_unit_records_with_the_validation_verbs_meet_the_floor(shared_dir, nlp):
    petr = shared_dir / "eval" / "peers" / "petrarch"
    if not (petr / "PETR.Validate.verbs.txt").is_file():
        pytest.skip("no PETRARCH validation dictionaries")
    gold = petr / "PETR.UnitTest.records.jsonl"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = list(run_code(rows, dictionaries=(petr / "PETR.Validate.actors.txt", petr / "PETR.Validate.agents.txt"),
                              verbs=(petr / "PETR.Validate.verbs.txt",), nlp=nlp.__getitem__))
    spec = importlib.util.spec_from_file_location("dragoman_eval_score", shared_dir / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    report, _ = scorer.score_sentences(rows, predicted)
    assert report["missing_predictions"] == 0
    assert report["type"]["f1"] >= PETR_VERBS_TYPE_F1
