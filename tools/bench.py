"""Benchmark the edit -> PDF loop against its targets, and the Monte Carlo throughput.

    .venv/bin/python tools/bench.py [OUT.md]     (make bench)

Builds a throwaway copy of the project (environment ready, outputs cold) and times: bare
`snakemake --version`, a cold build, a no-op rebuild, a paper-text edit, a one-figure edit,
a one-assumption edit, `snakemake compare` (every scenario, the default already built) and
10^6 Monte Carlo draws of every claim. Each step is checked against its target, a multiple
of the bare Snakemake start measured in the same run (of the cold build for compare). A
step over its target is explained by what its time went to: the jobs it ran, each with the
seconds its `benchmark:` file recorded, and the rest (Snakemake's own start and scheduling).
The table goes to OUT.md and replaces the block between the bench markers in README.md, so
the README's performance section always shows the last measurement, never typed numbers.
"""

from __future__ import annotations

import csv
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAKEMAKE = str(Path(sys.executable).parent / "snakemake")
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
CORES = "2"
# step -> (target multiple, of what)
TARGETS = {
    "no-op rebuild": (1.1, "bare"),
    "paper-text edit → PDF": (1.5, "bare"),
    "one-figure edit → PDF": (1.8, "bare"),
    "one-assumption edit → PDF": (2.5, "bare"),
    "cold build": (5.0, "bare"),
    "`make compare` (every scenario, default built)": (2.0, "cold"),
}
PROGRESS = re.compile(r"^\[\s*\d+/\d+\] (\S+) +(\w+) \(", re.M)


def timed(cmd, cwd, repeat=1) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        # The copy's own package (an edit of its code must reach Snakemake and the jobs).
        env = {**ENV, "PYTHONPATH": str(Path(cwd) / "src")}
        run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - start)
        if run.returncode:
            raise SystemExit(f"bench: {' '.join(cmd)} failed:\n{run.stderr[-2000:]}")
        out = run.stdout + run.stderr
    return statistics.median(times), out


def jobs_run(log: str) -> list[tuple[str, str]]:
    """(scenario, rule) of every job a run printed a progress line for."""
    return PROGRESS.findall(log)


def job_seconds(project: Path, scenario: str, rule: str) -> float | None:
    """Wall seconds of the last run of ``rule`` for ``scenario`` from its benchmark file
    (shards summed)."""
    files = sorted((project / "results" / scenario / "benchmarks").glob(f"{rule}*.tsv"))
    total = 0.0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        if rows:
            total += float(rows[-1]["s"])
    return total if files else None


def explain(project: Path, seconds: float, log: str) -> str:
    """Where the time of a step went: its jobs (from their benchmark files), largest first."""
    jobs = sorted(set(jobs_run(log)))
    timed_jobs = [(job_seconds(project, s, r), s, r) for s, r in jobs]
    known = sorted(((t, s, r) for t, s, r in timed_jobs if t is not None), reverse=True)
    busy = sum(t for t, _, _ in known)
    top = ", ".join(f"{r}{'' if s == 'default' else f' [{s}]'} {t:.1f} s" for t, s, r in known[:4])
    more = f" and {len(known) - 4} more" if len(known) > 4 else ""
    return (
        f"{len(jobs)} jobs, {busy:.1f} s of job time on {CORES} cores ({top}{more}); "
        f"the rest is Snakemake's start, DAG and scheduling"
    )


def copy_project(dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def monte_carlo_seconds(project: Path, draws=1_000_000) -> float:
    """Seconds for ``draws`` draws of every claim and conclusion in one block (in-process),
    with every uncertain input of the build: assumptions, joint shares, growth grid, data."""
    sys.path.insert(0, str(ROOT / "src"))
    from inference_scaling.pipeline import config  # noqa: PLC0415
    from inference_scaling.uncertainty import montecarlo, sampling

    a = config.load_assumptions()
    settings = config.load_uncertainty(ROOT / "config" / "uncertainty.yaml", a)
    model, facts = sampling.model_and_facts(
        project / "results" / "default" / "pretrain_growth.json",
        project / "results" / "default" / "growth_grid.json",
        {},
        a.ranges,
        a.distributions,
        settings,
    )
    montecarlo.run_block(0, 1, 1000, model, facts)  # tabulates the t quantiles once
    start = time.perf_counter()
    montecarlo.run_block(0, 1, draws, model, facts)
    return time.perf_counter() - start


def rule_summary(project: Path) -> list[str]:
    """Per rule of the cold build: jobs, total and largest wall seconds, peak memory."""
    rules: dict[str, list[tuple[float, float]]] = {}
    for path in sorted((project / "results" / "default" / "benchmarks").glob("*.tsv")):
        rule = re.sub(r"_\d+_of_\d+$", "", path.stem)
        with open(path, encoding="utf-8") as handle:
            row = list(csv.DictReader(handle, delimiter="\t"))[0]
        rss = float(row["max_rss"]) if row["max_rss"] not in ("", "NA", "-") else 0.0
        rules.setdefault(rule, []).append((float(row["s"]), rss))
    lines = ["| rule (cold build) | jobs | seconds | peak MB |", "|---|---|---|---|"]
    for rule, rows in sorted(rules.items(), key=lambda kv: -sum(s for s, _ in kv[1])):
        seconds = sum(s for s, _ in rows)
        lines.append(f"| {rule} | {len(rows)} | {seconds:.1f} | {max(m for _, m in rows):.0f} |")
    return lines


def update_readme(readme: Path, table: str) -> None:
    """Replace the text between the bench markers of ``readme`` with ``table``."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return
    start += len(README_START)
    readme.write_text(text[:start] + "\n" + table + text[end:], encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    if old not in text:
        raise SystemExit(f"bench: cannot make the edit in {path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1))


def measure(project: Path) -> tuple[float, list[tuple[str, float, str]], list[str]]:
    bare, _ = timed([SNAKEMAKE, "--version"], project, repeat=3)
    smk = [SNAKEMAKE, "--cores", CORES]
    steps = []

    def step(name, cmd=smk, repeat=1):
        seconds, log = timed(cmd, project, repeat)
        steps.append((name, seconds, log))
        return seconds

    step("cold build")
    summary = rule_summary(project)
    step("no-op rebuild", repeat=3)
    with open(project / "paper" / "main.tex", "a") as handle:
        handle.write("\n% benchmark edit\n")
    step("paper-text edit → PDF")
    # A change of what one figure's draw function does (a comment would redraw nothing).
    edit(
        project / "src" / "inference_scaling" / "publish" / "figures" / "registry.py",
        "\n    return essay.o1_aime(datasets.o1_aime(job.input.data))\n",
        "\n    panels = datasets.o1_aime(job.input.data)\n    return essay.o1_aime(panels)\n",
    )
    step("one-figure edit → PDF")
    edit(
        project / "config" / "assumptions.yaml",
        "  exchange_rate:\n    value: 0.7\n",
        "  exchange_rate:\n    value: 0.6\n",
    )
    step("one-assumption edit → PDF")
    step("`make compare` (every scenario, default built)", [*smk, "compare"])
    return bare, steps, summary


def verdict(name, seconds, log, bare, cold, project) -> tuple[str, str]:
    target, base = TARGETS[name]
    reference = bare if base == "bare" else cold
    ratio = seconds / reference
    goal = f"≤ {target}× {'bare start' if base == 'bare' else 'cold build'}"
    if ratio <= target:
        return goal, "met"
    return goal, f"**not met**: {explain(project, seconds, log)}"


def main(out_path="results/bench.md") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        bare, steps, summary = measure(project)
        cold = next(s for n, s, _ in steps if n == "cold build")
        rows = [("bare `snakemake --version`", bare, 1.0, "", "")]
        for name, seconds, log in steps:
            goal, status = verdict(name, seconds, log, bare, cold, project)
            rows.append((name, seconds, seconds / bare, goal, status))
        mc = monte_carlo_seconds(project)
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; builds with {CORES} cores.",
        "",
        "| step | seconds | × bare start | target | status |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {n} | {t:.2f} | {r:.2f} | {g} | {v} |" for n, t, r, g, v in rows]
    lines.append(
        f"| 10^6 Monte Carlo draws of every claim (one process, after imports) | {mc:.2f} | "
        f"{mc / bare:.2f} |  |  |"
    )
    from inference_scaling.explorer import app as explorer  # noqa: PLC0415 - sys.path set above

    ms = explorer.bench_update_ms()
    lines.append(
        f"| assumption explorer: input change → ledger table (median of 50) | {ms / 1000:.4f} | "
        f"{ms / 1000 / bare:.4f} | ≤ 50 ms | {'met' if ms <= 50 else '**not met**'} |"
    )
    lines += ["", *summary]
    text = "\n".join(lines) + "\n"
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    Path(out_path).write_text(text)
    update_readme(ROOT / "README.md", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
