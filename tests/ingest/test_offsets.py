"""Every kept character of a cleaned text maps back to the raw text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.errors import EmptyInput
from dragoman.ingest import clean
from dragoman.model import Document, RawItem

FRAGMENTS = [
    "ActualitésInternational", "Accueil > Monde", "World News", "Politique", "🇺🇦🇷🇺 Pourparlers à Istanbul",
    "Pourparlers à Istanbul", "Les délégations se sont réunies lundi.", "Cliquez pour tout savoir !",
    "Click here to find out more.", "Une source anonyme l’a confirmé.", "M. Lavrov a parlé à Mme Kallas.",
    "The U.S. envoy left on Tuesday.", "Lire aussi : la suite", "Read more: the rest", "Partager sur Facebook",
    "Passionné et dévoué, j'explore l'information.", "Pour explorer les options de sponsoring, contactez-nous.",
    "« Nous négocierons. »", "Et après ?", "[…]", "Subscribe to our newsletter.", "• Point un : les visas.",
    "Le ministre a dit : « Non ! »", "Un Titre En Majuscules Partout Ici",
]
SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "  ", "\n \n", "\t", "\u00a0", "\n\n\n"])
PIECES = st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=30))


@st.composite
def raw_texts(draw) -> str:
    pieces = draw(st.lists(PIECES, min_size=1, max_size=25))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)


def assert_maps_back(doc: Document) -> None:
    covered = set()
    previous_end = 0
    for clean_start, raw_start, length in doc.offsets.segments:
        assert length > 0 and clean_start >= previous_end
        assert doc.raw_text[raw_start:raw_start + length] == doc.text[clean_start:clean_start + length]
        covered.update(range(clean_start, clean_start + length))
        previous_end = clean_start + length
    separators = {i for i in range(len(doc.text)) if i not in covered}
    assert all(doc.text[i] in " \n" for i in separators)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_texts(), st.sampled_from([None, "fr", "en", "de"]), st.sampled_from([None, "Un titre donné"]))
def test_cleaned_text_maps_back_to_raw_text(text, language, title):
    try:
        doc = clean(RawItem(source="h.txt", text=text, language=language, title=title), min_chars=1)
    except EmptyInput:
        return
    assert_maps_back(doc)
    assert doc.text == doc.text.strip()
    assert "\n\n\n" not in doc.text
    assert doc.flags == tuple(sorted(set(doc.flags)))


@settings(max_examples=100, deadline=None)
@given(raw_texts())
def test_to_raw_points_at_the_same_character(text):
    try:
        doc = clean(RawItem(source="h.txt", text=text), min_chars=1)
    except EmptyInput:
        return
    for clean_start, _, length in doc.offsets.segments:
        for offset in range(clean_start, clean_start + length):
            assert doc.raw_text[doc.offsets.to_raw(offset)] == doc.text[offset]


def test_raw_text_is_the_decoded_text_when_no_title_is_added():
    text = "Pourparlers à Istanbul\n\nLes délégations se sont réunies lundi. Cliquez pour tout savoir !\n"
    doc = clean(RawItem(source="a.txt", text=text))
    assert doc.raw_text == text
    assert_maps_back(doc)
