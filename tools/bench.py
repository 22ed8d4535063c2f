"""Benchmark the edit -> PDF loop against its targets (issue 20), and the kernels' speed.

    .venv/bin/python tools/bench.py [OUT.md]     (make bench; on a quiet machine)

Builds a throwaway copy of the project (a git repository of one commit, environment ready,
outputs cold) and times, each against its target as a multiple measured in the same run:

- the *bare start*: `snakemake --version`;
- one *compile* of the paper: the build's own latexmk script after a comment edit of
  `paper/main.tex`, in a build directory of its own that one untimed compile has filled;
- the *floor* = bare start + compile, the least any edit -> PDF can cost;
- no-op rebuild <= 1.5x bare start; paper-text edit <= 1.2x floor; one-figure edit
  <= 1.5x floor; one-assumption-value edit <= 2x floor; cold build <= 5x floor;
  `make diff` against a built base <= 3x floor (the diff is run once untimed first, so a
  cached base build counts as built); `snakemake compare` with the default built <= 2x
  the cold build;
- in one process, by CPU time after imports: 10^6 Monte Carlo draws of every claim
  (<= 1.5 s), and the cold build's Sobol job from its `benchmark:` file (<= 3 s);
- the explorer's input change -> ledger table (<= 50 ms).

A step over its target is explained by what its time went to: the jobs it ran, each with
the seconds its `benchmark:` file recorded, and the rest (Snakemake's own start and
scheduling). The table goes to OUT.md and replaces the block between the bench markers in
README.md, so the README's performance section always shows the last measurement, never
typed numbers. The header gives the load average before and after: the ratios only mean
something on a quiet machine.
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
# step -> (target multiple, of what: "bare" start, "floor" = bare + compile, "cold" build)
TARGETS = {
    "cold build": (5.0, "floor"),
    "no-op rebuild": (1.5, "bare"),
    "paper-text edit → PDF": (1.2, "floor"),
    "one-figure edit → PDF": (1.5, "floor"),
    "one-assumption value edit → PDF": (2.0, "floor"),
    "`make diff` against a built base": (3.0, "floor"),
    "`make compare` (every scenario, default built)": (2.0, "cold"),
}
BASE_NAMES = {"bare": "bare start", "floor": "floor", "cold": "cold build"}
# Absolute targets, in seconds (CPU seconds of one process, or a job's benchmark file).
MONTE_CARLO_TARGET = 1.5
SOBOL_TARGET = 3.0
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
PROGRESS = re.compile(r"^\[\s*\d+/\d+\] (\S+) +(\w+) \(", re.M)


def timed(cmd, cwd, repeat=1, env=None) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        # The copy's own package (an edit of its code must reach Snakemake and the jobs).
        env_run = {**(env or ENV), "PYTHONPATH": str(Path(cwd) / "src")}
        run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env_run)
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
    if not jobs:
        return "no job ran: the time is Snakemake's start, DAG and scheduling"
    return (
        f"{len(jobs)} jobs, {busy:.1f} s of job time on {CORES} cores ({top}{more}); "
        f"the rest is Snakemake's start, DAG and scheduling"
    )


def copy_project(dest: Path) -> Path:
    """The checkout's files in ``dest``, committed as one commit of a new git repository
    (`make diff` needs a base commit)."""
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
    subprocess.run([*GIT, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*GIT, "commit", "-qm", "bench base"], cwd=dest, check=True, env=ENV)
    return dest


def monte_carlo_seconds(project: Path, draws=1_000_000) -> float:
    """CPU seconds (``time.process_time``) for ``draws`` draws of every claim and conclusion
    in one block, in this process after imports, with every uncertain input of the build:
    assumptions, joint shares, growth grid, data."""
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
    start = time.process_time()
    montecarlo.run_block(0, 1, draws, model, facts)
    return time.process_time() - start


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


def paper_compile_seconds(project: Path) -> float:
    """One compile of the default paper by the build's own script (as ``build_paper`` runs
    it), after a comment edit of ``paper/main.tex``, into a build directory of its own that
    one untimed compile has filled: what latexmk alone costs a paper edit."""
    results = project / "results"
    files = sorted(str(p) for p in (results / "default" / "figures").glob("*.pdf"))
    files += [str(results / "compare.tex"), str(results / "scenario_overrides.tex")]
    cmd = [
        "workflow/scripts/run_latexmk.sh",
        "results/default",
        "build/bench-floor",
        "build/bench-floor-out/main.pdf",
        *files,
    ]
    timed(cmd, project)
    main_tex = project / "paper" / "main.tex"
    text, stat = main_tex.read_text(), main_tex.stat()
    main_tex.write_text(text + "\n% benchmark compile\n")
    try:
        seconds, _ = timed(cmd, project)
    finally:  # as it was, time stamp included: the no-op rebuild that follows stays one
        main_tex.write_text(text)
        os.utime(main_tex, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return seconds


def measure(project: Path) -> tuple[dict, list[tuple[str, float, str]], list[str]]:
    bare, _ = timed([SNAKEMAKE, "--version"], project, repeat=3)
    smk = [SNAKEMAKE, "--cores", CORES]
    steps = []

    def step(name, cmd=smk, repeat=1, env=None):
        seconds, log = timed(cmd, project, repeat, env)
        steps.append((name, seconds, log))
        return seconds

    step("cold build")
    summary = rule_summary(project)
    compile_seconds = paper_compile_seconds(project)
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
    step("one-assumption value edit → PDF")
    # The working tree now differs from its commit by the three edits above, all built.
    diff = ["tools/review_diff.sh", "HEAD"]
    diff_env = {**ENV, "VENV_BIN": str(Path(sys.executable).parent), "CORES": CORES}
    timed(diff, project, env=diff_env)  # builds (and may cache) the base
    step("`make diff` against a built base", diff, env=diff_env)
    step("`make compare` (every scenario, default built)", [*smk, "compare"])
    bases = {"bare": bare, "floor": bare + compile_seconds, "compile": compile_seconds}
    return bases, steps, summary


def verdict(name, seconds, log, bases, project) -> tuple[float, str, str]:
    """(multiple of its base, target, status) of one step."""
    target, base = TARGETS[name]
    ratio = seconds / bases[base]
    goal = f"≤ {target}× {BASE_NAMES[base]}"
    if ratio <= target:
        return ratio, goal, "met"
    why = explain(project, seconds, log)
    if name.startswith("`make diff`"):
        comparison = (
            "the comparison (each side's figures rendered with pdftoppm, both papers "
            "flattened, latexdiff and its compile)"
        )
        if jobs_run(log):
            why = f"the base's build is reused from .cache/review; here {why}; then {comparison}"
        else:
            why = (
                "the base's build is reused from .cache/review and this tree's Snakemake runs "
                f"no job: the time is its start and {comparison}"
            )
    return ratio, goal, f"**not met**: {why}"


def absolute(seconds, target) -> str:
    if seconds != seconds:  # NaN: nothing recorded
        return "**not measured**"
    return "met" if seconds <= target else "**not met**"


def main(out_path="results/bench.md") -> int:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        bases, steps, summary = measure(project)
        bases["cold"] = next(s for n, s, _ in steps if n == "cold build")
        rows = [
            ("bare `snakemake --version`", bases["bare"], "1.00× bare start", "", ""),
            ("one compile of the paper (latexmk)", bases["compile"], "", "", ""),
            ("floor = bare start + compile", bases["floor"], "1.00× floor", "", ""),
        ]
        for name, seconds, log in steps:
            ratio, goal, status = verdict(name, seconds, log, bases, project)
            unit = BASE_NAMES[TARGETS[name][1]]
            rows.append((name, seconds, f"{ratio:.2f}× {unit}", goal, status))
        sobol = job_seconds(project, "default", "sobol_sensitivity") or float("nan")
        mc = monte_carlo_seconds(project)
    load_after = os.getloadavg()
    from inference_scaling.explorer import app as explorer  # noqa: PLC0415 - sys.path set above

    ms = explorer.bench_update_ms()
    rows += [
        (
            "Sobol job of the cold build (its `benchmark:` file)",
            sobol,
            "",
            f"≤ {SOBOL_TARGET:g} s",
            absolute(sobol, SOBOL_TARGET),
        ),
        (
            "10^6 Monte Carlo draws of every claim (CPU s, one process, after imports)",
            mc,
            "",
            f"≤ {MONTE_CARLO_TARGET:g} s",
            absolute(mc, MONTE_CARLO_TARGET),
        ),
        (
            "assumption explorer: input change → ledger table (median of 50)",
            ms / 1000,
            "",
            "≤ 50 ms",
            absolute(ms, 50),
        ),
    ]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; builds with {CORES} cores; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (targets assume a quiet "
        "machine).",
        "",
        "| step | seconds | multiple | target | status |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {n} | {t:.2f} | {r} | {g} | {v} |" for n, t, r, g, v in rows]
    lines += ["", *summary]
    text = "\n".join(lines) + "\n"
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    Path(out_path).write_text(text)
    update_readme(ROOT / "README.md", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
