"""eventwire's web app: the store's JSON API and an offline UI (map, timeline, evidence).

    from eventwire.web import create_app
    app = create_app("eventwire.db", config=load_config())

`eventwire serve --db FILE` runs it with uvicorn. Modules: `app` (factory, security headers),
`api` (JSON under /api/), `pages` (HTML), `params` (filters and paging), `queries` (read-only
SQL), `highlight` (evidence spans as escaped HTML). Static assets, including the vendored
JavaScript libraries (see static/vendor/README.md), are served from the package itself.
"""

from eventwire.web.app import create_app

__all__ = ["create_app"]
