"""Reading the dependency parse around a trigger: the closed-class cues of a language, noun
phrases and their prepositions, the verb a noun is an argument of, and how an event is asserted
(negated, future, background). Both annotation schemes are read: spaCy's English (``prep``/``pobj``,
``agent``) and Universal Dependencies for French (``case`` children, ``obl:agent``); the labels of a role
(``subject``, ``object``...) are each language's, in ``data/<lang>/pack.json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..languages import labels_for


@dataclass(frozen=True)
class Cues:
    """Closed-class words of one language that the coder reads around a trigger."""
    prepositions: dict[str, str] = field(default_factory=dict)  # word -> partner|target|agent|genitive|location
    negation: frozenset[str] = frozenset()
    future_aux: frozenset[str] = frozenset()
    future_heads: frozenset[str] = frozenset()
    future_modifiers: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    recalled_scenes: frozenset[str] = frozenset()  # scenes that still report an event, in extraction
    recalled_finite_scenes: frozenset[str] = frozenset()  # the same before a finite indicative clause only
    # "verb cue" pairs where the cue heads the verb's complement, not a scene: "X fait suite à Y" says Y happened
    background_predicates: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    negation_paired: frozenset[str] = frozenset()
    containers: frozenset[str] = frozenset()
    target_verbs: frozenset[str] = frozenset()  # participles that name a target: "sanctions visant X"
    affiliation: frozenset[str] = frozenset()  # "entités liées à X": the phrase stands for X
    states: frozenset[str] = frozenset()  # "en visite", "on a visit": a phrase describing its noun
    future_endings: frozenset[str] = frozenset()  # added to the infinitive: "signeront"
    # (inflected ending, lemma ending): "sanctionne" -> "sanctionner", for verbs the tagger read as nouns
    verb_endings: tuple[tuple[str, str], ...] = ()
    participle_endings: tuple[tuple[str, str], ...] = ()  # "gelé" -> "geler", for a participle tagged ADJ
    stem_alternations: tuple[tuple[str, str], ...] = ()  # "allège" -> "alléger", "lève" -> "lever"
    partitives: frozenset[str] = frozenset()  # "des" read as a preposition: "sanctionne des responsables"


def words_of(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value.lower()] if isinstance(value, str) else [v.lower() for v in value])


def parse_cues(raw: dict[str, Any]) -> Cues:
    special = ("prepositions", "verb_endings", "participle_endings", "stem_alternations")
    # Any: mypy checks each ** dict against every field, and the fields hold sets or pairs
    words: dict[str, Any] = {f.name: words_of(raw.get(f.name)) for f in fields(Cues) if f.name not in special}
    endings: dict[str, Any] = {name: tuple((ending, stem) for ending, stem in raw.get(name, [])) for name in special[1:]}
    return Cues(prepositions={k.lower(): v for k, v in raw.get("prepositions", {}).items()}, **endings, **words)


# ----------------------------------------------------------------- token context

def lemma(token) -> str:
    return token.lemma_.lower()


def forms(token) -> frozenset[str]:
    return frozenset((token.lemma_.lower(), token.lower_))


# ----------------------------------------------------------------- reading the parse

def np_indices(token) -> set[int]:
    """Token indices of the noun phrase headed by ``token``, without its clauses."""
    stop = labels_for(token, "noun_phrase_stop")
    found = {token.i}
    stack = [token]
    while stack:
        for child in stack.pop().children:
            clause = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
            if child.dep_ not in stop and child.i not in found and not clause:
                found.add(child.i)
                stack.append(child)
    return found


def is_passive(token) -> bool:
    auxiliary, subject = labels_for(token, "passive_auxiliary"), labels_for(token, "passive_subject")
    return any(c.dep_ in auxiliary or c.dep_ in subject for c in token.children)


def case_word(token, cues: Cues) -> str | None:
    """The preposition introducing ``token`` (French ``case`` child), if it has a known role."""
    words = [c.lower_ for c in token.children if c.dep_ in ("case", "fixed")]
    return next((w for w in words if w in cues.prepositions), words[0] if words else None)


def pp_arguments(token, cues: Cues) -> list[tuple[str, Any]]:
    """(preposition, noun) pairs attached to ``token``, in either annotation scheme."""
    pairs = []
    oblique = labels_for(token, "oblique")
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    pairs.append(("by" if child.dep_ == "agent" else child.lower_, obj))
        elif child.dep_ in oblique:
            word = case_word(child, cues)
            if word:
                pairs.append(("par" if child.dep_ == "obl:agent" else word, child))
    return pairs


def state_word(token, cues: Cues) -> str | None:
    """The preposition of a state phrase headed by ``token`` ("en visite", "on a visit"), if any:
    a phrase describing a noun, or set off by commas ("En visite à Pékin, le chancelier...");
    not the argument of a verb ("embarked on a trip")."""
    word = token.head.lower_ if token.dep_ == "pobj" else case_word(token, cues)
    if word not in cues.states:
        return None
    phrase = token.head if token.dep_ == "pobj" else token
    holder = phrase.head
    if holder.pos_ in ("NOUN", "PROPN") and holder.i != phrase.i:
        return word
    doc, start, end = token.doc, phrase.left_edge.i, phrase.right_edge.i
    before = start == token.sent.start or doc[start - 1].text == ","
    after = end + 1 < len(doc) and doc[end + 1].text == ","
    return word if before and after or (start == token.sent.start and after) else None


def is_pronoun(token, cues: Cues) -> bool:
    return token.pos_ == "PRON" or token.lower_ in cues.pronouns


# ----------------------------------------------------------------- cues around a trigger

def governing_verb(token):
    """The verb a noun trigger is an argument of ("held *talks*", "imposer des *sanctions*")."""
    stop = labels_for(token, "governor_stop")
    cur = token
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ in stop or cur.dep_.startswith("nsubj"):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def argument_of(token, cues: Cues):
    """The verb a noun trigger is a direct argument of ("*held* talks", "*procédé* à un échange"),
    through a preposition or a container noun ("a new round of talks", "un cycle de discussions");
    not the verb of a noun it modifies ("les résultats des discussions")."""
    while token.dep_ in ("nmod", "pobj") and _container(token, cues) is not None:
        token = _container(token, cues)
    head = token.head
    if head.i != token.i and head.dep_ in ("prep", "agent", "dative") and token.dep_ in ("pobj", "pcomp"):
        head = head.head
    if _after_time_word(token, cues):  # "a tenu lundi des pourparlers": the parser hung them on "lundi"
        head = head.head
    verb = governing_verb(token)
    return verb if verb is not None and verb.i == head.i else None


def _after_time_word(token, cues: Cues) -> bool:
    """A partitive object the parser read as a complement of the time adverbial before it ("a tenu lundi
    *des pourparlers*"): "des" taken for a preposition, hung on "lundi"."""
    head = token.head
    return (token.dep_ == "nmod" and head.dep_ == "obl:mod" and head.i < token.i and head.head.pos_ == "VERB"
            and any(c.dep_ == "case" and c.lower_ in cues.partitives for c in token.children))


def _container(token, cues: Cues):
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head if lemma(head) in cues.containers and head.i != token.i else None


def negated(token, cues: Cues, noun: bool) -> bool:
    """ "did not sign", "n'ont pas signé", "no talks", "aucune négociation"."""
    if _has_negation(token, cues, arguments=not noun):
        return True
    if noun and any(c.dep_ == "det" and c.lower_ in cues.negation for c in token.children):
        return True
    verb = governing_verb(token) if noun else (token.head if token.pos_ == "ADJ" else None)
    # a noun is negated with its verb, not with the verb's other arguments ("ne rendaient compte ni du
    # contenu ni de l'esprit des discussions" says nothing against the discussions)
    return verb is not None and _has_negation(verb, cues, arguments=False)


def _has_negation(token, cues: Cues, *, arguments: bool = True) -> bool:
    """A negation of the verb or, with ``arguments``, of one of its arguments: "did not sign", "no deal
    was signed", "aucun cessez-le-feu n'a été conclu", "ni X ni Y n'ont signé" ("ne ... que" restricts)."""
    words = {c.lower_ for c in token.children if c.dep_ in ("advmod", "neg", "det", "preconj")}
    around = _argument_words(token) if arguments else set()
    if any(c.dep_ == "neg" for c in token.children) or (words | around) & cues.negation:
        return True
    paired = (words | around) & cues.negation_paired
    return bool(paired) and any(lemma(c) == "ne" for c in token.children)


def _argument_words(token) -> set[str]:
    """Determiners and conjunctions of the verb's subjects and objects."""
    core = labels_for(token, "core_argument") | labels_for(token, "any_subject")
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in core and child.dep_ != "conj":
            found |= {g.lower_ for g in child.children if g.dep_ in ("det", "cc", "preconj")}
            found |= {w.lower_ for g in child.children if g.dep_ == "conj" for w in g.children if w.dep_ == "cc"}
        elif child.dep_ == "punct" and child.i < token.i:
            found.add(child.lower_)  # "Ni le président ni ..." parsed with the first "ni" as punctuation
    return found


def future(token, cues: Cues, noun: bool) -> bool:
    """Announced, planned or hypothetical rather than done: "will meet", "se rencontreront",
    "plans to visit", "the upcoming talks"."""
    if noun:
        if any(c.lower_ in cues.future_modifiers for c in token.children if c.dep_ in ("amod", "det", "compound")):
            return True
        token = governing_verb(token) or token
    if "Fut" in token.morph.get("Tense") or _future_form(token, cues):
        return True
    for child in token.children:
        if child.dep_.startswith("aux") and (child.lower_ in cues.future_aux or "Fut" in child.morph.get("Tense")):
            return True
    head = token.head
    return token.dep_ in labels_for(token, "verb_chain") and head.i != token.i and lemma(head) in cues.future_heads


def _future_form(token, cues: Cues) -> bool:
    """ "signeront", "se rendra": the tagger often reads a French future as a present."""
    if token.pos_ != "VERB" or not cues.future_endings:
        return False
    word = lemma(token)
    return any(token.lower_ in (word + ending, word[:-1] + ending) for ending in cues.future_endings)


def background(token, cues: Cues, *, recalled: bool = False) -> bool:
    """Inside a clause or phrase that sets the scene ("after two days of fighting", "si Moscou
    attaque", "unless the president resigns"): not an event the sentence reports. With ``recalled``
    (extraction), a scene that reports what happened ("after their meeting on Monday", "before the two
    leaders sat down for talks") is no obstacle."""
    if _describes_a_noun(token) or _aims(token, cues):
        return True
    stop = labels_for(token, "background_stop")
    cur = token
    for _ in range(10):
        cue = _introduced_by(cur) & cues.background
        if cue and not any(f"{lemma(cur.head)} {word}" in cues.background_predicates for word in cue) \
                and not (recalled and _recalls(cur, cue, cues)):
            return True
        if cur.head.i == cur.i or cur.dep_ in stop:
            return False
        cur = cur.head
    return False


def recalled_scene(token, cues: Cues) -> set[str]:
    """The scene word that introduces the phrase of ``token`` ("after their summit", "après leur rencontre"),
    when it is one of the words whose scenes report what happened; else none."""
    return _introduced_by(token) & (cues.recalled_scenes | cues.recalled_finite_scenes)


def _recalls(token, cue: set[str], cues: Cues) -> bool:
    """The scene ``token`` heads, introduced by ``cue``, says its event took place: any phrase after a
    recalled_scenes word; a finite indicative clause, not in the future, after a recalled_finite_scenes one."""
    if cue <= cues.recalled_scenes:
        return True
    if not cue <= cues.recalled_scenes | cues.recalled_finite_scenes or token.pos_ not in ("VERB", "AUX"):
        return False
    group = [token, *(c for c in token.children if c.dep_ in labels_for(token, "verb_group"))]
    finite = [t for t in group if "Fin" in t.morph.get("VerbForm")]
    return bool(finite) and not any(t.morph.get("Mood") and "Ind" not in t.morph.get("Mood")
                                    or "Fut" in t.morph.get("Tense") or t.tag_ == "MD" for t in group)


def subject_marks(verb) -> list:
    """Complementisers the parser hung on a clause's first word, its subject, instead of on its verb."""
    subjects = labels_for(verb, "nominal_subject")
    return [g for c in verb.children if c.dep_ in subjects and c.i < verb.i
            for g in c.children if g.dep_ == "mark" and g.i < c.i]


def _aims(token, cues: Cues) -> bool:
    """ "sanctions targeting 200 vessels", "..., visant la flotte fantôme": a participle saying what
    another act aims at, not an attack of its own."""
    if token.dep_ not in ("acl", "advcl") or lemma(token) not in cues.target_verbs:
        return False
    participle = "Part" in token.morph.get("VerbForm") or "Ger" in token.morph.get("VerbForm")
    subject = labels_for(token, "subject")
    return participle and not any(c.dep_ in subject for c in token.children)


def _describes_a_noun(token) -> bool:
    """ "a member of Hamas *jailed* a year ago": a participle describing a noun of the clause; one that names
    who did it ("the agreement *signed by* the United States and the Taliban", "l'accord *signé par* ...")
    reports that act."""
    agent = labels_for(token, "passive_agent")
    return (token.dep_ == "acl" and "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")
            and token.head.dep_ not in ("ROOT", "root") and not any(c.dep_ in agent for c in token.children))


def _introduced_by(token) -> set[str]:
    words = {c.lower_ for c in token.children if c.dep_ in ("mark", "case", "fixed")}
    if token.pos_ in ("VERB", "AUX"):  # "Si Erevan ou Bakou venait à...": the parser hung "si" on the subject
        words |= {c.lower_ for c in subject_marks(token)}
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ in ("prep", "mark", "pcomp"):
        words |= {token.head.lower_, token.head.head.lower_}
    return words
