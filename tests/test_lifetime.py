"""The appendix kernels: hand-computed cases and invariants."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inference_scaling.model import lifetime as lt

shares = st.floats(0.0, 1.0)
factors = st.floats(1.0001, 1e4)
exponents = st.floats(0.05, 0.95)


def test_essay_example_pretraining_compute():
    assert lt.pretraining_compute(1e12, 1e13) == pytest.approx(1e25)
    assert lt.pretraining_compute(1e12, 1e13, c_pre=6) == pytest.approx(6e25)


def test_lifetime_compute_sums_its_terms():
    total = lt.lifetime_compute(1e12, 1e13, 1e10, 1e3, post_training=5e23)
    assert total == pytest.approx(1e25 + 5e23 + 1e25)


def test_crossover_matches_essay_and_standard_coefficients():
    assert lt.crossover_deployments(1e13, 1e3) == pytest.approx(1e10)
    assert lt.crossover_deployments(1e13, 1e3, *lt.STANDARD_COEFFICIENTS) == pytest.approx(3e10)


@given(
    n=st.floats(1e6, 1e14),
    d=st.floats(1e6, 1e15),
    i=st.floats(1, 1e6),
    c_pre=st.floats(0.5, 10),
    c_inf=st.floats(0.5, 10),
)
def test_at_the_crossover_deployment_equals_pretraining(n, d, i, c_pre, c_inf):
    dstar = lt.crossover_deployments(d, i, c_pre, c_inf)
    assert lt.deployment_compute(n, dstar, i, c_inf) == pytest.approx(
        lt.pretraining_compute(n, d, c_pre), rel=1e-9
    )


@given(d=st.floats(1e6, 1e15), i=st.floats(1, 1e6), k=st.floats(1.1, 100))
def test_crossover_scales_with_tokens_and_inversely_with_inference(d, i, k):
    assert lt.crossover_deployments(k * d, i) == pytest.approx(k * lt.crossover_deployments(d, i))
    assert lt.crossover_deployments(d, k * i) == pytest.approx(lt.crossover_deployments(d, i) / k)


def test_limiting_regimes_of_the_cost_multipliers():
    assert lt.pretraining_cost_multiplier(10, 0.0) == pytest.approx(10)
    assert lt.inference_cost_multiplier(10, 0.0) == pytest.approx(1)
    assert lt.pretraining_cost_multiplier(10, 1.0) == pytest.approx(np.sqrt(10))
    assert lt.inference_cost_multiplier(10, 1.0) == pytest.approx(10)


def test_breakeven_share_for_ten_x():
    assert lt.breakeven_deployment_share(10, 0.5) == pytest.approx(9 / (9 + 10 - 10**0.5))
    assert lt.breakeven_deployment_share(10, 0.5) == pytest.approx(0.5683, abs=1e-4)


@given(k=factors, a=exponents, q=st.floats(0.0, 0.5))
def test_multipliers_are_equal_at_breakeven(k, a, q):
    s = lt.breakeven_deployment_share(k, a, q)
    assert 0 <= s <= 1 - q + 1e-12
    assert lt.pretraining_cost_multiplier(k, s, a, q) == pytest.approx(
        lt.inference_cost_multiplier(k, s, q), rel=1e-9
    )


@given(k=factors, a=exponents, s1=shares, s2=shares)
def test_multipliers_are_monotone_in_deployment_share(k, a, s1, s2):
    lo, hi = sorted((s1, s2))
    assert lt.inference_cost_multiplier(k, lo) <= lt.inference_cost_multiplier(k, hi) + 1e-12
    assert (
        lt.pretraining_cost_multiplier(k, lo, a) >= lt.pretraining_cost_multiplier(k, hi, a) - 1e-9
    )


@given(k=factors, a=exponents, s=shares)
def test_multipliers_lie_between_the_limits(k, a, s):
    assert 1 - 1e-12 <= lt.inference_cost_multiplier(k, s) <= k + 1e-9
    assert k**a - 1e-9 <= lt.pretraining_cost_multiplier(k, s, a) <= k + 1e-9


def test_vectorised_equals_scalar():
    s = np.linspace(0, 1, 11)
    vec = lt.pretraining_cost_multiplier(10, s)
    assert vec.shape == (11,)
    for i, si in enumerate(s):
        assert vec[i] == pytest.approx(lt.pretraining_cost_multiplier(10, float(si)))
    k = np.array([2.0, 10.0, 100.0])
    assert np.allclose(
        lt.breakeven_deployment_share(k), [lt.breakeven_deployment_share(float(x)) for x in k]
    )


def test_deployment_share_of_the_essay_example_at_crossover():
    assert lt.deployment_share(1e12, 1e13, 1e10, 1e3) == pytest.approx(0.5)


def test_single_question_budget_is_the_training_set():
    assert lt.single_deployment_token_budget(1e13) == pytest.approx(1e13)


# --- over-training: lifetime-compute-optimal allocation at a fixed loss --------------------

HOFFMANN = dict(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28)
BESIROGLU = dict(E=1.8172, A=482.01, B=2085.43, alpha=0.3478, beta=0.3658)
losses = st.floats(1.9, 3.0)
deploy_tokens = st.floats(0.0, 1e17)


def _chinchilla_optimum(compute, E, A, B, alpha, beta):
    """Closed form (Hoffmann et al. eq. 4): minimise loss at fixed 6ND = compute."""
    g = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    n = g * (compute / 6.0) ** (beta / (alpha + beta))
    return n, compute / 6.0 / n


def test_no_deployment_recovers_the_chinchilla_optimum():
    # The compute-optimal model of a budget is also the cheapest one reaching its loss.
    for fit in (HOFFMANN, BESIROGLU):
        n_opt, d_opt = _chinchilla_optimum(5.76e23, **fit)
        loss = lt.chinchilla_loss(n_opt, d_opt, **fit)
        n, d = lt.lifetime_optimal_allocation(loss, 0.0, **fit)
        assert n == pytest.approx(n_opt, rel=1e-6)
        assert d == pytest.approx(d_opt, rel=1e-6)


def test_refit_gives_about_twenty_tokens_per_parameter_at_chinchillas_loss():
    loss = lt.chinchilla_loss(70e9, 1.4e12, **BESIROGLU)
    n, d = lt.lifetime_optimal_allocation(loss, 0.0, **BESIROGLU)
    assert 15 < d / n < 25  # 18.4; Chinchilla itself was trained at 20
    assert n == pytest.approx(70e9, rel=0.1)
    # The constants printed by Hoffmann et al. put the same optimum near 90 (a known
    # inconsistency, Besiroglu et al. 2024); the kernel reports it rather than hiding it.
    loss = lt.chinchilla_loss(70e9, 1.4e12, **HOFFMANN)
    n, d = lt.lifetime_optimal_allocation(loss, 0.0, **HOFFMANN)
    assert 80 < d / n < 100


def test_solution_reaches_the_target_loss():
    t = np.logspace(8, 17, 10)
    n, d = lt.lifetime_optimal_allocation(2.0, t, **HOFFMANN)
    assert lt.chinchilla_loss(n, d, **HOFFMANN) == pytest.approx(np.full(10, 2.0), rel=1e-9)


@given(losses, deploy_tokens, st.floats(0.9, 1.1))
def test_solution_is_a_minimum_along_the_loss_curve(loss, t, nudge):
    n, d = lt.lifetime_optimal_allocation(loss, t, **HOFFMANN)
    cost = 6 * n * d + 2 * n * t
    other_n = n * nudge
    other_d = lt.tokens_for_loss(loss, other_n, **HOFFMANN)
    assert 6 * other_n * other_d + 2 * other_n * t >= cost * (1 - 1e-9)


@given(losses, deploy_tokens, deploy_tokens)
def test_more_deployment_means_smaller_models_trained_longer(loss, t1, t2):
    (n1, n2), (d1, d2) = lt.lifetime_optimal_allocation(loss, np.array([t1, t2]), **HOFFMANN)
    if t1 <= t2:
        assert n2 <= n1 * (1 + 1e-9)
        assert d2 / n2 >= d1 / n1 * (1 - 1e-9)


def test_allocation_rejects_unreachable_losses():
    with pytest.raises(ValueError):
        lt.lifetime_optimal_allocation(1.5, 1e12, **HOFFMANN)
    assert np.isinf(lt.tokens_for_loss(1.8, 1e6, **HOFFMANN))


def test_breakeven_share_for_equal_capability():
    # 10x pre-training against the inference worth as much at r = 0.7: k_i = 10^(1/0.7)
    # = 26.83; s* = 9 / (9 + 26.83 - 3.162) = 0.2755 (the "about 0.28").
    k_i = 10 ** (1 / 0.7)
    assert k_i == pytest.approx(26.827, abs=1e-3)
    assert lt.breakeven_deployment_share(10, 0.5, 0.0, k_i) == pytest.approx(0.2755, abs=1e-4)
    # and at that share the two lifetime multipliers agree
    s = lt.breakeven_deployment_share(10, 0.5, 0.0, k_i)
    assert lt.pretraining_cost_multiplier(10, s, 0.5) == pytest.approx(
        lt.inference_cost_multiplier(k_i, s)
    )


def test_kaplan_exponent_is_pinned_to_the_published_073(root):
    # Kaplan et al. (2020): compute-optimal N grows as C^0.73. The scenario and the upper end
    # of the assumption's range must both carry that published value.
    import yaml

    scenario = yaml.safe_load(
        (root / "config" / "scenarios" / "kaplan_allocation.yaml").read_text()
    )
    assert scenario["overrides"]["appendix"]["param_exponent"] == 0.73
    assumptions = yaml.safe_load((root / "config" / "assumptions.yaml").read_text())
    assert assumptions["appendix"]["param_exponent"]["range"][1] == 0.73


def test_pretraining_multiplier_uses_the_parameter_exponent_for_deployment():
    # All deployment (s = 1) at a = 0.73: only N grows, so the multiplier is 10^0.73 = 5.370,
    # not 10^0.27 = 1.862.
    assert lt.pretraining_cost_multiplier(10.0, 1.0, 0.73) == pytest.approx(5.3703, rel=1e-4)
    # p = 0.5, q = 0.1, s = 0.4, k = 10, a = 0.6: 5 + 0.1 + 0.4 * 3.981 = 6.6925
    assert lt.pretraining_cost_multiplier(10.0, 0.4, 0.6, 0.1) == pytest.approx(6.6925, rel=1e-4)


def test_inference_multiplier_ignores_post_training():
    # M_inf = 1 + s (k - 1), whatever the post-training share (held fixed).
    assert lt.inference_cost_multiplier(10.0, 0.5, 0.2) == pytest.approx(5.5)


def test_breakeven_share_at_kaplan_exponent():
    # s* = (k - 1) / ((k - 1) + (k - k^a)) at k = 10, a = 0.73: 9 / (9 + 4.6297) = 0.66032
    assert lt.breakeven_deployment_share(10.0, 0.73) == pytest.approx(0.66032, rel=1e-4)
    # with q = 0.1 the share scales by (1 - q)
    assert lt.breakeven_deployment_share(10.0, 0.73, 0.1) == pytest.approx(0.9 * 0.66032, rel=1e-4)


def test_deployment_share_of_lifetime_compute():
    # N = 1e12, D = 1e13, d = 1e10, I = 1e3: pre 1e25, deploy 1e25, post 0 -> share 0.5
    assert lt.deployment_share(1e12, 1e13, 1e10, 1e3) == pytest.approx(0.5)
    assert lt.deployment_share(1e12, 1e13, 1e10, 1e3, post_training=2e25) == pytest.approx(0.25)
    # standard coefficients: 6e25 pre, 2e25 deploy -> 0.25
    assert lt.deployment_share(1e12, 1e13, 1e10, 1e3, 0.0, 6.0, 2.0) == pytest.approx(0.25)


def test_lifetime_kernels_default_to_the_essays_coefficients_and_no_post_training():
    # C = ND + 0 + dNI with N = 1e12, D = 1e13, d = 1e10, I = 1e3: 1e25 + 1e25
    assert lt.deployment_compute(1e12, 1e10, 1e3) == pytest.approx(1e25)
    assert lt.lifetime_compute(1e12, 1e13, 1e10, 1e3) == pytest.approx(2e25)
    assert lt.deployment_share(1e12, 1e13, 1e10, 1e3) == pytest.approx(0.5)
    assert lt.pretraining_compute(1e12, 1e13) == pytest.approx(1e25)


def test_more_defaults_pinned_by_hand_values():
    assert lt.single_deployment_token_budget(1e13) == pytest.approx(1e13)
    assert lt.single_deployment_token_budget(1e13, 6.0, 2.0) == pytest.approx(3e13)
    assert lt.deployment_ooms_per_pretraining_oom() == pytest.approx(0.5)
    # k = 10, a = 0.5: 9 / (9 + 10 - sqrt(10)) = 0.568259
    assert lt.breakeven_deployment_share(10.0) == pytest.approx(0.568259, rel=1e-5)


def test_tokens_for_loss_at_the_edge_of_reach_is_infinite():
    # With A = 0 the loss E is reachable only with infinite data: residual exactly 0.
    assert lt.tokens_for_loss(2.0, 1e9, 2.0, 0.0, 400.0, 0.3, 0.3) == np.inf
    assert lt.tokens_for_loss(2.1, 1e9, 2.0, 0.0, 400.0, 0.5, 0.5) == pytest.approx(
        (400.0 / 0.1) ** 2
    )


def test_lifetime_optimum_without_deployment_is_chinchillas_closed_form():
    # T = 0: alpha * A/N^alpha = beta * B/D^beta with the default (Hoffmann et al.)
    # constants E, A, B, alpha, beta = 1.69, 406.4, 410.7, 0.34, 0.28. At L = 2.0 the
    # reducible loss 0.31 splits as a = 0.28/0.62 * 0.31 = 0.14 and r = 0.17.
    n, d = lt.lifetime_optimal_allocation(2.0, 0.0)
    assert n == pytest.approx((406.4 / 0.14) ** (1 / 0.34), rel=1e-6)
    assert d == pytest.approx((410.7 / 0.17) ** (1 / 0.28), rel=1e-6)


# Python integers beyond int64: numpy keeps them as an object array unless told dtype=float.
HUGE_INTS = [10**25, 10**26]


@pytest.mark.parametrize(
    "result",
    [
        lambda: lt.pretraining_compute(HUGE_INTS, 2),
        lambda: lt.deployment_compute(1, HUGE_INTS, 2),
        lambda: lt.crossover_deployments(HUGE_INTS, 10),
        lambda: lt.pretraining_cost_multiplier(HUGE_INTS, 0.5),
        lambda: lt.inference_cost_multiplier(HUGE_INTS, 0.5),
        lambda: lt.breakeven_deployment_share(HUGE_INTS),
        lambda: lt.breakeven_deployment_share(10.0, inference_factor=HUGE_INTS),
        lambda: lt.chinchilla_loss(HUGE_INTS, 1e12, 1.69, 406.4, 410.7, 0.34, 0.28),
        lambda: lt.chinchilla_loss(1e9, HUGE_INTS, 1.69, 406.4, 410.7, 0.34, 0.28),
    ],
)
def test_lifetime_kernels_return_floats_for_integer_inputs(result):
    assert np.asarray(result()).dtype == np.float64


def test_lifetime_defaults_have_no_post_training():
    # N D = 2 * 3 = 6 with no deployment; d N I = 1 = N D at N = D = d = I = 1.
    assert lt.lifetime_compute(2, 3, 0, 5) == pytest.approx(6.0)
    assert lt.deployment_share(1, 1, 1, 1) == pytest.approx(0.5)
    # M_inf = 1 + s (k - 1) = 1 + 0.5 * 9 whatever post-training is held at.
    assert lt.inference_cost_multiplier(10, 0.5) == pytest.approx(5.5)


def test_optimal_allocation_rejects_bad_inputs_by_name():
    # the irreducible loss itself is out of reach (the bound is strict)
    with pytest.raises(ValueError, match=r"^target loss must exceed the irreducible loss E=1\.69$"):
        lt.lifetime_optimal_allocation(1.69, 1e12)
    with pytest.raises(ValueError, match=r"^deployment tokens must be non-negative$"):
        lt.lifetime_optimal_allocation(2.0, -1.0)


def test_tokens_for_loss_returns_floats_for_huge_integer_sizes():
    assert np.asarray(lt.tokens_for_loss(2.0, HUGE_INTS, **HOFFMANN)).dtype == np.float64


def test_lifetime_optimum_when_the_exponents_sum_above_one():
    # alpha = beta = 0.6: at T = 0 the optimum is alpha a = beta r, so a = r = (L - E) / 2,
    # N = (A / a)^(1/alpha), D = (B / r)^(1/beta); the bracket must still hold it.
    params = dict(HOFFMANN, alpha=0.6, beta=0.6)
    n, d = lt.lifetime_optimal_allocation(2.0, 0.0, **params)
    half = (2.0 - 1.69) / 2
    assert n == pytest.approx((406.4 / half) ** (1 / 0.6), rel=1e-9)
    assert d == pytest.approx((410.7 / half) ** (1 / 0.6), rel=1e-9)


def test_a_failed_root_search_is_an_error_naming_the_kernel():
    with pytest.raises(
        ArithmeticError, match=r"^lifetime_optimal_allocation: root finding did not converge$"
    ):
        lt.lifetime_optimal_allocation(2.0, np.nan)


def test_lifetime_optimum_takes_deployment_tokens_as_python_integers():
    n, d = lt.lifetime_optimal_allocation(2.0, [10**25])
    n_float, d_float = lt.lifetime_optimal_allocation(2.0, [1e25])
    assert n.dtype == np.float64 and d.dtype == np.float64
    assert n == pytest.approx(n_float, rel=1e-12) and d == pytest.approx(d_float, rel=1e-12)


# --- The over-training root without a root finder per draw ------------------------------


def _bracketed_root(m, q):
    """Reference: the root of m z^q + z = 1 in (0, 1] by Brent's method to full precision."""
    from scipy.optimize import brentq

    return 1.0 if m == 0 else brentq(lambda z: m * z**q + z - 1.0, 0.0, 1.0, xtol=1e-300)


def test_deployment_root_by_hand():
    # q = 2, m = 1: z^2 + z - 1 = 0, so z = (sqrt(5) - 1) / 2, the golden ratio's inverse.
    assert lt.deployment_root(1.0, 2.0) == pytest.approx((5**0.5 - 1) / 2, rel=1e-15)
    # m = 0: no deployment leaves the Chinchilla optimum, z = 1.
    assert lt.deployment_root(0.0, 4.5) == 1.0


@pytest.mark.parametrize("beta", [0.11, 0.28, 0.3658, 1.0, 2.0])
@pytest.mark.parametrize("newton_steps, bound", [(0, 1e-5), (lt.ROOT_NEWTON_STEPS, 1e-12)])
def test_deployment_root_meets_its_stated_error_bound(beta, newton_steps, bound, monkeypatch):
    # The docstring's bounds: the table alone within 1e-5, polished within 1e-12 (relative).
    monkeypatch.setattr(lt, "ROOT_NEWTON_STEPS", newton_steps)
    q = 1.0 + 1.0 / beta
    m = np.concatenate([[0.0], np.logspace(-17, 17, 1001)])
    exact = np.array([_bracketed_root(x, q) for x in m])
    assert np.max(np.abs(lt.deployment_root(m, q) - exact) / exact) < bound


def _declared(key):
    from inference_scaling.pipeline import config

    return config.load_assumptions().ranges[key]


@pytest.mark.parametrize("fit", [HOFFMANN, BESIROGLU])
def test_overtraining_closed_form_matches_the_root_finder_over_the_declared_ranges(fit):
    # The claim's inputs over their declared ranges (config/assumptions.yaml), and beyond.
    grid = [
        np.geomspace(*_declared("appendix.n_params"), 5),
        np.geomspace(*_declared("appendix.n_tokens"), 5),
        np.concatenate([[0.0], np.linspace(*_declared("appendix.deploy_to_train_ratio"), 5)]),
    ]
    n_params, n_tokens, ratio = (x.ravel() for x in np.meshgrid(*grid))
    loss = lt.chinchilla_loss(n_params, n_tokens, **fit)
    n0, d0, n, d = lt.overtraining_at_deployment_ratio(loss, ratio, **fit)
    ref_n0, ref_d0 = lt.lifetime_optimal_allocation(loss, 0.0, **fit)
    ref_n, ref_d = lt.lifetime_optimal_allocation(loss, ratio * 6.0 * ref_d0 / 2.0, **fit)
    for got, want in ((n0, ref_n0), (d0, ref_d0), (n, ref_n), (d, ref_d)):
        np.testing.assert_allclose(got, want, rtol=1e-9)


def test_overtraining_closed_form_without_deployment_is_chinchillas():
    # Same hand case as above: at L = 2.0, a = 0.14 and r = 0.17 for the Hoffmann constants.
    n0, d0, n, d = lt.overtraining_at_deployment_ratio(2.0, 0.0, **HOFFMANN)
    assert n0 == n == pytest.approx((406.4 / 0.14) ** (1 / 0.34), rel=1e-12)
    assert d0 == d == pytest.approx((410.7 / 0.17) ** (1 / 0.28), rel=1e-12)


def test_overtraining_closed_form_rejects_bad_inputs_by_name():
    with pytest.raises(ValueError, match=r"^target loss must exceed the irreducible loss E=1\.69$"):
        lt.overtraining_at_deployment_ratio(1.69, 1.5, **HOFFMANN)
    with pytest.raises(ValueError, match=r"^deployment ratio must be non-negative$"):
        lt.overtraining_at_deployment_ratio(2.0, -1.0, **HOFFMANN)
    with pytest.raises(ValueError, match=r"^deployment_root: m must lie in \[0, e\^40\]$"):
        lt.deployment_root(-1.0, 2.0)
    with pytest.raises(ValueError, match=r"^deployment_root: m must lie in \[0, e\^40\]$"):
        lt.deployment_root(1e18, 2.0)
