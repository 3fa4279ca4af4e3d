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

The package: `loading` (the rows of the data files and of `countrynames`), `words` (how a
phrase is split into words and folded), `dictionary` (`ActorDictionary`, the word trie and the
coding of a phrase) and `resolution` (`resolve_actors`, `story_country`).
"""

from __future__ import annotations

from eventwire.resolve.actors.dictionary import ActorDictionary
from eventwire.resolve.actors.loading import KINDS, SECTORS, ActorRow
from eventwire.resolve.actors.resolution import is_agent, resolve_actors, story_country, without_seats

__all__ = ["KINDS", "SECTORS", "ActorDictionary", "ActorRow", "is_agent", "resolve_actors", "story_country",
           "without_seats"]
