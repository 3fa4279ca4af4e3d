"""The [web] config section: the write token and the request size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import load_config
from eventwire.errors import ConfigError


def test_defaults_refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    config = load_config()
    assert config.web.token == "" and config.web.write_token() == ""
    assert config.web.max_request_bytes == 2_000_000


def test_the_environment_token_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "eventwire.toml"
    path.write_text('[web]\ntoken = "from-file"\nmax_request_bytes = 1000\n', encoding="utf-8")
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    config = load_config(path)
    assert config.web.write_token() == "from-file" and config.web.max_request_bytes == 1000
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    assert config.web.write_token() == "from-env"


def test_a_bad_web_value_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "eventwire.toml"
    path.write_text('[web]\nmax_request_bytes = "big"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="max_request_bytes"):
        load_config(path)
