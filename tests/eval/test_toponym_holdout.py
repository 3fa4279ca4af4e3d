"""eventwire's own held-out toponyms (facilities, seas and regions, state against city, world
city against namesakes), labelled before the site and sea rules were written. Their accuracy is
pinned in benchmarks/baseline.json (entry toponyms_holdout: 0.5918 before those rules, 0.8571
after); here the file itself is checked against the articles it points into."""

from __future__ import annotations

import pytest
from conftest import REPO, SHARED

from eventwire.eval.toponym_holdout import format_holdout_report, read_article_texts, read_holdout

HOLDOUT = REPO / "benchmarks" / "data" / "toponyms_holdout.jsonl"
CORPUS = SHARED / "gold" / "corpus" / "dev_news.jsonl"


def test_every_holdout_toponym_is_where_it_says_in_its_article() -> None:
    if not CORPUS.exists():
        pytest.skip(f"news corpus not found at {CORPUS}")
    toponyms = read_holdout(HOLDOUT)
    assert len(toponyms) >= 40
    assert {t.kind for t in toponyms} >= {"facility", "region", "state_vs_city", "world_city"}
    texts = read_article_texts(CORPUS, {t.doc for t in toponyms})
    assert all(texts[t.doc][t.start : t.end] == t.toponym for t in toponyms)
    assert all(-90 <= t.lat <= 90 and -180 <= t.lon <= 180 for t in toponyms)


@pytest.mark.parametrize("name", [f"toponyms_holdout{n}.jsonl" for n in (*range(2, 13), 19, 21, 22)])
def test_every_toponym_of_an_exhaustive_holdout_is_where_it_says(name: str) -> None:
    if not CORPUS.exists():
        pytest.skip(f"news corpus not found at {CORPUS}")
    toponyms = read_holdout(REPO / "benchmarks" / "data" / name)
    assert len(toponyms) >= 200
    # holdouts 6 to 12, 19, 21 and 22 also label demonyms ("Syrian", "Texan"), as GeoWebNews does
    with_demonyms = {f"toponyms_holdout{n}.jsonl" for n in (*range(6, 13), 19, 21, 22)}
    demonyms = {"demonym"} if name in with_demonyms else set()
    assert {t.kind for t in toponyms} == {"country", "admin", "city", "facility", "region", *demonyms}
    texts = read_article_texts(CORPUS, {t.doc for t in toponyms})
    assert all(texts[t.doc][t.start : t.end] == t.toponym for t in toponyms)
    assert len({(t.doc, t.start) for t in toponyms}) == len(toponyms)


@pytest.mark.parametrize("number", [13, 14, 15, 16, 17, 18, 20, 23, 24])
def test_every_toponym_of_a_general_news_holdout_is_where_it_says(number: int) -> None:
    # Articles of general news (sports, markets, weather, local papers) written for the file,
    # which keeps them beside its labels in the repository.
    data = REPO / "benchmarks" / "data"
    toponyms = read_holdout(data / f"toponyms_holdout{number}.jsonl")
    texts = read_article_texts(data / f"toponyms_holdout{number}_articles.jsonl", {t.doc for t in toponyms})
    assert len(toponyms) >= 400 and len(texts) >= (25 if number in {20, 23, 24} else 30)
    assert {t.kind for t in toponyms} == {"country", "admin", "city", "facility", "region", "demonym"}
    assert all(texts[t.doc][t.start : t.end] == t.toponym for t in toponyms)
    assert len({(t.doc, t.start) for t in toponyms}) == len(toponyms)


def test_the_report_names_every_class_and_miss() -> None:
    report = {"n": 2, "acc_at_161km": {"all": 0.5, "facility": 0.5}, "misses": [
        {"toponym": "Wembley Stadium", "got": "unresolved", "error_km": 20038}]}  # fmt: skip
    text = format_holdout_report(report)
    assert "facility" in text and "Wembley Stadium -> unresolved (20038 km)" in text
