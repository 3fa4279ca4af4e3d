"""The SQLite store: eventwire's system of record (tables documented in `schema.py`).

    >>> from eventwire.store import Store
    >>> with Store.open("eventwire.db") as store:
    ...     store.status()

The file opens as is in Datasette (``datasette eventwire.db``) and DuckDB
(``duckdb -c "ATTACH 'eventwire.db' (TYPE sqlite)"``). This package imports no spaCy.
"""

from eventwire.errors import StoreError
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.store import Store

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
