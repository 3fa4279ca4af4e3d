"""Normalisation before parsing: what changes, the offset map back, and the same events for a
text and its invisible-character variants (with every span indexing the text as given)."""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from typing import Any

import pytest

from eventwire.records import Actor, Event, Place, Span
from eventwire.text.normalise import Normalised, map_spans_to_original, normalise_for_parsing

# --------------------------------------------------------------------------- the text


def test_text_that_needs_no_change_comes_back_as_is() -> None:
    text = "Drones attacked the base on Saturday, the ministry’s spokesman said — again.\nNext line."
    result = normalise_for_parsing(text)
    assert result.text is text
    assert not result.changed
    assert result.to_original(3, 17) == (3, 17)
    assert result.from_original(3, 17) == (3, 17)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "zero width space"),
        ("\u200c", "zero width non-joiner"),
        ("\u200d", "zero width joiner"),
        ("\u2060", "word joiner"),
        ("\u00ad", "soft hyphen"),
        ("\ufeff", "byte order mark"),
        ("\u200e", "left-to-right mark"),
        ("\u200f", "right-to-left mark"),
        ("\u061c", "arabic letter mark"),
        *((chr(c), f"bidi embedding/override U+{c:04X}") for c in range(0x202A, 0x202F)),
        *((chr(c), f"bidi isolate U+{c:04X}") for c in range(0x2066, 0x206A)),
    ],
)
def test_invisible_characters_are_removed(char: str, name: str) -> None:
    result = normalise_for_parsing(f"Hmey{char}mim base")
    assert result.text == "Hmeymim base", name
    # "mim" sits after the removed character: its offsets move by one.
    assert result.to_original(4, 7) == (5, 8)
    assert result.to_original(0, 7) == (0, 8)  # the word, the removed character inside it


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2009", "\u3000", "\t"])
def test_unusual_spaces_become_spaces(space: str) -> None:
    result = normalise_for_parsing(f"air{space}base")
    assert result.text == "air base"
    assert result.to_original(4, 8) == (4, 8)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("one\u2028two", "one\ntwo"),
        ("one\u2029two", "one\ntwo"),
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\x0btwo\x0cthree", "one\ntwo\nthree"),
        ("one\ntwo", "one\ntwo"),
    ],
)
def test_line_breaks_become_newlines(given: str, expected: str) -> None:
    assert normalise_for_parsing(given).text == expected


def test_control_characters_are_dropped() -> None:
    result = normalise_for_parsing("ten\x00 kil\x07led\x1b \x7fhere")
    assert result.text == "ten killed here"
    start, end = result.to_original(4, 10)
    assert "ten\x00 kil\x07led\x1b \x7fhere"[start:end] == "kil\x07led"


def test_c1_controls_are_read_as_windows_1252() -> None:
    # News text carries cp1252 dashes and quotes decoded as Latin-1; dropping them glues words.
    result = normalise_for_parsing("an order\x97a painful one\x85 \x91quoted\x92 \x81gone")
    assert result.text == "an order—a painful one… ‘quoted’ gone"


def test_nfc_composes_and_maps_to_every_character_it_came_from() -> None:
    text = "Cafe\u0301 in Ha\u0300 Noi"
    result = normalise_for_parsing(text)
    assert result.text == unicodedata.normalize("NFC", text) == "Café in Hà Noi"
    start, end = result.to_original(0, 4)
    assert text[start:end] == "Cafe\u0301"
    start, end = result.to_original(8, 10)
    assert text[start:end] == "Ha\u0300"
    assert result.to_original(11, 14) == (13, 16)


def test_nfc_reordering_maps_to_the_whole_cluster() -> None:
    text = "q\u0307\u0323 x"
    result = normalise_for_parsing(text)
    assert result.text == "q\u0323\u0307 x"
    assert [result.to_original(i, i + 1) for i in range(3)] == [(0, 3)] * 3
    assert result.to_original(4, 5) == (4, 5)


def test_nfc_across_a_removed_character() -> None:
    text = "e\u200b\u0301 x"
    result = normalise_for_parsing(text)
    assert result.text == "é x"
    assert result.to_original(0, 1) == (0, 3)


def test_a_character_nfc_expands_maps_to_itself() -> None:
    text = "x\u0958y"  # DEVANAGARI LETTER QA: NFC gives KA + NUKTA
    result = normalise_for_parsing(text)
    assert result.text == "x\u0915\u093cy"
    assert result.to_original(1, 3) == (0, 2)  # the chunk it composes in starts at "x"
    assert result.to_original(3, 4) == (2, 3)


def test_from_original_skips_removed_characters() -> None:
    text = "in \u2066Monday\u2069 last"
    result = normalise_for_parsing(text)
    assert result.text == "in Monday last"
    assert result.from_original(3, 11) == (3, 9)  # the isolates around the word vanish
    assert result.text[slice(*result.from_original(4, 10))] == "Monday"


def test_empty_spans_and_out_of_range_offsets_map_to_points() -> None:
    result = normalise_for_parsing("a\u200bb")
    assert result.to_original(1, 1) == (2, 2)
    assert result.to_original(2, 2) == (3, 3)
    assert result.to_original(5, 9) == (3, 3)


def test_normalising_twice_changes_nothing_more() -> None:
    text = "x\u00a0y\u200bz\r\n\u2066Cafe\u0301\u2069\x00\x97"
    once = normalise_for_parsing(text).text
    assert normalise_for_parsing(once).text is once


_ALPHABET = [
    *"abc XYZ.,\n",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u2066",
    "\u2069",
    "\u202e",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x1f",
    "\x96",
    "\u2028",
    "e\u0301",
    "\u0301",
    "\u00e9",
    "\u212b",
    "\u1100\u1161",
    "\u0958",
    "’",
    "—",
    "q\u0307\u0323",  # NFC reorders the marks
]


@pytest.mark.parametrize("seed", range(40))
def test_round_trip_a_mapped_slice_normalises_to_the_normalised_slice(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60)))
    result = normalise_for_parsing(text)
    assert result.text == unicodedata.normalize("NFC", result.text)
    starts, size = result.starts, len(result.text)
    # Ends that fall between the characters of one composed chunk cannot round-trip: the chunk
    # is indivisible in the original. Every other [start, end) must.
    cuts = [i for i in range(size + 1) if starts is None or i in (0, size) or starts[i] != starts[i - 1]]
    for _ in range(30):
        start, end = sorted(rng.choices(cuts, k=2))
        o_start, o_end = result.to_original(start, end)
        assert 0 <= o_start <= o_end <= len(text)
        assert normalise_for_parsing(text[o_start:o_end]).text == result.text[start:end], (text, start, end)


def test_maps_are_linear_in_the_length_of_the_text() -> None:
    text = "Drones\u00a0attacked the Hme\u00admeymim base on\u200b Saturday.\r\n" * 20000
    result = normalise_for_parsing(text)
    assert len(result.starts or ()) == len(result.text) == len(text) - 3 * 20000


# --------------------------------------------------------------------------- records


def test_map_spans_to_original_moves_every_span_and_the_text_that_was_the_span() -> None:
    original = "The \u2066army\u2069 shelled Hme\u00adymim."
    normalised = normalise_for_parsing(original)
    assert normalised.text == "The army shelled Hmeymim."
    place = Place(
        name="Hmeymim Air Base",
        geonameid=-1,
        lat=None,
        lon=None,
        country="SYR",
        admin1=None,
        precision=2,
        text="Hmeymim",
        span=Span("Hmeymim", 17, 24),
    )
    actor = Actor(text="army", country=None, sector="MIL", span=Span("army", 4, 8))
    named = Actor(text="the Syrian army", country="SYR", sector="MIL", span=Span("army", 4, 8))
    mapped = map_spans_to_original((place, [actor, named]), normalised)
    assert mapped[0].span == Span("Hme\u00adymim", 19, 27) and mapped[0].text == "Hme\u00adymim"
    assert mapped[0].name == "Hmeymim Air Base"
    assert mapped[1][0].span == Span("army", 5, 9) and mapped[1][0].text == "army"
    assert mapped[1][1].text == "the Syrian army"  # not its span's text: left alone


def test_map_spans_to_original_leaves_an_unchanged_text_alone() -> None:
    span = Span("army", 4, 8)
    assert map_spans_to_original(span, Normalised.identity("The army")) is span


# --------------------------------------------------------------------------- the pipeline

SENTENCE = (
    "Drones attacked the Hmeymim air base in Latakia province on Saturday, killing two "
    "soldiers, the ministry said."
)
VARIANTS = {
    "no-break spaces": SENTENCE.replace(" ", "\u00a0"),
    "narrow no-break spaces": SENTENCE.replace(" in ", "\u202fin\u202f"),
    "zero-width spaces inside words": SENTENCE.replace("Drones", "Dro\u200bnes")
    .replace("attacked", "atta\u200bcked")
    .replace("soldiers", "sol\u200bdiers"),
    "soft hyphen": SENTENCE.replace("Hmeymim", "Hmey\u00admim"),
    "byte order mark mid-text": SENTENCE.replace("province ", "province \ufeff"),
    "bidi isolate around the day": SENTENCE.replace("Saturday", "\u2068Saturday\u2069"),
    "zero-width joiner and word joiner": SENTENCE.replace("Latakia", "Lat\u200dak\u2060ia"),
    "decomposed accents": SENTENCE.replace("the ministry", "the ministe\u0300re"),
}


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - eventwire.Pipeline, the real resources
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def _spans(value: Any) -> list[Span]:
    if isinstance(value, Span):
        return [value]
    if isinstance(value, list | tuple):
        return [span for item in value for span in _spans(item)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [span for f in dataclasses.fields(value) for span in _spans(getattr(value, f.name))]
    return []


def _summary(events: tuple[Event, ...], places: tuple[Place, ...]) -> object:
    return (
        [
            (
                e.id,  # from the normalised offsets: the same for every variant
                e.type,
                e.location.geonameid if e.location else None,
                e.date.value,
                sorted((q.what, q.value, q.low, q.high) for q in e.quantities),
                e.fatalities.best if e.fatalities else None,
            )
            for e in events
        ],
        sorted(p.geonameid or 0 for p in places),
    )


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_invisible_variants_give_the_same_events(pipeline, variant: str) -> None:
    plain = pipeline.extract_text(SENTENCE, published="2018-01-12", article_id="a-1")
    text = VARIANTS[variant]
    result = pipeline.extract_text(text, published="2018-01-12", article_id="a-1")
    assert result.article.text == text
    assert [e.type for e in plain.events] == ["ASSAULT"]
    assert any(p.name == "Hmeymim Air Base" for p in plain.places)
    assert _summary(result.events, result.places) == _summary(plain.events, plain.places)
    spans = _spans(result)
    assert len(spans) == len(_spans(plain))
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_places_are_found_through_invisible_characters_and_index_the_text(pipeline) -> None:
    text = "Shelling near Hmey\u00admim and in\u00a0Latakia on\u200b Monday."
    places = pipeline.places(text)
    assert [p.name for p in places][:2] == ["Hmeymim Air Base", "Latakia"]
    for place in places:
        assert place.span is not None and text[place.span.start : place.span.end] == place.span.text
    assert places[0].text == "Hmey\u00admim"
    (only,) = pipeline.places(text, spans=[(14, 22)])
    assert only.name == "Hmeymim Air Base" and only.span == Span("Hmey\u00admim", 14, 22)
