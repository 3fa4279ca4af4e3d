"""Property tests: whatever bytes an input holds, ingest yields Articles or Failures, never raises."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.config import IngestConfig
from eventwire.ingest import read_articles
from eventwire.ingest.detect import sniff_format
from eventwire.records import Article, Failure

# Starts that steer the sniffer into each reader, followed by arbitrary bytes.
PREFIXES = [b"", b"{", b'{"text": "', b"<html><body><p>", b'<?xml version="1.0"?><rss version="2.0">',
            b'<feed xmlns="http://www.w3.org/2005/Atom">', b"WARC/1.1\r\n", b"id,text\n1,",
            b"title\ttext\n", b"\x1f\x8b"]

inputs = st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=600), st.booleans())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_any_bytes_become_articles_or_failures(case: tuple[bytes, bytes, bool]) -> None:
    prefix, tail, zipped = case
    data = prefix + tail
    if zipped:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        records = list(read_articles([str(path)], IngestConfig()))
    assert records, "every input yields at least one record"
    assert all(isinstance(r, Article | Failure) for r in records)
    for record in records:
        if isinstance(record, Failure):
            assert record.stage == "ingest" and record.message


@given(st.binary(max_size=300), st.text(max_size=20))
def test_sniffing_never_raises(head: bytes, name: str) -> None:
    assert sniff_format(head, name) in {"gzip", "warc", "jsonl", "rss", "atom", "html", "csv", "tsv", "text"}
