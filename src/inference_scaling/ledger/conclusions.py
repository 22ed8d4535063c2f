"""The essay's qualitative conclusions, as vectorised predicates over claims and assumptions.

Each conclusion maps recomputed claim values (and assumption values) to a boolean, or to a
boolean array when the inputs are Monte Carlo draws, so the same code says whether a
conclusion survives a scenario and how probable it is under the assumption ranges.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Conclusion:
    """A qualitative claim of the essay and the test it must pass."""

    id: str
    statement: str
    holds: Callable[[Mapping, Mapping], object]  # (claim values, assumption values) -> bool


def _v(claims, cid):
    return np.asarray(claims[cid], dtype=float)


def above(value, threshold):
    """The one meaning of "above a threshold" every conclusion uses: strictly greater, as
    the US order's "greater than" (a model at exactly 10^26 FLOP is not above 10^26)."""
    return np.asarray(value, dtype=float) > np.asarray(threshold, dtype=float)


CONCLUSIONS = (
    Conclusion(
        "rule_inside_evidence_band",
        "The rule of thumb's exchange rate lies inside the band the trade-off evidence gives",
        lambda c, a: (
            (_v(c, "era.exchange_rule") >= np.asarray(c["era.exchange_range"][0], dtype=float))
            & (_v(c, "era.exchange_rule") <= np.asarray(c["era.exchange_range"][1], dtype=float))
        ),
    ),
    Conclusion(
        "deploy_dominated_favours_pretraining",
        "When deployment dominates lifetime compute, 10x pre-training costs less than 10x "
        "inference-at-deployment",
        lambda c, a: (
            _v(c, "appendix.deploy_dominated_pretrain")
            < _v(c, "appendix.deploy_dominated_inference")
        ),
    ),
    Conclusion(
        "deploy_dominated_favours_pretraining_at_equal_capability",
        "When deployment dominates, 10x pre-training also costs less than the inference that "
        "buys the same capability at the rule's exchange rate",
        lambda c, a: (
            _v(c, "appendix.deploy_dominated_pretrain")
            < _v(c, "appendix.deploy_dominated_inference_equal")
        ),
    ),
    Conclusion(
        "amplified_band_clears_us",
        "At every exchange rate of the evidence band, the amplified sub-threshold model "
        "performs above the US threshold",
        lambda c, a: above(c["thresholds.amplified_band"][0], np.log10(a["thresholds.us_flop"])),
    ),
    Conclusion(
        "pre_dominated_favours_inference",
        "When pre-training dominates lifetime compute, 10x inference costs less than 10x "
        "pre-training",
        lambda c, a: (
            _v(c, "appendix.pre_dominated_inference") < _v(c, "appendix.pre_dominated_pretrain")
        ),
    ),
    Conclusion(
        "sub_threshold_passes_eu",
        "A model trained below the EU threshold, given the example's extra inference, performs "
        "like one above it",
        lambda c, a: above(c["thresholds.amplified"], np.log10(a["thresholds.eu_flop"])),
    ),
    Conclusion(
        "sub_threshold_passes_us",
        "The same model performs like one above the US threshold",
        lambda c, a: above(c["thresholds.amplified"], np.log10(a["thresholds.us_flop"])),
    ),
    Conclusion(
        "gpt4_reaches_us_within_headroom",
        "A GPT-4-scale model reaches US-threshold performance with less inference than the "
        "labs' compute headroom",
        lambda c, a: _v(c, "thresholds.deep_research") < np.asarray(a["thresholds.lab_headroom"]),
    ),
    Conclusion(
        "extreme_inference_adds_a_tier",
        "A very large inference multiplier on a few tasks adds at least the gap between the "
        "EU and US thresholds (one regulatory tier) of effective compute",
        lambda c, a: (
            _v(c, "thresholds.extreme")
            >= np.log10(a["thresholds.us_flop"]) - np.log10(a["thresholds.eu_flop"])
        ),
    ),
    Conclusion(
        "ida_many_iterations",
        "The essay's notional count of amplify-and-distill rounds for AlphaGo Zero (self-play "
        "games over games per round) exceeds a thousand",
        lambda c, a: above(c["ida.iterations"], 1000),
    ),
)


def evaluate_conclusions(claim_values: Mapping, assumption_values: Mapping) -> dict[str, object]:
    """``{conclusion id: bool or boolean array}`` for every conclusion."""
    return {k.id: k.holds(claim_values, assumption_values) for k in CONCLUSIONS}


def conclusion_records(claim_values: Mapping, assumption_values: Mapping) -> list[dict]:
    """JSON-ready ``[{"id", "statement", "holds"}]`` for one (scalar) set of inputs."""
    results = evaluate_conclusions(claim_values, assumption_values)
    return [
        {"id": k.id, "statement": k.statement, "holds": bool(results[k.id])} for k in CONCLUSIONS
    ]
