"""Load on `eventwire serve`: concurrent clients on loopback against a served store.

    python benchmarks/load.py                        # 50 clients, 20 s, a generated 2,000-article store
    python benchmarks/load.py --db eventwire.db      # your own store
    python benchmarks/load.py --clients 10 --seconds 5 --json

Starts `eventwire serve` as a separate process on a free 127.0.0.1 port (reads only: no
token), then runs the clients, each in a loop over a mix of what the UI and API users ask
for (listings with filters and full-text search, single records, the map and timeline feeds,
an HTML page). Prints the requests made, the error count (goal: 0; any non-2xx status or
failed connection counts) and the p50/p95/p99 latency. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from eventwire.records import Article, Estimate, Event, ExtractionResult, Place, Quantity, ResolvedDate, Span
from eventwire.store import Store

START_TIMEOUT_S = 60.0
TOWNS = [
    ("Idlib", 35.93, 36.63, "SYR"),
    ("Aleppo", 36.2, 37.16, "SYR"),
    ("Gao", 16.27, -0.04, "MLI"),
    ("Mosul", 36.34, 43.13, "IRQ"),
    ("Paris", 48.85, 2.35, "FRA"),
    ("Goma", -1.68, 29.22, "COD"),
]
TYPES = ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE"]


def build_store(path: Path, articles: int) -> None:
    """A store of `articles` generated reports, one event each, over 60 days."""
    rng = random.Random(7)
    with Store.open(path) as store:
        run_id = store.start_run("load-benchmark", extractor="benchmark", data_fingerprint="benchmark")
        for number in range(articles):
            town, lat, lon, country = rng.choice(TOWNS)
            killed = rng.randint(0, 30)
            day = f"2024-{1 + number % 2:02d}-{1 + number % 28:02d}"
            text = f"Gunmen attacked a checkpoint in {town} on Monday, killing {killed} people, police said."
            start = text.index(town)
            figure = f"killing {killed} people"
            quantity = Quantity(
                "killed",
                killed,
                killed,
                killed,
                figure,
                Span(figure, text.index(figure), text.index(figure) + len(figure)),
            )
            place = Place(
                town,
                1000 + number % 6,
                lat,
                lon,
                country,
                None,
                1,
                town,
                Span(town, start, start + len(town)),
            )
            event = Event(
                id=f"ev-{number}",
                type=rng.choice(TYPES),
                mode=None,
                cameo="190",
                acled_event_type=None,
                acled_sub_event_type=None,
                source_actors=[],
                target_actors=[],
                date=ResolvedDate(day, "day", "Monday"),
                location=place,
                quantities=[quantity],
                fatalities=Estimate(killed, killed, killed),
                injuries=None,
                attributed_to=[],
                status="asserted",
                evidence=Span(text, 0, len(text)),
                confidence=0.7,
                article_id=f"a-{number}",
            )
            article = Article(f"a-{number}", text, f"Attack in {town} #{number}", day, None, "benchmark")
            store.save_result(ExtractionResult(article, [event], [place]), run_id)
        store.commit()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ}
    env.pop("EVENTWIRE_TOKEN", None)
    command = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"eventwire serve exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit("eventwire serve did not answer within a minute")


def request_mix(article_ids: list[str], event_ids: list[str]) -> list[str]:
    return [
        "/api/events?limit=50",
        "/api/events?country=SYR&since=2024-01-10&until=2024-02-10&limit=20",
        "/api/articles?q=checkpoint&limit=20",
        "/api/articles?limit=50&offset=100",
        "/api/map",
        "/api/timeline",
        "/api/incidents",
        "/api/health",
        *(f"/api/articles/{article_id}" for article_id in article_ids[:5]),
        *(f"/api/events/{event_id}" for event_id in event_ids[:5]),
        f"/articles/{article_ids[0]}" if article_ids else "/articles",
        "/articles?q=Idlib",
    ]


async def client_loop(
    base: str, paths: list[str], until: float, seed: int, latencies: list[float], errors: Counter[str]
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code >= 400:
                    errors[f"{response.status_code} {path}"] += 1
            except httpx.HTTPError as exc:
                errors[f"{type(exc).__name__} {path}"] += 1
            latencies.append(time.perf_counter() - started)


async def run_load(base: str, clients: int, seconds: float) -> tuple[list[float], Counter[str], float]:
    first = httpx.get(f"{base}/api/events", params={"limit": 5}).json()["items"]
    articles = httpx.get(f"{base}/api/articles", params={"limit": 5}).json()["items"]
    paths = request_mix([a["id"] for a in articles], [e["id"] for e in first])
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(client_loop(base, paths, until, n, latencies, errors) for n in range(clients)))
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="A store to serve (default: a generated one).")
    parser.add_argument("--articles", type=int, default=2000, help="Articles in the generated store.")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "load.db"
            build_store(db, args.articles)
        port = free_port()
        server = start_server(db, port)
        try:
            latencies, errors, elapsed = asyncio.run(
                run_load(f"http://127.0.0.1:{port}", args.clients, args.seconds)
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    report = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(10)),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"{report['requests']} requests from {args.clients} clients in {report['seconds']} s "
            f"({report['requests_per_second']}/s); errors: {report['errors']}"
        )
        print(f"latency p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms")
        for kind, count in report["error_kinds"].items():
            print(f"  {count} x {kind}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
