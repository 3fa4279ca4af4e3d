"""Place resolution: `PlaceMention`s + a `Gazetteer` -> one `Place` per mention, in order.

Each mention's candidates (``gazetteer.lookup``) are ranked on evidence a reader would use:

1. what the text says the place is (``feature_hint``: "base" prefers MILB/AIRB/NVB entries,
   "province" prefers ADM1 ...), and a comma qualifier (``qualifier``: "Springfield,
   Illinois", "Paris, Texas" keep to the state or country named after the comma), unless the
   name is itself a state or country outside that region ("Illinois, Missouri" is a list);
2. the article's context: the countries of its demonyms and of its other mentions, and their
   first-order divisions (first the unambiguous ones, then, in a second pass, everyone's
   first-pass choice); whether the text names the candidate's country outright ("Canada"), and
   how close the candidate lies to another country it names ("Gaza" beside "Israel");
3. cohesion: how close a candidate lies to *some* reading of each other name with few readings
   ("Huntsville" and "Walker County" are both in Texas and both in Alabama: the pair that lies
   together wins) or, at a tighter distance, with many ("Paris" and "Henry County": Paris,
   Tennessee lies in Henry County, Tennessee); a province or country is close to the names with
   a reading inside it, and a town to a name one of whose readings is its province ("Redding"
   beside "California"); and proximity to the other mentions' first-pass places;
4. population, and prominence: for a bare name a country beats a capital beats a province beats
   a town, strongly enough that country context alone never turns "Russia" into a village in
   Ohio; a big city stands level with a province; a town that shares its province's name
   ("Aleppo") stands for it unless the text says "province";
5. whether the text wrote the entry's own name rather than one of its alternate names; a town
   that bears the name only as an alternate name is no candidate when a bigger town bears it as
   its own ("Maryville" is not Beeville);
6. an optional ``country_bias`` (ISO3 codes: the desk's region, a feed's country).

A demonym that names towns only outside its own country ("Canadian", towns in Texas and
Queensland) means the country. Written abbreviations ("S.C.", "W.Va.") only mean states and
countries. A capital used as an
adjective ("Moscow officials", a demonym mention) stands for its state at the capital's point,
unless the article's context picks a namesake town ("London police" in a story from Ontario).

Scores are combined linearly with fixed weights (`ranking._WEIGHTS`), or, with ``[gazetteer] ranker
= "learned"``, with coefficients fitted on the dev gold (`learned`, ``data/place_ranker.tsv``,
fitted by ``benchmarks/fit_place_ranker.py``); `Place.score` is the winner's
softmax share among the candidates, so a name with one plausible reading scores near 1 and a
name with many similar readings scores low. `Place.reason` names the deciding evidence.

A name the gazetteer does not hold as written may still name a place it holds: a written alias
("B.C.", "NSW", "L.A."; the "EU" at its seat Brussels: ``data/place_aliases.tsv``), a name with
an abbreviated word ("Loudon Co."), a generic head ("Nyanza Province", "Port of Los
Angeles"), a county without its head ("Gwinnett"), the people of a region, continent or town
("Ontarians", "South Ossetian", "European": a suffix rule plus ``data/region_demonyms.tsv``;
the place gets kind "demonym"), a part of a place ("North London", "Greater Toronto Area": the
place at precision 2 at least) or a site named after a large town ("Vancouver Art Gallery"),
with the words in ``data/place_affixes.tsv``. These readings are candidates like any other,
ranked in the article's context, and the reason says which one was used.

A name that NER did not label as a place (ORG "Tartus", PERSON "Saqba", an unlabelled proper
noun) must also fit the article's geography (country context, proximity, a matching feature
hint, or a curated entry); otherwise it stays unresolved, so that "Hamas" never becomes a town
in Germany. An unresolvable mention gets ``geonameid=None`` and never changes the others.

The package reads in the order of the steps: `candidates` (and `unlisted` for names the
gazetteer lacks), `cohesion`, `ranking` (with `reasons` for why a candidate won), `demonyms`,
`place_records`; `article` runs them over one article in two passes (and `recorded_rankings`
hands back every candidate's features).
`evidence` holds the records they hand each other.
"""

from eventwire.resolve.places.article import resolve_places
from eventwire.resolve.places.sites import main_place

__all__ = ["main_place", "resolve_places"]
