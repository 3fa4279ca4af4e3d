"""The learned place ranker: coefficients fitted on the dev gold's toponyms
(``benchmarks/fit_place_ranker.py``), shipped in ``data/place_ranker.tsv`` and applied as a dot
product over the ranking's feature values plus a few read off the entry itself.

It is used when ``[gazetteer] ranker = "learned"``; the default ("rules") keeps the hand-set
weights of `ranking`. The file's header says its version and how it was fitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.data import read_notes
from eventwire.errors import ConfigError, ResourceError
from eventwire.resolve.gazetteer import GazetteerEntry

__all__ = ["RANKERS", "LearnedRanker", "entry_features", "load_place_ranker"]

#: The names ``[gazetteer] ranker`` accepts.
RANKERS = ("rules", "learned")
_BUNDLED = "place_ranker.tsv"
#: Natural features and wide areas: GeoNames classes H (water), L (areas), T (relief), U, V.
_REGION_CLASSES = frozenset("HLTUV")


def entry_features(entry: GazetteerEntry) -> dict[str, float]:
    """What kind of place the entry is, as 0/1 values: a linear model cannot read this off the
    hand-made prominence value alone (a capital and a province share much of its range)."""
    code = entry.feature_code
    return {
        "is_country": float(code.startswith("PCL")),
        "is_province": float(code == "ADM1"),
        "is_capital": float(code == "PPLC"),
        "is_town": float(entry.feature_class == "P"),
        "is_region": float(entry.feature_class in _REGION_CLASSES),
        "is_curated": float(entry.geonameid < 0),
    }


@dataclass(frozen=True, slots=True)
class LearnedRanker:
    """A linear scorer: ``total = sum(coefficient[f] * value[f])``; `sharpness` scales totals in
    the softmax share (1.0 for a logistic fit: the totals are already log-odds)."""

    coefficients: dict[str, float]
    version: str
    fitted: str
    sharpness: float = 1.0
    meta: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: str | Path) -> LearnedRanker:
        """A model file: ``# key: value`` header lines (version, fitted, sharpness), then a
        ``feature<TAB>coefficient`` header and one row per feature."""
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ResourceError(f"cannot read place ranker {path}: {exc}") from exc
        return cls.parse(text, str(path))

    @classmethod
    def parse(cls, text: str, source: str = "place ranker") -> LearnedRanker:
        meta = read_notes(text)
        coefficients: dict[str, float] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells[0] == "feature":
                continue
            try:
                coefficients[cells[0]] = float(cells[1])
            except (IndexError, ValueError) as exc:
                raise ResourceError(f"{source} line {number}: want feature<TAB>coefficient") from exc
        if not coefficients or "version" not in meta:
            raise ResourceError(f"{source}: no coefficients or no '# version:' line")
        try:
            sharpness = float(meta.get("sharpness", "1.0"))
        except ValueError as exc:
            raise ResourceError(f"{source}: sharpness must be a number") from exc
        return cls(coefficients, meta["version"], meta.get("fitted", ""), sharpness, meta)

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(self.coefficients)

    def values(self, ranking_values: dict[str, float], entry: GazetteerEntry) -> dict[str, float]:
        """The model's inputs for one candidate: the ranking's values and the entry's kind."""
        values = {**ranking_values, **entry_features(entry)}
        return {name: values.get(name, 0.0) for name in self.coefficients}

    def score(self, ranking_values: dict[str, float], entry: GazetteerEntry) -> float:
        values = self.values(ranking_values, entry)
        return sum(self.coefficients[name] * value for name, value in values.items())


@lru_cache(maxsize=1)
def _bundled() -> LearnedRanker:
    text = resources.files("eventwire.data").joinpath(_BUNDLED).read_text("utf-8")
    return LearnedRanker.parse(text, f"eventwire/data/{_BUNDLED}")


def load_place_ranker(name: str) -> LearnedRanker | None:
    """The ranker ``[gazetteer] ranker`` names: None for the hand-set rules, the bundled model
    for "learned"."""
    if name == "rules":
        return None
    if name == "learned":
        return _bundled()
    raise ConfigError(f"[gazetteer] ranker must be one of {', '.join(RANKERS)}, got {name!r}")
