"""Near-duplicates: wire copies on several sites are found, distinct reports are not."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import Document, DocumentAnalysis
from dragoman.stories.dedup import DuplicateIndex, jaccard, near_duplicates, shingles

WIRE = ("ISTANBUL, April 10 (Wire) - Russian and U.S. diplomats met in Istanbul on Thursday for a second round "
        "of talks on the work of their embassies, the Russian foreign ministry said, after a first round in "
        "February eased some restrictions on diplomats. The delegations discussed visas for diplomatic staff, "
        "the return of seized diplomatic property and direct flights between the two countries, which were "
        "suspended in 2022. A U.S. State Department spokeswoman said the talks were constructive and that no "
        "political or security issues were on the agenda, including the war in Ukraine.")
WIRE_ON_A_SITE = ("Home | World | " + WIRE.replace("Thursday", "Thursday,") +
                  " Subscribe to our newsletter for more world news.")
WIRE_FR = ("ISTANBUL, 10 avril (Wire) - Des diplomates russes et américains se sont réunis jeudi à Istanbul pour "
           "un deuxième cycle de discussions sur le fonctionnement de leurs ambassades, a indiqué le ministère "
           "russe des Affaires étrangères, après un premier cycle en février qui avait assoupli certaines "
           "restrictions imposées aux diplomates.")
OWN_REPORT = ("Moscow and Washington held six hours of talks in Istanbul on Thursday about their embassies. "
              "Our correspondent says visas, seized property and direct flights were discussed, while "
              "Ukraine was kept off the table, according to people familiar with the meeting.")


def analysis(doc_id: str, text: str, published: date | None = None) -> DocumentAnalysis:
    return DocumentAnalysis(Document(doc_id, f"{doc_id}.txt", text, published=published))


def test_the_same_wire_copy_on_two_sites_is_a_near_duplicate_of_the_earliest():
    found = near_duplicates([analysis("site-b", WIRE_ON_A_SITE, date(2025, 4, 11)),
                             analysis("site-a", WIRE, date(2025, 4, 10)),
                             analysis("own", OWN_REPORT, date(2025, 4, 10))])
    assert found == {"site-b": "site-a"}


def test_distinct_reports_and_translations_are_not_near_duplicates():
    found = near_duplicates([analysis("en", WIRE), analysis("fr", WIRE_FR), analysis("own", OWN_REPORT)])
    assert found == {}


def test_copies_of_copies_share_one_canonical_document():
    docs = [analysis("c", WIRE_ON_A_SITE + " Share this article."), analysis("b", WIRE_ON_A_SITE),
            analysis("a", WIRE), analysis("undated", WIRE)]
    found = near_duplicates(docs)
    assert set(found) == {"b", "c", "undated"} and set(found.values()) == {"a"}


def test_undated_copies_yield_to_dated_ones_then_to_the_smallest_id():
    found = near_duplicates([analysis("a", WIRE), analysis("z", WIRE, date(2025, 4, 12)), analysis("b", WIRE)])
    assert found == {"a": "z", "b": "z"}


def test_empty_texts_are_ignored():
    assert near_duplicates([analysis("a", ""), analysis("b", "")]) == {}


def test_index_reports_the_earlier_copies_it_matches():
    index = DuplicateIndex()
    assert index.add("a", WIRE) == []
    assert index.add("own", OWN_REPORT) == []
    assert index.add("b", WIRE_ON_A_SITE) == ["a"]


def test_shingles_fold_case_and_accents():
    assert shingles("Réunion À Istanbul") == shingles("reunion a ISTANBUL") == frozenset({"reunion a istanbul"})
    assert jaccard(shingles(WIRE), shingles(WIRE_ON_A_SITE)) >= 0.8


@settings(max_examples=40, deadline=None)
@given(st.permutations([("a", WIRE, date(2025, 4, 10)), ("b", WIRE_ON_A_SITE, None), ("c", OWN_REPORT, None),
                        ("d", WIRE_FR, None), ("e", OWN_REPORT + " Updated.", date(2025, 4, 11))]))
def test_near_duplicates_do_not_depend_on_order(order):
    expected = {"b": "a", "c": "e"}
    assert near_duplicates([analysis(*spec) for spec in order]) == expected
