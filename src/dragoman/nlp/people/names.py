"""Pass 1 of the people reader: every name in a document.

The parser's PER/PERSON entities cleaned of titles and punctuation, capitalised
runs right after a title that the parser missed ("le ministre Sergueï Lavrov"),
and later bare surnames of people already named.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...text import fold_name
from .titles import apposition, prenominal
from .view import PERSON_LABELS, View, proper

# Entity labels a missed name may carry: small models often read rare names as products or works.
NAME_LABELS = frozenset({"", *PERSON_LABELS, "PRODUCT", "WORK_OF_ART", "MISC"})


def find_names(view: View) -> None:
    """Every name in the document, into ``view.names``."""
    for ent in view.doc.ents:
        if ent.label_ in PERSON_LABELS:
            cleaned = _clean_name(view, ent.start, ent.end)
            if cleaned and _plausible(view, *cleaned):
                view.add_name(cleaned[0], _extend_name(view, cleaned[1]))
    for start, end in list(_missed_names(view)):
        view.add_name(start, end)
    _add_surnames(view)


def _clean_name(view: View, lo: int, hi: int) -> tuple[int, int] | None:
    """An entity span without leading titles, honorifics and punctuation ("M. | Fidan")."""
    lex = view.lex
    while lo < hi and (view.doc[lo].is_punct or lo in view.title_tokens or lo in view.complement_tokens
                       or view.word(lo) in lex.honorifics or not view.doc[lo].text[:1].isupper()):
        lo += 1
    while hi > lo and (view.doc[hi - 1].is_punct or not view.doc[hi - 1].text[:1].isupper()):
        hi -= 1
    if lo == hi or not all(_name_token(view, i) for i in range(lo, hi)):
        return None
    return lo, hi


def _name_token(view: View, i: int) -> bool:
    text = view.doc[i].text
    if view.word(i) in view.lex.particles or text in ("-", "‐"):
        return True
    return proper(text) and i not in view.complement_tokens


def _extend_name(view: View, end: int) -> int:
    """Through particles and hyphens the parser cut: "Hans Van | den Broek", "Moon Jae | -in"."""
    end = _syllables(view, end)
    k = end
    while k + 1 < len(view.doc) and (view.word(k) in view.lex.particles or view.doc[k].text == "-"):
        k += 1
    if k > end and proper(view.doc[k].text) and k not in view.title_tokens and view.same_sentence(k, end):
        return k + 1
    return end


def _syllables(view: View, end: int) -> int:
    """A hyphenated syllable written in lower case ends a name: "Jae-in", "Jong-un", "Son-hui"."""
    doc = view.doc
    while (end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].text.isalpha() and doc[end + 1].text.islower()
           and len(doc[end + 1].text) <= 4):
        end += 2
    return end


def _plausible(view: View, lo: int, hi: int) -> bool:
    """Not a place or organisation that the parser read as a person."""
    covered = [i in view.actor_spans for i in range(lo, hi)]
    if covered[0] and not all(covered):
        return False
    return not all(covered) or prenominal(view, lo) is not None


def _capitalised(view: View, i: int) -> bool:
    token = view.doc[i]
    return (proper(token.text) and not token.is_punct and i not in view.title_tokens
            and view.word(i) not in view.lex.honorifics
            and i not in view.complement_tokens and token.ent_type_ in NAME_LABELS
            and (i not in view.actor_spans or token.ent_type_ in PERSON_LABELS)
            and not any(ch.isdigit() for ch in token.text))


def _missed_names(view: View) -> Iterator[tuple[int, int]]:
    """Capitalised runs the parser did not label PER but a title frames: "le ministre Sergueï
    Lavrov", "led by Sonata Coulter, a deputy assistant secretary of state"."""
    taken = view.name_tokens
    i = 0
    while i < len(view.doc):
        end = i
        while end < len(view.doc) and end - i < 4 and end not in taken and _capitalised(view, end):
            end += 1
        if end == i:
            i += 1
            continue
        zone = prenominal(view, i, allow_comma=False) if i > 0 and view.in_zone(i - 1) else None
        if zone and any(j in view.title_tokens for j in range(*zone)):
            yield i, end
        elif end - i > 1 and all(view.doc[j].pos_ == "PROPN" for j in range(i, end)) and apposition(view, end):
            yield i, end
        i = end


def _add_surnames(view: View) -> None:
    """Later bare surnames of people named in full, which NER often misses at a sentence's start."""
    surnames = {fold_name(view.doc[end - 1].text) for start, end in view.names.items() if end - start > 1}
    taken = view.name_tokens
    for token in view.doc:
        span = view.actor_spans.get(token.i)
        if (token.i not in taken and token.text[:1].isupper() and token.i not in view.title_tokens
                and fold_name(token.text) in surnames and (span is None or span[1] - span[0] == 1)):
            view.add_name(token.i, token.i + 1)
