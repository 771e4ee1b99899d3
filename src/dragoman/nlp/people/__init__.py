"""People named in a document: who they are, whom they represent, what they do.

:func:`find_people` reads one parsed document in four passes:

1. names: the parser's PER/PERSON entities cleaned of titles and punctuation,
   capitalised runs right after a title that the parser missed ("le ministre
   Sergueï Lavrov"), and later bare surnames of people already named;
2. each name's title zone before it ("le président français Emmanuel Macron")
   and apposition, relative clause or copula after it ("X, tout juste nommé
   ambassadeur de Russie aux États-Unis"). The affiliation is the first actor
   of those zones that is not a destination: "aux États-Unis" says where an
   ambassador serves, "de Russie" whom he represents;
3. role cues: who leads a delegation (passive and active voice), who hosts,
   role titles ("porte-parole"); the delegation's or side's actor ("la
   délégation russe", "Du côté américain") gives its leader's affiliation;
4. coreference within the document: full names, surnames, and title-only
   descriptions ("l'ambassadeur", "the envoy") when exactly one person fits.

One module per pass (:mod:`.names`, :mod:`.occurrences`, :mod:`.cues`, :mod:`.coref`);
title zones are read by :mod:`.titles` over a :mod:`.view` of the document; word
lists live in ``data/<language>/people.json`` (:mod:`.lexicon`).
"""
from __future__ import annotations

from .lexicon import title_rank
from .reader import find_people

__all__ = ["find_people", "title_rank"]
