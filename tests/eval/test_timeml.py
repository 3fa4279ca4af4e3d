"""The TimeML reader: text of <TEXT> without tags, offsets into it, the DCT, entities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError, MissingInputError
from eventwire.eval.timeml import TimexGold, read_timeml, read_timeml_dir

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>WIRE19980108.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 type="DATE" value="1998-01-07">Wednesday</TIMEX3> that
talks <EVENT eid="e2">lasted</EVENT> <TIMEX3 type="DURATION" value="P2W">two weeks</TIMEX3> &lt;in all&gt;.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, "utf-8")
    return path


def test_text_is_the_content_of_text_without_tags_and_with_entities_decoded(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path / "a.tml", TML))
    assert document.id == "WIRE19980108.0001"
    assert document.text == "\nAT&T said Wednesday that\ntalks lasted two weeks <in all>.\n"
    assert "Not part" not in document.text


def test_timex_offsets_index_the_text(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path / "a.tml", TML))
    assert document.timexes == (
        TimexGold(start=11, end=20, text="Wednesday", type="DATE", value="1998-01-07"),
        TimexGold(start=39, end=48, text="two weeks", type="DURATION", value="P2W"),
    )
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text


def test_dct_is_the_publication_date_and_not_a_timex(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path / "a.tml", TML))
    assert document.dct == date(1998, 1, 8)
    assert all(timex.value != "1998-01-08" for timex in document.timexes)


def test_missing_dct_and_docid(tmp_path: Path) -> None:
    content = "<TimeML><TEXT>Sales rose <TIMEX3 type='DATE' value='1998'>last year</TIMEX3>.</TEXT></TimeML>"
    document = read_timeml(write(tmp_path / "no_dct.tml", content))
    assert document.id == "no_dct"
    assert document.dct is None
    assert document.timexes[0].text == "last year"


def test_directory_is_read_recursively_in_path_order(tmp_path: Path) -> None:
    write(tmp_path / "TimeBank" / "b.tml", TML)
    write(tmp_path / "AQUAINT" / "a.tml", TML.replace("WIRE19980108.0001", "OTHER"))
    write(tmp_path / "notes.txt", "not TimeML")
    assert [document.id for document in read_timeml_dir(tmp_path)] == ["OTHER", "WIRE19980108.0001"]


def test_bad_inputs_raise_input_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        read_timeml(tmp_path / "missing.tml")
    with pytest.raises(MissingInputError):
        read_timeml_dir(tmp_path / "missing")
    with pytest.raises(InputError, match="well-formed"):
        read_timeml(write(tmp_path / "broken.tml", "<TimeML><TEXT>oops</TimeML>"))
    with pytest.raises(InputError, match="no <TEXT>"):
        read_timeml(write(tmp_path / "empty.tml", "<TimeML><DOCID>x</DOCID></TimeML>"))
