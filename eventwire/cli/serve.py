"""`eventwire serve`: the HTTP API and web UI over a store."""

from __future__ import annotations

from pathlib import Path

import click

from eventwire.cli.common import clean_errors
from eventwire.config import Config


@click.command()
@click.option(
    "--db", "db_path", required=True, type=click.Path(dir_okay=False), help="The SQLite store to serve."
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.pass_obj
def serve(config: Config, db_path: str, host: str, port: int) -> None:
    """Serve a store: JSON API under /api/, OpenAPI at /openapi.json, docs at /docs, and a map,
    timeline and evidence pages at /. Everything works offline.

    Reading needs nothing; writes (POST /api/ingest, /api/extract) need the header
    "Authorization: Bearer TOKEN" with the token from EVENTWIRE_TOKEN or [web] token, and are
    refused when neither is set.

    \b
    Example:
      EVENTWIRE_TOKEN=$(openssl rand -hex 16) eventwire serve --db eventwire.db --port 8000
    """
    import uvicorn

    from eventwire.store import Store
    from eventwire.web import create_app

    path = Path(db_path)
    if not path.exists():
        raise click.ClickException(
            f"no store at {path}; create one with `eventwire ingest FILES --db {path}` first"
        )

    def check_store() -> None:
        # Opening validates the file and migrates it to the current schema; readers need that.
        Store.open(path).close()

    clean_errors(check_store)
    app = clean_errors(lambda: create_app(path, config=config, served_host=host))
    writes = "enabled" if config.web.write_token() else "disabled (set EVENTWIRE_TOKEN to enable)"
    click.echo(
        f"eventwire: serving {path} at http://{host}:{port}/ (docs at /docs); writes {writes}", err=True
    )
    if host in ("0.0.0.0", "::") and not config.web.allowed_hosts:
        click.echo(
            "eventwire: only loopback Host names are answered; list the names other machines use "
            "for this one in [web] allowed_hosts",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")
