"""The NLP layer: the only package (with extract/) that imports spaCy."""

from eventwire.nlp.model import load_nlp

__all__ = ["load_nlp"]
