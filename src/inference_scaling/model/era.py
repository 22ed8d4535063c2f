"""The end of the pre-training era: growth of frontier compute and the exchange rate.

Covers the essay's opening section: how fast frontier pre-training compute grew in
2020--2024, and how many OOMs of pre-training one OOM of task inference is worth.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

DAYS_PER_YEAR = 365.25
#: The assumptions that define the frontier and its fit window (the growth grid's axes) ...
GROWTH_AXES = ("era.frontier_top_n", "era.fit_start_year", "era.fit_end_year")
#: ... and, with the confidence level, every assumption the growth fit reads. The workflow
#: (workflow/rules/common.smk) and the explorer import them from here.
GROWTH_KEYS = (*GROWTH_AXES, "era.fit_confidence")


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


def annual_growth(start_value, end_value, years):
    """Factor per year that takes ``start_value`` to ``end_value`` in ``years`` [x/yr]:
    ``(end / start) ** (1 / years)``."""
    ratio = np.asarray(end_value, dtype=float) / np.asarray(start_value, dtype=float)
    return ratio ** (1.0 / np.asarray(years, dtype=float))


def linear_slope(x, ys):
    """Least-squares slope of ``ys`` on ``x`` [y units per x unit].

    ``ys`` holds one entry per point, each a number or an array of Monte Carlo draws (the
    slope is then one per draw)."""
    x = np.asarray(x, dtype=float)
    y = np.stack([np.asarray(v, dtype=float) for v in ys])  # [point, draw...]
    dx = (x - x.mean()).reshape((-1,) + (1,) * (y.ndim - 1))
    return (dx * (y - y.mean(axis=0))).sum(axis=0) / (dx**2).sum()


def evidence_band(values):
    """The exchange rate's evidence band [OOM/OOM]: if one OOM of training is worth between
    ``era.inference_ooms_per_training_oom_min`` and ``..._max`` OOMs of inference
    (Villalobos and Atkinson), one OOM of inference is worth ``1 / max`` to ``1 / min`` OOMs
    of training. ``values`` maps assumption keys to numbers or arrays of draws (the ledger
    passes its recording view, so the band's inputs are listed on each claim that uses it).
    """
    return (
        1.0 / values["era.inference_ooms_per_training_oom_max"],
        1.0 / values["era.inference_ooms_per_training_oom_min"],
    )


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


def domain_masks(dates, compute, language, top_n):
    """Frontier models per domain definition [boolean arrays over all models].

    ``all``: top-``top_n`` among every model; ``language``: top-``top_n`` among language models
    (non-language models are never on it); ``language_in_all``: language models on the
    all-domain frontier. The definition decides the rate, so all three are kept.
    """
    language = np.asarray(language, dtype=bool)
    on_all = frontier_mask(dates, compute, top_n)
    on_language = np.zeros_like(language)
    on_language[language] = frontier_mask(
        np.asarray(dates)[language], np.asarray(compute)[language], top_n
    )
    return {"all": on_all, "language": on_language, "language_in_all": on_all & language}


def domain_fits(dates, compute, language, top_n, start_year, end_year, confidence=0.9):
    """``{domain: (GrowthFit, used mask)}`` for the domains of :func:`domain_masks`, each
    fitted to its frontier models released in ``[start_year, end_year)``."""
    years = decimal_year(dates)
    flop = np.asarray(compute, dtype=float)
    window = (years >= start_year) & (years < end_year)
    out = {}
    for domain, frontier in domain_masks(dates, flop, language, top_n).items():
        used = frontier & window
        out[domain] = (fit_log_growth(years[used], flop[used], confidence), used)
    return out


def fit_domains(models, top_n, start, end, confidence):
    """Growth fits for all domains, language models alone, and language models on the
    all-domain frontier (the definition decides the answer, so all three are kept).

    ``models`` is :func:`inference_scaling.pipeline.datasets.notable_models`; returns the content of
    ``pretrain_growth.json`` (``fits``, ``frontier_models``, ``settings``).
    """
    fits = domain_fits(
        models["date"], models["flop"], models["language"], top_n, start, end, confidence
    )
    return {
        "fits": {name: dataclasses.asdict(fit) for name, (fit, _) in fits.items()},
        "frontier_models": {
            name: sorted(models["model"][used].tolist())
            for name, (_, used) in fits.items()
            if name != "language_in_all"
        },
        "settings": {
            "top_n": top_n,
            "start_year": start,
            "end_year": end,
            "confidence": confidence,
        },
    }


def growth_grid(dates, compute, language, axes, confidence=0.9):
    """Fit every domain once for every combination of ``axes``.

    ``axes`` maps ``era.frontier_top_n``, ``era.fit_start_year``, ``era.fit_end_year`` (in
    that order) to the values to try. Returns ``{"axes": ..., "confidence": ..., "fits":
    {domain: {"slope", "stderr", "n", "growth", "growth_low", "growth_high": lists}}}``,
    the lists running over the combinations in C order (the last axis fastest).
    """
    top_ns, starts, ends = (list(axes[k]) for k in GROWTH_AXES)
    years = decimal_year(dates)
    flop = np.asarray(compute, dtype=float)
    fields = ("slope", "stderr", "n", "growth", "growth_low", "growth_high")
    fits: dict[str, dict[str, list]] = {}
    for top_n in top_ns:
        masks = domain_masks(dates, flop, language, int(top_n))
        for start in starts:
            for end in ends:
                window = (years >= start) & (years < end)
                for domain, frontier in masks.items():
                    used = frontier & window
                    fit = fit_log_growth(years[used], flop[used], confidence)
                    row = fits.setdefault(domain, {f: [] for f in fields})
                    row["slope"].append(fit.slope)
                    row["stderr"].append(fit.slope_stderr)
                    row["n"].append(fit.n)
                    row["growth"].append(fit.growth)
                    row["growth_low"].append(fit.growth_low)
                    row["growth_high"].append(fit.growth_high)
    return {
        "axes": {k: [float(v) for v in axes[k]] for k in GROWTH_AXES},
        "confidence": float(confidence),
        "fits": fits,
    }


def axis_points(low, high, step, also=()):
    """Grid ``low, low + step, ..., high`` (one point when ``low == high``), plus the values
    ``also`` (e.g. the build's default, so that it is always a grid point), sorted."""
    if high == low:
        return sorted({float(low), *map(float, also)})
    count = int(round((high - low) / step))
    if count < 1 or not np.isclose(low + count * step, high):
        raise ValueError(f"range [{low}, {high}] is not a whole number of steps of {step}")
    return sorted({*(float(low + i * step) for i in range(count + 1)), *map(float, also)})


def definition_spread(grid, default) -> dict[str, dict[str, tuple[float, float]]]:
    """How much the frontier definition and the window move each domain's growth [x/yr].

    ``default`` maps the three grid axes to the build's values (each must be a grid point).
    Returns ``{domain: {"top_n": (min, max) over top-N at the default window,
    "window": (min, max) over windows at the default top-N, "all": (min, max)}}``.
    """
    names = list(grid["axes"])
    shape = [len(grid["axes"][k]) for k in names]
    at = []
    for key in names:
        points = grid["axes"][key]
        if float(default[key]) not in points:
            raise ValueError(f"growth grid: default {key} = {default[key]} is not a grid point")
        at.append(points.index(float(default[key])))
    out = {}
    for domain, fit in grid["fits"].items():
        growth = np.asarray(fit["growth"]).reshape(shape)
        by_top_n = growth[:, at[1], at[2]]
        by_window = growth[at[0], :, :]
        out[domain] = {
            "top_n": (float(by_top_n.min()), float(by_top_n.max())),
            "window": (float(by_window.min()), float(by_window.max())),
            "all": (float(growth.min()), float(growth.max())),
        }
    return out


def spread_facts(spread) -> dict[str, float]:
    """Ledger facts ``growth.<domain>.<top_n|window|all>_<low|high>`` from
    :func:`definition_spread` [x/yr]."""
    return {
        f"growth.{domain}.{what}_{end}": value
        for domain, parts in spread.items()
        for what, pair in parts.items()
        for end, value in zip(("low", "high"), pair, strict=True)
    }
