"""Global sensitivity: Sobol first-order and total indices of the key claims and conclusions.

Saltelli's design over the unit-uniform columns of
:class:`inference_scaling.uncertainty.sampling.InputModel` (the same transform the Monte
Carlo uses, so the same distributions), and the estimators with bootstrap confidence
intervals of SALib's ``sobol`` module, computed as SALib does but vectorised over factors
and resamples (``tests/test_sensitivity.py`` checks both against SALib itself). The
jointly drawn lifetime shares form one factor (a SALib group), since their columns are not
independent inputs of the model. A conclusion's indices are those of its
indicator (1 where it holds): the share of the variance of "holds or not" each factor explains.
"""

from __future__ import annotations

import functools
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


#: Bits of each Sobol' coordinate (``scipy.stats.qmc.Sobol``'s default).
SOBOL_BITS = 30


def _direction_numbers(dim: int) -> np.ndarray:
    """Joe and Kuo's direction numbers of the first ``dim`` dimensions, shape ``(dim,
    SOBOL_BITS)``, as ``scipy.stats.qmc.Sobol`` derives them from the table scipy ships
    (read from its file: importing ``scipy.stats`` costs a second of CPU per job)."""
    import importlib.util
    from pathlib import Path

    scipy_dir = Path(importlib.util.find_spec("scipy").submodule_search_locations[0])
    with np.load(scipy_dir / "stats" / "_sobol_direction_numbers.npz") as table:
        poly, vinit = table["poly"][:dim], table["vinit"][:dim]
    v = np.zeros((dim, SOBOL_BITS), dtype=np.uint64)
    v[0, :] = 1
    for d in range(1, dim):
        p = int(poly[d])
        degree = p.bit_length() - 1
        v[d, :degree] = vinit[d, :degree]
        for j in range(degree, SOBOL_BITS):  # Bratley and Fox's recurrence
            new = int(v[d, j - degree])
            for k in range(degree):
                if (p >> (degree - 1 - k)) & 1:
                    new ^= int(v[d, j - k - 1]) << (k + 1)
            v[d, j] = new
    return v << (SOBOL_BITS - 1 - np.arange(SOBOL_BITS, dtype=np.uint64))


def _parity(x: np.ndarray) -> np.ndarray:
    for shift in (32, 16, 8, 4, 2, 1):
        x = x ^ (x >> np.uint64(shift))
    return x & np.uint64(1)


def scrambled_sobol(dim: int, n: int, seed: int) -> np.ndarray:
    """The first ``n`` points, shape ``(n, dim)``, of the scrambled Sobol' sequence that
    ``scipy.stats.qmc.Sobol(d=dim, scramble=True, seed=seed).random(n)`` gives (the base
    of SALib's design), bit for bit: the same random digital shift and lower-triangular
    matrices scramble the direction numbers (Owen's LMS + shift), and point ``i`` is the
    shift XOR the scrambled directions of the bits of ``i``'s Gray code."""
    rng = np.random.default_rng(seed)
    powers = np.uint64(1) << np.arange(SOBOL_BITS, dtype=np.uint64)
    shift_bits = rng.integers(2, size=(dim, SOBOL_BITS), dtype=np.uint32).astype(np.uint64)
    shift = (shift_bits * powers).sum(axis=1)
    ltm = np.tril(rng.integers(2, size=(dim, SOBOL_BITS, SOBOL_BITS), dtype=np.uint32))
    ltm = ltm.astype(np.uint64)
    ltm[:, np.arange(SOBOL_BITS), np.arange(SOBOL_BITS)] = 1
    # Row p of a matrix, read with its first column as the top bit, gives bit 29 - p.
    top_first = powers[::-1]
    rows = (ltm * top_first).sum(axis=2)
    directions = _direction_numbers(dim)
    scrambled = np.empty_like(directions)
    for j in range(SOBOL_BITS):
        scrambled[:, j] = (_parity(rows & directions[:, j, None]) * top_first).sum(axis=1)
    i = np.arange(n, dtype=np.uint64)
    gray = i ^ (i >> np.uint64(1))
    points = np.broadcast_to(shift, (n, dim)).copy()
    for bit in range(SOBOL_BITS):
        points[((gray >> np.uint64(bit)) & np.uint64(1)).astype(bool)] ^= scrambled[:, bit]
    return points / float(1 << SOBOL_BITS)


def design(model: InputModel, base_samples: int, seed: int) -> dict[str, np.ndarray]:
    """Saltelli's design (first and total order) as SALib's ``sample.sobol`` builds it:
    ``base_samples * (factors + 2)`` rows, per base point ``A``, then ``A`` with each
    factor's columns taken from ``B`` (one row per factor), then ``B``; ``A | B`` is a
    scrambled Sobol' sequence in twice as many dimensions as there are columns."""
    spec = problem(model)
    n_cols = spec["num_vars"]
    base = scrambled_sobol(2 * n_cols, base_samples, seed)
    a, b = base[:, :n_cols], base[:, n_cols:]
    groups = np.array(spec["groups"])
    rows = [a] + [np.where(groups == f, b, a) for f in dict.fromkeys(spec["groups"])] + [b]
    x = np.stack(rows, axis=1).reshape(-1, n_cols)
    return {name: x[:, i] for i, name in enumerate(spec["names"])}


@functools.lru_cache(maxsize=2)
def _bootstrap_counts(n: int, resamples: int, seed: int) -> np.ndarray:
    """How often each of ``n`` base points appears in each bootstrap resample, shape
    ``(resamples, n)``: the resamples SALib draws (``default_rng(seed).integers(n, (n,
    resamples))``), counted, so a resample's mean is one row of a matrix product. The same
    for every output of an analysis, so made once (read-only)."""
    r = np.random.default_rng(seed).integers(n, size=(n, resamples))
    flat = (r + n * np.arange(resamples)).ravel()
    counts = np.bincount(flat, minlength=n * resamples).reshape(resamples, n).astype(float)
    counts.flags.writeable = False
    return counts


def _ratio(numerator, variance):
    eps = np.finfo(float).eps
    return np.where(variance > eps, numerator / np.where(variance > eps, variance, 1.0), 0.0)


def indices(spec: dict, y: np.ndarray, resamples: int, confidence: float, seed: int):
    """``{factor: {"S1", "S1_conf", "ST", "ST_conf"}}``, or ``None`` when ``y`` is constant
    (no variance to apportion).

    SALib's ``analyze.sobol`` without second order (Saltelli et al. 2010 estimators on the
    output standardised to mean 0 and variance 1; bootstrap half-widths ``z * sd`` over the
    same resamples), computed for all factors and resamples at once: a resample's means are
    its counts times the per-point terms.
    """
    from scipy.special import ndtri

    y = np.asarray(y, dtype=float)
    if y.min() == y.max():
        return None
    factors = list(dict.fromkeys(spec["groups"]))
    n = y.size // (len(factors) + 2)
    y = ((y - y.mean()) / y.std()).reshape(n, len(factors) + 2)
    a, ab, b = y[:, 0], y[:, 1:-1], y[:, -1]
    first_terms = b[:, None] * (ab - a[:, None])
    total_terms = 0.5 * (a[:, None] - ab) ** 2
    flat = np.ptp(np.concatenate([a, b])) <= np.finfo(float).eps
    variance = np.var(np.concatenate([a, b]))
    s1 = np.zeros(len(factors)) if flat else _ratio(first_terms.mean(axis=0), variance)
    st = np.zeros(len(factors)) if flat else _ratio(total_terms.mean(axis=0), variance)
    counts = _bootstrap_counts(n, resamples, seed)
    boot_variance = counts @ (a**2 + b**2) / (2 * n) - (counts @ (a + b) / (2 * n)) ** 2
    boot_s1 = _ratio(counts @ first_terms / n, boot_variance[:, None])
    boot_st = _ratio(counts @ total_terms / n, boot_variance[:, None])
    drawn = counts.sum(axis=0) > 0
    z = 0.0 if np.ptp(np.concatenate([a[drawn], b[drawn]])) == 0 else ndtri(0.5 + confidence / 2)
    s1_conf = z * boot_s1.std(axis=0, ddof=1)
    st_conf = z * boot_st.std(axis=0, ddof=1)
    return {
        f: {
            "S1": float(s1[i]),
            "S1_conf": float(s1_conf[i]),
            "ST": float(st[i]),
            "ST_conf": float(st_conf[i]),
        }
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
