"""The one bounding-box parser the CLI and the web API share."""

from __future__ import annotations

import pytest

from eventwire.store.rows import parse_bbox


@pytest.mark.parametrize(
    ("text", "box"),
    [
        ("35.5,32.3,42.4,37.4", (35.5, 32.3, 42.4, 37.4)),
        (" -5, 10 ,5,20", (-5.0, 10.0, 5.0, 20.0)),
        ("170,-20,-170,-10", (170.0, -20.0, -170.0, -10.0)),  # across the antimeridian
    ],
)
def test_a_box_is_read_as_four_degrees(text: str, box: tuple[float, ...]) -> None:
    assert parse_bbox(text) == box


@pytest.mark.parametrize(
    "text",
    ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "0,40,10,30", "0,-91,10,0", "-181,0,10,10", "0,0,181,10"]
    + ["nan,0,1,1"],
)
def test_a_bad_box_says_what_a_box_is(text: str) -> None:
    with pytest.raises(ValueError, match="min_lon,min_lat,max_lon,max_lat"):
        parse_bbox(text)
