"""Event mentions + resolved places, dates and actors -> Event records.

Three steps, each a small function:

1. **resolve** each mention: code its actors, pick its date (the expression attached to the
   trigger, else the only date in its sentence, else the publication date flagged as such),
   pick its location (the most specific places among its arguments), sum up its figures;
2. **merge** mentions of one incident within the article: reports repeat the main event
   ("Saturday's attacks on the bases", "the massive drone attack on the airbase", "the drone
   attacks"). Two ASSAULT mentions are the same incident when they share a mode and nothing
   they say conflicts (places, dates, figures); the richer one keeps its evidence and the
   other passages are kept in `Event.mentions`;
3. **split** by location as ACLED does: an attack on two bases is two events sharing a `link`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from eventwire.data.lexicon import EventLexicon
from eventwire.records import (
    Actor,
    ActorMention,
    Article,
    Attribution,
    Event,
    EventMention,
    Place,
    Quantity,
    ResolvedDate,
    Span,
    make_id,
)
from eventwire.resolve.actors import ActorDictionary, is_agent, resolve_actors, story_country, without_seats
from eventwire.resolve.gazetteer.geometry import distance_km
from eventwire.resolve.places import main_place
from eventwire.resolve.places.sites import _is_country
from eventwire.resolve.quantities import resolve_quantities, summarize_casualties
from eventwire.text.dateline import DATELINE_CHARS, is_dateline_place

__all__ = ["resolve_events"]

SpanKey = tuple[int, int]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
#: Larger units are less specific event locations: a base beats its province beats its country.
_FEATURE_RANK = {"PCLI": 3, "PCLD": 3, "PCLS": 3, "PCL": 3, "ADM1": 2, "ADM2": 1}
#: The words before a place that a strike came from ("missiles launched from the Belgorod region",
#: "rockets fired from Gaza", "jets that took off from Hmeimim"): ACLED places a strike where it
#: hit, so the place it came from is no event's place.
_LAUNCHED_FROM = re.compile(
    r"\b(?:launched|fired|took off|taking off|flew|flying)\s+from\s+(?:the\s+)?$", re.IGNORECASE
)


def key(span: Span) -> SpanKey:
    return (span.start, span.end)


def resolve_events(
    article: Article,
    mentions: Sequence[EventMention],
    *,
    places: Mapping[SpanKey, Place],
    dates: Mapping[SpanKey, ResolvedDate],
    actors: ActorDictionary,
    lexicon: EventLexicon,
    context_country: str | None = None,
) -> list[Event]:
    """Events of one article: resolved, merged across repeated mentions, split by location.

    `context_country` (ISO3) is where the article's events happen; it gives generic state
    actors ("the army", "pro-government forces") their country.
    """
    # A date attached to one event ("called on ... on Wednesday") is not borrowed by another
    # event of the same sentence that has none ("... a military offensive").
    claimed = {key(d.span) for m in mentions for d in m.dates}
    unclaimed = {k: d for k, d in dates.items() if k not in claimed}
    # Leaders are dated by the year of publication ("President Bashir" in 1995: Sudan's).
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    # An office's seat ("the Britain-based monitor") is no country the story is about.
    located = without_seats(places.values(), article.text, actors)
    if context_country is None or len(located) < len(places):
        # No place country stands out: the countries the actor phrases name count too
        # ("President Museveni banned Ugandan opposition candidates" is a Ugandan story).
        context_country = story_country(
            located, [a.span.text for m in mentions for a in (*m.sources, *m.targets)], actors,
            year,
        )
    coder = _ActorCoder(actors, context_country, tuple(located), year)
    # A wire dateline says where the report was filed ("ADEN, Jan 24 (Reuters) - ... a camp in
    # Marib province"), not where its events were: it is no event's place, though it may be
    # where the article is set. So is the place a strike was launched from.
    filed_from = {
        k for k, p in places.items()
        if p.span is not None and (is_dateline_place(article.text, *k) or _launched_from(article.text, k[0]))
    }
    event_places = {k: p for k, p in places.items() if k not in filed_from}
    drafts = [_draft(article, m, event_places, dates, unclaimed, coder, lexicon) for m in mentions]
    in_text = [p for p in located if p.span is None or key(p.span) not in filed_from]
    drafts = [_located_by_sentence(draft, in_text) for draft in drafts]
    setting = _setting(located, context_country)
    merged = [
        _located_by_article(_with_unnamed_source(draft), setting) for draft in _merge_coreferent(drafts)
    ]
    return [event for draft in merged for event in _split(article, draft)]


@dataclass(slots=True)
class _Draft:
    mention: EventMention
    sources: list[Actor]
    targets: list[Actor]
    date: ResolvedDate
    locations: list[Place]
    quantities: list[Quantity]
    attributed_to: list[Attribution]
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    evidence: list[Span] = field(default_factory=list)

    @property
    def richness(self) -> tuple[int, float]:
        filled = (self.sources, self.targets, self.locations, self.quantities, self.attributed_to)
        dated = self.date.basis == "text"
        return sum(bool(x) for x in filled) + dated, self.mention.confidence


def _draft(
    article: Article,
    mention: EventMention,
    places: Mapping[SpanKey, Place],
    dates: Mapping[SpanKey, ResolvedDate],
    unclaimed_dates: Mapping[SpanKey, ResolvedDate],
    actors: _ActorCoder,
    lexicon: EventLexicon,
) -> _Draft:
    # A place name modifying the trigger ("US airstrikes", "Aleppo offensive") acts only when
    # it is a country; otherwise it is where the event happened.
    modifier_places = {
        key(m.span): places[key(m.span)]
        for m in mention.sources
        if m.place_modifier and key(m.span) in places
    }
    acting_places = {k for k, p in modifier_places.items() if (p.feature_code or "").startswith("PCL")}
    mere_places = modifier_places.keys() - acting_places
    source_mentions = [m for m in mention.sources if key(m.span) not in mere_places]
    locations = [
        p for p in _event_locations(mention, places) if p.span is None or key(p.span) not in acting_places
    ]
    located = {p.country for p in locations if p.country}
    located_country = next(iter(located)) if len(located) == 1 else None
    sources = actors.code(source_mentions, located_country, agents_only=True)
    targets = _things_by_place(actors.code(mention.targets, located_country, agents_only=True),
                               locations, actors.context_country)
    civilian_target = bool(targets) and all(t.sector == "CVL" for t in targets)
    code = lexicon.code(mention.type, mention.mode, mention.cameo, civilian_target=civilian_target)
    attributed = []
    if mention.attribution is not None:
        source = mention.attribution.source
        (coded,) = actors.code([ActorMention(source, mention.sentence, source.text)])
        attributed.append(
            Attribution(source.text, coded.country, coded.sector, source, mention.attribution.cue)
        )
    return _Draft(
        mention=mention,
        sources=sources,
        targets=targets,
        date=_event_date(article, mention, dates, unclaimed_dates),
        locations=locations,
        quantities=resolve_quantities(mention.quantities, actors.code),
        attributed_to=attributed,
        mode=mention.mode,
        cameo=code.cameo or mention.cameo,
        acled_event_type=code.event_type,
        acled_sub_event_type=code.sub_event_type,
        evidence=[mention.sentence_span],
    )


#: COERCE modes that only a state's authorities exercise: "was arrested in Lebanon".
_STATE_MODES = frozenset({"arrest", "curfew", "martial-law", "deport", "censor"})


def _with_unnamed_source(draft: _Draft) -> _Draft:
    """The draft with the actor CAMEO codes when the text names none, where the practice is fixed.

    An attack whose attacker is not named ("a roadside bomb near Samarra killed ...") is coded to
    unidentified armed forces (UAF) of the country it happened in; an arrest, curfew or
    investigation with no agent ("was arrested in Lebanon", "put under investigation in Italy")
    to the authorities of that country, sector left unknown. These actors come from no words of
    the text: their `span` is None. Events with no single located country get none.
    """
    if draft.sources:
        return draft
    countries = {p.country for p in draft.locations if p.country}
    if len(countries) != 1:
        return draft
    (country,) = countries
    mention = draft.mention
    if mention.type == "ASSAULT":
        draft.sources = [Actor("unidentified attackers", country, "UAF")]
    elif (mention.type == "COERCE" and draft.mode in _STATE_MODES) or (
        mention.type == "ACCUSE" and draft.mode == "investigate"
    ):
        draft.sources = [Actor("authorities", country, None)]
    return draft


def _things_by_place(
    targets: list[Actor], locations: Sequence[Place], context_country: str | None
) -> list[Actor]:
    """Targets the dictionary cannot code, given the country they are in (CAMEO practice).

    A target that names no country and no sector is mostly a thing hit, blocked or lifted
    ("roads", "power lines", "a state of emergency"), which CAMEO codes by the country it
    belongs to; otherwise a local party the dictionary does not know ("Shona rebels", "candidate
    Alassane Ouattara"), coded by the country it is in. Either way: the event's location, else
    the country the story is in. Its sector stays unknown.
    """
    country = next((p.country for p in locations if p.country), None) or context_country
    if country is None:
        return targets
    return [replace(t, country=country) if t.country is None and t.sector is None else t for t in targets]


@dataclass(frozen=True, slots=True)
class _ActorCoder:
    dictionary: ActorDictionary
    context_country: str | None
    places: tuple[Place, ...] = ()
    year: int | None = None

    def code(self, mentions: Sequence[ActorMention], located_country: str | None = None, *,
             agents_only: bool = False) -> list[Actor]:
        """The mentions' actors; `agents_only` leaves out scraped page furniture ("Tags ...")."""
        if agents_only:
            mentions = [m for m in mentions if is_agent(m, self.dictionary, self.year)]
        return resolve_actors(
            mentions, self.dictionary, context_country=self.context_country, places=self.places,
            year=self.year, located_country=located_country,
        )


def _event_date(
    article: Article,
    mention: EventMention,
    dates: Mapping[SpanKey, ResolvedDate],
    unclaimed_dates: Mapping[SpanKey, ResolvedDate],
) -> ResolvedDate:
    attached = [dates[key(d.span)] for d in mention.dates if key(d.span) in dates]
    attached = [d for d in attached if not _is_dateline(d, article)]
    usable = [d for d in attached if d.value is not None]
    if usable:
        trigger = mention.trigger.start
        return min(
            usable,
            key=lambda d: (_PRECISION_RANK[d.precision], abs((d.span.start if d.span else 0) - trigger)),
        )
    if attached and article.published is None:
        return attached[0]  # relative, and no publication date to anchor it: value None
    in_sentence = [
        d for d in unclaimed_dates.values()
        if d.span and _inside(d.span, mention.sentence_span) and not _is_dateline(d, article)
    ]
    if len(in_sentence) == 1 and in_sentence[0].value is not None:
        return replace(in_sentence[0], basis="sentence")
    return ResolvedDate(
        value=article.published,
        precision="unknown",
        text="",
        anchored=article.published is not None,
        basis="publication",
    )


def _is_dateline(found: ResolvedDate, article: Article) -> bool:
    """Whether a date is the report's dateline ("8 Jun 2016 Russian air strikes in Aleppo killed
    ten civilians on Tuesday"): a day with its year, written where datelines stand, on the
    publication date. It dates the report, not the event; the event keeps its own date words,
    or none."""
    return (
        found.span is not None
        and found.span.start < DATELINE_CHARS
        and found.precision == "day"
        and found.value == article.published
        and any(ch.isdigit() for ch in found.text[-4:])
    )


def _launched_from(text: str, start: int) -> bool:
    return _LAUNCHED_FROM.search(text[max(0, start - 40):start]) is not None


def _located_by_sentence(draft: _Draft, places: Sequence[Place]) -> _Draft:
    """The draft, placed by its sentence when its own arguments place it no closer than a country.

    Coders place an event at the most specific place its report names: in "At least 39 people
    were killed in airstrikes on a market in the province of Idlib" the parse may tie "Idlib"
    to no trigger, but the sentence says where the killing was. Taken only when the sentence's
    places below country level all lie in one country, and in the event's own country when it
    has one; the most specific of them is kept (one place: the sentence does not say which
    event went where, so this never splits an event). Offices' seats are not among `places`.
    """
    if not all(_is_country(p) for p in draft.locations):
        return draft  # a town or a province the event's own arguments name stays
    sentence = draft.mention.sentence_span
    below_country = [
        p for p in places
        if p.span is not None and _inside(p.span, sentence) and p.admin1 is not None
        and not _is_country(p)
        and _places_by_text(p)
    ]  # fmt: skip
    countries = {p.country for p in below_country}
    own = {p.country for p in draft.locations}
    if len(countries) != 1 or (own and not own >= countries):
        return draft
    best = min(below_country, key=lambda p: (p.precision, _FEATURE_RANK.get(p.feature_code or "", 0)))
    draft.locations = [best]
    return draft


def _setting(places: Sequence[Place], country: str | None) -> Place | None:
    """Where the article is set: its main place (`main_place`) in the country its events happen
    in, when that country is known."""
    in_country = [p for p in places if p.lat is not None and p.kind == "toponym" and _places_by_text(p)
                  and (country is None or p.country == country)]
    return main_place(in_country)


def _located_by_article(draft: _Draft, setting: Place | None) -> _Draft:
    """The draft, placed where the article is set when nothing in its report places it.

    A report leads with its incident and often names the place once, in the headline or the
    first sentence, and not again beside the verbs that follow ("Warplanes struck Douma ... The
    strikes killed 12"). An ACLED coder places such an event at the article's location, near it
    at best: precision 2 or coarser, basis "setting", and the reason says so.
    """
    if draft.locations or setting is None:
        return draft
    reason = f"the article's setting ({setting.reason})" if setting.reason else "the article's setting"
    draft.locations = [replace(setting, precision=max(setting.precision, 2), reason=reason, basis="setting")]
    return draft


def _places_by_text(place: Place) -> bool:
    """Whether `place` can place an event: resolved, and from the text itself. A name drawn at
    the article's main place (basis "setting") does not: the sentence, or else the article's
    setting, does that (`_located_by_article`)."""
    return (place.geonameid is not None or place.lat is not None) and place.basis == "text"


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _event_locations(mention: EventMention, places: Mapping[SpanKey, Place]) -> list[Place]:
    """The most specific resolved places among the mention's arguments (several when tied)."""
    resolved = [places[key(p.span)] for p in mention.places if key(p.span) in places]
    resolved = [p for p in resolved if _places_by_text(p)]
    if not resolved:
        return []

    def rank(place: Place) -> tuple[int, int]:
        return place.precision, _FEATURE_RANK.get(place.feature_code or "", 0)

    best = min(rank(p) for p in resolved)
    chosen: list[Place] = []
    for place in resolved:
        if rank(place) == best and all(place.geonameid != c.geonameid for c in chosen):
            chosen.append(place)
    if best[0] > 1:
        return chosen[:1]  # ACLED splits by particular place, not among regions or countries
    return chosen


# --------------------------------------------------------------------------- merging


def _merge_coreferent(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        partner = next((m for m in merged if _same_incident(m, draft)), None)
        if partner is None:
            merged.append(draft)
            continue
        merged[merged.index(partner)] = _combine(partner, draft)
    return merged


def _same_incident(a: _Draft, b: _Draft) -> bool:
    if a.mention.type != "ASSAULT" or b.mention.type != "ASSAULT":
        return False
    if a.mode is None or a.mode != b.mode:
        return False
    if a.mention.status in {"hypothetical", "denied"} or b.mention.status in {"hypothetical", "denied"}:
        return False
    if a.date.basis == "text" and b.date.basis == "text" and a.date.value != b.date.value:
        return False
    if not _places_compatible(a.locations, b.locations):
        return False
    return all(_figures_agree(q, a.quantities) for q in b.quantities)


def _figures_agree(figure: Quantity, others: Sequence[Quantity]) -> bool:
    """Figures of one kind agree when equal, or when two different sources give them: two
    sources' tolls for one attack are reports to weigh side by side, not two attacks."""
    return all(
        q.value == figure.value or _other_source(q, figure) for q in others if q.what == figure.what
    )


def _other_source(a: Quantity, b: Quantity) -> bool:
    return a.source is not None and b.source is not None and a.source.text.lower() != b.source.text.lower()


def _places_compatible(a: list[Place], b: list[Place]) -> bool:
    """Empty, overlapping, or one side only a country/region that contains the other side."""
    if not a or not b:
        return True
    if {p.geonameid for p in a} & {p.geonameid for p in b}:
        return True
    for wide, narrow in ((a, b), (b, a)):
        if all(p.precision == 3 for p in wide) and all(any(_contains(w, n) for w in wide) for n in narrow):
            return True
    return False


#: How far from its drawn point an area named without a country may hold a place, by feature
#: code: such areas have no outline in the gazetteer, so this is about half of a typical one's
#: length (a headline's "attack in the Red Sea" is the body's attack "off Hodeidah", 740 km from
#: the sea's point; the Red Sea is 2,250 km long). Other codes (regions, deserts): the default.
_COUNTRYLESS_AREA_REACH_KM = {
    "OCN": 5000.0, "SEA": 1500.0, "GULF": 700.0, "BAY": 400.0, "STRT": 300.0, "SD": 300.0,
}  # fmt: skip
_DEFAULT_AREA_REACH_KM = 1500.0


def _contains(wide: Place, narrow: Place) -> bool:
    """Whether an area (a country, a province, a sea) may hold `narrow`: by country, or by reach."""
    if wide.country is not None:
        return narrow.country == wide.country
    if None in (wide.lat, wide.lon, narrow.lat, narrow.lon):
        return False
    reach = _COUNTRYLESS_AREA_REACH_KM.get(wide.feature_code or "", _DEFAULT_AREA_REACH_KM)
    return distance_km(wide.lat, wide.lon, narrow.lat, narrow.lon) <= reach


def _combine(a: _Draft, b: _Draft) -> _Draft:
    primary, other = (a, b) if a.richness >= b.richness else (b, a)
    locations = primary.locations
    if not locations or (
        other.locations and min(p.precision for p in other.locations) < min(p.precision for p in locations)
    ):
        locations = other.locations or locations
    # Another source's figure for a kind already counted stays beside it, with its source.
    kinds = {q.what for q in primary.quantities}
    vouched = {(q.what, q.source.text.lower()) for q in primary.quantities if q.source is not None}
    return replace(
        primary,
        sources=_union(primary.sources, other.sources),
        targets=_union(primary.targets, other.targets),
        date=primary.date if primary.date.basis == "text" or other.date.basis != "text" else other.date,
        locations=locations,
        quantities=primary.quantities
        + [
            q
            for q in other.quantities
            if q.what not in kinds
            or (q.source is not None and (q.what, q.source.text.lower()) not in vouched)
        ],
        attributed_to=_union(primary.attributed_to, other.attributed_to),
        evidence=sorted({*primary.evidence, *other.evidence}, key=lambda s: s.start),
        mention=replace(primary.mention, confidence=round(min(0.95, primary.mention.confidence + 0.05), 2)),
    )


def _union(first: list, second: list) -> list:
    """Items of both lists; "Gunmen" adds nothing to "Unidentified gunmen"."""
    seen = [x.text.lower() for x in first]
    return first + [x for x in second if not any(x.text.lower() in s or s in x.text.lower() for s in seen)]


# --------------------------------------------------------------------------- output


def _split(article: Article, draft: _Draft) -> list[Event]:
    mention = draft.mention
    fatalities, injuries = summarize_casualties(draft.quantities)
    locations: list[Place | None] = list(draft.locations) or [None]
    link = make_id(article.id, mention.trigger.start, prefix="ln-") if len(locations) > 1 else None
    return [
        Event(
            id=make_id(
                article.id,
                mention.trigger.start,
                mention.type,
                location.geonameid if location else "",
                prefix="ev-",
            ),
            type=mention.type,
            mode=draft.mode,
            cameo=draft.cameo,
            acled_event_type=draft.acled_event_type,
            acled_sub_event_type=draft.acled_sub_event_type,
            source_actors=tuple(draft.sources),
            target_actors=tuple(draft.targets),
            date=draft.date,
            location=location,
            quantities=tuple(draft.quantities),
            fatalities=fatalities,
            injuries=injuries,
            attributed_to=tuple(draft.attributed_to),
            status=mention.status,
            evidence=mention.sentence_span,
            confidence=mention.confidence,
            article_id=article.id,
            trigger=mention.trigger,
            link=link,
            mentions=tuple(draft.evidence),
        )
        for location in locations
    ]
