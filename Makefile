# One command builds everything, one runs every test. Both bootstrap what they need.
# `make help` lists the targets and variables.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV := .venv
## CORES  jobs run at once (default: every core of this machine, `nproc`)
CORES ?= $(shell nproc)
## NAME   scenario for `make scenario`: a file config/scenarios/NAME.yaml
NAME ?=
## BASE   git ref `make diff` compares with (default: the upstream branch, else HEAD~1)
BASE ?=
# Dates in the PDF come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
SNAKEMAKE := VENV=$(VENV) tools/run-snakemake.sh --cores $(CORES)

SCENARIOS := $(basename $(notdir $(wildcard config/scenarios/*.yaml)))

.PHONY: all help test env tex lint clean scenario compare report arxiv bench diff golden mutation lab html

## all      build the default scenario: results/default/ (ledger, figures, notebooks) and paper/main.pdf
all: env tex
	$(SNAKEMAKE)

## help     list the targets and variables
help:
	@echo "make [target] [VARIABLE=value]"; echo
	@echo "targets:"
	@sed -n 's/^## \([a-z-]\+\)  */\1|/p' $(MAKEFILE_LIST) | awk -F'|' '{printf "  %-10s %s\n", $$1, $$2}'
	@echo; echo "variables:"
	@sed -n 's/^## \([A-Z]\+\)  */\1|/p' $(MAKEFILE_LIST) | awk -F'|' '{printf "  %-10s %s\n", $$1, $$2}'
	@echo; echo "scenarios: default $(SCENARIOS)"

## scenario build one scenario, NAME=<name>: results/NAME/ (shares unchanged jobs with default)
scenario: env tex
	@[ -n "$(NAME)" ] || { echo "usage: make scenario NAME=<one of: $(SCENARIOS)>" >&2; exit 2; }
	$(SNAKEMAKE) --config scenario=$(NAME)

## compare  build every scenario in parallel and tabulate them: results/compare.{md,tex,html}
compare: env tex
	$(SNAKEMAKE) compare
	@echo "scenario comparison: results/compare.md"

## html     HTML edition of the paper, every number linked to its ledger entry: results/default/html/
html: env tex
	$(SNAKEMAKE) html
	@echo "HTML edition: results/default/html/index.html"

## report   HTML report for reviewers (figures, tables, comparison, paper): results/report.html
report: env tex
	$(SNAKEMAKE) report --report results/report.html --report-after-run
	@echo "report: results/report.html"

## arxiv    submission bundle that compiles with pdflatex alone: dist/arxiv.tar.gz
arxiv: all
	$(VENV)/bin/python -m inference_scaling.publish.arxiv dist/arxiv.tar.gz paper results/default \
		build/latex/default/figures build/latex/default/main.bbl

## diff     what changed since BASE: results/diff/ (claims, figures, marked-up paper)
diff: env tex
	CORES=$(CORES) tools/review_diff.sh $(BASE)

## bench    time the edit -> PDF loop against its targets: results/bench.md and README.md
bench: env tex
	$(VENV)/bin/python tools/bench.py results/bench.md

## golden   rewrite every golden file in tests/golden/, computed in-process (review the diff like code)
golden: env
	$(VENV)/bin/python -m inference_scaling.review.golden tests/golden

## mutation the hand-written bug corpus, then mutmut (slow, not in CI); writes both scores into README.md
mutation: env
	$(VENV)/bin/python tools/bug_corpus.py || true
	$(VENV)/bin/mutmut run --max-children $(CORES) || true
	$(VENV)/bin/python tools/mutation_score.py

## test     build the default scenario (the paper tests read it), then run every test, CORES at once
test: all
	$(VENV)/bin/python -m pytest -n $(CORES)

## env      the Python environment .venv from uv.lock
env: $(VENV)/.synced
$(VENV)/.synced: uv.lock pyproject.toml tools/bootstrap-python.sh
	tools/bootstrap-python.sh
	@touch $@

## tex      check TeX Live, latexmk, poppler and LaTeXML; install them with apt when allowed
tex:
	@tools/bootstrap-tex.sh

## lint     the pre-commit hooks (ruff, ruff format, snakefmt, codespell, large files), then snakemake --lint
lint: env
	$(VENV)/bin/pre-commit run --all-files
	$(SNAKEMAKE) --lint

## clean    remove everything generated (results, build, dist, paper/*.pdf, .snakemake, .cache)
clean:
	rm -rf results build dist paper/main.pdf paper/supplement.pdf .snakemake .cache

# The lab environment (.venv-lab): the build's packages plus the `lab` dependency group
# (Voila, ipywidgets, Selenium), so the build environment never carries them.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
LAB_VENV := .venv-lab
.PHONY: lab-env explore
## lab-env  the lab environment .venv-lab (JupyterLab, Voila, Selenium)
lab-env: env
	UV_PROJECT_ENVIRONMENT=$(LAB_VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen \
		--group lab --python python3 --quiet

## lab      JupyterLab on notebooks/ (the jupytext sources open as notebooks), LAB_PORT=8888
LAB_PORT ?= 8888
lab: lab-env
	mkdir -p $(LAB_VENV)/share/jupyter/lab/settings
	cp tools/jupyterlab-overrides.json $(LAB_VENV)/share/jupyter/lab/settings/overrides.json
	$(LAB_VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks --port=$(LAB_PORT) \
		$(if $(filter 0,$(shell id -u)),--allow-root)

## explore  the assumption explorer as a local web page (Voila), PORT=8866
PORT ?= 8866
explore: lab-env
	$(LAB_VENV)/bin/python -m inference_scaling.explorer.app --port $(PORT)
