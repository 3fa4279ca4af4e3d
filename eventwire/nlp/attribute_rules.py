"""spaCy's attribute rules (tag -> POS, morphology and lemma exceptions), applied by lookup.

The model's `attribute_ruler` runs a `Matcher` over all of its ~180 patterns at every token:
on news text that cost as much as the dependency parser itself, although nearly every pattern
is one token with an exact tag or word. `IndexedAttributeRules` keeps the same rules and the
same precedence (rules apply in their order, a later one overriding an earlier one) but finds
the one-token rules by the token's word and tag; only the few rules spanning several tokens
("gon na", "let 's") still go through a `Matcher`. Its output equals the `attribute_ruler`'s
(tests/test_attribute_rules.py compares them token by token).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from eventwire.errors import ResourceError
from eventwire.nlp.components import swap_component

__all__ = ["INDEXED_ATTRIBUTE_RULES", "IndexedAttributeRules"]

INDEXED_ATTRIBUTE_RULES = "eventwire_indexed_attribute_rules"

_TOKEN_VALUES: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_KEY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
#: What the rules set (besides DEP): written back in one `Doc.from_array`, as spaCy's
#: `set_token_attrs` would one token at a time.
_SET_ATTRS = [TAG, POS, MORPH, LEMMA]
_SET_COLUMN = {attr: column for column, attr in enumerate(_SET_ATTRS)}
_MAX_KINDS = 500_000
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})

Predicate = Callable[[Token], bool]


def _value_test(key: str, wanted: Any) -> Predicate:
    read = _TOKEN_VALUES[key]
    if not isinstance(wanted, dict):
        return lambda t: read(t) == wanted
    (operator, argument), *rest = wanted.items()
    if rest or operator not in _OPERATORS:
        raise ResourceError(f"attribute rule operator {wanted!r} is not one eventwire can index")
    if operator == "IN":
        allowed = frozenset(argument)
        return lambda t: read(t) in allowed
    if operator == "NOT_IN":
        refused = frozenset(argument)
        return lambda t: read(t) not in refused
    search = re.compile(argument).search
    return lambda t: bool(search(read(t)))


def _token_test(spec: dict[str, Any]) -> Predicate:
    unknown = set(spec) - set(_TOKEN_VALUES)
    if unknown:
        raise ResourceError(f"attribute rules test {sorted(unknown)}, which eventwire cannot index")
    tests = [_value_test(key, wanted) for key, wanted in spec.items()]
    return lambda t: all(test(t) for test in tests)


def _index_values(spec: dict[str, Any], key: str) -> Iterable[str] | None:
    """The exact values of `key` that a token must have for the rule to apply, if it names them."""
    wanted = spec.get(key)
    if isinstance(wanted, str):
        return (wanted,)
    if isinstance(wanted, dict) and set(wanted) == {"IN"}:
        return tuple(wanted["IN"])
    return None


class IndexedAttributeRules:
    """An `AttributeRuler`'s rules, found by word and tag instead of by a Matcher."""

    def __init__(self, nlp: Language, name: str = INDEXED_ATTRIBUTE_RULES) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self._attrs: list[dict[Any, Any]] = []
        self._indices: list[int] = []
        self._by_word: dict[str, list[tuple[int, Predicate]]] = {}
        self._by_tag: dict[str, list[tuple[int, Predicate]]] = {}
        self._unindexed: list[tuple[int, Predicate]] = []
        self._phrases = Matcher(nlp.vocab)
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        self._rules_by_key: dict[tuple[int, ...], tuple[int, ...]] = {}

    def adopt(self, ruler: AttributeRuler) -> None:
        """Take over the rules of a loaded `attribute_ruler`, keeping their order; a rule this
        index cannot apply as spaCy would raises `ResourceError` here, before any document."""
        self._attrs = list(ruler.attrs)
        self._indices = list(ruler.indices)
        for attrs in self._attrs:
            unsettable = set(attrs) - {*_SET_COLUMN, DEP}
            if unsettable:
                raise ResourceError(f"attribute rules set {sorted(unsettable)}, not only tags and lemmas")
        for rule in range(len(self._attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                if len(pattern) > 1:
                    self._phrases.add(str(rule), [pattern])
                    continue
                spec = pattern[0]
                entry = (rule, _token_test(spec))
                if (words := _index_values(spec, "LOWER")) is not None:
                    for word in words:
                        self._by_word.setdefault(word, []).append(entry)
                elif (tags := _index_values(spec, "TAG")) is not None:
                    for tag in tags:
                        self._by_tag.setdefault(tag, []).append(entry)
                else:
                    self._unindexed.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # One-token rules test only a token's word, tag, dependency and whether it is space:
        # tokens alike in those four get the same rules, so each such kind is tested once.
        keys = doc.to_array(_KEY_ATTRS)
        rules_at: dict[int, tuple[int, ...]] = {}
        for i, key in enumerate(map(tuple, keys.tolist())):
            rules = self._rules_by_key.get(key)
            if rules is None:
                if len(self._rules_by_key) >= _MAX_KINDS:
                    self._rules_by_key.clear()  # a long corpus run meets new words without end
                rules = self._rules_by_key[key] = self._token_rules(doc[i])
            if rules:
                rules_at[i] = rules
        for match_id, start, end in self._phrases(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            target = doc[start:end][self._indices[rule]].i
            rules_at[target] = tuple(sorted({*rules_at.get(target, ()), rule}))
        columns = doc.to_array(_SET_ATTRS)
        labels: dict[int, int] = {}
        for i, rules in rules_at.items():
            for attr, value in self._merged_attrs(rules).items():
                if attr == DEP:
                    labels[i] = value
                else:
                    columns[i, _SET_COLUMN[attr]] = value
        doc.from_array(_SET_ATTRS, columns)
        for i, label in labels.items():
            # Relabelled one by one: a DEP column would make from_array rebuild the tree.
            doc[i].dep = label
        return doc

    def _token_rules(self, token: Token) -> tuple[int, ...]:
        candidates = (
            *self._by_word.get(token.lower_, ()),
            *self._by_tag.get(token.tag_, ()),
            *self._unindexed,
        )
        return tuple(sorted({rule for rule, test in candidates if test(token)}))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        """The attributes of `rules` applied in order: a later rule's value wins, as in spaCy."""
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self._attrs[rule])  # every attribute settable: checked by adopt
            self._merged[rules] = merged
        return merged


@Language.factory(INDEXED_ATTRIBUTE_RULES)
def make_indexed_attribute_rules(nlp: Language, name: str) -> IndexedAttributeRules:
    return IndexedAttributeRules(nlp, name)


def index_attribute_rules(nlp: Language, component: str = "attribute_ruler") -> None:
    """Replace the pipeline's `attribute_ruler` by the indexed rules, under the same name.

    Raises `ResourceError`, leaving the pipeline as it was, when its rules test or set what the
    index cannot (another model's rules may test ORTH or set NORM).
    """
    ruler = nlp.get_pipe(component)
    if isinstance(ruler, AttributeRuler):
        IndexedAttributeRules(nlp).adopt(ruler)  # a trial: raises before the pipeline changes
    ruler, indexed = swap_component(nlp, component, INDEXED_ATTRIBUTE_RULES, AttributeRuler)
    indexed.adopt(ruler)
