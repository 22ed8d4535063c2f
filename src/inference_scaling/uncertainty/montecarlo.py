"""Seeded Monte Carlo over every uncertain input, sharded and merged deterministically.

Draws are made in fixed blocks, block ``b`` seeded by ``SeedSequence([seed, b])``; a shard
evaluates some blocks and the merge concatenates blocks in block order. The summary is thus
the same whatever the number of shards. The inputs (assumption ranges, the jointly drawn
lifetime shares, the growth fits, the shipped data's declared errors) come from
:mod:`inference_scaling.uncertainty.sampling`; every claim is evaluated on whole arrays of
draws by the same vectorised functions that build the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from inference_scaling.ledger import claims, conclusions
from inference_scaling.uncertainty.sampling import InputModel, unit_draws

PERCENTILES = (5.0, 50.0, 95.0)


def _columns(result_value, size):
    """Split a claim value into named arrays of length ``size`` (pairs -> low/high)."""
    if isinstance(result_value, tuple):
        return {
            "low": np.broadcast_to(np.asarray(result_value[0], float), (size,)),
            "high": np.broadcast_to(np.asarray(result_value[1], float), (size,)),
        }
    return {"": np.broadcast_to(np.asarray(result_value, float), (size,))}


def evaluate_draws(model: InputModel, u: Mapping[str, np.ndarray], facts, size: int) -> dict:
    """Every claim and conclusion on the unit-uniform columns ``u`` (``size`` draws each).

    Returns ``{"claim|<id>|<part>": float array, "conclusion|<id>": bool array,
    "input|<key>": float array}``, the last for every assumption that varies.
    """
    values, draw_facts = model.transform(u, facts)
    results = claims.evaluate(values, draw_facts)
    out = {f"input|{k}": v for k, v in values.items() if np.ndim(v) == 1}
    scalars = {}
    for cid, res in results.items():
        # No copies: a claim that is constant stays a read-only broadcast view (stride 0);
        # merging concatenates into new arrays, and copying 10^6 draws of every claim here
        # took as long as evaluating them.
        for part, column in _columns(res["value"], size).items():
            out[f"claim|{cid}|{part}"] = column
        scalars[cid] = res["value"]
    for cid, held in conclusions.evaluate_conclusions(scalars, values).items():
        out[f"conclusion|{cid}"] = np.broadcast_to(np.asarray(held, bool), (size,)).copy()
    return out


def run_block(block: int, seed: int, size: int, model: InputModel, facts) -> dict:
    """Evaluate every claim and conclusion on block ``block`` of ``size`` seeded draws."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, block]))
    return evaluate_draws(model, unit_draws(model.columns(), size, rng), facts, size)


def shard_blocks(n_blocks: int, shard: int, n_shards: int) -> list[int]:
    """Blocks evaluated by ``shard`` of ``n_shards`` (round-robin)."""
    return list(range(shard, n_blocks, n_shards))


def merge(blocks: Mapping[int, Mapping[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Concatenate per-block arrays in block order."""
    order = sorted(blocks)
    keys = sorted(blocks[order[0]])
    return {k: np.concatenate([blocks[b][k] for b in order]) for k in keys}


def describe(arr: np.ndarray) -> dict:
    """``{"fixed": v}`` when every draw is the same number, else 5%, median and 95%."""
    if arr.min() == arr.max():
        return {"fixed": float(arr[0])}
    p5, p50, p95 = np.percentile(arr, PERCENTILES)
    return {"p5": float(p5), "median": float(p50), "p95": float(p95)}


def summarize(merged: Mapping[str, np.ndarray]) -> dict:
    """Interval (or fixed value) per claim part, probability per conclusion."""
    claim_stats: dict[str, dict] = {}
    probs = {}
    for key, arr in merged.items():
        kind, *rest = key.split("|")
        if kind == "input":
            continue
        if kind == "claim":
            cid, part = rest
            claim_stats.setdefault(cid, {})[part or "value"] = describe(arr)
        else:
            probs[rest[0]] = float(np.mean(arr))
    n = int(next(iter(merged.values())).size)
    return {"draws": n, "claims": claim_stats, "conclusions": probs}


#: Evenly spaced probabilities, 0 to 1, at which the merge keeps each varying input's draws:
#: enough to place a value among them to within 1 / (QUANTILE_POINTS - 1).
QUANTILE_POINTS = 1001


def input_quantiles(merged: Mapping[str, np.ndarray], points: int = QUANTILE_POINTS) -> dict:
    """``{key: [q_0, ..., q_points-1]}`` for every varying input (``input|<key>`` draws): the
    empirical inverse CDF at ``k / (points - 1)`` (each ``q_k`` an actual draw). What the
    part of the analysis that reads the assumption values needs of the draws."""
    out = {}
    for key, arr in merged.items():
        if key.startswith("input|"):
            n = arr.size
            # The ceil(n k / (points - 1))-th smallest draw, in integers (no rounding at the
            # probabilities that hit a draw exactly).
            rank = -(-n * np.arange(points) // (points - 1))
            out[key.split("|", 1)[1]] = np.sort(arr)[np.maximum(rank - 1, 0)].tolist()
    return out


def share_below(quantiles, value) -> float:
    """Share of the draws below ``value``, from their :func:`input_quantiles`, rounded down
    to a multiple of ``1 / (len(quantiles) - 1)`` (so within that of the exact share): the
    quantiles below ``value`` are those at probabilities up to the share, plus the minimum."""
    below = int(np.searchsorted(np.asarray(quantiles, dtype=float), value, side="left"))
    return max(below - 1, 0) / (len(quantiles) - 1)


def outside_interval(summary, ledger, quantiles, values, edge=0.1) -> list[dict]:
    """Claims whose ledger value lies outside their own 5--95% interval, with the reason.

    The usual reason is not a bug but an input whose default sits in the outer ``edge`` of
    its own draws (e.g. at the end of its range, or where the joint share draw rarely goes),
    so most draws move the claim the same way. ``quantiles`` are the inputs' draws as
    :func:`input_quantiles` keeps them. Returns ``[{"id", "part", "ledger", "p5", "p95",
    "edge_inputs": [{"key", "value", "quantile"}]}]``, ``quantile`` being the share of draws
    below the default (:func:`share_below`).
    """
    out = []
    for rec in ledger:
        stats = summary["claims"][rec["id"]]
        ledger_parts = rec["value"] if isinstance(rec["value"], list) else [rec["value"]]
        names = ["low", "high"] if isinstance(rec["value"], list) else ["value"]
        for part, value in zip(names, ledger_parts, strict=True):
            s = stats[part]
            if "fixed" in s or s["p5"] <= value <= s["p95"]:
                continue
            edges = []
            for key in rec["inputs"]:
                if key not in quantiles:
                    continue
                q = share_below(quantiles[key], values[key])
                if q <= edge or q >= 1 - edge:
                    edges.append({"key": key, "value": values[key], "quantile": round(q, 3)})
            out.append(
                {
                    "id": rec["id"],
                    "part": part,
                    "ledger": value,
                    "p5": s["p5"],
                    "p95": s["p95"],
                    "edge_inputs": edges,
                }
            )
    return out
