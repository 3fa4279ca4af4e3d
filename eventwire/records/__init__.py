"""Typed records passed between pipeline stages.

Every value that crosses a module boundary is one of these frozen, slotted dataclasses.
Stages never pass dicts or spaCy objects to each other. The shapes of the *output* records
(`Event`, `Place`, `Actor`, ...) are the public JSON contract of `eventwire extract`: later
work may add fields, never rename them. `to_dict` turns any record into plain JSON data.

Flow:  Article -> (nlp) Doc -> (extract) *Mention records -> (resolve) Event, Place ... ->
       ExtractionResult (one per article) or Failure (one per input that could not be read).

Character offsets (`start`, `end`) always index into `Article.text`, end exclusive.

Records of one article live in `core` (with the conversions every record shares), the records
of incidents across articles in `incidents`; import them all from here.
"""

from eventwire.records.core import (
    EXTRACTOR_VERSION,
    AcledDecision,
    Actor,
    ActorMention,
    Article,
    ArticleMentions,
    Attribution,
    AttributionMention,
    ConsistencyCheck,
    DateMention,
    Estimate,
    Event,
    EventMention,
    ExtractionResult,
    Failure,
    Place,
    PlaceMention,
    Precision,
    Quantity,
    QuantityMention,
    ResolvedDate,
    RunSummary,
    Span,
    Status,
    from_dict,
    make_id,
    to_dict,
)
from eventwire.records.incidents import (
    Corroboration,
    Disagreement,
    FigureRange,
    Incident,
    IncidentDate,
    IncidentSummary,
    SourceFigure,
    StoredEvent,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "AcledDecision",
    "Actor",
    "ActorMention",
    "Article",
    "ArticleMentions",
    "Attribution",
    "AttributionMention",
    "ConsistencyCheck",
    "Corroboration",
    "Disagreement",
    "DateMention",
    "Estimate",
    "Event",
    "EventMention",
    "ExtractionResult",
    "Failure",
    "FigureRange",
    "Incident",
    "IncidentDate",
    "IncidentSummary",
    "Place",
    "PlaceMention",
    "Precision",
    "Quantity",
    "QuantityMention",
    "ResolvedDate",
    "RunSummary",
    "SourceFigure",
    "Span",
    "Status",
    "StoredEvent",
    "from_dict",
    "make_id",
    "to_dict",
]
