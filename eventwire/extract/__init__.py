"""Extractors: a parsed spaCy Doc in, mention records out. The Doc never leaves this package."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from eventwire.data.lexicon import EventLexicon
from eventwire.extract.attributions import extract_attributions
from eventwire.extract.dates import DateFinders, extract_dates
from eventwire.extract.events import extract_events
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
    date_finders: DateFinders | None = None,
) -> ArticleMentions:
    """Run every extractor over one parsed article.

    `known_place` and `is_demonym` come from the gazetteer: they let place recognition catch
    names the NER mislabels without handing the extractors the gazetteer itself.
    `date_finders` are the pipeline's, compiled once from `lexicon.calendar` (built here if None).
    """
    if date_finders is None:
        date_finders = DateFinders.build(lexicon.calendar)
    places = extract_places(doc, known_place, is_demonym=is_demonym)
    found_dates = extract_dates(doc, finders=date_finders)
    dates = [replace(d, tense=clause_tense(doc, d.span.start)) for d in found_dates]
    attributions = extract_attributions(doc, lexicon)
    quantities = attribute_quantities(extract_quantities(doc, lexicon.quantity_words), attributions)
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
