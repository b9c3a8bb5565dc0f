# The environment lives in .venv/ at the repository root (the checks run .venv/bin/minutes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARCHIVE ?= var/archive
HOST ?= 127.0.0.1
PORT ?= 8001

.PHONY: setup run build serve test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

build: setup
	$(BIN)/minutes build samples/*.pdf --archive $(ARCHIVE)

run: build
	$(BIN)/minutes serve --archive $(ARCHIVE) --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check .

test: setup lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
