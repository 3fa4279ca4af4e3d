"""Actor phrases split into words and folded to the keys the dictionary matches on."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Case modes of a pattern word (see the actors.tsv header).
_ANY, _CAPITAL, _EXACT = 0, 1, 2

# A dotted abbreviation (U.S., U.N.), a word (letters/digits, inner apostrophes: Qa'ida), or
# punctuation that matters for phrase structure. Hyphens separate words and are dropped.
_TOKEN_RE: Final = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*|[,;:()\[\]]")


# Memoises a pure function of its argument, not data.
@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case without accents, one apostrophe: the key that words are matched on."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word)
                       if not unicodedata.combining(c)).replace("’", "'")
    return word.casefold()


def _tokenize(text: str) -> list[str]:
    words: list[str] = []
    for word in _TOKEN_RE.findall(text):
        # A possessive is its own word: "Russia's army" is Russia + 's + army.
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            words.append(word[:-2])
            words.append("'s")
        else:
            words.append(word)
    return words


def _mode(word: str) -> int:
    if not any(c.isupper() for c in word):
        return _ANY
    if word[0].isupper() and not any(c.isupper() for c in word[1:]):
        return _CAPITAL
    return _EXACT  # ALL CAPS or inner capitals (US, IS, U.S., MoD, LeT)
