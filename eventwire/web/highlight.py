"""Article text with its evidence highlighted, built as escaped HTML on the server.

Spans are character offsets into `Article.text`. They overlap and nest (a figure inside an
event's sentence), so the text is cut at every span boundary and each piece is wrapped in one
``<mark>`` whose classes name every kind of span covering it. Every piece of text is escaped
on its own; no text from an article is ever put into markup unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from eventwire.records import Event, Span

__all__ = ["KINDS", "Highlight", "event_highlights", "place_highlights", "render_highlighted"]

#: The kinds of evidence, in the order the legend shows them, with what each means.
KINDS: dict[str, str] = {
    "event": "event passage",
    "trigger": "event word",
    "place": "place",
    "date": "date",
    "figure": "figure",
    "actor": "actor",
    "source": "source",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # a key of KINDS
    label: str  # shown as the tooltip


def _valid(span: Span | None, length: int) -> bool:
    return span is not None and 0 <= span.start < span.end <= length


def event_highlights(events: Iterable[Event], text_length: int) -> list[Highlight]:
    """The evidence spans of `events`: passages, trigger words, places, dates, figures, actors."""
    found: list[Highlight] = []

    def add(span: Span | None, kind: str, label: str) -> None:
        if span is not None and _valid(span, text_length):
            found.append(Highlight(span.start, span.end, kind, label))

    for event in events:
        what = event.type + (f" ({event.acled_sub_event_type})" if event.acled_sub_event_type else "")
        add(event.evidence, "event", f"event: {what}")
        for mention in event.mentions:
            add(mention, "event", f"event: {what}")
        add(event.trigger, "trigger", f"event word: {what}")
        if event.location is not None:
            add(
                event.location.span,
                "place",
                f"place: {event.location.name} ({event.location.country or '?'})",
            )
        add(event.date.span, "date", f"date: {event.date.value or 'unresolved'} ({event.date.precision})")
        for figure in event.quantities:
            source = f", per {figure.source.text}" if figure.source else ""
            add(figure.span, "figure", f"figure: {figure.what} {figure.value}{source}")
        for role, actors in (("source", event.source_actors), ("target", event.target_actors)):
            for actor in actors:
                add(
                    actor.span,
                    "actor",
                    f"{role} actor: {actor.text} ({actor.country or '?'} {actor.sector or ''})",
                )
        for attribution in event.attributed_to:
            add(attribution.span, "source", f"attributed to: {attribution.text}")
    return found


def place_highlights(places: Iterable[dict], text_length: int) -> list[Highlight]:
    """Spans of the places resolved in the article (rows of `queries.article_places`)."""
    found = []
    for place in places:
        start, end = place.get("span_start"), place.get("span_end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_length:
            label = f"place: {place.get('name')} ({place.get('country') or '?'})"
            found.append(Highlight(start, end, "place", label))
    return found


def render_highlighted(text: str, highlights: Sequence[Highlight]) -> Markup:
    """`text` as HTML with each highlighted stretch in a ``<mark>``; line breaks kept by CSS."""
    cuts = {0, len(text)}
    for highlight in highlights:
        cuts.update((highlight.start, highlight.end))
    bounds = sorted(cuts)
    # Highlights sorted by start, and walked once: a piece is covered by those open over it.
    ordered = sorted(highlights, key=lambda h: (h.start, h.end))
    pieces: list[str] = []
    next_index = 0
    open_now: list[Highlight] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        while next_index < len(ordered) and ordered[next_index].start <= start:
            open_now.append(ordered[next_index])
            next_index += 1
        open_now = [h for h in open_now if h.end > start]
        piece = escape(text[start:end])
        covering = [h for h in open_now if h.start <= start and h.end >= end]
        if not covering:
            pieces.append(str(piece))
            continue
        kinds = sorted({h.kind for h in covering}, key=list(KINDS).index)
        classes = " ".join(f"hl-{kind}" for kind in kinds)
        labels = "\n".join(dict.fromkeys(h.label for h in covering))
        pieces.append(
            f'<mark class="hl {classes}" data-start="{start}" data-end="{end}" title="{escape(labels)}">'
            f"{piece}</mark>"
        )
    return Markup("".join(pieces))
