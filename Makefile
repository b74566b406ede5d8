# Entry points. `make serve` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build check links test browser-deps clean

$(BIN)/activate:
	scripts/make-venv.sh $(PYTHON) $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-test.txt pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --site-dir site

check: $(VENV)/.installed
	$(BIN)/python -m nkexports check data

links: $(VENV)/.installed
	$(BIN)/python scripts/check_links.py data

browser-deps:
	scripts/ensure-browser.sh

test: $(VENV)/.installed browser-deps
	$(BIN)/python -m pytest

clean:
	rm -rf site test-artifacts
