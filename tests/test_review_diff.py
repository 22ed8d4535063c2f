"""make diff in a throwaway repository: four commits, each reporting exactly what it changed.

The history is base -> assumption edit -> figure-code edit -> prose edit -> README edit.
Each test checks out one commit and diffs it against its parent, in any order.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_workflow import _copy_project

pytestmark = pytest.mark.integration

# Figures whose drawing reads era.exchange_rate: the threshold-equivalence figure draws the
# exchange rate's line (its rule's params). The Sobol chart reads the ranges, not the value;
# the ARC-AGI and IDA figures read the ledger, but only claims that do not use the rate.
EXCHANGE_RATE_FIGURES = ["fig_threshold_equivalence"]


def git(cwd, *args):
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, f"{path}: {old!r} not found exactly once"
    path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    project = _copy_project(tmp_path_factory.mktemp("review") / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    commits = {"base": git(project, "rev-parse", "HEAD")}
    edits = {
        "assumption": (
            "config/assumptions.yaml",
            "  exchange_rate:\n    value: 0.7\n",
            "  exchange_rate:\n    value: 0.6\n",
        ),
        "figure_code": (
            "src/inference_scaling/publish/figures/essay.py",
            'axes[0].set_ylabel("pass@1 accuracy [%]")',
            'axes[0].set_ylabel("accuracy, pass@1 [%]")',
        ),
        "prose": (
            "paper/sections/introduction.tex",
            "the surest predictor",
            "the most reliable predictor",
        ),
        "readme": ("README.md", "a reproducible companion", "a reproducible companion (draft)"),
    }
    for name, (path, old, new) in edits.items():
        _edit(project / path, old, new)
        git(project, "commit", "-qam", name)
        commits[name] = git(project, "rev-parse", "HEAD")
    return project, commits


def _diff(project, commits, name):
    """Check out commit ``name``, diff it against its parent; return the run and results/diff."""
    git(project, "checkout", "-q", commits[name])
    status_before = git(project, "status", "--porcelain")
    env = {
        **os.environ,
        "VENV_BIN": str(Path(sys.executable).parent),
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    run = subprocess.run(
        ["tools/review_diff.sh", "HEAD~1"], cwd=project, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert git(project, "status", "--porcelain") == status_before, "sources were touched"
    worktrees = git(project, "worktree", "list").splitlines()
    assert len(worktrees) == 1, "temporary worktree left behind"
    out = project / "results" / "diff"
    return run, out


def _changed(out):
    claims = {r["id"] for r in json.loads((out / "claims_changed.json").read_text())}
    figures = (out / "figures_changed.txt").read_text().split()
    pngs = sorted(p.stem for p in out.glob("*.png"))
    assert pngs == figures, "one side-by-side PNG per changed figure"
    return claims, figures


def _pdf_text(pdf):
    """The PDF's words separated by single spaces (line breaks and ulem's boxes vary), without
    the colons ulem draws its wavy underline of added text with."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(re.sub(r":{2,}", " ", text).split())


def test_assumption_edit_shows_its_claims_figures_and_numbers(history):
    project, commits = history
    run, out = _diff(project, commits, "assumption")
    claims, figures = _changed(out)
    ledger = json.loads((project / "results" / "default" / "claims.json").read_text())
    assert claims == {r["id"] for r in ledger["claims"] if "era.exchange_rate" in r["inputs"]}
    assert figures == EXCHANGE_RATE_FIGURES
    amplified = next(
        r
        for r in json.loads((out / "claims_changed.json").read_text())
        if r["id"] == "thresholds.amplified"
    )
    # 24 + 4 OOM of inference at 0.7 vs 0.6 OOM of pre-training per OOM (hand calculation).
    assert amplified["before"] == pytest.approx(26.8) and amplified["after"] == pytest.approx(26.4)
    diff_tex = (out / "paper-diff.tex").read_text()
    assert re.search(r"\\DIFdel[^\n]*26\.8", diff_tex)
    assert re.search(r"\\DIFadd[^\n]*26\.4", diff_tex)
    text = _pdf_text(out / "paper-diff.pdf")
    assert "26.8" in text and "26.4" in text
    # A number used in a prose sentence, not only in a table or caption, is marked too: the
    # sentence of the thresholds section shows the old and the new exponent side by side.
    sentence = re.search(r"performs like one trained with(.{0,400}?)FLOP", diff_tex, re.S)
    assert sentence, "the amplified-model sentence is missing from paper-diff.tex"
    assert re.search(r"\\DIFdel.*26\.8", sentence.group(1), re.S)
    assert re.search(r"\\DIFadd.*26\.4", sentence.group(1), re.S)
    # In the PDF's text a raised exponent may land on the line above its base, so look at
    # the words around the phrase rather than after it.
    at = text.index("performs like one trained with")
    around = text[max(0, at - 150) : at + 150]
    assert "26.8" in around and "26.4" in around, around
    assert "claims changed" in run.stdout and "1 figure changed" in run.stdout


def test_figure_code_edit_shows_only_that_figure(history):
    # essay.py draws several figures, so several figure jobs re-run; only one looks different.
    project, commits = history
    run, out = _diff(project, commits, "figure_code")
    assert _changed(out) == (set(), ["fig_o1_aime"])
    assert not (out / "paper-diff.pdf").exists()
    assert "no claim changed" in run.stdout and "paper's text did not change" in run.stdout


def test_prose_edit_shows_only_the_text(history):
    project, commits = history
    run, out = _diff(project, commits, "prose")
    assert _changed(out) == (set(), [])
    diff_tex = (out / "paper-diff.tex").read_text()
    assert re.search(r"\\DIFdel\{[^}]*surest", diff_tex)
    assert re.search(r"\\DIFadd\{[^}]*most reliable", diff_tex)
    assert "most reliable" in _pdf_text(out / "paper-diff.pdf")
    assert "no claim changed; no figure changed; the paper changed" in run.stdout


def test_readme_edit_changes_nothing(history):
    project, commits = history
    # An untracked file makes the working tree differ from its commit: its build is not
    # kept as the commit's.
    untracked = project / "notes.txt"
    untracked.write_text("a note\n")
    try:
        run, out = _diff(project, commits, "readme")
    finally:
        untracked.unlink()
    assert _changed(out) == (set(), [])
    assert not (out / "paper-diff.tex").exists()
    assert "nothing a reader sees changed" in run.stdout
    assert not list((project / ".cache" / "review").glob(f"{commits['readme'][:12]}-*"))


def _cache_of(project, commit):
    caches = [p for p in (project / ".cache" / "review").glob(f"{commit[:12]}-*") if p.is_dir()]
    assert len(caches) == 1, caches
    return caches[0]


def test_a_clean_working_tree_keeps_its_build_for_the_next_diff(history):
    project, commits = history
    _diff(project, commits, "figure_code")
    cache = _cache_of(project, commits["figure_code"])
    assert (cache / ".diff-built").read_text().split() == ["paper/main.pdf"]
    ledger = "results/default/claims.json"
    assert (cache / ledger).read_bytes() == (project / ledger).read_bytes()
    # The snapshot holds that commit's sources: its own edit, not the next commit's.
    assert (
        "accuracy, pass@1" in (cache / "src/inference_scaling/publish/figures/essay.py").read_text()
    )
    assert "the surest predictor" in (cache / "paper/sections/introduction.tex").read_text()
    _, out = _diff(project, commits, "prose")
    assert f"reusing its build in .cache/review/{cache.name}" in (out / "diff.log").read_text()


def test_a_second_diff_against_the_same_base_reuses_its_build(history):
    project, commits = history
    _diff(project, commits, "readme")  # builds the base, unless an earlier diff did
    cache = _cache_of(project, commits["prose"])
    runs = cache / ".snakemake" / "log"
    snakemake_runs = sorted(runs.iterdir()) if runs.exists() else []
    run, out = _diff(project, commits, "readme")
    # The base was not built again: Snakemake did not even start in it.
    assert (sorted(runs.iterdir()) if runs.exists() else []) == snakemake_runs
    log = (out / "diff.log").read_text()
    assert f"reusing its build in .cache/review/{cache.name}" in log
    # The terminal gets the summary, the progress lines go to the log.
    terminal = run.stdout + run.stderr
    assert "nothing a reader sees changed" in run.stdout
    assert not re.search(r"^\[ *\d+/\d+\]", terminal, re.M)
    assert len(terminal.splitlines()) <= 3, terminal


def test_diff_rejects_an_unknown_ref(history):
    project, _ = history
    run = subprocess.run(
        ["tools/review_diff.sh", "no-such-ref"], cwd=project, capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr.strip() == "error: diff: 'no-such-ref' is not a commit"
