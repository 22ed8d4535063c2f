"""The end of the pre-training era: growth of frontier compute and the exchange rate.

Covers the essay's opening section: how fast frontier pre-training compute grew in
2020--2024, and how many OOMs of pre-training one OOM of task inference is worth.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

DAYS_PER_YEAR = 365.25


def decimal_year(dates):
    """Convert ``numpy.datetime64`` dates (day precision) to decimal years [yr]."""
    days = np.asarray(dates, dtype="datetime64[D]")
    years = days.astype("datetime64[Y]")
    start = years.astype("datetime64[D]")
    length = (years + 1).astype("datetime64[D]") - start
    return 1970.0 + years.astype(float) + (days - start).astype(float) / length.astype(float)


def frontier_mask(dates, compute, top_n=10):
    """Epoch AI's frontier: models in the top ``top_n`` by compute at their release date.

    A model is on the frontier when fewer than ``top_n`` models released *before* it used
    more training compute [FLOP]. Models released the same day do not count against each
    other. Returns a boolean array aligned with the inputs.
    """
    days = np.asarray(dates, dtype="datetime64[D]")
    flop = np.asarray(compute, dtype=float)
    earlier = days[None, :] < days[:, None]  # [i, j]: j released before i
    bigger = flop[None, :] > flop[:, None]
    return (earlier & bigger).sum(axis=1) < top_n


@dataclass(frozen=True)
class GrowthFit:
    """A log-linear trend ``log10(y) = intercept + slope * year``.

    ``growth`` is the factor per year (``10**slope``); ``growth_low``/``growth_high`` bound it
    at the requested confidence. ``n`` is the number of points fitted.
    """

    slope: float
    intercept: float
    slope_stderr: float
    growth: float
    growth_low: float
    growth_high: float
    confidence: float
    n: int

    def predict(self, years):
        """Fitted values of ``y`` (not its log) at decimal ``years``."""
        return 10.0 ** (self.intercept + self.slope * np.asarray(years, dtype=float))


def fit_log_growth(years, values, confidence=0.9):
    """Least-squares fit of ``log10(values)`` on ``years`` with a t-based CI on the slope.

    ``values`` must be positive (e.g. FLOP); the growth factor is per year.
    """
    from scipy import stats  # imported here: scipy.stats costs ~0.5 s and only fits need it

    x = np.asarray(years, dtype=float)
    y = np.log10(np.asarray(values, dtype=float))
    if x.size < 3:
        raise ValueError(f"need at least 3 points to fit a trend with a CI, got {x.size}")
    res = stats.linregress(x, y)
    t = stats.t.ppf(0.5 + confidence / 2.0, x.size - 2)
    lo, hi = res.slope - t * res.stderr, res.slope + t * res.stderr
    return GrowthFit(
        slope=float(res.slope),
        intercept=float(res.intercept),
        slope_stderr=float(res.stderr),
        growth=float(10.0**res.slope),
        growth_low=float(10.0**lo),
        growth_high=float(10.0**hi),
        confidence=float(confidence),
        n=int(x.size),
    )


def exchange_rate_from_equivalence(train_factor, inference_factor):
    """OOMs of pre-training that one OOM of inference is worth [OOM/OOM].

    If scaling training compute by ``train_factor`` helps as much as scaling inference by
    ``inference_factor`` (Jones 2021: 10x training ≈ 15x inference), the rate is
    ``log10(train_factor) / log10(inference_factor)``.
    """
    return np.log10(train_factor) / np.log10(inference_factor)


def frontier_growth(dates, compute, top_n=10, start_year=2020.0, end_year=2025.0, confidence=0.9):
    """Growth of frontier training compute: Epoch's top-``top_n`` frontier, fitted in a window.

    The frontier is decided over all models given (so pass only language models for a
    language-only fit); the fit uses frontier models released in ``[start_year, end_year)``
    [decimal years]. Returns ``(fit, frontier, in_window)`` with boolean masks.
    """
    years = decimal_year(dates)
    frontier = frontier_mask(dates, compute, top_n)
    in_window = frontier & (years >= start_year) & (years < end_year)
    fit = fit_log_growth(years[in_window], np.asarray(compute)[in_window], confidence)
    return fit, frontier, in_window


def fit_domains(models, top_n, start, end, confidence):
    """Growth fits for all domains, language models alone, and language models on the
    all-domain frontier (the definition decides the answer, so all three are kept).

    ``models`` is :func:`inference_scaling.datasets.notable_models`; returns the content of
    ``pretrain_growth.json`` (``fits``, ``frontier_models``, ``settings``).
    """
    everything = np.ones(models["flop"].size, dtype=bool)
    fits, frontiers = {}, {}
    for name, subset in [("all", everything), ("language", models["language"])]:
        fit, frontier, used = frontier_growth(
            models["date"][subset], models["flop"][subset], top_n, start, end, confidence
        )
        fits[name] = dataclasses.asdict(fit)
        frontiers[name] = sorted(models["model"][subset][used].tolist())
    years = decimal_year(models["date"])
    on_all_frontier = frontier_mask(models["date"], models["flop"], top_n)
    used = on_all_frontier & models["language"] & (years >= start) & (years < end)
    fits["language_in_all"] = dataclasses.asdict(
        fit_log_growth(years[used], models["flop"][used], confidence)
    )
    return {
        "fits": fits,
        "frontier_models": frontiers,
        "settings": {
            "top_n": top_n,
            "start_year": start,
            "end_year": end,
            "confidence": confidence,
        },
    }
