"""Which place a toponym lies in, read off the text between it and its neighbour.

"Springfield, Illinois" and "Paris, Texas": a toponym right after another and a comma, or
another in brackets ("Hamilton (Ontario)"), is the region the first lies in. So is a place the
text puts a toponym in ("Foua in Idlib", "the Gondra district of Uttar Pradesh"), and a site
or natural feature (`site_kind`) is also qualified past its head words or by a possessive:
"Qamishli National Hospital in Hasaka", "London's Wembley Stadium".
Resolution uses the qualifier to choose among namesakes and to place sites the gazetteer lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.data.place_words import site_kind, site_words
from eventwire.records import PlaceMention

__all__ = ["may_qualify", "with_qualifiers"]


def may_qualify(mentions: Sequence[PlaceMention]) -> bool:
    """Whether any two neighbouring mentions are close enough for one to qualify the other."""
    return any(
        b.span.start - a.span.end <= _CONTAINER_GAP for a, b in zip(mentions, mentions[1:], strict=False)
    )


def with_qualifiers(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Set `qualifier` where a toponym follows another after a comma ("Springfield, Illinois",
    "Paris, Texas"): the second is the region the first lies in; so is a place the text puts
    a toponym in ("Foua and Kfraya in Idlib", "Wedza district, Mashonaland East"). A site or
    natural feature (`site_kind`) is also qualified by the place the text puts it in:
    "Qamishli National Hospital in Hasaka", "Bagram Air Base near Kabul", "London's Wembley
    Stadium"."""
    out = list(mentions)
    for i, (mention, following) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if mention.kind != "toponym" or following.kind != "toponym":
            continue
        gap = text[mention.span.end : following.span.start]
        # Every name after a comma may qualify the one before, in chains ("Toronto, Ontario,
        # Canada") and lists alike: resolution uses a qualifier only where it is a province or
        # country that holds a reading of the name ("Iraq, Syria, Iran" is a list; see
        # resolve.places.ranking._is_list_item).
        if gap in {", ", ","}:
            out[i] = replace(mention, qualifier=following.span.text)
        elif gap in {" (", "("} and text[following.span.end : following.span.end + 1] == ")":
            # "The Hamilton (Ontario) Spectator", "Kingston (Jamaica)": the region in brackets
            out[i] = replace(mention, qualifier=following.span.text)
        elif (
            _is_container_gap(gap, following.label)
            and site_kind(mention.span.text) in _SITE_KINDS
            and out[i].qualifier is None  # "London's Wembley Stadium in ...": the first holds
        ):
            out[i] = replace(mention, qualifier=following.span.text)
        elif (
            (_is_division_gap(gap) or _is_bearing_gap(gap))
            and out[i].qualifier is None
            and following.label in _HOLDER_LABELS
            and mention.span.text[:1].isalnum()
        ):
            # "the village of Foua in Idlib", "Kayseri in Turkey", "the Gondra district of Uttar
            # Pradesh", "Wedza district, Mashonaland East province": any place the text puts in
            # another, or beside it ("Wadi Barada valley northwest of Damascus"). Resolution
            # uses it only where it is a province or country ("the role of Russia in Syria"
            # qualifies nothing), or to place a site the gazetteer lacks.
            out[i] = replace(mention, qualifier=following.span.text)
        elif (
            gap.strip() in {"'s", "’s"}
            and (site_kind(following.span.text) in _SITE_KINDS or mention.label in _HOLDER_LABELS)
            and out[i + 1].qualifier is None
        ):
            # "London's Wembley Stadium"; a place's place: "Vietnam's Central Highlands",
            # "Florida's Big Bend" (resolution uses it where it holds a reading of the name)
            out[i + 1] = replace(following, qualifier=mention.span.text)
    # "Foua and Kfraya in Idlib": the place that holds the last of a pair holds the first, unless
    # the first holds a place itself ("Dallas in Texas and Houston in Louisiana").
    for i in range(len(out) - 2, -1, -1):
        mention, following = out[i], out[i + 1]
        holds = i > 0 and _is_division_gap(text[out[i - 1].span.end : mention.span.start])
        if (
            mention.kind == "toponym"
            and mention.qualifier is None
            and following.qualifier is not None
            and not holds
            and text[mention.span.end : following.span.start].casefold() == " and "
            and text[following.span.end : following.span.end + 4].casefold() == " in "
        ):
            out[i] = replace(mention, qualifier=following.qualifier)
    return out


#: The names a container qualifies (a polity, "the Soviet Union", is no site in a town).
_SITE_KINDS = frozenset({"site", "street", "natural"})
#: Words between a site and the place that holds it ("X Hospital in Y", "X campus in Y"), and
#: the longest such gap in characters (" penitentiary outside ").
_CONTAINER_WORDS = frozenset({"in", "at", "near", "outside", "of"})
_CONTAINER_GAP = max(map(len, _CONTAINER_WORDS)) + max(map(len, site_words().sites)) + 3


#: Labels of a name that may hold another: one NER or the caller called a place ("Jabal Hayyan
#: in the Western parts of Palmyra" is not in a place called Western).
_HOLDER_LABELS = frozenset({"GPE", "LOC", "given"})
#: The kinds of place a name can be followed by before the place that holds it ("the Gondra
#: district of Uttar Pradesh", "Abu Shok refugee camp in Al-Fashir").
_DIVISION_WORDS = frozenset(
    {"province", "governorate", "state", "region", "district", "county", "municipality",
     "prefecture", "regency", "city", "town", "village", "area", "camp", "refugee"}
)


def _is_division_gap(gap: str) -> bool:
    """" in ", " district of ", " province, ", " refugee camp in the ": what puts a place in
    another (a bare comma is handled as a qualifier of its own)."""
    words = gap.casefold().replace(",", " ,").split()
    if words and words[-1] == "the":
        words.pop()
    if not words or words[-1] not in {"in", "of", ","}:
        return False
    heads = words[:-1]
    return (words[-1] == "in" or bool(heads)) and len(heads) <= 2 and all(w in _DIVISION_WORDS for w in heads)


#: Bearings that put a place beside another ("northwest of Damascus", "20 km south of Aleppo").
_BEARINGS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east"
    " south-west".split()
)
_DISTANCE_UNITS = frozenset({"km", "kilometers", "kilometres", "miles", "mi"})


def _is_bearing_gap(gap: str) -> bool:
    """" valley northwest of ", " village, 20 km south of ": a bearing from the next place, after
    one feature or division word and perhaps a distance."""
    words = gap.casefold().replace(",", " ").split()
    if len(words) < 2 or words[-1] != "of" or words[-2] not in _BEARINGS:
        return False
    before = words[:-2]
    if len(before) >= 2 and before[-1] in _DISTANCE_UNITS and before[-2].replace(".", "", 1).isdigit():
        before = before[:-2]
    # Only after a feature or division word: a bearing puts a place beside another, not in it, so
    # a bare "X north of Aleppo" says nothing of X's province; "the X valley northwest of Damascus"
    # places a feature the gazetteer may lack.
    return len(before) == 1 and (before[0] in _DIVISION_WORDS or before[0] in site_words().natural)


def _is_container_gap(gap: str, holder_label: str) -> bool:
    """" in ", or a site's head then " in " ("Universidad de Los Andes campus in Tachira"); an
    aside or "the" too ("The Grand Ethiopian Renaissance Dam, in the Benishangul-Gumuz region")
    before a name NER or the caller called a place ("Al-Shifa Hospital in the Hamas stronghold"
    is in no place called Hamas)."""
    words = gap.casefold().replace(",", " , ").split()
    aside = words[-1:] == ["the"] or words[:1] == [","]
    if aside and holder_label not in _HOLDER_LABELS:
        return False
    if words[-1:] == ["the"]:
        words.pop()
    if words[:1] == [","]:
        words.pop(0)
    return bool(words) and words[-1] in _CONTAINER_WORDS and (
        len(words) == 1 or (len(words) == 2 and words[0] in site_words().sites)
    )

