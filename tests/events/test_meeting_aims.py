"""A meeting held to do something to a third state ("se retrouvent ... pour débloquer les sanctions contre la
Russie") is not held with that state: the meeting does not take the target of the act it aims at."""
from __future__ import annotations

import pytest

from dragoman.events.coder import code_doc
from dragoman.ingest import documents_from_records
from dragoman.nlp import load_pipeline
from dragoman.nlp.mentions import find_mentions


@pytest.mark.parametrize(("language", "text", "trigger"), [
    ("fr", "Les dirigeants de l'Union européenne se retrouvent à partir de cet après-midi à Bruxelles pour un Conseil "
     "européen de deux jours, avec un objectif : débloquer le nouveau paquet de sanctions contre la Russie.",
     "retrouvent"),
    ("en", "European Union leaders meet in Brussels this afternoon for a two-day European Council, with one aim: "
     "to unblock the new package of sanctions against Russia.", "meet"),
])
def test_a_meeting_does_not_take_the_target_of_what_it_aims_at(language, text, trigger):
    (doc,) = documents_from_records([{"text": text, "language": language, "published": "2019-05-27"}])
    sdoc = load_pipeline(language)(doc.text)
    actors = find_mentions(doc, sdoc, language=language).actors
    found = [e for e in code_doc(sdoc, actors, language=language, called_off_meetings=True) if e.text == trigger]
    assert [e.type for e in found] == ["CONSULT"]
    assert {a.code for a in found[0].source} == {"EU"}
    assert "RUS" not in {a.code for a in found[0].source + found[0].target}
