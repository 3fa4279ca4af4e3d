"""Ingest of HTML pages, feeds, web archives, tables, gzip, folders and globs; format sniffing."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.config import IngestConfig
from eventwire.ingest import read_articles
from eventwire.ingest.detect import sniff_format
from eventwire.records import Article, Failure, make_id

CONFIG = IngestConfig()
CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

BODY = (
    "An airstrike on a market in the town of Maarat al-Numan in Idlib province killed at least "
    "12 civilians and wounded 30 others on Saturday morning, rescue workers said. The Syrian "
    "Civil Defence said its teams pulled bodies from the rubble of the shops."
)
SECOND = "The Syrian Observatory for Human Rights put the death toll at 15, including four children."

# Each marker is a word that must not survive into the article text.
BOILERPLATE = ["NAVLINK", "COOKIEBANNER", "MOSTREAD", "FOOTERTEXT", "SCRIPTPAYLOAD", "INJECTED"]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Airstrike kills 12 in Maarat al-Numan | Levant Daily</title>
<meta property="og:title" content="Airstrike kills 12 in Maarat al-Numan">
<meta property="og:site_name" content="Levant Daily">
<meta property="article:published_time" content="2026-03-14T09:20:00+02:00">
<link rel="canonical" href="https://levantdaily.example/news/airstrike-maarat">
<script>window.x = "SCRIPTPAYLOAD"; document.write("<p>INJECTED text here</p>");</script>
<style>.cookie {{ content: "SCRIPTPAYLOAD"; }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAVLINK</a></li>
<li><a href="/sport">Sport NAVLINK</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies COOKIEBANNER to improve your
experience.</p><button>Accept all cookies</button></div>
<main><article>
<h1>Airstrike kills 12 in Maarat al-Numan</h1>
<p>{BODY}</p>
<p>{SECOND}</p>
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">MOSTREAD wedding shocks fans</a></li>
<li><a href="/b">MOSTREAD ten recipes</a></li></ol></aside>
<footer><p>&copy; 2026 Levant Daily FOOTERTEXT. All rights reserved.</p></footer>
<script>alert("SCRIPTPAYLOAD");</script>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Sudan Wire</title><link>https://sudanwire.example/</link>
<item><title>Shelling kills 22 in El Fasher</title>
<link>https://sudanwire.example/el-fasher</link>
<pubDate>Wed, 19 Aug 2026 14:10:00 GMT</pubDate>
<description>Short summary that must not win over the full text.</description>
<content:encoded><![CDATA[<p>Artillery shells struck a market in El Fasher on Wednesday, killing 22
civilians, a local committee said.</p><script>steal("SCRIPTPAYLOAD")</script><p>The committee blamed
the Rapid Support Forces for the shelling of the market.</p>]]></content:encoded></item>
<item><title>Protest in Omdurman</title><link>https://sudanwire.example/omdurman</link>
<pubDate>Fri, 21 Aug 2026 18:45:00 GMT</pubDate>
<description>Police fired tear gas at protesters in Omdurman on Friday, witnesses said.</description>
</item>
<item><title>Only a link</title><link>https://sudanwire.example/only-link</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kyiv Desk</title>
<id>urn:uuid:feed</id><updated>2026-10-08T07:30:00Z</updated>
<entry><title>Missile strike on Kharkiv kills four</title>
<link href="https://kyivdesk.example/kharkiv"/><id>urn:uuid:entry-1</id>
<published>2026-10-08T07:15:00Z</published><updated>2026-10-09T07:30:00Z</updated>
<content type="html">&lt;p&gt;A Russian missile struck an apartment block in Kharkiv on Thursday,
killing four people and wounding 27, the governor said.&lt;/p&gt;</content></entry>
</feed>
"""


def read(*paths: str | Path, config: IngestConfig = CONFIG, **options: Any) -> list[Any]:
    return list(read_articles([str(p) for p in paths], config, **options))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


# --------------------------------------------------------------------------- HTML


def test_html_page_keeps_the_article_and_drops_boilerplate_and_scripts(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "page.html", PAGE))
    assert isinstance(article, Article), article
    for marker in BOILERPLATE:
        assert marker not in article.text, marker
    for word in ("cookies", "Home", "All rights reserved", "document.write", "alert"):
        assert word not in article.text, word
    assert BODY in article.text and SECOND in article.text
    assert article.title == "Airstrike kills 12 in Maarat al-Numan"
    assert article.text.startswith(article.title + "\n\n")  # the headline is in the text once
    assert article.text.count(article.title) == 1
    assert article.published == "2026-03-14"
    assert article.url == "https://levantdaily.example/news/airstrike-maarat"
    assert article.source == "Levant Daily"
    assert article.id == make_id(article.url, prefix="u-")


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
         '"NewsArticle", "datePublished": "2025-10-05T08:00:00Z"}</script>', None, "2025-10-05"),
        ("", None, None),
    ],
)
def test_html_dates_from_json_ld_or_none(tmp_path: Path, head: str, url: str | None,
                                         expected: str | None) -> None:
    page = f"<html><head><title>T</title>{head}</head><body><article><p>{BODY}</p></article></body></html>"
    [article] = read(write(tmp_path / "p.html", page))
    assert article.published == expected


def test_html_date_from_a_time_element(tmp_path: Path) -> None:
    page = (f"<html><head><title>T</title></head><body><article><time datetime='2025-11-02T10:00'>"
            f"2 Nov</time><p>{BODY}</p></article></body></html>")
    [article] = read(write(tmp_path / "p.html", page))
    assert article.published == "2025-11-02"


def test_html_without_a_main_text_is_a_failure(tmp_path: Path) -> None:
    page = "<html><head><title>Menu</title><script>var a = 1;</script></head><body><nav></nav></body></html>"
    [failure] = read(write(tmp_path / "empty.html", page))
    assert isinstance(failure, Failure)
    assert failure.error == "EmptyInputError" and "no main text" in failure.message
    assert failure.source == str(tmp_path / "empty.html")


def test_html_named_txt_is_still_html(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "saved.txt", PAGE))
    assert article.source == "Levant Daily" and "NAVLINK" not in article.text


# --------------------------------------------------------------------------- feeds


def test_rss_items_are_articles_with_full_text_or_summary(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.rss", RSS)
    full, summary, empty = read(path)
    assert isinstance(full, Article) and isinstance(summary, Article)
    assert full.title == "Shelling kills 22 in El Fasher"
    assert "killing 22" in full.text and "Rapid Support Forces" in full.text
    assert "Short summary" not in full.text and "SCRIPTPAYLOAD" not in full.text
    assert full.published == "2026-08-19"
    assert full.url == "https://sudanwire.example/el-fasher"
    assert full.id == make_id(full.url, prefix="u-")
    assert full.source == "Sudan Wire"
    assert "tear gas" in summary.text and summary.published == "2026-08-21"
    assert isinstance(empty, Failure)
    assert empty.source == f"{path}:3" and "--fetch" in empty.message
    assert empty.article_id == make_id("https://sudanwire.example/only-link", prefix="u-")


def test_atom_entry_uses_published_not_updated(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "kyiv.xml", ATOM))
    assert isinstance(article, Article)
    assert article.published == "2026-10-08"
    assert article.title == "Missile strike on Kharkiv kills four"
    assert "killing four people" in article.text and "&lt;" not in article.text
    assert article.url == "https://kyivdesk.example/kharkiv"
    assert article.source == "Kyiv Desk"


def test_feed_without_items_is_one_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel>'
                 "<title>Nothing</title></channel></rss>")
    [failure] = read(path)
    assert isinstance(failure, Failure) and "no items" in failure.message


# --------------------------------------------------------------------------- WARC


def _warc(stream: io.BytesIO, *, gzipped: bool) -> None:
    writer = WARCWriter(stream, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    pages = [
        ("https://levantdaily.example/news/airstrike-maarat", "text/html; charset=utf-8", PAGE.encode()),
        ("https://levantdaily.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("https://other.example/story", "text/html",
         f"<html><body><article><p>{BODY}</p></article></body></html>".encode()),
        ("https://other.example/empty", "text/html",
         b"<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>"),
    ]
    for url, mime, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2026-03-15T08:00:00Z"},
        )
        writer.write_record(record)


@pytest.mark.parametrize(("name", "gzipped"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str, gzipped: bool) -> None:
    buffer = io.BytesIO()
    _warc(buffer, gzipped=gzipped)
    path = write(tmp_path / name, buffer.getvalue())
    page, other, empty = read(path)
    assert isinstance(page, Article) and isinstance(other, Article), (page, other)
    assert page.url == "https://levantdaily.example/news/airstrike-maarat"
    assert page.published == "2026-03-14"  # the page's own date wins over the fetch date
    assert "NAVLINK" not in page.text
    assert other.url == "https://other.example/story"
    assert other.published == "2026-03-15"  # no date of its own: the record's fetch date
    assert other.id == make_id("https://other.example/story", prefix="u-")
    assert isinstance(empty, Failure) and empty.source == f"{path}:5"
    assert empty.article_id == make_id("https://other.example/empty", prefix="u-")


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _warc(buffer, gzipped=False)
    data = buffer.getvalue()
    cut = data.index(b"https://other.example/story") + 200
    records = read(write(tmp_path / "cut.warc", data[:cut]))
    assert isinstance(records[0], Article)
    assert all(isinstance(r, Article | Failure) for r in records)


# --------------------------------------------------------------------------- tables


def test_csv_with_header_is_one_article_per_row(tmp_path: Path) -> None:
    text = f'id,title,date,url,text\nr1,First,2026-03-14,https://x.example/1,"{BODY}"\n,Second,,,"{SECOND}"\n'
    path = write(tmp_path / "rows.csv", text)
    first, second = read(path)
    assert (first.id, first.title, first.published, first.url) == (
        "r1", "First", "2026-03-14", "https://x.example/1")
    assert first.text == BODY and first.source == f"{path}:2"
    assert second.id == make_id(SECOND, prefix="a-") and second.published is None


def test_tsv_with_named_text_column_and_multiline_cells(tmp_path: Path) -> None:
    text = f'headline\tstory\tdate\nFirst\t"{BODY}\n\n{SECOND}"\t2026-03-14\nSecond\t"{SECOND}"\t\n'
    path = write(tmp_path / "rows.tsv", text)
    first, second = read(path, text_column="story")
    assert first.text == f"{BODY}\n\n{SECOND}" and first.published == "2026-03-14"
    assert second.text == SECOND and second.source == f"{path}:5"  # the line the row starts on
    [failure] = read(path, text_column="nope")
    assert isinstance(failure, Failure) and "no column 'nope'" in failure.message


def test_headerless_csv_takes_the_longest_column_or_a_numbered_one(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", f'1,"{BODY}",x\n2,"{SECOND}",y\n')
    assert [a.text for a in read(path)] == [BODY, SECOND]
    assert [a.text for a in read(path, text_column="3")] == ["x", "y"]
    records = read(path, text_column="9")
    assert isinstance(records[0], Failure) and "number from 1 to 3" in records[0].message


def test_csv_header_is_detected_by_content_under_any_name(tmp_path: Path) -> None:
    path = write(tmp_path / "export.dat", f'id,text\nr1,"{BODY}"\nr2,"{SECOND}"\n')
    assert [a.id for a in read(path)] == ["r1", "r2"]


def test_bad_rows_are_failures_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", f'id,text\nr1,"{BODY}"\nr2,\nr3,"{SECOND}"\n')
    first, empty, third = read(path)
    assert isinstance(empty, Failure) and empty.error == "EmptyInputError"
    assert empty.source == f"{path}:3"
    assert (first.id, third.id) == ("r1", "r3")


# --------------------------------------------------------------------------- detection, gzip


def test_jsonl_named_txt_is_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "records.txt", jsonl({"id": "j1", "text": BODY}, {"id": "j2", "text": SECOND}))
    assert [(a.id, a.text) for a in read(path)] == [("j1", BODY), ("j2", SECOND)]


def test_gzipped_jsonl_and_text(tmp_path: Path) -> None:
    records = jsonl({"id": "g1", "text": BODY, "source": "Wire"}, {"id": "g2", "text": SECOND})
    zipped = write(tmp_path / "batch.jsonl.gz", gzip.compress(records.encode()))
    first, second = read(zipped)
    assert (first.id, first.source, second.id) == ("g1", "Wire", "g2")
    assert second.source == f"{zipped}:2"
    text = write(tmp_path / "report.gz", gzip.compress(f"Headline\n\n{BODY}\n".encode()))
    [article] = read(text)
    assert article.title == "Headline" and BODY in article.text


def test_damaged_gzip_is_a_failure(tmp_path: Path) -> None:
    data = gzip.compress(jsonl({"id": "g1", "text": BODY}).encode() * 50)
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    records = read(path, write(tmp_path / "ok.txt", BODY))
    assert isinstance(records[-2], Failure) and "gzip" in records[-2].message
    assert isinstance(records[-1], Article)


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"\x1f\x8b\x08\x00", "a.txt", "gzip"),
        (b"WARC/1.1\r\n", "a", "warc"),
        (b'\xef\xbb\xbf  {"text": "x"}', "a.txt", "jsonl"),
        (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', "a.txt", "rss"),
        (b'<rdf:RDF xmlns:rdf="x">', "a", "rss"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "a.html", "atom"),
        (b"<!DOCTYPE html><html>", "a.txt", "html"),
        (b"<div><p>Hello</p></div>", "a", "html"),
        (b"<Reuters> says it all", "a", "text"),
        (b"id,title,text\n1,a,b\n", "a.txt", "csv"),
        (b"A sentence, with commas, and more, commas.\nSecond line.\n", "a.txt", "text"),
        (b"x\ty\n", "a.tsv", "tsv"),
        (b"Plain report\n\nBody.", "a.txt", "text"),
    ],
)
def test_sniff_format(head: bytes, name: str, expected: str) -> None:
    assert sniff_format(head, name) == expected


# --------------------------------------------------------------------------- folders, globs


def test_folder_is_read_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.txt", f"Two\n\n{BODY}")
    write(tmp_path / "a.txt", f"One\n\n{BODY}")
    write(tmp_path / "b" / "c" / "three.jsonl", jsonl({"id": "three", "text": BODY}))
    write(tmp_path / ".hidden.txt", f"Hidden\n\n{BODY}")
    write(tmp_path / ".git" / "x.txt", f"Hidden too\n\n{BODY}")
    records = read(tmp_path)
    assert [r.source for r in records] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "three.jsonl") + ":1",
        str(tmp_path / "b" / "two.txt"),
    ]


def test_glob_expands_sorted_and_an_empty_glob_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "x" / "2.txt", f"Two\n\n{BODY}")
    write(tmp_path / "x" / "1.txt", f"One\n\n{BODY}")
    write(tmp_path / "x" / "deep" / "3.txt", f"Three\n\n{BODY}")
    assert [r.title for r in read(str(tmp_path / "x" / "*.txt"))] == ["One", "Two"]
    assert [r.title for r in read(str(tmp_path / "**" / "*.txt"))] == ["One", "Two", "Three"]
    [failure] = read(str(tmp_path / "*.nothing"))
    assert isinstance(failure, Failure) and "no files match" in failure.message


def test_url_without_fetch_is_a_failure_saying_pass_fetch() -> None:
    [failure] = read("https://news.example/story")
    assert isinstance(failure, Failure)
    assert failure.error == "FetchError" and "--fetch" in failure.message
    assert failure.source == "https://news.example/story"


# --------------------------------------------------------------------------- the sample corpus


def test_sample_corpus_reads_without_failures() -> None:
    records = read(CORPUS)
    assert not [r for r in records if isinstance(r, Failure)], records
    assert len(records) == 9
    assert all(r.published for r in records if not r.source.endswith(".txt"))
    assert len({r.id for r in records}) == 9
    maarat = [r for r in records if "Maarat al-Numan" in (r.title or "")]
    assert {r.source for r in maarat} == {"Levant Daily", "Idlib Monitor"}  # one incident, two outlets
    for record in records:
        assert "cookie" not in record.text.lower() and "Most read" not in record.text


# --------------------------------------------------------------------------- datelines


def test_an_article_without_a_date_takes_its_dateline_date(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Wed 05 Apr 2017 Syria: strike on Khan Sheikhoun\n\nWarplanes struck the town.", "utf-8")
    (article,) = read_articles([str(dated)], CONFIG)
    assert article.published == "2017-04-05"
    # A date the user gives is the article's own and wins over a guess from the text.
    (given,) = read_articles([str(dated)], CONFIG, published="2017-04-06")
    assert given.published == "2017-04-06"
    undated = tmp_path / "undated.txt"
    undated.write_text("No date in this opening at all.\n\nWarplanes struck the town.", "utf-8")
    (article,) = read_articles([str(undated)], CONFIG)
    assert article.published is None


def test_stdin_is_sniffed_like_a_file() -> None:
    [page] = read("-", stdin=io.BytesIO(PAGE.encode()))
    assert page.source == "Levant Daily" and "NAVLINK" not in page.text
    [item, *_] = read("-", stdin=io.BytesIO(gzip.compress(RSS.encode())))
    assert item.title == "Shelling kills 22 in El Fasher"


def test_archive_without_pages_is_one_failure(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    path = write(tmp_path / "images.warc.gz", buffer.getvalue())
    [failure] = read(path)
    assert isinstance(failure, Failure) and "holds no article" in failure.message
