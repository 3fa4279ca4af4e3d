"""Place names as index keys: `normalize_toponym`, and which names of a place get indexed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

# Apostrophe-like marks (ayn and hamza transliterations, quotes) and dots vanish, so that
# "Dar'a", "Dar`a", "Dar‘a" and "Dara" meet, and so do "U.S." and "US". Letters that NFKD does
# not split into a base letter and a combining mark are folded by hand.
_FOLD = str.maketrans(
    {**dict.fromkeys("'`´ʹʻʼʽʾʿˀˁ‘’‚‛′″.", ""),
     "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ß": "ss", "þ": "th",
     "æ": "ae", "œ": "oe"}
)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Anything else that is not a Latin letter or digit separates words (hyphens, commas, and
# letters of other scripts, which the Latin-script index does not hold).
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# The Arabic article in its usual romanisations, with sun-letter assimilation (ad-, ar-, as-,
# ash-, at-, az- ...) and French/Levantine (el-, ed-, es-, esh- ...) spellings. News writes the
# same place with or without it ("Al-Raqqah", "Raqqa"), so the key drops it.
_ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "adh", "ath", "an", "en", "ar", "er", "as", "es", "ash",
     "esh", "at", "et", "az", "ez"}
)
# Spelling variation that romanisations of Arabic, Persian and Turkic names commonly show. The
# rewrites apply to the indexed names and to the query alike, so all they lose is the few
# distinctions they erase (rarely between two real places; ranking then separates them).
# Each rewrite is (needle, pattern, replacement): it runs only when the needle occurs in the
# text (a cheap test that keeps building the index fast), and a rewrite without a pattern is a
# plain substring replacement.
_GEMINATION = ("", re.compile(r"([a-z])\1+"), "")  # Raqqa/Raqa, Darayya/Daraya (see below)

_REWRITES: tuple[tuple[str, re.Pattern[str] | None, str], ...] = (
    # Slavic adjectival endings -yi/-iy/-yy/-ij: Kryvyi Rih/Kryvyy Rih, Khmelnytskyi/-skyy.
    ("y", re.compile(r"(?:yi|iy|yy)\b"), "i"),
    ("ij", re.compile(r"ij\b"), "i"),
    _GEMINATION,  # early too, so that Darayya's yy is one y before the diphthong rule
    # Russian transcriptions write Arabic and Ukrainian h as kh, which before a consonant is
    # never an English kh-word: Khmeimim/Hmeimim. Before a vowel kh stays (Khan is not Han).
    ("kh", re.compile(r"\bkh(?=[b-df-hj-np-tv-z])"), "h"),
    ("ye", re.compile(r"\bye"), "e"),  # Russian/Ukrainian initial Ye/E: Yerevan/Erevan
    ("dzh", None, "j"),  # Russian dzh: Dzhankoi/Jankoi
    ("dj", re.compile(r"\bdj"), "j"),  # French dj: Djibouti/Jibouti
    ("tch", None, "ch"),  # French tch: Tchad/Chad
    # y as a glide after a consonant: Zaporizhzhya/Zaporizhzhia, Luhanskaya/Luhanskaia.
    ("y", re.compile(r"(?<=[b-df-hj-np-tv-xz])y(?=[aeou])"), "i"),
    ("ou", None, "u"),  # French transcription: Douma/Duma, Tartous/Tartus
    ("q", None, "k"),  # qaf: Qamishli/Kamishli, Iraq/Irak
    ("", re.compile(r"[ae][iy]"), "ei"),  # diphthong: Shaykh/Sheikh, Dayr/Deir, Hmeymim/Hmeimim
    _GEMINATION,
    ("h", re.compile(r"(?<=[a-z]{2})[ae]h\b"), "a"),  # ta marbuta: Raqqah/Raqqa, Jableh/Jablah
)


def normalize_toponym(name: str) -> str:
    """A lookup key under which common spelling variants of a place name meet.

    Casefolds, strips diacritics, drops apostrophes and dots, turns other punctuation into
    spaces, drops a leading "the" and Arabic articles (unless nothing else is left), and then
    evens out common romanisation variants (see ``_REWRITES``). "Khān Shaykhūn", "Khan
    Sheikhoun" -> "khan sheikhun"; "Al-Raqqah", "Raqqa" -> "raka"; "Dūmā", "Douma" -> "duma".
    Russian/Ukrainian variants meet too: "Khmeimim"/"Hmeimim", "Kryvyi Rih"/"Kryvyy Rih",
    "Zaporizhzhya"/"Zaporizhzhia". Wholly different spellings (Kyiv/Kiev, Kharkiv/Kharkov) are
    left to GeoNames' alternate names. Names in other scripts give "" (the index is Latin-script
    only).
    """
    text = spelled_toponym(name)
    for needle, pattern, replacement in _REWRITES:
        if needle in text:
            if pattern is None:
                text = text.replace(needle, replacement)
            elif replacement:
                text = pattern.sub(replacement, text)
            elif pattern.search(text):  # gemination: keep the first letter of each run
                text = pattern.sub(_first_group, text)
    return text


def spelled_toponym(name: str) -> str:
    """The name as written, folded but without the romanisation rewrites of
    `normalize_toponym`: casefolded, without diacritics, apostrophes, dots, a leading "the" or
    Arabic articles. "Sāmarrā’" and "Samarra" give "samarra", where the lookup key of both and
    of "Samara" is "samara"."""
    text = name.casefold().translate(_FOLD)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    words = _NON_ALNUM.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join([w for w in words if w not in _ARTICLES] or words)  # a town "As" stays "as"


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def _keys(names: Iterable[str], memo: dict[str, str] | None = None) -> set[str]:
    """Index keys of names; names that leave no Latin-script key are not indexed."""
    keys = set()
    for name in names:
        key = memo.get(name) if memo is not None else None
        if key is None:
            key = normalize_toponym(name)
            if memo is not None:
                memo[name] = key
        if key and key.isascii():
            keys.add(key)
    return keys


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _geonames_alternates(names: Iterable[str]) -> Iterator[str]:
    """GeoNames alternate names worth indexing for English news.

    Skipped: names in other scripts (the index is Latin-script), all-capital words of up to 4
    letters (IATA/ICAO codes such as "DAM" for Damascus, which would make "dam" a toponym) and
    names without any capital letter (consonant skeletons and pinyin such as "dmshq" or
    "suo qi", which news never writes).
    """
    for name in names:
        if name == name.lower() or (len(name) <= 4 and name.isupper()):
            continue
        if _LATIN_LETTER.search(name):
            yield name
