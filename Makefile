# Two commands for a new machine with python3 and make:
#   make figures   set up .venv, rebuild every figure and table from data/raw
#   make test      set up .venv with the test extras, run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test
# setuptools notes on every editable install that a folder named like the package may
# shadow it on import; here that folder is the package itself, so the note only alarms.
PIP_INSTALL := PYTHONWARNINGS=ignore $(PY) -m pip install --quiet

.PHONY: figures test lab extract lint clean help benchmark benchmark-corpus benchmark-growth robustness evaluate

help:
	@echo "make figures  - rebuild every figure (figures/) and table (data/processed/) from data/raw"
	@echo "make test     - run unit tests, doctests, notebooks and lint"
	@echo "make lab      - open JupyterLab on notebooks/ with the project's kernel"
	@echo "make extract  - write the corpus tables of data/raw/articles to data/processed/"
	@echo "make evaluate - score quotes and sentiment on ../shared/corpora (when present), speakers, sectors and Korean quotes on the own gold sets"
	@echo "make benchmark-corpus - time extract against NLTK Punkt + VADER on 1k/5k/20k PolNeAR articles"
	@echo "make benchmark-growth - growth exponent of every extractor on inputs doubling in size"
	@echo "make robustness - the long property-test run (10,000 examples per property; hours)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP_INSTALL) -e '.[notebooks]'
	touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PIP_INSTALL) -e '.[notebooks,test]'
	touch $(STAMP) $@

figures: $(STAMP)
	$(PY) -m analysis figures --raw data/raw --out figures
	$(PY) -m analysis extract data/raw/articles --out data/processed

extract: $(STAMP)
	$(PY) -m analysis extract data/raw/articles --out data/processed

test: $(STAMP_TEST)
	$(PY) -m ruff check analysis tests benchmarks
	$(PY) -m pytest -q -rs

lab: $(STAMP)
	$(PY) -m ipykernel install --sys-prefix --name analysis --display-name "analysis (.venv)" >/dev/null
	$(PY) -m jupyter lab notebooks/

benchmark: $(STAMP_TEST)
	$(PY) benchmarks/bench_pipeline.py

# The corpus benchmark of docs/performance.md (about 10 minutes on 2 cores); the PolNeAR
# train texts are read where they lie and replicated in a temporary folder only.
POLNEAR ?= ../shared/corpora/polnear/train
benchmark-corpus: $(STAMP_TEST)
	$(PY) benchmarks/bench_corpus.py --polnear $(POLNEAR) --sizes 1000 5000 20000

benchmark-growth: $(STAMP_TEST)
	$(PY) benchmarks/bench_growth.py

# docs/robustness.md: every property with 10,000 examples (several hours on 2 cores).
robustness: $(STAMP_TEST)
	HYPOTHESIS_PROFILE=long $(PY) -m pytest -q tests/test_totality.py --hypothesis-show-statistics

evaluate: $(STAMP)
	$(PY) -m analysis evaluate quotes --brat ../shared/corpora/polnear/dev
	$(PY) -m analysis evaluate sentiment ../shared/corpora/newsmtsc/dev-rw.jsonl
	$(PY) -m analysis evaluate sentiment ../shared/corpora/newsmtsc/dev-mt.jsonl
	$(PY) -m analysis evaluate speakers tests/fixtures/speakers-gold/gold.json
	$(PY) -m analysis evaluate speakers tests/fixtures/speakers-gold/check.json
	$(PY) -m analysis evaluate speakers tests/fixtures/speakers-gold/check2.json
	$(PY) -m analysis evaluate speakers tests/fixtures/speakers-gold/check3.json
	$(PY) -m analysis evaluate speakers tests/fixtures/speakers-gold/check4.json
	$(PY) -m analysis evaluate sectors tests/fixtures/sectors-gold/gold.json
	$(PY) -m analysis evaluate quotes --gold tests/fixtures/korean-quotes/gold.json
	$(PY) -m analysis evaluate quotes --gold tests/fixtures/korean-quotes/check.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
