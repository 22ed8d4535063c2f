"""The essay's appendix: lifetime compute of a model and the cost of scaling it.

Notation (all counts are dimensionless; compute is in FLOP):

- ``N`` parameters, ``D`` pre-training tokens,
- ``d`` deployments (e.g. questions answered), ``I`` tokens generated per deployment,
- ``c_pre`` FLOP per parameter per training token, ``c_inf`` FLOP per parameter per
  generated token.

The essay drops the coefficients (``c_pre = c_inf = 1``, :data:`ESSAY_COEFFICIENTS`); the
standard accounting uses ``6ND`` and ``2NI`` (:data:`STANDARD_COEFFICIENTS`).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize.elementwise import find_root

#: (c_pre, c_inf) as simplified in the essay: C = ND + C_post + dNI.
ESSAY_COEFFICIENTS = (1.0, 1.0)
#: (c_pre, c_inf) of the usual transformer accounting: 6 FLOP/param/token to train
#: (forward + backward), 2 FLOP/param/token to generate (forward only).
STANDARD_COEFFICIENTS = (6.0, 2.0)


def pretraining_compute(n_params, n_tokens, c_pre=1.0):
    """Pre-training compute ``c_pre * N * D`` [FLOP]."""
    return c_pre * np.asarray(n_params, dtype=float) * n_tokens


def deployment_compute(n_params, deployments, tokens_per_deployment, c_inf=1.0):
    """Deployment compute ``c_inf * d * N * I`` [FLOP]."""
    return c_inf * np.asarray(deployments, dtype=float) * n_params * tokens_per_deployment


def lifetime_compute(
    n_params,
    n_tokens,
    deployments,
    tokens_per_deployment,
    post_training=0.0,
    c_pre=1.0,
    c_inf=1.0,
):
    """Total lifetime compute ``C = C_pre + C_post + C_deploy`` [FLOP].

    ``post_training`` is the post-training compute in FLOP, taken as given.
    """
    return (
        pretraining_compute(n_params, n_tokens, c_pre)
        + post_training
        + deployment_compute(n_params, deployments, tokens_per_deployment, c_inf)
    )


def crossover_deployments(n_tokens, tokens_per_deployment, c_pre=1.0, c_inf=1.0):
    """Deployments ``d*`` at which deployment compute equals pre-training compute.

    From ``c_inf d N I = c_pre N D``: ``d* = (c_pre / c_inf) * D / I`` [deployments]. It does
    not depend on ``N``, which multiplies both sides.
    """
    return (c_pre / c_inf) * np.asarray(n_tokens, dtype=float) / tokens_per_deployment


def single_deployment_token_budget(n_tokens, c_pre=1.0, c_inf=1.0):
    """Tokens one deployment may generate before it costs as much as pre-training [tokens].

    The crossover with ``d = 1``: ``I* = (c_pre / c_inf) * D``.
    """
    return crossover_deployments(n_tokens, 1.0, c_pre, c_inf)


def deployment_ooms_per_pretraining_oom(param_exponent=0.5):
    """OOMs of extra deployment compute per OOM of extra pre-training compute.

    Deployment compute is proportional to ``N ∝ C_pre^a``, so the answer is ``a`` [OOM/OOM].
    """
    return np.asarray(param_exponent, dtype=float) * 1.0


def pretraining_cost_multiplier(factor, deployment_share, param_exponent=0.5, post_share=0.0):
    """Multiplier on lifetime compute when pre-training compute is scaled by ``factor``.

    Shares are fractions of the *current* lifetime compute: deployment ``s``, post-training
    ``q`` and pre-training ``p = 1 - s - q``. Pre-training grows by ``k``; the parameter count,
    and with it deployment compute, by ``k^a``; post-training is held fixed::

        M_pre = p k + q + s k^a                                    [dimensionless]
    """
    k = np.asarray(factor, dtype=float)
    s = np.asarray(deployment_share, dtype=float)
    p = 1.0 - s - post_share
    return p * k + post_share + s * k**param_exponent


def inference_cost_multiplier(factor, deployment_share, post_share=0.0):
    """Multiplier on lifetime compute when inference per deployment is scaled by ``factor``.

    Only deployment compute grows: ``M_inf = p + q + s k = 1 + s (k - 1)`` [dimensionless].
    """
    k = np.asarray(factor, dtype=float)
    s = np.asarray(deployment_share, dtype=float)
    return 1.0 + s * (k - 1.0) + 0.0 * post_share


def breakeven_deployment_share(factor, param_exponent=0.5, post_share=0.0, inference_factor=None):
    """Deployment share at which scaling pre-training by ``factor`` costs the same as scaling
    inference by ``inference_factor`` (by default the same factor).

    Solving ``M_pre(k) = M_inf(k_i)`` gives
    ``s* = (1 - q)(k - 1) / ((k - 1) + (k_i - k^a))`` [fraction of lifetime compute]. Below
    ``s*`` scaling inference is cheaper; above it scaling pre-training is. With
    ``k_i = k^(1/r)`` for an exchange rate ``r`` the two scalings buy the same capability.
    """
    k = np.asarray(factor, dtype=float)
    k_i = k if inference_factor is None else np.asarray(inference_factor, dtype=float)
    return (1.0 - post_share) * (k - 1.0) / ((k - 1.0) + (k_i - k**param_exponent))


def deployment_share(
    n_params, n_tokens, deployments, tokens_per_deployment, post_training=0.0, c_pre=1.0, c_inf=1.0
):
    """Share of lifetime compute spent on deployment [fraction]."""
    dep = deployment_compute(n_params, deployments, tokens_per_deployment, c_inf)
    total = lifetime_compute(
        n_params, n_tokens, deployments, tokens_per_deployment, post_training, c_pre, c_inf
    )
    return dep / total


# --- Over-training: lifetime-compute-optimal size at a fixed loss ---------------------------


def chinchilla_loss(n_params, n_tokens, E, A, B, alpha, beta):
    """Parametric loss ``L = E + A / N^alpha + B / D^beta`` (Hoffmann et al. 2022) [nats/token]."""
    n = np.asarray(n_params, dtype=float)
    d = np.asarray(n_tokens, dtype=float)
    return E + A / n**alpha + B / d**beta


def tokens_for_loss(target_loss, n_params, E, A, B, alpha, beta):
    """Pre-training tokens ``D`` that bring a model of ``N`` parameters to ``target_loss``.

    Inverts the parametric loss for ``D`` [tokens]; ``inf`` where ``N`` is too small to reach
    the target at any ``D`` (``A / N^alpha >= L - E``).
    """
    n = np.asarray(n_params, dtype=float)
    residual = np.asarray(target_loss, dtype=float) - E - A / n**alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(
            residual > 0, (B / np.where(residual > 0, residual, 1.0)) ** (1.0 / beta), np.inf
        )
    return d


def lifetime_optimal_allocation(
    target_loss,
    deployment_tokens,
    E=1.69,
    A=406.4,
    B=410.7,
    alpha=0.34,
    beta=0.28,
    c_pre=6.0,
    c_inf=2.0,
):
    """Parameters and tokens minimising lifetime compute at a fixed loss.

    Minimises ``C = c_pre N D + c_inf N T`` over ``N`` subject to
    ``E + A/N^alpha + B/D^beta = target_loss``, where ``T`` is the total number of tokens
    generated over the model's deployment [tokens]. Writing ``a = A/N^alpha`` and
    ``r = B/D^beta = L - E - a``, the first-order condition is

        (alpha/beta)(a/r) - 1 = c_inf T / (c_pre D),

    which at ``T = 0`` is Chinchilla's compute-optimal condition ``alpha a = beta r``. For
    ``T >= 0`` the root lies between the smallest feasible ``N`` (where the left side grows
    without bound) and the Chinchilla-optimal one (where it is zero), and the left side minus
    the right decreases monotonically in between, so a bracketing root finder on ``log N``
    (:func:`scipy.optimize.elementwise.find_root`, vectorised) finds it. Broadcasts over
    ``target_loss`` and ``deployment_tokens``. Returns ``(N, D)`` arrays [parameters,
    tokens]; the tokens per parameter are ``D / N``.
    """
    loss = np.asarray(target_loss, dtype=float)
    tokens = np.asarray(deployment_tokens, dtype=float)
    if np.any(loss <= E):
        raise ValueError(f"target loss must exceed the irreducible loss E={E}")
    if np.any(tokens < 0):
        raise ValueError("deployment tokens must be non-negative")
    loss, tokens = np.broadcast_arrays(loss, tokens)

    reducible = loss - E

    def excess(log_n, reducible, total_tokens):
        a = A * np.exp(-alpha * log_n)
        r = reducible - a
        d = (B / r) ** (1.0 / beta)
        return (alpha / beta) * (a / r) - 1.0 - c_inf * total_tokens / (c_pre * d)

    # Smallest feasible N (D -> inf; nudged inside) and the Chinchilla optimum, nudged
    # outside: at T = 0 the root is that optimum and rounding may leave excess > 0 there.
    log_lo = np.log(A / reducible) / alpha
    log_hi = np.log(A * (alpha + beta) / (beta * reducible)) / alpha
    lo, hi = log_lo + 1e-12 * np.abs(log_lo), log_hi + 1e-9 * np.abs(log_hi)
    # One vectorised bracketed solve for every (loss, tokens) pair (Chandrupatla's method):
    # Monte Carlo blocks evaluate this on 10^5 draws at once.
    result = find_root(
        excess, (lo, hi), args=(reducible, tokens), tolerances={"xatol": 1e-13, "xrtol": 1e-15}
    )
    if not np.all(result.success):
        raise ArithmeticError("lifetime_optimal_allocation: root finding did not converge")
    log_n = result.x
    n = np.exp(log_n)
    return n, tokens_for_loss(loss, n, E, A, B, alpha, beta)
