"""The scenario comparison from hand-made ledgers: values, verdicts, conclusions in words."""

import json

import pytest

from inference_scaling.review import compare


def _claim(cid, value, verdict="reproduced", essay=None, unit="x", fmt="g3"):
    return {
        "id": cid,
        "statement": f"statement of {cid}",
        "value": value,
        "verdict": verdict,
        "essay_value": essay,
        "unit": unit,
        "format": fmt,
    }


def _ledger(amplified, range_high, holds_us):
    return {
        "claims": [
            _claim("era.growth", 4.76, essay=5, fmt="f1"),
            _claim("thresholds.amplified", amplified, essay=27, unit="log10 FLOP", fmt="f1"),
            _claim("appendix.range", [1.0e25, range_high], verdict="new", fmt="sci"),
        ],
        "conclusions": [
            {"id": "eu", "statement": "It passes the EU threshold", "holds": True},
            {"id": "us", "statement": "It passes the US threshold", "holds": holds_us},
        ],
    }


@pytest.fixture
def builds(tmp_path):
    specs = {
        "default": (_ledger(26.8, 3.0e26, True), {"eu": 0.99, "us": 0.85}),
        "pessimistic": (_ledger(24.9, 3.0e26, False), {"eu": 0.99, "us": 0.41}),
        "kaplan": (_ledger(26.8, 4.5e26, True), {"eu": 0.99, "us": 0.85}),
    }
    names, ledgers, unc = [], [], []
    for name, (ledger, probs) in specs.items():
        # The pessimistic build moves thresholds.amplified outside the essay's tolerance.
        if name == "pessimistic":
            ledger["claims"][1]["verdict"] = "differs"
        (tmp_path / f"{name}.json").write_text(json.dumps(ledger))
        (tmp_path / f"{name}.unc.json").write_text(json.dumps({"conclusions": probs}))
        names.append(name)
        ledgers.append(tmp_path / f"{name}.json")
        unc.append(tmp_path / f"{name}.unc.json")
    return compare.read_builds(names, ledgers, unc)


def test_claims_that_differ_are_listed_the_rest_counted_and_every_conclusion_shown(builds):
    names, rows, unchanged = compare.comparison_rows(builds)
    assert names == ["default", "pessimistic", "kaplan"]
    assert [r.id for r in rows] == ["thresholds.amplified", "appendix.range", "eu", "us"]
    assert unchanged == 1  # era.growth


def test_a_conclusion_the_same_everywhere_still_shows_its_probability(builds):
    _, rows, _ = compare.comparison_rows(builds)
    eu = next(r for r in rows if r.id == "eu")
    assert [c.render("text") for c in eu.cells] == ["holds (P = 99%)"] * 3


def test_a_conclusion_that_flips_in_one_scenario_is_never_folded_into_the_count(builds):
    # Only the last scenario flips "eu"; its probability is unchanged, so nothing but the
    # verdict tells it apart.
    builds["kaplan"]["ledger"]["conclusions"][0]["holds"] = False
    names, rows, unchanged = compare.comparison_rows(builds)
    eu = next(r for r in rows if r.id == "eu")
    assert [c.render("text") for c in eu.cells] == ["holds (P = 99%)"] * 2 + ["FAILS (P = 99%)"]
    md = compare.comparison_page(names, rows, unchanged).markdown()
    assert "| It passes the EU threshold (`eu`) |  | holds (P = 99%) |" in md
    assert "1 further claim is the same in every build" in md


def _text(cells):
    return [c.render("text") for c in cells]


def test_claim_cells_carry_values_as_the_ledger_prints_them_and_marked_verdicts(builds):
    _, rows, _ = compare.comparison_rows(builds)
    amplified, span = rows[:2]
    assert _text(amplified.cells) == ["26.8", "24.9 (differs)", "26.8"]
    assert amplified.essay.render("text") == "27"  # the essay's precision, not the claim's
    assert _text(span.cells) == [
        "10²⁵–3×10²⁶ (new)",
        "10²⁵–3×10²⁶ (new)",
        "10²⁵–4.5×10²⁶ (new)",
    ]
    # the paper's table marks no "new": its Essay column has a dash
    assert span.cells[2].render("tex") == r"$10^{25}\mbox{--}4.5\times 10^{26}$"


def test_conclusions_in_words_with_their_probability(builds):
    _, rows, _ = compare.comparison_rows(builds)
    us = rows[-1]
    assert us.label == "It passes the US threshold"
    assert _text(us.cells) == ["holds (P = 85%)", "FAILS (P = 41%)", "holds (P = 85%)"]


def test_markdown_html_and_latex_share_the_rows(builds, tmp_path):
    compare.write_comparison(builds, tmp_path / "c.md", tmp_path / "c.tex", tmp_path / "c.html")
    md = (tmp_path / "c.md").read_text()
    assert "|  | Essay | default | pessimistic | kaplan |" in md
    row = "| statement of thresholds.amplified [log₁₀ FLOP] (`thresholds.amplified`) | 27 |"
    assert row + " 26.8 | 24.9 (differs) | 26.8 |" in md
    assert "| It passes the US threshold (`us`) |  | holds (P = 85%) | FAILS (P = 41%) |" in md
    assert "1 further claim is the same in every build" in md
    assert "era.growth" not in md
    tex = (tmp_path / "c.tex").read_text()
    assert "\\begin{longtable}" in tex and "\\caption{" in tex and "\\toprule" in tex
    assert "\\label{tab:compare}" in tex and "\\bottomrule" in tex
    assert "$24.9$ (differs)" in tex and "\\textbf{fails}\\newline\\mbox{$P = 41\\%$}" in tex
    assert "1 further claim is the same in every build" in tex
    html = (tmp_path / "c.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html
    assert '<td style="text-align:right"><b>fails</b> (P = 41%)</td>' in html


def test_values_within_rounding_noise_are_the_same():
    assert compare._same([26.8, 26.8 * (1 + 1e-12)])
    assert not compare._same([26.8, 26.81])
    assert not compare._same([[1.0, 2.0], [1.0, 2.5]])


def test_mismatched_inputs_are_refused(tmp_path):
    with pytest.raises(ValueError, match="2 builds but 1 ledgers"):
        compare.read_builds(["a", "b"], [tmp_path / "a.json"])


def test_essay_values_keep_only_the_precision_written():
    def essay(value, fmt):
        return compare.essay_cell({"essay_value": value, "format": fmt}).render("text")

    assert essay(5, "f1") == "5"
    assert essay(27.0, "f1") == "27"
    assert essay(0.25, "f2") == "0.25"
    assert compare.value_cell({"value": 5.0, "format": "f2"}).render("text") == "5.00"


def test_scenario_overrides_typeset_names_powers_and_values():
    tex = compare.overrides_latex(
        {"kaplan_allocation": {"appendix.param_exponent": [0.5, 0.73]}},
        {"appendix.param_exponent": "a in N proportional to C^a"},
    )
    assert "\\begin{table}[htbp]" in tex and "\\label{tab:scenarios}" in tex
    assert "kaplan allocation & a in N proportional to $C^{a}$ & $0.5$ & $0.73$ \\\\" in tex
    # A year is not grouped in thousands: the key says it is a year.
    years = compare.overrides_latex(
        {"late_window": {"era.fit_start_year": [2018, 2020]}},
        {"era.fit_start_year": "first year of the fit"},
    )
    assert "& $2018$ & $2020$ \\\\" in years


def test_a_build_without_monte_carlo_does_not_make_a_conclusion_differ(builds):
    builds["kaplan"]["uncertainty"] = None
    _, rows, unchanged = compare.comparison_rows(builds)
    assert [r.id for r in rows if r.kind == "conclusion"] == ["eu", "us"]
    assert rows[-1].cells[2].render("text") == "holds"


def test_sameness_of_strings_missing_values_zeros_and_pairs():
    assert compare._same(["a", "a", "a"])
    assert not compare._same(["a", "a", "b"])  # every value is checked, not only the second
    assert compare._same([None, None]) and not compare._same([None, 1.0])
    assert not compare._same([True, False])
    assert compare._same([0.0, 0.0])  # no relative difference at all, even at zero
    assert not compare._same([[1.0, 2.0], [1.0, 2.0, 3.0]])


def test_a_claim_or_conclusion_a_build_lacks_shows_a_dash(tmp_path):
    full = {
        "claims": [_claim("a", 1.0), {**_claim("b", 2.0, essay=2), "unit": None}],
        "conclusions": [{"id": "c", "statement": "It holds", "holds": True}],
    }
    del full["claims"][1]["unit"]  # a claim without a unit
    lacking = {"claims": [_claim("a", 1.0)], "conclusions": []}
    for name, ledger in (("default", full), ("fork", lacking)):
        (tmp_path / f"{name}.json").write_text(json.dumps(ledger))
    builds = compare.read_builds(
        ["default", "fork"], [tmp_path / "default.json", tmp_path / "fork.json"]
    )
    names, rows, unchanged = compare.comparison_rows(builds)
    assert (names, unchanged) == (["default", "fork"], 1)
    b, c = rows
    assert (b.kind, b.id, b.unit) == ("claim", "b", "")
    assert [cell.render("text") for cell in b.cells] == ["2", "—"]
    assert [cell.render("tex") for cell in b.cells] == ["$2$", r"\textemdash{}"]
    assert (c.kind, c.id) == ("conclusion", "c")
    assert [cell.render("text") for cell in c.cells] == ["holds", "—"]
    assert [cell.render("html") for cell in c.cells] == ["holds", "—"]


def test_a_claim_without_a_verdict_reads_as_reproduced():
    rec = {"id": "a", "statement": "s", "value": 4.7612345, "format": "f1", "unit": "x"}
    assert compare.value_cell(rec).render("text") == "4.8"
    assert compare.value_cell({**rec, "verdict": "new"}).render("text") == "4.8 (new)"
    assert compare.value_cell({**rec, "verdict": "new"}).render("tex") == "$4.8$"


def test_a_claim_whose_verdict_alone_moves_is_shown(tmp_path):
    same_value = [
        {"claims": [_claim("a", 2.0, verdict=v, essay=2)], "conclusions": []}
        for v in ("reproduced", "differs")
    ]
    for name, ledger in zip(("default", "fork"), same_value, strict=True):
        (tmp_path / f"{name}.json").write_text(json.dumps(ledger))
    builds = compare.read_builds(
        ["default", "fork"], [tmp_path / "default.json", tmp_path / "fork.json"]
    )
    _, rows, unchanged = compare.comparison_rows(builds)
    assert (unchanged, [r.id for r in rows]) == (0, ["a"])


def test_a_table_with_nothing_to_show_says_so():
    table = compare.comparison_table(["default", "fork"], [], 3)
    empty_row = r"\multicolumn{4}{@{}l}{No claim or conclusion differs between the builds.} \\"
    assert empty_row in table.latex().splitlines()
    assert compare.conclusion_cell(None, None).render("tex") == r"\textemdash{}"
