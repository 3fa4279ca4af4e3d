"""Shared fixtures: hand-built spaCy docs (no model needed) and the real pipeline (marked)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The gazetteer index is built once into the (git-ignored) repository cache, not the user's home.
os.environ.setdefault("EVENTWIRE_CACHE_DIR", str(REPO / ".cache"))
SEED_ARTICLE = SHARED / "seed" / "hmeymim-drone-attack.txt"
SEED_PUBLISHED = "2018-01-12"

_NO_SPACE_BEFORE = {".", ",", ";", ":", "'s", "?", "!", ")", "%"}


def build_doc(
    vocab: spacy.vocab.Vocab,
    words: Sequence[str],
    *,
    pos: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    deps: Sequence[str] | None = None,
    heads: Sequence[int] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
    sent_starts: Sequence[bool | None] | None = None,
) -> Doc:
    """A Doc built by hand: `heads` are absolute token indices, `ents` IOB tags ("B-GPE", "O")."""
    # a line break is a token of its own, followed by no space (as spaCy tokenises "a\nB")
    spaces = [
        i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and not words[i].isspace()
        for i in range(len(words))
    ]
    return Doc(
        vocab,
        words=list(words),
        spaces=spaces,
        pos=list(pos) if pos else None,
        tags=list(tags) if tags else None,
        deps=list(deps) if deps else None,
        heads=list(heads) if heads else None,
        lemmas=list(lemmas) if lemmas else [w.lower() for w in words],
        ents=list(ents) if ents else None,
        sent_starts=list(sent_starts) if sent_starts else None,
    )


@pytest.fixture(scope="session")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


@pytest.fixture
def make_doc(vocab: spacy.vocab.Vocab) -> Callable[..., Doc]:
    def _make(words: Sequence[str], **annotations: object) -> Doc:
        return build_doc(vocab, words, **annotations)  # type: ignore[arg-type]

    return _make


@pytest.fixture(scope="session")
def nlp():  # noqa: ANN201 - spaCy Language
    """The real configured pipeline; tests using it are marked `model`."""
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"seed article not found at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text("utf-8")


# Fixtures that load the real spaCy pipeline. A test that asks for one (directly or through
# another fixture) is marked `model` here, so `make test-fast` (-m "not model") can never load
# the model by accident, whether or not the test file remembered the marker.
MODEL_FIXTURES = frozenset({"nlp", "pipeline", "acled_pipeline"})
# Fixtures that build a full gazetteer index from every source in a fresh directory (~25 s):
# marked `slow`, which `make test-fast` leaves out and `make test` runs.
INDEX_BUILD_FIXTURES = frozenset({"built"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if MODEL_FIXTURES.intersection(fixtures):
            item.add_marker(pytest.mark.model)
        if INDEX_BUILD_FIXTURES.intersection(fixtures):
            item.add_marker(pytest.mark.slow)
