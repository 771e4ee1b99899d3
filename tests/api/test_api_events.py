"""GET /api/events, /api/events/{id} and /api/timeline over hand-made events."""
from __future__ import annotations

import pytest

from dragoman.contract import event_json
from dragoman.store import Store


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["items"]]


def test_events_list_every_event_in_date_order_undated_last(client):
    body = client.get("/api/events").json()
    assert [i["id"] for i in body["items"]] == ["e-r1", "e-sanction", "e-r2", "e-agree", "e-r3", "e-undated"]
    assert (body["total"], body["limit"], body["offset"], body["next"]) == (6, 50, 0, None)


def test_event_items_are_the_contract_events(client, store: Store):
    item = client.get("/api/events", params={"actor": "FRA"}).json()["items"][0]
    assert item == event_json(store.event("e-agree"))


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "FRA"}, ["e-agree"]),
    ({"actor": "rus"}, ["e-r1", "e-sanction", "e-r2", "e-r3", "e-undated"]),
    ({"dyad": "RUS,USA"}, ["e-r1", "e-sanction", "e-r2", "e-r3"]),
    ({"dyad": "usa,ukr"}, []),
    ({"type": "SANCTION"}, ["e-sanction"]),
    ({"status": "planned"}, ["e-r3"]),
    ({"topic": "energy"}, ["e-sanction", "e-agree"]),
    ({"start": "2025-04-01", "end": "2025-05-31"}, ["e-r2", "e-agree"]),
    ({"start": "2025-06-15"}, ["e-r3"]),
    ({"q": "PÉTROLE"}, ["e-sanction"]),
    ({"q": "istanbul", "status": "occurred"}, ["e-r1", "e-r2"]),
    ({"type": "", "status": "", "start": "", "q": ""}, ["e-r1", "e-sanction", "e-r2", "e-agree", "e-r3", "e-undated"]),
])
def test_event_filters(client, params, expected):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_pagination_follows_next_until_the_end(client):
    seen, url = [], "/api/events?limit=4&actor=RUS"
    while url:
        body = client.get(url).json()
        assert body["total"] == 5
        seen += [i["id"] for i in body["items"]]
        url = body["next"]
    assert seen == ["e-r1", "e-sanction", "e-r2", "e-r3", "e-undated"]


def test_next_keeps_the_filters_and_moves_the_offset(client):
    body = client.get("/api/events", params={"limit": 2, "offset": 1, "dyad": "RUS,USA"}).json()
    assert body["next"].startswith("http://testserver/api/events?")
    assert "dyad=RUS%2CUSA" in body["next"] and "offset=3" in body["next"] and "limit=2" in body["next"]
    assert ids_of(body) == ["e-sanction", "e-r2"]


def ids_of(body) -> list[str]:
    return [i["id"] for i in body["items"]]


def test_limit_zero_counts_without_items_and_has_no_next(client):
    body = client.get("/api/events", params={"limit": 0}).json()
    assert (body["items"], body["total"], body["next"]) == ([], 6, None)


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": -1}, {"offset": -5}, {"type": "HUG"},
                                    {"status": "done"}, {"start": "yesterday"}, {"dyad": "RUS"},
                                    {"actor": "<script>"}, {"q": "x" * 201}])
def test_bad_parameters_are_422_in_the_one_error_shape(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert set(response.json()) == {"error"}
    assert (error["code"], error["status"]) == ("E501", 422)
    assert error["message"].startswith("invalid request: query.")


def test_event_detail_has_provenance_quotes_and_conflicts(client):
    body = client.get("/api/events/e-r1").json()
    assert body["conflicts"][0]["field"] == "date"
    dates = body["provenance"]["date"]
    assert [d["value"]["start"] for d in dates] == ["2025-02-27", "2025-02-28"]
    assert {d["id"] for d in body["sources"]} == {"d-fr1", "d-en1"}
    quote = next(q for q in body["quotes"] if q["text"] == "jeudi 27 février")
    assert quote["before"] == "Les délégations russe et américaine se sont réunies "
    assert quote["after"].startswith(" à Istanbul, dans la résidence") and quote["after"].endswith("États-Unis.")


def test_event_detail_names_its_sources_as_an_analyst_does(client):
    body = client.get("/api/events/e-r1").json()
    cited = body["cited"]
    conflict_docs = {d for v in body["conflicts"][0]["values"] for d in v["documents"]}
    assert conflict_docs <= set(cited)
    assert cited["d-fr1"]["outlet"] == "news.example" and cited["d-fr1"]["published"] == "2025-02-27"
    assert cited["d-fr1"]["title"] and all(s["outlet"] == "news.example" for s in body["sources"])


def test_unknown_event_is_404_in_the_one_error_shape(client):
    response = client.get("/api/events/nope")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "E404", "status": 404, "message": "event 'nope' not found"}}


def test_unknown_route_is_404_json(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E404"


def test_wrong_method_keeps_its_status_in_the_one_shape(client):
    response = client.delete("/api/events")
    assert response.status_code == 405
    assert response.json()["error"] == {"code": "E503", "status": 405, "message": "Method Not Allowed"}


def test_timeline_is_the_series_in_date_order(client):
    body = client.get("/api/timeline", params={"a": "usa", "b": "RUS"}).json()
    assert (body["a"], body["b"]) == ("USA", "RUS")
    assert ids_of(body) == ["e-r1", "e-sanction", "e-r2", "e-r3"]
    assert [e["date"]["start"] for e in body["items"]] == sorted(e["date"]["start"] for e in body["items"])


def test_timeline_needs_both_actors(client):
    response = client.get("/api/timeline", params={"a": "RUS"})
    assert response.status_code == 422
    assert "query.b" in response.json()["error"]["message"]


def test_store_failure_is_503_and_an_unexpected_one_500_without_details(client, store, monkeypatch):
    from dragoman.errors import StoreError

    def broken(*_args, **_kwargs):
        raise StoreError(url="sqlite:///x", detail="disk I/O error")

    monkeypatch.setattr(store, "count_events", broken)
    response = client.get("/api/events")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "E301"

    def crash(*_args, **_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(store, "event", crash)
    response = client.get("/api/events/e-r1")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "E500", "status": 500, "message": "internal error: RuntimeError"}}


def test_next_pages_by_cursor_and_keeps_numbering_by_offset(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    assert body["cursor"] and f"after={body['cursor']}" in body["next"].replace("%2E", ".")
    second = client.get(body["next"]).json()
    assert (second["offset"], ids_of(second)) == (2, ["e-r2", "e-agree"])


def test_a_malformed_cursor_is_a_400_in_the_one_error_shape(client):
    response = client.get("/api/events", params={"after": "not-a-cursor"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E401"
