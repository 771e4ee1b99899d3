"""Pass 4 of the people reader: coreference within one document.

Full names and surnames of one person form a cluster; a title-only description
("l'ambassadeur", "the envoy") joins the one cluster it fits, if exactly one does.
"""
from __future__ import annotations

from ...model import Person
from ...text import fold_name
from .occurrences import Occurrence

ROLE_PRIORITY = ("head_of_delegation", "host", "negotiator", "mediator", "spokesperson")


def _same_name(a: str, b: str) -> bool:
    """Full names, a surname, or spelling variants with the same surname and initial."""
    x, y = fold_name(a).replace("-", " ").split(), fold_name(b).replace("-", " ").split()
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if not short or short[-1] != long[-1]:
        return False
    return len(short) == 1 or long[-len(short):] == short or short[0][0] == long[0][0]


def cluster_names(named: list[Occurrence]) -> list[list[Occurrence]]:
    """Named occurrences grouped by person: a name joins the one cluster that spells it alike, or that it fits."""
    clusters: list[list[Occurrence]] = []
    for occ in named:
        name = occ.name or ""
        exact = [c for c in clusters if any(fold_name(o.name or "") == fold_name(name) for o in c)]
        fits = exact or [c for c in clusters if _compatible(c, name)]
        if len(fits) == 1:
            fits[0].append(occ)
        else:
            clusters.append([occ])
    return clusters


def _compatible(cluster: list[Occurrence], name: str) -> bool:
    """Matches the cluster's names and contradicts none of its full names ("Borislav" vs "Slobodan")."""
    names = [o.name or "" for o in cluster]
    full = [n for n in names if len(n.split()) > 1]
    return any(_same_name(n, name) for n in names) and all(_same_name(n, name) for n in full)


def person_of(cluster: list[Occurrence]) -> Person:
    """A cluster's person: its fullest name, its strongest affiliation, its first title, its leading role."""
    named = [o for o in cluster if o.name]
    name = max(named, key=lambda o: len((o.name or "").split())).name or ""
    actors = sorted((priority, cluster.index(o), code) for o in cluster for priority, code in o.actors)
    title = next((o.title for o in named if o.title), None) or next((o.title for o in cluster if o.title), None)
    role = next((r for r in ROLE_PRIORITY if any(r in o.roles for o in cluster)), None)
    return Person(name, actors[0][2] if actors else None, title, role)


def referent(desc: Occurrence, clusters: list[list[Occurrence]], persons: list[Person]) -> int | None:
    """The one known person a description can refer to, preferring people named before it."""
    actor = min(desc.actors)[1] if desc.actors else None
    fitting = [k for k, cluster in enumerate(clusters)
               if any(desc.key in o.keys | o.roles for o in cluster)
               and (actor is None or persons[k].actor in (None, actor))]
    exact = [k for k in fitting if actor and persons[k].actor == actor]
    pool = exact or fitting
    earlier = [k for k in pool if clusters[k][0].start < desc.start]
    chosen = earlier or pool
    return chosen[0] if len(chosen) == 1 else None
