"""The essay's conclusions as predicates: each one decided by hand on inputs placed just
either side of its boundary, and on arrays of draws. "Above a threshold" is strictly
greater (tests/test_conclusions.py); the band and the tier include their ends."""

import numpy as np
import pytest

from inference_scaling.ledger import conclusions

# Thresholds in FLOP: EU 10^25, US 10^26 (one tier apart).
ASSUMED = {
    "thresholds.eu_flop": 1e25,
    "thresholds.us_flop": 1e26,
    "thresholds.lab_headroom": 10.0,
}
# Claim values at which every conclusion holds.
HOLDING = {
    "era.exchange_rule": 0.7,
    "era.exchange_range": [0.5, 1.0],
    "appendix.deploy_dominated_pretrain": 3.0,
    "appendix.deploy_dominated_inference": 10.0,
    "appendix.deploy_dominated_inference_equal": 20.0,
    "thresholds.amplified_band": [26.1, 28.0],
    "appendix.pre_dominated_pretrain": 10.0,
    "appendix.pre_dominated_inference": 1.5,
    "thresholds.amplified": 26.8,
    "thresholds.deep_research": 9.3,
    "thresholds.extreme": 3.5,
    "ida.iterations": 1160.0,
}


def held(**changes):
    values = {**HOLDING, **{k.replace("__", "."): v for k, v in changes.items()}}
    return {k: bool(v) for k, v in conclusions.evaluate_conclusions(values, ASSUMED).items()}


def test_every_conclusion_holds_at_the_holding_values():
    assert held() == dict.fromkeys((c.id for c in conclusions.CONCLUSIONS), True)


@pytest.mark.parametrize(
    "claim, value, conclusion",
    [
        # the rule must lie inside [0.5, 1.0], both ends included
        ("era.exchange_rule", 0.49, "rule_inside_evidence_band"),
        ("era.exchange_rule", 1.01, "rule_inside_evidence_band"),
        ("appendix.deploy_dominated_pretrain", 10.0, "deploy_dominated_favours_pretraining"),
        (
            "appendix.deploy_dominated_inference_equal",
            3.0,
            "deploy_dominated_favours_pretraining_at_equal_capability",
        ),
        # the band's low end must clear log10(US) = 26 strictly
        ("thresholds.amplified_band", [26.0, 28.0], "amplified_band_clears_us"),
        ("appendix.pre_dominated_inference", 10.0, "pre_dominated_favours_inference"),
        # below the EU threshold is below the US one too
        ("thresholds.amplified", 24.99, "sub_threshold_passes_eu sub_threshold_passes_us"),
        # 25.5 clears the EU threshold (25) but not the US one (26)
        ("thresholds.amplified", 25.5, "sub_threshold_passes_us"),
        # exactly on a threshold is not above it
        ("thresholds.amplified", 25.0, "sub_threshold_passes_eu sub_threshold_passes_us"),
        ("thresholds.amplified", 26.0, "sub_threshold_passes_us"),
        # needing exactly the headroom is not "less inference than" it
        ("thresholds.deep_research", 10.0, "gpt4_reaches_us_within_headroom"),
        ("thresholds.deep_research", 10.01, "gpt4_reaches_us_within_headroom"),
        # one tier is log10(1e26) - log10(1e25) = 1 OOM
        ("thresholds.extreme", 0.99, "extreme_inference_adds_a_tier"),
        ("ida.iterations", 1000.0, "ida_many_iterations"),
        ("ida.iterations", 500.0, "ida_many_iterations"),
    ],
)
def test_a_value_across_the_boundary_fails_exactly_that_conclusion(claim, value, conclusion):
    result = held(**{claim.replace(".", "__"): value})
    assert [k for k, v in result.items() if not v] == conclusion.split()


@pytest.mark.parametrize(
    "claim, value, conclusion",
    [
        ("era.exchange_rule", 0.5, "rule_inside_evidence_band"),
        ("era.exchange_rule", 1.0, "rule_inside_evidence_band"),
        ("thresholds.extreme", 1.0, "extreme_inference_adds_a_tier"),
        ("ida.iterations", 1001.0, "ida_many_iterations"),
    ],
)
def test_a_value_on_the_boundary_still_holds(claim, value, conclusion):
    assert held(**{claim.replace(".", "__"): value})[conclusion]


def test_conclusions_evaluate_on_arrays_of_draws():
    values = {**HOLDING, "thresholds.amplified": np.array([24.0, 25.5, 26.5])}
    out = conclusions.evaluate_conclusions(values, ASSUMED)
    assert out["sub_threshold_passes_eu"].tolist() == [False, True, True]
    assert out["sub_threshold_passes_us"].tolist() == [False, False, True]


def test_records_carry_statement_and_a_plain_bool():
    records = conclusions.conclusion_records({**HOLDING, "ida.iterations": 999.0}, ASSUMED)
    assert [r["id"] for r in records] == [c.id for c in conclusions.CONCLUSIONS]
    by_id = {r["id"]: r for r in records}
    assert by_id["ida_many_iterations"]["holds"] is False
    assert by_id["sub_threshold_passes_us"]["holds"] is True
    assert "amplify-and-distill rounds" in by_id["ida_many_iterations"]["statement"]
