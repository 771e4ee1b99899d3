"""The cross-document layer kept up to date batch by batch equals one pass over every document."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Actor, DateValue, Document, DocumentAnalysis, EventCandidate, Evidence, Location
from dragoman.stories import Assembly, assemble
from fakes import InlineEmbedder

CODES = ("ARM", "AZE", "EU", "RUS")
PLACES = (Location("Brussels", "BEL", 50.85, 4.35, 2800866), Location("Prague", "CZE", 50.09, 14.42, 3067696), None)
VECTORS = ("1,0,0", "0.95,0.3,0", "0,1,0", "0,0.3,0.95")
BODIES = ("The delegations met for a long session and agreed to continue the work next month in the capital.",
          "Les délégations se sont retrouvées pour une longue séance et ont promis de poursuivre le mois prochain.")
BASE = date(2022, 10, 3)


def when(kind: int, offset: int) -> DateValue:
    if kind == 0:
        return DateValue(None, None)
    start = BASE + timedelta(days=offset)
    return DateValue(start, start, "day", "x") if kind == 1 else DateValue(start, start + timedelta(days=6), "week")


reading = st.tuples(st.integers(0, 2), st.integers(0, 30), st.sets(st.sampled_from(CODES), min_size=1, max_size=3),
                    st.sampled_from(PLACES), st.sampled_from(("CONSULT", "AGREE", "SUPPORT")), st.booleans(),
                    st.integers(0, 60))
document = st.tuples(st.sampled_from(VECTORS), st.integers(0, 1), st.integers(0, 20),
                     st.lists(reading, min_size=0, max_size=3), st.booleans())


def analysis(i: int, spec: tuple) -> DocumentAnalysis:
    vector, body, day, readings, copy = spec
    doc_id = f"d{i:02d}"
    text = BODIES[body] if copy else f"{BODIES[body]} Report number {i} with its own closing words {i * 7}."
    doc = Document(doc_id, f"{doc_id}.txt", text, title=vector, language=("en", "fr")[body],
                   published=BASE + timedelta(days=day))
    cands = tuple(EventCandidate(doc_id, type_, "occurred", actors=tuple(Actor(c, c) for c in sorted(codes)),
                                 location=place, date=when(kind, offset), background=background,
                                 evidence=(Evidence(doc_id, pos * 10 + n, pos * 10 + n + 5, "words"),))
                  for pos, (kind, offset, codes, place, type_, background, n) in enumerate(readings))
    return DocumentAnalysis(doc, (), cands)


@settings(max_examples=120, deadline=None)
@given(st.lists(document, min_size=1, max_size=8), st.data())
def test_batches_in_any_order_give_the_stories_events_and_series_of_one_pass(specs, data):
    analyses = [analysis(i, spec) for i, spec in enumerate(specs)]
    order = data.draw(st.permutations(analyses))
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(order) - 1)), max_size=3)))
    live = Assembly(embedder=InlineEmbedder())
    events, stories, docs, story_of = {}, {}, {}, {}
    for a, b in zip([0, *cuts], [*cuts, len(order)]):
        delta = live.add(order[a:b])
        for eid in delta.removed_events:
            events.pop(eid, None)
        events.update(delta.events)
        for sid in delta.removed_stories:
            stories.pop(sid, None)
        stories.update(delta.stories)
        docs.update(delta.documents)
        story_of.update(delta.story_of)
    once = assemble(analyses, embedder=InlineEmbedder())
    assert events == {e.id: e for e in once.events}
    assert stories == {s.id: s for s in once.stories}
    assert docs == {d.id: d for d in once.documents}
    assert story_of == dict(once.story_of)
