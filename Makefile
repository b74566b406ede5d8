# Entry points. `make serve` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build publish releases check stale diff links archive lint no-symlinks no-committed-caches test properties lock browser-deps fonts node-packages clean bench compat catalog translations

$(BIN)/activate:
	scripts/make-venv.sh $(PYTHON) $(VENV)

# Editing data needs only what the site is built with (requirements.lock, about a tenth of the test
# tools' size): `make check`, `build`, `serve` and `diff` run in .venv-site; `make test` and the
# rest use .venv, which adds the test tools.
SITE_VENV := .venv-site
SITE_BIN := $(SITE_VENV)/bin

$(SITE_VENV)/.installed: requirements.lock pyproject.toml
	scripts/make-venv.sh $(PYTHON) $(SITE_VENV)
	$(SITE_BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(SITE_BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Installed from the hashed lock (scripts/lock-requirements.py writes it from requirements-test.txt):
# pip refuses any file whose SHA-256 differs from the one PyPI published.
$(VENV)/.installed: $(BIN)/activate requirements-test.lock pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The editions (mkdocs.yml, extra.alternate): English at the root, every other language from its own
# config, mkdocs.<lang>.yml, into site/<lang>/. `make serve EDITION=ko` serves the Korean edition.
EDITIONS := $(patsubst mkdocs.%.yml,%,$(wildcard mkdocs.*.yml))
EDITION ?=
build-editions = $(foreach lang,$(EDITIONS),$(SITE_BIN)/mkdocs build --strict --config-file mkdocs.$(lang).yml --site-dir site/$(lang) &&) true

serve: $(SITE_VENV)/.installed $(if $(EDITION),fonts node-packages)
	$(SITE_BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 $(if $(EDITION),--config-file mkdocs.$(EDITION).yml)

build: $(SITE_VENV)/.installed fonts node-packages
	$(SITE_BIN)/mkdocs build --strict --site-dir site
	$(build-editions)

# Releases (nkexports/releases.py): each release-YYYY-MM-DD tag, and the site at each month's start,
# frozen under releases/<date>/. `make releases` builds the copies RELEASES_DIR lacks (RELEASES_LIST=1
# only lists them); `make publish` builds the live site citing them, with the copies in site/releases/.
RELEASES_DIR ?= releases-built
releases: $(SITE_VENV)/.installed
	$(SITE_BIN)/python -m nkexports releases --into "$(RELEASES_DIR)" $(if $(RELEASES_LIST),--list)

publish: releases fonts node-packages
	NKEXPORTS_RELEASES_DIR="$(RELEASES_DIR)" $(SITE_BIN)/mkdocs build --strict --site-dir site
	$(build-editions)
	mkdir -p site/releases && cp -R "$(RELEASES_DIR)/." site/releases/

# CHECK_FLAGS=--github writes each problem as a GitHub Actions annotation (ci.yml's review job).
check: $(SITE_VENV)/.installed
	$(SITE_BIN)/python -m nkexports check $(CHECK_FLAGS) data

# `make stale`: the series whose reporter's next figure is overdue (exit 1), or none (exit 0); a
# workflow runs it weekly. STALE_TODAY=YYYY-MM-DD judges by another day.
stale: $(SITE_VENV)/.installed
	$(SITE_BIN)/python -m nkexports stale data $(if $(STALE_TODAY),--today "$(STALE_TODAY)")

# `make diff BASE=origin/main`: what the data changes since BASE, as the pull request's summary shows it;
# the head is the working tree, or the commit HEAD=<ref> names. DIFF_JSON=<file> also writes JSON.
diff: $(SITE_VENV)/.installed
	@test -n "$(BASE)" || { echo "make diff: name the commit to compare with, e.g. make diff BASE=origin/main" >&2; exit 2; }
	@$(SITE_BIN)/python -m nkexports diff $(if $(DIFF_JSON),--json "$(DIFF_JSON)") -- "$(BASE)" $(if $(HEAD),"$(HEAD)")

links: $(VENV)/.installed
	$(BIN)/python scripts/check_links.py data

# `make archive ARCHIVE_BASE=<commit>`: ask the Wayback Machine to capture sources added since that commit.
archive: $(VENV)/.installed
	$(BIN)/python scripts/archive_sources.py data --base "$(ARCHIVE_BASE)"

browser-deps: fonts
	scripts/ensure-browser.sh

fonts:
	scripts/ensure-fonts.sh

node-packages:
	scripts/ensure-node-packages.sh

# `make catalog`: rewrite locales/<lang>/LC_MESSAGES/site.po to hold exactly the messages the templates
# and code use, keeping every translation. `make translations LANGUAGE=ko`: the data's texts that
# edition still shows in English, ready to paste into translations/ko/.
catalog: $(SITE_VENV)/.installed
	$(SITE_BIN)/python -m nkexports catalog

translations: $(SITE_VENV)/.installed
	@test -n "$(LANGUAGE)" || { echo "make translations: name the language, e.g. make translations LANGUAGE=ko" >&2; exit 2; }
	@$(SITE_BIN)/python -m nkexports translations "$(LANGUAGE)"

# cffconvert, which checks CITATION.cff, needs an older jsonschema than the site: it has its own venv.
CFF_VENV := .venv-cff

$(CFF_VENV)/.installed: requirements-cff.lock
	scripts/make-venv.sh $(PYTHON) $(CFF_VENV)
	$(CFF_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-cff.lock
	touch $@

# Lint: ruff (configured in pyproject.toml), no symbolic links and no committed cache in the
# repository; `make test` runs it first.
lint: $(VENV)/.installed no-symlinks no-committed-caches
	$(BIN)/ruff check .

no-symlinks:
	scripts/no-symlinks.sh

no-committed-caches:
	scripts/no-committed-caches.sh

# One pytest worker per core (pytest-xdist), each test file on one worker so that its module's fixtures
# are made once; the built sites are made once for all workers (tests/conftest.py).
test: $(VENV)/.installed $(CFF_VENV)/.installed browser-deps lint
	$(BIN)/python -m pytest -n auto --dist loadfile

# After changing a requirements*.txt file: write the hashed locks that `make` installs from (needs PyPI).
lock: $(BIN)/activate
	$(BIN)/python scripts/lock-requirements.py

# The property-based tests with many more inputs than `make test` tries (weekly in CI).
properties: $(VENV)/.installed
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/test_escaping_properties.py tests/test_data_text_properties.py \
		tests/test_hostile_history.py

clean:
	rm -rf site test-artifacts releases-built

# `make bench`: build times, data-layer overhead, page weight and Lighthouse scores (bench/run.py;
# not part of `make test`). Every size runs to completion; BENCH_ARGS passes options, e.g. BENCH_ARGS=--quick
# for one run per timing (.github/workflows/bench.yml runs it weekly).
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.package-lock.json

bench: $(VENV)/.installed browser-deps node-packages bench/node_modules/.package-lock.json
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# `make compat`: build with ProperDocs in .venv-compat and compare with the MkDocs build (bench/compat.py).
COMPAT_VENV := .venv-compat

$(COMPAT_VENV)/.installed: requirements-compat.lock pyproject.toml
	scripts/make-venv.sh $(PYTHON) $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-compat.lock
	$(COMPAT_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

compat: $(VENV)/.installed $(COMPAT_VENV)/.installed
	$(BIN)/python bench/compat.py
