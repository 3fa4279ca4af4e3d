"""Custom spaCy components registered by eventwire."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPH_COMPONENT"]

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
