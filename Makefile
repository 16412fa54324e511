# Accord — two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INDEX ?= var/index
PORT ?= 8501

.PHONY: run test lint typecheck unit install browser bench bench-quick clean

# torch is installed first and pinned: a bare `torch` requirement pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Build the index from corpus/ when there is none, then serve the web page.
run: $(STAMP)
	$(BIN)/accord ingest corpus/ --if-missing --index $(INDEX) || [ $$? -eq 3 ]
	$(BIN)/accord serve --index $(INDEX) --port $(PORT)

# Headless Chromium for the browser tests (Debian package; Playwright cannot download one here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian chromium for the browser tests"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -m "not model and not browser"

test: $(STAMP) browser lint typecheck
	$(BIN)/pytest --durations=15

bench: $(STAMP)
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
