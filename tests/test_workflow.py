"""Integration: build the DAG in a throwaway copy of the project and inspect the results."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, tracked_files

SNAKEMAKE = str(Path(sys.executable).parent / "snakemake")
pytestmark = pytest.mark.integration


# A throwaway copy draws a smaller Monte Carlo and Sobol sample: the tests check the wiring,
# not the precision, and the full sample takes most of a cold build on two cores.
LIGHT_UNCERTAINTY = {
    "draws: 200000 ": "draws: 8000 ",
    "base_samples: 4096 ": "base_samples: 128 ",
    "resamples: 200 ": "resamples: 20 ",
}


def _copy_project(dest: Path, light: bool = True) -> Path:
    """A copy of the checkout's files in ``dest``; ``light``: with a smaller Monte Carlo."""
    dest.mkdir(parents=True, exist_ok=True)
    files = tracked_files()
    for name in files:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    if light:
        settings = dest / "config" / "uncertainty.yaml"
        text = settings.read_text()
        for full, small in LIGHT_UNCERTAINTY.items():
            assert full in text, f"config/uncertainty.yaml no longer has {full!r}"
            text = text.replace(full, small)
        settings.write_text(text)
    return dest


def _snakemake(cwd, *args, check=True):
    # The copy's own package, not the checkout's (installed editable), so that an edit of
    # the copy's code reaches Snakemake and the jobs.
    path = os.pathsep.join(filter(None, [str(Path(cwd) / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": path}
    run = subprocess.run(
        [SNAKEMAKE, "--cores", "2", *args], cwd=cwd, capture_output=True, text=True, env=env
    )
    if check:
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run


@pytest.fixture(scope="module")
def built(light_build):
    """The session's light build (conftest.py), shared with the determinism test."""
    return light_build


def test_build_produces_ledger_and_pdf(built):
    ledger = json.loads((built / "results" / "default" / "claims.json").read_text())
    assert len(ledger["claims"]) >= 40
    pdf = built / "paper" / "main.pdf"
    assert pdf.stat().st_size > 10_000
    # paper/main.pdf is the default build's PDF, copied where a reader looks for it.
    assert pdf.read_bytes() == (built / "results" / "default" / "paper" / "main.pdf").read_bytes()


def test_pdf_contains_claim_values(built):
    # The paper, and its supplement with the full ledger table.
    text = "".join(
        subprocess.run(
            ["pdftotext", "-layout", str(built / "paper" / name), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for name in ("main.pdf", "supplement.pdf")
    )
    for needle in [
        "1,160",
        "26.8",
        "0.568",
        "Deployments at which",  # a ledger label (where it wraps is the table's business)
        "reproduced",
        "differs",
    ]:
        assert needle in text, needle


def test_no_op_rebuild_runs_nothing(built):
    run = _snakemake(built, "-n")
    assert "Nothing to be done" in run.stdout + run.stderr


def _dry_run_jobs(project):
    run = _snakemake(project, "-n", "--quiet", "rules")
    jobs = set()
    for line in run.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit() and parts[0] not in {"total", "job"}:
            jobs.add(parts[0])
    return jobs


def _pending(project, *args):
    """Output files that a run of ``args`` would (re)make, from Snakemake's summary."""
    run = _snakemake(project, "--summary", *args)
    pending = set()
    for line in run.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) == 6 and fields[5] == "update pending":
            pending.add(fields[0])
    return pending


def _figures(paths):
    """``{build: {figure names}}`` of the figure PDFs among ``paths``."""
    out = {}
    for path in paths:
        parts = Path(path).parts
        if len(parts) == 4 and parts[2] == "figures":
            out.setdefault(parts[1], set()).add(Path(path).stem)
    return out


def _built_copy(built, dest):
    """A copy of the built project, its results and Snakemake's records included."""
    project = _copy_project(dest)
    for sub in ("results", "paper/main.pdf", ".snakemake", "build"):
        src = built / sub
        if src.is_dir():
            shutil.copytree(src, project / sub, symlinks=True)
        elif src.exists():
            shutil.copy2(src, project / sub)
    return project


def test_changing_one_assumption_reruns_only_its_jobs(built, tmp_path):
    project = _built_copy(built, tmp_path)
    path = project / "config" / "assumptions.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("  exchange_rate:\n    value: 0.7\n", "  exchange_rate:\n    value: 0.6\n")
    )
    jobs = _dry_run_jobs(project)
    assert "fit_pretrain_growth" not in jobs
    assert {"compute_claims", "build_paper", "write_provenance"} <= jobs
    # Of the figures, those that read the exchange rate or the ledger are redrawn (the Sobol
    # chart reads the ranges, not the values).
    assert _figures(_pending(project)) == {
        "default": {"fig_threshold_equivalence", "fig_arc_agi", "fig_ida_ladder"}
    }
    path.write_text(
        text.replace("    value: 10\n    unit: models", "    value: 12\n    unit: models")
    )
    assert {"fit_pretrain_growth", "compute_claims"} <= _dry_run_jobs(project)


RANGE_ONLY_JOBS = {"monte_carlo_shard", "merge_monte_carlo", "sobol_sensitivity"}
EXCHANGE_RATE = "  exchange_rate:\n    value: 0.7\n"


def test_a_value_edit_reruns_no_range_only_analysis_and_a_range_edit_reruns_each(built, tmp_path):
    # The draws and the Sobol indices read the ranges; the tables beside the ledger read
    # the values. A value edit re-runs only the latter, a range edit all of them.
    project = _built_copy(built, tmp_path)
    path = project / "config" / "assumptions.yaml"
    text = path.read_text()
    assert EXCHANGE_RATE + "    unit:" in text
    path.write_text(text.replace(EXCHANGE_RATE, EXCHANGE_RATE.replace("0.7", "0.6")))
    jobs = _dry_run_jobs(project)
    assert {"compute_claims", "uncertainty_tables"} <= jobs
    assert not RANGE_ONLY_JOBS & jobs
    exchange_range = "    range: [0.5, 1.0]\n  jones_train_factor:"
    assert exchange_range in text
    path.write_text(text.replace(exchange_range, exchange_range.replace("1.0]", "0.9]")))
    jobs = _dry_run_jobs(project)
    assert RANGE_ONLY_JOBS | {"uncertainty_tables"} <= jobs
    assert "fig_sensitivity" in _figures(_pending(project))["default"]
    assert "compute_claims" not in jobs


def _edit(path, old, new):
    text = path.read_text()
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1))
    return text


def test_editing_a_kernel_reruns_exactly_the_jobs_that_import_it(built):
    # A real edit: Snakemake ignores a newer mtime when the content matches its checksum.
    kernel = built / "src" / "inference_scaling" / "model" / "lifetime.py"
    text = kernel.read_text()
    kernel.write_text(text + "# an edit\n")
    try:
        jobs = _dry_run_jobs(built)
        figures = _figures(_pending(built))["default"]
    finally:
        kernel.write_text(text)
    assert {"compute_claims", "monte_carlo_shard", "plot_figure", "build_paper"} <= jobs
    # The growth fit and the digitized o1 chart do not import the lifetime kernel.
    assert "fit_pretrain_growth" not in jobs
    assert {"fig_lifetime_compute", "fig_cost_multipliers", "fig_overtraining"} <= figures
    assert not {"fig_o1_aime", "fig_frontier_growth"} & figures


def test_editing_one_registry_entry_redraws_that_figure_only(built):
    """A figure's draw function is tracked by its code, so an edit of one entry's function
    redraws that figure; a caption edit or a new entry redraws nothing."""
    registry = built / "src" / "inference_scaling" / "publish" / "figures" / "registry.py"
    text = _edit(
        registry,
        "\n    return essay.o1_aime(datasets.o1_aime(job.input.data))\n",
        "\n    panels = datasets.o1_aime(job.input.data)\n    return essay.o1_aime(panels)\n",
    )
    try:
        assert _figures(_pending(built)) == {"default": {"fig_o1_aime"}}
        registry.write_text(text.replace("**Over-training when", "**Over-training, when", 1))
        assert _pending(built) == set()
    finally:
        registry.write_text(text)


def test_bad_assumption_stops_before_any_job(tmp_path):
    project = _copy_project(tmp_path)
    path = project / "config" / "assumptions.yaml"
    text = path.read_text()
    line = text[: text.index("value: 1.0e+24")].count("\n") + 1
    path.write_text(text.replace("value: 1.0e+24", "value: 1.0e24"))
    run = _snakemake(project, check=False)
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: config/assumptions.yaml: thresholds.base_model_flop.value: expected number, "
        f"got str '1.0e24' (write exponents with a sign, e.g. 1.0e+25) (line {line})"
    ]
    assert not (project / "results").exists()


def _digests(project, paths):
    import hashlib

    out = {}
    for rel in paths:
        base = project / rel
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for f in files:
            if {"logs", "benchmarks"} & set(f.parts):
                continue
            out[str(f.relative_to(project))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def test_scenario_build_leaves_default_outputs_untouched(built):
    before = _digests(built, ["results/default", "paper/main.pdf"])
    _snakemake(built, "--config", "scenario=pessimistic_exchange")
    scenario = built / "results" / "pessimistic_exchange"
    ledger = json.loads((scenario / "claims.json").read_text())
    amplified = next(r for r in ledger["claims"] if r["id"] == "thresholds.amplified")
    assert amplified["value"] == pytest.approx(26.0)
    assert (scenario / "paper" / "main.pdf").exists()
    # The exchange rate moves figure 7 and the ledger's figures; nothing else is redrawn.
    assert not (scenario / "pretrain_growth.json").exists(), "shared job was recomputed"
    assert sorted(p.name for p in (scenario / "figures").glob("*.pdf")) == [
        "fig_arc_agi.pdf",
        "fig_ida_ladder.pdf",
        "fig_threshold_equivalence.pdf",
    ]
    assert _digests(built, ["results/default", "paper/main.pdf"]) == before


def test_broken_scenario_gives_one_line(built, tmp_path):
    # Every scenario is validated when the workflow is parsed, whichever one is built.
    bad = built / "config" / "scenarios" / "broken.yaml"
    bad.write_text("description: broken on purpose\noverrides:\n  era:\n    exchange_rte: 0.5\n")
    try:
        runs = [_snakemake(built, "-n", *args, check=False) for args in ([], ["compare"])]
    finally:
        bad.unlink()
    for run in runs:
        assert run.returncode != 0
        assert [line for line in run.stderr.splitlines() if line.startswith("error:")] == [
            "error: config/scenarios/broken.yaml: overrides.era.exchange_rte: unknown key (line 4)"
        ]


def test_unknown_scenario_lists_the_known_ones(built):
    run = _snakemake(built, "-n", "--config", "scenario=kaplan", check=False)
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "unknown scenario 'kaplan'" in errors[0]
    for name in ("default", "kaplan_allocation", "pessimistic_exchange", "heavy_deployment"):
        assert name in errors[0]


def test_config_is_validated_against_its_schema(built):
    run = _snakemake(built, "-n", "--config", "mc_shards=0", check=False)
    assert run.returncode != 0
    out = run.stdout + run.stderr
    assert "mc_shards" in out and "minimum" in out


def test_compare_is_one_dag_sharing_unchanged_jobs(built):
    """All scenarios in one run; a job a scenario leaves unchanged runs once, for default."""
    run = _snakemake(built, "compare", "-n", "--forceall", "--quiet", "rules")
    counts = {}
    for line in run.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    n = len(list((built / "config" / "scenarios").glob("*.yaml"))) + 1
    assert counts["compute_claims"] == n and counts["build_paper"] == n
    assert counts["compare_scenarios"] == 1
    assert counts["fit_pretrain_growth"] == 1
    figures = _figures(_pending(built, "compare", "--forceall"))
    drawn = {name: sorted(b for b in figures if name in figures[b]) for name in figures["default"]}
    # No shipped scenario touches the digitized o1 chart; every scenario has its own ledger.
    assert drawn["fig_o1_aime"] == ["default"] and len(drawn["fig_arc_agi"]) == n
    # Of the shipped scenarios only heavy_deployment changes the lifetime figure's inputs
    # (N, D and tokens per deployment; the figure draws no coefficients).
    assert drawn["fig_lifetime_compute"] == ["default", "heavy_deployment"]
    assert sum(len(builds) for builds in drawn.values()) == counts["plot_figure"]


def test_a_failing_job_leaves_its_traceback_in_its_log(built, tmp_path):
    project = _copy_project(tmp_path)
    registry = project / "src" / "inference_scaling" / "publish" / "figures" / "registry.py"
    _edit(registry, "\ndef fig_o1_aime(job):\n", "\ndef fig_o1_aime(job):\n    1 / 0\n")
    target = "results/default/figures/fig_o1_aime.pdf"
    run = _snakemake(project, target, check=False)
    assert run.returncode != 0
    log = (project / "results" / "default" / "logs" / "fig_o1_aime.log").read_text()
    assert "Traceback" in log and "ZeroDivisionError" in log
    # ...and Snakemake shows that log (show-failed-logs in profiles/default).
    assert "ZeroDivisionError" in run.stdout + run.stderr
    assert not (project / target).exists()


def test_quiet_progress_and_full_log(built, tmp_path):
    project = _copy_project(tmp_path)
    shutil.copytree(built / "results", project / "results", symlinks=True)
    shutil.copytree(built / ".snakemake", project / ".snakemake", symlinks=True)
    shutil.copy2(built / "paper" / "main.pdf", project / "paper" / "main.pdf")
    tex = project / "paper" / "main.tex"
    tex.write_text(tex.read_text() + "\n% an edit\n")
    run = _snakemake(project)
    lines = run.stderr.splitlines()
    progress = [line for line in lines if line.startswith("[")]
    total = int(progress[0].split("/")[1].split("]")[0])
    # One line per job, numbered, with its scenario and rule; build_paper among them.
    assert len(progress) == total >= 2
    assert [int(line[1:].split("/")[0]) for line in progress] == list(range(1, total + 1))
    assert any({"default", "build_paper"} <= set(line.split()) for line in progress)
    assert "== default: started" in lines
    assert not [line for line in lines if "reason:" in line or line.startswith("rule ")]
    assert any(" claims — " in line for line in lines), "end-of-build summary"
    # The summary's last line names Snakemake's own full log of the run.
    assert lines[-1].startswith("full log: .snakemake/log/"), lines[-1]
    full = (project / lines[-1].removeprefix("full log: ")).read_text()
    assert "rule build_paper" in full or "Rule: build_paper" in full


# What a build may leave in $HOME: package managers' download caches, nothing else.
HOME_ALLOWED = (".cache/uv", ".cache/pip")


def test_a_build_writes_nothing_into_home(built, tmp_path):
    """A figure, a notebook (Jupyter kernel, IPython) and the paper (LaTeX), rebuilt with
    an empty $HOME: every tool's state goes into the project or a temporary directory."""
    project = _copy_project(tmp_path / "project")
    shutil.copytree(built / "results", project / "results", symlinks=True)
    shutil.copytree(built / ".snakemake", project / ".snakemake", symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    targets = [
        "results/default/figures/fig_o1_aime.pdf",
        "results/default/notebooks/arc_agi.executed.ipynb",
        "results/default/paper/main.pdf",
    ]
    env = {
        **os.environ,
        "HOME": str(home),
        "VENV": str(Path(sys.executable).parent.parent),
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", *HOME_TOOL_VARIABLES):
        env.pop(name, None)
    run = subprocess.run(
        ["tools/run-snakemake.sh", "--cores", "2", "--force", *targets],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert len([line for line in run.stderr.splitlines() if line.startswith("[")]) >= 3
    written = sorted(
        str(path.relative_to(home))
        for path in home.rglob("*")
        if not str(path.relative_to(home)).startswith(HOME_ALLOWED)
        and not any(allowed.startswith(f"{path.relative_to(home)}/") for allowed in HOME_ALLOWED)
    )
    assert written == []
    assert (project / ".cache" / "matplotlib").is_dir(), "matplotlib's cache is the project's"


HOME_TOOL_VARIABLES = (
    "MPLCONFIGDIR",
    "IPYTHONDIR",
    "JUPYTER_CONFIG_DIR",
    "JUPYTER_DATA_DIR",
    "JUPYTER_RUNTIME_DIR",
)


def test_html_report_shows_every_figure_table_and_the_comparison(built):
    # Only the scenario built above is kept, so the comparison needs no other scenario build.
    for spec in (built / "config" / "scenarios").glob("*.yaml"):
        if spec.stem != "pessimistic_exchange":
            spec.unlink()
    # `make report`: one run that builds what the report shows and writes it.
    _snakemake(built, "report", "--report", "results/report.html", "--report-after-run")
    report = (built / "results" / "report.html").read_text(encoding="utf-8")
    figures = sorted(p.stem for p in (built / "results" / "default" / "figures").glob("fig_*.pdf"))
    assert len(figures) >= 9
    for name in figures:
        assert f"{name}.pdf" in report, name
    for page in ("claims.html", "uncertainty.html", "compare.html", "main.pdf"):
        assert page in report, page
    # Captions are rendered with the job's real inputs, never left as templates.
    assert "snakemake.input" not in report and "snakemake.params" not in report
    assert "data/arc_agi.csv" in report
    compare = (built / "results" / "compare.html").read_text(encoding="utf-8")
    assert "<table>" in compare and "pessimistic_exchange" in compare
