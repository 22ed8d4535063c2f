"""Benchmark the edit -> PDF loop and the Monte Carlo throughput on this machine.

    .venv/bin/python tools/bench.py [OUT.md]     (make bench)

Builds a throwaway copy of the project (environment ready, outputs cold) and times: bare
`snakemake --version`, a cold build, a no-op rebuild, a paper-text edit, a one-figure edit,
a one-assumption edit (listing the jobs it re-ran), and 10^6 Monte Carlo draws of every
claim. Each time is also given as a ratio to the bare snakemake start measured in this run.
The table goes to OUT.md and replaces the block between the bench markers in README.md, so
the README's performance section always shows the last measurement, never typed numbers.
"""

from __future__ import annotations

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


def timed(cmd, cwd, repeat=1) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=ENV)
        times.append(time.perf_counter() - start)
        if run.returncode:
            raise SystemExit(f"bench: {' '.join(cmd)} failed:\n{run.stderr[-2000:]}")
        out = run.stdout + run.stderr
    return statistics.median(times), out


def jobs_run(log: str) -> list[str]:
    return sorted(set(re.findall(r"^(?:localrule|rule) (\w+):", log, flags=re.M)))


def copy_project(dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def monte_carlo_seconds(draws=1_000_000) -> float:
    """Seconds for ``draws`` draws of every claim and conclusion in one block (in-process),
    with every uncertain input of the build: assumptions, joint shares, growth grid, data."""
    sys.path.insert(0, str(ROOT / "src"))
    from inference_scaling import config, montecarlo, sampling  # noqa: PLC0415

    a = config.load_assumptions()
    settings = config.load_uncertainty(ROOT / "config" / "uncertainty.yaml", a)
    model, facts = sampling.model_and_facts(
        ROOT / "results" / "pretrain_growth.json",
        ROOT / "results" / "growth_grid.json",
        ROOT / "data",
        a.ranges,
        a.distributions,
        settings,
    )
    montecarlo.run_block(0, 1, 1000, model, facts)  # tabulates the t quantiles once
    start = time.perf_counter()
    montecarlo.run_block(0, 1, draws, model, facts)
    return time.perf_counter() - start


def update_readme(readme: Path, table: str) -> None:
    """Replace the text between the bench markers of ``readme`` with ``table``."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return
    start += len(README_START)
    readme.write_text(text[:start] + "\n" + table + text[end:], encoding="utf-8")


def main(out_path="results/bench.md") -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        bare, _ = timed([SNAKEMAKE, "--version"], project, repeat=3)
        smk = [SNAKEMAKE, "--cores", "2", "--printshellcmds"]
        cold, _ = timed(smk, project)
        noop, _ = timed(smk, project, repeat=3)
        main_tex = project / "paper" / "main.tex"
        main_tex.write_text(main_tex.read_text() + "\n% benchmark edit\n")
        paper, paper_log = timed(smk, project)
        figure_scripts = sorted((project / "workflow" / "scripts").glob("plot_*.py"))
        if figure_scripts:
            figure_scripts[0].write_text(figure_scripts[0].read_text() + "\n# benchmark edit\n")
            fig, fig_log = timed(smk, project)
        assumptions = project / "config" / "assumptions.yaml"
        assumptions.write_text(
            assumptions.read_text().replace(
                "  exchange_rate:\n    value: 0.7\n", "  exchange_rate:\n    value: 0.6\n"
            )
        )
        one, one_log = timed(smk, project)
    rows.append(("bare `snakemake --version`", bare, ""))
    rows.append(("cold build (environment ready)", cold, "target ≤ 15 s"))
    rows.append(("no-op rebuild", noop, "target ≤ 1.3× bare"))
    rows.append(
        (
            "paper-text edit → PDF",
            paper,
            f"jobs: {', '.join(jobs_run(paper_log))}; target ≤ 2× bare",
        )
    )
    if figure_scripts:
        rows.append(
            (
                f"one-figure edit ({figure_scripts[0].name})",
                fig,
                f"jobs: {', '.join(jobs_run(fig_log))}",
            )
        )
    rows.append(
        ("one-assumption edit (era.exchange_rate)", one, f"jobs: {', '.join(jobs_run(one_log))}")
    )
    mc = monte_carlo_seconds()
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}.",
        "",
        "| step | seconds | × bare start | notes |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {t:.2f} | {t / bare:.2f} | {note} |" for name, t, note in rows]
    lines.append(
        f"| 10^6 Monte Carlo draws of every claim (one process) | {mc:.2f} | "
        f"{mc / bare:.2f} | in-process, after imports |"
    )
    from inference_scaling import explorer  # noqa: PLC0415 - sys.path set above

    ms = explorer.bench_update_ms()
    lines.append(
        f"| assumption explorer: input change → ledger table (median of 50) | {ms / 1000:.4f} | "
        f"{ms / 1000 / bare:.4f} | {ms:.1f} ms; target ≤ 50 ms |"
    )
    text = "\n".join(lines) + "\n"
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    Path(out_path).write_text(text)
    update_readme(ROOT / "README.md", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
