"""Titles around a person's name, and whom they say the person represents.

A title grows into a zone by the words around it: before a name ("le chef de
la diplomatie russe | Sergueï Lavrov", "Iranian Foreign Minister | Abbas
Araghchi") or after it, as an apposition, relative clause or copula ("X, tout
juste nommé ambassadeur de Russie aux États-Unis", "X, who serves as envoy").
A zone's affiliation is its first actor that is not a destination: "aux
États-Unis" says where an ambassador serves, "de Russie" whom he represents.
"""
from __future__ import annotations

from .view import View


def affiliation(view: View, lo: int, hi: int) -> str | None:
    """The first actor in ``[lo, hi)`` that is not a destination ("aux États-Unis")."""
    for i in range(lo, hi):
        span = view.actor_spans.get(i)
        if span and (span[0] == i or i == lo) and not _destination(view, span[0]):
            return span[2]
    return None


def _destination(view: View, i: int) -> bool:
    if view.doc[i].pos_ == "ADJ":  # a demonym modifies the head noun, never a destination
        return False
    j = i - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    if j < 0:
        return False
    if view.word(j) in view.lex.non_affiliation:
        return True
    return view.word(j) in view.lex.connectors and j > 0 and view.word(j - 1) in view.lex.non_affiliation


# ----------------------------------------------------------------- titles around a name

def prenominal(view: View, start: int, *, allow_comma: bool = True) -> tuple[int, int] | None:
    """The title zone right before a name: "le chef de la diplomatie russe | Sergueï Lavrov"."""
    while start > 0 and view.word(start - 1) in view.lex.honorifics:  # "Prime Minister | Sheikh | Mohammed"
        start -= 1
    end = start - 1 if allow_comma and start > 0 and view.doc[start - 1].text == "," else start
    if end > 0 and view.doc[end - 1].pos_ == "ADP":  # "directeur de cabinet de | Jacques Delors"
        return None
    lo, taken = end, view.name_tokens
    while (lo > 0 and view.same_sentence(lo - 1, start) and view.in_zone(lo - 1) and lo - 1 not in taken
           and not _complement_of_other(view, lo)):
        lo -= 1
    while lo < end and view.is_connector(lo):
        lo += 1
    if lo == end:
        return None
    titled = any(i in view.title_tokens for i in range(lo, end))
    if end < start and (not titled or _after_preposition(view, lo)):
        return None
    if not titled and not any(i in view.actor_spans for i in range(lo, end)):
        return None
    return lo, end


def _complement_of_other(view: View, lo: int) -> bool:
    """A title governed by the word before it: "le porte-parole du | président Macron"."""
    return view.doc[lo - 1].pos_ == "ADP" and any(hit.start == lo and hit.title.titled for hit in view.hits)


def _after_preposition(view: View, lo: int) -> bool:
    j = lo - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    return j >= 0 and view.doc[j].pos_ in ("ADP", "SCONJ")


def apposition(view: View, end: int) -> tuple[int, int] | None:
    """``(title start, end)`` of a title after a name: apposition, relative clause or copula."""
    doc = view.doc
    if end >= len(doc) or not view.same_sentence(end, end - 1):
        return None
    if view.word(end) in view.lex.openers:
        j = end + 1
    elif doc[end].lemma_.lower() in view.lex.copulas:
        j = end
    else:
        return None
    limit = min(len(doc), end + 8)
    while j < limit and j not in view.title_tokens:
        if not view.same_sentence(j, end) or not _filler(view, j):
            return None
        j += 1
    if j >= limit or j in view.name_tokens or _governed(view, end, j):
        return None
    return j, extend(view, j)


def _governed(view: View, end: int, j: int) -> bool:
    """A title governed by a word other than a filler: "X, proche du Premier ministre"."""
    k = j - 1
    if k <= end or view.doc[k].pos_ != "ADP" or view.word(k) not in view.lex.connectors:
        return False
    return view.word(k - 1) not in view.lex.fillers


def _filler(view: View, j: int) -> bool:
    """Words between a name and its title: "tout juste nommé", "qui est", "Russia's newly appointed"."""
    token, word, lex = view.doc[j], view.word(j), view.lex
    if word in lex.clause_breakers or j in view.name_tokens:
        return False
    if word in lex.relatives or word in lex.fillers or word in lex.connectors or j in view.actor_spans:
        return True
    if token.lemma_.lower() in lex.copulas or token.pos_ in ("ADV", "DET", "AUX"):
        return True
    if token.pos_ == "VERB":
        # spaCy's stub wants MorphAnalysis.get's default, which is [] at run time: passed here explicitly
        return "Part" in token.morph.get("VerbForm", [])
    return view.is_modifier(j)


def extend(view: View, j: int) -> int:
    """End of the title phrase starting at ``j``: "ambassadeur de Russie aux États-Unis"."""
    k, limit = j, min(len(view.doc), j + 14)
    while k < limit and view.same_sentence(k, j):
        if k in view.name_tokens or (k not in view.title_tokens and k not in view.complement_tokens
                                     and k not in view.actor_spans and _ends_title(view, k)):
            break
        k += 1
    while k > j + 1 and k - 1 not in view.actor_spans and (view.is_connector(k - 1)
                                                          or view.doc[k - 1].pos_ in ("ADP", "ADV", "PART")):
        k -= 1
    return k


def _ends_title(view: View, k: int) -> bool:
    token, word, lex = view.doc[k], view.word(k), view.lex
    if (token.is_punct and not view.is_joiner(k)) or word in lex.clause_breakers or word in lex.relatives:
        return True
    if token.pos_ in ("VERB", "ADV") and token.pos_ not in lex.title_tail_pos:
        return True
    if token.pos_ in ("VERB", "AUX"):
        return token.pos_ == "AUX" or "Fin" in token.morph.get("VerbForm", [])
    if token.pos_ == "ADP" and word in lex.non_affiliation:  # "aux États-Unis", not "à la suite des élections"
        return not _actor_follows(view, k + 1)
    if token.pos_ == "ADP":
        return word not in lex.connectors
    return token.pos_ in ("NUM", "PRON", "SCONJ", "CCONJ")


def _actor_follows(view: View, k: int) -> bool:
    while k < len(view.doc) and (view.doc[k].pos_ == "DET" or view.word(k) in view.lex.connectors):
        k += 1
    return k in view.actor_spans

