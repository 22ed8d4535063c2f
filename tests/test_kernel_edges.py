"""Edge cases of the small kernels that the essay examples in test_kernels.py leave open:
default arguments, exponents other than one, and integer inputs too large for int64 (FLOP
counts written as Python integers), which must still come back as float arrays."""

import numpy as np
import pytest

from inference_scaling import deployment, ida, lifetime, thresholds

# Python integers beyond int64: numpy keeps them as an object array unless told dtype=float.
HUGE = [10**25, 10**26]


def test_cost_per_task_defaults_and_elasticity():
    # base cost 1 by default; cost grows as compute ** elasticity: 100 ** 0.5 = 10.
    assert deployment.cost_per_task(10) == pytest.approx(10.0)
    assert deployment.cost_per_task(100, elasticity=0.5) == pytest.approx(10.0)
    assert deployment.cost_per_task(10, elasticity=2.0, base_cost=3.0) == pytest.approx(300.0)


def test_deployment_share_after_scaling_by_hand():
    # r m / (1 + r m): r = 1, m = 3 -> 3/4; r = 0.5, m = 4 -> 2/3; r = 0.1, m = 1 -> 1/11.
    assert deployment.deployment_share_after_scaling(1.0, 3.0) == pytest.approx(0.75)
    assert deployment.deployment_share_after_scaling(0.5, 4.0) == pytest.approx(2 / 3)
    assert deployment.deployment_share_after_scaling(0.1, 1.0) == pytest.approx(1 / 11)


@pytest.mark.parametrize(
    "result",
    [
        lambda: deployment.copies_fraction(HUGE),
        lambda: deployment.effective_speed(HUGE, 10),
        lambda: deployment.cost_per_task(HUGE),
        lambda: deployment.deployment_share_after_scaling(HUGE, 2),
        lambda: deployment.fixed_capability_cost_decline(HUGE, 1),
        lambda: deployment.tailored_share(HUGE, 10),
        lambda: deployment.daily_price(HUGE),
    ],
)
def test_huge_integer_inputs_come_back_as_floats(result):
    assert np.asarray(result()).dtype == np.float64


def test_integer_inputs_that_stay_integer_without_the_float_cast():
    # int - int and int ** int stay int64 in numpy; the kernels promise floats.
    assert np.asarray(ida.search_gain(5000, 3000)).dtype == np.float64
    assert ida.search_gain(5000, 3000) == pytest.approx(2000.0)
    assert np.asarray(ida.sweep_probability(1, 3)).dtype == np.float64
    assert np.asarray(thresholds.effective_ooms(24, 4, 1)).dtype == np.float64
    assert thresholds.effective_ooms(24, 4, 1) == pytest.approx(28.0)


def test_crosses_threshold_uses_the_given_exchange_rate():
    # 1e24 FLOP with 100x inference: r = 1 gives 10**26 (crosses 1e26), the default r = 0.7
    # gives 10**25.4 (does not).
    assert bool(thresholds.crosses_threshold(1e24, 100, 1e26, exchange_rate=1.0))
    assert not bool(thresholds.crosses_threshold(1e24, 100, 1e26))


@pytest.mark.parametrize(
    "result",
    [
        lambda: lifetime.pretraining_compute(HUGE, 2),
        lambda: lifetime.deployment_compute(1, HUGE, 2),
        lambda: lifetime.crossover_deployments(HUGE, 10),
        lambda: lifetime.chinchilla_allocation(HUGE)[0],
        lambda: lifetime.chinchilla_allocation(HUGE)[1],
        lambda: lifetime.pretraining_cost_multiplier(HUGE, 0.5),
        lambda: lifetime.inference_cost_multiplier(HUGE, 0.5),
        lambda: lifetime.breakeven_deployment_share(HUGE),
        lambda: lifetime.breakeven_deployment_share(10.0, inference_factor=HUGE),
        lambda: lifetime.chinchilla_loss(HUGE, 1e12, 1.69, 406.4, 410.7, 0.34, 0.28),
        lambda: lifetime.chinchilla_loss(1e9, HUGE, 1.69, 406.4, 410.7, 0.34, 0.28),
        lambda: lifetime.deployment_ooms_per_pretraining_oom(1),
    ],
)
def test_lifetime_kernels_return_floats_for_integer_inputs(result):
    assert np.asarray(result()).dtype == np.float64


def test_lifetime_defaults_have_no_post_training():
    # N D = 2 * 3 = 6 with no deployment; d N I = 1 = N D at N = D = d = I = 1.
    assert lifetime.lifetime_compute(2, 3, 0, 5) == pytest.approx(6.0)
    assert lifetime.deployment_share(1, 1, 1, 1) == pytest.approx(0.5)
    # M_inf = 1 + s (k - 1) = 1 + 0.5 * 9 whatever post-training is held at.
    assert lifetime.inference_cost_multiplier(10, 0.5) == pytest.approx(5.5)


def test_optimal_allocation_rejects_bad_inputs_by_name():
    # the irreducible loss itself is out of reach (the bound is strict)
    with pytest.raises(ValueError, match="target loss must exceed the irreducible loss E=1.69"):
        lifetime.lifetime_optimal_allocation(1.69, 1e12)
    with pytest.raises(ValueError, match="deployment tokens must be non-negative"):
        lifetime.lifetime_optimal_allocation(2.0, -1.0)
