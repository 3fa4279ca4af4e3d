"""Place mentions from hand-built Docs (no model), plus a few real parses (marked `model`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventwire.extract.places import extract_places, place_mentions_at
from eventwire.records import PlaceMention
from eventwire.resolve.gazetteer import normalize_toponym

KNOWN = {
    "hmeymim", "hmeimim", "khmeimim", "tartus", "latakia", "saqba", "hamouria", "damascus",
    "idlib", "homs", "douma", "bab al-hawa", "kansas city", "kansas", "police", "taliban",
    "kerry", "syria", "moscow", "jobar", "zamalka",
}
#: Words the real gazetteer maps to a country (`country_of_demonym`): demonyms, and country and
#: capital names ("US", "Moscow") that also serve as adjectives.
DEMONYMS = {"syrian", "turkish", "russian", "american", "israeli", "us", "moscow"}


_KNOWN_KEYS = {normalize_toponym(name) for name in KNOWN}


def known(name: str) -> bool:
    return normalize_toponym(name) in _KNOWN_KEYS


def is_demonym(word: str) -> bool:
    return word.casefold() in DEMONYMS


def found(doc: Doc, **kwargs: object) -> list[tuple[str, str, str, str | None]]:
    return [(m.span.text, m.kind, m.label, m.feature_hint)
            for m in extract_places(doc, known, **kwargs)]  # type: ignore[arg-type]


def tagged(make_doc: Callable[..., Doc], spec: str, **extra: object) -> Doc:
    """ "word/POS/ENT ..." -> Doc; ENT is an IOB tag or omitted (O)."""
    words, pos, ents = [], [], []
    for item in spec.split(" "):
        word, tag, *ent = item.split("/")
        words.append(word)
        pos.append(tag)
        ents.append(ent[0] if ent else "O")
    return make_doc(words, pos=pos, ents=ents, **extra)


def test_coordinated_mislabels_share_the_base_hint(make_doc: Callable[..., Doc]) -> None:
    doc = tagged(make_doc, "Drones/NOUN hit/VERB the/DET Hmeymim/PROPN/B-NORP and/CCONJ "
                           "Tartus/PROPN/B-ORG bases/NOUN ./PUNCT")
    assert found(doc) == [("Hmeymim", "toponym", "NORP", "base"),
                          ("Tartus", "toponym", "ORG", "base")]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Rebels/NOUN shelled/VERB Hmeymim/PROPN/B-NORP air/NOUN base/NOUN",
         [("Hmeymim", "base")]),
        ("Rebels/NOUN shelled/VERB Hmeymim/PROPN/B-NORP Air/PROPN Base/PROPN",
         [("Hmeymim", "base")]),
        ("Jets/NOUN left/VERB Khmeimim/PROPN/B-NORP airbase/NOUN", [("Khmeimim", "base")]),
        ("Ships/NOUN left/VERB the/DET Tartus/PROPN/B-ORG naval/ADJ base/NOUN",
         [("Tartus", "naval base")]),
        ("Troops/NOUN entered/VERB Idlib/PROPN/B-GPE province/NOUN", [("Idlib", "province")]),
        ("Troops/NOUN entered/VERB Homs/PROPN/B-GPE province/NOUN/I-GPE",
         [("Homs", "province")]),
        ("Troops/NOUN entered/VERB the/DET province/NOUN of/ADP Idlib/PROPN/B-GPE",
         [("Idlib", "province")]),
        ("Shells/NOUN fell/VERB near/ADP Douma/PROPN/B-GPE", [("Douma", "near")]),
        ("Jets/NOUN struck/VERB the/DET outskirts/NOUN of/ADP Idlib/PROPN/B-GPE",
         [("Idlib", "near")]),
        ("A/DET blast/NOUN hit/VERB 5/NUM km/NOUN from/ADP Homs/PROPN/B-GPE",
         [("Homs", "near")]),
        ("A/DET blast/NOUN hit/VERB 50km/NOUN north/ADV of/ADP Homs/PROPN/B-GPE",
         [("Homs", "near")]),
        ("Trucks/NOUN queued/VERB at/ADP the/DET Bab/PROPN/B-FAC al/PROPN/I-FAC -/PUNCT/I-FAC "
         "Hawa/PROPN/I-FAC crossing/NOUN", [("Bab al - Hawa", "crossing")]),
        ("Clashes/NOUN near/ADP the/DET Tartus/PROPN/B-ORG base/NOUN",
         [("Tartus", "near base")]),
        ("Flights/NOUN from/ADP Kansas/PROPN/B-GPE City/PROPN/I-GPE resumed/VERB",
         [("Kansas City", None)]),
        ("Fires/NOUN spread/VERB in/ADP Kansas/PROPN/B-GPE state/NOUN", [("Kansas", "province")]),
        # an Indonesian regency (kabupaten) is a second-order division
        ("Mines/NOUN in/ADP Morowali/PROPN/B-GPE regency/NOUN", [("Morowali", "district")]),
        # a plural division word after a list names each item's kind
        ("Floods/NOUN hit/VERB York/PROPN/B-GPE and/CCONJ Cumberland/PROPN/B-GPE counties/NOUN",
         [("York", "district"), ("Cumberland", "district")]),
        # a river word says the name is a river's
        ("Boats/NOUN ply/VERB the/DET Douro/PROPN/B-GPE river/NOUN", [("Douro", "river")]),
        ("Convoys/NOUN moved/VERB between/ADP Baghdad/PROPN/B-GPE and/CCONJ the/DET "
         "Tigris/PROPN/B-LOC river/NOUN", [("Baghdad", None), ("Tigris", "river")]),
        ("Police/NOUN in/ADP the/DET state/NOUN of/ADP Kansas/PROPN/B-GPE",
         [("Kansas", "province")]),
        ("The/DET state/NOUN government/NOUN of/ADP Kansas/PROPN/B-GPE spoke/VERB",
         [("Kansas", "province")]),
        # "the port of Tartus" is the city; a capitalised "Port of" begins a city's own name
        ("Ships/NOUN left/VERB the/DET port/NOUN of/ADP Tartus/PROPN/B-GPE", [("Tartus", "city")]),
        ("Ships/NOUN left/VERB Port/PROPN of/ADP Spain/PROPN/B-GPE", [("Spain", None)]),
        ("Ships/NOUN left/VERB the/DET Port/PROPN of/ADP Beirut/PROPN/B-GPE", [("Beirut", "city")]),
        # Capitalised, "State" names a university or a group, not the state.
        ("Fans/NOUN of/ADP Kansas/PROPN/B-GPE State/PROPN cheered/VERB", [("Kansas", None)]),
        ("Fans/NOUN cheered/VERB Kansas/PROPN/B-ORG State/PROPN/I-ORG", []),
        # "the Idlib city of Saraqeb": the city is the next name; Idlib is where it lies.
        ("Rain/NOUN hit/VERB the/DET Idlib/PROPN/B-GPE city/NOUN of/ADP Homs/PROPN/B-GPE",
         [("Idlib", None), ("Homs", "city")]),
        # A wire dateline names the town the report was filed from; a headline's name does not.
        ("DAMASCUS/PROPN/B-GPE —/PUNCT Shells/NOUN fell/VERB", [("DAMASCUS", "dateline")]),
        ("Shelling/NOUN \n/SPACE HOMS/PROPN/B-GPE ,/PUNCT Syria/PROPN/B-GPE -/PUNCT Shells/NOUN",
         [("HOMS", "dateline"), ("Syria", None)]),
        ("Damascus/PROPN/B-GPE —/PUNCT Shells/NOUN fell/VERB", [("Damascus", None)]),
        ("Rebels/NOUN left/VERB HOMS/PROPN/B-GPE —/PUNCT Shells/NOUN fell/VERB", [("HOMS", None)]),
        # a compass word makes the name an area; a governor governs a province
        ("Snow/NOUN fell/VERB in/ADP northern/ADJ Kansas/PROPN/B-GPE", [("Kansas", "area")]),
        ("Fans/NOUN of/ADP Northern/PROPN Kansas/PROPN/B-GPE cheered/VERB", [("Kansas", None)]),
        ("The/DET Kansas/PROPN/B-GPE governor/NOUN spoke/VERB", [("Kansas", "province")]),
        ("The/DET Kansas/PROPN/B-GPE Gov./PROPN Laura/PROPN spoke/VERB", [("Kansas", "province")]),
    ],
)
def test_feature_hints(
    make_doc: Callable[..., Doc], spec: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(text, hint) for text, _, _, hint in found(tagged(make_doc, spec))] == expected


def test_listing_after_a_place_and_near_hint_does_not_spread(
    make_doc: Callable[..., Doc],
) -> None:
    doc = tagged(make_doc, "Jets/NOUN hit/VERB suburbs/NOUN of/ADP Damascus/PROPN/B-GPE ,/PUNCT "
                           "including/VERB Saqba/PROPN/B-ORG and/CCONJ Hamouria/PROPN/B-PERSON")
    assert found(doc) == [("Damascus", "toponym", "GPE", "near"),
                          ("Saqba", "toponym", "ORG", None),
                          ("Hamouria", "toponym", "PERSON", None)]


def test_unlabelled_known_proper_noun_needs_a_locative_context(
    make_doc: Callable[..., Doc],
) -> None:
    doc = tagged(make_doc, "Police/PROPN said/VERB shells/NOUN hit/VERB Jobar/PROPN "
                           "and/CCONJ fell/VERB on/ADP Saqba/PROPN ./PUNCT")
    assert found(doc) == [("Saqba", "toponym", "gazetteer", None)]


@pytest.mark.parametrize(
    "spec",
    [
        # an actor that shares a name with a village, modifying a noun
        "Jets/NOUN struck/VERB on/ADP Taliban/PROPN/B-ORG positions/NOUN",
        # a person after a weak preposition
        "A/DET letter/NOUN from/ADP Kerry/PROPN/B-PERSON arrived/VERB",
        # a title marks a person even when NER says GPE
        "President/PROPN Homs/PROPN/B-GPE spoke/VERB",
        # a demonym opening an organisation's name
        "The/DET Syrian/PROPN/B-NORP Observatory/PROPN/B-ORG for/ADP/I-ORG Human/PROPN/I-ORG "
        "Rights/PROPN/I-ORG said/VERB",
        # not a name at all
        "At/ADP least/ADJ 13/NUM/B-GPE died/VERB",
    ],
)
def test_non_toponyms_are_filtered(make_doc: Callable[..., Doc], spec: str) -> None:
    assert found(tagged(make_doc, spec), is_demonym=is_demonym) == []


def test_demonyms_and_adjectival_country_names(vocab) -> None:  # noqa: ANN001
    words = ["Turkish", "and", "US", "-", "led", "forces", "met", "Sunni", "leaders", "and",
             "Moscow", "officials", "in", "Idlib"]
    spaces = [True, True, False, False, True, True, True, True, True, True, True, True, True,
              False]
    doc = Doc(vocab, words=words, spaces=spaces,
              pos=["ADJ", "CCONJ", "PROPN", "PUNCT", "VERB", "NOUN", "VERB", "ADJ", "NOUN",
                   "CCONJ", "PROPN", "NOUN", "ADP", "PROPN"],
              ents=["B-NORP", "O", "B-GPE", "O", "O", "O", "O", "B-NORP", "O", "O", "B-GPE",
                    "O", "O", "B-GPE"])
    assert doc.text.startswith("Turkish and US-led forces")
    assert found(doc, is_demonym=is_demonym) == [
        ("Turkish", "demonym", "NORP", None),
        ("US", "demonym", "GPE", None),
        ("Moscow", "demonym", "GPE", None),
        ("Idlib", "toponym", "GPE", None),
    ]
    # Without a demonym test every NORP that is not a known place is kept as a demonym.
    assert ("Sunni", "demonym", "NORP", None) in found(doc)


def test_known_norp_without_place_context_stays_a_demonym(make_doc: Callable[..., Doc]) -> None:
    doc = tagged(make_doc, "Syrian/ADJ/B-NORP jets/NOUN flew/VERB")
    assert found(doc) == [("Syrian", "demonym", "NORP", None)]


def test_offsets_and_sentence_indices(make_doc: Callable[..., Doc]) -> None:
    words = ["Clashes", "hit", "Idlib", ".", "Jets", "struck", "near", "Douma", "."]
    doc = make_doc(
        words,
        pos=["NOUN", "VERB", "PROPN", "PUNCT", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
        sent_starts=[True, False, False, False, True, False, False, False, False],
    )
    mentions = extract_places(doc, known)
    assert [(m.span.text, m.sentence) for m in mentions] == [("Idlib", 0), ("Douma", 1)]
    for m in mentions:
        assert doc.text[m.span.start:m.span.end] == m.span.text
        assert isinstance(m, PlaceMention)


def test_doc_without_sentences_or_entities(make_doc: Callable[..., Doc]) -> None:
    assert extract_places(make_doc(["nothing", "here"]), known) == []


# --------------------------------------------------------------------------- real parses


@pytest.mark.model
def test_real_parses(nlp) -> None:  # noqa: ANN001 - spaCy Language
    text = (
        "Overnight drone strikes targeted the Khmeimim and Tartus bases, a monitor said.\n"
        "Government aircraft bombed Saqba and Hamouria in the Eastern Ghouta on Tuesday, "
        "while Turkish artillery shelled villages outside Afrin.\n"
        "The US-led coalition reported strikes in Deir ez-Zor province."
    )
    doc = nlp(text)
    names = {"khmeimim", "tartus", "saqba", "hamouria", "eastern ghouta", "afrin",
             "deir ez-zor", "us"}
    mentions = extract_places(doc, lambda n: n.casefold() in names,
                              is_demonym=lambda w: w.casefold() in {"turkish", "us"})
    got = {m.span.text: (m.kind, m.feature_hint, m.sentence) for m in mentions}
    assert got["Khmeimim"] == ("toponym", "base", 0)
    assert got["Tartus"] == ("toponym", "base", 0)
    assert got["Saqba"][:2] == ("toponym", None) and got["Saqba"][2] == 1
    assert got["Hamouria"][0] == "toponym"  # labelled PRODUCT by the small model
    assert got["Afrin"] == ("toponym", "near", 1)
    assert got["Turkish"][0] == "demonym"
    assert got["US"][0] == "demonym"
    assert got["Deir ez-Zor"] == ("toponym", "province", 2)
    for m in mentions:
        assert text[m.span.start:m.span.end] == m.span.text


def test_a_place_after_a_comma_qualifies_the_one_before(make_doc: Callable[..., Doc]) -> None:
    doc = tagged(make_doc, "Floods/NOUN hit/VERB Homs/PROPN/B-GPE ,/PUNCT Syria/PROPN/B-GPE "
                           "and/CCONJ Idlib/PROPN/B-GPE ,/PUNCT Damascus/PROPN/B-GPE ,/PUNCT "
                           "Douma/PROPN/B-GPE")
    qualifiers = [(m.span.text, m.qualifier) for m in extract_places(doc, known)]
    # "Homs, Syria" is a place and its country. Every name after a comma may qualify the one
    # before ("Toronto, Ontario, Canada"); resolution reads "Idlib, Damascus, Douma" as a list,
    # Idlib being a province that does not lie in Damascus, and Douma being no region at all.
    assert qualifiers == [("Homs", "Syria"), ("Syria", None), ("Idlib", "Damascus"),
                          ("Damascus", "Douma"), ("Douma", None)]


def test_a_city_before_a_role_noun_stays_a_place(make_doc: Callable[..., Doc]) -> None:
    doc = tagged(make_doc, "Homs/PROPN/B-GPE police/NOUN and/CCONJ Moscow/PROPN/B-GPE "
                           "officials/NOUN met/VERB")
    assert [(m.span.text, m.kind) for m in extract_places(doc, known, is_demonym=is_demonym)] == [
        ("Homs", "toponym"), ("Moscow", "demonym")
    ]


def test_place_mentions_at_given_spans_keep_what_extraction_found(make_doc: Callable[..., Doc]) -> None:
    doc = tagged(make_doc, "Syrian/ADJ/B-NORP jets/NOUN hit/VERB Saqba/PROPN/B-PERSON near/ADP "
                           "Damascus/PROPN/B-GPE")
    found_mentions = extract_places(doc, known, is_demonym=is_demonym)
    spans = [(doc.text.index(w), doc.text.index(w) + len(w)) for w in ("Damascus", "Syrian", "Saqba", "jets")]
    given = place_mentions_at(doc, spans, found_mentions)
    assert [(m.span.text, m.kind, m.label) for m in given] == [
        ("Damascus", "toponym", "given"),  # found as GPE: the caller vouches for it either way
        ("Syrian", "demonym", "NORP"),  # a demonym stays one
        ("Saqba", "toponym", "given"),  # not found (PERSON, no context): built from the span
        ("jets", "toponym", "given"),
    ]
    assert given[0].feature_hint == "near"
