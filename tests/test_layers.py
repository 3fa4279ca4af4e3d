"""Layers that import one way: records, resolve (every subpackage), the store and the data
loaders import without spaCy, so a worker that only resolves, stores or exports never pays for
it (and never needs the model installed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import eventwire

PACKAGE = Path(eventwire.__file__).parent

SPACY_FREE = [
    "eventwire.records",
    "eventwire.resolve",
    "eventwire.resolve.places",
    "eventwire.resolve.dates",
    "eventwire.resolve.actors",
    "eventwire.resolve.gazetteer",
    "eventwire.resolve.events",
    "eventwire.resolve.acled",
    "eventwire.resolve.quantities",
    "eventwire.resolve.consistency",
    "eventwire.store",
    "eventwire.incidents",
    "eventwire.data.lexicon",
    "eventwire.data.calendar_words",
    "eventwire.data.place_words",
    "eventwire.data.quantity_words",
    "eventwire.data.event_type_rules",
    "eventwire.text.numbers",
    "eventwire.resources",
    "eventwire.pipeline",
    *(["eventwire.export"] if (PACKAGE / "export" / "__init__.py").exists() else []),
]


def test_spacy_free_layers_do_not_import_spacy() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {SPACY_FREE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'})))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_check_sees_spacy_when_it_is_imported() -> None:
    # The extractors work on spaCy Docs: importing them must show up, or the test above proves nothing.
    script = "import sys, eventwire.extract; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True"


def test_every_resolve_subpackage_is_checked() -> None:
    subpackages = {f"eventwire.resolve.{p.parent.name}" for p in (PACKAGE / "resolve").glob("*/__init__.py")}
    assert subpackages <= set(SPACY_FREE)
