"""Stories do not depend on the order documents arrive in (hypothesis)."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Actor, Document, DocumentAnalysis, Mention
from dragoman.stories.cluster import Profile, StoryIndex, StorySettings, cluster
from fakes import InlineEmbedder as FakeEmbedder

START = date(2025, 4, 1)
ACTORS = (frozenset(), frozenset({"RUS", "USA"}), frozenset({"RUS", "UKR"}))
LANGUAGES = ("en", "fr", "")
TERMS = (frozenset(), frozenset({"nishiya"}), frozenset({"nishiya", "13"}))  # titles alone and articles mix



# Small integer vectors make many pairs exactly as similar as each other: ties must break canonically.
vectors = st.lists(st.integers(0, 2), min_size=3, max_size=3).filter(any)
days = st.one_of(st.none(), st.integers(0, 24))
spans = st.one_of(st.none(), st.integers(0, 20))


@st.composite
def profile_sets(draw) -> list[Profile]:
    size = draw(st.integers(1, 12))
    found = []
    for i in range(size):
        vector, day, held = draw(vectors), draw(days), draw(spans)
        text = ",".join(map(str, vector))
        found.append(Profile(f"d{i:02d}", text, draw(st.sampled_from(ACTORS)), frozenset(),
                             None if held is None else (START + timedelta(held), START + timedelta(held)),
                             None if day is None else START + timedelta(day), text,
                             language=draw(st.sampled_from(LANGUAGES)), terms=draw(st.sampled_from(TERMS)),
                             short=draw(st.booleans())))
    return found


def partition(stories) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.id, s.documents) for s in stories]


@settings(max_examples=150, deadline=None)
@given(profiles=profile_sets(), data=st.data(), threshold=st.sampled_from([0.6, 0.7, 0.8]))
def test_adding_in_any_order_gives_the_same_stories(profiles, data, threshold):
    chosen = StorySettings(threshold=threshold, window_days=10, day_penalty=0.01)
    reference = StoryIndex(embedder=FakeEmbedder(), settings=chosen)
    reference.extend(sorted(profiles, key=doc_id))
    shuffled = data.draw(st.permutations(profiles))
    index = StoryIndex(embedder=FakeEmbedder(), settings=chosen)
    for prof in shuffled:
        index.add(prof)
        if data.draw(st.booleans()):
            index.stories()  # settling in between changes nothing either
    assert partition(index.stories()) == partition(reference.stories())


def analysis_of(prof: Profile) -> DocumentAnalysis:
    doc = Document(prof.doc_id, prof.doc_id, prof.text, title=prof.title, published=prof.published)
    mentions = tuple(Mention("actor", 0, 1, code, 0, Actor(code, code)) for code in sorted(prof.actors))
    return DocumentAnalysis(doc, mentions)


@settings(max_examples=80, deadline=None)
@given(profiles=profile_sets(), data=st.data())
def test_cluster_gives_the_same_stories_for_any_order_of_analyses(profiles, data):
    analyses = [analysis_of(p) for p in profiles]
    shuffled = data.draw(st.permutations(analyses))
    assert partition(cluster(shuffled, embedder=FakeEmbedder(), threshold=0.7)) == \
        partition(cluster(analyses, embedder=FakeEmbedder(), threshold=0.7))


def doc_id(prof: Profile) -> str:
    return prof.doc_id
