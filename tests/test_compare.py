"""The scenario comparison from hand-made ledgers: values, verdicts, conclusions in words."""

import json

import pytest

from inference_scaling.review import compare


def _claim(cid, value, verdict="reproduced", essay=None, unit="x"):
    return {
        "id": cid,
        "statement": f"statement of {cid}",
        "value": value,
        "verdict": verdict,
        "essay_value": essay,
        "unit": unit,
    }


def _ledger(amplified, range_high, holds_us):
    return {
        "claims": [
            _claim("era.growth", 4.76, essay=5),
            _claim("thresholds.amplified", amplified, essay=26.8, unit="log10 FLOP"),
            _claim("appendix.range", [1.0e25, range_high], verdict="new"),
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
    assert [c.text for c in eu.cells] == ["holds (P = 0.99)"] * 3


def test_a_conclusion_that_flips_in_one_scenario_is_never_folded_into_the_count(builds):
    # Only the last scenario flips "eu"; its probability is unchanged, so nothing but the
    # verdict tells it apart.
    builds["kaplan"]["ledger"]["conclusions"][0]["holds"] = False
    names, rows, unchanged = compare.comparison_rows(builds)
    eu = next(r for r in rows if r.id == "eu")
    assert [c.text for c in eu.cells] == ["holds (P = 0.99)"] * 2 + ["FAILS (P = 0.99)"]
    md = compare.to_markdown(names, rows, unchanged)
    assert "| It passes the EU threshold (`eu`) | holds (P = 0.99) |" in md
    assert "1 further claim is the same in every build" in md


def test_claim_cells_carry_values_and_marked_verdicts(builds):
    _, rows, _ = compare.comparison_rows(builds)
    amplified, span = rows[:2]
    assert [c.text for c in amplified.cells] == ["26.8", "24.9 (differs)", "26.8"]
    assert amplified.essay.text == "26.8"
    assert [c.text for c in span.cells] == [
        "10²⁵–3×10²⁶ (new)",
        "10²⁵–3×10²⁶ (new)",
        "10²⁵–4.5×10²⁶ (new)",
    ]
    assert span.cells[2].tex == r"$10^{25}$--$4.5\times10^{26}$ (new)"


def test_conclusions_in_words_with_their_probability(builds):
    _, rows, _ = compare.comparison_rows(builds)
    us = rows[-1]
    assert us.label == "It passes the US threshold"
    assert [c.text for c in us.cells] == [
        "holds (P = 0.85)",
        "FAILS (P = 0.41)",
        "holds (P = 0.85)",
    ]


def test_markdown_html_and_latex_share_the_rows(builds, tmp_path):
    compare.write_comparison(builds, tmp_path / "c.md", tmp_path / "c.tex")
    md = (tmp_path / "c.md").read_text()
    assert "| claim | unit | essay | default | pessimistic | kaplan |" in md
    row = "| statement of thresholds.amplified (`thresholds.amplified`) | log10 FLOP | 26.8 |"
    assert row + " 26.8 | 24.9 (differs) | 26.8 |" in md
    assert "| It passes the US threshold (`us`) | holds (P = 0.85) | FAILS (P = 0.41) |" in md
    assert "1 further claim is the same in every build" in md
    assert "era.growth" not in md
    tex = (tmp_path / "c.tex").read_text()
    assert "\\begin{longtable}" in tex and "\\caption{" in tex and "\\toprule" in tex
    assert "\\label{tab:compare}" in tex and "\\bottomrule" in tex
    assert "$24.9$ (differs)" in tex and "\\textbf{fails}\\newline\\mbox{$P = 0.41$}" in tex


def test_values_within_rounding_noise_are_the_same():
    assert compare._same([26.8, 26.8 * (1 + 1e-12)])
    assert not compare._same([26.8, 26.81])
    assert not compare._same([[1.0, 2.0], [1.0, 2.5]])


def test_number_formatting_by_hand():
    assert compare._number(0.7).text == "0.700"
    assert compare._number(1160.0).text == "1,160"
    assert compare._number(1160.0).tex == "$1{,}160$"
    assert compare._number(2.5e13).text == "2.5×10¹³"
    assert compare._number(9.996e13).text == "10¹⁴"
    assert compare._number(3.0e-5).tex == r"$3\times10^{-5}$"


def test_mismatched_inputs_are_refused(tmp_path):
    with pytest.raises(ValueError, match="2 builds but 1 ledgers"):
        compare.read_builds(["a", "b"], [tmp_path / "a.json"])


def test_essay_values_keep_only_the_precision_written():
    assert compare.value_cell(5, trim=True).text == "5"
    assert compare.value_cell(27.0, trim=True).text == "27"
    assert compare.value_cell(0.25, trim=True).text == "0.25"
    assert compare.value_cell(5).text == "5.00"


def test_statements_lose_their_latex_in_plain_text_and_keep_it_in_latex():
    statement = "A 10^24 FLOP model, 2020--2024, at 10^{-3}"
    assert compare.plain_label(statement) == "A 10²⁴ FLOP model, 2020–2024, at 10⁻³"
    assert compare.tex_label(statement) == "A $10^{24}$ FLOP model, 2020--2024, at $10^{-3}$"
    assert compare.tex_label("50% of x_1") == r"50\% of x\_1"


def test_a_build_without_monte_carlo_does_not_make_a_conclusion_differ(builds):
    builds["kaplan"]["uncertainty"] = None
    _, rows, unchanged = compare.comparison_rows(builds)
    assert [r.id for r in rows if r.kind == "conclusion"] == ["eu", "us"]
    assert rows[-1].cells[2].text == "holds"
