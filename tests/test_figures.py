"""Figures: every plotting function runs on the shipped data, writes a deterministic vector
PDF, and annotates the numbers the ledger reports."""

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from inference_scaling import datasets, lifetime
from inference_scaling.latex import format_number

FIGURE_NAMES = [
    "fig_o1_aime",
    "fig_arc_agi",
    "fig_ida_ladder",
    "fig_lifetime_compute",
    "fig_cost_multipliers",
    "fig_threshold_equivalence",
    "fig_frontier_growth",
    "fig_overtraining",
]


@pytest.fixture(scope="module")
def figs(assumptions, ledger, growth):
    """Every figure, drawn by its package function from the shipped data and the ledger."""
    from inference_scaling.figures import data, essay, model
    from inference_scaling.figures import growth as growth_fig

    a = assumptions.values
    value = {c["id"]: c["value"] for c in ledger}
    fits, chinchilla = data.chinchilla_fits()
    return {
        "fig_o1_aime": essay.o1_aime(datasets.o1_aime()),
        "fig_arc_agi": essay.arc_agi(datasets.arc_results(), value["thresholds.o3_multiplier"]),
        "fig_ida_ladder": essay.ida_ladder(
            datasets.alphago_elo(), datasets.alphago_run(), value["ida.iterations"]
        ),
        "fig_lifetime_compute": model.lifetime_compute(
            a["appendix.n_params"], a["appendix.n_tokens"], a["appendix.tokens_per_deployment"]
        ),
        "fig_cost_multipliers": model.cost_multipliers(
            a["appendix.scale_factor"],
            a["appendix.param_exponent"],
            a["appendix.post_training_share"],
            a["appendix.pre_dominated_share"],
            a["appendix.deploy_dominated_share"],
        ),
        "fig_threshold_equivalence": model.threshold_equivalence(
            [1e23, 1e24, 1e25],
            a["era.exchange_rate"],
            (0.5, 1.0),
            a["thresholds.eu_flop"],
            a["thresholds.us_flop"],
            a["thresholds.base_model_flop"],
            a["thresholds.amplified_inference_ooms"],
        ),
        "fig_frontier_growth": growth_fig.frontier_growth(
            datasets.notable_models(),
            growth,
            int(a["era.frontier_top_n"]),
            a["era.fit_start_year"],
            a["era.fit_end_year"],
        ),
        "fig_overtraining": model.overtraining(fits, chinchilla, *lifetime.STANDARD_COEFFICIENTS),
    }


def _texts(fig):
    out = []
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        for legend in [c for c in ax.get_children() if c.__class__.__name__ == "Legend"]:
            out += [t.get_text() for t in legend.get_texts()]
    return "\n".join(out)


def test_every_figure_has_a_rule_and_a_function(figs):
    rules = (ROOT / "workflow" / "rules" / "figures.smk").read_text()
    # Each figure is listed once in FIGURE_NAMES of the rules and drawn by one rule, whose
    # output goes through figure_output() so it appears in the HTML report.
    assert sorted(set(re.findall(r'"(fig_\w+)"', rules))) == sorted(FIGURE_NAMES)
    assert sorted(re.findall(r'figure_output\(\s*"(fig_\w+)"', rules)) == sorted(FIGURE_NAMES)
    assert sorted(figs) == sorted(FIGURE_NAMES)
    for name in FIGURE_NAMES:
        assert (ROOT / "workflow" / "scripts" / f"plot_{name[4:]}.py").is_file()


def test_save_writes_deterministic_vector_pdf(tmp_path, monkeypatch):
    from inference_scaling.figures import essay, model, style

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    draw = {
        "arc": lambda: essay.arc_agi(datasets.arc_results(), 25634.0),
        "cost": lambda: model.cost_multipliers(10.0, 0.5, 0.0, 0.01, 0.99),
    }
    for name, make in draw.items():
        a, b = tmp_path / f"{name}_a.pdf", tmp_path / f"{name}_b.pdf"
        style.save_pdf(make(), a)
        style.save_pdf(make(), b)
        blob = a.read_bytes()
        assert blob.startswith(b"%PDF") and len(blob) > 5000
        assert blob == b.read_bytes()
        assert b"CreationDate" not in blob
        assert b"/FontFile2" in blob  # TrueType fonts embedded (pdf.fonttype 42)
    assert not list(tmp_path.glob(".*")), "temporary files left behind"


def test_source_date_epoch_sets_the_creation_date(monkeypatch):
    from inference_scaling.figures import style

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert style.pdf_metadata()["CreationDate"].year == 2023


def test_arc_annotation_equals_the_ledger_multiplier(figs, ledger):
    value = next(c["value"] for c in ledger if c["id"] == "thresholds.o3_multiplier")
    printed = format_number(value, "int").replace("{,}", ",")  # as \claim... prints it
    assert f"×{printed}" in _texts(figs["fig_arc_agi"])


def test_ida_annotation_uses_the_ledger_iterations(figs, ledger):
    value = next(c["value"] for c in ledger if c["id"] == "ida.iterations")
    text = _texts(figs["fig_ida_ladder"])
    assert f"{format_number(value, 'int').replace('{,}', ',')} iterations" in text
    assert "SCHEMATIC" in text and "low 3,000s" in text


def test_growth_legend_quotes_the_fitted_rates(figs, growth):
    text = _texts(figs["fig_frontier_growth"])
    for key in ("all", "language"):
        fit = growth["fits"][key]
        assert f"{fit['growth']:.1f}×/yr" in text
        assert f"{fit['growth_low']:.1f}–{fit['growth_high']:.1f}" in text


def test_crossover_and_breakeven_are_marked(figs):
    text = _texts(figs["fig_lifetime_compute"])
    assert "$d^* =$ $10^{10}$" in text and "3\\times10^{10}" in text
    s_star = float(lifetime.breakeven_deployment_share(10.0, 0.5))
    assert f"{s_star:.3f}" in _texts(figs["fig_cost_multipliers"])
    assert "10^{26.8}" in _texts(figs["fig_threshold_equivalence"])


def test_o1_axis_says_compute_is_unlabelled(figs):
    assert "unlabelled in source" in _texts(figs["fig_o1_aime"])


def _built():
    missing = [
        n
        for n in FIGURE_NAMES
        if not (ROOT / "results" / "default" / "figures" / f"{n}.pdf").is_file()
    ]
    if missing:
        pytest.skip(f"figures not built yet (run `make`): {missing}")


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_built_figure_is_a_nonempty_vector_pdf(name):
    _built()
    path = Path(ROOT / "results" / "default" / "figures" / f"{name}.pdf")
    blob = path.read_bytes()
    assert blob.startswith(b"%PDF") and len(blob) > 5000
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Type 3" not in fonts, fonts
