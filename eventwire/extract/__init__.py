"""Extractors: a parsed spaCy Doc in, mention records out. The Doc never leaves this package."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.extract.attributions import extract_attributions
from eventwire.extract.dates import extract_dates
from eventwire.extract.events import extract_events
from eventwire.extract.lexicon import EventLexicon
from eventwire.extract.places import extract_places
from eventwire.extract.quantities import attribute_quantities, extract_quantities, link_unattached_figures
from eventwire.extract.syntax import clause_tense
from eventwire.records import Article, ArticleMentions

__all__ = ["EventLexicon", "extract_mentions"]


def extract_mentions(
    doc: Doc,
    article: Article,
    lexicon: EventLexicon,
    *,
    known_place: Callable[[str], bool],
    is_demonym: Callable[[str], bool],
) -> ArticleMentions:
    """Run every extractor over one parsed article.

    `known_place` and `is_demonym` come from the gazetteer: they let place recognition catch
    names the NER mislabels without handing the extractors the gazetteer itself.
    """
    places = extract_places(doc, known_place, is_demonym=is_demonym)
    dates = [replace(d, tense=clause_tense(doc, d.span.start)) for d in extract_dates(doc)]
    attributions = extract_attributions(doc, lexicon)
    quantities = attribute_quantities(extract_quantities(doc), attributions)
    events = extract_events(
        doc, lexicon, places=places, dates=dates, quantities=quantities, attributions=attributions
    )
    events = link_unattached_figures(doc, events, quantities)
    return ArticleMentions(
        article=article,
        places=tuple(places),
        dates=tuple(dates),
        quantities=tuple(quantities),
        attributions=tuple(attributions),
        events=tuple(events),
    )
