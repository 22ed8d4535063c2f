"""The conclusions at their edges: one meaning of "above a threshold" (strictly greater,
as the US order's "greater than"), so two conclusions never disagree about a value that sits
exactly on a threshold. Expected truth values are read off the conclusions' wording."""

import math

import pytest

from inference_scaling.ledger import conclusions
from inference_scaling.ledger.conclusions import CONCLUSIONS, above, evaluate_conclusions

EU, US = 1e25, 1e26
ASSUMED = {"thresholds.eu_flop": EU, "thresholds.us_flop": US, "thresholds.lab_headroom": 100.0}


def holds(cid, claim_values, assumed=ASSUMED):
    (con,) = [c for c in CONCLUSIONS if c.id == cid]
    return bool(con.holds(claim_values, assumed))


def test_above_is_strictly_greater():
    assert not above(26.0, 26.0)
    assert above(26.0 + 1e-9, 26.0)
    assert not above(25.9, 26.0)


@pytest.mark.parametrize(
    ("cid", "claim", "threshold"),
    [
        ("sub_threshold_passes_eu", "thresholds.amplified", math.log10(EU)),
        ("sub_threshold_passes_us", "thresholds.amplified", math.log10(US)),
        ("ida_many_iterations", "ida.iterations", 1000.0),
    ],
)
def test_a_value_exactly_at_a_threshold_is_not_above_it(cid, claim, threshold):
    assert not holds(cid, {claim: threshold})
    assert holds(cid, {claim: threshold + 0.01})


def test_the_band_conclusion_at_its_threshold():
    assert not holds("amplified_band_clears_us", {"thresholds.amplified_band": (26.0, 28.0)})
    assert holds("amplified_band_clears_us", {"thresholds.amplified_band": (26.01, 28.0)})


def test_headroom_at_its_edge():
    # needing exactly the headroom lands exactly on the US threshold: not above it
    assert not holds("gpt4_reaches_us_within_headroom", {"thresholds.deep_research": 100.0})
    assert holds("gpt4_reaches_us_within_headroom", {"thresholds.deep_research": 99.0})


def test_pessimistic_exchange_edge_agrees():
    # pessimistic_exchange: 10^24 FLOP + 4 OOMs at 0.5 is exactly 10^26.0, which is the
    # band's low end too; "performs like one above the US threshold" and "at every rate of
    # the band ... above the US threshold" must say the same (both no).
    values = {"thresholds.amplified": 24.0 + 4 * 0.5, "thresholds.amplified_band": (26.0, 28.0)}
    assert not holds("sub_threshold_passes_us", values)
    assert not holds("amplified_band_clears_us", values)


def test_the_pessimistic_exchange_scenario_ledger(root):
    from inference_scaling.ledger import claims
    from inference_scaling.pipeline.config import load_scenarios

    scenario = load_scenarios(
        root / "config" / "assumptions.yaml",
        {"pessimistic_exchange": str(root / "config" / "scenarios" / "pessimistic_exchange.yaml")},
    )["pessimistic_exchange"].values
    facts = {}
    values = {}
    for cid in ("thresholds.amplified", "thresholds.amplified_band"):
        values[cid] = claims.CLAIMS[cid](claims.Inputs(scenario, facts))
    assert values["thresholds.amplified"] == pytest.approx(26.0)
    result = evaluate_conclusions(values | _other_claims(), scenario)
    assert bool(result["sub_threshold_passes_us"]) == bool(result["amplified_band_clears_us"])


def _other_claims():
    # values far from every edge for the conclusions this test does not look at
    return {
        "era.exchange_rule": 0.7,
        "era.exchange_range": (0.5, 1.0),
        "appendix.deploy_dominated_pretrain": 3.0,
        "appendix.deploy_dominated_inference": 9.9,
        "appendix.deploy_dominated_inference_equal": 26.0,
        "appendix.pre_dominated_inference": 1.0,
        "appendix.pre_dominated_pretrain": 9.9,
        "thresholds.deep_research": 9.0,
        "thresholds.extreme": 3.5,
        "ida.iterations": 1160.0,
    }


def test_every_conclusion_is_evaluated():
    assert set(
        evaluate_conclusions(
            _other_claims()
            | {"thresholds.amplified": 26.8, "thresholds.amplified_band": (26.0, 28.0)},
            ASSUMED,
        )
    ) == {c.id for c in conclusions.CONCLUSIONS}


@pytest.mark.parametrize(
    ("cid", "at_edge", "expected"),
    [
        # "lies inside the band": a rate exactly at the band's end is inside it
        ("rule_inside_evidence_band", {"era.exchange_rule": 1.0}, True),
        # "costs less than": equal costs are not less
        (
            "deploy_dominated_favours_pretraining",
            {"appendix.deploy_dominated_pretrain": 9.9},
            False,
        ),
        (
            "deploy_dominated_favours_pretraining_at_equal_capability",
            {"appendix.deploy_dominated_pretrain": 26.0},
            False,
        ),
        ("pre_dominated_favours_inference", {"appendix.pre_dominated_inference": 9.9}, False),
        # "adds at least the gap": exactly the gap (one OOM here) is enough
        ("extreme_inference_adds_a_tier", {"thresholds.extreme": 1.0}, True),
    ],
)
def test_every_other_conclusion_at_its_edge(cid, at_edge, expected):
    values = _other_claims() | {
        "thresholds.amplified": 26.8,
        "thresholds.amplified_band": (26.0, 28.0),
    }
    assert holds(cid, values | at_edge) is expected
