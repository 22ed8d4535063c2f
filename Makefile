# One command builds everything, one runs every test. Both bootstrap what they need.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV := .venv
CORES ?= 2
# Dates in the PDF come from the last commit, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
SNAKEMAKE := VENV=$(VENV) tools/run-snakemake.sh --cores $(CORES)

SCENARIOS := $(basename $(notdir $(wildcard config/scenarios/*.yaml)))

.PHONY: all test env tex lint clean scenario compare report arxiv bench diff golden mutation
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
	tools/review_diff.sh $(BASE)

# Times the edit -> PDF loop and the Monte Carlo; writes results/bench.md.
bench: all
	$(VENV)/bin/python tools/bench.py results/bench.md

# Rewrite tests/golden/claims.json from the built ledger; review its diff like code.
golden: all
	$(VENV)/bin/python -m inference_scaling.golden results/claims.json tests/golden/claims.json
# Mutation testing of the kernels (slow: tens of minutes; not part of test or CI). Writes the
# score into README.md; equivalent survivors are listed in tests/mutation_survivors.md.
mutation: env
	$(VENV)/bin/mutmut run --max-children $(CORES) || true
	$(VENV)/bin/python tools/mutation_score.py

test: env tex
	$(VENV)/bin/python -m pytest

env: $(VENV)/.synced
$(VENV)/.synced: uv.lock pyproject.toml tools/bootstrap-python.sh
	tools/bootstrap-python.sh
	@touch $@

tex:
	@tools/bootstrap-tex.sh

lint: env
	$(VENV)/bin/ruff check src tests workflow tools
	$(VENV)/bin/snakefmt --check Snakefile workflow/rules/*.smk
	$(SNAKEMAKE) --lint

clean:
	rm -rf results figures build paper/main.pdf .snakemake

# The lab environment (.venv-lab): the build's packages plus the `lab` dependency group
# (Voila, ipywidgets, Selenium), so the build environment never carries them.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
LAB_VENV := .venv-lab
.PHONY: lab-env explore
lab-env: env
	UV_PROJECT_ENVIRONMENT=$(LAB_VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen \
		--group lab --python python3 --quiet

# make explore [PORT=8866]: the assumption explorer as a local web page (Voila).
PORT ?= 8866
explore: lab-env
	$(LAB_VENV)/bin/python -m inference_scaling.explorer --port $(PORT)
