"""Stories: cross-lingual reports, date limits, documents without mentions, incremental = batch."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import numpy as np
import pytest

from dragoman.model import Actor, DateValue, Document, DocumentAnalysis, EventCandidate, Location, Mention
from dragoman.stories.cluster import (
    Profile,
    StoryIndex,
    StorySettings,
    UseEmbedder,
    cluster,
    profile,
    publication_gap,
    similarity,
    story_id,
)
from dragoman.stories.index import VectorIndex
from fakes import TableEmbedder as FakeEmbedder

ARM, AZE = Actor("ARM", "Armenia"), Actor("AZE", "Azerbaijan")
ABU_DHABI = Location("Abu Dhabi", "ARE", 24.45, 54.38, 292968)

PEACE_EN = ("Armenian and Azerbaijani foreign ministers meet in Abu Dhabi on peace treaty\n"
            "The foreign ministers of Armenia and Azerbaijan met in Abu Dhabi on Tuesday to settle the last "
            "open points of a peace treaty, officials from both sides said.")
PEACE_FR = ("Les chefs de la diplomatie arménienne et azerbaïdjanaise réunis à Abou Dhabi sur le traité de paix\n"
            "Les ministres des Affaires étrangères d'Arménie et d'Azerbaïdjan se sont rencontrés mardi à Abou "
            "Dhabi pour régler les derniers points ouverts d'un traité de paix, selon les deux parties.")
NEXT_ROUND_EN = ("Armenia and Azerbaijan hold new round of peace talks in Abu Dhabi\n"
                 "Armenian and Azerbaijani foreign ministers met again in Abu Dhabi on Monday for a new round "
                 "of talks on their peace treaty.")
SANCTIONS_EN = ("European Union adopts new sanctions against Iran over drone deliveries\n"
                "EU governments agreed on Monday to sanction Iranian officials and companies accused of "
                "supplying drones to Russia.")
SANCTIONS_FR = ("L'Union européenne adopte de nouvelles sanctions contre l'Iran pour ses livraisons de drones\n"
                "Les Vingt-Sept ont décidé lundi de sanctionner des responsables et entreprises iraniens accusés "
                "de fournir des drones à la Russie.")



def analysis(doc_id: str, text: str, *, language: str = "en", published: date | None = None,
             actors: tuple[Actor, ...] = (), held: date | None = None) -> DocumentAnalysis:
    """A document whose title is the first line of ``text``; ``held`` dates its own meeting.

    A one-line ``text`` gets a body line, so that it is an article, not a title alone.
    """
    title = text.split("\n")[0]
    text = text if "\n" in text else text + "\n(body)"
    doc = Document(doc_id, f"{doc_id}.txt", text, title=title, language=language, published=published)
    mentions = tuple(Mention("actor", 0, 1, a.name, 0, a) for a in actors)
    when = DateValue(held, held, "day") if held else DateValue(None, None)
    cands = (EventCandidate(doc_id, "CONSULT", "occurred", actors=actors, location=ABU_DHABI, date=when),)
    return DocumentAnalysis(doc, mentions, cands if actors else ())


def groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in stories}


@pytest.fixture(scope="module")
def use():
    return UseEmbedder()


def test_french_and_english_reports_of_one_meeting_form_one_story(use):
    tuesday = date(2025, 3, 11)
    docs = [analysis("en", PEACE_EN, published=tuesday, actors=(ARM, AZE), held=tuesday),
            analysis("fr", PEACE_FR, language="fr", published=tuesday + timedelta(1), actors=(ARM, AZE), held=tuesday),
            analysis("eu-en", SANCTIONS_EN, published=tuesday),
            analysis("eu-fr", SANCTIONS_FR, language="fr", published=tuesday)]
    stories = cluster(docs, embedder=use, threshold=0.7)
    assert groups(stories) == {frozenset({"en", "fr"}), frozenset({"eu-en", "eu-fr"})}


def test_same_parties_same_city_six_weeks_apart_are_two_stories(use):
    first, second = date(2025, 3, 11), date(2025, 4, 21)
    docs = [analysis("r1-en", PEACE_EN, published=first, actors=(ARM, AZE), held=first),
            analysis("r1-fr", PEACE_FR, language="fr", published=first, actors=(ARM, AZE), held=first),
            analysis("r2-en", NEXT_ROUND_EN, published=second, actors=(ARM, AZE), held=second)]
    stories = cluster(docs, embedder=use, threshold=0.7)
    assert groups(stories) == {frozenset({"r1-en", "r1-fr"}), frozenset({"r2-en"})}


def test_own_event_dates_apart_split_even_without_publication_dates():
    same = FakeEmbedder({"talks": [1.0, 0.0]})
    docs = [analysis("a", "talks", actors=(ARM, AZE), held=date(2025, 3, 11)),
            analysis("b", "talks", actors=(ARM, AZE), held=date(2025, 4, 21)),
            analysis("c", "talks", actors=(ARM, AZE), held=date(2025, 3, 12))]
    assert groups(cluster(docs, embedder=same, threshold=0.7)) == {frozenset({"a", "c"}), frozenset({"b"})}


def test_reports_published_beyond_the_window_are_different_stories():
    same = FakeEmbedder({"talks": [1.0, 0.0]})
    docs = [analysis("a", "talks", published=date(2025, 3, 1)),
            analysis("b", "talks", published=date(2025, 3, 5)),
            analysis("c", "talks", published=date(2025, 3, 30))]
    assert groups(cluster(docs, embedder=same, threshold=0.7)) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_a_story_never_spans_more_than_the_window_even_through_a_chain():
    same = FakeEmbedder({"talks": [1.0, 0.0]})
    days = [date(2025, 3, 1) + timedelta(days=6 * i) for i in range(4)]
    docs = [analysis(f"d{i}", "talks", published=d) for i, d in enumerate(days)]
    for story in cluster(docs, embedder=same, threshold=0.7):
        published = [days[int(d[1:])] for d in story.documents]
        assert (max(published) - min(published)).days <= StorySettings().window_days


@pytest.mark.parametrize("language", ["de", "es", "ar", None])
def test_documents_without_mentions_cluster_by_their_text(language):
    fake = FakeEmbedder({"A": [1.0, 0.1, 0.0], "A'": [0.95, 0.15, 0.0], "B": [0.0, 0.2, 1.0]})
    docs = [analysis(i, text, language=language, published=date(2025, 5, 2)) for i, text in
            (("x1", "A"), ("x2", "A'"), ("y1", "B"))]
    assert all(not a.mentions and not a.candidates for a in docs)
    stories = cluster(docs, embedder=fake, threshold=0.7)
    assert groups(stories) == {frozenset({"x1", "x2"}), frozenset({"y1"})}


def test_profile_of_a_document_without_mentions_has_only_text_and_dates():
    prof = profile(analysis("x", "Titel\nText", language="de", published=date(2025, 1, 2)))
    assert (prof.actors, prof.places, prof.span, prof.published) == (frozenset(), frozenset(), None, date(2025, 1, 2))
    assert prof.text.startswith("Titel")


def test_publication_times_measure_the_gap_to_the_minute():
    late, early = datetime(2025, 3, 1, 23, 30), datetime(2025, 3, 2, 0, 30)
    timed = (Profile("a", "x", published=late.date(), published_at=late),
             Profile("b", "y", published=early.date(), published_at=early))
    undated_time = (timed[0], replace(timed[1], published_at=None))
    assert publication_gap(*timed) == pytest.approx(1 / 24)
    assert publication_gap(*undated_time) == 1  # one of the two without a time: whole days
    settings = StorySettings(day_penalty=0.1)
    assert similarity(*timed, 0.5, settings) == pytest.approx(0.5 - 0.1 / 24)
    assert similarity(*undated_time, 0.5, settings) == pytest.approx(0.4)


def test_reports_an_hour_apart_across_midnight_join_where_a_day_apart_would_not():
    same = FakeEmbedder({"talks": [1.0, 0.0]})
    settings = StorySettings(threshold=0.95, floor_margin=0.1, day_penalty=0.1)

    def report(doc_id: str, moment: datetime | None, day: date) -> DocumentAnalysis:
        made = analysis(doc_id, "talks", published=day)
        return replace(made, document=replace(made.document, published_at=moment))

    timed = [report("a", datetime(2025, 3, 1, 23, 30), date(2025, 3, 1)),
             report("b", datetime(2025, 3, 2, 0, 30), date(2025, 3, 2))]
    days_only = [report(a.document.id, None, a.document.published) for a in timed]
    assert groups(cluster(timed, embedder=same, settings=settings)) == {frozenset({"a", "b"})}
    assert groups(cluster(days_only, embedder=same, settings=settings)) == {frozenset({"a"}), frozenset({"b"})}


def test_profile_carries_the_publication_time():
    made = analysis("x", "Titel\nText", published=date(2025, 1, 2))
    made = replace(made, document=replace(made.document, published_at=datetime(2025, 1, 2, 6, 15)))
    assert profile(made).published_at == datetime(2025, 1, 2, 6, 15)


def test_two_shared_parties_and_the_city_raise_similarity():
    plain = Profile("a", "x"), Profile("b", "y")
    shared = (Profile("a", "x", frozenset({"ARM", "AZE"}), frozenset({292968})),
              Profile("b", "y", frozenset({"ARM", "AZE", "TUR"}), frozenset({292968})))
    assert similarity(*shared, 0.5) == pytest.approx(similarity(*plain, 0.5) + 0.2)


def test_incremental_add_gives_the_same_stories_as_batch():
    fake = FakeEmbedder({t: v for t, v in VECTORS.items()})
    docs = [analysis(i, t, published=date(2025, 6, 1) + timedelta(days=d)) for i, t, d in SET]
    index = StoryIndex(embedder=fake)
    for doc in reversed(docs):
        index.add(profile(doc))
    assert groups(index.stories()) == groups(cluster(docs, embedder=fake, threshold=0.7))


def test_add_returns_a_story_id_made_of_its_members():
    fake = FakeEmbedder({"A": [1.0, 0.0], "B": [0.0, 1.0]})
    index = StoryIndex(embedder=fake)
    assert index.add(Profile("a1", "A")) == story_id(["a1"])
    assert index.add(Profile("b1", "B")) == story_id(["b1"])
    assert index.add(Profile("a2", "A")) == story_id(["a1", "a2"])
    assert index.add(Profile("a2", "A")) == story_id(["a1", "a2"])
    assert fake.calls == 3


def test_add_takes_a_vector_instead_of_embedding():
    index = StoryIndex()
    index.add(Profile("a", "A"), np.array([3.0, 4.0]))
    index.add(Profile("b", "B"), np.array([0.6, 0.8]))
    assert [s.documents for s in index.stories()] == [("a", "b")]


def test_adding_without_embedder_or_vector_is_an_error():
    with pytest.raises(ValueError):
        StoryIndex().add(Profile("a", "A"))


def test_story_ids_depend_on_members_only():
    fake = FakeEmbedder({"A": [1.0, 0.0]})
    docs = [analysis("b", "A"), analysis("a", "A")]
    (story,) = cluster(docs, embedder=fake, threshold=0.7)
    assert story.id == story_id(["a", "b"]) and story.documents == ("a", "b")


def test_no_documents_no_stories():
    assert cluster([], embedder=FakeEmbedder({}), threshold=0.7) == []


VECTORS = {"A": [1.0, 0.0, 0.0], "A2": [0.9, 0.3, 0.0], "A3": [0.8, 0.0, 0.4], "B": [0.0, 1.0, 0.0],
           "B2": [0.3, 0.95, 0.0], "C": [0.0, 0.0, 1.0], "AC": [0.7, 0.0, 0.7]}
SET = [("a", "A", 0), ("a2", "A2", 1), ("a3", "A3", 0), ("b", "B", 2), ("b2", "B2", 3), ("c", "C", 0),
       ("ac", "AC", 1), ("late", "A", 30)]


def test_a_title_alone_asks_for_the_neighbours_of_the_title_scale(monkeypatch):
    asked = []
    original = VectorIndex.search

    def spy(self, vector, **kwargs):
        asked.append(kwargs["k"])
        return original(self, vector, **kwargs)

    monkeypatch.setattr(VectorIndex, "search", spy)
    index = StoryIndex(settings=StorySettings(neighbours=3), titles=StorySettings(threshold=0.55, neighbours=40))
    day = date(2025, 3, 1)
    index.add(Profile("t", "Talks resume", published=day, short=True), np.array([1.0, 0.0]))
    index.add(Profile("a", "Talks resume\nThe body.", published=day), np.array([1.0, 0.1]))
    assert asked == [40, 3]


def test_a_big_story_of_titles_holds_together_only_with_enough_neighbours():
    """Average linkage counts a pair never looked at as the floor: with too few neighbours per title, a
    story of many near-identical titles falls apart into pieces."""
    rng = np.random.default_rng(3)
    centre = rng.normal(size=64)
    titles = StorySettings(threshold=0.6, floor_margin=0.05, window_days=2)
    day = date(2025, 3, 1)
    profiles = [Profile(f"d{i:03d}", f"title {i}", published=day, short=True) for i in range(120)]
    vectors = [centre + rng.normal(scale=0.7, size=64) for _ in profiles]  # pairwise cosine about 0.7

    def pieces(neighbours: int) -> int:
        index = StoryIndex(settings=StorySettings(neighbours=neighbours),
                           titles=replace(titles, neighbours=neighbours))
        for prof, vector in zip(profiles, vectors):
            index.add(prof, vector)
        return len(index.stories())

    assert pieces(128) == 1
    assert pieces(32) > 1  # the article default
