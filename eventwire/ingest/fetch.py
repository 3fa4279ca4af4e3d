"""Fetching a URL the user named (only with fetching on): httpx, with limits and an SSRF guard.

Limits (from `IngestConfig`): a connect/read timeout and an overall deadline of three times it,
a cap on the body's bytes (after decompression, so a small gzip bomb is caught too), and a cap
on redirects, which are followed here one hop at a time rather than by httpx.

The guard: unless `allow_private`, a URL whose host resolves to an address that is not public
(private, loopback, link-local, which holds the cloud metadata address 169.254.169.254,
shared/CGNAT, multicast, reserved, unspecified, or such an address mapped into IPv6) is refused.
The check runs inside the connection itself (`_GuardedBackend`): the host is resolved once, every
address it resolves to is checked, and the socket is opened to the checked address. So each
redirect hop is checked before anything is sent to it, and a DNS answer that changes between a
check and the connect (rebinding) cannot slip through. Proxies from the environment are ignored,
since through a proxy the guard would only see the proxy's address.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from eventwire.config import IngestConfig
from eventwire.errors import BlockedAddressError, FetchError, InputTooLargeError

__all__ = ["USER_AGENT", "Fetched", "address_block_reason", "check_address", "fetch_url"]

USER_AGENT = "eventwire/0.1 (conflict-event extraction; fetches only URLs its user names)"

_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_DEADLINE_FACTOR = 3
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: `url` is the final one (after redirects), `fetched` an ISO date."""

    url: str
    content: bytes
    content_type: str
    fetched: str


def address_block_reason(address: str) -> str | None:
    """Why an IP address may not be contacted ("a loopback address"...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return address_block_reason(str(mapped))
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (this range holds cloud metadata services)"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private-network address"
    if not ip.is_global:
        return "a reserved, non-public address"
    return None


def check_address(host: str, address: str) -> None:
    """Raise BlockedAddressError when `address` (what `host` resolved to) is not public."""
    reason = address_block_reason(address)
    if reason is not None:
        raise BlockedAddressError(
            f"refused to fetch from {host}: it resolves to {address}, {reason}; eventwire only "
            f"fetches public addresses (pass allow_private to read from your own network)"
        )


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve the host {host}: {exc.strerror or exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _GuardedBackend(httpcore.SyncBackend):
    """Opens each connection to an address that passed the guard (see the module doc)."""

    def __init__(self, guard: Callable[[str, str], None] | None) -> None:
        self._guard = guard

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port)
        if self._guard is not None:
            for address in addresses:  # every answer, so no round-robin can pick a bad one
                self._guard(host, address)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last}")


def _client(config: IngestConfig, allow_private: bool) -> httpx.Client:
    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    # httpx has no hook for name resolution; its pool takes a network backend (httpx pinned).
    transport._pool._network_backend = _GuardedBackend(None if allow_private else check_address)
    return httpx.Client(
        transport=transport,
        follow_redirects=False,
        timeout=httpx.Timeout(config.fetch_timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, "
                 "application/rss+xml, application/atom+xml, text/*;q=0.8, */*;q=0.5"},
        trust_env=False,
    )


def fetch_url(url: str, config: IngestConfig, *, allow_private: bool = False) -> Fetched:
    """GET `url`, following at most `config.max_redirects` redirects; raises a `FetchError`."""
    deadline = time.monotonic() + config.fetch_timeout * _DEADLINE_FACTOR
    current = url
    with _client(config, allow_private) as client:
        for _hop in range(config.max_redirects + 1):
            _check_scheme(current)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECT_CODES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"the server answered {response.status_code} "
                            f"{response.reason_phrase} for {current}"
                        )
                    content = _read_capped(response, config.max_fetch_bytes, deadline, current)
                    return Fetched(
                        url=current,
                        content=content,
                        content_type=response.headers.get("content-type", ""),
                        fetched=time.strftime("%Y-%m-%d", time.gmtime()),
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"timed out fetching {current} (after {config.fetch_timeout:g} s); raise "
                    f"fetch_timeout in the [ingest] section of the config file"
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {current}: {exc}") from exc
    raise FetchError(
        f"too many redirects fetching {url}: more than {config.max_redirects} (last: {current}); "
        f"raise max_redirects in the [ingest] section of the config file"
    )


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"cannot fetch {url}: only http:// and https:// URLs with a host are read")


def _read_capped(response: httpx.Response, cap: int, deadline: float, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise InputTooLargeError(_too_large(url, f"{int(declared):,} bytes", cap))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(_CHUNK):  # decoded bytes: the cap holds after gzip too
        size += len(chunk)
        if size > cap:
            raise InputTooLargeError(_too_large(url, f"more than {cap:,} bytes", cap))
        if time.monotonic() > deadline:
            raise FetchError(f"fetching {url} took too long (a slow server); try again later")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, size: str, cap: int) -> str:
    return (
        f"the page at {url} is too large: {size}, the limit is {cap:,} bytes; raise "
        f"max_fetch_bytes in the [ingest] section of the config file"
    )
