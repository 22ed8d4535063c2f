"""Global sensitivity: Sobol first-order and total indices of the key claims and conclusions.

Uses SALib: Saltelli's design over the unit-uniform columns of
:class:`inference_scaling.uncertainty.sampling.InputModel` (the same transform the Monte
Carlo uses, so the same distributions), and SALib's estimators with bootstrap confidence
intervals. The jointly drawn lifetime shares form one factor (a SALib group), since their
columns are not independent inputs of the model. A conclusion's indices are those of its
indicator (1 where it holds): the share of the variance of "holds or not" each factor explains.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from inference_scaling.uncertainty.montecarlo import evaluate_draws
from inference_scaling.uncertainty.sampling import InputModel


def problem(model: InputModel) -> dict:
    """SALib problem: one unit-interval variable per column, grouped into factors."""
    columns = model.columns()
    groups = model.groups()
    return {
        "num_vars": len(columns),
        "names": columns,
        "bounds": [[0.0, 1.0]] * len(columns),
        "groups": [groups[c] for c in columns],
    }


def design(model: InputModel, base_samples: int, seed: int) -> dict[str, np.ndarray]:
    """Saltelli's design (first and total order): ``base_samples * (factors + 2)`` rows."""
    from SALib.sample import sobol as sobol_sample  # imported here: only this rule needs it

    spec = problem(model)
    x = sobol_sample.sample(spec, base_samples, calc_second_order=False, seed=seed)
    return {name: x[:, i] for i, name in enumerate(spec["names"])}


def indices(spec: dict, y: np.ndarray, resamples: int, confidence: float, seed: int):
    """``{factor: {"S1", "S1_conf", "ST", "ST_conf"}}``, or ``None`` when ``y`` is constant
    (no variance to apportion)."""
    from SALib.analyze import sobol as sobol_analyze

    y = np.asarray(y, dtype=float)
    if y.min() == y.max():
        return None
    res = sobol_analyze.analyze(
        spec,
        y,
        calc_second_order=False,
        num_resamples=resamples,
        conf_level=confidence,
        seed=seed,
    )
    factors = list(dict.fromkeys(spec["groups"]))
    return {
        f: {k: float(res[k][i]) for k in ("S1", "S1_conf", "ST", "ST_conf")}
        for i, f in enumerate(factors)
    }


def analyse(model: InputModel, facts, settings: Mapping) -> dict:
    """Sobol indices of ``settings["key_claims"]`` and of every conclusion.

    ``settings`` is the ``sobol`` section of ``config/uncertainty.yaml``. Claims that are
    pairs are analysed end by end (``id|low``, ``id|high``).
    """
    u = design(model, settings["base_samples"], settings["seed"])
    size = next(iter(u.values())).size
    out = evaluate_draws(model, u, facts, size)
    spec = problem(model)
    targets = {}
    for cid in settings["key_claims"]:
        keys = [k for k in out if k.startswith(f"claim|{cid}|")]
        if not keys:
            raise KeyError(f"config/uncertainty.yaml: sobol.key_claims: unknown claim '{cid}'")
        for key in keys:
            part = key.rsplit("|", 1)[1]
            targets[f"claim|{cid}" + (f"|{part}" if part else "")] = out[key]
    targets.update({k: v for k, v in out.items() if k.startswith("conclusion|")})
    result = {}
    for name, y in targets.items():
        kind, label = name.split("|", 1)
        y = np.asarray(y, dtype=float)
        result.setdefault(kind + "s", {})[label] = {
            "mean": float(y.mean()),
            "indices": indices(
                spec, y, settings["resamples"], settings["confidence"], settings["seed"]
            ),
        }
    result["evaluations"] = int(size)
    result["factors"] = list(dict.fromkeys(spec["groups"]))
    result["settings"] = {k: v for k, v in settings.items() if k != "key_claims"}
    return result


def ranked(entry_indices: Mapping[str, dict], top: int | None = None, floor: float = 0.01):
    """Factors by total index, largest first, dropping those with ``ST < floor``."""
    rows = sorted(entry_indices.items(), key=lambda kv: -kv[1]["ST"])
    rows = [(k, v) for k, v in rows if v["ST"] >= floor]
    return rows[:top] if top else rows
