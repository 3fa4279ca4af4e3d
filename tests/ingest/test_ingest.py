"""Ingest: every kind of bad input becomes one Failure in place; good input becomes Articles."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import IngestConfig
from eventwire.errors import ConfigError, NotEnglishError
from eventwire.ingest import read_articles
from eventwire.ingest.checks import TextChecks, normalise_date
from eventwire.ingest.text import find_title
from eventwire.records import Article, Failure, make_id

CONFIG = IngestConfig()

TITLE = "Drones attack Russian bases in Syria"
BODY = (
    "Kremlin spokesman Dmitry Peskov said on Saturday that the attacks on the Hmeymim and "
    "Tartus bases by 13 drones were thwarted, with seven shot down and six forced to land.\n"
    "\n"
    "The Russian defence ministry said the drones had been launched from a location more than "
    "50 km away from the bases, and that no one was hurt in the attack.\n"
)
ENGLISH = f"{TITLE}\n\n{BODY}"

FRENCH = (
    "Le porte-parole du Kremlin a déclaré samedi que les attaques contre les bases de Hmeymim "
    "et de Tartous avaient été déjouées. Sept drones ont été abattus et six autres ont été "
    "forcés d'atterrir. Selon le ministère de la Défense, aucune victime n'est à déplorer, mais "
    "les enquêteurs cherchent encore à savoir qui a lancé l'opération."
)
RUSSIAN = (
    "Пресс-секретарь Кремля Дмитрий Песков заявил в субботу, что атаки на базы Хмеймим и "
    "Тартус были отражены. Семь беспилотников были сбиты, а шесть других были вынуждены "
    "приземлиться."
)
ARABIC = (
    "قال المتحدث باسم الكرملين يوم السبت إن الهجمات على قاعدتي حميميم وطرطوس قد تم إحباطها. "
    "وأسقطت سبع طائرات مسيرة وأجبرت ست أخرى على الهبوط."
)
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"


def read(*paths: str | Path, config: IngestConfig = CONFIG, **options: Any) -> list[Any]:
    """All records for `paths`; typed Any so tests can look at Article and Failure fields."""
    return list(read_articles([str(p) for p in paths], config, **options))


def read_one(path: str | Path, **options: Any) -> Any:
    [record] = read(path, **options)
    return record


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def assert_failure(record: Article | Failure, error: str, *message_parts: str) -> Failure:
    assert isinstance(record, Failure), record
    assert (record.stage, record.error) == ("ingest", error), record
    for part in message_parts:
        assert part in record.message, record.message
    return record


# --------------------------------------------------------------------------- refusals


def test_empty_file_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    failure = assert_failure(read_one(path), "EmptyInputError", "empty")
    assert failure.source == str(path)


def test_whitespace_only_file_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", " \n\t\r\n  \n")
    assert_failure(read_one(path), "EmptyInputError", "white space")


def test_binary_file_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", PNG_HEADER + bytes(range(256)) * 4)
    assert_failure(read_one(path), "BinaryInputError", "NUL byte", "binary")


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "controls.txt", b"abc\x01\x02\x03\x04\x05def\x06\x07\x08" * 50)
    assert_failure(read_one(path), "BinaryInputError", "control characters")


def test_latin1_file_is_an_encoding_failure_with_offset_and_advice(tmp_path: Path) -> None:
    data = ENGLISH.replace("Peskov", "Peskóv").encode("latin-1")
    path = write(tmp_path, "latin1.txt", data)
    offset = data.index(b"\xf3")
    assert_failure(
        read_one(path), "EncodingError", f"byte {offset} (0xf3)", "iconv -f latin1", "--encoding"
    )
    article = read_one(path, encoding="latin-1")
    assert isinstance(article, Article)
    assert "Peskóv" in article.text


def test_utf16_file_is_reported_as_utf16_not_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "utf16.txt", ENGLISH.encode("utf-16"))
    assert_failure(read_one(path), "EncodingError", "UTF-16", "--encoding utf-16")
    article = read_one(path, encoding="utf-16")
    assert isinstance(article, Article)
    assert article.text == ENGLISH


def test_huge_file_fails_fast_as_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The drones were shot down over the base. " * 500_000)  # ~20 MB
    started = time.perf_counter()
    failure = assert_failure(read_one(path), "InputTooLargeError", "20,500,000 bytes",
                             "1,000,000 characters", "max_chars")
    assert time.perf_counter() - started < 2.0, "a huge file must be refused without reading it"
    assert failure.source == str(path)


def test_text_over_max_chars_reports_size_and_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ENGLISH)
    failure = assert_failure(read_one(path, config=IngestConfig(max_chars=100)),
                             "InputTooLargeError")
    assert f"{len(ENGLISH):,} characters" in failure.message
    assert "the limit is 100 characters" in failure.message


def test_oversized_stdin_stops_reading_early() -> None:
    stdin = io.BytesIO(ENGLISH.encode() * 2_000)  # ~650 KB
    [failure] = read("-", config=IngestConfig(max_chars=1_000), stdin=stdin)
    assert_failure(failure, "InputTooLargeError", "more than 4,000 bytes")
    assert stdin.tell() < 10_000, "read past the limit instead of stopping"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH, "common English words"),
        (RUSSIAN, "Cyrillic script"),
        (ARABIC, "Arabic script"),
        ("北京时间周六，叙利亚境内的两处俄罗斯军事基地遭到无人机袭击。", "CJK"),
    ],
    ids=["french", "russian", "arabic", "chinese"],
)
def test_non_english_text_is_a_failure(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "foreign.txt", text)
    assert_failure(read_one(path), "NotEnglishError", expected)


def test_english_ratio_threshold_comes_from_config(tmp_path: Path) -> None:
    path = write(tmp_path, "fr.txt", FRENCH)
    assert isinstance(read_one(path, config=IngestConfig(min_english_ratio=0.0)), Article)


def test_the_english_check_uses_the_word_list_it_is_given() -> None:
    loaded = TextChecks.load(CONFIG)
    assert {"the", "and", "of"} <= loaded.english_words
    assert loaded.prepare(BODY) == BODY
    without_words = TextChecks(CONFIG.max_chars, CONFIG.min_english_ratio, frozenset())
    with pytest.raises(NotEnglishError, match="0.0% of its"):
        without_words.prepare(BODY)
    french_words = TextChecks(CONFIG.max_chars, CONFIG.min_english_ratio, frozenset({"les", "de", "et"}))
    assert french_words.prepare(FRENCH) == FRENCH


def test_importing_ingest_reads_no_data_file() -> None:
    # A fresh interpreter: in this one the modules are long imported. Every bundled-data reader
    # is made to fail, so an import-time read would break the import.
    code = (
        "import eventwire.data as data\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError(f'data file read at import: {args}')\n"
        "data.read_text = data.read_words = data.read_table = refuse\n"
        "import eventwire.ingest, eventwire.ingest.checks\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    "text",
    ["Drone attack on Russian air base in Syria", "UN: 12 killed in Aleppo shelling", "HTS"],
)
def test_short_english_headline_is_not_refused(tmp_path: Path, text: str) -> None:
    article = read_one(write(tmp_path, "headline.txt", text))
    assert isinstance(article, Article)
    assert article.text == text


def test_english_with_a_foreign_quote_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "quote.txt", f"{BODY}\nThe statement read: «{RUSSIAN[:60]}»\n")
    assert isinstance(read_one(path), Article)


def test_missing_file_and_directory_are_failures(tmp_path: Path) -> None:
    missing, directory = tmp_path / "nope.txt", tmp_path / "folder.jsonl"
    directory.mkdir()
    first, second = read(missing, directory)
    assert_failure(first, "MissingInputError", "no such file", str(missing))
    assert_failure(second, "MissingInputError", "is a directory")
    assert_failure(read_one(tmp_path), "MissingInputError", "is a directory")


def test_a_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", ENGLISH)
    records = read(tmp_path / "missing.txt", good, write(tmp_path, "bin.txt", PNG_HEADER), good)
    assert [type(r).__name__ for r in records] == ["Failure", "Article", "Failure", "Article"]


def test_bad_run_options_raise_config_error_before_reading() -> None:
    with pytest.raises(ConfigError, match="unknown encoding"):
        read_articles(["x.txt"], CONFIG, encoding="no-such-codec")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        read_articles(["x.txt"], CONFIG, published="last Tuesday")
    with pytest.raises(TypeError, match="not one string"):
        read_articles("x.txt", CONFIG)


# --------------------------------------------------------------------------- plain text


def test_english_file_with_title_keeps_full_text_and_offsets(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "report.txt", ENGLISH))
    assert isinstance(article, Article)
    assert article.title == TITLE
    assert article.text == ENGLISH  # the title stays in the text: offsets index the whole file
    assert article.text[: len(TITLE)] == TITLE
    start = len(TITLE) + 2
    assert article.text[start : start + len("Kremlin spokesman")] == "Kremlin spokesman"
    sentence = "no one was hurt in the attack"
    start = article.text.index(sentence)
    assert article.text[start : start + len(sentence)] == sentence
    assert article.id == make_id(ENGLISH, prefix="a-")
    assert article.source == str(tmp_path / "report.txt")
    assert article.published is None and article.url is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{TITLE}\n\n{BODY}", TITLE),
        (f"\n\n  {TITLE}  \n\n\n{BODY}", TITLE),  # leading blank lines, padding, several blanks
        ("Who attacked Hmeymim?\n\nNobody has claimed it.", "Who attacked Hmeymim?"),
        (f"{TITLE}.\n\n{BODY}", None),  # a final period makes it a sentence
        (f"{TITLE}\n{BODY}", None),  # no blank line after it: a paragraph's first line
        ("x" * 200 + "\n\n" + BODY, None),  # too long for a headline
        (f"{TITLE}\n\n", None),  # no body: the headline is the whole text
        (BODY.replace("\n\n", " "), None),
    ],
)
def test_title_rule(text: str, title: str | None) -> None:
    assert find_title(text) == title


def test_crlf_and_cr_line_endings_become_lf(tmp_path: Path) -> None:
    crlf = read_one(write(tmp_path, "crlf.txt", ENGLISH.replace("\n", "\r\n")))
    old_mac = read_one(write(tmp_path, "cr.txt", ENGLISH.replace("\n", "\r")))
    lf = read_one(write(tmp_path, "lf.txt", ENGLISH))
    assert isinstance(crlf, Article) and isinstance(old_mac, Article) and isinstance(lf, Article)
    assert crlf.text == old_mac.text == lf.text == ENGLISH
    assert crlf.id == old_mac.id == lf.id
    assert crlf.title == TITLE


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    with_bom = read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode()))
    without = read_one(write(tmp_path, "plain.txt", ENGLISH))
    assert isinstance(with_bom, Article) and isinstance(without, Article)
    assert with_bom.text == ENGLISH
    assert with_bom.title == TITLE
    assert with_bom.id == without.id


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    text_file = write(tmp_path, "a.txt", ENGLISH)
    jsonl_file = write(tmp_path, "b.jsonl", json.dumps({"title": TITLE, "text": BODY}) + "\n")
    first, second = read(text_file, jsonl_file), read(text_file, jsonl_file)
    assert [a.id for a in first] == [a.id for a in second]
    assert first[0].id == make_id(ENGLISH, prefix="a-")
    assert first[1].id == make_id(BODY, prefix="a-")
    assert first[0].id != first[1].id


def test_published_override_applies_to_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ENGLISH)
    article = read_one(path, published="Jan 12, 2018")
    assert isinstance(article, Article)
    assert article.published == "2018-01-12"


# --------------------------------------------------------------------------- JSONL


def test_jsonl_bad_lines_become_failures_and_the_rest_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "title": "First", "date": "2018-01-12", "url": "http://x/1",
                    "text": BODY}),
        '{"id": "r2", "text": "unterminated',
        json.dumps({"id": "r3", "title": "No text here"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": 5, "published": "2018-01-13T10:00:00Z", "text": BODY}),
        json.dumps({"id": "r6", "text": 42}),
        json.dumps({"id": "r7", "text": FRENCH}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    records = read(path)
    assert [(type(r).__name__, r.source) for r in records] == [
        ("Article", f"{path}:1"),
        ("Failure", f"{path}:2"),
        ("Failure", f"{path}:3"),
        ("Failure", f"{path}:4"),
        ("Article", f"{path}:6"),
        ("Failure", f"{path}:7"),
        ("Failure", f"{path}:8"),
    ]
    first, bad_json, no_text, not_object, sixth, text_not_str, french = records
    assert first == Article(id="r1", text=BODY, title="First", published="2018-01-12",
                            url="http://x/1", source=f"{path}:1")
    assert_failure(bad_json, "RecordFormatError", "not valid JSON", "column")
    assert_failure(no_text, "RecordFormatError", "'text' field is missing")
    assert_failure(not_object, "RecordFormatError", "JSON array, not an object")
    assert (sixth.id, sixth.published) == ("5", "2018-01-13")  # `published` is a synonym
    assert_failure(text_not_str, "RecordFormatError", "'text' field is a number")
    assert assert_failure(french, "NotEnglishError").article_id == "r7"


def test_jsonl_id_falls_back_to_the_text_hash(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"id": None, "text": BODY.replace("\n", "\r\n")}))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.id == make_id(BODY, prefix="a-")


def test_jsonl_published_override_only_fills_missing_dates(tmp_path: Path) -> None:
    lines = [
        {"text": BODY, "date": "2018-01-10"},
        {"text": BODY},
        {"text": BODY, "date": "24 Novembe"},  # unreadable: kept undated, not given the override
        {"text": BODY, "date": "12/01/2018"},  # ambiguous: never guessed
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    assert [a.published for a in read(path)] == ["2018-01-10", None, None, None]
    assert [a.published for a in read(path, published="2018-01-12")] == [
        "2018-01-10", "2018-01-12", None, None,
    ]


def test_jsonl_date_of_the_wrong_type_keeps_the_article_undated(tmp_path: Path, caplog) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"id": "n1", "text": BODY, "date": 20180112}))
    article = read_one(path, published="2018-01-12")
    assert isinstance(article, Article) and article.published is None
    assert "'date'=20180112, which is not a date (a number, not a string)" in caplog.text


def test_jsonl_bad_bytes_on_one_line_give_the_file_offset(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": BODY}).encode() + b"\n"
    bad = b'{"id": "bad", "text": "Pesk\xf3v"}\n'
    path = write(tmp_path, "a.jsonl", good + bad + good)
    first, failure, last = read(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    offset = len(good) + bad.index(b"\xf3")
    assert_failure(failure, "EncodingError", f"byte {offset} (0xf3)")
    assert failure.source == f"{path}:2"


def test_jsonl_over_long_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    config = IngestConfig(max_chars=1_000)
    huge = json.dumps({"id": "huge", "text": "word " * 30_000})
    path = write(tmp_path, "a.ndjson", huge + "\n" + json.dumps({"id": "ok", "text": BODY}))
    failure, article = read(path, config=config)
    assert_failure(failure, "InputTooLargeError", "max_chars")
    assert failure.source == f"{path}:1"
    assert isinstance(article, Article) and article.source == f"{path}:2"


def test_binary_jsonl_file_is_one_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "image.jsonl", PNG_HEADER * 100)
    failure = assert_failure(read_one(path), "BinaryInputError")
    assert failure.source == str(path)


# --------------------------------------------------------------------------- stdin


def test_stdin_plain_text() -> None:
    article = read_one("-", stdin=io.BytesIO(ENGLISH.encode()), published="2018-01-12")
    assert isinstance(article, Article)
    assert (article.text, article.title, article.source) == (ENGLISH, TITLE, "-")
    assert article.published == "2018-01-12"


def test_stdin_jsonl_is_detected_and_streamed() -> None:
    # Long enough that the first lines are sniffed and the rest comes from the stream.
    lines = [json.dumps({"id": f"n{i}", "text": BODY}) for i in range(40)] + ["[1]"]
    stdin = io.BytesIO(("\n" + "\n".join(lines) + "\n").encode())
    records = read("-", stdin=stdin)
    assert [r.id for r in records[:-1]] == [f"n{i}" for i in range(40)]
    assert all(r.text == BODY for r in records[:-1])
    assert records[0].source == "-:2"
    assert assert_failure(records[-1], "RecordFormatError").source == "-:42"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-01-12", "2018-01-12"),
        ("2018-01-12T10:00:00Z", "2018-01-12"),
        ("2018-01-12T23:30:00-05:00", "2018-01-12"),  # a time zone never moves the day
        ("2018-01-12T00:30:00+14:00", "2018-01-12"),
        ("Jan 12, 2018", "2018-01-12"),
        ("12 January 2018", "2018-01-12"),
        ("Fri, 12 Jan 2018 23:00:00 -0500", "2018-01-12"),
        ("January 12, 2018 10:00 AM ET", "2018-01-12"),
        ("2018/01/12", "2018-01-12"),
        ("25/12/2018", "2018-12-25"),
    ],
)
def test_normalise_date(value: str, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "yesterday", "Jan 2018", "2018", "Wed Nov 23", "12/01/2018", "2018-02-30"]
)
def test_normalise_date_refuses_what_it_would_have_to_guess(value: str) -> None:
    with pytest.raises(ValueError, match="date"):
        normalise_date(value)


def test_a_lone_surrogate_in_a_json_text_is_refused_and_the_rest_goes_on(tmp_path) -> None:
    from eventwire.config import IngestConfig
    from eventwire.ingest import read_articles
    from eventwire.records import Article, Failure

    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        '{"id": "bad", "text": "Gunmen killed three police officers in Mosul \\ud800 on Friday."}\n'
        '{"id": "good", "text": "Gunmen killed three police officers in Mosul on Friday."}\n',
        "utf-8",
    )
    bad, good = read_articles([str(dump)], IngestConfig())
    assert isinstance(bad, Failure) and bad.error == "EncodingError" and "surrogate" in bad.message
    assert isinstance(good, Article) and good.id == "good"


def test_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path) -> None:
    from eventwire.config import IngestConfig
    from eventwire.ingest import read_articles

    text = "Shelling killed two people in Aleppo on Monday, officials said."
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        (failure,) = read_articles([str(path)], IngestConfig())
        assert failure.error == "EncodingError" and "UTF-16" in failure.message
        (article,) = read_articles([str(path)], IngestConfig(), encoding=codec)
        assert article.text == text
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (binary,) = read_articles([str(png)], IngestConfig())
    assert binary.error == "BinaryInputError"
