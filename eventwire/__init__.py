"""eventwire: conflict news in, structured, geolocated, source-attributed event data out.

    >>> from eventwire import Pipeline
    >>> pipeline = Pipeline.load()
    >>> result = pipeline.extract_text(text, published="2018-01-12")
    >>> [(e.type, e.location.name if e.location else None) for e in result.events]
    >>> classify_acled(result, pipeline.acled).code  # one ACLED sub-event code (CASE 2021), as configured
"""

from eventwire.config import Config, load_config
from eventwire.errors import EventwireError, InputError, ResourceError
from eventwire.records import (
    AcledDecision,
    Actor,
    Article,
    Attribution,
    Estimate,
    Event,
    ExtractionResult,
    Failure,
    Place,
    Quantity,
    ResolvedDate,
    Span,
    to_dict,
)
from eventwire.version import __version__

__all__ = [
    "AcledDecision",
    "AcledRules",
    "Actor",
    "Article",
    "Attribution",
    "Config",
    "Estimate",
    "Event",
    "EventwireError",
    "ExtractionResult",
    "Failure",
    "InputError",
    "Pipeline",
    "Place",
    "Quantity",
    "ResolvedDate",
    "ResourceError",
    "Span",
    "__version__",
    "classify_acled",
    "load_config",
    "to_dict",
]


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it only when asked for, so `eventwire --version`
    # and the records stay fast to import.
    if name == "Pipeline":
        from eventwire.pipeline import Pipeline

        return Pipeline
    if name in {"AcledRules", "classify_acled"}:
        from eventwire.resolve import acled

        return getattr(acled, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
