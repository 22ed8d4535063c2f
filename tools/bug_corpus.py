"""Run the corpus of hand-written bugs (tests/bug_corpus.yaml) against the fast tests.

    .venv/bin/python tools/bug_corpus.py [--only ID ...] [--check] [--json PATH]

Copies the project once into a temporary directory (without .git, environments and
results), then for each bug: writes the file with the one-line change, runs the fast tests
of its module there (`pytest -x -m "not integration"`, the copy's src/ first on the path),
and restores the file. Each bug is reported as

- caught: a test failed;
- survived: every test passed (a miss, unless the entry is marked `equivalent:`);
- equivalent: survived, and the corpus explains why no output changes;
- does not apply: its old text no longer occurs exactly once (rewrite it for the new code).

``--check`` only checks that every bug applies (no tests run). Writes the result, with the
date and the CPU time of the runs, to ``--json`` (default build/bug_corpus.json) and, for a
run of the whole corpus, the score between the corpus markers of README.md. Exits 1 when a
bug survives or does not apply.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bug_corpus.yaml"
DEFAULT_JSON = ROOT / "build" / "bug_corpus.json"
FIELDS = {"id", "file", "old", "new", "why"}
START, END = "<!-- corpus:start -->", "<!-- corpus:end -->"
IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".venv-lab",
    ".tools",
    "results",
    "build",
    "dist",
    ".snakemake",
    "mutants",
    "__pycache__",
    ".hypothesis",
    "*.pdf",
)
KERNEL_TESTS = ["tests/test_kernels.py", "tests/test_era.py", "tests/test_lifetime.py"]
LEDGER_TESTS = [
    "tests/test_claims.py",
    "tests/test_conclusions.py",
    "tests/test_conclusions_by_hand.py",
    "tests/test_golden.py",
]
#: The fast tests run for a bug in each module (a bug may name its own with `tests:`).
TESTS = {
    "model": [*KERNEL_TESTS, *LEDGER_TESTS],
    "ledger/verdict_rule.py": ["tests/test_verdict_rule.py", *LEDGER_TESTS],
    "ledger": LEDGER_TESTS,
    "uncertainty": [
        "tests/test_montecarlo.py",
        "tests/test_sensitivity.py",
        "tests/test_golden.py",
    ],
    "publish/latex.py": ["tests/test_latex.py", "tests/test_golden.py"],
    "publish/numbers.py": ["tests/test_numbers.py", "tests/test_latex.py", "tests/test_golden.py"],
    "publish/tables.py": ["tests/test_tables.py", "tests/test_golden.py"],
    "publish/uncertainty_pages.py": ["tests/test_uncertainty_pages.py", "tests/test_golden.py"],
    "publish": [
        "tests/test_latex.py",
        "tests/test_numbers.py",
        "tests/test_tables.py",
        "tests/test_uncertainty_pages.py",
        "tests/test_golden.py",
    ],
    "review": ["tests/test_compare.py", "tests/test_golden.py"],
}


class CorpusError(ValueError):
    """A malformed corpus entry."""


def load(path=CORPUS) -> list[dict]:
    bugs = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    seen = set()
    for i, bug in enumerate(bugs):
        missing = FIELDS - set(bug)
        if missing:
            raise CorpusError(f"{path}: entry {i + 1}: missing {sorted(missing)}")
        if bug["id"] in seen:
            raise CorpusError(f"{path}: {bug['id']}: duplicate id")
        if bug["old"] == bug["new"]:
            raise CorpusError(f"{path}: {bug['id']}: old and new text are the same")
        seen.add(bug["id"])
    return bugs


def tests_for(bug: dict) -> list[str]:
    if bug.get("tests"):
        return list(bug["tests"])
    rel = bug["file"].removeprefix("src/inference_scaling/")
    for key in sorted(TESTS, key=len, reverse=True):
        if rel.startswith(key):
            return TESTS[key]
    raise CorpusError(f"{bug['id']}: no test selection for {bug['file']} (add `tests:`)")


def applies(bug: dict, root: Path) -> bool:
    path = root / bug["file"]
    return path.exists() and path.read_text(encoding="utf-8").count(bug["old"]) == 1


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pytest(copy: Path, tests: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CI", None)  # a skip is not a failure here: only a failing test catches a bug
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-m", "not integration"]
    command += ["-p", "no:cacheprovider", "--no-header", *tests]
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)


def run_one(bug: dict, copy: Path) -> dict:
    """Apply one bug in ``copy``, run its tests, restore the file."""
    if not applies(bug, copy):
        return {"id": bug["id"], "status": "does not apply"}
    path = copy / bug["file"]
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(bug["old"], bug["new"]), encoding="utf-8")
    before = _children_cpu()
    try:
        run = _pytest(copy, tests_for(bug))
    finally:
        path.write_text(original, encoding="utf-8")
    cpu = _children_cpu() - before
    if run.returncode == 0:
        status = "equivalent" if bug.get("equivalent") else "survived"
    elif run.returncode == 1:
        status = "caught"
    else:  # collection error, internal error: the test run itself broke
        status = "caught (error)"
    failed = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return {"id": bug["id"], "status": status, "cpu_seconds": round(cpu, 1), "by": failed[:1]}


def score_table(result: dict) -> str:
    """The corpus's score: how many hand-written bugs the fast tests caught, and when."""
    c = Counter(
        "caught" if r["status"].startswith("caught") else r["status"] for r in result["results"]
    )
    counted = result["bugs"] - c["equivalent"] - c["does not apply"]
    score = f"{c['caught'] / counted:.1%}" if counted else "—"
    cells = [result["bugs"], c["caught"], c["equivalent"], c["survived"], c["does not apply"]]
    missed = [r["id"] for r in result["results"] if r["status"] in ("survived", "does not apply")]
    note = f" Missed: {', '.join(f'`{m}`' for m in missed)}." if missed else ""
    return "\n".join(
        [
            "| hand-written bugs | caught | equivalent | survived | does not apply | score |",
            "|---|---|---|---|---|---|",
            "| " + " | ".join(str(x) for x in cells) + f" | {score} |",
            "",
            "Score = caught / (bugs − equivalent − not applying). Measured by "
            f"`tools/bug_corpus.py` on {result['date']} ({result['cpu_seconds']:.0f} s of test "
            f"CPU time).{note}",
            "",
        ]
    )


def write_readme(text: str, readme=ROOT / "README.md") -> None:
    body = readme.read_text(encoding="utf-8")
    start, end = body.find(START), body.find(END)
    if start >= 0 and end > start:
        start += len(START)
        readme.write_text(body[:start] + "\n" + text + body[end:], encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="run only these bug ids")
    parser.add_argument("--check", action="store_true", help="only check that every bug applies")
    parser.add_argument(
        "--json", help="where to write the result (default, for the whole corpus: build/)"
    )
    args = parser.parse_args(argv)
    bugs = load()
    if args.only:
        unknown = set(args.only) - {b["id"] for b in bugs}
        if unknown:
            parser.error(f"unknown bug ids: {sorted(unknown)}")
        bugs = [b for b in bugs if b["id"] in args.only]
    for bug in bugs:
        tests_for(bug)  # every bug has a test selection before anything runs
    if args.check:
        bad = [b["id"] for b in bugs if not applies(b, ROOT)]
        for bug_id in bad:
            print(f"does not apply: {bug_id}")
        print(f"{len(bugs) - len(bad)} of {len(bugs)} bugs apply")
        return 1 if bad else 0
    results = []
    with tempfile.TemporaryDirectory(prefix="bug-corpus-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=IGNORE, symlinks=True)
        # Without any bug every selected test must pass in the copy, or "caught" means nothing.
        selected = sorted({t for bug in bugs for t in tests_for(bug)})
        baseline = _pytest(copy, selected)
        if baseline.returncode != 0:
            print(baseline.stdout[-3000:], baseline.stderr[-3000:], sep="\n")
            print("bug corpus: the unchanged copy fails its tests; nothing was run")
            return 2
        print(f"baseline: {len(selected)} test files pass in the unchanged copy", flush=True)
        for i, bug in enumerate(bugs, 1):
            res = run_one(bug, copy)
            results.append(res)
            by = f" ({res['by'][0]})" if res.get("by") else ""
            print(f"[{i}/{len(bugs)}] {res['status']}: {bug['id']}{by}", flush=True)
    counts = {}
    for res in results:
        counts[res["status"]] = counts.get(res["status"], 0) + 1
    summary = {
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "bugs": len(results),
        "counts": dict(sorted(counts.items())),
        "cpu_seconds": round(sum(r.get("cpu_seconds", 0.0) for r in results), 1),
        "results": results,
    }
    # A partial run (--only) never replaces the whole corpus's result.
    out = Path(args.json) if args.json else None if args.only else DEFAULT_JSON
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"bug corpus: {summary['counts']} in {summary['cpu_seconds']} s of CPU -> {out}")
    if not args.only:
        table = score_table(summary)
        print(table)
        write_readme(table)
    missed = counts.get("survived", 0) + counts.get("does not apply", 0)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
