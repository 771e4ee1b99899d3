"""Text normalisation: what each fold keeps, changes and leaves alone, in French and English."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dragoman.text import (
    fold_accents,
    fold_for_dates,
    fold_name,
    fold_same_length,
    normalise_text,
    plain_apostrophes,
    plain_apostrophes_and_spaces,
    word_key,
)

SAME_LENGTH = (fold_same_length, fold_for_dates, plain_apostrophes, plain_apostrophes_and_spaces)


@pytest.mark.parametrize("fold", SAME_LENGTH)
@given(text=st.text())
def test_same_length_folds_keep_every_offset(fold, text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("text", "folded"), [
    ("États-Unis", "etats-unis"),
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("Nizhny Novgorod – Moscow", "nizhny novgorod - moscow"),
    ("Saint‑Barthélemy", "saint-barthelemy"),
    ("L’Élysée", "l'elysee"),
])
def test_fold_same_length_lowers_strips_accents_and_unifies_hyphens(text, folded):
    assert fold_same_length(text) == folded


@pytest.mark.parametrize(("text", "kept"), [
    ("Paris — Berlin", "paris — berlin"),  # an em dash is not a hyphen of a name
    ("Москва", "Москва"),  # beyond Latin nothing changes, not even the case
    ("2\u00a0000", "2\u00a0000"),
])
def test_fold_same_length_leaves_dashes_other_scripts_and_spaces(text, kept):
    assert fold_same_length(text) == kept


@pytest.mark.parametrize(("text", "folded"), [
    ("Le 1er Février 2025", "le 1er fevrier 2025"),
    ("aujourd’hui", "aujourd'hui"),
    ("aujourdʻhui", "aujourd'hui"),
    ("du 3 — 5 mars", "du 3 - 5 mars"),
    ("du 3\u20135 mars", "du 3-5 mars"),
    ("le 14\u00a0juillet", "le 14 juillet"),
    ("Monday, Feb.\u202f18", "monday, feb. 18"),
])
def test_fold_for_dates_also_unifies_dashes_apostrophes_and_spaces(text, folded):
    assert fold_for_dates(text) == folded


def test_fold_for_dates_keeps_a_letter_whose_lower_case_is_longer():
    assert fold_for_dates("İstanbul") == "İstanbul"
    assert fold_same_length("İstanbul") == "istanbul"


@pytest.mark.parametrize(("text", "folded"), [
    ("Sergueï Lavrov", "serguei lavrov"),
    ("Straße", "strasse"),
    ("ﬁnancement", "financement"),
    ("Élysée", "elysee"),
    ("d’Estaing", "d’estaing"),  # the apostrophe is kept: word runs split on it anyway
])
def test_fold_accents_casefolds_and_decomposes(text, folded):
    assert fold_accents(text) == folded


@pytest.mark.parametrize(("a", "b"), [
    ("Valéry Giscard d’Estaing", "valery giscard d'estaing"),
    ("Jean-Noël Barrot", "JEAN-NOEL BARROT"),
    ("Marc O’Neill", "Marc O'Neill"),
])
def test_fold_name_compares_spellings_of_one_name(a, b):
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(("text", "key"), [
    ("L’Ambassadeur", "l'ambassadeur"),
    ("Secretary", "secretary"),
    ("Prime Minister’s", "prime minister's"),
])
def test_word_key_is_lower_case_with_a_plain_apostrophe(text, key):
    assert word_key(text) == key


def test_word_key_keeps_accents_and_other_apostrophes():
    assert word_key("Président") == "président"
    assert word_key("l‘envoyé") == "l‘envoyé"


@pytest.mark.parametrize(("text", "plain"), [
    ("l’ambassadeur", "l'ambassadeur"),
    ("the envoy’s visit", "the envoy's visit"),
    ("‘quoted’", "‘quoted'"),  # only the typographic apostrophe
])
def test_plain_apostrophes_straightens_only_the_typographic_apostrophe(text, plain):
    assert plain_apostrophes(text) == plain


@pytest.mark.parametrize(("text", "plain"), [
    ("Lire aussi\u00a0: l’entretien", "Lire aussi : l'entretien"),
    ("Read more\u202f: ‘Moscow’s view’", "Read more : 'Moscow's view'"),
    ("Publié le 3\u2009mars", "Publié le 3 mars"),
])
def test_plain_apostrophes_and_spaces_keeps_case_and_accents(text, plain):
    assert plain_apostrophes_and_spaces(text) == plain


def test_plain_apostrophes_and_spaces_leaves_dashes():
    assert plain_apostrophes_and_spaces("Paris — Berlin – Rome") == "Paris — Berlin – Rome"


@pytest.mark.parametrize(("text", "normal"), [
    ("Le ministre\r\na déclaré\rque", "Le ministre\na déclaré\nque"),
    ("\ufeffThe minister\u2028said", "The minister\nsaid"),
    ("e\u0301te\u0301", "été"),  # decomposed accents are composed (NFC)
])
def test_normalise_text_unifies_line_breaks_boms_and_composition(text, normal):
    assert normalise_text(text) == normal
