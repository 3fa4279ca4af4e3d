"""spaCy's rule lemmatizer, its answers kept by word, part of speech and morphology.

The model's English `Lemmatizer` works out a lemma in Python at every token and keeps only the
answers its suffix rules reach, not the commoner early ones (a base form, a proper noun, a
word no rule covers): on news text it cost a tenth of the whole parse. A lemma is a function of
the token's text, part of speech and morphology alone (`Lemmatizer.rule_lemmatize` reads
nothing else), so `CachedLemmas` asks the model's own lemmatizer once per such triple, reads
the tokens as one array and writes the lemmas back as one. Its output is spaCy's
(tests/test_lemmas.py compares them token by token).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from eventwire.errors import ResourceError
from eventwire.nlp.components import swap_component

__all__ = ["CACHED_LEMMAS", "CachedLemmas", "cache_lemmas"]

CACHED_LEMMAS = "eventwire_cached_lemmas"
_KEY_ATTRS = [ORTH, POS, MORPH, LEMMA]
#: A long corpus run meets new words without end: the cache starts again past this size.
_MAX_KINDS = 500_000


class CachedLemmas:
    """A `Lemmatizer` asked once per (word, POS, morphology)."""

    def __init__(self, nlp: Language, name: str = CACHED_LEMMAS) -> None:
        self.name = name
        self._strings = nlp.vocab.strings
        self._lemmatizer: Lemmatizer | None = None
        self._cache: dict[tuple[int, int, int], int] = {}

    def adopt(self, lemmatizer: Lemmatizer) -> None:
        """Take over a loaded rule-mode `lemmatizer` (its tables and its `overwrite` setting)."""
        if lemmatizer.mode != "rule":
            raise ResourceError(f"the lemmatizer runs in {lemmatizer.mode!r} mode, not 'rule'")
        lemmatizer._validate_tables(Errors.E1004)  # noqa: SLF001 - what its own __call__ checks first
        self._lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self._lemmatizer
        if lemmatizer is None:
            raise ResourceError(f"{self.name}: no lemmatizer adopted")
        if not len(doc):
            return doc
        columns = doc.to_array(_KEY_ATTRS)
        lemmas = columns[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue  # set by the attribute rules, which the lemmatizer leaves alone
            key = (orth, pos, morph)
            value = self._cache.get(key)
            if value is None:
                if len(self._cache) >= _MAX_KINDS:
                    self._cache.clear()
                value = self._cache[key] = self._strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(CACHED_LEMMAS)
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(nlp, name)


def cache_lemmas(nlp: Language, component: str = "lemmatizer") -> None:
    """Replace the pipeline's lemmatizer by `CachedLemmas` around it, under the same name."""
    lemmatizer, cached = swap_component(nlp, component, CACHED_LEMMAS, Lemmatizer)
    cached.adopt(lemmatizer)
