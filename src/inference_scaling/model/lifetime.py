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

import functools

import numpy as np

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
    # Imported here: scipy.optimize costs every importing job a noticeable start-up, and
    # the ledger and the Monte Carlo use the closed form below instead.
    from scipy.optimize.elementwise import find_root

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


#: The table behind :func:`deployment_root`: ``log m`` evenly spaced over
#: ``[-ROOT_TABLE_SPAN, ROOT_TABLE_SPAN]`` in steps of ``ROOT_TABLE_STEP``.
ROOT_TABLE_SPAN = 40.0
ROOT_TABLE_STEP = 0.01
#: Newton steps that polish the interpolated root.
ROOT_NEWTON_STEPS = 2


def _newton(m, q, z, steps):
    """``steps`` Newton steps on ``f(z) = m z^q + z - 1`` from ``z``."""
    for _ in range(steps):
        z_q1 = z ** (q - 1.0)
        z = z - (m * z_q1 * z + z - 1.0) / (m * q * z_q1 + 1.0)
    return z


@functools.cache
def _root_table(q: float) -> np.ndarray:
    """The root of ``m z^q + z = 1`` at evenly spaced ``log m`` (see :func:`deployment_root`).

    The equation gives ``m`` explicitly as a function of ``z``: ``m = (1 - z) / z^q``. A
    dense parametric table (``z = 1 / (1 + e^t)``, so ``log m = t + (q - 1) log(1 + e^t)``,
    increasing), exact at its nodes, is interpolated onto the even grid (its share of the
    error bound below is included in the test of that bound).
    """
    t = np.linspace(-ROOT_TABLE_SPAN, ROOT_TABLE_SPAN, 64001)
    log_m = t + (q - 1.0) * np.logaddexp(0.0, t)
    grid = np.arange(-ROOT_TABLE_SPAN, ROOT_TABLE_SPAN + ROOT_TABLE_STEP / 2, ROOT_TABLE_STEP)
    return np.interp(grid, log_m, 1.0 / (1.0 + np.exp(t)))


def deployment_root(m, q):
    """The root ``z`` in ``(0, 1]`` of ``m z^q + z = 1``, for ``0 <= m <= e^40`` and a
    scalar ``q > 1`` (vectorised over ``m``).

    Linear interpolation in ``log m`` in a table made once per ``q`` (:func:`_root_table`,
    step ``h = 0.01``, so the index is computed, not searched), then
    :data:`ROOT_NEWTON_STEPS` Newton steps. Error bound: the interpolation alone is within
    1e-5 of the root, relative (``<= h^2 / 8 * max|z''| / z`` in ``log m``); ``f(z) = m z^q +
    z - 1`` is increasing and convex, so each Newton step roughly squares the relative
    error, and two leave it below 1e-12 for ``q`` in ``[1.5, 10]`` (``beta`` in
    ``[0.11, 2]``) and every ``m`` in ``[0, 1e17]`` (``tests/test_lifetime.py`` checks both
    bounds against a bracketing root finder).
    """
    m = np.asarray(m, dtype=float)
    if np.any(m < 0) or np.any(m > np.exp(ROOT_TABLE_SPAN)):
        raise ValueError(f"deployment_root: m must lie in [0, e^{ROOT_TABLE_SPAN:g}]")
    table = _root_table(float(q))
    with np.errstate(divide="ignore"):
        pos = (np.log(m) + ROOT_TABLE_SPAN) / ROOT_TABLE_STEP
    pos = np.clip(pos, 0.0, table.size - 1.0)
    i = np.minimum(pos.astype(np.intp), table.size - 2)
    w = pos - i
    z = table[i] * (1.0 - w) + table[i + 1] * w
    return _newton(m, q, z, ROOT_NEWTON_STEPS)


def overtraining_at_deployment_ratio(target_loss, deployment_ratio, E, A, B, alpha, beta):
    """Chinchilla-optimal ``(N0, D0)`` and lifetime-optimal ``(N, D)`` at ``target_loss``
    when deployment costs ``deployment_ratio`` times the Chinchilla-optimal model's
    pre-training compute, in closed form up to one scalar root.

    The same optimum as :func:`lifetime_optimal_allocation` with deployment tokens ``T``
    given by ``c_inf N0 T = R c_pre N0 D0`` (``R = deployment_ratio``), whatever the
    coefficients, which cancel. With ``rho = L - E``, the Chinchilla optimum has
    ``r0 = B / D0^beta = alpha rho / (alpha + beta)`` and ``a0 = A / N0^alpha = rho - r0``.
    Writing ``z = r / r0`` for the lifetime optimum, its first-order condition
    ``(alpha/beta)(a/r) - 1 = R D0 / D`` becomes ``((alpha + beta)/beta)(1/z - 1) = R
    z^(1/beta)``, that is ``m z^q + z = 1`` with ``m = R beta / (alpha + beta)`` and
    ``q = 1 + 1/beta`` (:func:`deployment_root`, within 1e-12 relative). Then
    ``a = rho - r0 z``, ``N = (A / a)^(1/alpha)``, ``D = (B / (r0 z))^(1/beta)``. Returns
    ``(N0, D0, N, D)`` [parameters, tokens, parameters, tokens]; ``beta`` is a scalar.
    """
    loss = np.asarray(target_loss, dtype=float)
    if np.any(loss <= E):
        raise ValueError(f"target loss must exceed the irreducible loss E={E}")
    ratio = np.asarray(deployment_ratio, dtype=float)
    if np.any(ratio < 0):
        raise ValueError("deployment ratio must be non-negative")
    rho = loss - E
    r0 = alpha * rho / (alpha + beta)
    n0 = (A / (rho - r0)) ** (1.0 / alpha)
    d0 = (B / r0) ** (1.0 / beta)
    z = deployment_root(ratio * beta / (alpha + beta), 1.0 + 1.0 / beta)
    n = (A / (rho - r0 * z)) ** (1.0 / alpha)
    d = (B / (r0 * z)) ** (1.0 / beta)
    return n0, d0, n, d
