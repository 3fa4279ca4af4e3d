"""The JSON API against a real uvicorn server on 127.0.0.1: listings, filters, records, exports."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(server: str):
    with httpx.Client(base_url=server, timeout=30) as session:
        yield session


def _ids(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_openapi_lists_every_endpoint(client: httpx.Client) -> None:
    document = client.get("/openapi.json").json()
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/export",
        "/api/health",
        "/api/ingest",
        "/api/extract",
    ):
        assert path in document["paths"], path
    assert "post" in document["paths"]["/api/ingest"]
    assert not any(path == "/" or path.startswith("/articles") for path in document["paths"])


def test_health_counts_what_the_store_holds(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 5
    assert body["counts"]["events"] == 5
    assert body["writes_enabled"] is True


def test_listings_page_with_a_total(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["next_offset"] == 2
    seen = [item["id"] for item in first["items"]]
    offset = first["next_offset"]
    for _ in range(5):  # bounded: 5 events, 2 a page
        if offset is None:
            break
        page = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == 5
        seen += [item["id"] for item in page["items"]]
        offset = page["next_offset"]
    assert offset is None
    assert len(seen) == len(set(seen)) == 5
    articles = client.get("/api/articles", params={"limit": 1, "offset": 4}).json()
    assert articles["total"] == 5 and len(articles["items"]) == 1 and articles["next_offset"] is None
    assert "text" not in articles["items"][0]


def test_event_filters(client: httpx.Client) -> None:
    assert _ids(client.get("/api/events", params={"country": "SYR"})) == {
        "art-strike-e0",
        "art-strike-2-e0",
        "art-hostile-e0",
    }
    assert _ids(client.get("/api/events", params={"country": "fra,mli"})) == {"art-protest-e0", "art-gao-e0"}
    assert _ids(client.get("/api/events", params={"type": "PROTEST"})) == {"art-protest-e0"}
    assert _ids(client.get("/api/events", params={"type": "Air/drone strike"})) == {
        "art-strike-e0",
        "art-strike-2-e0",
    }
    assert _ids(client.get("/api/events", params={"since": "2024-03-03", "until": "2024-03-04"})) == {
        "art-hostile-e0",
        "art-gao-e0",
    }
    # Sahel box: Gao only.
    assert _ids(client.get("/api/events", params={"bbox": "-5,10,5,20"})) == {"art-gao-e0"}
    assert _ids(client.get("/api/events", params={"q": "pension"})) == {"art-protest-e0"}


def test_article_filters_and_full_text_search(client: httpx.Client) -> None:
    assert _ids(client.get("/api/articles", params={"q": "Idlib"})) == {"art-strike", "art-strike-2"}
    assert _ids(client.get("/api/articles", params={"country": "MLI"})) == {"art-gao"}
    assert _ids(client.get("/api/articles", params={"since": "2024-03-05"})) == {"art-gao"}
    assert _ids(client.get("/api/articles", params={"q": "strike AND civilians"})) == {"art-strike"}


def test_words_that_are_no_fts_syntax_are_searched_as_written(client: httpx.Client) -> None:
    assert _ids(client.get("/api/articles", params={"q": "pension-reform"})) == {"art-protest"}
    assert _ids(client.get("/api/articles", params={"q": 'Idlib"'})) == {"art-strike", "art-strike-2"}
    assert _ids(client.get("/api/events", params={"q": "civil-defence"})) == {"art-strike-2-e0"}


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"since": "last week"}, "YYYY"),
        ({"bbox": "1,2,3"}, "min_lon"),
        ({"bbox": "10,50,20,40"}, "min_lon"),
    ],
)
def test_bad_filters_answer_400_with_what_to_write(client: httpx.Client, params: dict, words: str) -> None:
    for path in ("/api/events", "/api/articles", "/api/export"):
        response = client.get(path, params=params)
        assert response.status_code == 400, (path, response.text)
        assert words in response.json()["detail"]


def test_paging_limits_are_validated(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 10_000}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422


def test_article_record_has_text_events_and_evidence_offsets(client: httpx.Client) -> None:
    body = client.get("/api/articles/art-strike").json()
    text = body["article"]["text"]
    assert [event["id"] for event in body["events"]] == ["art-strike-e0"]
    kinds = {(h["kind"], text[h["start"] : h["end"]]) for h in body["highlights"]}
    assert ("trigger", "struck") in kinds
    assert ("place", "Idlib") in kinds
    assert ("date", "Friday") in kinds
    assert ("figure", "killing 12 civilians") in kinds
    assert ("source", "the Syrian Observatory") in kinds
    assert ("actor", "Russian warplanes") in kinds


def test_event_record_and_missing_records(client: httpx.Client) -> None:
    body = client.get("/api/events/art-gao-e0").json()
    assert body["event"]["location"]["name"] == "Gao"
    assert body["event"]["fatalities"]["best"] == 4
    assert body["article"]["id"] == "art-gao"
    for path in ("/api/events/nope", "/api/articles/nope", "/api/incidents/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


def test_map_and_timeline_feed_the_front_page(client: httpx.Client) -> None:
    points = client.get("/api/map", params={"unit": "events"}).json()
    assert points["unit"] == "events" and points["total"] == 5
    by_id = {point["id"]: point for point in points["items"]}
    assert by_id["art-strike-2-e0"]["fatalities_best"] == 15
    assert by_id["art-protest-e0"]["lat"] == pytest.approx(48.85)
    timeline = client.get("/api/timeline", params={"unit": "events"}).json()
    assert timeline["days"] == ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]
    assert timeline["series"]["ASSAULT"] == [2, 0, 1, 1]
    assert timeline["series"]["PROTEST"] == [0, 1, 0, 0]
    narrowed = client.get(
        "/api/map", params={"since": "2024-03-02", "until": "2024-03-02", "unit": "events"}
    ).json()
    assert [point["id"] for point in narrowed["items"]] == ["art-protest-e0"]


def test_export_streams_the_matching_events(client: httpx.Client) -> None:
    response = client.get("/api/export", params={"format": "csv", "country": "SYR"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3
    geojson = client.get("/api/export", params={"format": "geojson"}).json()
    assert len(geojson["features"]) == 5
    assert client.get("/api/export", params={"format": "pdf"}).status_code == 400


def test_incidents_listing_answers_even_without_incidents(client: httpx.Client) -> None:
    body = client.get("/api/incidents").json()
    assert set(body) == {"total", "limit", "offset", "next_offset", "items"}
    assert body["total"] == len(body["items"])
    for item in body["items"]:
        one = client.get(f"/api/incidents/{item['id']}").json()
        assert one["incident"]["id"] == item["id"]
        assert {event["article_id"] for event in one["events"]} <= {a["id"] for a in one["articles"]}


def test_json_twins_of_pages_are_json(client: httpx.Client) -> None:
    for page, twin in (
        ("/articles", "/api/articles"),
        ("/articles/art-gao", "/api/articles/art-gao"),
        ("/events/art-gao-e0", "/api/events/art-gao-e0"),
        ("/incidents", "/api/incidents"),
    ):
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        data = client.get(twin)
        assert data.status_code == 200
        json.loads(data.text)


def test_incidents_merge_the_two_idlib_reports(client: httpx.Client) -> None:
    pytest.importorskip("eventwire.incidents")
    listing = client.get("/api/incidents").json()
    assert listing["total"] == 4
    (idlib,) = [
        item for item in listing["items"] if sorted(item["article_ids"]) == ["art-strike", "art-strike-2"]
    ]
    assert idlib["fatalities"]["low"] == 12 and idlib["fatalities"]["high"] == 15
    assert idlib["corroboration"]["grade"] == "corroborated"
    one = client.get(f"/api/incidents/{idlib['id']}").json()
    assert {event["id"] for event in one["events"]} == {"art-strike-e0", "art-strike-2-e0"}
    assert {article["id"] for article in one["articles"]} == {"art-strike", "art-strike-2"}
    assert client.get("/api/events/art-strike-2-e0").json()["incident_id"] == idlib["id"]
    syria = client.get("/api/incidents", params={"country": "SYR", "since": "2024-03-02"}).json()
    assert [item["article_ids"] for item in syria["items"]] == [["art-hostile"]]
    assert client.get("/api/incidents", params={"q": "pension"}).json()["total"] == 1


def test_the_map_and_timeline_show_incidents_when_there_are_some(client: httpx.Client) -> None:
    pytest.importorskip("eventwire.incidents")
    points = client.get("/api/map").json()
    assert points["unit"] == "incidents" and points["total"] == 4
    timeline = client.get("/api/timeline").json()
    assert timeline["unit"] == "incidents"
    assert timeline["series"]["ASSAULT"] == [1, 0, 1, 1]
    html = client.get("/events/art-strike-e0").text
    assert 'href="/incidents/inc-' in html


@pytest.mark.parametrize("name", ["acled", "gdelt", "gdelt-mentions", "plover", "geojson", "parquet", "csv"])
def test_every_export_format_streams(client: httpx.Client, name: str) -> None:
    from eventwire.export import FORMATS

    response = client.get("/api/export", params={"format": name})
    assert response.status_code == 200, response.text
    assert response.content, name
    assert f'filename="events{FORMATS[name].suffix}"' in response.headers["content-disposition"]
    if name == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(response.content)).num_rows == 5


def test_the_article_page_links_each_event_to_its_incident(client: httpx.Client) -> None:
    pytest.importorskip("eventwire.incidents")
    incident_id = client.get("/api/events/art-strike-2-e0").json()["incident_id"]
    assert f'href="/incidents/{incident_id}"' in client.get("/articles/art-strike-2").text


def test_an_article_id_with_slashes_has_working_pages(tmp_path, serve) -> None:
    # Ids come from the user's records ("reuters/2024/123"); the pages and the API must reach them.
    from builders import make_event

    from eventwire.records import Article, ExtractionResult, Span
    from eventwire.store import Store

    db = tmp_path / "slashes.db"
    text = "Gunmen attacked a convoy near Gao on Monday, killing 4 soldiers."
    with Store.open(db) as store:
        run = store.start_run("test", extractor="x", data_fingerprint="y")
        article = Article("reuters/2024/03/gao?x#y", text, "Convoy attacked")
        event = make_event(id="ev-slash", article_id=article.id, evidence=Span(text[:6], 0, 6))
        store.save_result(ExtractionResult(article, [event], []), run)
    with serve(db) as url, httpx.Client(base_url=url, timeout=30) as client:
        listed = client.get("/articles")
        assert listed.status_code == 200
        assert "/articles/reuters/2024/03/gao%3Fx%23y" in listed.text
        assert client.get("/articles/reuters/2024/03/gao%3Fx%23y").status_code == 200
        assert client.get("/api/articles/reuters/2024/03/gao%3Fx%23y").json()["article"]["id"] == article.id
