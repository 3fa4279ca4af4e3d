"""`InMemoryGazetteer`: the gazetteer over a given list of entries (tests, small gazetteers)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from eventwire.resolve.gazetteer.demonyms import CountryCodes, _state_word
from eventwire.resolve.gazetteer.names import normalize_toponym
from eventwire.resolve.gazetteer.protocol import GazetteerEntry


class InMemoryGazetteer:
    """A gazetteer over a given list of entries, for tests and small custom gazetteers.

    `names` adds alternate names: ``{geonameid: ["Hmeimim", ...]}``. `demonyms` maps words to
    ISO3 before the countrynames package is asked (``{"Ruritanian": "RUR"}``).
    """

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        *,
        names: Mapping[int, Sequence[str]] | None = None,
        demonyms: Mapping[str, str] | None = None,
    ) -> None:
        self._entries = list(entries)
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        by_id = {e.geonameid: e for e in self._entries}
        for entry in self._entries:
            self._add(entry.name, entry)
        for geonameid, alternates in (names or {}).items():
            for alternate in alternates:
                self._add(alternate, by_id[geonameid])
        for found in self._by_key.values():
            found.sort(key=lambda e: (-e.population, e.geonameid))
        self._countries = {
            e.country: e for e in self._entries if e.feature_code.startswith("PCL")
        }
        self._demonyms = {k.casefold(): v for k, v in (demonyms or {}).items()}
        self._codes: CountryCodes | None = None  # read on the first demonym not in `demonyms`

    def _add(self, name: str, entry: GazetteerEntry) -> None:
        found = self._by_key.setdefault(normalize_toponym(name), [])
        if entry not in found:
            found.append(entry)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return list(self._by_key.get(normalize_toponym(name), ()))

    def has_name(self, name: str) -> bool:
        return normalize_toponym(name) in self._by_key

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def country_of_demonym(self, word: str) -> str | None:
        own = self._demonyms.get(word.strip().casefold())
        if own is not None:
            return own
        if self._codes is None:
            self._codes = CountryCodes.load()
        return _state_word(self, word, self._codes)
