"""`ActorDictionary`: dictionary rows compiled into one word trie, and the coding of a phrase."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from eventwire.config import ActorsConfig
from eventwire.errors import ResourceError
from eventwire.resolve.actors.loading import (
    ActorRow,
    _bundled_rows,
    _cell,
    _check_row,
    _country_rows,
    _user_rows,
)
from eventwire.resolve.actors.words import _ANY, _CAPITAL, _EXACT, _fold, _mode, _tokenize

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

# Kinds that only qualify the words next to them and never name an actor themselves.
_MODIFIER_KINDS: Final = frozenset({"patron_suffix", "patron_prefix", "seat_suffix"})

# Words between an organisation and a country that make the country the head: "NATO-member Norway".
_MEMBER_WORDS: Final = frozenset({"member", "members", "state", "states", "country", "countries"})

# Words that may stand beside a bare country name without making it more than the state
# ("the US", "Russia's", "Turkey, Russia and Iran").
_FILLER_WORDS: Final = frozenset({"the", "a", "an", "'s", "and", "or", "both", ",", "its",
                                  "their", "(", ")"})


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
    furniture: bool = False  # holds a scraped page's navigation words: no actor at all


def _entry(words: Sequence[str], row: ActorRow) -> _Entry:
    modes = tuple(_mode(w) for w in words)
    return _Entry(row.country, row.sector, row.kind, tuple(words),
                  None if not any(modes) else modes, row.terms)


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
        #: Single words that mark the seat of an office ("Britain-based", "based in").
        self.seat_words: frozenset[str] = frozenset(
            key[0] for key, entries in table.items()
            if len(key) == 1 and any(e.kind == "seat_suffix" for e in entries))
        #: Single words after which a name is a patron or a seat, not the actor ("US-backed").
        self.qualifier_suffixes: frozenset[str] = self.seat_words | frozenset(
            key[0] for key, entries in table.items()
            if len(key) == 1 and any(e.kind == "patron_suffix" for e in entries))
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
        if any(m.entry.kind == "furniture" for m in matches):
            return _Coding(None, None, False, furniture=True)

        # 2. Patrons: "Turkish-backed", "pro-Russian" name a sponsor, not the actor. An ethnic
        # demonym names a people, not a state: "ethnic Albanians" in Serbia are coded by where
        # they live (a place in the phrase, else the story's country: see resolve_actors).
        dropped = {k for k, m in enumerate(matches)
                   if m.entry.kind == "country" and m.start > 0 and folded[m.start - 1] == "ethnic"}
        prenominal_seats: set[int] = set()
        for k, m in enumerate(matches):
            # "NATO-member Norway", "EU member state Poland": the head noun is the country; the
            # organisation only says what it belongs to.
            if (m.entry.kind == "country" and k >= 2 and folded[m.start - 1] in _MEMBER_WORDS
                    and matches[k - 1].end == m.start and matches[k - 2].end == matches[k - 1].start
                    and matches[k - 2].entry.sector == "IGO"):
                dropped.update((k - 2, k - 1))
            if m.entry.kind == "patron_suffix" and k > 0 and matches[k - 1].end == m.start:
                dropped.add(k - 1)
            elif (m.entry.kind == "seat_suffix" and k > 0 and matches[k - 1].end == m.start
                  and matches[k - 1].entry.kind == "country"):
                # "the Britain-based monitor": the country is where its office is.
                dropped.add(k - 1)
                prenominal_seats.add(m.start)
            elif (m.entry.kind == "patron_prefix" and k + 1 < len(matches)
                  and matches[k + 1].start == m.end):
                dropped.add(k + 1)
        actors = [m for k, m in enumerate(matches)
                  if k not in dropped and m.entry.kind not in _MODIFIER_KINDS]
        if not actors:
            return _Coding(None, None, bool(dropped) and "ethnic" in folded)

        # 3. Head zone and tail.
        covered = {t for m in matches for t in range(m.start, m.end)}
        # After its noun, a seat word ends the phrase: "a monitor *based in Britain*" is not
        # British, and what follows describes the office, not the actor.
        seats = {m.start for m in matches if m.entry.kind == "seat_suffix"} - prenominal_seats
        head_end, tail_end = len(folded), len(folded)
        for t, word in enumerate(folded):
            if t in covered and t not in seats:
                continue
            if word in _LINKING_WORDS or word in _STOP_WORDS or t in seats:
                head_end = t
                if word in _STOP_WORDS or t in seats:
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
              and all(t in covered or folded[t] in _FILLER_WORDS for t in range(head_end))
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
