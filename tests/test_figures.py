"""Figures: every plotting function runs on the shipped data, writes a deterministic vector
PDF, and annotates the numbers the ledger reports."""

import dis
import inspect
import json
import re
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, tracked_files

from inference_scaling.model import lifetime
from inference_scaling.pipeline import datasets
from inference_scaling.pipeline.job import Job
from inference_scaling.publish import numbers, records
from inference_scaling.publish.figures.registry import FIGURES, RESULTS

#: Every figure of the paper: the registry's entries, each held to the print-size,
#: type-size and collision tests below.
PRINTED = list(FIGURES)


def _sobol_result(key_claims):
    """A hand-made sensitivity.json for the key claims, shaped like the real one, with the
    longest factor names and the most factors per claim that the chart shows."""

    def idx(s1, st):
        return {"S1": s1, "S1_conf": 0.02, "ST": st, "ST_conf": 0.03}

    factors = {
        "era.pretrain_growth": {
            "data:growth.all": idx(0.5, 0.68),
            "era.fit_start_year": idx(-0.01, 0.47),
            "era.frontier_top_n": idx(0.0, 0.44),
            "era.fit_end_year": idx(0.02, 0.35),
            "era.exchange_rate": idx(0.0, 0.001),
        },
        "thresholds.amplified": {
            "era.exchange_rate": idx(0.39, 0.4),
            "thresholds.base_model_flop": idx(0.39, 0.39),
            "thresholds.amplified_inference_ooms": idx(0.22, 0.23),
        },
        "thresholds.o3_multiplier": {"data:arc.o3_high_semi_private_cost": idx(1.0, 1.0)},
    }
    claims = {
        cid: {"mean": 1.0, "indices": factors.get(cid, {"lifetime shares (joint)": idx(0.9, 0.95)})}
        for cid in key_claims
    }
    return {"claims": claims, "conclusions": {}, "factors": [], "settings": {}}


def figure_job(name, results: dict, values, out) -> Job:
    """The job the workflow runs for figure ``name`` (see workflow/rules/common.smk), with the
    shipped data, the result files in ``results`` and the assumption ``values``."""
    entry = FIGURES[name]
    inputs = {k: str(ROOT / path) for k, path in entry.data.items()}
    inputs |= {result: str(results[result]) for result in entry.results}
    spec = {
        "script": entry.script or "workflow/scripts/plot_figure.py",
        "wildcards": {"scenario": "default", "figure": name},
        "params": entry.job_params(values),
        "input": {"items": list(inputs.values()), "names": inputs},
        "output": {"items": [str(out / f"{name}.pdf")], "names": {}},
    }
    return Job(spec, str(out / f"{name}.log"))


def draw(name, job):
    """Figure ``name`` drawn as its job draws it: its registry function, or its own script's
    ``main`` (whose figure is caught before it is written)."""
    entry = FIGURES[name]
    if entry.draw is not None:
        return entry.draw(job)
    from inference_scaling.publish.figures import style

    drawn = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(style, "save_pdf", lambda fig, path, log=None: drawn.append(fig))
        runpy.run_path(str(ROOT / entry.script))["main"](job)
    (fig,) = drawn
    return fig


@pytest.fixture(scope="module")
def results(ledger, growth, uncertainty, tmp_path_factory):
    """The result files figures read, from the computed ledger and growth fits and a
    hand-made Sobol result."""
    out = tmp_path_factory.mktemp("results")
    content = {
        "ledger": {"claims": ledger},
        "growth": growth,
        "sensitivity": _sobol_result(uncertainty["sobol"]["key_claims"]),
    }
    assert set(content) == set(RESULTS)
    paths = {}
    for name, data in content.items():
        paths[name] = out / RESULTS[name]
        paths[name].write_text(json.dumps(data, default=float), encoding="utf-8")
    return paths


class Drawn(dict):
    """Figures by name, each drawn when first asked for (``-k fig_x`` draws one figure)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, name):
        self[name] = self.make(name)
        return self[name]


@pytest.fixture(scope="module")
def figs(assumptions, results, tmp_path_factory):
    """Every figure of the registry, drawn by its job's code from the shipped data."""
    out = tmp_path_factory.mktemp("figures")
    return Drawn(lambda name: draw(name, figure_job(name, results, assumptions.values, out)))


def _texts(fig):
    out = []
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        for legend in [c for c in ax.get_children() if c.__class__.__name__ == "Legend"]:
            out += [t.get_text() for t in legend.get_texts()]
    for legend in fig.legends:
        out += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    return "\n".join(out)


def test_every_figure_is_drawn_by_the_one_figure_rule():
    rules = (ROOT / "workflow" / "rules").glob("*.smk")
    text = "\n".join(path.read_text() for path in rules)
    # One rule draws every figure; no rule or rule file names a figure.
    assert re.findall(r"^rule (plot_\w+):", text, re.M) == ["plot_figure"]
    assert 'out("figures/{figure}.pdf")' in text
    assert not re.search(r"fig_\w+", text)
    for name, entry in FIGURES.items():
        assert name.startswith("fig_") and re.fullmatch(r"\w+", name)
        if entry.script:
            assert (ROOT / entry.script).is_file(), name
        for path in entry.data.values():
            assert (ROOT / path).is_file(), (name, path)


def test_a_figure_name_is_written_in_at_most_three_files():
    """Outside tests/ and paper/, a figure's name appears in the registry and at most two more
    files (a path the README names, for example), never in a rule, script or caption file."""
    files = tracked_files()
    files = [f for f in files if not f.startswith(("tests/", "paper/")) and (ROOT / f).is_file()]
    for name in FIGURES:
        naming = set()
        for f in files:
            text = (ROOT / f).read_bytes().decode("utf-8", errors="replace")
            if name in f or name in text:
                naming.add(f)
        assert "src/inference_scaling/publish/figures/registry.py" in naming
        assert len(naming) <= 3, (name, sorted(naming))


def test_draw_functions_call_no_other_function_of_the_registry():
    """The workflow follows the imports of a figure's own function only: a draw function
    imports what it uses and calls nothing else of the registry module."""
    from inference_scaling.publish.figures import registry

    def globals_read(code) -> set[str]:
        names = {
            i.argval for i in dis.get_instructions(code) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")
        }
        for const in code.co_consts:
            if inspect.iscode(const):
                names |= globals_read(const)
        return names

    def calls_the_registry(job):
        return FIGURES["fig_o1_aime"].draw(job)

    assert "FIGURES" in globals_read(calls_the_registry.__code__)
    for name, entry in FIGURES.items():
        if entry.draw is None:
            continue
        assert entry.draw is getattr(registry, name)
        used = {n for n in globals_read(entry.draw.__code__) if hasattr(registry, n)}
        assert not used, f"{name} uses registry names {sorted(used)}"


def test_code_digest_follows_the_code_not_the_caption_or_comments():
    from inference_scaling.publish.figures import registry

    def draw_a(job):
        return job.input.data  # a comment

    def draw_b(job):
        # another comment
        return job.input.data

    def draw_c(job):
        return job.input.other

    kw = {"title": "t", "data": {"data": "data/o1_aime.csv"}}
    a = registry.Figure(name="a", caption="one", draw=draw_a, **kw)
    b = registry.Figure(name="a", caption="two", draw=draw_b, **kw)
    c = registry.Figure(name="a", caption="one", draw=draw_c, **kw)
    assert a.code_digest() == b.code_digest() != c.code_digest()
    assert a.job_params({})["code"] == a.code_digest()


def test_registry_rejects_a_bad_entry():
    from inference_scaling.publish.figures import registry

    with pytest.raises(ValueError, match="either a draw function or a script"):
        registry.Figure(name="x", title="t", caption="c")
    with pytest.raises(ValueError, match="unknown results"):
        registry.Figure(name="x", title="t", caption="c", script="s.py", results=("claims",))
    with pytest.raises(ValueError, match="registered twice"):
        registry.add(FIGURES["fig_o1_aime"])


def test_every_caption_names_the_inputs_the_figure_reads():
    for name, entry in FIGURES.items():
        files = {k: f"data/{k}.csv" for k in entry.data}
        files |= {k: f"results/default/{RESULTS[k]}" for k in entry.results}
        text = entry.caption_text(SimpleNamespace(**files))
        for path in files.values():
            assert f"``{path}``" in text, (name, path)
        for key in entry.keys:
            assert key in text, (name, key)
        assert "{" not in text and name in text
        assert text.startswith("**"), "a caption opens with its title in bold"


def test_save_writes_deterministic_vector_pdf(tmp_path, monkeypatch):
    from inference_scaling.publish.figures import essay, model, style

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    draw = {
        "arc": lambda: essay.arc_agi(datasets.arc_results(), "26,000"),
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
    from inference_scaling.publish.figures import style

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert style.pdf_metadata()["CreationDate"].year == 2023


def test_arc_annotation_equals_the_ledger_multiplier(figs, ledger):
    rec = next(c for c in ledger if c["id"] == "thresholds.o3_multiplier")
    printed = records.printed(rec, "text")  # as \claim...
    assert f"×{printed}" in _texts(figs["fig_arc_agi"])


def test_ida_annotation_uses_the_ledger_iterations(figs, ledger):
    value = next(c["value"] for c in ledger if c["id"] == "ida.iterations")
    text = _texts(figs["fig_ida_ladder"])
    assert f"{numbers.number(value, 'int', 'text')} iterations" in text
    assert "schematic" in text and "low 3,000s" in text
    assert "no Elo-over-time curve" not in text  # Silver et al. do plot it (Figs. 3a, 6)


def test_ida_milestones_sit_on_a_time_axis_at_the_published_times(figs):
    run = datasets.alphago_run()
    elo = datasets.alphago_elo()
    ax = figs["fig_ida_ladder"].axes[1]
    assert ax.get_xscale() == "log"
    points = {
        (float(x), float(y))
        for line in ax.lines
        for x, y in line.get_xydata()
        if len(line.get_xydata())
    }
    lee, plateau = elo["AlphaGo Lee"], run["training_days"] * 24
    assert (36.0, lee) in points and (72.0, lee) in points  # hours, from the paper's text
    assert (plateau, elo["AlphaGo Zero (40 blocks)"]) in points
    assert (plateau, elo["AlphaGo Zero raw network (no search)"]) in points
    assert not ax.patches, "Elo is not drawn as bars"


def test_arc_figure_shows_the_december_chart_and_says_what_its_axis_is(figs):
    text = _texts(figs["fig_arc_agi"])
    assert "cost per task" in text and "not compute" in text
    for label in (
        "o1, low 25%",
        "o1, high 32%",
        "o1-mini (chart) 7.8%",
        "o1-preview (chart) 13.33%",
    ):
        assert label in text


def test_growth_legend_quotes_the_fitted_rates(figs, growth):
    text = _texts(figs["fig_frontier_growth"])
    for key in ("all", "language"):
        fit = growth["fits"][key]
        assert f"{fit['growth']:.1f}×/yr" in text
        assert f"{fit['growth_low']:.1f}–{fit['growth_high']:.1f}" in text


def test_crossover_and_breakeven_are_marked(figs):
    text = _texts(figs["fig_lifetime_compute"])
    assert "$d^* =$ $10^{10}$" in text and "3\\times 10^{10}" in text
    s_star = float(lifetime.breakeven_deployment_share(10.0, 0.5))
    assert f"{s_star:.3f}" in _texts(figs["fig_cost_multipliers"])
    assert "$T$" in _texts(figs["fig_overtraining"])
    assert "10^{26.8}" in _texts(figs["fig_threshold_equivalence"])


def test_o1_axis_says_compute_is_unlabelled_and_spacing_imposed(figs):
    text = _texts(figs["fig_o1_aime"])
    assert "unlabelled in source" in text and "even spacing" in text


@pytest.mark.integration
@pytest.mark.parametrize("name", PRINTED)
def test_built_figure_is_a_nonempty_vector_pdf(name, default_build):
    path = Path(ROOT / "results" / "default" / "figures" / f"{name}.pdf")
    blob = path.read_bytes()
    assert blob.startswith(b"%PDF") and len(blob) > 5000
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Type 3" not in fonts, fonts


# --- print size, type size and collisions (issue 11 part 1) -------------------------------

PT_PER_INCH = 72.0


def test_style_matches_the_papers_layout():
    """The widths and type size the figures are drawn for are those of paper/main.tex."""
    from inference_scaling.publish.figures import style

    layout = style.paper_layout(ROOT / "paper" / "main.tex")
    assert layout["text_width"] == pytest.approx(style.TEXT_WIDTH, abs=1e-6)
    assert layout["column_width"] == pytest.approx(style.COLUMN_WIDTH, abs=1e-6)
    assert layout["caption_size"] == style.FONT_SIZE
    assert style.TEXT_WIDTH == pytest.approx(160 / 25.4)  # A4 less two 25 mm margins
    assert 0.7 * style.FONT_SIZE >= style.MIN_FONT_SIZE  # mathtext scripts are 0.7 x


def test_paper_layout_notices_a_changed_geometry(tmp_path):
    from inference_scaling.publish.figures import style

    tex = (ROOT / "paper" / "main.tex").read_text(encoding="utf-8")
    narrower = tmp_path / "main.tex"
    narrower.write_text(tex.replace("margin=25mm", "margin=30mm"), encoding="utf-8")
    assert style.paper_layout(narrower)["text_width"] == pytest.approx(150 / 25.4)
    two = tmp_path / "two.tex"
    two.write_text(tex.replace("[11pt,a4paper]", "[10pt,a4paper,twocolumn]"), encoding="utf-8")
    layout = style.paper_layout(two)
    assert layout["caption_size"] == 9.0
    assert layout["column_width"] == pytest.approx((160 - 10 * 25.4 / 72.27) / 2 / 25.4)
    broken = tmp_path / "broken.tex"
    broken.write_text(tex.replace("margin=25mm", "top=2cm"), encoding="utf-8")
    with pytest.raises(ValueError, match="broken.tex: geometry"):
        style.paper_layout(broken)


def test_papers_include_figures_at_their_printed_size():
    """No \\includegraphics option rescales a figure: it prints at the size it was drawn."""
    sources = [ROOT / "paper" / "main.tex", *sorted((ROOT / "paper" / "sections").glob("*.tex"))]
    included = []
    for path in sources:
        for options, name in re.findall(
            r"\\includegraphics(?:\[([^\]]*)\])?\{([^}]*)\}", path.read_text(encoding="utf-8")
        ):
            included.append(name)
            if name in PRINTED:
                assert not re.search(r"width|height|scale", options), f"{path.name}: {name}"
    assert set(PRINTED) <= set(included)


@pytest.fixture(scope="module")
def pdfs(figs, tmp_path_factory):
    from inference_scaling.publish.figures import style

    out = tmp_path_factory.mktemp("pdfs")

    def save(name):
        style.save_pdf(figs[name], out / f"{name}.pdf")
        return out / f"{name}.pdf"

    return Drawn(save)


@pytest.mark.parametrize("name", PRINTED)
def test_figure_pdf_is_its_printed_size(name, figs, pdfs):
    import pdfplumber

    from inference_scaling.publish.figures import style

    width, height = figs[name].get_size_inches()
    assert width <= style.TEXT_WIDTH + 1e-9
    assert width in (style.TEXT_WIDTH, style.NARROW_WIDTH)
    with pdfplumber.open(pdfs[name]) as pdf:
        (page,) = pdf.pages
        assert page.width == pytest.approx(width * PT_PER_INCH, abs=0.01)
        assert page.height == pytest.approx(height * PT_PER_INCH, abs=0.01)


@pytest.mark.parametrize("name", PRINTED)
def test_figure_text_is_one_family_at_least_7pt(name, pdfs):
    import pdfplumber

    from inference_scaling.publish.figures import style

    with pdfplumber.open(pdfs[name]) as pdf:
        chars = pdf.pages[0].chars
    assert chars, "no text found in the PDF"
    # pdfminer's "size" is the box height, which for text turned 90 degrees is the glyph's
    # advance; the box width is then the type size
    sizes = {round(c["size"] if c["upright"] else c["x1"] - c["x0"], 2) for c in chars}
    assert min(sizes) >= style.MIN_FONT_SIZE, sorted(sizes)
    # one size for text, 70 % of it for mathtext's sub- and superscripts
    assert sizes <= {style.FONT_SIZE, round(0.7 * style.FONT_SIZE, 2)}, sorted(sizes)
    families = {c["fontname"].split("+")[-1].split("-")[0] for c in chars}
    assert families <= {"DejaVuSans"}, families


@pytest.mark.parametrize("name", PRINTED)
def test_no_text_overlaps_text_legend_or_data(name, figs):
    from inference_scaling.publish.figures import collisions

    # A figure drawn afresh: the layout engine settles over repeated draws, and the job
    # saves its PDF from the first, so a figure other tests have drawn is not the one printed.
    assert collisions.problems(figs.make(name)) == []


@pytest.mark.parametrize("name", PRINTED)
def test_figure_colours_come_from_the_palette(name, figs):
    from matplotlib.colors import to_hex, to_rgb

    from inference_scaling.publish.figures import style

    palette = set(style.OKABE_ITO.values()) | {c.upper() for c in style.OKABE_ITO.values()}
    for ax in figs[name].axes:
        for line in ax.lines:
            for colour in (line.get_color(), line.get_markerfacecolor()):
                r, g, b = to_rgb(colour)
                grey = max(r, g, b) - min(r, g, b) < 1e-6
                assert grey or to_hex(colour).upper() in palette, (name, colour)


def test_collision_check_finds_what_it_must():
    """The checker reports overlapping texts, a line through a label and a legend on data."""
    from inference_scaling.publish.figures import collisions, style

    fig, ax = style.figure(3.0, 2.0)
    ax.plot([0, 1], [0, 1], label="diagonal")
    ax.text(0.5, 0.5, "on the line")
    ax.text(0.1, 0.9, "first")
    ax.text(0.12, 0.9, "second")
    ax.legend(loc="center")
    found = "\n".join(collisions.problems(fig))
    assert "'first' overlaps 'second'" in found
    assert "line 'diagonal' runs through 'on the line'" in found
    assert "runs through a legend" in found
    assert "overlaps a legend" in found  # 'on the line' sits where the legend is
    clean, ax = style.figure(3.0, 2.0)
    ax.plot([0, 1], [0, 1])
    ax.text(0.9, 0.1, "clear", ha="right")
    assert collisions.problems(clean) == []


def test_figure_modules_do_not_import_pyplot():
    """The figure jobs skip pyplot's start-up (issue 13): the Figure API and the PDF canvas."""
    code = (
        "import sys; import inference_scaling.publish.figures.essay, "
        "inference_scaling.publish.figures.model, "
        "inference_scaling.publish.figures.growth, inference_scaling.publish.figures.collisions, "
        "inference_scaling.publish.figures.uncertainty; "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sensitivity_chart_names_claims_and_factors_in_words(figs):
    text = _texts(figs["fig_sensitivity"])
    assert "Growth of frontier training compute" in text
    assert "o3 versus o1-mini on ARC-AGI" in text
    labels = [t.get_text() for ax in figs["fig_sensitivity"].axes for t in ax.get_yticklabels()]
    assert "data error: growth fit (all domains)" in labels
    assert "frontier top-N" in labels and "exchange rate" not in labels[:5]
    assert not [label for label in labels if "_" in label or "." in label]
    # at most SOBOL_TOP factors per claim, none below the floor
    growth_panel = figs["fig_sensitivity"].axes[0]
    assert len(growth_panel.get_yticklabels()) == 4
