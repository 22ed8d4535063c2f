"""Every repository path that the README, CONTRIBUTING.md, the paper's sections and the
profiles name exists, or is made by the build.

A path is a word that starts with one of the repository's top-level folders (or results/,
build/, dist/). It may hold placeholders: ``<name>``, ``{wildcard}``, ``NAME`` and ``*``
stand for a part of a name, ``{a,b}`` for either. It must name a file or folder of the
repository, or a file that a rule of the workflow writes (its output, log or benchmark
pattern), or one that a make target names (results/report.html, dist/arxiv.tar.gz and
everything under results/diff/, for example).
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT, tracked_files

DOCUMENTS = [
    "README.md",
    "CONTRIBUTING.md",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "paper" / "sections").glob("*.tex")),
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "profiles").glob("*/config.yaml")),
]
#: Folders the build makes (and `make clean` removes).
OUTPUT_ROOTS = ("results", "build", "dist")
#: Files the build writes that no rule or make target names: Snakemake's full log of the
#: last run, which the build log handler keeps (src/inference_scaling/pipeline/buildlog.py).
BY_PRODUCTS = ("results/logs/snakemake.log",)
# The two PDFs the build copies into paper/, where a reader looks for them.
PAPER_OUTPUTS = ("paper/main.pdf", "paper/supplement.pdf")
PLACEHOLDER = re.compile(r"<[^>/]+>|\{\w+\}|\bNAME\b|\*")
ALTERNATIVES = re.compile(r"\{([^{}/]+,[^{}/]+)\}")


@cache
def tracked() -> set[str]:
    """The repository's files and folders (folders end in /)."""
    files = tracked_files()
    names = set(files)
    for f in files:
        parts = f.split("/")[:-1]
        names |= {"/".join(parts[: i + 1]) + "/" for i in range(len(parts))}
    return names


def _top_level() -> list[str]:
    folders = {name.split("/")[0] for name in tracked() if "/" in name}
    return sorted(folders | set(OUTPUT_ROOTS), key=len, reverse=True)


def named_paths(text: str) -> list[str]:
    """The repository paths ``text`` names (LaTeX's ``\\_`` read as ``_``)."""
    text = text.replace("\\_", "_")
    tops = "|".join(re.escape(t) for t in _top_level() if not t.startswith("."))
    pattern = rf"(?<![\w./$-])((?:{tops})/(?:\{{[^{{}}\s]*\}}|[^\s`'\"(),;\[\]{{}}\\|])*)"
    return [m.rstrip(".:") for m in re.findall(pattern, text)]


def expand(path: str) -> list[str]:
    """``path`` with each ``{a,b}`` written out."""
    groups = ALTERNATIVES.findall(path)
    if not groups:
        return [path]
    template = ALTERNATIVES.sub("\0", path)
    out = []
    for choice in itertools.product(*(g.split(",") for g in groups)):
        parts = template.split("\0")
        out.append("".join(p + c for p, c in itertools.zip_longest(parts, choice, fillvalue="")))
    return out


def to_regex(path: str) -> re.Pattern:
    """A doc path (placeholders allowed) as a regular expression over repository paths."""
    out, at = "", 0
    for m in PLACEHOLDER.finditer(path):
        out += re.escape(path[at : m.start()]) + ("[^/]*" if m.group() == "*" else "[^/]+")
        at = m.end()
    return re.compile(out + re.escape(path[at:]))


def sample(path: str) -> str:
    """A doc path with each placeholder replaced by a plain name part."""
    return PLACEHOLDER.sub("x", path)


@cache
def rule_patterns() -> tuple[str, ...]:
    """Every rule's output, log and benchmark pattern, from the parsed workflow."""
    code = (
        "import json; from pathlib import Path; from snakemake.api import SnakemakeApi\n"
        "from snakemake.settings.types import OutputSettings, ResourceSettings\n"
        "with SnakemakeApi(OutputSettings()) as api:\n"
        "    wf = api.workflow(resource_settings=ResourceSettings(cores=1),"
        " snakefile=Path('Snakefile'), workdir=Path('.'))\n"
        "    files = []\n"
        "    for rule in wf._workflow.rules:\n"
        "        files += [str(f) for f in [*rule.output, *rule.log]]\n"
        "        files += [str(rule.benchmark)] if rule.benchmark else []\n"
        "    print('PATTERNS ' + json.dumps(files))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("PATTERNS "))
    return tuple(json.loads(line[len("PATTERNS ") :]))


WILDCARD = re.compile(r"\{(\w+)(?:,([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}")


def _instances(pattern: str) -> list[str]:
    """A rule's file pattern written out for every value its wildcards' constraints allow
    (``x`` for a wildcard without a plain list of values)."""
    parts, choices, at = [], [], 0
    for m in WILDCARD.finditer(pattern):
        parts.append(pattern[at : m.start()])
        words = (m.group(2) or "").split("|")
        plain = m.group(2) and all(re.fullmatch(r"[\w.-]+", w) for w in words)
        choices.append(words if plain else ["x"])
        at = m.end()
    return [
        "".join(p + c for p, c in zip(parts, choice, strict=True)) + pattern[at:]
        for choice in itertools.product(*choices)
    ]


@cache
def made_by_rules() -> frozenset[str]:
    """Every file a rule writes (its outputs, logs and benchmarks, for every scenario and
    figure), and the folders they lie in (ending in /)."""
    out = set()
    for pattern in rule_patterns():
        for path in _instances(pattern):
            parts = path.split("/")
            out |= {path} | {"/".join(parts[: i + 1]) + "/" for i in range(len(parts) - 1)}
    return frozenset(out)


@cache
def made_by_make() -> tuple[frozenset[str], frozenset[str]]:
    """The output files the Makefile names (results/..., build/..., dist/...), and the
    folders it names that no rule writes into (results/diff/: everything in them is made)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    named = [p for n in named_paths(makefile) for p in expand(n)]
    named = [p for p in named if p.split("/")[0] in OUTPUT_ROOTS and not PLACEHOLDER.search(p)]
    folders = {p for p in named if p.endswith("/") and p not in made_by_rules()}
    files = {p for p in named if not p.endswith("/")} | set(BY_PRODUCTS)
    return frozenset(files), frozenset(folders)


def _is_made(path: str) -> bool:
    regex = to_regex(path)
    files, folders = made_by_make()
    if any(regex.fullmatch(name) for name in made_by_rules() | files):
        return True
    if path.endswith("/") and any(regex.match(name) for name in files | folders):
        return True
    return any(sample(path).startswith(folder) for folder in folders)


def _exists(path: str) -> bool:
    regex = to_regex(path)
    return any(regex.fullmatch(name) or regex.fullmatch(name.rstrip("/")) for name in tracked())


def example_names() -> list[str]:
    """Names CONTRIBUTING.md's worked examples create (files, a figure): placeholders there."""
    from test_contributing import walkthroughs

    names = []
    for walk in walkthroughs().values():
        for edit in walk.edits:
            if not (ROOT / edit.path).exists():
                names.append(Path(edit.path).stem)
            names += re.findall(r"def (fig_\w+)\(job\)", edit.text)
    return names


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_a_document_names_exists_or_is_made(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    if document == "CONTRIBUTING.md":
        for name in example_names():
            text = re.sub(rf"\b{name}\b", "<example>", text)
    missing = []
    for named in named_paths(text):
        for path in expand(named):
            made = path.split("/")[0] in OUTPUT_ROOTS or path in PAPER_OUTPUTS
            if not (_exists(path) or (made and _is_made(path))):
                missing.append(path)
    assert not missing, f"{document} names paths that neither exist nor are made: {missing}"


def test_the_check_finds_stale_paths():
    """The stale references issue 21 found would fail."""
    for stale in (
        "workflow/scripts/_job.py",
        "results/claims.json",
        "results/claims.md",
        "results/notebooks/",
    ):
        (path,) = named_paths(f"see `{stale}` here")
        made = path.split("/")[0] in OUTPUT_ROOTS
        assert not (_exists(path) or (made and _is_made(path))), stale
    for fine in (
        "results/<scenario>/claims.json",
        "results/NAME/",
        "results/default/figures/fig_*.pdf",
        "results/<scenario>/benchmarks/<rule>.tsv",
        "results/diff/claims_changed.md",
        "dist/arxiv.tar.gz",
        "config/scenarios/NAME.yaml",
    ):
        (path,) = named_paths(f"\\nolinkurl{{{fine}}}.")
        assert _exists(path) or _is_made(path), fine
    assert expand("src/m/{era,ida}.py") == ["src/m/era.py", "src/m/ida.py"]
