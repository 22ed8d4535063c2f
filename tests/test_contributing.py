"""CONTRIBUTING.md's walkthroughs, followed as written in a throwaway copy of the repository.

The file names, code and commands come from the guide itself: a code block whose first line
names a file is applied to that file (appended, created, or inserted before the line its
``before=`` names), and ``sh`` blocks are run. The example is then built with Snakemake
(only the ledger and the example figure, with a small Monte Carlo) and checked with the
project's own tests, run in the copy. When the guide and the code part, a test here fails.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, tracked_files
from test_workflow import _copy_project, _snakemake

GUIDE = ROOT / "CONTRIBUTING.md"
WALKTHROUGHS = ("Add a claim", "Add a figure", "Add a scenario", "Add a data file")
FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S
)


@dataclass
class Edit:
    path: str
    text: str
    before: str | None = None


@dataclass
class Walkthrough:
    title: str
    files: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    text: str = ""


def _files_list(text: str) -> list[str]:
    """The paths a walkthrough's "Files it touches:" bullets name before their colon."""
    block = text.split("Files it touches:", 1)[1].split("\n\n", 2)[1]
    bullets = re.split(r"^- ", block, flags=re.M)
    files = []
    for bullet in filter(None, (b.strip() for b in bullets)):
        head = " ".join(bullet.split()).split("`: ", 1)[0] + "`"
        files += re.findall(r"`([^`]+)`", head)
    return files


def walkthroughs() -> dict[str, Walkthrough]:
    """The guide's walkthroughs by title: files listed, file edits and commands, in order."""
    sections = re.split(r"^## ", GUIDE.read_text(encoding="utf-8"), flags=re.M)[1:]
    out = {}
    for section in sections:
        title, text = section.split("\n", 1)
        walk = Walkthrough(title.strip(), _files_list(text), text=text)
        for match in FENCE.finditer(text):
            indent = match["indent"]
            body = "".join(
                line[len(indent) :] if line.startswith(indent) else line
                for line in match["body"].splitlines(keepends=True)
            )
            lang, *where = match["info"].split()
            if lang == "sh":
                walk.commands += [line for line in body.splitlines() if line.strip()]
            elif where:
                before = next((w[len("before=") :] for w in where if w.startswith("before=")), None)
                walk.edits.append(Edit(where[0], body, before))
        out[walk.title] = walk
    return out


def _matches(path: str, pattern: str) -> bool:
    """``path`` is named by ``pattern``, where ``NAME``, ``<name>`` and ``*`` stand for a
    part of a file name."""
    glob = re.sub(r"<[^>]+>|\bNAME\b", "*", pattern)
    return fnmatch.fnmatchcase(path, glob)


def apply(project: Path, edit: Edit) -> None:
    target = project / edit.path
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(edit.text, encoding="utf-8")
        return
    text = target.read_text(encoding="utf-8")
    if edit.before is not None:
        lines = text.splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.strip() == edit.before)
        text = "".join(lines[:at]) + edit.text + "".join(lines[at:])
    else:
        gap = "\n\n\n" if target.suffix == ".py" else "\n\n"
        text = text.rstrip("\n") + gap + edit.text
    target.write_text(text, encoding="utf-8")


def _named(edits, pattern) -> str:
    """The first group of ``pattern`` in the walkthrough's edits (a claim id, a figure)."""
    for edit in edits:
        found = re.search(pattern, edit.text)
        if found:
            return found.group(1)
    raise AssertionError(f"no edit of the walkthrough matches {pattern!r}")


# --- the guide itself (fast) --------------------------------------------------------------


def test_the_guide_has_the_four_walkthroughs():
    found = walkthroughs()
    for title in WALKTHROUGHS:
        assert title in found, f"CONTRIBUTING.md has no section '## {title}'"
        assert found[title].files, f"{title}: no 'Files it touches:' list"
        assert found[title].edits, f"{title}: no code block naming a file"


@pytest.mark.parametrize("title", WALKTHROUGHS)
def test_every_file_a_walkthrough_edits_is_in_its_list(title):
    walk = walkthroughs()[title]
    for edit in walk.edits:
        assert any(_matches(edit.path, pattern) for pattern in walk.files), (
            f"{title}: edits {edit.path}, which 'Files it touches' does not name"
        )
        if edit.before is not None:
            text = (ROOT / edit.path).read_text(encoding="utf-8")
            lines = [line.strip() for line in text.splitlines()]
            assert edit.before in lines, f"{edit.path} has no line {edit.before!r}"
    tracked = tracked_files()
    for pattern in walk.files:
        assert any(_matches(path, pattern) for path in tracked), f"{title}: no file {pattern}"


def test_the_figure_walkthrough_names_one_figure_throughout():
    walk = walkthroughs()["Add a figure"]
    name = _named(walk.edits, r"def (fig_\w+)\(job\)")
    assert _named(walk.edits, r"\\includegraphics\{([^}]*)\}") == name
    assert f"results/default/figures/{name}.pdf" in walk.text


def test_the_inventory_quote_is_the_essays():
    from test_inventory import _essay_text

    walk = walkthroughs()["Add a claim"]
    quote = _named(walk.edits, r'quote: "([^"]+)"')
    assert " ".join(quote.split()) in _essay_text()


# --- followed in a copy (slow) ------------------------------------------------------------


def _env(project):
    path = os.pathsep.join(filter(None, [str(project / "src"), os.environ.get("PYTHONPATH")]))
    # Not CI=1: the copy runs a selection of its tests, where a deselected fixture may skip.
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return {**env, "PYTHONPATH": path, "SOURCE_DATE_EPOCH": "1700000000"}


def _pytest(project, *args):
    """The project's own tests, run in the copy against the copy's package."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not integration"]
        + list(args),
        cwd=project,
        capture_output=True,
        text=True,
        env=_env(project),
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    return run


def _make_recipe(target: str) -> list[str]:
    """The command lines of ``target``'s recipe in the Makefile, with $(VENV) expanded."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip().replace("$(VENV)", ".venv"))
    return recipe


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A copy with every walkthrough applied, its commands run, and the example claim and
    figure built."""
    project = _copy_project(tmp_path_factory.mktemp("contributing"))
    (project / ".venv").symlink_to(Path(sys.executable).parents[1], target_is_directory=True)
    walks = walkthroughs()
    for title in WALKTHROUGHS:
        for edit in walks[title].edits:
            apply(project, edit)
        for command in walks[title].commands:
            subprocess.run(command, shell=True, cwd=project, env=_env(project), check=True)
    figure = _named(walks["Add a figure"].edits, r"def (fig_\w+)\(job\)")
    _snakemake(project, "results/default/claims.json", f"results/default/figures/{figure}.pdf")
    return project, walks


@pytest.mark.integration
def test_the_claim_walkthrough(followed):
    project, walks = followed
    edits = walks["Add a claim"].edits
    claim_id = _named(edits, r'@claim\("([^"]+)"\)')
    macro = _named(edits, r"(\\claim[A-Za-z]+)")
    ledger = json.loads((project / "results/default/claims.json").read_text(encoding="utf-8"))
    record = next(r for r in ledger["claims"] if r["id"] == claim_id)
    assert record["verdict"] == "reproduced" and record["inputs"]
    assert f"\\newcommand{{{macro}}}" in (project / "results/default/claims.tex").read_text()
    # `make golden`, then the tests that check a claim's catalogue, inventory and paper text.
    (command,) = [c for c in _make_recipe("golden") if "golden" in c]
    subprocess.run(shlex.split(command), cwd=project, env=_env(project), check=True)
    golden = json.loads((project / "tests/golden/claims.json").read_text(encoding="utf-8"))
    assert claim_id in golden["claims"]
    _pytest(
        project,
        "tests/test_claims.py",
        "tests/test_golden.py",
        "tests/test_inventory.py",
        "tests/test_paper.py",
        "-k",
        # The README's example summary line counts the shipped claims, not the toy one.
        "not pdf and not log_has and not included_figure_file and not readme_prints",
    )


@pytest.mark.integration
def test_the_figure_walkthrough(followed):
    project, walks = followed
    name = _named(walks["Add a figure"].edits, r"def (fig_\w+)\(job\)")
    pdf = project / "results" / "default" / "figures" / f"{name}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    # Its entry passes the registry's checks and the figure the print checks; the paper
    # includes it at its printed size.
    _pytest(
        project,
        "tests/test_figures.py",
        "-k",
        f"{name} or registry or caption or draw_functions or one_figure_rule or include_figures",
    )


@pytest.mark.integration
def test_the_scenario_walkthrough(followed):
    project, walks = followed
    (edit,) = walks["Add a scenario"].edits
    name = Path(edit.path).stem
    assert f"make scenario NAME={name}" in walks["Add a scenario"].text
    # Valid, and built where the guide says (a dry run: what `make scenario` would do).
    run = _snakemake(project, "-n", "--config", f"scenario={name}")
    assert "Nothing to be done" not in run.stdout + run.stderr
    assert f"results/{name}/" in walks["Add a scenario"].text
    _pytest(project, "tests/test_scenarios.py", "-k", name)


@pytest.mark.integration
def test_the_data_file_walkthrough(followed):
    project, walks = followed
    data = [e.path for e in walks["Add a data file"].edits if e.path.startswith("data/")]
    csv_name = Path(next(p for p in data if p.endswith(".csv"))).name
    package = json.loads((project / "data/datapackage.json").read_text(encoding="utf-8"))
    assert csv_name in {r["path"] for r in package["resources"]}
    # The reader the guide adds reads the file it ships.
    reader = _named(walks["Add a data file"].edits, r"def (\w+)\(path=DATA_DIR")
    code = f"from inference_scaling.pipeline import datasets; print(datasets.{reader}())"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=project, env=_env(project), capture_output=True
    )
    assert run.returncode == 0, run.stderr
    _pytest(project, "tests/test_data_files.py")
