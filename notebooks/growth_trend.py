# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Frontier pre-training compute, 2018–2024
#
# The essay says frontier pre-training compute grew about 5x a year. This notebook redoes the
# fit behind the ledger's `era.pretrain_growth` from Epoch AI's notable-models data, draws
# figure 8, and shows how much the answer depends on the *definition* of the frontier.
# Every number comes from the package's kernels (`inference_scaling.model.era`); nothing is
# re-implemented here.

# %% tags=["parameters"]
models_csv = "data/epoch_notable_models.csv"
growth_json = "results/default/pretrain_growth.json"  # written by the fit_pretrain_growth job
assumptions = None  # {"era.frontier_top_n": ..., ...}; None reads config/assumptions.yaml

# %%
# ruff: noqa: E402, B018 - notebook: imports after the parameters cell, figures shown by value
# %matplotlib inline
import json

import numpy as np

from inference_scaling.model import era
from inference_scaling.pipeline import datasets
from inference_scaling.pipeline.config import load_assumptions
from inference_scaling.pipeline.paths import project_path
from inference_scaling.publish.figures import growth as growth_figure

# Relative to the project root, also when Jupyter runs this notebook from notebooks/.
models_csv, growth_json = project_path(models_csv), project_path(growth_json)

if assumptions is None:
    assumptions = load_assumptions().values
top_n = int(assumptions["era.frontier_top_n"])
start, end = assumptions["era.fit_start_year"], assumptions["era.fit_end_year"]
confidence = assumptions["era.fit_confidence"]
models = datasets.notable_models(models_csv)
with open(growth_json, encoding="utf-8") as handle:
    ledger_growth = json.load(handle)
print(f"{models['flop'].size} models; frontier = top {top_n} at release; window [{start}, {end})")

# %% [markdown]
# ## Three definitions of "frontier growth"
#
# * **all-domain**: the frontier is the top-N of *all* models at release; fit those in the window;
# * **language-only**: the frontier is decided among language models alone;
# * **language in the all-domain frontier**: language models that are on the all-domain frontier.

# %%
lang = models["language"]
fit_all, frontier_all, _ = era.frontier_growth(
    models["date"], models["flop"], top_n, start, end, confidence
)
fit_lang, _, _ = era.frontier_growth(
    models["date"][lang], models["flop"][lang], top_n, start, end, confidence
)
years = era.decimal_year(models["date"])
used = frontier_all & lang & (years >= start) & (years < end)
fit_lang_in_all = era.fit_log_growth(years[used], models["flop"][used], confidence)

rows = {"all": fit_all, "language": fit_lang, "language_in_all": fit_lang_in_all}
print(f"{'definition':<18}{'growth/yr':>10}{'CI':>16}{'n':>5}")
for name, fit in rows.items():
    ci = f"{fit.growth_low:.2f}-{fit.growth_high:.2f}"
    print(f"{name:<18}{fit.growth:>10.2f}{ci:>16}{fit.n:>5}")

# %% [markdown]
# The notebook and the pipeline must agree: the fits above equal those in the file the
# ledger (and figure 8) read.

# %%
for name, fit in rows.items():
    assert np.isclose(fit.growth, ledger_growth["fits"][name]["growth"], rtol=1e-12), name
    assert fit.n == ledger_growth["fits"][name]["n"], name
print("notebook fits == results/default/pretrain_growth.json")

# %% [markdown]
# ## Sensitivity to the frontier size and the window
#
# The essay's "~5x" sits inside the spread that reasonable definitions produce.

# %%
print(f"{'top N':>6}{'start':>8}{'all':>8}{'lang':>8}")
for n_top in (5, 10, 20):
    for first in (2018.0, 2020.0, 2022.0):
        a, _, _ = era.frontier_growth(models["date"], models["flop"], n_top, first, end, confidence)
        b, _, _ = era.frontier_growth(
            models["date"][lang], models["flop"][lang], n_top, first, end, confidence
        )
        print(f"{n_top:>6}{first:>8.0f}{a.growth:>8.2f}{b.growth:>8.2f}")

# %% [markdown]
# ## Figure 8
#
# Models before about 2019 look "frontier" partly because the data start in 2018 (earlier,
# larger models are not in the table); the fit window starts in 2020.

# %%
fig = growth_figure.frontier_growth(models, ledger_growth, top_n, start, end)
fig
