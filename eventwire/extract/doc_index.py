"""The named entities and sentences of a Doc, indexed once per Doc for lookups by token.

`doc.ents` builds a fresh tuple of Spans on every access, and the extractors ask about
entities once per mention: scanning it each time made extraction quadratic in the length of
an article (a 300k-character one spent most of its time there). An `EntityIndex` reads
`doc.ents` once and answers by bisecting the entities' (sorted, non-overlapping) starts.
`Token.sent` likewise walks the whole sentence on every call (thousands of times in one
80k-character sentence); `sentence_bounds` bisects the sentence starts instead.
The indexes assume the entities and sentence boundaries are those spaCy set; nothing in
eventwire changes them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

__all__ = ["EntityIndex", "entity_index", "sentence_bounds"]


class EntityIndex:
    """`doc.ents` in text order, with lookups by token index."""

    __slots__ = ("ents", "_ends", "_starts")

    def __init__(self, doc: Doc) -> None:
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)
        self._starts = [ent.start for ent in self.ents]
        self._ends = [ent.end for ent in self.ents]

    def containing(self, i: int) -> SpacySpan | None:
        """The entity that holds token `i`, if any."""
        k = bisect_right(self._starts, i) - 1
        return self.ents[k] if k >= 0 and i < self._ends[k] else None

    def overlapping(self, start: int, end: int) -> tuple[SpacySpan, ...]:
        """The entities with a token in [start, end), in text order."""
        # Entities do not overlap, so their ends are sorted as their starts are.
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end)
        return self.ents[first:last]


_INDEXES: WeakKeyDictionary[Doc, EntityIndex] = WeakKeyDictionary()


def entity_index(doc: Doc) -> EntityIndex:
    """The Doc's entity index, built on first use and dropped with the Doc."""
    index = _INDEXES.get(doc)
    if index is None:
        index = _INDEXES[doc] = EntityIndex(doc)
    return index


_SENTENCE_STARTS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the token's sentence, as `token.sent` gives them."""
    doc = token.doc
    starts = _SENTENCE_STARTS.get(doc)
    if starts is None:
        starts = _SENTENCE_STARTS[doc] = [sent.start for sent in doc.sents]
    k = bisect_right(starts, token.i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)
