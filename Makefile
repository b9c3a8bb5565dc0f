# The environment lives in .venv/ at the repository root (the checks run .venv/bin/minutes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARCHIVE ?= var/archive
# PDFs `make run` builds from: the shared dev corpus checked out beside this repository.
SAMPLES ?= ../shared/corpus/dev
HOST ?= 127.0.0.1
PORT ?= 8001
# Debian packages the tests use: a real browser, Tesseract with its Norwegian model for scans,
# and poppler's pdftotext, the floor the benchmark measures extraction against.
SYSTEM_PACKAGES := chromium tesseract-ocr tesseract-ocr-nor poppler-utils

.PHONY: setup system-deps run build serve test lint bench screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# After installing, bytecode for our own packages: where PYTHONDONTWRITEBYTECODE is set, each
# run would compile them again (about 35 ms a start); an edited module is recompiled as usual.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q archive db extract models minutes bench
	touch $@

setup: $(VENV)/.installed

# Installs what is missing with apt-get when that is possible (root, or sudo without a password);
# otherwise says what to install. CI runs as root, so there nothing is ever left out.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr tesseract-ocr-nor"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx nor; then \
	  missing="$$missing tesseract-ocr-nor"; fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	else echo "make: please install:$$missing (apt-get install$$missing)" >&2; exit 0; fi; \
	echo "installing:$$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null

build: setup
	@ls $(SAMPLES)/*.pdf >/dev/null 2>&1 || { echo "make: no PDFs in $(SAMPLES); run with SAMPLES=<a folder of PDFs>" >&2; exit 1; }
	$(BIN)/minutes build $(SAMPLES)/*.pdf --archive $(ARCHIVE)

run: build
	$(BIN)/minutes serve --archive $(ARCHIVE) --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check .

test: setup system-deps lint
	$(BIN)/python -m pytest

# Extraction, update and search at scale on synthetic files (about 15 minutes the first time,
# which makes the files and the search database; kept in bench/.work). BENCH_ARGS=--help for more.
bench: setup system-deps
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The pages shown in README (search, case, meeting), taken by the browser test from the real pages.
screenshot: setup system-deps
	MINUTES_SCREENSHOTS=$(CURDIR)/docs $(BIN)/python -m pytest -q tests/test_browser_front.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
