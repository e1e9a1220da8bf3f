# The front door. `make demo` and `make test` each set up everything on a fresh machine (Python 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED = false

.PHONY: demo test setup setup-test bench clean

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

setup: $(BIN)/eventwire

$(VENV)/.test-deps: $(BIN)/eventwire
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup-test: $(VENV)/.test-deps

demo: setup  ## set up, then run the main job on the bundled samples into data/eventwire.duckdb
	$(BIN)/eventwire run data/samples --db data/eventwire.duckdb

test: setup-test  ## set up, then run the whole test suite
	$(BIN)/python -m pytest -q

bench: setup-test  ## quality and speed figures (needs ../shared)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/eventwire eval ../shared/gold/seeds.jsonl
	$(BIN)/python benchmarks/statements_peer.py
	$(BIN)/python benchmarks/acled_tolls.py
	$(BIN)/python benchmarks/gva_figures.py
	$(BIN)/python benchmarks/event_types.py
	$(BIN)/python benchmarks/incidents.py

clean:
	rm -rf $(VENV) data/eventwire.duckdb
