"""`Store`: eventwire's SQLite system of record (schema and tables in `schema.py`).

One writer at a time, in WAL mode, so readers (Datasette, DuckDB, a second `eventwire`
command) never block it. Writes go into an open transaction that the caller commits every N
articles (`commit()`); each `save_result` is atomic on its own (a savepoint), so a crash or
``kill -9`` loses at most the uncommitted batch, and running the same command again redoes
exactly that: `lookup` says "same" for every article already committed.

    with Store.open("eventwire.db") as store:
        run_id = store.start_run("ingest", extractor=EXTRACTOR_VERSION, data_fingerprint=fp)
        for result in results:
            if store.lookup(result.article) == "new":
                store.save_result(result, run_id)
        store.finish_run(run_id, {"new": n})
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

from eventwire.errors import StoreError
from eventwire.records import Article, Event, ExtractionResult, Failure, Incident, StoredEvent
from eventwire.store import incident_tables, rows
from eventwire.store.failures import sqlite_advice, write_error
from eventwire.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, statements

__all__ = ["Store"]

_SQLITE_HEADER = b"SQLite format 3\x00"
_ARTICLE_CACHE_SIZE = 256
# Tables `status` counts, and the name it reports each under.
_STATUS_TABLES = {
    "articles": "articles",
    "events": "events",
    "failures": "failures",
    "conflicts": "conflicts",
    "incidents": "incidents",
    "runs": "runs",
    "places": "places",
}

Lookup = Literal["new", "same", "conflict"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _placeholders(values: Sequence[object]) -> str:
    return rows.placeholders(values)


class Store:
    """An open eventwire store. Use `Store.open(path)`; a `with` block commits and closes it."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        # Use `Store.open`: it checks and migrates the file before a Store exists.
        self.path = path
        self._connection: sqlite3.Connection | None = connection
        self.schema_version: int = connection.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, busy_timeout_s: float = 30.0) -> Store:
        """Open the store at `path`, creating it or migrating it to the current schema.

        A write waits up to `busy_timeout_s` for another writer to commit, then fails.

        Raises StoreError when the file is not an SQLite database, is another program's
        database, or was written by a newer eventwire (its schema version is higher).
        """
        path = Path(path)
        in_memory = str(path) == ":memory:"
        if not in_memory:
            _check_is_sqlite(path)
        try:
            connection = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}; check the directory exists") from exc
        try:
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            _check_is_eventwire(connection, path)
            connection.execute("PRAGMA foreign_keys = ON")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal" and not in_memory:
                raise StoreError(f"cannot switch {path} to WAL mode (got {mode!r})")
            # WAL with NORMAL sync survives a crash of the process; only power loss can undo
            # the last commits, and never corrupts the file.
            connection.execute("PRAGMA synchronous = NORMAL")
            _migrate(connection, path)
        except sqlite3.DatabaseError as exc:
            connection.close()
            if sqlite_advice(exc):
                raise StoreError(f"cannot open the store {path}: {exc}; {sqlite_advice(exc)}") from exc
            raise StoreError(f"{path} is not a usable eventwire store: {exc}") from exc
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def close(self) -> None:
        """Close the file. Work not yet committed is discarded: call `commit()` first."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self.close()

    @property
    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._connection

    def commit(self) -> None:
        """Make everything written since the last commit durable (one batch).

        Raises StoreError when the commit fails (disk full, read-only, I/O error): the batch
        is then rolled back, what earlier commits stored is intact, and running the same
        command again redoes the batch.
        """
        if not self._db.in_transaction:
            return
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise write_error(exc, f"cannot commit the last batch to {self.path}") from exc

    def _rollback(self) -> None:
        # After SQLITE_FULL or an I/O error SQLite may already have rolled the transaction
        # back itself; a second ROLLBACK would then fail and hide the first error.
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _undo_savepoint(self, name: str) -> None:
        # Savepoint names are constants of this module, never a caller's text.
        try:
            self._db.execute(f"ROLLBACK TO {name}")
            self._db.execute(f"RELEASE {name}")
        except sqlite3.Error:
            # The error already ended the whole transaction (or left it unusable): drop it, so
            # that the store stays at its last commit.
            self._rollback()

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock now, so a second writer waits here (busy_timeout)
        # instead of failing halfway through a batch.
        if not self._db.in_transaction:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise write_error(exc, f"cannot write to {self.path}") from exc

    # ------------------------------------------------------------------ runs

    def start_run(self, command: str, *, extractor: str, data_fingerprint: str) -> int:
        """Record the start of a command that writes to the store; commits. Returns its id."""
        try:
            self._begin()
            cursor = self._db.execute(
                "INSERT INTO runs (command, started_at, extractor, data_fingerprint) VALUES (?, ?, ?, ?)",
                (command, _now(), extractor, data_fingerprint),
            )
            self.commit()
        except sqlite3.Error as exc:
            raise write_error(exc, f"cannot record the run in {self.path}") from exc
        run_id = cursor.lastrowid
        assert run_id is not None
        return run_id

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Record the end of a run and what it did; commits (with the last batch)."""
        try:
            self._begin()
            cursor = self._db.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                (_now(), json.dumps(dict(counts), sort_keys=True), run_id),
            )
            if cursor.rowcount == 0:
                self._db.rollback()  # release the write lock taken for this update
                raise StoreError(f"no run {run_id} in {self.path}")
            self.commit()
        except sqlite3.Error as exc:
            raise write_error(exc, f"cannot record the end of run {run_id} in {self.path}") from exc

    # ------------------------------------------------------------------ writing

    def lookup(self, article: Article) -> Lookup:
        """Whether `article` is "new", the "same" as the stored one, or a "conflict" (same id,
        different text)."""
        row = self._db.execute("SELECT sha256 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is None:
            return "new"
        return "same" if row["sha256"] == rows.text_sha256(article.text) else "conflict"

    def save_result(self, result: ExtractionResult, run_id: int, *, replace: bool = False) -> None:
        """Store an article with its events, places, warnings and checks, all or nothing.

        An article already stored is an error unless `replace` is true: then its old results
        (and text) are deleted first, in the same savepoint. Not committed: see `commit()`.
        """
        self._begin()
        self._db.execute("SAVEPOINT save_result")
        try:
            self._write_result(result, run_id, replace=replace)
        except BaseException as exc:
            self._undo_savepoint("save_result")
            if isinstance(exc, sqlite3.Error):
                raise write_error(exc, f"cannot store article {result.article.id!r} in {self.path}") from exc
            raise
        self._db.execute("RELEASE save_result")

    def _write_result(self, result: ExtractionResult, run_id: int, *, replace: bool) -> None:
        db = self._db
        article = result.article
        sha256 = rows.text_sha256(article.text)
        now = _now()
        ingested_at = now
        old = db.execute(
            "SELECT seq, sha256, ingested_at FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if old is not None:
            if not replace:
                raise StoreError(
                    f"article {article.id!r} is already in {self.path}; "
                    "check Store.lookup first, or pass replace=True to overwrite it"
                )
            if old["sha256"] == sha256:
                ingested_at = old["ingested_at"]  # re-extracted, not re-ingested
            db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        # A replaced article keeps its place in the storage order: incident ids are named after
        # their earliest stored member, and links to them must survive a reprocess.
        seq = old["seq"] if old is not None else db.execute(
            "SELECT ifnull(max(seq), 0) + 1 FROM articles"
        ).fetchone()[0]
        # rowid = seq, so tools that join the full-text index on rowid (Datasette) agree too.
        db.execute(
            "INSERT INTO articles (rowid, seq, id, title, published, url, source, text, sha256,"
            " ingested_at, extracted_at, run_id, extractor, data_fingerprint, warnings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq, seq, article.id, article.title, article.published, article.url, article.source,
                article.text, sha256, ingested_at, now, run_id, result.extractor,
                result.data_fingerprint, rows.to_json(result.warnings),
            ),
        )  # fmt: skip
        event_rows = [rows.event_row(event, article.id) for event in result.events]
        db.executemany(
            f"INSERT INTO events ({', '.join(rows.EVENT_COLUMNS)})"
            f" VALUES ({_placeholders(rows.EVENT_COLUMNS)})",
            event_rows,
        )
        db.executemany(
            "INSERT INTO event_actors (event_id, role, position, text, country, sector, transnational,"
            " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row for event in result.events for row in rows.actor_rows(event)],
        )
        db.executemany(
            "INSERT INTO event_figures (event_id, position, what, value, low, high, text, status,"
            " source_text, source_country, source_sector, span_start, span_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row for event in result.events for row in rows.figure_rows(event)],
        )
        db.executemany(
            "INSERT INTO event_attributions (event_id, position, text, country, sector, cue,"
            " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row for event in result.events for row in rows.attribution_rows(event)],
        )
        db.executemany(
            f"INSERT INTO places ({', '.join(rows.PLACE_COLUMNS)})"
            f" VALUES ({_placeholders(rows.PLACE_COLUMNS)})",
            [rows.place_row(place, article.id, n) for n, place in enumerate(result.places)],
        )
        db.executemany(
            "INSERT INTO checks (article_id, position, kind, passed, message, evidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [rows.check_row(check, article.id, n) for n, check in enumerate(result.checks)],
        )

    def save_failure(self, failure: Failure, run_id: int) -> None:
        """Record an input that could not be processed; the same failure again is not repeated."""
        self._write(
            "INSERT INTO failures (source, stage, error, message, article_id, run_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (failure.source, failure.stage, failure.error, failure.message, failure.article_id,
             run_id, _now()),
            what=f"the failure of {failure.source!r}",
        )  # fmt: skip

    def save_conflict(self, article: Article, run_id: int) -> None:
        """Record that `article` came again with other text; the stored text is kept."""
        self._write(
            "INSERT INTO conflicts (article_id, sha256, source, title, run_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (article.id, rows.text_sha256(article.text), article.source, article.title, run_id, _now()),
            what=f"the conflict on article {article.id!r}",
        )

    def _write(self, sql: str, params: tuple[object, ...], *, what: str) -> None:
        try:
            self._begin()
            self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise write_error(exc, f"cannot record {what} in {self.path}") from exc

    # ------------------------------------------------------------------ reading

    def status(self) -> dict[str, int]:
        """How many articles, events, failures, conflicts, incidents, runs and places it holds."""
        present = {row[0] for row in self._db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        counts = {}
        for name, table in _STATUS_TABLES.items():
            # Table names come from the constant above, never from a caller.
            query = f"SELECT count(*) FROM {table}"
            counts[name] = self._db.execute(query).fetchone()[0] if table in present else 0
        return counts

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = self._db.execute(
            f"SELECT {', '.join(rows.ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return rows.article_from_row(row) if row else None

    def stale_articles(self, *, extractor: str, data_fingerprint: str) -> Iterator[Article]:
        """Stored articles whose results came from another extractor version or data files.

        The ids are read first, so the caller may replace each article's results (and commit)
        while iterating.
        """
        stale_ids = [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM articles WHERE extractor IS NOT ? OR data_fingerprint IS NOT ? ORDER BY seq",
                (extractor, data_fingerprint),
            )
        ]
        for article_id in stale_ids:
            article = self.get_article(article_id)
            if article is not None:
                yield article

    def iter_events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        types: Sequence[str] = (),
        countries: Sequence[str] = (),
        bbox: tuple[float, float, float, float] | None = None,
    ) -> Iterator[tuple[Article, Event]]:
        """Stored events with their articles, by event date (undated last), then id.

        `since`/`until` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) keep events whose date can
        fall in the range: an event dated "2018-01" matches since="2018-01-15"; undated
        events are left out when either is given. `types` match the PLOVER type or the ACLED
        event or sub-event type, `countries` the ISO3 country of the event's place (both
        ignore case); `bbox` is (min_lon, min_lat, max_lon, max_lat), and min_lon > max_lon
        means a box across the antimeridian.
        """
        where, params = rows.filters(
            since, until, types, countries, bbox, first_day="date_start", last_day="date_end"
        )
        query = "SELECT article_id, record FROM events"
        if where:
            query += " WHERE " + " AND ".join(where)
        query += " ORDER BY date_start IS NULL, date_start, id"
        articles: OrderedDict[str, Article] = OrderedDict()
        for row in self._db.execute(query, params):
            article = articles.get(row["article_id"])
            if article is None:
                article = self.get_article(row["article_id"])
                if article is None:  # the events' foreign key makes this impossible
                    raise StoreError(f"event of missing article {row['article_id']!r} in {self.path}")
                articles[row["article_id"]] = article
                if len(articles) > _ARTICLE_CACHE_SIZE:
                    articles.popitem(last=False)
            else:
                articles.move_to_end(row["article_id"])
            yield article, rows.event_from_json(row["record"])

    # ------------------------------------------------------------------ incidents

    def iter_incidents(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        types: Sequence[str] = (),
        countries: Sequence[str] = (),
        bbox: tuple[float, float, float, float] | None = None,
    ) -> Iterator[Incident]:
        """Stored incidents by first day (undated last), then id; the filters work as in
        `iter_events`, `since`/`until` against the span of days the reports' dates cover."""
        where, params = rows.filters(
            since, until, types, countries, bbox, first_day="date_low", last_day="date_high"
        )
        yield from incident_tables.iter_incidents(self._db, where, params)

    def stored_events(
        self,
        *,
        exclude_types: Sequence[str] = (),
        exclude_statuses: Sequence[str] = (),
        assigned: bool | None = None,
        overlapping: tuple[str, str] | None = None,
        incident_ids: Sequence[str] | None = None,
    ) -> list[StoredEvent]:
        """Events as incidents need them (article order, outlet, publication date, incident),
        in article order: of types and statuses not excluded; only those in an incident
        (`assigned` True) or in none (False); dated within (first day, last day) ISO; or the
        members of `incident_ids`."""
        return incident_tables.stored_events(
            self._db, exclude_types=exclude_types, exclude_statuses=exclude_statuses, assigned=assigned,
            overlapping=overlapping, incident_ids=incident_ids,
        )  # fmt: skip

    def stale_incident_ids(self) -> list[str]:
        """Incidents that lost member events since they were built (their article replaced)."""
        return incident_tables.stale_incident_ids(self._db)

    def save_incidents(self, incidents: Sequence[Incident], *, replacing: Sequence[str] = ()) -> None:
        """Write `incidents` (and their member rows) in place of the incidents `replacing`
        names, all or nothing. Not committed: see `commit()`."""
        self._in_savepoint(
            lambda: incident_tables.save_incidents(self._db, incidents, replacing), "incidents"
        )

    def clear_incidents(self) -> None:
        """Delete every incident (a rebuild). Not committed: see `commit()`."""
        self._in_savepoint(lambda: incident_tables.clear_incidents(self._db), "incidents")

    def _in_savepoint(self, work: Callable[[], None], what: str) -> None:
        self._begin()
        self._db.execute("SAVEPOINT incidents")
        try:
            work()
        except BaseException as exc:
            self._undo_savepoint("incidents")
            if isinstance(exc, sqlite3.Error):
                raise write_error(exc, f"cannot write {what} in {self.path}") from exc
            raise
        self._db.execute("RELEASE incidents")

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search (FTS5 syntax) over titles and texts: (article_id, title), best first.

        A query FTS5 cannot parse (an unbalanced quote, a bare operator) raises StoreError;
        quote words in double quotes to search for them literally.
        """
        try:
            found = self._db.execute(
                "SELECT articles.id, articles.title FROM articles_fts"
                " JOIN articles ON articles.seq = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY articles_fts.rank, articles.seq LIMIT ?",
                (query, max(limit, 0)),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"not a valid full-text query: {query!r} ({exc}); put words in double quotes "
                'to search for them as written, e.g. "al-Bab"'
            ) from exc
        return [(row["id"], row["title"] or "") for row in found]


def _check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give the path of a store file, e.g. eventwire.db")
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc}") from exc
    if header and header != _SQLITE_HEADER:
        raise StoreError(f"{path} is not an SQLite database, so not an eventwire store")


def _check_is_eventwire(connection: sqlite3.Connection, path: Path) -> None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application_id not in (0, APPLICATION_ID):
        raise StoreError(f"{path} is another program's SQLite database, not an eventwire store")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this eventwire's {SCHEMA_VERSION}; "
            "upgrade eventwire to open it"
        )
    if application_id == 0:
        tables = connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if tables:
            raise StoreError(f"{path} is an SQLite database with other tables, not an eventwire store")


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the file to `SCHEMA_VERSION`, all steps in one transaction."""
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # current: take no write lock, so a reader opens it while a writer works
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated it meanwhile.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path} was upgraded to schema version {version} by a newer eventwire")
        for script in MIGRATIONS[version:]:
            for statement in statements(script):
                connection.execute(statement)
        if version < SCHEMA_VERSION:
            # PRAGMA takes no parameters; both values are integers from this module.
            connection.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")
            connection.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
