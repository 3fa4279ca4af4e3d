"""Custom spaCy components registered by eventwire."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ResourceError

__all__ = ["PARAGRAPH_COMPONENT", "swap_component"]

PARAGRAPH_COMPONENT = "eventwire_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News files put headlines, datelines and paragraphs on lines of their own; the parser
    otherwise runs a headline into the first sentence. The parser keeps sentence starts set
    before it, so this only adds boundaries.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def swap_component(nlp: Language, component: str, factory: str, expected: type) -> tuple[Any, Any]:
    """Put a `factory` component in place of `component` (of type `expected`), under its name.

    Returns the old component and the new one, for the new one to adopt the old one's tables.
    """
    old = nlp.get_pipe(component)
    if not isinstance(old, expected):
        raise ResourceError(f"pipeline component {component!r} is not a {expected.__name__}")
    position = nlp.pipe_names.index(component)
    nlp.remove_pipe(component)
    before = nlp.pipe_names[position] if position < len(nlp.pipe_names) else None
    return old, nlp.add_pipe(factory, name=component, before=before)
