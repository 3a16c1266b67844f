# Two commands for a fresh machine:  make run  (facts of the bundled samples)  and  make test.
# Each installs what it needs into .venv first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := ../shared/dev

.PHONY: install run test eval bench clean browser report-screenshot fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/factx extract samples/ --glob '*.txt' --format jsonl

test: install browser
	$(BIN)/python -m pytest -q

# The HTML report's browser tests drive Debian's chromium (Playwright cannot download its own
# browser here). Installed through apt when missing; when that is impossible the tests are
# skipped with a loud reason, and `make test` still runs everything else.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "make: chromium missing: installing Debian's 'chromium' for the browser tests"; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "make: no apt-get here: browser tests will be SKIPPED (set FACTX_CHROMIUM to a chromium)" >&2; \
	  elif [ "$$(id -u)" -eq 0 ]; then \
	    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } \
	      || echo "make: installing chromium failed: browser tests will be SKIPPED" >&2; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    { sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } \
	      || echo "make: installing chromium failed: browser tests will be SKIPPED" >&2; \
	  else \
	    echo "make: not root and no sudo: cannot install chromium: browser tests will be SKIPPED" >&2; \
	  fi; }

# Refresh docs/report.png (the README's screenshot) from the sample's page.
report-screenshot: install browser
	FACTX_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/report/test_report_browser.py -k screenshot

# Fuzz bytes -> decode -> extract with atheris (libFuzzer) for FUZZ_SECONDS; crashes are
# written to FUZZ_ARTIFACTS as crash-<sha1> (replay: $(BIN)/python fuzz/fuzz_extract.py FILE).
FUZZ_SECONDS   ?= 600
FUZZ_CORPUS    ?= /tmp/factx-fuzz-corpus
FUZZ_ARTIFACTS ?= /tmp/factx-fuzz-artifacts/
fuzz: install
	@$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/python -m pip install --quiet "atheris>=2.3,<4"
	mkdir -p $(FUZZ_CORPUS) $(FUZZ_ARTIFACTS)
	-cp -n fuzz/seeds/* $(wildcard ../shared/samples/*.txt) $(FUZZ_CORPUS)/
	$(BIN)/python fuzz/fuzz_extract.py $(FUZZ_CORPUS) -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	  -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=$(FUZZ_ARTIFACTS)

eval: install
	$(BIN)/factx eval $(DEV)/gold.jsonl --articles $(DEV)/articles

# Throughput (vs bare nlp.pipe, 1 process vs all cores), cold start (vs spacy.load) and peak
# RSS (20 vs 2,000 inputs) on ../shared's articles; a few minutes. BENCH_ARGS e.g. "--large 500".
BENCH_ARGS ?=
bench: install
	PYTHONWARNINGS=ignore $(BIN)/python bench/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
