"""The tense around an expression: past (-1), future (+1) or unknown (0).

Cues come from the language's lexicon: auxiliaries, future and conditional
endings, imperfect endings, and temporal words (hier, dernier, prochain,
d'ici...). The cue nearest to the expression inside its sentence wins, so
"a annoncé mardi qu'il partira jeudi" reads mardi as past and jeudi as future.
"""
from __future__ import annotations

from .lexicon import Item, Lexicon, Tense

_SENTENCE_END = frozenset(".!?;")
_CLAUSE_END = frozenset(":()")
# "jusqu'à 17 h", "depuis" after an expression govern what follows them, not the expression
_PREPOSITIONS = frozenset({"TO", "BY", "SINCE", "AGO"})
_AGO_SUFFIX = "AGOS"  # "before", "earlier": after a count of days they look back ("two days earlier")
_PUNCTUATION = frozenset({"COMMA", "DOT", "DASH", "SLASH", "APOS"})
_ATTRIBUTION_REACH = 5  # tokens from a comma to its reporting verb (", the White House said")
REACH = 12  # tokens: a verb further away than this rarely governs the expression
_SKIP = frozenset({"ne", "n", "'", "pas", "deja", "déjà", "ete", "été", "bien", "encore", "toujours", "aussi",
                   "not", "also", "already", "just", "been", "-", "y", "en", "il", "elle", "on", "t"})


def tense_near(text: str, items: list[Item], first: int, last: int, lex: Lexicon) -> int:
    """Tense of the nearest cue to items[first:last], looking both ways inside the sentence.

    Looking right stops at a clause opener (qui, que, which...): a relative
    clause after the expression speaks of something else. An expression that opens its sentence sets the
    time of the main clause, however long its subject: its verb is looked for up to the clause's end.
    """
    left, right = first - 1, last
    opens = left < 0 or _ends_sentence(text, items, left)  # "Jeudi, le ministre ... doivent se retrouver"
    while (left >= 0 or right < len(items)) and (min(first - left, right - last + 1) <= REACH or opens):
        for index in (left, right):
            if 0 <= index < len(items) and not (first <= index < last):
                cue = cue_of(text, items, index, lex.tense)
                if cue and not (index >= last and items[index].tag in _PREPOSITIONS):
                    return cue
        left = -1 if left < 0 or _ends_sentence(text, items, left) else left - 1
        right = len(items) if right >= len(items) or _ends_clause(text, items, right, lex) else right + 1
    return 0


def _ends_clause(text: str, items: list[Item], index: int, lex: Lexicon) -> bool:
    word = text[items[index].start:items[index].end].lower()
    return word in lex.tense.clause_openers or word in _CLAUSE_END or _ends_sentence(text, items, index) \
        or (word == "," and _attribution_after(text, items, index, lex))


def _attribution_after(text: str, items: list[Item], comma: int, lex: Lexicon) -> bool:
    """``..., the White House said``, ``..., a indiqué le ministre``: the tense of the reporting verb
    is not the tense of what it reports."""
    for item in items[comma + 1:comma + 1 + _ATTRIBUTION_REACH]:
        word = text[item.start:item.end].lower()
        if word in lex.tense.attributions:
            return True
        if word in _SENTENCE_END or word in (",", ":", ";"):
            return False
    return False


def overall_tense(text: str, items: list[Item], lex: Lexicon) -> int:
    """The majority cue of a whole text (when the expression cannot be located in it)."""
    total = sum(cue_of(text, items, i, lex.tense) for i in range(len(items)))
    return (total > 0) - (total < 0)


def _ends_sentence(text: str, items: list[Item], index: int) -> bool:
    item = items[index]
    gap_end = items[index + 1].start if index + 1 < len(items) else item.end
    return item.norm in _SENTENCE_END or item.norm == ":" or "\n" in text[item.end:gap_end]


def cue_of(text: str, items: list[Item], index: int, tense: Tense) -> int:
    item = items[index]
    if item.tag in tense.future_tags:
        return 1
    if item.tag in tense.past_tags:
        return 0 if item.tag == _AGO_SUFFIX and _opens_phrase(text, items, index) else -1
    if item.tag == "DAYREL" and item.value:
        return -1 if item.value < 0 else 1
    if item.tag not in ("WORD", "NUM", "SEASON", "HEDGE"):
        return 0
    word = text[item.start:item.end]
    low = word.lower()
    if len(low) <= 2 and word != low:  # "A Paris": a capitalised preposition, not the verb
        return 0
    if low in tense.retrospective_auxiliaries and _retrospective(text, items, index, tense):
        return -1
    if low in tense.future_words:
        return 1
    if low in tense.past_words:
        return -1
    if low in tense.past_auxiliaries:
        return -1 if _compound_past(text, items, index, tense) else 0
    return _by_ending(text, items, index, tense)


def _opens_phrase(text: str, items: list[Item], index: int) -> bool:
    """An "ago" word with a phrase after it is a preposition ("on Wednesday, before a meeting in Vienna",
    "before the summit"), no cue of the past; one that ends its phrase looks back ("the Wednesday before.")."""
    if index + 1 >= len(items) or _ends_sentence(text, items, index):
        return False
    following = items[index + 1]
    return following.tag not in _PUNCTUATION and following.norm not in _SENTENCE_END


def _compound_past(text: str, items: list[Item], index: int, tense: Tense) -> bool:
    """``est arrivé``, ``s'est rendu``, ``has met``: an auxiliary that makes a past tense."""
    before = text[items[index - 1].start:items[index - 1].end].lower() if index > 0 else ""
    participle = _next_word(text, items, index)
    if participle is None or participle in tense.future_words:
        return False
    if before == "'" and index > 1:
        before = text[items[index - 2].start:items[index - 2].end].lower()
    if before in tense.reflexive:
        return participle.endswith(tense.participle_suffixes)
    if tense.etre_verbs:
        return participle.startswith(tuple(tense.etre_verbs)) and participle.endswith(tense.participle_suffixes)
    return participle.endswith(tense.participle_suffixes)


def _retrospective(text: str, items: list[Item], index: int, tense: Tense) -> bool:
    """``n'aura duré``: a future perfect that looks back, as news uses it, unless something points ahead."""
    participle = _next_word(text, items, index)
    if participle is None or not participle.endswith(tense.participle_suffixes):
        return False
    for back in range(index - 1, -1, -1):
        if _ends_sentence(text, items, back):
            break
        item = items[back]
        if item.tag in tense.future_tags or text[item.start:item.end].lower() in tense.prospective_words:
            return False
    return True


def _next_word(text: str, items: list[Item], index: int) -> str | None:
    for item in items[index + 1:index + 5]:
        word = text[item.start:item.end].lower()
        if word not in _SKIP:
            return word
    return None


def _by_ending(text: str, items: list[Item], index: int, tense: Tense) -> int:
    word = text[items[index].start:items[index].end]
    low = word.lower()
    proper_noun = word[0].isupper() and not word.isupper()
    if len(low) < 4 or proper_noun or low in tense.suffix_exceptions:
        return 0
    if low.endswith(tense.future_suffixes):
        return 1
    if low.endswith(tense.past_suffixes):
        return 1 if _future_before(text, items, index, tense) else -1
    if tense.participle_cue_suffixes and low.endswith(tense.participle_cue_suffixes):
        return _participle(text, items, index, tense)
    return 0


def _words_before(text: str, items: list[Item], index: int, count: int) -> list[str]:
    return [text[i.start:i.end].lower() for i in items[max(0, index - count):index]][::-1]


def _future_before(text: str, items: list[Item], index: int, tense: Tense) -> bool:
    """``sera organisé``, ``will be announced``: a participle under a future auxiliary (not a
    retrospective one: ``n'aura duré``)."""
    for back in range(index - 1, max(-1, index - 4), -1):
        word = text[items[back].start:items[back].end].lower()
        if word in tense.future_words:
            return not (word in tense.retrospective_auxiliaries and _retrospective(text, items, back, tense))
    return False


def _participle(text: str, items: list[Item], index: int, tense: Tense) -> int:
    """A bare participle ("annoncées mercredi") reports the past; after a determiner it is a noun."""
    before = _words_before(text, items, index, 1)
    if before and (before[0] in tense.determiners or before[0] == "'"):
        return 0
    return 1 if _future_before(text, items, index, tense) else -1
