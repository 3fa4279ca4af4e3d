"""The flat exports (csv, parquet), PLOVER JSON lines, GeoJSON, and the `export` API itself."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.errors import EventwireError, ExportError
from eventwire.export import FLAT_COLUMNS, FORMATS, export
from eventwire.records import Span

HOSTILE = 'She said "no, never",\nthen, after a pause\r\n— left.'


def exported(rows, format_name):
    buffer = io.BytesIO()
    count = export(rows, format_name, buffer)
    return count, buffer.getvalue()


def test_every_format_is_registered():
    assert set(FORMATS) == {"acled", "gdelt", "gdelt-mentions", "plover", "geojson", "parquet", "csv"}


def test_csv_has_the_flat_columns_and_round_trips_hostile_text(article, strike):
    rows = [(article, strike(evidence=Span(HOSTILE, 0, len(HOSTILE)))), (article, strike(id="e-2"))]
    count, data = exported(rows, "csv")
    parsed = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert count == 2 and len(parsed) == 2
    assert list(parsed[0]) == [column.name for column in FLAT_COLUMNS]
    first = parsed[0]
    assert first["evidence"] == HOSTILE
    assert (first["event_id"], first["type"], first["cameo"]) == ("e-strike", "ASSAULT", "195")
    assert (first["source_country"], first["target_sector"], first["fatalities_best"]) == ("RUS", "CVL", "3")
    assert (first["latitude"], first["geo_precision"]) == ("35.6478", "1")


def test_parquet_reads_back_with_typed_columns(tmp_path, article, strike):
    path = tmp_path / "events.parquet"
    rows = [(article, strike()), (article, strike(id="e-bare", location=None, fatalities=None))]
    assert export(rows, "parquet", path) == 2
    table = pq.read_table(path)
    assert table.column_names == [column.name for column in FLAT_COLUMNS]
    types = {field.name: field.type for field in table.schema}
    assert types["geonameid"] == pa.int64() and types["fatalities_best"] == pa.int64()
    assert types["latitude"] == pa.float64() and types["confidence"] == pa.float64()
    assert types["cameo"] == pa.string()
    records = table.to_pylist()
    assert records[0]["geonameid"] == 169389 and records[0]["latitude"] == pytest.approx(35.6478)
    assert records[1]["geonameid"] is None and records[1]["fatalities_best"] is None


def test_parquet_streams_in_row_groups(tmp_path, article, strike, monkeypatch):
    from eventwire.export import tabular

    monkeypatch.setattr(tabular, "PARQUET_BATCH", 2)
    rows = ((article, strike(id=f"e-{n}")) for n in range(5))
    path = tmp_path / "many.parquet"
    assert export(rows, "parquet", path) == 5
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_rows == 5 and metadata.num_row_groups == 3


def test_plover_lines_are_json_records(article, strike, event):
    count, data = exported([(article, strike()), (article, event("CONSULT", status="claimed"))], "plover")
    lines = data.decode("utf-8").splitlines()
    assert count == len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert (first["id"], first["date"], first["event"], first["mode"]) == (
        "e-strike",
        "2024-11-22",
        ["ASSAULT"],
        ["aerial"],
    )
    assert first["quad_code"] == 4 and second["quad_code"] == 1
    assert first["actor"] == [
        {"code": "RUSMIL", "sector": "MIL", "entity_text": "Russian warplanes", "country_code": "RUS"}
    ]
    assert first["recipient"][0]["sector"] == "CVL"
    location = first["event_loc"]
    assert (location["geonameid"], location["country_code"], location["resolution"]) == (169389, "SYR", 4)
    assert (first["dead"], first["event_text"]) == (3, "struck")
    assert first["cite_info"]["url"] == article.url
    assert second["comment"] == "claimed" and "event_loc" not in second


def test_geojson_is_a_feature_collection_with_null_geometry_when_unplaced(article, strike):
    count, data = exported([(article, strike()), (article, strike(id="e-2", location=None))], "geojson")
    collection = json.loads(data)
    assert count == 2 and collection["type"] == "FeatureCollection"
    placed, unplaced = collection["features"]
    assert placed["type"] == unplaced["type"] == "Feature"
    assert placed["geometry"] == {"type": "Point", "coordinates": [36.6717, 35.6478]}  # lon, lat
    assert unplaced["geometry"] is None
    assert set(placed["properties"]) == {column.name for column in FLAT_COLUMNS}
    assert placed["properties"]["acled_sub_event_type"] == "Air/drone strike"


def test_empty_exports_are_valid(tmp_path):
    assert json.loads(exported([], "geojson")[1]) == {"type": "FeatureCollection", "features": []}
    assert export([], "parquet", tmp_path / "empty.parquet") == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


def test_unknown_format_and_unsupported_unit_are_clear_errors(article, strike):
    with pytest.raises(ExportError, match="unknown export format 'shapefile'.*acled"):
        export([], "shapefile", io.BytesIO())
    for event_only in ("gdelt", "gdelt-mentions", "plover"):
        with pytest.raises(ExportError, match=f"the {event_only} export cannot write unit 'incident'"):
            export([(article, strike())], event_only, io.BytesIO(), unit="incident")
    with pytest.raises(ExportError, match="unknown export unit 'article'"):
        export([], "csv", io.BytesIO(), unit="article")
    assert issubclass(ExportError, EventwireError)


def test_file_output_is_complete_or_absent(tmp_path, article, strike):
    def failing():
        yield article, strike()
        raise RuntimeError("store read failed")

    path = tmp_path / "events.csv"
    with pytest.raises(RuntimeError):
        export(failing(), "csv", path)
    assert list(tmp_path.iterdir()) == []
    assert export([(article, strike())], "csv", path) == 1
    assert path.read_text("utf-8").startswith("event_id,")
    with pytest.raises(ExportError, match="is a directory"):
        export([], "csv", tmp_path)
    with pytest.raises(ExportError, match="cannot write"):
        export([], "csv", tmp_path / "missing" / "events.csv")


def test_importing_the_exporters_loads_no_spacy_and_no_pyarrow():
    code = "import sys, eventwire.export; print('spacy' in sys.modules, 'pyarrow' in sys.modules)"
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split() == ["False", "False"]
