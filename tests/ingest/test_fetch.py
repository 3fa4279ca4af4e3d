"""Fetching URLs: real HTTP servers on 127.0.0.1/127.0.0.2 in threads, and the address guard.

What is tested against real sockets: fetching with allow_private, the refusal of a loopback
address without it (the server sees no request), the redirect and size limits, and a redirect
to a private address refused *at its hop*. For the last, the guard is told to treat 127.0.0.1
as public (monkeypatched), because a test cannot run a server on a public address; the refusal
of 127.0.0.2 that follows is the real guard, checking the redirect target's resolved address
inside the connection. The classification of addresses is tested directly on literals.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from eventwire.config import IngestConfig
from eventwire.errors import BlockedAddressError
from eventwire.ingest import fetch as fetch_module
from eventwire.ingest import read_articles
from eventwire.ingest.fetch import USER_AGENT, address_block_reason, check_address
from eventwire.records import Article, Failure, make_id

BODY = (
    "Government warplanes bombed the main market of Maarat al-Numan in southern Idlib on "
    "Saturday, killing nine people and wounding at least 20, according to a medical official."
)
PAGE = (
    "<html><head><title>Nine killed in Maarat al-Numan</title>"
    '<meta property="og:site_name" content="Idlib Monitor">'
    '<meta property="article:published_time" content="2026-03-14T10:05:00Z">'
    "</head><body><nav><a href='/'>Home NAVLINK</a></nav>"
    f"<article><h1>Nine killed in Maarat al-Numan</h1><p>{BODY}</p></article></body></html>"
)


@dataclass
class Server:
    host: str
    port: int
    hits: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    redirect_to: str = ""

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            server.hits.append(self.path)
            server.agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/page":
                self._send(200, PAGE.encode(), "text/html; charset=utf-8")
            elif self.path.startswith("/loop/"):
                hop = int(self.path.rsplit("/", 1)[1])
                self._redirect(f"/loop/{hop + 1}")
            elif self.path == "/hop":
                self._redirect("/page")
            elif self.path == "/away":
                self._redirect(server.redirect_to)
            elif self.path == "/big":
                self._send(200, b"<html><body><p>" + b"the news of the day " * 10_000 + b"</p></body></html>",
                           "text/html")
            elif self.path == "/chunked-big":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()  # no Content-Length: the cap must hold while reading
                self.wfile.write(b"<html><body><p>" + b"the news of the day " * 10_000)
                self.close_connection = True
            elif self.path == "/feed":
                self._send(200, FEED.replace("{base}", server.url("")).encode(), "application/rss+xml")
            else:
                self._send(404, b"not here", "text/plain")

        def _send(self, status: int, body: bytes, mime: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Monitor feed</title>
<item><title>Nine killed</title><link>{base}/page</link></item></channel></rss>"""


def _serve(host: str) -> Iterator[Server]:
    state = Server(host, 0)
    httpd = ThreadingHTTPServer((host, 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[Server]:
    yield from _serve("127.0.0.1")


@pytest.fixture
def private_server() -> Iterator[Server]:
    yield from _serve("127.0.0.2")


CONFIG = IngestConfig(fetch_timeout=5.0)


def read(*urls: str, config: IngestConfig = CONFIG, **options: Any) -> list[Any]:
    return list(read_articles(list(urls), config, fetch=True, **options))


def test_fetch_with_allow_private_reads_the_page(server: Server) -> None:
    [article] = read(server.url("/hop"), allow_private=True)
    assert isinstance(article, Article), article
    assert BODY in article.text and "NAVLINK" not in article.text
    assert article.url == server.url("/page")  # the final URL, after the redirect
    assert article.id == make_id(server.url("/page"), prefix="u-")
    assert (article.published, article.source) == ("2026-03-14", "Idlib Monitor")
    assert server.hits == ["/hop", "/page"]
    assert server.agents[0] == USER_AGENT


def test_loopback_is_refused_without_allow_private(server: Server) -> None:
    for url in (server.url("/page"), f"http://localhost:{server.port}/page"):
        [failure] = read(url)
        assert isinstance(failure, Failure)
        assert failure.error == "BlockedAddressError"
        assert "loopback" in failure.message and failure.source == url
    assert server.hits == []  # refused before connecting: no request was sent


def test_redirect_to_a_private_address_is_refused_at_that_hop(
    server: Server, private_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_reason = fetch_module.address_block_reason

    def first_host_public(address: str) -> str | None:
        return None if address == "127.0.0.1" else real_reason(address)

    monkeypatch.setattr(fetch_module, "address_block_reason", first_host_public)
    server.redirect_to = private_server.url("/page")
    [failure] = read(server.url("/away"))
    assert isinstance(failure, Failure) and failure.error == "BlockedAddressError"
    assert "127.0.0.2" in failure.message
    assert server.hits == ["/away"]
    assert private_server.hits == []  # never contacted


def test_redirect_limit(server: Server) -> None:
    config = IngestConfig(fetch_timeout=5.0, max_redirects=3)
    [failure] = read(server.url("/loop/0"), config=config, allow_private=True)
    assert isinstance(failure, Failure) and failure.error == "FetchError"
    assert "too many redirects" in failure.message and "max_redirects" in failure.message
    assert server.hits == ["/loop/0", "/loop/1", "/loop/2", "/loop/3"]  # 1 request + 3 redirects


@pytest.mark.parametrize("path", ["/big", "/chunked-big"])
def test_size_cap(server: Server, path: str) -> None:
    config = IngestConfig(fetch_timeout=5.0, max_fetch_bytes=100_000)
    [failure] = read(server.url(path), config=config, allow_private=True)
    assert isinstance(failure, Failure) and failure.error == "InputTooLargeError"
    assert "max_fetch_bytes" in failure.message
    [article] = read(server.url(path), allow_private=True)  # under the default cap it is read
    assert isinstance(article, Article)


def test_http_error_and_unreachable_host_are_failures(server: Server) -> None:
    [missing] = read(server.url("/nope"), allow_private=True)
    assert isinstance(missing, Failure) and "404" in missing.message
    [bad_scheme] = read("ftp://example.org/file.txt")
    assert isinstance(bad_scheme, Failure) and "only http" in bad_scheme.message


def test_feed_item_without_text_reads_its_page_when_fetching(server: Server) -> None:
    [article] = read(server.url("/feed"), allow_private=True)
    assert isinstance(article, Article), article
    assert BODY in article.text and article.source == "Monitor feed"
    assert article.title == "Nine killed"
    assert server.hits == ["/feed", "/page"]


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # the cloud metadata address
        ("fe80::1%eth0", "link-local"),
        ("fd00:ec2::254", "private"),  # AWS's IPv6 metadata address
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),  # shared address space (CGNAT)
        ("224.0.0.1", "multicast"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_classification(address: str, blocked: str | None) -> None:
    reason = address_block_reason(address)
    if blocked is None:
        assert reason is None
        check_address("dns.example", address)
    else:
        assert reason is not None and blocked in reason
        with pytest.raises(BlockedAddressError, match=address.split("%")[0].replace(".", r"\.")):
            check_address("host.example", address)
