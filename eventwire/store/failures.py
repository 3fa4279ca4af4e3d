"""What a failed SQLite write means for the user: the store's errors with what to do next."""

from __future__ import annotations

import sqlite3

from eventwire.errors import StoreError

__all__ = ["sqlite_advice", "write_error"]

_BUSY_ADVICE = (
    "another eventwire command (or another program) is writing to it; wait for it to finish, "
    "then run the same command again"
)
# What to do about a failed write, by SQLite's primary result code (extended codes such as
# SQLITE_IOERR_WRITE or SQLITE_READONLY_DIRECTORY start with these).
_ADVICE = {
    "SQLITE_FULL": "the disk is full or the store reached its size limit; free some space and run "
    "the same command again (what was committed before is kept, the rest is redone)",
    "SQLITE_BUSY": _BUSY_ADVICE,
    "SQLITE_LOCKED": _BUSY_ADVICE,
    "SQLITE_READONLY": "the store is read-only; check the permissions of the file and of its "
    "directory (which must hold its -wal and -shm files), or give another --db path",
    "SQLITE_CANTOPEN": "the file cannot be opened or created; check that the directory exists and "
    "is writable, or give another --db path",
    "SQLITE_PERM": "permission denied; check the permissions of the file and its directory",
    "SQLITE_IOERR": "the disk reported an I/O error; check the disk, then run the same command "
    "again (what was committed before is kept)",
}


def sqlite_advice(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", None) or ""
    for code, advice in _ADVICE.items():
        if name == code or name.startswith(code + "_"):
            return advice
    return None


def write_error(exc: sqlite3.Error, what: str) -> StoreError:
    """A StoreError saying what failed, SQLite's reason and what to do about it."""
    advice = sqlite_advice(exc)
    return StoreError(f"{what}: {exc}; {advice}" if advice else f"{what}: {exc}")
