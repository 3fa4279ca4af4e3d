"""The index while it is built: entries with their sources and name keys."""

from __future__ import annotations

from eventwire.resolve.gazetteer.protocol import GazetteerEntry


class _Index:
    """Entries and their name keys while an index is built; later sources may override."""

    def __init__(self) -> None:
        self.places: dict[int, GazetteerEntry] = {}
        self.sources: dict[int, str] = {}
        self.names: dict[int, set[str]] = {}

    def add(self, entry: GazetteerEntry, source: str, keys: set[str]) -> None:
        self.places[entry.geonameid] = entry
        self.sources[entry.geonameid] = source
        self.names.setdefault(entry.geonameid, set()).update(keys)
