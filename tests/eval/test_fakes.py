"""FA-KES evaluation: the reader on a tiny CSV of our own, scoring on hand-built records."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from builders import make_event as build_event
from builders import make_place

from eventwire.errors import RecordFormatError
from eventwire.eval.fakes import (
    AdjudicatedDate,
    FakesArticle,
    evaluate_fakes,
    format_fakes_report,
    main_incident,
    read_adjudicated,
    read_fakes,
    score_adjudicated,
    score_article,
    summarise_scores,
)
from eventwire.records import (
    Article,
    Estimate,
    Event,
    ExtractionResult,
    Failure,
    ResolvedDate,
    Status,
)
from eventwire.text.dateline import DatelineReader

HEADER = ["unit_id", "article_title", "article_content", "source", "date", "location", "labels"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def make_article(date: str = "2016-07-27", governorate: str = "hasakeh") -> FakesArticle:
    return FakesArticle(
        id="u1",
        title="Bomb hits town",
        text="Bomb hits town.",
        published="2016-07-28",
        incident_date=date,
        governorate=governorate,
        label="credible",
    )


def make_event(
    type_: str = "ASSAULT",
    *,
    date: str | None = "2016-07-27",
    admin1: str | None = "Al-Hasakah",
    killed: int | None = None,
    status: Status = "asserted",
    country: str | None = "SYR",
) -> Event:
    return build_event(
        type_,
        cameo="190",
        date=ResolvedDate(value=date, precision="day" if date and len(date) == 10 else "month", text=""),
        location=make_place(country=country, admin1=admin1) if admin1 else None,
        fatalities=Estimate(killed, killed, killed) if killed is not None else None,
        status=status,
    )


def make_result(*events: Event) -> ExtractionResult:
    return ExtractionResult(article=Article(id="u1", text="x"), events=list(events), places=[])


# --------------------------------------------------------------------------- reader


QUOTED = 'Published March 5 2015 A blast killed 3, "activists" said.'


def test_read_fakes(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "fakes.csv",
        [
            ["7", "Blast kills 3", QUOTED, "x", "3/4/2015", "Deir Ezzor", "1"],
            ["7", "Raid", "Raid on a town 2 January 2016 SANA reported.", "sana", "1/2/2016", "idlib", "0"],
            ["9", "No date", "Air strikes hit the town on Monday.", "ahram", "12/31/2013", "damascus", "1"],
        ],
    )
    articles = read_fakes(path)
    assert [a.id for a in articles] == ["7", "7#2", "9"]
    first = articles[0]
    assert first.title == "Blast kills 3"
    assert first.text == QUOTED
    assert (first.published, first.incident_date) == ("2015-03-05", "2015-03-04")
    assert (first.governorate, first.label, first.source) == ("deir ezzor", "credible", "x")
    assert (articles[1].published, articles[1].label) == ("2016-01-02", "fake")
    assert articles[2].published is None
    assert articles[2].incident_date == "2013-12-31"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["1", "t", "text", "s", "2015-03-04", "aleppo", "1"], "M/D/YYYY"),
        (["1", "t", "text", "s", "3/4/2015", "aleppo", "yes"], "expected 0 or 1"),
    ],
)
def test_read_fakes_refuses_bad_rows(tmp_path: Path, row: list[str], message: str) -> None:
    with pytest.raises(RecordFormatError, match=message):
        read_fakes(write_csv(tmp_path / "bad.csv", [row]))


def test_read_fakes_refuses_other_csv(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(RecordFormatError, match="article_content"):
        read_fakes(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms", "2017-04-05"),
        ("Fri Sep 27 2013 Bomb blast kills 60", "2013-09-27"),
        ("Posted on April 19 2017 by Someone", "2017-04-19"),
        ("Last updated at Apr 232017 An attack", "2017-04-23"),
        ("Wednesday 07 December 2016 135 Civilians Killed", "2016-12-07"),
        ("24.08.2013 Syrian state media accused", "2013-08-24"),
        ("21.08.2013Get short URL", "2013-08-21"),
        ("15-09-2013 Militants Attack", "2013-09-15"),
        ("Rockets hit Aleppo city 6 October 2016 Aleppo SANA", "2016-10-06"),
        ("Air strikes kill 10 on Monday", None),
        ("Fighting since April 2016 goes on", None),
        ("31 February 2016 is no date", None),
    ],
)
def test_publication_date(text: str, expected: str | None) -> None:
    assert DatelineReader.load().publication_date(text) == expected


def test_publication_date_takes_the_earliest_and_only_the_head() -> None:
    datelines = DatelineReader.load()
    assert datelines.publication_date("Syria 3 May 2015 and later May 1 2015") == "2015-05-03"
    assert datelines.publication_date("x" * 300 + " 3 May 2015") is None


# --------------------------------------------------------------------------- main incident


def test_main_incident_prefers_deadliest_assault() -> None:
    small, big = make_event(killed=3), make_event(killed=30)
    assert main_incident([make_event("CONSULT"), small, big, make_event()]) is big


def test_main_incident_prefers_a_located_assault_to_a_deadlier_unlocated_one() -> None:
    summary, incident = make_event(killed=40, admin1=None), make_event(killed=5)
    assert main_incident([summary, incident]) is incident
    assert main_incident([summary, make_event("CONSULT")]) is summary


def test_main_incident_first_assault_without_figures() -> None:
    first, second = make_event(admin1="Aleppo"), make_event(admin1="Idlib")
    assert main_incident([make_event("CONSULT"), first, second]) is first


def test_main_incident_falls_back_to_first_event() -> None:
    consult = make_event("CONSULT")
    assert main_incident([consult, make_event("ACCUSE")]) is consult
    assert main_incident([]) is None


def test_main_incident_skips_denied_unless_all_are() -> None:
    denied, real = make_event(killed=50, status="denied"), make_event(killed=2)
    assert main_incident([denied, real]) is real
    assert main_incident([denied]) is denied


# --------------------------------------------------------------------------- scoring


def test_score_exact_hit() -> None:
    score = score_article(make_result(make_event()), make_article())
    assert (score.has_event, score.located, score.governorate) == (True, True, True)
    assert (score.date_exact, score.date_within_1day, score.date_month) == (True, True, True)
    assert (score.predicted_date, score.predicted_admin1) == ("2016-07-27", "Al-Hasakah")


@pytest.mark.parametrize(
    ("predicted", "exact", "within", "month"),
    [
        ("2016-07-28", False, True, True),
        ("2016-07-25", False, False, True),
        ("2016-08-01", False, False, False),
        ("2016-07", False, False, True),
        ("2016", False, False, False),
        (None, False, False, False),
    ],
)
def test_score_dates(predicted: str | None, exact: bool, within: bool, month: bool) -> None:
    score = score_article(make_result(make_event(date=predicted)), make_article(date="2016-07-27"))
    assert (score.date_exact, score.date_within_1day, score.date_month) == (exact, within, month)


def test_one_day_crosses_month_end() -> None:
    score = score_article(make_result(make_event(date="2016-08-01")), make_article(date="2016-07-31"))
    assert (score.date_exact, score.date_within_1day, score.date_month) == (False, True, False)


@pytest.mark.parametrize(
    ("label", "admin1", "country", "expected"),
    [
        ("hasakeh", "Al-Hasakah", "SYR", True),
        ("deir ezzor", "Deir ez-Zor", "SYR", True),
        ("lattakia", "Latakia", "SYR", True),
        ("tartous", "Tartus", "SYR", True),
        ("damascus", "Damascus", "SYR", True),
        ("damascus", "Rif Dimashq", "SYR", True),
        ("aleppo", "Idlib", "SYR", False),
        ("aleppo", "Aleppo", "TUR", False),
        ("aleppo", None, "SYR", False),
    ],
)
def test_score_governorate(label: str, admin1: str | None, country: str, expected: bool) -> None:
    event = make_event(admin1=admin1, country=country)
    assert score_article(make_result(event), make_article(governorate=label)).governorate is expected


def test_score_without_event_or_location() -> None:
    article = make_article()
    for outcome in (make_result(), Failure(source="u1", stage="parse", error="E", message="m")):
        score = score_article(outcome, article)
        assert not (score.has_event or score.located or score.date_month or score.governorate)
    unlocated = score_article(make_result(make_event(admin1=None)), article)
    assert unlocated.has_event and not unlocated.located and unlocated.date_exact


def test_summarise_scores() -> None:
    article = make_article()
    scores = [
        score_article(make_result(make_event()), article),
        score_article(make_result(make_event(date="2016-07-28", admin1="Aleppo")), article),
        score_article(make_result(make_event(admin1=None)), article),
        score_article(make_result(), article),
    ]
    assert summarise_scores(scores) == {
        "n": 4,
        "date_accuracy": 0.5,
        "date_accuracy_1day": 0.75,
        "month_accuracy": 0.75,
        "governorate_accuracy": 0.25,
        "no_event": 0.25,
        "no_location": 0.5,
    }
    assert summarise_scores([])["n"] == 0


class StubPipeline:
    """Stands in for `Pipeline`: one canned result per article, and records what it was given."""

    def __init__(self, events: list[list[Event]]) -> None:
        self.events = events
        self.seen: list[Article] = []

    def extract(self, inputs: Iterable[Article | Failure]) -> Iterator[ExtractionResult | Failure]:
        for item, events in zip(inputs, self.events, strict=True):
            assert isinstance(item, Article)
            self.seen.append(item)
            yield ExtractionResult(article=item, events=events, places=[])


def test_evaluate_fakes_and_report() -> None:
    articles = [make_article(), make_article(date="2015-01-01", governorate="idlib")]
    pipeline = StubPipeline([[make_event()], [make_event(date="2015-01-03", admin1="Idlib")]])
    report = evaluate_fakes(articles, pipeline)
    assert report == {
        "n": 2,
        "date_accuracy": 0.5,
        "date_accuracy_1day": 0.5,
        "month_accuracy": 1.0,
        "governorate_accuracy": 1.0,
        "no_event": 0.0,
        "no_location": 0.0,
    }
    seen = [(a.id, a.published, a.title) for a in pipeline.seen]
    assert seen == [("u1", "2016-07-28", "Bomb hits town")] * 2
    text = format_fakes_report(report)
    assert text.splitlines()[0] == "FA-KES evaluation"
    assert "date exact" in text and " 50.0%" in text


# --------------------------------------------------------------------------- adjudicated dates

ADJUDICATED = """# a comment line
unit_id\tdate\tkind\treason
u1\t2016-07-27\tweekday\t"on Wednesday"
u2\t2016-07-28\treport_date\tno day given
u3\t\tunclear\tno dateline
"""


def test_read_adjudicated(tmp_path: Path) -> None:
    path = tmp_path / "dates.tsv"
    path.write_text(ADJUDICATED, encoding="utf-8")
    dates = read_adjudicated(path)
    assert [(d.article_id, d.date, d.kind) for d in dates] == [
        ("u1", "2016-07-27", "weekday"), ("u2", "2016-07-28", "report_date"), ("u3", None, "unclear"),
    ]
    path.write_text("unit_id\tdate\tkind\nu1\t27/07/2016\tweekday\n", encoding="utf-8")
    with pytest.raises(RecordFormatError, match="YYYY-MM-DD"):
        read_adjudicated(path)


def test_adjudicated_dates_score_eventwire_the_label_and_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "dates.tsv"
    path.write_text(ADJUDICATED, encoding="utf-8")
    articles = [
        make_article(),  # label 2016-07-27, published 2016-07-28
        FakesArticle("u2", "t", "x", "2016-07-28", "2016-07-20", "aleppo", "credible"),
        FakesArticle("u3", "t", "x", None, "2016-07-20", "aleppo", "credible"),
    ]
    pipeline = StubPipeline([[make_event(date="2016-07-27")], [make_event(date="2016-07-27")], []])
    report = evaluate_fakes(articles, pipeline, read_adjudicated(path))
    assert report["adjudicated"] == {
        "n": 2,
        "unclear": 1,
        "date_accuracy": 0.5,  # u1 right, u2 a day early
        "date_accuracy_1day": 1.0,
        "fakes_label_accuracy": 0.5,  # u1's label is the incident's date, u2's is not
        "publication_date_accuracy": 0.5,  # u2 reports its incident on its publication day
    }
    assert "FA-KES label exact" in format_fakes_report(report)
    assert "adjudicated" not in evaluate_fakes(articles, StubPipeline([[], [], []]))
    with pytest.raises(RecordFormatError, match="u9"):
        score_adjudicated([], [], [AdjudicatedDate("u9", "2016-01-01", "stated")])
