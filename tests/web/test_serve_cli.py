"""`eventwire serve` as a user runs it: a separate process on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

START_TIMEOUT_S = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db: Path, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_serve_answers_on_loopback_and_reads_the_token_from_the_environment(
    tmp_path: Path, make_store: Callable[[Path], Path], token: str
) -> None:
    db = make_store(tmp_path / "eventwire.db")
    port = _free_port()
    server = _serve(db, port, {**os.environ, "EVENTWIRE_TOKEN": token})
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert health is not None, server.stderr.read().decode() if server.poll() is not None else "no answer"
        assert health["counts"]["articles"] == 5 and health["writes_enabled"] is True
        refused = httpx.post(
            f"http://127.0.0.1:{port}/api/ingest",
            json={"text": "x"},
            headers={"Authorization": "Bearer wrong"},
        )
        assert refused.status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_serve_without_a_store_says_so_without_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(missing), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "no store at" in result.stderr and "eventwire ingest" in result.stderr
    assert "Traceback" not in result.stderr
    assert not missing.exists()


def test_serve_refuses_a_file_that_is_no_store(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a database", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(other), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr and "Traceback" not in result.stderr
