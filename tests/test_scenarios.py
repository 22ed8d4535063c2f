"""Scenarios, qualitative conclusions and the cross-scenario comparison."""

import json

import numpy as np
import pytest
from conftest import ROOT

from inference_scaling.ledger import claims, conclusions
from inference_scaling.pipeline import config
from inference_scaling.review import compare

SCENARIOS = sorted(p.stem for p in (ROOT / "config" / "scenarios").glob("*.yaml"))


def test_at_least_the_three_required_scenarios_ship():
    assert {"kaplan_allocation", "pessimistic_exchange", "heavy_deployment"} <= set(SCENARIOS)


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_is_valid_and_explained(name):
    path = ROOT / "config" / "scenarios" / f"{name}.yaml"
    a = config.load_assumptions(scenario=path)
    spec = config.read_yaml(path)
    assert len(spec["description"].split()) >= 30, "one paragraph of rationale"
    assert a.values != config.load_assumptions().values, "a scenario must change something"


def _ledger_for(name, facts):
    a = config.load_assumptions(scenario=ROOT / "config" / "scenarios" / f"{name}.yaml")
    ledger = claims.build_ledger(a.values, facts)
    values = {r["id"]: r["value"] for r in ledger}
    return {"claims": ledger, "conclusions": conclusions.conclusion_records(values, a.values)}


def test_scenarios_move_the_claims_they_target(facts):
    by_id = {n: {r["id"]: r for r in _ledger_for(n, facts)["claims"]} for n in SCENARIOS}
    assert by_id["kaplan_allocation"]["appendix.deploy_dominated_pretrain"]["verdict"] == "differs"
    assert by_id["pessimistic_exchange"]["thresholds.amplified"]["value"] == pytest.approx(26.0)
    assert by_id["heavy_deployment"]["appendix.crossover_d"]["value"] == pytest.approx(1e9)
    assert by_id["standard_coefficients"]["appendix.crossover_d"]["value"] == pytest.approx(3e10)


def test_conclusions_hold_by_default_except_at_the_band_edge(ledger, assumptions):
    values = {r["id"]: r["value"] for r in ledger}
    held = {c["id"]: c["holds"] for c in conclusions.conclusion_records(values, assumptions.values)}
    # At the band's low end, 0.5, the example lands exactly on the US threshold:
    # 24 + 0.5 x 4 = 26, which a "greater than" threshold does not cross.
    assert held.pop("amplified_band_clears_us") is False
    assert all(held.values())


def test_conclusions_can_fail(ledger, assumptions):
    values = {r["id"]: r["value"] for r in ledger}
    values["thresholds.amplified"] = 24.5
    held = {c["id"]: c["holds"] for c in conclusions.conclusion_records(values, assumptions.values)}
    assert not held["sub_threshold_passes_eu"] and not held["sub_threshold_passes_us"]


def test_conclusions_vectorise(ledger, assumptions):
    values = {r["id"]: r["value"] for r in ledger}
    values["thresholds.amplified"] = np.array([24.0, 25.5, 26.5])
    out = conclusions.evaluate_conclusions(values, assumptions.values)
    assert out["sub_threshold_passes_eu"].tolist() == [False, True, True]
    assert out["sub_threshold_passes_us"].tolist() == [False, False, True]


def test_comparison_table(tmp_path, facts, ledger, assumptions):
    values = {r["id"]: r["value"] for r in ledger}
    base = {
        "summary": "",
        "claims": ledger,
        "conclusions": conclusions.conclusion_records(values, assumptions.values),
    }
    (tmp_path / "claims.json").write_text(json.dumps(base))
    for name in ("kaplan_allocation", "pessimistic_exchange"):
        d = tmp_path / "scenarios" / name
        d.mkdir(parents=True)
        (d / "claims.json").write_text(json.dumps(_ledger_for(name, facts)))
    names = ["default", "kaplan_allocation", "pessimistic_exchange"]
    ledgers = [
        tmp_path / "claims.json",
        *(tmp_path / "scenarios" / n / "claims.json" for n in names[1:]),
    ]
    builds = compare.read_builds(names, ledgers)
    compare.write_comparison(builds, tmp_path / "compare.md", tmp_path / "compare.tex")
    md = (tmp_path / "compare.md").read_text()
    assert "|  | Essay | default | kaplan_allocation | pessimistic_exchange |" in md
    by_id = {r["id"]: r for r in ledger}
    amplified = next(line for line in md.splitlines() if "(`thresholds.amplified`)" in line)
    assert amplified.endswith(" (differs) |"), "the pessimistic exchange rate breaks the claim"
    assert f"| {by_id['thresholds.amplified']['value']:.1f} |" in amplified
    _, rows, unchanged = compare.comparison_rows(builds)
    assert len(rows) + unchanged == len(ledger) + len(conclusions.CONCLUSIONS)
    assert f"{unchanged} further claims are the same" in md
    assert "(`era.pretrain_growth`)" not in md, "unchanged claims are left out"
    tex = (tmp_path / "compare.tex").read_text()
    assert "\\begin{longtable}" in tex and "(differs)" in tex
