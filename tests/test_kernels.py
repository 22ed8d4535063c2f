"""Kernels of the essay's body: era, deployment, thresholds, IDA."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inference_scaling.model import deployment, era, ida, thresholds


def test_decimal_year():
    assert era.decimal_year(np.array(["2020-01-01"], dtype="datetime64[D]"))[0] == 2020.0
    mid = era.decimal_year(np.array(["2021-07-02"], dtype="datetime64[D]"))[0]
    assert mid == pytest.approx(2021 + 182 / 365)


def test_fit_recovers_a_known_growth_rate():
    years = np.linspace(2020, 2025, 40)
    rng = np.random.default_rng(1)
    flop = 1e23 * 5.0 ** (years - 2020) * 10 ** rng.normal(0, 0.05, years.size)
    fit = era.fit_log_growth(years, flop)
    assert fit.growth == pytest.approx(5.0, rel=0.03)
    assert fit.growth_low < fit.growth < fit.growth_high
    assert fit.n == 40


def test_fit_of_exact_data_has_zero_width_interval():
    years = np.arange(2018.0, 2024.0)
    fit = era.fit_log_growth(years, 3.0 ** (years - 2018))
    assert fit.growth == pytest.approx(3.0)
    assert fit.growth_high - fit.growth_low == pytest.approx(0, abs=1e-9)


def test_fit_needs_three_points():
    with pytest.raises(ValueError, match="at least 3"):
        era.fit_log_growth([2020, 2021], [1, 2])


def test_frontier_mask_top_n():
    dates = np.array(
        ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"], dtype="datetime64[D]"
    )
    flop = np.array([10.0, 5.0, 20.0, 1.0])
    assert era.frontier_mask(dates, flop, top_n=1).tolist() == [True, False, True, False]
    assert era.frontier_mask(dates, flop, top_n=2).tolist() == [True, True, True, False]


def test_exchange_rate_from_jones():
    # 10x training = 15x inference: 1 / log10(15) = 1 / 1.17609 = 0.850274 OOM per OOM
    assert era.exchange_rate_from_equivalence(10, 15) == pytest.approx(0.850274, abs=1e-6)
    assert era.exchange_rate_from_equivalence(10, 10) == pytest.approx(1.0)
    # 100x training = 10x inference: two OOMs of training per OOM of inference
    assert era.exchange_rate_from_equivalence(100, 10) == pytest.approx(2.0)
    assert era.exchange_rate_from_equivalence(10, 100) == pytest.approx(0.5)


def test_deployment_kernels():
    assert deployment.copies_fraction(100) == pytest.approx(0.01)
    assert deployment.effective_speed(np.array([10, 100]), 100) == pytest.approx([0.1, 1.0])
    assert deployment.cost_per_task(10, base_cost=2) == pytest.approx(20)
    assert deployment.fixed_capability_cost_decline(12, 1.0) == pytest.approx(2.0)
    assert deployment.fixed_capability_cost_decline(8, 1.4) == pytest.approx(2**1.5 * 1.4)
    assert deployment.tailored_share(1000, 10) == pytest.approx(9 / 999)
    assert deployment.daily_price(365.25 / 12) == pytest.approx(1.0)


@given(high=st.floats(2, 1e6), budget=st.floats(1, 2))
def test_tailored_share_spends_exactly_the_budget(high, budget):
    f = deployment.tailored_share(high, budget)
    assert f * high + (1 - f) * 1.0 == pytest.approx(budget, rel=1e-9)


def test_essay_threshold_example():
    assert thresholds.effective_ooms(24, 4, 0.7) == pytest.approx(26.8)
    assert thresholds.effective_compute(1e24, 1e4, 0.7) == pytest.approx(10**26.8)


@given(base=st.floats(1e20, 1e27), target=st.floats(1e20, 1e28), r=st.floats(0.3, 1.5))
def test_required_multiplier_inverts_effective_compute(base, target, r):
    m = thresholds.required_inference_multiplier(base, target, r)
    assert thresholds.effective_compute(base, m, r) == pytest.approx(target, rel=1e-7)


@given(r=st.floats(0.1, 2), a=st.floats(0, 6), b=st.floats(0, 6))
def test_effective_ooms_monotone_in_inference(r, a, b):
    lo, hi = sorted((a, b))
    assert thresholds.effective_ooms(24, lo, r) <= thresholds.effective_ooms(24, hi, r)


def test_elo():
    assert ida.elo_expected_score(1500, 1500) == pytest.approx(0.5)
    assert ida.elo_expected_score(1900, 1500) == pytest.approx(10 / 11)


@given(a=st.floats(0, 6000), b=st.floats(0, 6000))
def test_elo_scores_sum_to_one(a, b):
    assert ida.elo_expected_score(a, b) + ida.elo_expected_score(b, a) == pytest.approx(1.0)


def test_ida_bookkeeping():
    assert ida.amplification_iterations(29e6, 25_000) == pytest.approx(1160)
    assert ida.search_gain(5185, 3055) == 2130
    # 0.5^10 = 1 / 1024; 0.99^100 = exp(100 ln 0.99) = exp(-1.00503) = 0.366032
    assert ida.sweep_probability(0.5, 10) == pytest.approx(1 / 1024)
    assert ida.sweep_probability(0.99, 100) == pytest.approx(0.366032, abs=1e-6)


def test_kernels_vectorise():
    r = np.array([0.5, 0.7, 1.0])
    assert thresholds.effective_ooms(24, 4, r) == pytest.approx([26, 26.8, 28])
    assert ida.elo_expected_score(np.array([1500, 1900]), 1500) == pytest.approx([0.5, 10 / 11])


# --- defaults and boundaries (each pinned by a hand value) --------------------------------------


def test_threshold_kernels_take_the_exchange_rate_from_the_caller():
    """No kernel carries a typed exchange rate: it is config's era.exchange_rate."""
    import inspect

    from inference_scaling.model import thresholds as th

    for kernel in (th.effective_ooms, th.effective_compute, th.required_inference_multiplier):
        rate = inspect.signature(kernel).parameters["exchange_rate"]
        assert rate.default is inspect.Parameter.empty, kernel.__name__
    # r = 0.7: 1e24 FLOP with 10^4 x inference -> 10^(24 + 2.8), and back
    assert np.log10(th.effective_compute(1e24, 1e4, 0.7)) == pytest.approx(26.8)
    assert th.required_inference_multiplier(1e24, 10**26.8, 0.7) == pytest.approx(1e4)


# --- Edge cases the essay examples leave open: default arguments, exponents other than one,
# and integer inputs too large for int64 (FLOP counts as Python integers), which must still
# come back as float arrays.

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
