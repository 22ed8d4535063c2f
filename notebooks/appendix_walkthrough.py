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
# # The appendix, step by step: lifetime compute of a model
#
# The essay's appendix writes lifetime compute as `C = ND + C_post + dNI` and argues about
# which of pre-training and deployment dominates. This notebook walks through it with the
# package's kernels (`inference_scaling.model.lifetime`) and the default assumptions, and draws
# figures 5, 6 and 9.

# %% tags=["parameters"]
assumptions = None  # {"appendix.n_params": ..., ...}; None reads config/assumptions.yaml
chinchilla_csv = "data/chinchilla_fit.csv"

# %%
# ruff: noqa: E402, B018 - notebook: imports after the parameters cell, figures shown by value
# %matplotlib inline
import numpy as np

from inference_scaling.model import lifetime
from inference_scaling.pipeline.config import load_assumptions
from inference_scaling.pipeline.paths import project_path
from inference_scaling.publish.figures import data, model

# Relative to the project root, also when Jupyter runs this notebook from notebooks/.
chinchilla_csv = project_path(chinchilla_csv)

if assumptions is None:
    assumptions = load_assumptions().values
N = assumptions["appendix.n_params"]
D = assumptions["appendix.n_tokens"]
I = assumptions["appendix.tokens_per_deployment"]  # noqa: E741 - the essay's symbol
print(f"N = {N:.0e} parameters, D = {D:.0e} tokens, I = {I:.0e} tokens per deployment")

# %% [markdown]
# ## 1. When does deployment cost as much as pre-training?
#
# `c_inf d N I = c_pre N D` gives `d* = (c_pre / c_inf) D / I`; `N` cancels.

# %%
for name, (c_pre, c_inf) in {
    "essay (1, 1)": lifetime.ESSAY_COEFFICIENTS,
    "standard (6, 2)": lifetime.STANDARD_COEFFICIENTS,
}.items():
    pre = lifetime.pretraining_compute(N, D, c_pre)
    d_star = lifetime.crossover_deployments(D, I, c_pre, c_inf)
    share = lifetime.deployment_share(N, D, d_star, I, 0.0, c_pre, c_inf)
    print(f"{name:<16} pre-training {pre:.1e} FLOP, d* = {d_star:.1e}, share at d* = {share:.2f}")

# %%
fig5 = model.lifetime_compute(N, D, I)
fig5

# %% [markdown]
# ## 2. Ten times more pre-training, or ten times more inference?
#
# Scaling pre-training by `k` also grows the model (`N ∝ C^a`) and so every later deployment;
# scaling inference grows deployment only. Which is cheaper depends on the deployment share `s`.

# %%
k = assumptions["appendix.scale_factor"]
a = assumptions["appendix.param_exponent"]
q = assumptions["appendix.post_training_share"]
for s in (0.0, 0.01, 0.25, 0.5, 0.75, 0.99):
    m_pre = lifetime.pretraining_cost_multiplier(k, s, a, q)
    m_inf = lifetime.inference_cost_multiplier(k, s, q)
    print(f"s = {s:4.2f}: {k:g}x pre-training -> {m_pre:5.2f}x, {k:g}x inference -> {m_inf:5.2f}x")
s_star = lifetime.breakeven_deployment_share(k, a, q)
print(f"break-even deployment share s* = {s_star:.3f}")
assert np.isclose(
    lifetime.pretraining_cost_multiplier(k, s_star, a, q),
    lifetime.inference_cost_multiplier(k, s_star, q),
)

# %%
fig6 = model.cost_multipliers(
    k,
    a,
    q,
    assumptions["appendix.pre_dominated_share"],
    assumptions["appendix.deploy_dominated_share"],
)
fig6

# %% [markdown]
# ## 3. Footnote: heavy deployment favours smaller, over-trained models
#
# At a fixed loss, minimising `6ND + 2NT` over the Chinchilla loss surface moves the optimum
# to fewer parameters and more tokens per parameter as lifetime deployment tokens `T` grow.
# Hoffmann et al.'s printed constants put the `T -> 0` optimum near 90 tokens per parameter;
# the Besiroglu et al. (2024) refit near 18, close to Chinchilla's 20.

# %%
fits, chinchilla = data.chinchilla_fits(chinchilla_csv)
for name, constants in fits.items():
    loss = lifetime.chinchilla_loss(chinchilla["n_params"], chinchilla["n_tokens"], **constants)
    t = np.array([0.0, 1e12, 1e13, 1e14])
    n, d = lifetime.lifetime_optimal_allocation(loss, t, **constants)
    ratios = ", ".join(f"{r:.0f}" for r in d / n)
    print(f"{name:<14} L = {loss:.3f}: tokens/param at T = 0, 1e12, 1e13, 1e14 -> {ratios}")

# %%
fig9 = model.overtraining(fits, chinchilla)
fig9
