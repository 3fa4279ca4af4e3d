"""The pipeline: articles in, one ExtractionResult (or Failure) per article out.

    ingest (Article) -> nlp (spaCy Doc) -> extract (ArticleMentions) -> resolve (Event, Place)

Resources (spaCy pipeline, gazetteer, actor dictionary, event lexicon, ACLED rules) are loaded
once, explicitly, by `Resources.load` (which `Pipeline.load` calls) and injected; tests build a
Pipeline from small in-memory ones.
A document that fails at any stage becomes a `Failure` and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from eventwire.config import Config
from eventwire.data.lexicon import EventLexicon
from eventwire.errors import EventwireError, ExtractionError, ResourceError
from eventwire.records import Article, ArticleMentions, ExtractionResult, Failure, Place, make_id
from eventwire.resolve.acled import AcledRules, code_acled_events
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.consistency import check_consistency
from eventwire.resolve.dates import CalendarPatterns, resolve_dates
from eventwire.resolve.events import key, resolve_events
from eventwire.resolve.gazetteer import Gazetteer
from eventwire.resolve.places import resolve_places
from eventwire.resolve.places.learned import LearnedRanker, load_place_ranker
from eventwire.resources import Resources, resources_fingerprint
from eventwire.text.normalise import Normalised, map_spans_to_original, normalise_for_parsing

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.extract.dates import DateFinders

__all__ = ["Pipeline", "resolve_mentions"]

log = logging.getLogger(__name__)


class Pipeline:
    """A loaded pipeline. Create it with `Pipeline.load(config)` (or `Pipeline.from_resources`);
    reuse it for many articles. `pipeline.resources` holds what it was built from."""

    def __init__(
        self,
        config: Config,
        *,
        nlp: Language,
        gazetteer: Gazetteer,
        actors: ActorDictionary,
        lexicon: EventLexicon,
        acled: AcledRules | None = None,
    ) -> None:
        self._adopt(
            Resources(
                config=config,
                nlp=nlp,
                gazetteer=gazetteer,
                actors=actors,
                lexicon=lexicon,
                acled=acled,
                data_fingerprint=resources_fingerprint(config),
            ),
            nlp,
        )

    @classmethod
    def load(cls, config: Config | None = None) -> Pipeline:
        """Load every resource named in `config` (the bundled defaults when None)."""
        return cls.from_resources(Resources.load(config))

    @classmethod
    def from_resources(cls, resources: Resources) -> Pipeline:
        """A pipeline over resources already loaded (with their spaCy pipeline)."""
        if resources.nlp is None:
            raise ResourceError("these resources were loaded without a spaCy pipeline (nlp=False)")
        pipeline = cls.__new__(cls)
        pipeline._adopt(resources, resources.nlp)
        return pipeline

    def _adopt(self, resources: Resources, nlp: Language) -> None:
        from eventwire.extract.dates import DateFinders

        self.resources = resources
        self.config = resources.config
        self.nlp = nlp
        self.gazetteer = resources.gazetteer
        self.actors = resources.actors
        self.lexicon = resources.lexicon
        self.acled = resources.acled
        self.data_fingerprint = resources.data_fingerprint
        self.place_ranker = load_place_ranker(self.config.gazetteer.ranker)
        # Compiled once per pipeline from the lexicon's calendar words.
        self.date_finders: DateFinders = DateFinders.build(self.lexicon.calendar)
        self.date_patterns = CalendarPatterns.build(self.lexicon.calendar)

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        """Results in input order; Failures from ingest pass through unchanged."""
        batch_size = self.config.nlp.batch_size
        stream = iter(inputs)
        while batch := list(islice(stream, batch_size)):
            articles = [item for item in batch if isinstance(item, Article)]
            outcomes = dict(zip((id(a) for a in articles), self._extract_batch(articles), strict=True))
            for item in batch:
                yield item if isinstance(item, Failure) else outcomes[id(item)]

    def extract_text(
        self,
        text: str,
        *,
        published: str | None = None,
        title: str | None = None,
        article_id: str | None = None,
    ) -> ExtractionResult:
        """Extract from one text; raises the article's error instead of returning a Failure."""
        article = Article(
            id=article_id or make_id(text, prefix="a-"), text=text, title=title, published=published
        )
        outcome = next(self.extract([article]))
        if isinstance(outcome, Failure):
            raise EventwireError(f"{outcome.error}: {outcome.message}")
        return outcome

    def places(self, text: str, *, spans: Sequence[tuple[int, int]] | None = None) -> list[Place]:
        """The resolved toponyms and demonyms of one text, in text order (see `geoparse`)."""
        return next(self.geoparse([text], spans=None if spans is None else [spans]))

    def geoparse(
        self,
        texts: Iterable[str],
        *,
        spans: Iterable[Sequence[tuple[int, int]]] | None = None,
    ) -> Iterator[list[Place]]:
        """Recognise and resolve the places of each text: one list of `Place`s per text.

        Without `spans`, every toponym and demonym the pipeline finds, in text order. With
        `spans` (one sequence of (start, end) character offsets per text), exactly one `Place`
        per given span, in the given order, resolved in the context of everything else the
        text mentions, as `extract` would resolve it.
        """
        from eventwire.extract.places import extract_places, place_mentions_at

        span_lists = iter(spans) if spans is not None else None
        parsed = self.nlp.pipe(
            ((n.text, n) for n in map(normalise_for_parsing, texts)),
            as_tuples=True,
            batch_size=self.config.nlp.batch_size,
        )
        for doc, normalised in parsed:
            found = extract_places(doc, self.gazetteer.has_name, is_demonym=self._is_demonym)
            if span_lists is None:
                places = resolve_places(
                    found,
                    self.gazetteer,
                    country_bias=self.config.gazetteer.country_bias,
                    place_words=self.lexicon.place_words,
                    ranker=self.place_ranker,
                )
                yield map_spans_to_original(places, normalised)
                continue
            wanted = [normalised.from_original(start, end) for start, end in next(span_lists)]
            given = place_mentions_at(doc, wanted, found)
            taken = [(m.span.start, m.span.end) for m in given]
            context = [
                m for m in found if not any(m.span.start < e and s < m.span.end for s, e in taken)
            ]
            resolved = resolve_places(
                [*given, *context],
                self.gazetteer,
                country_bias=self.config.gazetteer.country_bias,
                place_words=self.lexicon.place_words,
                ranker=self.place_ranker,
            )
            yield map_spans_to_original(resolved[: len(given)], normalised)

    def _is_demonym(self, word: str) -> bool:
        return self.gazetteer.country_of_demonym(word) is not None

    def _extract_batch(self, articles: list[Article]) -> list[ExtractionResult | Failure]:
        from eventwire.extract import extract_mentions

        # Parsed without invisible characters; every span is mapped back to the given text.
        normalised = [normalise_for_parsing(a.text) for a in articles]
        texts = [n.text for n in normalised]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=self.config.nlp.batch_size))
        except Exception:  # noqa: BLE001 - isolate the document spaCy chokes on
            if len(articles) > 1:
                return [outcome for a in articles for outcome in self._extract_batch([a])]
            log.exception("spaCy failed on %s", articles[0].id)
            return [_failure(articles[0], "parse", "spaCy could not parse this text")]
        outcomes: list[ExtractionResult | Failure] = []
        for article, doc, norm in zip(articles, docs, normalised, strict=True):
            try:
                mentions = extract_mentions(
                    doc,
                    dataclasses.replace(article, text=norm.text) if norm.changed else article,
                    self.lexicon,
                    known_place=self.gazetteer.has_name,
                    is_demonym=self._is_demonym,
                    date_finders=self.date_finders,
                )
                result = resolve_mentions(
                    mentions, self.gazetteer, self.actors, self.lexicon,
                    country_bias=self.config.gazetteer.country_bias,
                    place_ranker=self.place_ranker,
                    acled=self.acled,
                    date_patterns=self.date_patterns,
                )
                outcomes.append(
                    dataclasses.replace(
                        _to_original(result, norm),
                        article=article,
                        data_fingerprint=self.data_fingerprint,
                    )
                )
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                log.exception("extraction failed on %s", article.id)
                outcomes.append(_failure(article, "extract", f"{type(exc).__name__}: {exc}"))
        return outcomes


def resolve_mentions(
    mentions: ArticleMentions,
    gazetteer: Gazetteer,
    actors: ActorDictionary,
    lexicon: EventLexicon,
    *,
    country_bias: Sequence[str] = (),
    place_ranker: LearnedRanker | None = None,
    acled: AcledRules | None = None,
    date_patterns: CalendarPatterns | None = None,
) -> ExtractionResult:
    """The resolve stage for one article: records in, records out, no spaCy.

    `country_bias` (ISO3 codes, ``[gazetteer] country_bias``) nudges ambiguous place names;
    `place_ranker` (``[gazetteer] ranker``) replaces the hand-set ranking weights when given.
    `acled`, when given, re-codes each event's ACLED type from its own sentence with the same
    rules as `classify_acled`, so an event and a one-event snippet get the same sub-event type.
    `date_patterns` are the pipeline's, compiled from `lexicon.calendar` (built here if None).
    """
    if date_patterns is None:
        date_patterns = CalendarPatterns.build(lexicon.calendar)
    article = mentions.article
    published = date.fromisoformat(article.published) if article.published else None
    places = resolve_places(
        mentions.places, gazetteer, country_bias=country_bias, place_words=lexicon.place_words,
        ranker=place_ranker,
    )
    dates = resolve_dates(
        mentions.dates, published, [d.tense for d in mentions.dates], patterns=date_patterns
    )
    events = resolve_events(
        article,
        mentions.events,
        places={key(m.span): p for m, p in zip(mentions.places, places, strict=True)},
        dates={key(m.span): d for m, d in zip(mentions.dates, dates, strict=True)},
        actors=actors,
        lexicon=lexicon,
        context_country=_main_country(places),
    )
    if acled is not None:
        events = code_acled_events(events, acled)
    warnings = []
    unanchored = sorted({d.text for d in dates if d.value is None and d.precision == "unknown"})
    if published is None and unanchored:
        warnings.append(
            "no publication date: relative dates (" + ", ".join(unanchored) + ") cannot be made "
            "absolute and have precision 'unknown'; pass --published YYYY-MM-DD or give the "
            "article a date"
        )
    checks = check_consistency(events, dates, lexicon.parts_of_whole)
    return ExtractionResult(
        article=article,
        events=tuple(events),
        places=tuple(_unique(places)),
        warnings=tuple(warnings),
        checks=tuple(checks),
    )


def _to_original(result: ExtractionResult, normalised: Normalised) -> ExtractionResult:
    """`result`, parsed from the normalised text, with its spans indexing the original text.

    Event ids (and `link`s) stay those resolved from the normalised offsets: an id then does
    not change when a report is stored again with invisible characters added or removed.
    """
    return map_spans_to_original(result, normalised)


def _main_country(places: list[Place]) -> str | None:
    """The country the article mentions most (its places and demonyms), if one stands out."""
    counts = Counter(p.country for p in places if p.country)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _unique(places: list[Place]) -> list[Place]:
    seen: set[tuple[int, int] | None] = set()
    out = []
    for place in places:
        marker = key(place.span) if place.span else None
        if marker not in seen:
            seen.add(marker)
            out.append(place)
    return out


def _failure(article: Article, stage: str, message: str) -> Failure:
    return Failure(
        source=article.source or article.id,
        stage=stage,
        error=ExtractionError.__name__,
        message=message,
        article_id=article.id,
    )
