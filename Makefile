# OT Desk — the README's two commands are `make run` and `make test`.
# Both create .venv when missing and install the project into it.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench venv system-deps clean translations dist

run: $(STAMP)
	$(VENV)/bin/otdesk $(ARGS)

test: $(STAMP)
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run $(BENCH_ARGS)

venv: $(STAMP)

# Linux release files in dist/ (bundle .tar.gz, .deb, SBOM, SHA256SUMS + .asc);
# see packaging/README.md for the signing key.
dist: $(STAMP)
	PYTHON=$(PYTHON) packaging/build-linux

# Shared libraries Qt needs; installed with apt-get when missing and we may.
system-deps:
	@scripts/system-deps

$(STAMP): pyproject.toml | system-deps
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis

UI_SOURCES = $(wildcard otdesk/*.py otdesk/ui/*.py)

# Update the .ts sources from the code, then compile them into the package.
translations: $(STAMP)
	for lang in fi sv en; do \
	  $(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -ts resources/translations/otdesk_$$lang.ts \
	    -source-language en -target-language $$lang -no-obsolete; \
	  $(VENV)/bin/pyside6-lrelease resources/translations/otdesk_$$lang.ts \
	    -qm otdesk/translations/otdesk_$$lang.qm; \
	done
