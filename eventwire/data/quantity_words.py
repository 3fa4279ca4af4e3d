"""The words that say what a number counts, read from ``data/quantity_words.tsv``.

`QuantityWords.load()` gives them by role (see the file's header for each role), and its
`kinds` every `what` the quantity extractor can report; the `EventLexicon` holds one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from eventwire.data import read_table

__all__ = ["QuantityWords"]


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """The words that say what a number counts; see data/quantity_words.tsv for each role."""

    verb_kinds: Mapping[str, str]
    phrasal_kinds: Mapping[tuple[str, str], str]
    idiom_kinds: Mapping[tuple[str, str], str]
    forced_kinds: Mapping[str, str]
    intransitive: frozenset[str]
    state_kinds: Mapping[str, str]
    noun_kinds: Mapping[str, str]
    of_counted: frozenset[str]
    toll_kinds: Mapping[str, str]
    unit_nouns: frozenset[str]

    @classmethod
    def load(cls) -> QuantityWords:
        """The bundled table, by role."""
        kinds: dict[str, dict[str, str]] = {}
        for row in read_table("quantity_words.tsv"):
            kinds.setdefault(row["role"], {})[row["word"]] = row["kind"]

        def words(role: str) -> frozenset[str]:
            return frozenset(kinds.get(role, {}))

        def pairs(role: str) -> Mapping[tuple[str, str], str]:
            split = {tuple(phrase.split()): kind for phrase, kind in kinds.get(role, {}).items()}
            return MappingProxyType(split)  # type: ignore[arg-type]

        return cls(
            verb_kinds=MappingProxyType(kinds.get("verb", {})),
            phrasal_kinds=pairs("phrasal"),
            idiom_kinds=pairs("idiom"),
            forced_kinds=MappingProxyType(kinds.get("forced", {})),
            intransitive=words("intransitive"),
            state_kinds=MappingProxyType(kinds.get("state", {})),
            noun_kinds=MappingProxyType(kinds.get("noun", {})),
            of_counted=words("of_counted"),
            toll_kinds=MappingProxyType(kinds.get("toll", {})),
            unit_nouns=words("unit"),
        )

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every `what` the quantity extractor can report, in file order."""
        return tuple(
            dict.fromkeys(
                [*self.verb_kinds.values(), *self.phrasal_kinds.values(), *self.idiom_kinds.values(),
                 *self.forced_kinds.values(), *self.state_kinds.values(),
                 *self.noun_kinds.values()]
            )
        )  # fmt: skip
