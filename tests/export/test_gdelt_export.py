"""GDELT 2.0 exports: 61 Events columns and 16 Mentions columns, tab-separated, no header."""

from __future__ import annotations

import io

from eventwire.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export
from eventwire.export.gdelt import global_event_id
from eventwire.records import Actor, Span

# gdeltPyR data/events2.csv and data/mentions.csv, as quoted in shared/reference/formats.md 4b.
EVENT_NAMES_IN_ORDER = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
    "Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code "
    "Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode "
    "Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code "
    "Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode "
    "Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long "
    "ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
MENTION_NAMES_IN_ORDER = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier "
    "SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen "
    "MentionDocTone MentionDocTranslationInfo Extras"
).split()


def tsv(rows, format_name, names):
    buffer = io.BytesIO()
    written = export(rows, format_name, buffer)
    lines = buffer.getvalue().decode("utf-8").split("\n")
    assert lines[-1] == ""  # every record ends with a line break, none inside one
    records = [line.split("\t") for line in lines[:-1]]
    assert written == len(records)
    for cells in records:
        assert len(cells) == len(names)
    return [dict(zip(names, cells, strict=True)) for cells in records]


def test_column_names_are_the_codebook_lists():
    assert list(GDELT_EVENT_COLUMNS) == EVENT_NAMES_IN_ORDER and len(GDELT_EVENT_COLUMNS) == 61
    assert list(GDELT_MENTION_COLUMNS) == MENTION_NAMES_IN_ORDER and len(GDELT_MENTION_COLUMNS) == 16


def test_worked_example_events_row(article, strike):
    [row] = tsv([(article, strike())], "gdelt", GDELT_EVENT_COLUMNS)
    assert row["GLOBALEVENTID"] == str(global_event_id(strike()))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20241122", "202411", "2024")
    assert row["FractionDate"] == f"{2024 + 327 / 365:.4f}"  # 22 November is day 327
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "RUSMIL",
        "RUSSIAN WARPLANES",
        "RUS",
    )
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("SYRCVL", "CVL")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("195", "195", "19")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("4", "-10.0")
    assert (row["IsRootEvent"], row["NumMentions"], row["NumSources"]) == ("1", "2", "1")
    assert row["AvgTone"] == ""
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == ("4", "SY")  # FIPS, not ISO
    assert row["ActionGeo_FullName"] == "Maarat al-Numan, Idlib, Syria"
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_FeatureID"]) == (
        "35.6478",
        "36.6717",
        "169389",
    )
    assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].isdigit()
    assert row["SOURCEURL"] == "https://www.example-news.org/syria/strike"


def test_codes_keep_leading_zeros_and_fall_back_to_base_scores(article, strike, place):
    retreat = strike(type="RETREAT", cameo="0874", location=place(country="SSD", feature_code="ADM1"))
    [row] = tsv([(article, retreat)], "gdelt", GDELT_EVENT_COLUMNS)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0874", "087", "08")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("2", "9.0")
    # South Sudan: ISO SSD, FIPS OD; a first-order division outside the US is a "world state".
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_Type"]) == ("OD", "5")


def test_tabs_and_newlines_in_text_do_not_break_rows(article, strike):
    hostile = strike(source_actors=[Actor("the\tgroup\nof men", "SYR", "UAF")])
    [row] = tsv([(article, hostile), (article, strike(id="e-2"))], "gdelt", GDELT_EVENT_COLUMNS)[:1]
    assert row["Actor1Name"] == "THE GROUP OF MEN"


def test_event_without_code_or_place_leaves_cells_empty(article, event):
    [row] = tsv([(article, event("CONSULT"))], "gdelt", GDELT_EVENT_COLUMNS)
    assert row["EventCode"] == row["QuadClass"] == row["ActionGeo_Type"] == row["Actor1Code"] == ""
    assert row["SQLDATE"] == "20241123"  # no date in the text: the publication day


def test_mentions_give_one_row_per_passage_with_char_offsets(article, strike):
    event = strike()
    rows = tsv([(article, event)], "gdelt-mentions", GDELT_MENTION_COLUMNS)
    assert len(rows) == 2
    main, second = rows
    assert {main["GLOBALEVENTID"], second["GLOBALEVENTID"]} == {str(global_event_id(event))}
    text = article.text
    assert main["Actor1CharOffset"] == str(text.index("Russian warplanes"))
    assert main["Actor2CharOffset"] == str(text.index("civilians"))
    assert main["ActionCharOffset"] == str(text.index("struck"))
    assert (main["SentenceID"], second["SentenceID"]) == ("1", "2")
    assert second["ActionCharOffset"] == str(text.index("three people died"))
    assert second["Actor1CharOffset"] == "-1"
    assert (main["EventTimeDate"], main["MentionTimeDate"]) == ("20241122000000", "20241123000000")
    assert (main["MentionType"], main["MentionSourceName"]) == ("1", "example-news.org")
    assert (main["Confidence"], main["MentionDocLen"]) == ("80", str(len(text)))


def test_event_without_mentions_has_its_evidence_as_the_one_mention(article, strike):
    event = strike(mentions=[], trigger=None, evidence=Span("x", 5, 6))
    [row] = tsv([(article, event)], "gdelt-mentions", GDELT_MENTION_COLUMNS)
    assert row["ActionCharOffset"] == "5"
