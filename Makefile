# Two commands for a fresh machine:  make run  (facts of the bundled samples)  and  make test.
# Each installs what it needs into .venv first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := ../shared/dev

.PHONY: install run test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/factx extract samples/ --glob '*.txt' --format jsonl

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/factx eval $(DEV)/gold.jsonl --articles $(DEV)/articles

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
