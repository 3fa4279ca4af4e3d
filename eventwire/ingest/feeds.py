"""RSS 2.0 / RSS 1.0 and Atom feeds (feedparser): one article per item.

An item's text is its full content (``content:encoded`` in RSS, ``<content>`` in Atom) made
plain by trafilatura, else its summary/description, else, when fetching is allowed, the text of
the page it links to; with none of these it is a Failure saying so. Its date is
``pubDate``/``published`` (``updated`` when that is all there is), its id a hash of its link
(as for the page itself, so both give one id), and `Article.source` the feed's title. Item
sources in Failures are ``path:N``, N counting items from 1.

feedparser is only ever given bytes: given a string it may treat it as a URL and fetch it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import feedparser  # type: ignore[import-untyped]

from eventwire.errors import EmptyInputError, InputError, RecordFormatError
from eventwire.ingest.checks import TextChecks, check_binary_bytes, normalise_date, to_failure
from eventwire.ingest.html import html_fragment_text
from eventwire.records import Article, Failure, make_id

__all__ = ["PageFetcher", "iter_feed"]

#: Reads the page an item links to (fetching on), or None when fetching is off.
PageFetcher = Callable[[str], Article]


def iter_feed(
    data: bytes,
    source: str,
    checks: TextChecks,
    *,
    published: str | None = None,
    encoding: str = "utf-8",
    fetch_page: PageFetcher | None = None,
) -> Iterator[Article | Failure]:
    """Articles and per-item Failures from one feed; raises `InputError` for the whole feed."""
    # Not decoded here: an XML feed declares its own encoding, which feedparser honours.
    check_binary_bytes(data, encoding=encoding)
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f" ({problem})" if problem else ""
        raise RecordFormatError(f"the feed has no items{why}; pass an RSS 2.0 or Atom feed with items")
    feed_title = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        where = f"{source}:{number}"
        link = _clean(entry.get("link"))
        try:
            yield _entry_article(entry, link, feed_title or source, checks, published, fetch_page)
        except InputError as exc:
            article_id = make_id(link, prefix="u-") if link else None
            yield to_failure(where, exc, article_id)


def _entry_article(
    entry: Any,
    link: str | None,
    feed_title: str,
    checks: TextChecks,
    published: str | None,
    fetch_page: PageFetcher | None,
) -> Article:
    title = _clean(entry.get("title"))
    body = _entry_body(entry)
    date = _entry_date(entry)
    if not body:
        if link and fetch_page is not None:
            page = fetch_page(link)
            return Article(
                id=page.id,
                text=page.text,
                title=title or page.title,
                published=date or page.published or published,
                url=page.url or link,
                source=feed_title,
            )
        advice = "pass --fetch to read the page it links to" if link else "it links to no page either"
        raise EmptyInputError(f"the feed item {title or link or ''!r} has no content or summary; {advice}")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    text = checks.prepare(text)
    return Article(
        id=make_id(link, prefix="u-") if link else make_id(text, prefix="a-"),
        text=text,
        title=title,
        published=date or published,
        url=link,
        source=feed_title,
    )


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = _markup_to_text(content.get("value", ""), content.get("type", ""))
        if text:
            return text
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _markup_to_text(summary, detail.get("type", "text/html"))


def _markup_to_text(value: str, mime: str) -> str:
    if not value or not value.strip():
        return ""
    if "html" in mime:
        return html_fragment_text(value)
    return value.strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            try:
                return normalise_date(value)
            except ValueError:
                continue  # an unreadable date never refuses the item (as in JSONL)
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
