"""The actor dictionary: phrase -> (ISO3 country, PLOVER sector), and resolve_actors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventwire.config import ActorsConfig
from eventwire.errors import ResourceError
from eventwire.records import Actor, ActorMention, Place, Span
from eventwire.resolve.actors import ActorDictionary, ActorRow, resolve_actors, story_country


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _mention(text: str, start: int = 0) -> ActorMention:
    return ActorMention(span=Span(text, start, start + len(text)), sentence=0,
                        head=text.split()[-1])


CASES: list[tuple[str, tuple[str | None, str | None]]] = [
    # the examples of the brief
    ("Kremlin spokesman Dmitry Peskov", ("RUS", "GOV")),
    ("the Turkish military", ("TUR", "MIL")),
    ("Russian warplanes", ("RUS", "MIL")),
    ("Syrian government forces", ("SYR", "MIL")),
    ("pro-government forces", (None, "MIL")),
    ("the Russian defence ministry's newspaper", ("RUS", "MIL")),
    ("rebel groups", (None, "REB")),
    ("Turkey", ("TUR", "GOV")),
    ("Iran", ("IRN", "GOV")),
    ("US", ("USA", "GOV")),
    ("Syrian authorities", ("SYR", "GOV")),
    ("unidentified gunmen", (None, "UAF")),
    ("a man and a child", (None, "CVL")),
    # bare states and country words
    ("the U.S.", ("USA", "GOV")),
    ("the United States", ("USA", "GOV")),
    ("Britain", ("GBR", "GOV")),
    ("U.K.", ("GBR", "GOV")),
    ("Russian Federation", ("RUS", "GOV")),
    ("Syrian Arab Republic", ("SYR", "GOV")),
    ("Russia's", ("RUS", "GOV")),
    ("Turkey, Russia and Iran", ("TUR", "GOV")),
    ("Türkiye", ("TUR", "GOV")),
    ("Congo", ("COD", "GOV")),
    ("Russians", ("RUS", None)),  # a demonym alone is people, not the state
    ("the Syrians", ("SYR", None)),
    ("KREMLIN", ("RUS", "GOV")),
    ("SYRIAN REBELS", ("SYR", "REB")),
    # capitals as metonyms
    ("Moscow", ("RUS", "GOV")),
    ("Washington", ("USA", "GOV")),
    ("Ankara", ("TUR", "GOV")),
    ("Tehran", ("IRN", "GOV")),
    ("Damascus", ("SYR", "GOV")),
    ("Beijing", ("CHN", "GOV")),
    ("Kyiv", ("UKR", "GOV")),
    ("Kiev", ("UKR", "GOV")),
    ("Jerusalem", ("ISR", "GOV")),
    ("New Delhi", ("IND", "GOV")),
    ("Moscow's ministry of defense", ("RUS", "MIL")),
    ("residents of Damascus", ("SYR", "CVL")),
    ("Damascus residents", ("SYR", "CVL")),
    # institutions
    ("the Kremlin", ("RUS", "GOV")),
    ("the Pentagon", ("USA", "MIL")),
    ("White House", ("USA", "GOV")),
    ("the Élysée", ("FRA", "GOV")),
    ("Elysee Palace", ("FRA", "GOV")),
    ("the Knesset", ("ISR", "LEG")),
    ("IDF soldiers", ("ISR", "MIL")),
    ("SANA", ("SYR", "JRN")),
    ("Syrian state media", ("SYR", "JRN")),
    ("the Russian Defence Ministry", ("RUS", "MIL")),
    ("Russian Defence Minister Sergei Shoigu", ("RUS", "MIL")),
    ("the foreign ministry", (None, "GOV")),
    ("Iran's foreign minister Javad Zarif", ("IRN", "GOV")),
    # people
    ("Putin", ("RUS", "GOV")),
    ("Lavrov", ("RUS", "GOV")),
    ("Syrian President Bashar al-Assad", ("SYR", "GOV")),
    ("the Assad government", ("SYR", "GOV")),
    ("Assad's forces", ("SYR", "MIL")),
    ("Erdoğan", ("TUR", "GOV")),
    ("Erdogan", ("TUR", "GOV")),
    ("President Xi", ("CHN", "GOV")),
    ("Netanyahu", ("ISR", "GOV")),
    ("Zelensky", ("UKR", "GOV")),
    ("US Secretary of State John Kerry", ("USA", "GOV")),  # "Kerry" is not Ireland
    # roles with a country
    ("Israeli soldiers", ("ISR", "MIL")),
    ("U.S. troops", ("USA", "MIL")),
    ("Iraqi security forces", ("IRQ", "COP")),
    ("Turkish police", ("TUR", "COP")),
    ("a Syrian man", ("SYR", "CVL")),
    ("French troops", ("FRA", "MIL")),
    ("British officials", ("GBR", "GOV")),
    ("Saudi-led coalition", ("SAU", "MIL")),
    ("the presidents of Turkey, Russia and Iran", ("TUR", "GOV")),
    ("the Syrian army's 4th Division", ("SYR", "MIL")),
    ("forces of the Syrian government", ("SYR", "MIL")),
    ("officials of the government", (None, "GOV")),
    # generic roles
    ("police", (None, "COP")),
    ("security forces", (None, "COP")),
    ("the authorities", (None, "GOV")),
    ("officials", (None, "GOV")),
    ("warplanes", (None, "MIL")),
    ("insurgents", (None, "REB")),
    ("militants", (None, "REB")),
    ("opposition fighters", (None, "REB")),
    ("anti-government forces", (None, "REB")),
    ("armed groups in Idlib", (None, "REB")),
    ("pro-government militias", (None, "MIL")),
    ("civilians", (None, "CVL")),
    ("women and children", (None, "CVL")),
    ("villagers", (None, "CVL")),
    ("protesters", (None, "CVL")),
    ("anti-government protesters", (None, "CVL")),
    ("the opposition", (None, "OPP")),
    ("a journalist", (None, "JRN")),
    ("doctors", (None, "MED")),
    ("medics", (None, "MED")),
    ("refugees", (None, "REF")),
    ("judges", (None, "JUD")),
    ("a court", (None, "JUD")),
    ("parliament", (None, "LEG")),
    ("lawmakers", (None, "LEG")),
    ("spies", (None, "SPY")),
    ("intelligence officials", (None, "SPY")),
    ("clerics", (None, "REL")),
    ("businesses", (None, "BUS")),
    ("smugglers", (None, "CRM")),
    ("gunmen", (None, "UAF")),
    ("unknown assailants", (None, "UAF")),
    # dependents take the sector of the body they belong to
    ("Hamas officials", ("PSE", "REB")),
    ("Hezbollah fighters", ("LBN", "REB")),
    ("Taliban gunmen", ("AFG", "REB")),
    ("a spokesman for the rebels", (None, "REB")),
    ("army spokesman", (None, "MIL")),
    ("UN officials", (None, "IGO")),
    ("pro-government media", (None, "JRN")),
    # patrons are not the actor
    ("Turkish-backed rebels", (None, "REB")),
    ("Russian-backed Syrian government forces", ("SYR", "MIL")),
    ("Iranian-backed militias", (None, "REB")),
    ("US-backed SDF", ("SYR", "REB")),
    ("pro-Russian separatists", (None, "REB")),
    ("the US-led coalition", ("USA", "MIL")),
    # armed groups and their aliases
    ("HTS", ("SYR", "REB")),
    ("Hayat Tahrir al-Sham", ("SYR", "REB")),
    ("Hayat Tahrir al-Sham (HTS)", ("SYR", "REB")),
    ("Tahrir al-Sham", ("SYR", "REB")),
    ("the Nusra Front, an al-Qaeda affiliate", ("SYR", "REB")),
    ("Jabhat al-Nusra", ("SYR", "REB")),
    ("Islamic State", (None, "REB")),
    ("ISIS", (None, "REB")),
    ("ISIL", (None, "REB")),
    ("IS fighters", (None, "REB")),
    ("Daesh", (None, "REB")),
    ("al-Qaeda", (None, "REB")),
    ("Al Qaeda", (None, "REB")),
    ("Iraqi al-Qaeda", ("IRQ", "REB")),
    ("AQAP", ("YEM", "REB")),
    ("the SDF", ("SYR", "REB")),
    ("YPG", ("SYR", "REB")),
    ("the PKK", ("TUR", "REB")),
    ("the Free Syrian Army", ("SYR", "REB")),
    ("FSA", ("SYR", "REB")),
    ("Hezbollah", ("LBN", "REB")),
    ("Hamas", ("PSE", "REB")),
    ("Islamic Jihad", ("PSE", "REB")),
    ("the Houthis", ("YEM", "REB")),
    ("Ansar Allah", ("YEM", "REB")),
    ("the Taliban", ("AFG", "REB")),
    ("Pakistani Taliban", ("PAK", "REB")),
    ("TTP", ("PAK", "REB")),
    ("al-Shabaab militants", ("SOM", "REB")),
    ("Boko Haram", ("NGA", "REB")),
    ("ISWAP", ("NGA", "REB")),
    ("Wagner Group mercenaries", ("RUS", "MIL")),
    ("Kurdish forces", (None, "REB")),
    ("Syrian Kurdish forces", ("SYR", "REB")),
    # NGOs and IGOs: an organisation beats the country word inside it
    ("Syrian Observatory for Human Rights", ("SYR", "NGO")),
    ("The Britain-based Syrian Observatory for Human Rights", ("SYR", "NGO")),
    ("the head of the Syrian Observatory for Human Rights", ("SYR", "NGO")),
    ("the ICRC", (None, "IGO")),  # CAMEO codes the Red Cross with the IGOs
    ("Turkish Red Crescent", ("TUR", "NGO")),
    ("Human Rights Watch", (None, "NGO")),
    ("the United Nations", (None, "IGO")),
    ("U.N. Security Council", (None, "IGO")),
    ("NATO", (None, "IGO")),
    ("the EU", (None, "IGO")),
    # unknown and near misses
    ("13 others", (None, None)),
    ("the country", (None, None)),
    ("Sergey Denisentsev, an expert at the Center for Nuclear Research", (None, None)),
    ("Iron Dome", (None, None)),  # countrynames lists "Iron" for Iran
    ("", (None, None)),
    ("civilians killed by Russian jets", (None, "CVL")),  # "by" starts another actor
]


@pytest.mark.parametrize(("phrase", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_code(actors: ActorDictionary, phrase: str, expected: tuple[str | None, str | None]) -> None:
    assert actors.code(phrase) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("us", (None, None)),  # the pronoun
    ("US", ("USA", "GOV")),
    ("is", (None, None)),
    ("isis", (None, None)),
    ("Isis", (None, "REB")),  # the Guardian's spelling
    ("Sana", (None, None)),  # a spelling of Sanaa, not the news agency
    ("white house", (None, None)),
    ("who", (None, None)),
    ("WHO", (None, "IGO")),
    ("chad", (None, None)),
    ("Chad", ("TCD", "GOV")),
])
def test_case_of_short_and_proper_names(actors: ActorDictionary, phrase: str,
                                        expected: tuple[str | None, str | None]) -> None:
    assert actors.code(phrase) == expected


def test_case_rules_follow_how_the_pattern_is_written() -> None:
    actors = ActorDictionary.from_rows([
        ("IS|Islamic State", "", "REB", "org"),
        ("Trump", "USA", "GOV", "person"),
        ("troops", "-", "MIL", "role"),
        ("MoD", "GBR", "MIL", "org"),
    ])
    assert actors.code("IS militants") == (None, "REB")
    assert actors.code("what is left") == (None, None)
    assert actors.code("islamic state") == (None, None)
    assert actors.code("Islamic State") == (None, "REB")
    assert actors.code("ISLAMIC STATE") == (None, "REB")
    assert actors.code("trump") == (None, None)
    assert actors.code("TROOPS") == (None, "MIL")
    assert actors.code("MoD") == ("GBR", "MIL")
    assert actors.code("mod") == (None, None)
    assert actors.code("Mod") == (None, None)


def test_from_rows_has_no_countries_unless_asked() -> None:
    rows = [ActorRow("rebels", None, "REB", "role")]
    assert ActorDictionary.from_rows(rows).code("Syrian rebels") == (None, "REB")
    with_countries = ActorDictionary.from_rows(rows, with_countries=True)
    assert with_countries.code("Syrian rebels") == ("SYR", "REB")
    assert len(with_countries) > len(ActorDictionary.from_rows(rows))


def test_longest_match_wins() -> None:
    actors = ActorDictionary.from_rows([
        ("Syrian", "SYR", "", "country"),
        ("Syrian Observatory", "SYR", "NGO", "org"),
        ("Red Crescent", "", "NGO", "org"),
        ("Syrian Arab Red Crescent", "SYR", "NGO", "org"),
    ])
    assert actors.code("the Syrian Observatory") == ("SYR", "NGO")
    assert actors.code("Syrian Arab Red Crescent") == ("SYR", "NGO")
    assert actors.code("Syrian Red Crescent") == ("SYR", "NGO")


def test_user_file_is_merged_over_the_bundled_rows(tmp_path: Path) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text(
        "# my corrections\n"
        "# pattern\tcountry\tsector\tkind\tnote\n"
        "Taliban\tAFG\tGOV\torg\tin power since 2021\n"
        "Tiger Brigade|Tigers\tSYR\tMIL\torg\n"
        "Brussels\t-\t-\tignore\n",
        "utf-8",
    )
    bundled = ActorDictionary.load()
    merged = ActorDictionary.load(ActorsConfig(user_file=str(user)))
    assert bundled.code("the Taliban") == ("AFG", "REB")
    assert merged.code("the Taliban") == ("AFG", "GOV")
    assert merged.code("Taliban fighters") == ("AFG", "GOV")  # fighters are the group's
    assert merged.code("Pakistani Taliban") == ("PAK", "REB")  # a longer bundled row stays
    assert merged.code("the Tigers") == ("SYR", "MIL")
    assert bundled.code("Brussels") == (None, "IGO")
    assert merged.code("Brussels") == (None, None)
    assert merged.code("Kremlin") == ("RUS", "GOV")


def test_user_file_may_start_with_the_header_line(tmp_path: Path) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text('pattern\tcountry\tsector\tkind\tnote\nTigers\tSYR\tMIL\torg\t"quoted" note\n',
                    "utf-8")
    assert ActorDictionary.load(ActorsConfig(user_file=str(user))).code("Tigers") == ("SYR", "MIL")
    user.write_text("pattern\tsector\tcountry\tkind\nTigers\tMIL\tSYR\torg\n", "utf-8")
    with pytest.raises(ResourceError, match="header"):
        ActorDictionary.load(ActorsConfig(user_file=str(user)))


def test_empty_user_file_setting_loads_the_bundled_data() -> None:
    assert ActorDictionary.load(ActorsConfig()).code("Kremlin") == ("RUS", "GOV")


def test_missing_user_file_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="user_file"):
        ActorDictionary.load(ActorsConfig(user_file=str(tmp_path / "nope.tsv")))


@pytest.mark.parametrize(("line", "message"), [
    ("Kremlin\tRUS\tGOV", "column"),
    ("Kremlin\tRUS\tXYZ\torg", "sector"),
    ("Kremlin\tRU\tGOV\torg", "alpha-3"),
    ("Kremlin\tRUS\tGOV\tthing", "kind"),
    ("soldiers\t-\t-\trole", "needs a sector"),
])
def test_bad_user_rows_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text(f"# header\n{line}\n", "utf-8")
    with pytest.raises(ResourceError, match=message) as info:
        ActorDictionary.load(ActorsConfig(user_file=str(user)))
    assert "line 2" in str(info.value)


def test_resolve_actors_keeps_order_and_spans(actors: ActorDictionary) -> None:
    mentions = [_mention("Kremlin spokesman Dmitry Peskov", 10), _mention("rebel groups", 60),
                _mention("the weather", 90)]
    result = resolve_actors(mentions, actors)
    assert result == [
        Actor("Kremlin spokesman Dmitry Peskov", "RUS", "GOV", mentions[0].span),
        Actor("rebel groups", None, "REB", mentions[1].span),
        Actor("the weather", None, None, mentions[2].span),
    ]


def test_context_country_fills_domestic_roles(actors: ActorDictionary) -> None:
    # CAMEO/PLOVER code a domestic actor by the country it is in: "rebels" in a Syrian story
    # are SYR REB. Roles that often belong to foreign parties stay without a country.
    phrases = ["the authorities", "pro-government forces", "the army", "security forces",
               "warplanes", "troops", "diplomats", "refugees", "officials", "rebels",
               "Turkish police", "the UN", "civilians", "Lt. Gen. Prosper Avril", "tribal elders",
               "three ethnic Albanians", "aid groups", "the weather"]
    result = resolve_actors([_mention(p) for p in phrases], actors, context_country="SYR")
    assert [(a.text, a.country) for a in result] == [
        ("the authorities", "SYR"),
        ("pro-government forces", "SYR"),
        ("the army", "SYR"),
        ("security forces", "SYR"),
        ("warplanes", None),  # could be anyone's aircraft
        ("troops", None),
        ("diplomats", None),
        ("refugees", None),  # often from elsewhere
        ("officials", "SYR"),
        ("rebels", "SYR"),
        ("Turkish police", "TUR"),  # the phrase's own country wins
        ("the UN", None),
        ("civilians", "SYR"),
        ("Lt. Gen. Prosper Avril", "HTI"),  # a leader of leaders.tsv: his own country
        ("tribal elders", "SYR"),
        ("three ethnic Albanians", "SYR"),  # a people, coded by where they live
        ("aid groups", None),  # NGOs belong to no country
        ("the weather", None),
    ]


def test_ethnic_demonym_is_not_the_state(actors: ActorDictionary) -> None:
    assert actors.code("ethnic Albanians") == (None, None)
    assert actors.code("Albanian officials") == ("ALB", "GOV")


def _place(name: str, country: str, span: Span | None = None) -> Place:
    return Place(name=name, geonameid=1, lat=0.0, lon=0.0, country=country, admin1=None,
                 precision=1, text=name, span=span)


def test_patron_place_is_not_the_actors_country(actors: ActorDictionary) -> None:
    text = "a prominent anti-Syria journalist"
    mention = _mention(text)
    syria = _place("Syria", "SYR", Span("Syria", mention.span.start + 16, mention.span.start + 21))
    (actor,) = resolve_actors([mention], actors, places=[syria])
    assert (actor.country, actor.sector) == (None, "JRN")


def test_story_country_counts_places_and_actor_phrases(actors: ActorDictionary) -> None:
    uganda = _place("Kampala", "UGA")
    assert story_country([uganda], ["Ugandan opposition candidates", "President Museveni"], actors) == "UGA"
    assert story_country([], ["Ugandan opposition", "Kenyan police"], actors) is None  # a tie
    assert story_country([], [], actors) is None


def test_resolve_actors_of_nothing(actors: ActorDictionary) -> None:
    assert resolve_actors([], actors, context_country="SYR") == []


def test_dictionary_survives_pickling_for_worker_processes(actors: ActorDictionary) -> None:
    copy = pickle.loads(pickle.dumps(actors))
    assert copy.code("Kremlin spokesman Dmitry Peskov") == ("RUS", "GOV")


def test_repeated_phrases_give_the_same_answer(actors: ActorDictionary) -> None:
    first = actors.code("Syrian government forces")
    assert actors.code("Syrian government forces") == first == ("SYR", "MIL")


def test_resolve_actors_takes_the_country_of_a_place_inside_the_phrase():
    from eventwire.records import ActorMention, Place, Span

    dictionary = ActorDictionary.load()
    text = "rebels in Darfur"
    darfur = Place(name="Darfur", geonameid=1, lat=0.0, lon=0.0, country="SDN", admin1=None,
                   precision=2, text="Darfur", span=Span("Darfur", 10, 16))
    (actor,) = resolve_actors([ActorMention(Span(text, 0, len(text)), 0, "rebels")], dictionary,
                              places=[darfur])
    assert (actor.country, actor.sector) == ("SDN", "REB")


def test_resolve_actors_codes_an_act_by_its_of_phrase():
    from eventwire.records import ActorMention, Span

    text = "the removal of Kremlin officials"
    (actor,) = resolve_actors([ActorMention(Span(text, 0, len(text)), 0, "removal")], ActorDictionary.load())
    assert (actor.country, actor.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("U.N. helicopters", (None, "IGO")),
    ("European Community foreign ministers", (None, "IGO")),
    ("Organization of African Unity", (None, "IGO")),
])
def test_roles_of_an_intergovernmental_body(phrase, expected):
    assert ActorDictionary.load().code(phrase) == expected


def test_a_countryless_armed_group_is_transnational(actors: ActorDictionary) -> None:
    # CAMEO codes groups active in many countries as IMG (eval/plover.actor_code)
    mentions = [_mention("at least six al-Qaeda commanders"), _mention("Hamas officials"), _mention("rebels"),
                _mention("UN peacekeepers")]
    coded = resolve_actors(mentions, actors)
    assert [a.transnational for a in coded] == [True, False, False, False]
    # once the story's country is given to a domestic role, the group is that country's
    local = resolve_actors([_mention("Islamic State militants")], actors, context_country="SYR")[0]
    assert (local.country, local.transnational) == ("SYR", False)
