"""HTML pages: the article's main text and metadata, by trafilatura (no hand-made stripping).

trafilatura drops navigation, cookie banners, "most read" lists, scripts, styles and footers,
and reads the title, the canonical URL and the site name; its date finder (htmldate) reads
``article:published_time`` and other meta tags, JSON-LD ``datePublished``, ``<time>`` elements
and dates in the URL. The wider "extensive" date search (any date in the page) is off: a date
guessed from a sidebar would anchor every relative date of the article wrongly.

The article text is the headline, a blank line, then the main text's paragraphs, one a line: the
same shape as a plain-text report, so the title is in the text that offsets index.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from eventwire.errors import EmptyInputError
from eventwire.ingest.checks import TextChecks, check_binary_bytes, decode_bytes, normalise_date
from eventwire.records import Article, make_id

__all__ = ["PageText", "article_from_html", "extract_page", "html_fragment_text"]

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class PageText:
    """What trafilatura found in a page; every field but `text` may be missing."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    site: str | None


def extract_page(markup: str, url: str | None = None) -> PageText:
    """The main text and metadata of an HTML page; EmptyInputError when it has no main text."""
    document = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not body:
        raise EmptyInputError(
            "the page has no main text that could be found (only navigation, scripts or "
            "boilerplate); save the article page itself, or its text as a .txt file"
        )
    title = _clean(getattr(document, "title", None))
    if title is not None and body.split("\n", 1)[0].strip() == title:
        body = body.split("\n", 1)[1].lstrip("\n") if "\n" in body else ""
    text = f"{title}\n\n{body}" if title and body else (title or body)
    return PageText(
        text=text,
        title=title,
        published=_iso_date(getattr(document, "date", None)),
        url=_clean(getattr(document, "url", None)) or url,
        site=_clean(getattr(document, "sitename", None)) or _clean(getattr(document, "hostname", None)),
    )


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment that is all article (a feed item's content), or ""."""
    if "<" not in fragment:
        return fragment.strip()
    # The fragment has no boilerplate to drop, so favour recall; trafilatura still removes
    # scripts and styles, and wants a page around the fragment.
    text = trafilatura.extract(
        f"<html><body><article>{fragment}</article></body></html>",
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        with_metadata=False,
    )
    return (text or "").strip()


def article_from_html(
    data: bytes,
    source: str,
    checks: TextChecks,
    *,
    url: str | None = None,
    published: str | None = None,
    encoding: str = "utf-8",
) -> Article:
    """One article from a saved or fetched page; raises an `InputError` when it cannot.

    `published` fills in when the page has no date of its own (the caller's override, or a
    WARC record's fetch date). The id hashes the canonical URL when there is one.
    """
    check_binary_bytes(data, encoding=encoding)
    page = extract_page(decode_bytes(data, encoding=encoding), url)
    text = checks.prepare(page.text)
    return Article(
        id=make_id(page.url, prefix="u-") if page.url else make_id(text, prefix="a-"),
        text=text,
        title=page.title,
        published=page.published or published,
        url=page.url,
        source=page.site or source,
    )


def _clean(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalise_date(value)
    except ValueError:
        return None
