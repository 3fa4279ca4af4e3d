"""Why a candidate won, in a few words for `Place.reason`: the feature that most sets it above
the runner-up under the hand-set weights (`_reason`), or the two that do under a learned
ranker's coefficients (`_learned_reason`)."""

from __future__ import annotations

from eventwire.resolve.gazetteer import GazetteerEntry
from eventwire.resolve.places.learned import LearnedRanker

#: One ranked candidate: weighted total, entry, feature values, the country and the name near it
#: that helped.
_Scored = tuple[float, GazetteerEntry, dict[str, float], str | None, str | None]


#: How the learned ranker's entry-kind features read in a reason.
_KIND_REASONS = {
    "is_country": "country name",
    "is_province": "first-order division",
    "is_capital": "capital",
    "is_town": "populated place",
    "is_region": "natural feature or region",
    "is_curated": "curated place the news names",
}


def _learned_reason(model: LearnedRanker, best: _Scored, runner_up: _Scored, kind: str | None) -> str:
    """The features that most set the winner above the runner-up under the learned
    coefficients, the strongest first ("learned: country context FRA; name match")."""
    _, entry, values, country, near_name = best
    mine = model.values(values, entry)
    theirs = model.values(runner_up[2], runner_up[1])
    gains = {name: model.coefficients[name] * (mine[name] - theirs[name]) for name in mine}
    top = [name for name in sorted(gains, key=lambda n: -gains[n]) if gains[name] > 0][:2]
    if not top:
        return "learned: largest population"
    parts = [
        _KIND_REASONS[name] if name in _KIND_REASONS else _reason(name, entry, kind, country, near_name)
        for name in top
    ]
    return "learned: " + "; ".join(dict.fromkeys(parts))


def _reason(
    feature: str,
    entry: GazetteerEntry,
    kind: str | None,
    country: str | None,
    near_name: str | None,
) -> str:
    if feature == "hint":
        return f"feature hint {kind}"
    if feature == "context":
        return f"country context {country}"
    if feature in {"cohesion", "proximity"}:
        return f"near {near_name}"
    if feature == "bias":
        return f"country bias {entry.country}"
    if feature == "admin1":
        return f"region context {entry.admin1}"
    if feature == "qualifier":
        return f"qualified by {entry.admin1 or entry.country}"
    if feature == "name":
        return "name match"
    if feature == "spelling":
        return "spelled as the text writes it"
    if feature == "named":
        return f"country named {entry.country}"
    if feature == "neighbour":
        return "beside a country the text names" if entry.country else "beside the places the text names"
    if feature == "prominence":
        if entry.feature_code.startswith("PCL"):
            return "country name"
        if entry.feature_code == "AIRP":
            return "airport with scheduled service"
        if entry.geonameid < 0:
            return "curated place the news names"
        return "capital" if entry.feature_code == "PPLC" else "largest population"
    return "largest population"
