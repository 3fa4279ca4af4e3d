"""Leaders with terms of office (data/leaders.tsv) and the phrase rules that came with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import ActorsConfig
from eventwire.errors import ResourceError
from eventwire.records import ActorMention, Span
from eventwire.resolve.actors import ActorDictionary, ActorRow, resolve_actors


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def small() -> ActorDictionary:
    """Two namesakes of different countries, a re-elected leader and an IGO head."""
    return ActorDictionary.from_rows([
        ActorRow("Jan Novak|Novak", "CZE", "GOV", "person", terms=((1990, 1995),)),
        ActorRow("Ana Novak|Novak", "SVN", "GOV", "person", terms=((1993, 1999),)),
        ActorRow("Omar Bello|Bello", "NGA", "GOV", "person", terms=((1980, 1984), (2001, 2005))),
        ActorRow("Lea Stern|Stern", "NOR", "GOV", "person", terms=((2000, 2005),)),
        ActorRow("Lea Stern|Stern", None, "IGO", "person", terms=((2006, 2010),)),
        ActorRow("president", None, "GOV", "local_role"),
    ])


def _mention(text: str) -> ActorMention:
    return ActorMention(span=Span(text, 0, len(text)), sentence=0, head=text.split()[-1])


@pytest.mark.parametrize(("phrase", "year", "expected"), [
    ("Novak", 1991, ("CZE", "GOV")),  # only the Czech Novak is in office
    ("Novak", 1997, ("SVN", "GOV")),
    ("Novak", 1994, (None, None)),  # both in office: a bare surname names neither
    ("Jan Novak", 1994, ("CZE", "GOV")),  # a full name is never ambiguous
    ("Novak", 2010, (None, None)),  # out of office, a bare surname is most likely someone else
    ("former president Novak", 1998, ("CZE", "ELI")),  # ... unless the phrase says "former"
    ("Jan Novak", 2010, ("CZE", "ELI")),  # after the last term: an ex-official
    ("Bello", 2003, ("NGA", "GOV")),  # the second term
    ("Bello", 1990, (None, None)),  # between terms
    ("President Bello", 1990, ("NGA", "GOV")),  # the title says he is meant in office
    ("the Bello government", 1990, ("NGA", "GOV")),
    ("Stern", 2003, ("NOR", "GOV")),
    ("Stern", 2008, (None, "IGO")),  # the same person heading an IGO later
    ("Novak", None, (None, None)),  # undated: two people of different countries
    ("Bello", None, ("NGA", "GOV")),  # undated: everyone is taken as in office
])
def test_terms_date_a_name(small: ActorDictionary, phrase: str, year: int | None,
                           expected: tuple[str | None, str | None]) -> None:
    assert small.code(phrase, year=year) == expected


@pytest.mark.parametrize(("phrase", "year", "expected"), [
    ("President Francois Mitterand", 1990, ("FRA", "GOV")),  # a common misspelling is listed
    ("President Reagan's", 1985, ("USA", "GOV")),
    ("the Bush administration", 1991, ("USA", "GOV")),
    ("former president Carlos Menem", 2001, ("ARG", "ELI")),
    ("former dictator Idi Amin", 1990, ("UGA", "ELI")),
    ("President Omar El Bashir", 1995, ("SDN", "GOV")),
    ("President Abdelaziz Bouteflika", 2000, ("DZA", "GOV")),
    ("King Abdullah", 2010, (None, "GOV")),  # Jordan's and Saudi Arabia's: only the title counts
    ("King Abdullah", 2020, ("JOR", "GOV")),
    ("Arab League Secretary General Amr Moussa", 2005, (None, "IGO")),
    ("Kyrgyz Prime Minister Ivan Petrov", 2000, ("KGZ", "GOV")),  # a demonym title
    ("dos Santos", 2000, ("AGO", "GOV")),  # a surname with a particle is still a surname ...
    ("dos Santos", 2020, (None, None)),  # ... so out of office it names no one
])
def test_bundled_leaders(actors: ActorDictionary, phrase: str, year: int | None,
                         expected: tuple[str | None, str | None]) -> None:
    assert actors.code(phrase, year=year) == expected


def test_a_foreign_leader_keeps_his_country_in_another_story(actors: ActorDictionary) -> None:
    (mitterrand,) = resolve_actors([_mention("President Francois Mitterrand")], actors,
                                   context_country="ZAF", year=1990)
    assert (mitterrand.country, mitterrand.sector) == ("FRA", "GOV")
    (unknown,) = resolve_actors([_mention("President Juma Okello")], actors,
                                context_country="ZAF", year=1990)
    assert unknown.country == "ZAF"  # an unknown name with a bare title is the story's


@pytest.mark.parametrize(("phrase", "expected"), [
    ("NATO-member Norway", ("NOR", "GOV")),  # the head noun is the country
    ("EU member state Poland", ("POL", "GOV")),
    ("NATO members", (None, "IGO")),
    ("the rebel Revolutionary United Front", ("SLE", "REB")),
    ("SPLM/A", ("SDN", "REB")),
    ("the NPFL", ("LBR", "REB")),
    ("Islamic Salvation Front", ("DZA", "REB")),
    ("Kurdistan Workers' Party", ("TUR", "REB")),
    ("Red Cross officials", (None, "IGO")),
    ("Turkish Red Crescent", ("TUR", "NGO")),  # a national society keeps its country
    ("Israel's high court", ("ISR", "JUD")),
    ("Hungarians of northern Serbia", ("SRB", None)),  # a people where it lives
    ("Albanian rebels in Macedonia", ("ALB", "REB")),  # a role keeps its own demonym
    ("Ibo traditional elders", ("NGA", "ELI")),
    ("Association of African Jurists", (None, "NGO")),
])
def test_compound_heads_and_groups(actors: ActorDictionary, phrase: str,
                                   expected: tuple[str | None, str | None]) -> None:
    assert actors.code(phrase) == expected


def test_a_parenthetical_aside_does_not_cut_the_phrase(actors: ActorDictionary) -> None:
    mentions = [_mention("Leaders of the Musavat (Equality) opposition bloc"),
                _mention("Revolutionary United Front (RUF)"), _mention("the rebels (RUF)")]
    coded = resolve_actors(mentions, actors, context_country="AZE")
    assert [(a.country, a.sector) for a in coded] == [("AZE", "OPP"), ("SLE", "REB"),
                                                      ("SLE", "REB")]


def test_user_file_adds_a_dated_leader(tmp_path: Path) -> None:
    user = tmp_path / "leaders.tsv"
    user.write_text("pattern\tcountry\tsector\tkind\tterms\tnote\n"
                    "Tomas Dvorak|Dvorak\tCZE\tGOV\tperson\t2031-2035,2040-\ttwo terms\n", "utf-8")
    merged = ActorDictionary.load(ActorsConfig(user_file=str(user)))
    assert merged.code("Dvorak", year=2033) == ("CZE", "GOV")
    assert merged.code("Dvorak", year=2037) == (None, None)
    assert merged.code("Dvorak", year=2045) == ("CZE", "GOV")  # open term


@pytest.mark.parametrize(("cells", "message"), [
    ("X Y\tCZE\tGOV\tperson\t1995\t", "FIRST-LAST"),
    ("X Y\tCZE\tGOV\tperson\t1999-1990\t", "ends before"),
    ("X Y\tCZE\tGOV\torg\t1990-1995\t", "only a person"),
])
def test_bad_terms_are_reported(tmp_path: Path, cells: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("pattern\tcountry\tsector\tkind\tterms\tnote\n" + cells + "\n", "utf-8")
    with pytest.raises(ResourceError, match=message):
        ActorDictionary.load(ActorsConfig(user_file=str(user)))
