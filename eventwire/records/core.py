"""The records of one article's journey (input, mentions, resolved records, results) and
the conversions every record shares (`to_dict`, `from_dict`, `make_id`); see `eventwire.records`."""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from eventwire.version import __version__

#: Written into every event so that a stored record says which rules produced it.
EXTRACTOR_VERSION = f"eventwire-{__version__}"

Precision = Literal["day", "week", "month", "year", "unknown"]
Status = Literal["asserted", "claimed", "denied", "hypothetical"]


def make_id(*parts: object, prefix: str = "") -> str:
    """A short deterministic id: the same inputs always give the same id (idempotent reruns)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}"


def to_dict(record: Any) -> Any:
    """Plain JSON-ready data for a record (or list of records); field order is kept."""
    if isinstance(record, list | tuple):
        return [to_dict(item) for item in record]
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {name: to_dict(getattr(record, name)) for name in _field_names(type(record))}
    return record


@cache
def _field_names(cls: type[Any]) -> tuple[str, ...]:
    # dataclasses.fields() per record was most of the cost of storing incidents.
    return tuple(f.name for f in dataclasses.fields(cls))


def from_dict(cls: type[Any], data: Any) -> Any:
    """The record of type `cls` that `to_dict` turned into `data` (the inverse of `to_dict`).

    Nested records, lists and optional fields are rebuilt from the field annotations; keys the
    record does not have are ignored, so JSON written by a later version still loads.
    """
    return _decode(cls, data)


def _decode(kind: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        records = [arg for arg in options if dataclasses.is_dataclass(arg)]
        return _decode(records[0], data) if records and isinstance(data, dict) else data
    if origin in (list, tuple):
        item = typing.get_args(kind)[0] if typing.get_args(kind) else Any
        return origin(_decode(item, value) for value in data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind) and isinstance(data, dict):
        hints = _field_types(kind)
        known = {name: _decode(hints[name], data[name]) for name in hints if name in data}
        return kind(**known)
    return data


def _freeze(record: Any, *names: str) -> None:
    """Make the named sequence fields of a frozen record tuples, so the record is frozen all the
    way down (stages build them as lists; a caller can no longer append to a result)."""
    for name in names:
        value = getattr(record, name)
        if not isinstance(value, tuple):
            object.__setattr__(record, name, tuple(value))


@cache
def _field_types(cls: type[Any]) -> dict[str, Any]:
    # Resolved once per record class: the annotations are strings under `from __future__`.
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: the text and its character offsets in `Article.text`."""

    text: str
    start: int
    end: int


# --------------------------------------------------------------------------- input / failure


@dataclass(frozen=True, slots=True)
class Article:
    """One news report. `published` is an ISO date (YYYY-MM-DD) or None when unknown."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    # The site or feed name for HTML pages and feed items, the record's own `source` for JSONL/CSV,
    # else the path or URL it was read from ("-" for stdin, "path:N" for a line, row or WARC record).
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed. The batch goes on; the CLI exits non-zero."""

    source: str
    stage: str  # "ingest", "parse", "extract", ...
    error: str  # the error class name, e.g. "BinaryInputError"
    message: str
    article_id: str | None = None


# --------------------------------------------------------------------------- mentions (extract/)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym (or demonym) found in the text, before gazetteer resolution.

    `feature_hint` carries what the text says about the kind of place ("province", "air base",
    "naval base", "city"...), which resolution uses to prefer candidates of that kind.
    """

    span: Span
    sentence: int
    kind: Literal["toponym", "demonym"] = "toponym"
    label: str = ""  # spaCy NER label or "gazetteer" when found by name matching
    feature_hint: str | None = None
    qualifier: str | None = None  # a place that holds it: "Illinois" in "Springfield, Illinois", "Idlib"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A noun phrase that acts in an event; `head` is its syntactic head word.

    `place_modifier` marks a place name modifying the event noun ("US airstrikes", "Aleppo
    offensive"): it acts only if it resolves to a country, else it is where the event happened.
    `antecedent` is the phrase a pronoun in it refers to ("they", "its forces"), when found.
    """

    span: Span
    sentence: int
    head: str
    place_modifier: bool = False
    antecedent: Span | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression as written ("Saturday's", "mid-December", "November 22").

    `tense` is the tense of the clause it sits in; it decides whether "Saturday" is the last
    one or the next one.
    """

    span: Span
    sentence: int
    tense: Literal["past", "future", "unknown"] = "unknown"


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A count in the text with what it counts; low/high keep ranges and qualifiers."""

    what: str  # killed, wounded, missing, arrested, abducted, displaced, drones, shot_down, ...
    value: int | None
    low: int | None
    high: int | None
    span: Span
    sentence: int
    #: Who vouches for the figure: the attribution whose reported content holds it, if any.
    attribution: AttributionMention | None = None


@dataclass(frozen=True, slots=True)
class AttributionMention:
    """Who says so: a source phrase and the reporting cue ("said", "according to", ...)."""

    source: Span
    cue: str
    sentence: int
    status: Literal["asserted", "claimed", "denied"]
    scope: Span  # the reported content that the source vouches for
    #: How the content hangs on the cue: ccomp, dobj, xcomp, of, for, sentence ("according to"),
    #: or parataxis (a parenthetical cue: "..., the opposition said, ...").
    scope_kind: str = "ccomp"


@dataclass(frozen=True, slots=True)
class EventMention:
    """An event trigger with its arguments, as found in one sentence."""

    type: str  # PLOVER 2.0 type
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    trigger: Span
    sentence: int
    sentence_span: Span
    status: Status
    sources: tuple[ActorMention, ...] = ()
    targets: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    attribution: AttributionMention | None = None
    confidence: float = 0.5
    rule: str = ""  # which lexicon entry / pattern fired, for debugging and evaluation


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """Everything the extractors found in one article: what leaves the NLP layer."""

    article: Article
    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]
    quantities: tuple[QuantityMention, ...]
    attributions: tuple[AttributionMention, ...]
    events: tuple[EventMention, ...]


# --------------------------------------------------------------------------- resolved records


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor resolved to an ISO3 country and a PLOVER sector (GOV, MIL, REB, CVL, UAF ...)."""

    text: str
    country: str | None
    sector: str | None
    span: Span | None = None
    # A non-state group active in many countries (al-Qaeda, IS), coded with no country: CAMEO's
    # IMG ("international militarised group").
    transnational: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer.

    `precision` follows ACLED geo_precision: 1 a particular town or site, 2 near a town or part
    of a region, 3 a larger region (a province or a country). `basis` says where the point came
    from: "text" (the place the text names, or the place the text puts it in) or "setting"
    (the article's main place stands in: for an event whose report names no place, or for a
    name the gazetteer lacks and the text puts nowhere).
    """

    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    admin1: str | None
    precision: int
    text: str
    span: Span | None = None
    feature_code: str | None = None
    score: float = 0.0
    reason: str = ""
    kind: Literal["toponym", "demonym"] = "toponym"  # "Syrian" resolves to Syria as a demonym
    basis: Literal["text", "setting"] = "text"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date made absolute against the publication date.

    `value` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) or None; `timex` is the TimeML value when it
    differs (e.g. "2018-W02"); `anchored` says whether a publication date was used. On an
    event, `basis` says where the date came from: "text" (an expression attached to the
    trigger), "sentence" (the only date in the trigger's sentence) or "publication" (nothing
    in the text: the publication date stands in, with precision "unknown").
    """

    value: str | None
    precision: Precision
    text: str
    span: Span | None = None
    timex: str | None = None
    anchored: bool = False
    basis: Literal["text", "sentence", "publication"] = "text"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported figure: what it counts, value with low/high bounds, and who says so.

    `source` is the attribution the figure sits under ("..., the ministry said"), None when
    the article states it without one; `status` is how it is put: "asserted" by a source that
    is not a party to the fighting (or by the article itself), "claimed" by a party (a
    government, army or armed group speaking of its own war), "denied" when the source denies
    it, "hypothetical" under a modal ("may have died").
    """

    what: str
    value: int | None
    low: int | None
    high: int | None
    text: str
    span: Span | None = None
    source: Attribution | None = None
    status: Status = "asserted"


@dataclass(frozen=True, slots=True)
class Estimate:
    """UCDP-style low/best/high; `best` is the conservative figure ACLED would code.

    `reports` keeps the figures the estimate is drawn from, each with its own source, so two
    sources that disagree both stay visible. Two estimates are equal when their figures are:
    the reports are their evidence, not part of the value.
    """

    low: int | None
    best: int | None
    high: int | None
    reports: tuple[Quantity, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        _freeze(self, "reports")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source an event or figure is attributed to, with the reporting cue."""

    text: str
    country: str | None
    sector: str | None
    span: Span | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: what, who to whom, where, when, how many, says who, and the evidence."""

    id: str
    type: str
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    source_actors: tuple[Actor, ...]
    target_actors: tuple[Actor, ...]
    date: ResolvedDate
    location: Place | None
    quantities: tuple[Quantity, ...]
    fatalities: Estimate | None
    injuries: Estimate | None
    attributed_to: tuple[Attribution, ...]
    status: Status
    evidence: Span
    confidence: float
    article_id: str = ""
    trigger: Span | None = None
    link: str | None = None  # shared by events split from one mention (one per location)
    mentions: tuple[Span, ...] = ()  # every passage reporting this event
    extractor: str = EXTRACTOR_VERSION

    def __post_init__(self) -> None:
        _freeze(self, "source_actors", "target_actors", "quantities", "attributed_to", "mentions")


@dataclass(frozen=True, slots=True)
class ConsistencyCheck:
    """A check of the article against itself: figures that must add up, dates far apart,
    figures nobody vouches for. `passed` False means a reader should look closer."""

    kind: str  # parts_of_whole, date_spread, unsourced_figures
    passed: bool
    message: str
    evidence: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "evidence")


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Everything eventwire says about one article."""

    article: Article
    events: tuple[Event, ...]
    places: tuple[Place, ...]
    warnings: tuple[str, ...] = ()
    checks: tuple[ConsistencyCheck, ...] = ()
    # Provenance: which rules and which data files produced this result, so a store can tell
    # results that are stale (another version or edited data files) from fresh ones.
    extractor: str = EXTRACTOR_VERSION
    data_fingerprint: str = ""

    def __post_init__(self) -> None:
        _freeze(self, "events", "places", "warnings", "checks")


@dataclass(frozen=True, slots=True)
class AcledDecision:
    """The one ACLED sub-event code (CASE 2021 label) given to a snippet, and why.

    `event_type`/`sub_event_type` are ACLED's names, None for the classes ACLED does not code
    (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB); `event_id` is the main event
    of the snippet, when the pipeline found one.
    """

    code: str
    event_type: str | None
    sub_event_type: str | None
    reason: str
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one corpus run did: articles coded (`new`, `updated`), `skipped` as already stored,
    `conflicts` (a stored id met with other text, left alone), `failed`, events coded."""

    run_id: int
    new: int
    updated: int
    skipped: int
    conflicts: int
    failed: int
    events: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        coded = self.new + self.updated + self.failed
        return coded / self.seconds if self.seconds > 0 else 0.0
