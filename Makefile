# One command builds everything, one runs every test. Both bootstrap what they need.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV := .venv
CORES ?= 2
# Dates in the PDF come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
SNAKEMAKE := VENV=$(VENV) tools/run-snakemake.sh --cores $(CORES)

SCENARIOS := $(basename $(notdir $(wildcard config/scenarios/*.yaml)))

.PHONY: all test env tex lint clean scenario compare report arxiv bench diff lab
all: env tex
	$(SNAKEMAKE)
	@$(VENV)/bin/python -m inference_scaling.report results/claims.json paper/main.pdf

# make scenario NAME=kaplan_allocation -> results/scenarios/NAME/ (ledger, figures, paper)
scenario: env tex
	@[ -n "$(NAME)" ] || { echo "usage: make scenario NAME=<one of: $(SCENARIOS)>" >&2; exit 2; }
	$(SNAKEMAKE) --config scenario=$(NAME)
	@$(VENV)/bin/python -m inference_scaling.report results/scenarios/$(NAME)/claims.json \
		results/scenarios/$(NAME)/paper/main.pdf

# Build every scenario and the default, then tabulate which claims and conclusions survive
# (results/compare.md, .tex for LaTeX, .html for the report).
compare: all
	@for name in $(SCENARIOS); do $(SNAKEMAKE) --quiet rules --config scenario=$$name; done
	$(SNAKEMAKE) results/compare.md --quiet rules
	@echo "scenario comparison: results/compare.md"

# HTML report for reviewers who do not build: every figure, the ledger, the Monte Carlo
# table, the scenario comparison and the paper, captioned (workflow/report/).
report: compare
	$(SNAKEMAKE) report_pages --quiet rules
	$(SNAKEMAKE) --report results/report.html all report_pages
	@echo "report: results/report.html"

# Submission bundle: sources, generated macros, .bbl and figures; compiles with pdflatex alone.
arxiv: all
	$(VENV)/bin/python -m inference_scaling.arxiv dist/arxiv.tar.gz paper results figures \
		build/latex/default/main.bbl

# make diff [BASE=<git ref>] (default: upstream, else HEAD~1) -> results/diff/
diff: env tex
	CORES=$(CORES) tools/review_diff.sh $(BASE)

# Times the edit -> PDF loop and the Monte Carlo; writes results/bench.md.
bench: all
	$(VENV)/bin/python tools/bench.py results/bench.md

# JupyterLab on notebooks/ in its own environment (.venv-lab: the build's packages plus the
# `lab` group), so the build environment never carries JupyterLab. The jupytext sources open
# as notebooks (tools/jupyterlab-overrides.json); data/ resolves from notebooks/ as well.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
LAB_VENV := .venv-lab
LAB_PORT ?= 8888
lab: env
	UV_PROJECT_ENVIRONMENT=$(LAB_VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen \
		--group lab --python python3 --quiet
	mkdir -p $(LAB_VENV)/share/jupyter/lab/settings
	cp tools/jupyterlab-overrides.json $(LAB_VENV)/share/jupyter/lab/settings/overrides.json
	$(LAB_VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks --port=$(LAB_PORT) \
		$(if $(filter 0,$(shell id -u)),--allow-root)

test: env tex
	$(VENV)/bin/python -m pytest

env: $(VENV)/.synced
$(VENV)/.synced: uv.lock pyproject.toml tools/bootstrap-python.sh
	tools/bootstrap-python.sh
	@touch $@

tex:
	@tools/bootstrap-tex.sh

# The hooks of .pre-commit-config.yaml (ruff, ruff format, snakefmt, codespell, large files),
# all local, then Snakemake's own lint.
lint: env
	$(VENV)/bin/pre-commit run --all-files
	$(SNAKEMAKE) --lint

clean:
	rm -rf results figures build paper/main.pdf .snakemake
