"""Gazetteer benchmark: build time, cold open, lookup latency, index size, rows by source.

Builds a fresh index into a temporary cache directory (or reuses ``--cache-dir``), then prints one
JSON object. Cold open is timed in a fresh Python process, so nothing is warm but the OS file
cache. Lookups are timed with the per-name cache bypassed (a new `SQLiteGazetteer` per round), so
the figure is the SQLite query plus building the entries.

    .venv/bin/python benchmarks/gazetteer.py              # fresh build (~a minute)
    .venv/bin/python benchmarks/gazetteer.py --cache-dir .cache
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.config import GazetteerConfig
from eventwire.resolve.gazetteer import SQLiteGazetteer, gazetteer_index_path, load_gazetteer

# Common news toponyms plus a few misses; spread over countries, scripts of romanisation and kinds.
NAMES = (
    "Damascus Aleppo Idlib Homs Hama Raqqa Deir ez-Zor Latakia Tartus Douma Kabul Kandahar Herat "
    "Baghdad Mosul Kirkuk Basra Fallujah Tikrit Sanaa Aden Taiz Hodeidah Marib Tripoli Benghazi "
    "Misrata Sirte Gaza Rafah Khan Younis Jenin Nablus Hebron Beirut Sidon Tyre Kyiv Kharkiv "
    "Mariupol Donetsk Luhansk Odesa Kherson Zaporizhzhia Mykolaiv Bakhmut Moscow Belgorod Kursk "
    "Mogadishu Kismayo Khartoum Omdurman El Fasher Juba Maiduguri Abuja Bamako Gao Timbuktu "
    "Niamey Ouagadougou Kinshasa Goma Bunia Peshawar Quetta Karachi Lahore Srinagar Manipur "
    "Yangon Mandalay Springfield Washington Georgia Paris London Nowhereville Xyzzy"
).split()
MANY = "Springfield"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cache-dir", help="Use (and build if needed) the index here.")
    parser.add_argument("--rounds", type=int, default=200, help="Rounds of lookups to time.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = GazetteerConfig(cache_dir=args.cache_dir or tmp)
        started, cpu_started = time.perf_counter(), time.process_time()
        load_gazetteer(config).close()
        first_use = time.perf_counter() - started
        first_use_cpu = time.process_time() - cpu_started  # what a busy machine does not inflate
        path = gazetteer_index_path(config)
        report = {
            "first_use_seconds": round(first_use, 2),
            "first_use_cpu_seconds": round(first_use_cpu, 2),
            **_cold_open(path),
            **_lookups(path, args.rounds),
            "index_mb": round(path.stat().st_size / 2**20, 1),
            **_counts(path),
        }
    print(json.dumps(report, indent=2))


def _cold_open(path: Path) -> dict[str, float]:
    """Seconds to import eventwire's gazetteer module, and to open the index and look up one
    name, in a fresh process (median of 5)."""
    code = (
        "import time; t = time.perf_counter();"
        "from eventwire.resolve.gazetteer import SQLiteGazetteer;"
        "u = time.perf_counter();"
        f"g = SQLiteGazetteer.open({str(path)!r}); g.lookup('Damascus');"
        "print(u - t, time.perf_counter() - u)"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    imports, opens = [], []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env)
        import_seconds, open_seconds = map(float, out.stdout.split())
        imports.append(import_seconds)
        opens.append(open_seconds)
    return {
        "cold_import_seconds": round(statistics.median(imports), 3),
        "cold_open_seconds": round(statistics.median(opens), 4),
    }


def _lookups(path: Path, rounds: int) -> dict[str, object]:
    per_name: list[float] = []
    many: list[float] = []
    candidates = 0
    for _ in range(rounds):
        gazetteer = SQLiteGazetteer.open(path)  # empty name cache: every lookup queries SQLite
        for name in NAMES:
            started = time.perf_counter()
            gazetteer.lookup(name)
            per_name.append(time.perf_counter() - started)
        gazetteer = SQLiteGazetteer.open(path)
        started = time.perf_counter()
        candidates = len(gazetteer.lookup(MANY))
        many.append(time.perf_counter() - started)
        started = time.perf_counter()
        gazetteer.lookup(MANY)
        many_cached = time.perf_counter() - started
    return {
        "lookup_us_median": round(statistics.median(per_name) * 1e6, 1),
        "lookup_us_p95": round(sorted(per_name)[int(len(per_name) * 0.95)] * 1e6, 1),
        "lookup_names": len(NAMES),
        f"lookup_us_{MANY.lower()}": round(statistics.median(many) * 1e6, 1),
        f"candidates_{MANY.lower()}": candidates,
        "lookup_us_cached": round(many_cached * 1e6, 2),
    }


def _counts(path: Path) -> dict[str, object]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        by_source = dict(db.execute("SELECT source, count(*) FROM place GROUP BY source ORDER BY 2 DESC"))
        by_code = dict(
            db.execute("SELECT feature_code, count(*) FROM place GROUP BY feature_code ORDER BY 2 DESC")
        )
        names = db.execute("SELECT count(*) FROM place_name").fetchone()[0]
    finally:
        db.close()
    return {
        "build_seconds": float(meta.get("build_seconds", "nan")),
        "places": sum(by_source.values()),
        "names": names,
        "places_by_source": by_source,
        "places_by_feature_code": by_code,
    }


if __name__ == "__main__":
    main()
