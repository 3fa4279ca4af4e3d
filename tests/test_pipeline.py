"""The pipeline with injected in-memory resources: order, failures and the Python API."""

from __future__ import annotations

import pytest

import eventwire.pipeline as pipeline_module
from eventwire.config import load_config
from eventwire.data.lexicon import EventLexicon
from eventwire.records import Article, ExtractionResult, Failure
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.gazetteer import GazetteerEntry, InMemoryGazetteer

pytestmark = pytest.mark.model

TEXT = "Rebels attacked an army checkpoint near Dori on Sunday, killing three soldiers, officials said."


@pytest.fixture(scope="module")
def pipeline(nlp) -> pipeline_module.Pipeline:
    gazetteer = InMemoryGazetteer(
        [
            GazetteerEntry(2361177, "Dori", 14.0354, -0.0345, "BFA", "Sahel", "P", "PPLA", 46512),
            GazetteerEntry(2361809, "Burkina Faso", 12.5, -1.67, "BFA", None, "A", "PCLI", 20000000),
        ]
    )
    actors = ActorDictionary.from_rows(
        [
            ("rebels", "", "REB", "role", ""),
            ("officials", "", "GOV", "dependent", ""),
            ("soldiers", "", "MIL", "role", ""),
        ]
    )
    return pipeline_module.Pipeline(
        load_config(), nlp=nlp, gazetteer=gazetteer, actors=actors, lexicon=EventLexicon.load()
    )


def test_extract_text_uses_injected_resources(pipeline) -> None:
    result = pipeline.extract_text(TEXT, published="2024-03-15")
    (event,) = result.events
    assert (event.type, event.date.value, event.location.name) == ("ASSAULT", "2024-03-10", "Dori")
    assert [(a.text, a.sector) for a in event.source_actors] == [("Rebels", "REB")]
    assert event.fatalities is not None and event.fatalities.best == 3
    assert event.attributed_to[0].sector == "GOV"


@pytest.mark.parametrize(
    ("text", "value", "basis"),
    [
        # The dateline dates the report; the event keeps its own day ...
        ("8 Jun 2016 Rebels attacked an army checkpoint near Dori on Tuesday.", "2016-06-07", "text"),
        # ... or, with none, is dated by publication (precision unknown), not at the dateline's day.
        ("Wednesday 8 Jun 2016 Rebels attacked an army checkpoint near Dori.", "2016-06-08", "publication"),
        # A written day that is not the publication date is the event's.
        ("Rebels attacked an army checkpoint near Dori on 5 June 2016.", "2016-06-05", "text"),
    ],
)
def test_a_dateline_is_not_the_event_date(pipeline, text: str, value: str, basis: str) -> None:
    (event,) = pipeline.extract_text(text, published="2016-06-08").events
    assert (event.date.value, event.date.basis) == (value, basis)


def test_a_strike_is_placed_where_it_hit_not_where_it_was_launched_from(nlp) -> None:
    gazetteer = InMemoryGazetteer([
        GazetteerEntry(706483, "Kharkiv", 49.98, 36.25, "UKR", "Kharkiv", "P", "PPLA", 1_430_885),
        GazetteerEntry(578072, "Belgorod", 50.61, 36.58, "RUS", "Belgorod", "P", "PPLA", 356_402),
        GazetteerEntry(690791, "Ukraine", 49.0, 32.0, "UKR", None, "A", "PCLI", 41_000_000),
        GazetteerEntry(2017370, "Russia", 60.0, 100.0, "RUS", None, "A", "PCLI", 144_000_000),
    ])
    strikes = pipeline_module.Pipeline(
        load_config(), nlp=nlp, gazetteer=gazetteer, actors=ActorDictionary.from_rows([]),
        lexicon=EventLexicon.load(),
    )
    text = ("A Russian missile struck an apartment block in Kharkiv on Thursday. The city was attacked "
            "with two ballistic missiles launched from the Belgorod region of Russia.")
    events = strikes.extract_text(text, published="2026-10-08").events
    assert events and all(e.location is not None and e.location.country == "UKR" for e in events)


def test_a_result_says_which_extractor_and_data_files_coded_it(pipeline) -> None:
    from eventwire.records import EXTRACTOR_VERSION
    from eventwire.resources import resources_fingerprint

    result = pipeline.extract_text(TEXT, published="2024-03-15")
    assert result.extractor == EXTRACTOR_VERSION
    assert result.data_fingerprint == resources_fingerprint(load_config()) != ""


def test_a_failing_document_becomes_a_failure_and_the_batch_goes_on(pipeline, monkeypatch) -> None:
    import eventwire.extract as extract_package

    real = extract_package.extract_mentions

    def flaky(doc, article, *args, **kwargs):
        if article.id == "bad":
            raise RuntimeError("extractor bug")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(extract_package, "extract_mentions", flaky)
    ingest_failure = Failure(
        source="gone.txt", stage="ingest", error="MissingInputError", message="not found"
    )
    inputs = [
        Article(id="first", text=TEXT, published="2024-03-15"),
        ingest_failure,
        Article(id="bad", text=TEXT),
        Article(id="last", text=TEXT),
    ]
    outcomes = list(pipeline.extract(inputs))
    assert [type(o).__name__ for o in outcomes] == [
        "ExtractionResult",
        "Failure",
        "Failure",
        "ExtractionResult",
    ]
    assert outcomes[1] is ingest_failure
    assert outcomes[2].stage == "extract" and "extractor bug" in outcomes[2].message
    assert outcomes[2].article_id == "bad"
    assert isinstance(outcomes[3], ExtractionResult) and outcomes[3].article.id == "last"


def test_batches_keep_input_order(pipeline) -> None:
    articles = [Article(id=f"a{i}", text=TEXT) for i in range(pipeline.config.nlp.batch_size + 5)]
    assert [o.article.id for o in pipeline.extract(articles)] == [a.id for a in articles]


def test_places_returns_each_toponym_with_its_evidence(pipeline) -> None:
    (dori,) = [p for p in pipeline.places(TEXT) if p.kind == "toponym"]
    assert (dori.text, dori.name, dori.country, dori.feature_code) == ("Dori", "Dori", "BFA", "PPLA")
    assert dori.span is not None and TEXT[dori.span.start:dori.span.end] == "Dori"
    assert dori.precision == 2  # "near Dori"
    assert dori.score > 0.9 and dori.reason


def test_geoparse_with_spans_resolves_exactly_the_given_spans(pipeline) -> None:
    text = "Burkina Faso said Dori was calm. Nobody knows Atlantis."
    spans = [(text.index("Atlantis"), text.index("Atlantis") + 8), (18, 22)]
    atlantis, dori = next(pipeline.geoparse([text], spans=[spans]))
    assert (dori.name, dori.country) == ("Dori", "BFA")  # one unresolvable name empties nothing
    # A given span the gazetteer lacks is drawn, coarsely, where the text is set, and says so.
    drawn = (atlantis.text, atlantis.lat, atlantis.basis, atlantis.precision)
    assert drawn == ("Atlantis", dori.lat, "setting", 3)
    assert "Atlantis: not in the gazetteer" in atlantis.reason
