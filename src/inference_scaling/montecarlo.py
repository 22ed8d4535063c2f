"""Seeded Monte Carlo over the assumptions' ranges, sharded and merged deterministically.

Draws are made in fixed blocks, block ``b`` seeded by ``SeedSequence([seed, b])``; a shard
evaluates some blocks and the merge concatenates blocks in block order. The summary is thus
the same whatever the number of shards. Every claim is evaluated on whole arrays of draws by
the same vectorised functions that build the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import claims, conclusions

PERCENTILES = (5.0, 50.0, 95.0)


def sample(
    ranges: Mapping[str, tuple[float, float]],
    distributions: Mapping[str, str],
    size: int,
    rng: np.random.Generator,
) -> dict[str, object]:
    """One array of ``size`` draws per assumption (a float where the range is a point).

    ``uniform`` draws uniformly in [low, high]; ``loguniform`` uniformly in log10 space.
    Keys are drawn in sorted order so adding a key never reshuffles the others' streams.
    """
    out: dict[str, object] = {}
    for key in sorted(ranges):
        low, high = (float(x) for x in ranges[key])
        u = rng.random(size)
        if low == high:
            out[key] = low
        elif distributions.get(key, "uniform") == "loguniform":
            out[key] = 10.0 ** (np.log10(low) + u * (np.log10(high) - np.log10(low)))
        else:
            out[key] = low + u * (high - low)
    return out


def _columns(result_value, size):
    """Split a claim value into named arrays of length ``size`` (pairs -> low/high)."""
    if isinstance(result_value, tuple):
        return {
            "low": np.broadcast_to(np.asarray(result_value[0], float), (size,)),
            "high": np.broadcast_to(np.asarray(result_value[1], float), (size,)),
        }
    return {"": np.broadcast_to(np.asarray(result_value, float), (size,))}


def run_block(block: int, seed: int, size: int, ranges, distributions, facts) -> dict:
    """Evaluate every claim and conclusion on one block of draws.

    Returns ``{"claim|<id>|<part>": float array, "conclusion|<id>": bool array}``.
    """
    rng = np.random.default_rng(np.random.SeedSequence([seed, block]))
    draws = sample(ranges, distributions, size, rng)
    results = claims.evaluate(draws, facts)
    out = {}
    scalars = {}
    for cid, res in results.items():
        # No copies: a claim that is constant stays a read-only broadcast view (stride 0);
        # merging concatenates into new arrays, and copying 10^6 draws of every claim here
        # took as long as evaluating them.
        for part, column in _columns(res["value"], size).items():
            out[f"claim|{cid}|{part}"] = column
        scalars[cid] = res["value"]
    for cid, held in conclusions.evaluate_conclusions(scalars, draws).items():
        out[f"conclusion|{cid}"] = np.broadcast_to(np.asarray(held, bool), (size,)).copy()
    return out


def shard_blocks(n_blocks: int, shard: int, n_shards: int) -> list[int]:
    """Blocks evaluated by ``shard`` of ``n_shards`` (round-robin)."""
    return list(range(shard, n_blocks, n_shards))


def merge(blocks: Mapping[int, Mapping[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Concatenate per-block arrays in block order."""
    order = sorted(blocks)
    keys = sorted(blocks[order[0]])
    return {k: np.concatenate([blocks[b][k] for b in order]) for k in keys}


def summarize(merged: Mapping[str, np.ndarray]) -> dict:
    """Median and 5--95% interval per claim (part), probability per conclusion."""
    claim_stats: dict[str, dict] = {}
    probs = {}
    for key, arr in merged.items():
        kind, *rest = key.split("|")
        if kind == "claim":
            cid, part = rest
            p5, p50, p95 = np.percentile(arr, PERCENTILES)
            entry = claim_stats.setdefault(cid, {})
            entry[part or "value"] = {"p5": float(p5), "median": float(p50), "p95": float(p95)}
        else:
            probs[rest[0]] = float(np.mean(arr))
    n = int(next(iter(merged.values())).size)
    return {"draws": n, "claims": claim_stats, "conclusions": probs}


def tornado(values: Mapping[str, float], ranges, facts, claim_id: str, part: str = "") -> list:
    """One-at-a-time swings of ``claim_id``: each assumption at its low and high end.

    Returns ``[(key, value_at_low, value_at_high)]`` sorted by swing size, largest first,
    leaving out assumptions that do not move the claim.
    """

    def value_with(key, x):
        res = claims.evaluate({**values, key: x}, facts)[claim_id]["value"]
        if isinstance(res, tuple):
            res = res[0] if part == "low" else res[1]
        return float(res)

    base = value_with(next(iter(values)), next(iter(values.values())))
    rows = []
    for key, (low, high) in ranges.items():
        if low == high:
            continue
        lo, hi = value_with(key, low), value_with(key, high)
        if not (np.isclose(lo, base) and np.isclose(hi, base)):
            rows.append((key, lo, hi))
    return sorted(rows, key=lambda r: -abs(r[2] - r[1]))
