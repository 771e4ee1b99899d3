"""The people reader's entry point: four passes over one parsed document (see the package)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import Mention
from .coref import cluster_names, person_of, referent
from .cues import apply_cues
from .lexicon import PeopleLexicon
from .names import find_names
from .occurrences import find_descriptions, named_occurrences
from .view import View

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_people(doc: Doc, actors: Sequence[Mention], *, language: str) -> list[Mention]:
    """Person mentions, one per occurrence; coreferent occurrences share one :class:`Person`."""
    view = View.build(doc, PeopleLexicon.for_language(language), actors)
    find_names(view)
    named = named_occurrences(view)
    descriptions = find_descriptions(view, named)
    apply_cues(view, sorted(named + descriptions, key=lambda o: o.lo))
    clusters = cluster_names(named)
    persons = [person_of(cluster) for cluster in clusters]
    for desc in descriptions:
        k = referent(desc, clusters, persons)
        if k is not None:
            clusters[k].append(desc)
    mentions = []
    for cluster in clusters:
        person = person_of(cluster)
        for occ in cluster:
            span = doc[occ.start:occ.end]
            mentions.append(Mention("person", span.start_char, span.end_char, span.text, 0, person))
    return sorted(mentions, key=lambda m: (m.start, m.end))
