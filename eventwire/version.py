"""The one place eventwire's version is written: the package metadata (pyproject.toml reads it),
`eventwire --version` and the extractor version stamped on every result all come from here."""

__version__ = "0.1.0"
