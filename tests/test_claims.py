"""The claims ledger: complete, honest and consistent with its own tolerances."""

import numpy as np
import pytest

from inference_scaling.ledger import claims
from inference_scaling.publish import records

FIELDS = {
    "id",
    "section",
    "label",
    "basis",
    "statement",
    "value",
    "unit",
    "essay",
    "essay_value",
    "essay_interval",
    "verdict",
    "inputs",
    "note",
    "extra",
    "format",
    "form",
    "reading",
    "figure_text",
    "evidence",
    "evidence_reason",
    "cause",
    "unchecked",
    "ratio_to_essay",
    "changed_inputs",
}


def test_catalogue_and_functions_agree():
    assert {c["id"] for c in claims.load_catalogue()} == set(claims.CLAIMS)


def test_records_have_all_fields_a_basis_and_a_verdict(ledger):
    ids = [r["id"] for r in ledger]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    for rec in ledger:
        assert FIELDS <= set(rec), rec["id"]
        assert rec["verdict"] in claims.VERDICTS
        assert rec["basis"] in claims.BASES, rec["id"]
        assert rec["statement"] and rec["unit"] and rec["label"]
        assert (rec["essay"] is None) == (rec["verdict"] == "new"), rec["id"]
        # every template field has a value (publishing fills them; the ledger keeps templates)
        filled = [records.fill_record(rec, key, "text") for key in ("statement", "note")]
        assert "{" not in "".join(filled), f"unfilled template in {rec['id']}"


def test_every_claim_reads_an_input(ledger):
    # No claim may return a typed constant.
    for rec in ledger:
        assert rec["inputs"], f"{rec['id']} reads no assumption or data fact"


def test_premises_echo_assumptions_and_sourced_claims_read_sources(ledger, assumptions):
    for rec in ledger:
        if rec["basis"] == "premise":
            assert all(not k.startswith("data:") for k in rec["inputs"]), rec["id"]
        if rec["basis"] == "sourced":
            sources = {
                assumptions.tree[k.split(".")[0]][k.split(".")[1]]["source"]
                for k in rec["inputs"]
                if not k.startswith("data:")
            }
            from_data = any(k.startswith("data:") for k in rec["inputs"])
            assert from_data or sources - {"ord2025inference"}, (
                f"{rec['id']} is 'sourced' but reads only the essay's own assumptions"
            )


# The essay's statement, the interval the rule gives it (worked out by hand from the rule's
# text in verdict_rule's docstring), the value recomputed by hand, and the verdict.
HAND_VERDICTS = [
    # "0.5 to 1": a range at the finer end's precision (0.1), half a unit either side
    ("era.exchange_jones", (0.45, 1.05), "reproduced"),  # log10(10) / log10(15) = 0.850
    # "$1": half a dollar either side; $20 a month over 365.25 / 12 days = $0.657 a day
    ("deploy.dollar_a_day", (0.5, 1.5), "reproduced"),
    # "10,000x": a round power of ten covers half an order: 10^3.5 .. 10^4.5
    ("thresholds.o3_multiplier", (10**3.5, 10**4.5), "reproduced"),  # 172 * 20.12 / 0.135
    # "10^27" against a log10 claim: 26.5 .. 27.5; 24 + 0.7 * 4 = 26.8
    ("thresholds.amplified", (26.5, 27.5), "reproduced"),
    # "25–32%": each end covers half a unit; read off a figure, so not checked
    ("thresholds.arc_o1", (24.5, 32.5), "unchecked"),
    # "7.8%–13.33%": at the finer end's precision, 0.005; figure text too
    ("thresholds.arc_o1_mini_preview", (7.795, 13.335), "unchecked"),
    # "1,160": 1,155 .. 1,165; 29 million games / 25,000 per iteration = 1,160
    ("ida.iterations", (1155.0, 1165.0), "reproduced"),
    # "40": the trailing zero is not significant, so 35 .. 45
    ("ida.plateau_days", (35.0, 45.0), "reproduced"),
    # "nearly 10x": from 10 less half a unit in its second digit (9.5) up to 10; the
    # pre-training-dominated 0.99 * 10 + 0.01 * 10^0.5 = 9.93 is inside
    ("appendix.pre_dominated_pretrain", (9.5, 10.0), "reproduced"),
    # "~3x": 2.5 .. 3.5; 0.01 * 10 + 0.99 * 10^0.5 = 3.23
    ("appendix.deploy_dominated_pretrain", (2.5, 3.5), "reproduced"),
    # "0.5": 0.45 .. 0.55; Hoffmann's beta / (alpha + beta) = 0.28 / 0.62 = 0.4516
    ("appendix.param_exponent_fit", (0.45, 0.55), "reproduced"),
    # "about 5x": 4.5 .. 5.5; the language-model frontier's fit gives 5.3
    ("era.pretrain_growth", (4.5, 5.5), "reproduced"),
    # "1%" against a fraction: 0.005 .. 0.015; 1 / 10^2 = 0.01
    ("deploy.copies_factor", (0.005, 0.015), "reproduced"),
]


@pytest.mark.parametrize("cid, interval, verdict", HAND_VERDICTS)
def test_verdicts_and_intervals_worked_out_by_hand(ledger, cid, interval, verdict):
    rec = next(r for r in ledger if r["id"] == cid)
    assert rec["essay_interval"] == pytest.approx(list(interval), rel=1e-9)
    assert rec["verdict"] == verdict


def test_bounds_have_an_open_end(ledger):
    by_id = {r["id"]: r for r in ledger}
    # "more than 10,000x": (10,000, no upper end); "at most 1": (no lower end, 1]
    assert by_id["thresholds.o3_vs_gpt4o"]["essay_interval"] == [10_000.0, None]
    assert by_id["deploy.speed_range"]["essay_interval"] == [None, 1.0]
    # 172 * 20.12 / 0.17 (o3 high against GPT-4o) is far above 10,000
    assert by_id["thresholds.o3_vs_gpt4o"]["verdict"] == "reproduced"


def test_differing_claims_explain_themselves_and_give_a_cause(ledger):
    for rec in ledger:
        if rec["verdict"] == "differs":
            assert len(rec["note"]) > 40, f"{rec['id']} differs without a note"
            assert rec["cause"] in claims.CAUSES, rec["id"]
        else:
            assert rec["cause"] is None, rec["id"]
        if rec["verdict"] == "unchecked":
            assert len(rec["unchecked"]) > 40, f"{rec['id']} unchecked without a reason"


def test_no_difference_comes_from_one_point_against_a_range(ledger):
    for rec in ledger:
        if rec["verdict"] != "differs" or not isinstance(rec["value"], list):
            continue
        stated = claims.statement_of(rec)
        one_point = rec["value"][0] == rec["value"][1]
        assert not (one_point and stated.ends), f"{rec['id']}: one point against a range"


def test_evidence_grades_every_recomputed_row_and_only_those(ledger):
    for rec in ledger:
        if rec["basis"] == "recomputed":
            assert rec["evidence"] in claims.EVIDENCE, rec["id"]
            reason = rec["evidence_reason"]
            assert reason and "\n" not in reason and len(reason) < 160, rec["id"]
        else:
            assert rec["evidence"] is None and rec["evidence_reason"] is None, rec["id"]


# Independent rows whose outside evidence is a sourced assumption (a published figure typed
# into config/assumptions.yaml with its citation) rather than a shipped data file.
EVIDENCE_IN_ASSUMPTIONS = {"era.exchange_jones", "deploy.weights_decline"}


def test_independent_rows_read_evidence_the_essay_did_not_use(ledger, assumptions):
    for rec in ledger:
        if rec["evidence"] != "independent":
            continue
        if rec["id"] in EVIDENCE_IN_ASSUMPTIONS:
            sources = {
                assumptions.tree[k.split(".")[0]][k.split(".")[1]]["source"]
                for k in rec["inputs"]
                if not k.startswith("data:")
            }
            assert sources - {"ord2025inference"}, rec["id"]
            continue
        assert any(k.startswith("data:") for k in rec["inputs"]), (
            f"{rec['id']} is graded independent but reads no data: fact"
        )


def _corners(rec, assumptions, facts):
    """The row's verdicts over every corner of its inputs' declared ranges (and the
    defaults): each varying assumption at its low end, default and high end."""
    import itertools

    from inference_scaling.ledger import verdict_rule

    spec = next(c for c in claims.load_catalogue() if c["id"] == rec["id"])
    ranges = assumptions.ranges
    keys = [k for k in rec["inputs"] if not k.startswith("data:") and len(set(ranges[k])) > 1]
    levels = [sorted({*ranges[k], assumptions.values[k]}) for k in keys]
    verdicts = set()
    for combo in itertools.product(*levels):
        values = dict(assumptions.values) | dict(zip(keys, combo, strict=True))
        value = claims.CLAIMS[rec["id"]](claims.Inputs(values, facts))
        value = value[0] if isinstance(value, tuple) and isinstance(value[1], dict) else value
        stated = claims.statement_of(spec)
        verdicts.add(verdict_rule.verdict(value, stated, bool(spec.get("unchecked"))))
    return keys, verdicts


def test_a_definitional_row_cannot_change_its_verdict_over_the_declared_ranges(
    ledger, assumptions, facts
):
    for rec in ledger:
        if rec["evidence"] == "definitional":
            _, verdicts = _corners(rec, assumptions, facts)
            assert verdicts == {rec["verdict"]}, (rec["id"], verdicts)


def _is_bound(form):
    from inference_scaling.ledger.verdict_rule import VAGUE

    prefixes = ("at least", "more than", "over ", "up to", "at most", "less than")
    return form.startswith(prefixes) or form in VAGUE


def test_every_bound_can_fail_unless_its_row_is_definitional(ledger, assumptions, facts):
    checked = 0
    for rec in ledger:
        if rec["basis"] != "recomputed" or rec["essay"] is None or not _is_bound(rec["form"]):
            continue
        if rec["evidence"] == "definitional":
            continue
        keys, verdicts = _corners(rec, assumptions, facts)
        if not keys:  # data only: the data could have said otherwise
            assert rec["evidence"] == "independent", rec["id"]
            continue
        checked += 1
        assert "differs" in verdicts, f"{rec['id']}: '{rec['form']}' cannot fail"
    assert checked >= 2


def test_the_essay_words_and_the_form_the_rule_reads(ledger):
    for rec in ledger:
        if rec["essay"] is None:
            assert rec["form"] is None and rec["reading"] is None
            continue
        assert rec["reading"] in ("essay", "project"), rec["id"]
        claims.statement_of(rec)  # the form parses
    by_id = {r["id"]: r for r in ledger}
    assert by_id["appendix.pre_dominated_inference"]["form"] == "not much"
    assert by_id["appendix.pre_dominated_inference"]["reading"] == "project"
    assert by_id["era.pretrain_growth"]["form"] == "about 5x"


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
    assert "{standard}" in rec["note"]  # the ledger keeps its templates; publishing fills them
    assert "3×10¹⁰ deployments" in records.fill_record(rec, "note", "text")
    assert "$3\\times 10^{10}$ deployments" in records.fill_record(rec, "note", "tex")


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


def test_summary_counts_by_basis_evidence_and_cause():
    ledger = [
        {"basis": "recomputed", "verdict": "reproduced", "evidence": "independent"},
        {"basis": "recomputed", "verdict": "reproduced", "evidence": "definitional"},
        {"basis": "recomputed", "verdict": "reproduced", "evidence": "definitional"},
        {
            "basis": "recomputed",
            "verdict": "differs",
            "evidence": "independent",
            "cause": "definition",
        },
        {"basis": "recomputed", "verdict": "new", "evidence": "arithmetic"},
        {"basis": "sourced", "verdict": "reproduced"},
        {"basis": "sourced", "verdict": "unchecked"},
        {"basis": "premise", "verdict": "reproduced"},
        {"basis": "premise", "verdict": "differs", "cause": "premise"},
    ]
    assert claims.summary(ledger) == (
        "9 claims — 5 recomputed: 3 reproduce (1 independent, 2 definitional), "
        "1 differs (1 by definition), 1 not stated in the essay; "
        "2 sourced: 1 matches the source, 1 unchecked; 2 premises: 1 as in the essay, 1 changed"
    )
    assert claims.counts_by_cause(ledger) == {
        "essay": 0,
        "source": 0,
        "definition": 1,
        "premise": 1,
    }
    assert claims.counts_by_evidence(ledger)["definitional"] == {
        "total": 2,
        "reproduced": 2,
        "differs": 0,
        "new": 0,
        "unchecked": 0,
    }


def test_changes_from_the_default_build():
    default = [
        {"id": "p.a", "basis": "premise", "verdict": "reproduced"},
        {"id": "p.b", "basis": "premise", "verdict": "reproduced"},
        {"id": "r.c", "basis": "recomputed", "verdict": "reproduced"},
        {"id": "r.d", "basis": "recomputed", "verdict": "new"},
    ]
    fork = [
        {"id": "p.a", "basis": "premise", "verdict": "differs"},
        {"id": "p.b", "basis": "premise", "verdict": "reproduced"},
        {"id": "r.c", "basis": "recomputed", "verdict": "differs"},
        {"id": "r.d", "basis": "recomputed", "verdict": "new"},
    ]
    held = [{"id": "x", "holds": True}, {"id": "y", "holds": False}]
    was = [{"id": "x", "holds": False}, {"id": "y", "holds": False}]
    assert claims.changes_from_default(fork, held, default, was) == (
        "1 premise changed: p.a; 1 verdict changes: r.c; 1 conclusion flips: x"
    )
    assert claims.changes_from_default(default, was, default, was) == ""
    # Two of each: plurals, and the ids listed with commas.
    everything = [dict(r, verdict="differs" if r["id"] != "r.d" else "reproduced") for r in fork]
    flipped = [{"id": "x", "holds": False}, {"id": "y", "holds": True}]
    assert claims.changes_from_default(everything, flipped, default, held) == (
        "2 premises changed: p.a, p.b; 2 verdicts change: r.c, r.d; 2 conclusions flip: x, y"
    )


# --- The ledger's plumbing, called directly (a session-cached ledger runs build_ledger once
# per session, so mutation testing needs tests that call it themselves).


def test_build_ledger_fills_the_essay_fields_verdict_and_note(assumptions, facts):
    ledger = {r["id"]: r for r in claims.build_ledger(assumptions.values, facts)}
    growth = ledger["era.pretrain_growth"]  # "about 5x": half a unit in the units digit
    assert growth["essay_value"] == 5.0
    assert growth["essay_interval"] == pytest.approx([4.5, 5.5])
    assert 4.5 <= growth["value"] <= 5.5 and growth["verdict"] == "reproduced"
    rule = ledger["era.exchange_rule"]  # a premise, "0.7": matched exactly
    assert rule["essay_value"] == 0.7
    assert rule["essay_interval"] == pytest.approx([0.7, 0.7], abs=1e-8)
    assert rule["verdict"] == "reproduced"
    assert ledger["era.exchange_jones"]["note"] == (
        "Jones measured this on the board game Hex, not on language models."
    )
    assert ledger["era.exchange_range"]["note"] == ""


def test_build_ledger_names_claims_without_a_function(assumptions, facts, monkeypatch):
    monkeypatch.delitem(claims.CLAIMS, "era.exchange_rule")
    with pytest.raises(
        KeyError, match=r"catalogue and claim functions disagree on: \['era.exchange_rule'\]"
    ):
        claims.build_ledger(assumptions.values, facts)


def test_claim_registration():
    with pytest.raises(ValueError, match=r"^claim era.exchange_rule registered twice$"):
        claims.claim("era.exchange_rule")(lambda a: 0.0)

    def fn(a):
        return 1.0

    try:
        assert claims.claim("test.only_here")(fn) is fn
        assert claims.CLAIMS["test.only_here"] is fn
    finally:
        claims.CLAIMS.pop("test.only_here", None)


def test_inputs_name_an_unknown_key():
    view = claims.Inputs({"a.b": 1.0}, {"f": 2.0})
    assert view["a.b"] == 1.0 and view["f"] == 2.0
    assert view.used == {"a.b", "data:f"}
    with pytest.raises(KeyError, match="unknown assumption or fact 'nope'"):
        view["nope"]


def test_load_catalogue_returns_a_copy_the_caller_may_change():
    first = claims.load_catalogue()
    original = first[0]["essay"]
    first[0]["essay"] = "changed"
    assert claims.load_catalogue()[0]["essay"] == original


def test_evidence_band_inverts_the_inference_ooms():
    # 1 OOM of training is worth 1/max to 1/min OOMs of inference: max 2, min 0.5 -> 0.5..2.
    from inference_scaling.model import era

    a = {
        "era.inference_ooms_per_training_oom_max": 2.0,
        "era.inference_ooms_per_training_oom_min": 0.5,
    }
    assert era.evidence_band(a) == pytest.approx((0.5, 2.0))
    view = claims.Inputs(a, {})
    era.evidence_band(view)
    assert view.used == set(a)  # the claims that use the band list its inputs


def test_crossover_uses_both_coefficients():
    # d* = (c_pre / c_inf) D / I = (6 / 2) * 100 / 10 = 30
    a = {"appendix.n_tokens": 100.0, "appendix.tokens_per_deployment": 10.0}
    assert claims._crossover(a, 6.0, 2.0) == pytest.approx(30.0)


def test_statement_of_reads_percent_against_the_claims_unit():
    stated = claims.statement_of({"essay": "20%", "unit": "fraction"})
    assert (stated.interval.low, stated.interval.high) == pytest.approx((0.15, 0.25))
    assert claims.statement_of({"unit": "x"}) is None


def test_templates_stay_unfilled_with_the_assumptions_they_name():
    spec = {"statement": "from  {a.b}\n to {value}", "note": "{c.d}, {n} and {a.b}"}
    assert claims.template(spec["statement"]) == "from {a.b} to {value}"
    assert claims.template_fields(spec, {"a.b": 0.7, "c.d": 1e24, "e.f": 3.0}) == {
        "a.b": 0.7,
        "c.d": 1e24,
    }


def test_summary_phrases_per_basis():
    c = {"total": 3, "reproduced": 1, "differs": 1, "new": 1, "unchecked": 0}
    recs = [{"basis": "sourced", "verdict": "differs", "cause": "source"}]
    assert claims._basis_phrase("sourced", c, recs) == (
        "3 sourced: 1 matches the source, 1 differs (1 by source), 1 not stated in the essay"
    )


def test_post_training_holds_its_share_of_the_total(assumptions, facts):
    # At the crossover deployment compute equals pre-training compute, N D, so the rest is
    # 2 N D; post-training holding q of the total makes the total 2 N D / (1 - q).
    n, d = 1e12, 1e13
    values = {**assumptions.values, "appendix.post_training_share": 0.2}
    values.update({"appendix.n_params": n, "appendix.n_tokens": d})
    values.update({"appendix.c_pre": 1.0, "appendix.c_inf": 1.0})
    out = claims.evaluate(values, facts)
    assert out["appendix.lifetime_at_crossover"]["value"] == pytest.approx(2 * n * d / 0.8)
    # post-training is held fixed when scaling: p = 1 - s - q, M_pre = p k + q + s k^a
    values.update({"appendix.deploy_dominated_share": 0.75, "appendix.param_exponent": 0.5})
    m_pre = claims.evaluate(values, facts)["appendix.deploy_dominated_pretrain"]["value"]
    assert m_pre == pytest.approx(0.05 * 10 + 0.2 + 0.75 * 10**0.5)


def test_a_freshly_built_ledger_matches_the_golden_file(assumptions, facts):
    # test_golden.py compares the session's ledger; this builds its own, so every claim
    # function runs inside the test that checks its printed value.
    import json

    from conftest import ROOT

    from inference_scaling.review import golden

    expected = json.loads((ROOT / "tests" / "golden" / "claims.json").read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(golden.snapshot(claims.build_ledger(assumptions.values, facts))))
    assert actual["claims"] == expected["claims"]


@pytest.mark.parametrize("name", ["heavy_deployment", "kaplan_allocation", "pessimistic_exchange"])
def test_a_fork_that_changes_a_premise_reads_differs_with_cause_premise(name, facts):
    from conftest import ROOT

    from inference_scaling.pipeline.config import load_scenarios

    files = {name: str(ROOT / "config" / "scenarios" / f"{name}.yaml")}
    scenarios = load_scenarios(ROOT / "config" / "assumptions.yaml", files)
    default, fork = scenarios["default"].values, scenarios[name].values
    changed = {k for k in fork if fork[k] != default[k]}
    ledger = claims.build_ledger(fork, facts, changed)
    premises = [r for r in ledger if r["basis"] == "premise" and changed & set(r["inputs"])]
    assert premises, "the scenario changes no premise row"
    for rec in premises:
        assert (rec["verdict"], rec["cause"]) == ("differs", "premise"), rec["id"]
        assert rec["changed_inputs"] and set(rec["changed_inputs"]) <= changed, rec["id"]
    for rec in ledger:
        if rec["verdict"] == "differs" and changed & set(rec["inputs"]):
            assert rec["cause"] == "premise", rec["id"]


def test_the_readme_prints_the_current_summary_line(ledger):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert claims.summary(ledger) in readme, "README's summary line is stale"


def test_counts_in_notes_agree_with_their_noun():
    rec = {
        "value": 1.0,
        "format": "f1",
        "unit": "x",
        "extra": {"n": 1, "m": 3},
        "fields": {},
        "note": "gives {n|figure|figures} and {m|figure|figures}",
    }
    assert records.fill_record(rec, "note", "text") == "gives one figure and three figures"


@pytest.mark.parametrize(
    "spec, inputs, changed, cause",
    [
        # A premise, or a row reading an assumption the scenario changed: the premise.
        ({"basis": "premise"}, [], frozenset(), "premise"),
        ({"basis": "recomputed", "cause": "definition"}, ["a.x"], frozenset({"a.x"}), "premise"),
        # Else the catalogue's own cause, when it gives one.
        ({"basis": "recomputed", "cause": "definition"}, ["a.x"], frozenset({"a.y"}), "definition"),
        # Else what the row rests on: a source (sourced, or independent evidence) ...
        ({"basis": "sourced"}, [], frozenset(), "source"),
        ({"basis": "recomputed", "evidence": "independent"}, [], frozenset(), "source"),
        # ... or the essay's own arithmetic.
        ({"basis": "recomputed", "evidence": "arithmetic"}, [], frozenset(), "essay"),
        ({"basis": "recomputed"}, ["a.x"], frozenset(), "essay"),
    ],
)
def test_the_cause_of_a_difference_by_hand(spec, inputs, changed, cause):
    assert claims.cause_of(spec, inputs, changed) == cause
