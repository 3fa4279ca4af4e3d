"""What the words around a place name say about it: how strongly they make it a place ("in",
"near", "from"), whether they put something near it rather than in it ("the outskirts of X", "5 km
from X"), and the kind of place a feature word names ("X province", "the town of X", "X river").
Read by `extract.places` for each chain of coordinated names; small closed classes of English
function words and feature nouns, general, not tied to a text."""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: Feature phrases after (or, with "of", before) a name, longest first, and the hint they give.
_FEATURE_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("air", "force", "base"), "base"),
    (("naval", "air", "station"), "base"),
    (("air", "base"), "base"),
    (("air", "bases"), "base"),
    (("military", "base"), "base"),
    (("military", "bases"), "base"),
    (("military", "airport"), "base"),
    (("military", "airbase"), "base"),
    (("naval", "base"), "naval base"),
    (("naval", "bases"), "naval base"),
    (("naval", "facility"), "naval base"),
    (("naval", "station"), "naval base"),
    (("border", "crossing"), "crossing"),
    (("crossing", "point"), "crossing"),
    (("airbase",), "base"),
    (("airbases",), "base"),
    (("airfield",), "base"),
    (("base",), "base"),
    (("bases",), "base"),
    (("garrison",), "base"),
    (("airport",), "airport"),
    (("crossing",), "crossing"),
    (("province",), "province"),
    (("provinces",), "province"),
    (("governorate",), "province"),
    (("governorates",), "province"),
    (("oblast",), "province"),
    (("region",), "province"),
    # "Washington state", "Borno state": a state is a first-order division (US, India,
    # Nigeria, Myanmar ...), never the town of the same name. Lower case only (see below).
    (("state",), "province"),
    (("district",), "district"),
    (("districts",), "district"),
    (("county",), "district"),
    (("counties",), "district"),  # "York and Cumberland counties": each name is a county
    (("regency",), "district"),  # Indonesia's kabupaten: "Morowali regency"
    (("regencies",), "district"),
    # "the Douro river": a river, never the town or village of that name
    (("river",), "river"),
    (("rivers",), "river"),
    (("city",), "city"),
    (("port",), "city"),
    (("town",), "city"),
    (("village",), "city"),
    (("countryside",), "near"),
    # a governor or a legislature governs a first-order division: "New York Gov. Cuomo", "the
    # Aleppo governor", "the Texas legislature"
    (("governor",), "province"),
    (("gov.",), "province"),
    (("legislature",), "province"),
    (("outskirts",), "near"),
)
#: A compass word before a name makes it an area, not a point ("northern New York" is the state,
#: "southern Idlib" the province): "central" is left out ("central Baghdad" is the city's centre).
_DIRECTIONS = frozenset(
    "northern southern eastern western northeastern northwestern southeastern southwestern upstate".split()
)
#: Feature words that give their hint only in lower case: "Ohio State", "Penn State" and
#: "Islamic State" are a university, a team or a group, "Washington state" is the state.
_LOWERCASE_ONLY = frozenset({("state",)})
_FEATURE_FIRST_WORDS = frozenset(phrase[0] for phrase, _ in _FEATURE_PHRASES)
_FEATURE_LAST_WORDS = frozenset(phrase[-1] for phrase, _ in _FEATURE_PHRASES)
#: "the province of Idlib", "the town of Saqba": feature noun + "of" before a name.
_FEATURE_BEFORE_OF = {
    "province": "province",
    "governorate": "province",
    "region": "province",
    "state": "province",  # "the state of Washington"
    "district": "district",
    "city": "city",
    "town": "city",
    "village": "city",
    "port": "city",
}
#: "the state government of X", "the provincial government of X": X is a first-order division.
_GOVERNED_DIVISIONS = frozenset({"state", "provincial", "regional"})
#: Prepositions that make a following known name a place even when NER labelled it otherwise.
_STRONG_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "around", "inside", "into", "toward", "towards", "across",
     "throughout", "within", "nearby", "between"}
)
#: Weaker locative cues: enough for a known name that NER labelled NORP/ORG or missed, not for
#: one it labelled PERSON ("a letter from Putin"). "to" and "against" are left out: they take
#: actors as often as places ("weapons to Hamas", "raids against the Taliban").
_WEAK_PREPOSITIONS = frozenset(
    {"from", "on", "over", "through", "via", "off"}
)
#: "suburbs of Damascus, including Saqba": a name listed after a place is one too.
_LISTING = frozenset({"including", "like"})
#: "near X", "outside X", "around X".
_NEAR_WORDS = frozenset({"near", "nearby", "outside", "around"})
#: "<noun> of X" and "<noun> from X" that place an event near X rather than in it.
_NEAR_NOUNS = frozenset(
    {"outskirts", "suburbs", "suburb", "vicinity", "edge", "edges", "countryside", "environs",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west", "outside", "close", "periphery"}
)
_DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "mi", "mile", "miles",
     "metres", "meters", "m"}
)
#: Modifiers skipped when looking for the preposition before a name ("in the rebel-held ...").
_SKIPPABLE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "-", "'s", "’s"})


def context_before(doc: Doc, start: int) -> tuple[str, bool, str | None]:
    """(locative strength, whether it says "near", feature hint) from the words before a name."""
    i = start - 1
    steps = 0
    while i >= 0 and steps < 5 and _skippable(doc[i]):
        i -= 1
        steps += 1
    if i < 0:
        return "none", False, None
    word = doc[i].lower_
    prev = doc[i - 1].lower_ if i > 0 else ""
    if word in {"of", "from", "to"}:
        if word == "of" and prev in _FEATURE_BEFORE_OF and (
            prev != "port" or doc[i - 1].is_lower or (i > 1 and doc[i - 2].lower_ == "the")
        ):
            # "the port of Tartus", "the Port of Beirut"; "PORT OF SPAIN, Trinidad" is a city's name
            return "strong", False, _FEATURE_BEFORE_OF[prev]
        if word == "of" and prev == "government" and i > 1 and doc[i - 2].lower_ in _GOVERNED_DIVISIONS:
            return "strong", False, "province"  # "the state government of Sao Paulo"
        if prev in _NEAR_NOUNS or (word == "to" and prev == "close"):
            return "strong", True, None
        if any(t.lower_ in _DISTANCE_UNITS or _is_distance(t.text)
               for t in doc[max(0, i - 4):i]):
            return "strong", True, None
        return ("weak" if word in _WEAK_PREPOSITIONS else "none"), False, None
    if word in _LISTING or (word == "as" and prev == "such"):
        return "listing", False, None
    if word in _NEAR_WORDS:
        return "strong", True, None
    if word in _STRONG_PREPOSITIONS:
        return "strong", False, None
    if word in _WEAK_PREPOSITIONS:
        return "weak", False, None
    return "none", False, None


def _skippable(token: Token) -> bool:
    """Determiners and modifiers between a preposition and a name ("in the rebel-held ...")."""
    if token.lower_ in _SKIPPABLE or token.pos_ in {"DET", "ADJ", "NUM"}:
        return True
    doc, i = token.doc, token.i
    if i > 0 and doc[i - 1].text == "-":
        return True  # "rebel-held", "Turkish-backed"
    return i + 1 < len(doc) and doc[i + 1].text in {"-", "'s", "’s"}


def _is_distance(text: str) -> bool:
    """ "50km", "3mi": a number glued to a unit."""
    digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    return bool(digits) and digits.replace(".", "").isdigit() and text[len(digits):] in _DISTANCE_UNITS


def feature_after(doc: Doc, end: int) -> str | None:
    """The hint of the feature phrase right after a name ("Homs province", "the Douro river"),
    if any."""
    if end >= len(doc) or doc[end].lower_ not in _FEATURE_FIRST_WORDS:
        return None
    for phrase, hint in _FEATURE_PHRASES:
        n = len(phrase)
        if end + n <= len(doc) and tuple(t.lower_ for t in doc[end:end + n]) == phrase:
            if phrase in _LOWERCASE_ONLY and not doc[end].is_lower:
                return None
            if hint == "city" and end + n < len(doc) and doc[end + n].lower_ == "of":
                return None  # "the Hunan city of Yueyang": the city is the next name
            return hint
    return None
