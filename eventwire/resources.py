"""Every resource the pipeline reads, loaded once from the configuration and injected.

`Resources.load(config)` is the one loader: the spaCy pipeline, the gazetteer, the actor
dictionary, the event lexicon (which holds the extractors' and resolvers' word tables) and
the ACLED rules. Nothing else in eventwire caches data at module level, so a worker process
rebuilds exactly the same resources from the same `Config`, and tests build a `Resources` (or a
`Pipeline`) from small in-memory parts.

This module imports no spaCy: the model is loaded inside `load`, and only when asked for, so
the resolve layer, the store and exporters can load what they need without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.config import Config, load_config
from eventwire.data import data_fingerprint
from eventwire.data.lexicon import EventLexicon
from eventwire.resolve.acled import AcledRules
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.gazetteer import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Resources", "resources_fingerprint"]


@dataclass(frozen=True, slots=True, eq=False)
class Resources:
    """The loaded resources of one configuration.

    `nlp` is None when loaded with ``nlp=False`` (resolution, storage and export need no
    parser). `data_fingerprint` hashes the bundled data files and the user files the config
    names: results coded with other data carry another fingerprint.
    """

    config: Config
    nlp: Language | None
    gazetteer: Gazetteer
    actors: ActorDictionary
    lexicon: EventLexicon
    acled: AcledRules | None
    data_fingerprint: str

    @classmethod
    def load(cls, config: Config | None = None, *, nlp: bool = True) -> Resources:
        """Load every resource `config` names (the bundled defaults when None); the spaCy
        pipeline only when `nlp` is true."""
        config = config or load_config()
        model = None
        if nlp:
            from eventwire.nlp import load_nlp

            model = load_nlp(config.nlp)
        return cls(
            config=config,
            nlp=model,
            gazetteer=load_gazetteer(config.gazetteer),
            actors=ActorDictionary.load(config.actors),
            lexicon=EventLexicon.load(),
            acled=AcledRules.load(decision=config.acled.decision),
            data_fingerprint=resources_fingerprint(config),
        )


def resources_fingerprint(config: Config) -> str:
    """The data fingerprint of a configuration: bundled data files plus its user files.

    User data files change what is coded as much as the bundled ones do.
    """
    # The spaCy model and the settings that change decisions are part of what coded a result.
    settings = (
        config.nlp.model,
        config.gazetteer.ranker,
        ",".join(config.gazetteer.country_bias),
        config.acled.decision,
    )
    return data_fingerprint((config.gazetteer.user_places, config.actors.user_file), settings=settings)
