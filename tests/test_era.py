"""era.py: known answers for dates, the frontier rule, the growth fit and its grid."""

import numpy as np
import pytest

from inference_scaling.model import era


def _dates(*days):
    return np.array(days, dtype="datetime64[D]")


def test_decimal_year_known_days():
    # 2020 is a leap year: 2 July is day 183 of 366, exactly halfway.
    assert era.decimal_year(_dates("2020-07-02")) == pytest.approx([2020.5])
    assert era.decimal_year(_dates("2021-01-01")) == pytest.approx([2021.0])
    # 2019 has 365 days: 1 March is day 59.
    assert era.decimal_year(_dates("2019-03-01")) == pytest.approx([2019 + 59 / 365])


# --- frontier: top-N at release ---------------------------------------------------------------


def test_same_day_releases_do_not_count_against_each_other():
    # Documented rule: only models released strictly *before* a model count against it. Two
    # models on the same day with top_n = 1 are both frontier, whatever their compute.
    dates = _dates("2020-01-01", "2020-01-01", "2020-01-02")
    flop = np.array([1e20, 1e22, 1e21])
    assert era.frontier_mask(dates, flop, top_n=1).tolist() == [True, True, False]


def test_a_model_is_frontier_while_fewer_than_n_earlier_models_are_bigger():
    dates = _dates("2019-01-01", "2019-02-01", "2019-03-01", "2019-04-01", "2019-05-01")
    flop = np.array([5e20, 4e20, 3e20, 1e21, 4.5e20])
    # 4.5e20 on 05-01: two earlier models (5e20, 1e21) are bigger.
    assert era.frontier_mask(dates, flop, top_n=2).tolist() == [True, True, False, True, False]
    assert era.frontier_mask(dates, flop, top_n=3).tolist() == [True, True, True, True, True]
    # equal compute does not count as bigger
    same = np.array([1e20, 1e20])
    assert era.frontier_mask(_dates("2019-01-01", "2019-02-01"), same, top_n=1).all()


def test_the_earlier_rows_change_who_is_frontier():
    # Without history the first model of a list is always frontier: that is the cold start.
    dates = _dates("2017-06-01", "2018-01-05")
    flop = np.array([1e22, 1e16])
    assert era.frontier_mask(dates[1:], flop[1:], top_n=1).tolist() == [True]
    assert era.frontier_mask(dates, flop, top_n=1).tolist() == [True, False]


# --- growth fit -----------------------------------------------------------------------------------


def test_fit_recovers_the_rate_of_exact_exponential_data():
    years = np.array([2020.0, 2020.5, 2021.3, 2022.0, 2023.7])
    fit = era.fit_log_growth(years, 1e22 * 4.0 ** (years - 2020.0))
    assert fit.growth == pytest.approx(4.0)
    assert fit.growth_low == pytest.approx(4.0) and fit.growth_high == pytest.approx(4.0)
    assert fit.predict(2021.0) == pytest.approx(4e22)
    assert fit.n == 5


def test_fit_interval_covers_the_true_rate_ninety_percent_of_the_time():
    # 1200 synthetic data sets of 8 points with log10 noise: a correct t-based 90% interval
    # covers the true rate in 90% (binomial sd 0.9%); a normal quantile would give ~85%,
    # a 95% or 80% interval ~95% or ~80%.
    rng = np.random.default_rng(11)
    years = np.linspace(2020.0, 2024.0, 8)
    true = 5.0
    hits = 0
    trials = 1200
    for _ in range(trials):
        y = 1e23 * true ** (years - 2020.0) * 10.0 ** rng.normal(0.0, 0.3, years.size)
        fit = era.fit_log_growth(years, y, confidence=0.9)
        assert fit.growth_low < fit.growth < fit.growth_high
        hits += fit.growth_low <= true <= fit.growth_high
    assert hits / trials == pytest.approx(0.90, abs=0.03)


def test_fit_needs_three_points():
    with pytest.raises(ValueError, match="at least 3 points"):
        era.fit_log_growth([2020.0, 2021.0], [1.0, 2.0])


def test_window_start_is_inclusive_and_end_exclusive():
    dates = _dates("2019-12-31", "2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01")
    flop = np.array([1e21, 1e22, 1e23, 1e24, 1e25])
    fit, frontier, used = era.frontier_growth(dates, flop, 10, 2020.0, 2023.0)
    assert used.tolist() == [False, True, True, True, False]
    assert fit.n == 3
    assert frontier.all()
    # 10x per year on 1 January of each year: exactly 10x
    assert fit.growth == pytest.approx(10.0)


def test_frontier_growth_defaults_are_top_ten_in_2020_to_2024():
    # Nine big models in 2019, then a line rising 10x a year; the model of June 2021 has
    # exactly ten bigger predecessors (the nine and 1e21), so it is just off the top 10.
    dates = np.concatenate(
        [
            np.datetime64("2019-01-01") + np.arange(9).astype("timedelta64[D]"),
            _dates("2020-01-01", "2021-01-01", "2021-06-01", "2022-01-01", "2025-01-01"),
        ]
    )
    flop = np.concatenate([np.full(9, 1e30), [1e20, 1e21, 10**20.5, 1e22, 1e40]])
    fit, frontier, used = era.frontier_growth(dates, flop)
    assert frontier[9:].tolist() == [True, True, False, True, True]
    assert used.tolist() == [False] * 9 + [True, True, False, True, False]
    assert fit.growth == pytest.approx(10.0) and fit.confidence == 0.9


def test_exchange_rate_from_jones_equivalence():
    # 10x training = 15x inference: 1 / log10(15) = 0.8503 OOM of training per OOM of inference
    assert era.exchange_rate_from_equivalence(10.0, 15.0) == pytest.approx(0.85027, abs=1e-5)
    assert era.exchange_rate_from_equivalence(100.0, 10.0) == pytest.approx(2.0)


# --- the grid of definitions -------------------------------------------------------------------


def test_axis_points():
    assert era.axis_points(2018.0, 2022.0, 0.5) == [2018.0 + 0.5 * i for i in range(9)]
    assert era.axis_points(5, 20, 1) == [float(n) for n in range(5, 21)]
    assert era.axis_points(2025.0, 2025.0, 0.5) == [2025.0]
    assert era.axis_points(2025.0, 2025.0, 0.5, also=[2024.0]) == [2024.0, 2025.0]
    assert era.axis_points(2018.0, 2018.5, 0.5) == [2018.0, 2018.5]  # one step
    assert era.axis_points(2018.0, 2019.0, 0.5, also=[2018.3]) == [2018.0, 2018.3, 2018.5, 2019.0]
    assert era.axis_points(2018.0, 2019.0, 0.5, also=[2018.5]) == [2018.0, 2018.5, 2019.0]
    with pytest.raises(ValueError, match="whole number of steps"):
        era.axis_points(2018.0, 2022.0, 0.3)


def _models():
    rng = np.random.default_rng(3)
    days = np.sort(rng.integers(0, 7 * 365, 120))
    dates = np.datetime64("2017-06-01") + days.astype("timedelta64[D]")
    years = era.decimal_year(dates)
    flop = 1e20 * 4.0 ** (years - 2018.0) * 10.0 ** rng.normal(0.0, 0.8, years.size)
    language = rng.random(years.size) < 0.6
    return dates, flop, language


def test_grid_holds_the_fit_of_every_combination_in_c_order():
    dates, flop, language = _models()
    axes = {
        "era.frontier_top_n": [5.0, 10.0],
        "era.fit_start_year": [2018.0, 2019.0, 2020.0],
        "era.fit_end_year": [2023.0, 2024.0],
    }
    grid = era.growth_grid(dates, flop, language, axes)
    assert len(grid["fits"]["all"]["growth"]) == 12
    # index of (top_n=10, start=2019, end=2023) in C order: (1 * 3 + 1) * 2 + 0 = 8
    fits = era.domain_fits(dates, flop, language, 10, 2019.0, 2023.0)
    for domain in ("all", "language", "language_in_all"):
        assert grid["fits"][domain]["growth"][8] == pytest.approx(fits[domain][0].growth)
        assert grid["fits"][domain]["n"][8] == fits[domain][0].n
        assert grid["fits"][domain]["growth_low"][8] == pytest.approx(fits[domain][0].growth_low)
        assert grid["fits"][domain]["growth_high"][8] == pytest.approx(fits[domain][0].growth_high)
        assert grid["fits"][domain]["slope"][8] == pytest.approx(fits[domain][0].slope)
        assert grid["fits"][domain]["stderr"][8] == pytest.approx(fits[domain][0].slope_stderr)
    assert grid["confidence"] == 0.9
    assert grid["axes"] == axes


def test_domain_masks():
    dates = _dates("2019-01-01", "2019-02-01", "2019-03-01")
    flop = np.array([1e22, 1e20, 1e19])
    language = np.array([False, True, True])
    masks = era.domain_masks(dates, flop, language, top_n=1)
    assert masks["all"].tolist() == [True, False, False]
    # among language models only, the first is the leader at release
    assert masks["language"].tolist() == [False, True, False]
    assert masks["language_in_all"].tolist() == [False, False, False]


def test_definition_spread_reads_the_right_slices():
    axes = {
        "era.frontier_top_n": [5.0, 10.0],
        "era.fit_start_year": [2018.0, 2020.0],
        "era.fit_end_year": [2025.0],
    }
    growth = [3.0, 4.0, 5.0, 6.0]  # (5, 2018), (5, 2020), (10, 2018), (10, 2020)
    grid = {"axes": axes, "fits": {"all": {"growth": growth}}}
    default = {"era.frontier_top_n": 10, "era.fit_start_year": 2020.0, "era.fit_end_year": 2025.0}
    spread = era.definition_spread(grid, default)["all"]
    assert spread == {"top_n": (4.0, 6.0), "window": (5.0, 6.0), "all": (3.0, 6.0)}
    # top-N 5 (index 0) with start 2020 (index 1): the slices must not mix the axes
    other = era.definition_spread(grid, {**default, "era.frontier_top_n": 5})["all"]
    assert other == {"top_n": (4.0, 6.0), "window": (3.0, 4.0), "all": (3.0, 6.0)}
    facts = era.spread_facts({"all": spread})
    assert facts["growth.all.top_n_low"] == 4.0 and facts["growth.all.window_high"] == 6.0
    with pytest.raises(ValueError, match="not a grid point"):
        era.definition_spread(grid, {**default, "era.fit_start_year": 2019.0})


# --- Synthetic catalogues whose answers are known by construction ---------------------------

# Six models released on 1 January 2020..2025 (decimal years 2020.0..2025.0), each bigger than
# all before it (so all are frontier models), FLOP as Python integers beyond int64.
SYN_DATES = np.array([f"{y}-01-01" for y in range(2020, 2026)], dtype="datetime64[D]")
SYN_FLOP = [10**20, 2 * 10**21, 8 * 10**21, 10**23, 10**24, 10**25]
SYN_LANGUAGE = [1, 1, 1, 1, 1, 0]  # 0/1 flags, read as booleans


def test_decimal_year_reads_iso_strings():
    # 2 July 2021 is day 182 of a 365-day year.
    assert era.decimal_year(["2021-07-02"])[0] == pytest.approx(2021 + 182 / 365)


def test_frontier_mask_default_is_the_top_ten():
    # ten bigger models released earlier push the eleventh off the default top-10 frontier
    dates = np.arange("2020-01-01", "2020-01-12", dtype="datetime64[D]")
    assert era.frontier_mask(dates, [100.0] * 10 + [1.0]).tolist() == [True] * 10 + [False]
    assert era.frontier_mask(dates.astype(str), [100] * 10 + [1]).tolist() == [True] * 10 + [False]


def test_frontier_growth_uses_the_given_top_n_and_confidence():
    dates = np.arange("2020-01-01", "2020-01-05", dtype="datetime64[D]")
    fit, frontier, _ = era.frontier_growth(
        dates, [100.0, 200.0, 300.0, 1.0], top_n=2, start_year=2019, end_year=2021, confidence=0.5
    )
    assert frontier.tolist() == [True, True, True, False]
    assert fit.n == 3 and fit.confidence == 0.5


def test_fit_log_growth_interval_uses_n_minus_two_degrees_of_freedom():
    # four points: two degrees of freedom, t_{0.95, 2} = 2.919986 (two-sided 90%)
    fit = era.fit_log_growth([2020, 2021, 2022, 2023], [10**20, 3 * 10**20, 10**22, 10**22])
    assert fit.growth_low == pytest.approx(10 ** (fit.slope - 2.919986 * fit.slope_stderr))
    assert fit.growth_high == pytest.approx(10 ** (fit.slope + 2.919986 * fit.slope_stderr))


def test_domain_fits_window_is_closed_at_the_start_open_at_the_end():
    fits = era.domain_fits(SYN_DATES, SYN_FLOP, SYN_LANGUAGE, 10, 2020.0, 2024.0, confidence=0.5)
    # 2020.0, 2021.0, 2022.0, 2023.0 are in [2020, 2024); 2024.0 is not
    for domain in ("all", "language", "language_in_all"):
        fit, used = fits[domain]
        assert fit.n == 4 and fit.confidence == 0.5
        assert used.tolist() == [True] * 4 + [False] * 2
    masks = era.domain_masks(SYN_DATES, SYN_FLOP, SYN_LANGUAGE, 10)
    assert masks["language"].tolist() == [True] * 5 + [False]


def test_growth_grid_window_and_confidence():
    axes = {
        "era.frontier_top_n": [10],
        "era.fit_start_year": [2020.0],
        "era.fit_end_year": [2024.0],
    }
    grid = era.growth_grid(SYN_DATES, SYN_FLOP, SYN_LANGUAGE, axes, confidence=0.5)
    reference = era.fit_log_growth(
        SYN_DATES[:4].astype("datetime64[Y]").astype(int) + 1970, SYN_FLOP[:4], 0.5
    )
    assert grid["fits"]["all"]["n"] == [4]
    assert grid["fits"]["all"]["growth_low"] == pytest.approx([reference.growth_low])
    assert grid["confidence"] == 0.5


def test_fit_domains_output_names_and_settings():
    models = {
        "date": SYN_DATES,
        "flop": np.array(SYN_FLOP, dtype=float),
        "language": np.array(SYN_LANGUAGE, dtype=bool),
        "model": np.array(list("abcdef")),
    }
    out = era.fit_domains(models, 10, 2020.0, 2024.0, 0.5)
    assert out["settings"] == {
        "top_n": 10,
        "start_year": 2020.0,
        "end_year": 2024.0,
        "confidence": 0.5,
    }
    assert out["frontier_models"] == {"all": ["a", "b", "c", "d"], "language": ["a", "b", "c", "d"]}
    assert out["fits"]["all"]["confidence"] == 0.5


def test_models_released_the_same_day_do_not_count_against_each_other():
    # Dates with a time of day are read at day precision: the morning model is not "before"
    # the evening one, so with top_n = 1 both are frontier models.
    dates = np.array(["2020-01-01T08:00", "2020-01-01T20:00"], dtype="datetime64[m]")
    assert era.frontier_mask(dates, [100.0, 1.0], top_n=1).tolist() == [True, True]


# --- records and chart slopes (issue 17 coverage rows) ------------------------------------------


def test_annual_growth_is_the_geometric_mean_factor_per_year():
    # 10^22 to 10^26 FLOP over four years: 10^4 in 4 years, 10x per year.
    assert era.annual_growth(1e22, 1e26, 4.0) == pytest.approx(10.0)
    # A record that does not move grows by 1x.
    assert era.annual_growth(5e25, 5e25, 1.0) == pytest.approx(1.0)
    # 2 to 18 over two years: 9x in all, 3x per year (not 9 / 2).
    assert era.annual_growth(2.0, 18.0, 2.0) == pytest.approx(3.0)


def test_linear_slope_of_points_per_step():
    # y = 20 + 9 x exactly: slope 9.
    x = [0, 1, 2, 3]
    assert era.linear_slope(x, [20, 29, 38, 47]) == pytest.approx(9.0)
    # Hand least squares: x = 0, 1, 2; y = 1, 1, 4; mean x 1, mean y 2;
    # sum (x - 1)(y - 2) = (-1)(-1) + 0 + (1)(2) = 3; sum (x - 1)^2 = 2; slope 1.5.
    assert era.linear_slope([0, 1, 2], [1, 1, 4]) == pytest.approx(1.5)


def test_linear_slope_takes_arrays_of_draws_per_point():
    # Two draws at once: the second is the first doubled, so its slope doubles.
    ys = [np.array([1.0, 2.0]), np.array([1.0, 2.0]), np.array([4.0, 8.0])]
    assert era.linear_slope([0, 1, 2], ys) == pytest.approx([1.5, 3.0])
