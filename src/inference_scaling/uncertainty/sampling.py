"""Every uncertain input of the Monte Carlo, drawn from independent unit-uniform columns.

Each input the analysis varies is fed by one or more *columns* of numbers ``u`` in [0, 1).
The Monte Carlo fills the columns from a seeded generator, the Sobol analysis from
Saltelli's quasi-random design; both then call :meth:`InputModel.transform`, so both see the same
distributions. The columns and what they become:

- an assumption with a range ``[low, high]``: uniform, or uniform in log10 (``loguniform``);
- the lifetime shares: post-training ``q`` and each regime's deployment share ``s`` are
  drawn *jointly*, uniformly over the part of their declared box where the pre-training
  share ``p = 1 - s - q`` is >= 0 (``q`` by the inverse of its marginal CDF, then each ``s``
  uniformly on what is left of its range), so every triple sums to 1 with each share >= 0;
- the growth-fit definition: ``era.frontier_top_n``, ``era.fit_start_year`` and
  ``era.fit_end_year`` pick one point of a grid of fits made once for every combination in
  their ranges (:func:`inference_scaling.model.era.growth_grid`); the fitted slope then varies by
  its Student-t sampling distribution (one column per domain, ``data:growth.<domain>``);
- a shipped number whose provenance flag carries a declared relative error ``e``: multiplied
  by a factor uniform in ``[1 - e, 1 + e]`` (column ``data:<fact>``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

#: Points of the tabulated inverse CDFs (the share marginal and Student's t).
GRID_POINTS = 4097
T_TABLE_POINTS = 4096


def scale(u, low, high, distribution="uniform"):
    """Map unit uniforms ``u`` onto ``[low, high]``, linearly or uniformly in log10."""
    u = np.asarray(u, dtype=float)
    if distribution not in ("uniform", "loguniform"):
        raise ValueError(f"unknown distribution '{distribution}'")
    log = distribution == "loguniform"
    lo, hi = (np.log10(low), np.log10(high)) if log else (low, high)
    # In place on one new array: the same arithmetic as lo + u * (hi - lo), one allocation.
    out = u * (hi - lo)
    out += lo
    if not log:
        return out
    return np.power(10.0, out, out=out) if isinstance(out, np.ndarray) else 10.0**out


def check_shares(post, deployment: Mapping[str, object]) -> None:
    """Raise unless every (post-training, deployment) pair leaves a pre-training share >= 0.

    ``post`` and each deployment share are fractions of lifetime compute (arrays or floats).
    """
    q = np.asarray(post, dtype=float)
    if np.any((q < 0) | (q > 1)):
        raise ValueError("lifetime shares: a post-training share lies outside [0, 1]")
    for key, s in deployment.items():
        s = np.asarray(s, dtype=float)
        if np.any((s < 0) | (s > 1)):
            raise ValueError(f"lifetime shares: {key} lies outside [0, 1]")
        if np.any(1.0 - s - q < 0):
            raise ValueError(f"lifetime shares: {key} + post-training share exceeds 1")


@dataclass(frozen=True)
class JointShares:
    """The lifetime shares drawn uniformly over ``{q, s_i in their ranges, s_i + q <= 1}``."""

    post: str
    post_range: tuple[float, float]
    deployment: dict[str, tuple[float, float]]

    def columns(self) -> list[str]:
        return [self.post, *self.deployment]

    def _room(self, q, low, high):
        """Length of deployment range ``[low, high]`` left at post-training share ``q``
        (a point range counts 1 where feasible, so it only restricts ``q``)."""
        top = np.minimum(high, 1.0 - q)
        if high == low:
            return (top >= low).astype(float)
        return np.clip(top - low, 0.0, None)

    def post_quantile(self, u):
        """Inverse CDF of ``q``'s marginal, whose density is the product of the rooms."""
        q_low, q_high = self.post_range
        if q_low == q_high:
            rooms = [self._room(np.array(q_low), lo, hi) for lo, hi in self.deployment.values()]
            if all(room > 0 for room in rooms):
                return np.full(np.shape(u), q_low)
            raise ValueError(f"lifetime shares: no share triple with {self.post} = {q_low}")
        grid = np.linspace(q_low, q_high, GRID_POINTS)
        density = np.ones_like(grid)
        for lo, hi in self.deployment.values():
            density = density * self._room(grid, lo, hi)
        steps = 0.5 * (density[1:] + density[:-1]) * np.diff(grid)
        cdf = np.concatenate([[0.0], np.cumsum(steps)])
        if cdf[-1] <= 0:
            raise ValueError("lifetime shares: the declared ranges admit no triple summing to 1")
        return np.interp(u, cdf / cdf[-1], grid)

    def transform(self, u: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        q = self.post_quantile(u[self.post])
        out = {self.post: q}
        for key, (lo, hi) in self.deployment.items():
            out[key] = lo + u[key] * (np.minimum(hi, 1.0 - q) - lo)
        check_shares(q, {k: out[k] for k in self.deployment})
        return out


@functools.cache
def _t_row(df: float) -> np.ndarray:
    from scipy.special import stdtrit  # tabulated once: evaluating it per draw is slow

    return stdtrit(df, (np.arange(T_TABLE_POINTS) + 0.5) / T_TABLE_POINTS)


def t_table(dfs) -> np.ndarray:
    """Student-t quantiles at ``T_TABLE_POINTS`` probabilities ``(j + 0.5) / T_TABLE_POINTS``,
    one row per degree of freedom in ``dfs``."""
    return np.array([_t_row(float(df)) for df in dfs])


def table_quantile(table: np.ndarray, row, u) -> np.ndarray:
    """Linear interpolation in ``table[row]`` at probabilities ``u``; beyond the outermost
    tabulated points (probability ``1 / T_TABLE_POINTS``) the end value is used."""
    pos = np.clip(np.asarray(u, dtype=float) * T_TABLE_POINTS - 0.5, 0.0, T_TABLE_POINTS - 1.0)
    i = np.minimum(pos.astype(np.intp), T_TABLE_POINTS - 2)
    w = pos - i
    # One flat gather per end point: indexing by (row, column) pairs costs twice as much.
    i += np.asarray(row, dtype=np.intp) * table.shape[1]
    flat = table.ravel()
    return flat[i] * (1.0 - w) + flat[i + 1] * w


@dataclass(frozen=True)
class GrowthDraws:
    """Growth facts per draw from a grid of fits (see :func:`era.growth_grid`)."""

    axes: dict[str, list[float]]
    fits: dict[str, dict[str, list[float]]]

    def columns(self) -> list[str]:
        return [*self.axes, *(f"data:growth.{d}" for d in self.fits)]

    def index(self, u: Mapping[str, np.ndarray]):
        """Flat grid index and the chosen axis values: each axis point equally likely."""
        flat, values = 0, {}
        for key, points in self.axes.items():
            i = np.minimum((np.asarray(u[key]) * len(points)).astype(int), len(points) - 1)
            flat = flat * len(points) + i
            values[key] = np.asarray(points, dtype=float)[i]
        return flat, values

    def transform(self, u: Mapping[str, np.ndarray]):
        """Axis values and growth facts; the slope drawn as ``slope + stderr * t(n - 2)``."""
        flat, values = self.index(u)
        facts = {}
        for domain, fit in self.fits.items():
            n = np.asarray(fit["n"], dtype=float)
            dfs, row = np.unique(n - 2.0, return_inverse=True)
            noise = table_quantile(t_table(dfs), row[flat], u[f"data:growth.{domain}"])
            slope = np.asarray(fit["slope"])[flat] + np.asarray(fit["stderr"])[flat] * noise
            facts[f"growth.{domain}.growth"] = 10.0**slope
            facts[f"growth.{domain}.growth_low"] = np.asarray(fit["growth_low"])[flat]
            facts[f"growth.{domain}.growth_high"] = np.asarray(fit["growth_high"])[flat]
            facts[f"growth.{domain}.n"] = n[flat]
        return values, facts


@dataclass(frozen=True)
class InputModel:
    """All uncertain inputs: assumption ranges, joint shares, growth fits, data errors."""

    ranges: dict[str, tuple[float, float]]
    distributions: dict[str, str]
    shares: JointShares | None = None
    growth: GrowthDraws | None = None
    fact_errors: dict[str, float] = field(default_factory=dict)

    def _independent(self) -> list[str]:
        taken = set(self.shares.columns() if self.shares else ())
        taken |= set(self.growth.axes if self.growth else ())
        return [k for k, (lo, hi) in self.ranges.items() if lo != hi and k not in taken]

    def columns(self) -> list[str]:
        """Names of the unit-uniform columns, sorted (so adding one never moves the others)."""
        cols = self._independent()
        cols += self.shares.columns() if self.shares else []
        cols += self.growth.columns() if self.growth else []
        cols += [f"data:{k}" for k, e in self.fact_errors.items() if e > 0]
        return sorted(cols)

    def groups(self) -> dict[str, str]:
        """Column -> factor for sensitivity analysis: the joint shares are one factor."""
        shared = set(self.shares.columns()) if self.shares else set()
        return {c: ("lifetime shares (joint)" if c in shared else c) for c in self.columns()}

    def transform(self, u: Mapping[str, np.ndarray], facts: Mapping[str, object]):
        """``(values, facts)`` for the draws ``u``: assumptions, and facts with data errors."""
        values: dict[str, object] = {
            k: float(lo) for k, (lo, hi) in self.ranges.items() if lo == hi
        }
        for key in self._independent():
            lo, hi = self.ranges[key]
            values[key] = scale(u[key], lo, hi, self.distributions.get(key, "uniform"))
        out_facts = dict(facts)
        if self.shares:
            values.update(self.shares.transform(u))
        if self.growth:
            axis_values, growth_facts = self.growth.transform(u)
            values.update(axis_values)
            out_facts.update(growth_facts)
        for key, err in self.fact_errors.items():
            if err > 0 and key in facts:
                factor = scale(u[f"data:{key}"], 1.0 - err, 1.0 + err)
                factor *= facts[key]
                out_facts[key] = factor
        return values, out_facts


def fact_errors(flags: Mapping[str, str], flag_error: Mapping[str, float], overrides=None):
    """Relative error per fact from its provenance flag (``overrides``: fact -> flag)."""
    merged = {**flags, **(overrides or {})}
    missing = sorted({f for f in merged.values() if f not in flag_error})
    if missing:
        raise ValueError(f"uncertainty: no declared error for provenance flag(s) {missing}")
    return {k: float(flag_error[f]) for k, f in sorted(merged.items())}


def build_model(ranges, distributions, settings: Mapping, grid=None, flags=None) -> InputModel:
    """The :class:`InputModel` of ``config/uncertainty.yaml``'s ``settings``.

    ``grid`` is the growth-fit grid (``results/growth_grid.json``), ``flags`` maps fact
    names to provenance flags (:func:`inference_scaling.pipeline.datasets.fact_flags`).
    """
    ranges = {k: (float(lo), float(hi)) for k, (lo, hi) in ranges.items()}
    shares = None
    spec = settings.get("lifetime_shares")
    if spec:
        post = spec["post_training"]
        shares = JointShares(post, ranges[post], {k: ranges[k] for k in spec["deployment"]})
    growth = GrowthDraws(grid["axes"], grid["fits"]) if grid else None
    errors = {}
    if flags is not None:
        errors = fact_errors(flags, settings["flag_error"], settings.get("flag_override"))
    return InputModel(ranges, dict(distributions), shares, growth, errors)


def unit_draws(columns, size: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One column of ``size`` unit uniforms per name, drawn in the given (sorted) order."""
    return {name: rng.random(size) for name in columns}


def job_model_and_facts(job):
    """:func:`model_and_facts` of a Monte Carlo or Sobol job: its declared ``growth``,
    ``grid`` and CSV inputs and its ``ranges``, ``distributions`` and ``inputs`` params."""
    from inference_scaling.pipeline import datasets

    return model_and_facts(
        job.input.growth,
        job.input.grid,
        datasets.declared_csvs(job.input),
        job.params.ranges,
        job.params.distributions,
        job.params.inputs,
    )


def model_and_facts(growth_path, grid_path, data_files, ranges, distributions, settings):
    """The :class:`InputModel` and the ledger facts of a build, from its result files.

    ``growth_path``: ``pretrain_growth.json``; ``grid_path``: ``growth_grid.json``;
    ``data_files``: the shipped CSVs by name (``arc``, ``elo``, ``run``, ``chinchilla``,
    ``models``, ``aime``, as :func:`inference_scaling.pipeline.datasets.ledger_facts` takes
    them); ``settings``:
    ``config/uncertainty.yaml``.
    """
    import json
    from pathlib import Path

    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    growth = json.loads(Path(growth_path).read_text(encoding="utf-8"))
    grid = json.loads(Path(grid_path).read_text(encoding="utf-8"))
    facts = {**datasets.ledger_facts(growth, **data_files), **era.spread_facts(grid["spread"])}
    flags = datasets.fact_flags(
        arc=data_files.get("arc"), run=data_files.get("run"), aime=data_files.get("aime")
    )
    model = build_model(ranges, distributions, settings, grid, flags)
    return model, facts
