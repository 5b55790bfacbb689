# Orienteur — `make run` starts the assistant on the embedded directory; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export RASA_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1

# A Python 3.10 (Rasa 3.6 does not run on 3.11+): $PYTHON310, python3.10 on PATH, or pyenv's.
PYTHON310 ?= $(shell for c in python3.10 "$$(pyenv prefix 3.10.13 2>/dev/null)/bin/python" \
	"$$(pyenv prefix 3.10 2>/dev/null)/bin/python" /usr/bin/python3.10 /usr/local/bin/python3.10; do \
	  if [ -x "$$(command -v $$c 2>/dev/null)" ] && "$$c" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null; \
	  then command -v "$$c"; break; fi; done)

.PHONY: help venv install directory model run shell test test-fast lint services bench bench-rasa audit audit-tool clean

help:
	@echo "make run    - install, train if needed, load the embedded directory, start the assistant"
	@echo "make test   - install and run every test"
	@echo "make shell  - chat with the assistant in the terminal"
	@echo "make bench  - run the benchmarks in bench/"
	@echo "make audit  - known vulnerabilities of the installed packages (pip-audit)"

$(PY):
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "error: Python 3.10 is required (Rasa Open Source 3.6 does not run on 3.11+)."; \
	  echo "Install it, e.g. 'pyenv install 3.10.13' or 'apt-get install python3.10 python3.10-venv',"; \
	  echo "or point PYTHON310=/path/to/python3.10."; exit 1; fi
	"$(PYTHON310)" -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip==24.2
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv install: $(VENV)/.installed

# The embedded default directory, built once from the shipped open data, and imported again when
# the data or the import rules change (the files that make them: directory_client/importer/
# rules.py): the import reads again the records read under other rules, without deleting it.
RULE_FILES := $(shell python3 directory_client/importer/rules.py)
var/directory.sqlite3: $(VENV)/.installed $(wildcard directory_client/data/places/*) $(RULE_FILES)
	$(PY) -m directory_client import --default
	@touch $@

directory: var/directory.sqlite3

# The Rasa model, trained only when config.yml, domain.yml or data/ changed since the last one.
model: install
	$(PY) -m bot train

services:
	bash scripts/install-services.sh

lint: install
	$(BIN)/ruff check .

test: install services model audit-tool
	$(BIN)/ruff check .
	ORIENTEUR_TEST_MODEL=$(CURDIR)/models/orienteur.tar.gz $(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not rasa and not postgres"

# Every benchmark prints its table; the directory search builds 10k/100k/1M places (several minutes).
bench: install
	PYTHONPATH=. $(PY) bench/locate_speed.py
	PYTHONPATH=. $(PY) bench/import_speed.py
	PYTHONPATH=. $(PY) bench/territory.py
	PYTHONPATH=. $(PY) bench/directory_search.py

# pip-audit in its own venv (it needs packaging>=23, Rasa 3.6 pins packaging<21); it audits $(VENV).
AUDIT_VENV ?= .venv-audit
AUDIT_BIN := $(AUDIT_VENV)/bin/pip-audit
PIP_AUDIT_PIN := $(shell grep -o '"pip-audit==[^"]*"' pyproject.toml | tr -d '"')

# Never fails: without it the audit test is skipped and says why.
audit-tool:
	@[ -x $(AUDIT_BIN) ] || { "$(PYTHON310)" -m venv $(AUDIT_VENV) && \
	  $(AUDIT_VENV)/bin/pip install --quiet "$(PIP_AUDIT_PIN)"; } || \
	  echo "pip-audit could not be installed: the audit test will be skipped"

# Exit 1: findings (docs/security.md says what we do); 3: the vulnerability service is unreachable.
audit: install audit-tool
	PIP_AUDIT=$(AUDIT_BIN) $(PY) scripts/audit.py

# The running assistant over REST (needs a trained model in models/; see docs/reliability.md).
bench-rasa: install
	$(PY) bench/turn_latency.py
	$(PY) bench/load.py

run: install directory
	$(PY) -m bot run

shell: install directory
	$(PY) -m bot shell

clean:
	rm -rf var models .rasa .pytest_cache
