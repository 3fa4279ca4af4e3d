"""The store's tables, and the migrations that build them.

The store is one SQLite file: the system of record for everything eventwire ingests and
extracts. Its tables are plain and documented so other tools read it as is:
``datasette eventwire.db`` browses and searches it, and DuckDB attaches it for analytics
(``duckdb -c "ATTACH 'eventwire.db' (TYPE sqlite); SELECT type, count(*) FROM eventwire.events
GROUP BY type"``). Dates are ISO text, coordinates WGS84 decimal degrees, countries ISO3, and
JSON columns hold the record that ``eventwire.records.to_dict`` gives, so nothing is lost.

Tables
------
``runs``: one row per command that wrote to the store.
    ``id`` integer key; ``command`` the command line or verb ("ingest", "reprocess");
    ``started_at``, ``finished_at`` UTC ISO timestamps (``finished_at`` NULL while running or
    after a crash); ``extractor`` the extractor version (``records.EXTRACTOR_VERSION``);
    ``data_fingerprint`` a hash of the data files the extractor read; ``counts`` JSON object of
    what the run did (new, skipped, conflicts, failures, ...).

``articles``: one row per article, keyed by the id ingest gives it.
    ``id`` primary key (record id, else URL-based, else text hash); ``seq`` a stable integer
    key that the full-text index uses (SQLite may renumber the hidden rowid of a text-keyed
    table on VACUUM; ``seq`` never changes); ``title``, ``published`` (ISO date or NULL),
    ``url``, ``source`` (where it was read from); ``text`` exactly the text extraction saw, so
    every evidence offset indexes it; ``sha256`` hex digest of ``text`` (UTF-8), which tells a
    changed article from the same one; ``ingested_at`` when this text was first stored;
    ``extracted_at`` when the results below were computed; ``run_id`` the run that stored them;
    ``extractor`` and ``data_fingerprint`` what produced the results (``eventwire reprocess``
    re-runs articles whose values differ from the current ones); ``warnings`` JSON list of
    strings.

``events``: one row per coded event; deleting the article deletes its events.
    ``id`` primary key (deterministic: article, trigger offset, type and place);
    ``article_id`` the article; ``type`` PLOVER type; ``mode``; ``cameo`` CAMEO code;
    ``acled_event_type``, ``acled_sub_event_type`` ACLED's names; ``date`` ISO date as resolved
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, NULL when unknown) with ``date_precision`` (day,
    week, month, year, unknown); ``date_start``, ``date_end`` the first and last day ``date``
    covers (``2018-01`` gives 2018-01-01 and 2018-01-31), which date filters compare;
    ``place_name``, ``geonameid``, ``lat``, ``lon``, ``country`` (ISO3), ``admin1``,
    ``geo_precision`` (ACLED: 1 a town or site, 2 near a town or part of a region, 3 a region
    or country) of the event's location; ``fatalities_low``, ``fatalities_best``,
    ``fatalities_high`` and ``injuries_low``, ``injuries_best``, ``injuries_high`` (UCDP-style
    estimates, ``best`` the conservative figure); ``status`` (asserted, claimed, denied,
    hypothetical); ``confidence`` 0-1; ``link`` shared by events split from one mention (one
    per place); ``evidence_start``, ``evidence_end`` offsets of the evidence in
    ``articles.text``; ``record`` the full ``Event`` as JSON.
    Text columns users filter on compare case-insensitively.

``event_actors``: who did what to whom, one row per actor of an event.
    ``event_id``; ``role`` "source" or "target"; ``position`` order within the role; ``text``
    as written; ``country`` ISO3; ``sector`` PLOVER sector (GOV, MIL, REB, CVL, ...);
    ``transnational`` 1 for a group coded with no country (CAMEO IMG); ``span_start``,
    ``span_end`` offsets in the article text.

``event_figures``: the reported figures of an event, one row per figure.
    ``event_id``; ``position``; ``what`` it counts (killed, wounded, arrested, drones, ...);
    ``value``, ``low``, ``high``; ``text`` as written; ``status`` how the source puts it;
    ``source_text``, ``source_country``, ``source_sector`` who vouches for it (NULL when the
    article states it without a source); ``span_start``, ``span_end``.

``event_attributions``: the sources an event is attributed to.
    ``event_id``; ``position``; ``text``; ``country``; ``sector``; ``cue`` the reporting verb
    or phrase ("said", "according to"); ``span_start``, ``span_end``.

``places``: every place resolved in an article (not only event locations).
    ``article_id``; ``position``; ``name``; ``geonameid``; ``lat``; ``lon``; ``country``;
    ``admin1``; ``precision`` (ACLED geo precision); ``feature_code`` (GeoNames); ``kind``
    toponym or demonym; ``text`` as written; ``span_start``, ``span_end``; ``score`` and
    ``reason`` of the resolution.

``checks``: consistency checks of an article against itself.
    ``article_id``; ``position``; ``kind`` (parts_of_whole, date_spread, unsourced_figures);
    ``passed`` 1 or 0; ``message``; ``evidence`` JSON list of spans.

``failures``: inputs or articles that could not be processed; never duplicated.
    ``id``; ``source`` the input (path, URL, "path:line"); ``stage`` (ingest, parse, extract,
    ...); ``error`` the error class name; ``message``; ``article_id`` when known; ``run_id``
    the run that first saw it; ``seen_at``. One row per (source, stage, article_id, message).

``conflicts``: an article id seen again with different text; the stored text is kept.
    ``id``; ``article_id``; ``sha256`` digest of the new text; ``source``, ``title`` of the new
    version; ``run_id`` the run that first saw it; ``seen_at``. One row per (article_id,
    sha256). ``--update`` replaces the stored article with the new text instead.

``incidents`` (schema version 2): one row per incident, the events of several articles
    that report one happening (``eventwire.incidents`` builds them). ``id`` primary key, named
    after the incident's earliest stored event and kept as reports join; ``type``, ``mode``,
    ``cameo``, ``acled_event_type``, ``acled_sub_event_type`` the members' agreed coding;
    ``date`` the best date (ISO, partial allowed) with ``date_precision``, ``date_low`` and
    ``date_high`` the first and last day the reports' dates cover (date filters compare these);
    ``place_name``, ``geonameid``, ``lat``, ``lon``, ``country``, ``admin1``, ``geo_precision``
    the most precise place the reports give; ``fatalities_low``, ``fatalities_best``,
    ``fatalities_high``, ``injuries_low``, ``injuries_best``, ``injuries_high`` across sources
    (``best`` the lowest credible figure, ACLED's rule); ``n_events``, ``n_articles``,
    ``n_sources`` (distinct outlets); ``grade`` (single source, corroborated, contested);
    ``record`` the full ``Incident`` as JSON, with every source's figures and disagreements.

``incident_events``: which events make up each incident; an event is in one incident at most.
    ``event_id`` primary key; ``incident_id``; ``article_id``. Deleting an event (its article
    replaced) deletes its row, and the next build recomputes the incident that lost it.

``articles_fts``: FTS5 full-text index over ``articles.title`` and ``articles.text``, kept
    in step by triggers. Its rowid is ``articles.seq``, and every article is written with
    rowid = seq, so Datasette finds the index by itself and its rowid search joins right
    (to be safe after a VACUUM, set ``fts_pk: seq`` for ``articles`` in Datasette metadata).

Versions
--------
``PRAGMA user_version`` holds the schema version, ``PRAGMA application_id`` marks the file as
an eventwire store. ``MIGRATIONS[n]`` turns version ``n`` into ``n + 1``; never edit a
released migration, append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "statements"]

#: "EvWr": tells an eventwire store from any other SQLite file.
APPLICATION_ID = 0x45765772

_VERSION_1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    extractor TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    counts TEXT
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    extractor TEXT NOT NULL,
    data_fingerprint TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_provenance ON articles(extractor, data_fingerprint);
CREATE INDEX articles_run ON articles(run_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL COLLATE NOCASE,
    mode TEXT COLLATE NOCASE,
    cameo TEXT,
    acled_event_type TEXT COLLATE NOCASE,
    acled_sub_event_type TEXT COLLATE NOCASE,
    date TEXT,
    date_precision TEXT,
    date_start TEXT,
    date_end TEXT,
    place_name TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country TEXT COLLATE NOCASE,
    admin1 TEXT,
    geo_precision INTEGER,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injuries_low INTEGER,
    injuries_best INTEGER,
    injuries_high INTEGER,
    status TEXT COLLATE NOCASE,
    confidence REAL,
    link TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_acled_type ON events(acled_event_type);
CREATE INDEX events_acled_sub_type ON events(acled_sub_event_type);
CREATE INDEX events_dates ON events(date_start, date_end);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_geonameid ON events(geonameid);
CREATE INDEX events_lon_lat ON events(lon, lat);
CREATE INDEX events_status ON events(status);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    country TEXT COLLATE NOCASE,
    sector TEXT COLLATE NOCASE,
    transnational INTEGER NOT NULL DEFAULT 0,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_actors_country_sector ON event_actors(country, sector);

CREATE TABLE event_figures (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    what TEXT NOT NULL,
    value INTEGER,
    low INTEGER,
    high INTEGER,
    text TEXT NOT NULL,
    status TEXT,
    source_text TEXT,
    source_country TEXT,
    source_sector TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_figures_what ON event_figures(what);

CREATE TABLE event_attributions (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    cue TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country TEXT COLLATE NOCASE,
    admin1 TEXT,
    precision INTEGER,
    feature_code TEXT,
    kind TEXT,
    text TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    score REAL,
    reason TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE INDEX places_country ON places(country);

CREATE TABLE checks (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    passed INTEGER NOT NULL,
    message TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, position)
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    error TEXT NOT NULL,
    message TEXT NOT NULL,
    article_id TEXT,
    run_id INTEGER REFERENCES runs(id),
    seen_at TEXT NOT NULL
);
-- NULL article ids compare unequal in a plain unique index, so the key folds them to ''.
CREATE UNIQUE INDEX failures_key ON failures(source, stage, ifnull(article_id, ''), message);
CREATE INDEX failures_article ON failures(article_id);
CREATE INDEX failures_run ON failures(run_id);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    source TEXT,
    title TEXT,
    run_id INTEGER REFERENCES runs(id),
    seen_at TEXT NOT NULL,
    UNIQUE (article_id, sha256)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="seq"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
"""

_VERSION_2 = """
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL COLLATE NOCASE,
    mode TEXT COLLATE NOCASE,
    cameo TEXT,
    acled_event_type TEXT COLLATE NOCASE,
    acled_sub_event_type TEXT COLLATE NOCASE,
    date TEXT,
    date_precision TEXT,
    date_low TEXT,
    date_high TEXT,
    place_name TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country TEXT COLLATE NOCASE,
    admin1 TEXT,
    geo_precision INTEGER,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injuries_low INTEGER,
    injuries_best INTEGER,
    injuries_high INTEGER,
    n_events INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    grade TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX incidents_type ON incidents(type);
CREATE INDEX incidents_acled_type ON incidents(acled_event_type);
CREATE INDEX incidents_dates ON incidents(date_low, date_high);
CREATE INDEX incidents_country ON incidents(country);
CREATE INDEX incidents_lon_lat ON incidents(lon, lat);

CREATE TABLE incident_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events(incident_id);
"""

#: One SQL script per version step: ``MIGRATIONS[n]`` takes a version ``n`` file to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (_VERSION_1, _VERSION_2)

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time (a trigger body stays whole).

    ``executescript`` would commit any open transaction first; running the statements one by
    one keeps a whole migration inside one transaction.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:80]}")
