"""The claims ledger: complete, honest and consistent with its own tolerances."""

import numpy as np
import pytest

from inference_scaling import claims

# The inventory of issue #2 plus claims added since. Dropping one must fail a test.
REQUIRED = {
    "era.pretrain_growth",
    "era.pretrain_growth_language",
    "era.exchange_range",
    "era.exchange_jones",
    "era.exchange_rule",
    "deploy.copies_factor",
    "deploy.speed_range",
    "deploy.cost_per_oom",
    "deploy.weights_decline",
    "deploy.tailoring_spread",
    "deploy.tailoring_share",
    "deploy.price_tier",
    "deploy.dollar_a_day",
    "thresholds.eu",
    "thresholds.us",
    "thresholds.amplified",
    "thresholds.amplified_band",
    "thresholds.extreme",
    "thresholds.o3_multiplier",
    "thresholds.arc_o3",
    "thresholds.arc_o1_mini",
    "thresholds.lab_headroom",
    "thresholds.deep_research",
    "training.web_tokens_ratio",
    "ida.iterations",
    "ida.search_gain",
    "ida.vs_lee",
    "ida.vs_master",
    "ida.raw_vs_pro",
    "ida.surpass_lee_hours",
    "ida.beat_lee_hours",
    "ida.plateau_days",
    "appendix.pretrain_compute",
    "appendix.crossover_d",
    "appendix.chinchilla_deploy",
    "appendix.pre_dominated_pretrain",
    "appendix.pre_dominated_inference",
    "appendix.deploy_dominated_pretrain",
    "appendix.deploy_dominated_inference",
    "appendix.breakeven_share",
    "appendix.single_question",
    "appendix.every_question",
    "nvidia.test_time",
}
FIELDS = {
    "id",
    "section",
    "statement",
    "value",
    "unit",
    "essay_value",
    "tolerance",
    "verdict",
    "inputs",
    "note",
    "essay_text",
    "extra",
    "format",
}


def test_every_required_claim_is_in_the_ledger(ledger):
    ids = [r["id"] for r in ledger]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    assert REQUIRED <= set(ids), f"missing: {sorted(REQUIRED - set(ids))}"


def test_catalogue_and_functions_agree():
    assert {c["id"] for c in claims.load_catalogue()} == set(claims.CLAIMS)


def test_records_have_all_fields_and_a_verdict(ledger):
    for rec in ledger:
        assert FIELDS <= set(rec), rec["id"]
        assert rec["verdict"] in claims.VERDICTS
        assert rec["statement"] and rec["unit"]
        assert (rec["essay_value"] is None) == (rec["verdict"] == "new"), rec["id"]


def test_reproduced_claims_are_within_tolerance(ledger):
    for rec in ledger:
        if rec["verdict"] == "reproduced":
            value = tuple(rec["value"]) if isinstance(rec["value"], list) else rec["value"]
            assert bool(claims.within_tolerance(value, rec["essay_value"], rec["tolerance"]))


def test_differing_claims_explain_themselves(ledger):
    for rec in ledger:
        if rec["verdict"] == "differs":
            assert len(rec["note"]) > 40, f"{rec['id']} differs without a note"


def test_inputs_name_real_assumptions(ledger, assumptions, facts):
    for rec in ledger:
        for key in rec["inputs"]:
            name = key.removeprefix("data:")
            assert name in assumptions.values or name in facts, (rec["id"], key)


@pytest.mark.parametrize(
    "cid, expected",
    [
        ("appendix.crossover_d", 1e10),
        ("ida.iterations", 1160),
        ("thresholds.amplified", 26.8),
        ("appendix.breakeven_share", 0.568263529748),
        ("deploy.tailoring_share", 9 / 999),
        ("era.exchange_jones", 0.850274),
        ("thresholds.deep_research", 9.295),
    ],
)
def test_key_values(ledger, cid, expected):
    rec = next(r for r in ledger if r["id"] == cid)
    assert rec["value"] == pytest.approx(expected, rel=1e-3)


def test_standard_coefficients_are_reported_beside_the_essay_ones(ledger):
    rec = next(r for r in ledger if r["id"] == "appendix.crossover_d")
    assert rec["extra"]["standard"] == pytest.approx(3e10)
    assert "3e+10" in rec["note"]


def test_verdict_logic():
    assert claims.verdict(4.8, 5, {"abs": 0.5}) == "reproduced"
    assert claims.verdict(5.6, 5, {"abs": 0.5}) == "differs"
    assert claims.verdict(0.85, [0.5, 1.0], {"abs": 0.05}) == "reproduced"
    assert claims.verdict(1.2, [0.5, 1.0], {"abs": 0.05}) == "differs"
    assert claims.verdict((0.5, 1.0), [0.5, 1.0], {"abs": 0.05}) == "reproduced"
    assert claims.verdict((0.3, 1.0), [0.5, 1.0], {"abs": 0.05}) == "differs"
    assert claims.verdict(2e4, 1e4, {"log10": 0.5}) == "reproduced"
    assert claims.verdict(1, None, {"abs": 0}) == "new"
    with pytest.raises(ValueError):
        claims.verdict(1, 1, {"bogus": 1})


def test_claims_evaluate_on_arrays_of_draws(assumptions, facts):
    values = dict(assumptions.values)
    values["era.exchange_rate"] = np.array([0.5, 0.7, 1.0])
    values["appendix.param_exponent"] = np.array([0.5, 0.6, 0.73])
    out = claims.evaluate(values, facts)
    assert np.allclose(out["thresholds.amplified"]["value"], [26.0, 26.8, 28.0])
    assert np.shape(out["appendix.breakeven_share"]["value"]) == (3,)
    scalar = claims.evaluate({**assumptions.values, "era.exchange_rate": 0.7}, facts)
    assert out["thresholds.amplified"]["value"][1] == pytest.approx(
        scalar["thresholds.amplified"]["value"]
    )


def test_summary_line(ledger):
    line = claims.summary(ledger)
    assert line.startswith(f"{len(ledger)} claims: ")
    assert "reproduced" in line and "differ" in line
