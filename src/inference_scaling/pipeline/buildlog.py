"""What a build prints: a progress bar in a terminal, one line per finished job otherwise,
warnings and errors (a failing job's log included), one line when interrupted, and the
end-of-build summary per scenario.

Snakemake hands its log records to the project's logger plugin
(``snakemake_logger_plugin_inference_scaling``, selected by ``logger:`` in
profiles/default), which feeds the events to :class:`Progress` and prints what it returns;
the Snakefile's ``onsuccess:``/``onerror:`` call :func:`finish`, which logs the request
for :func:`summary`, so it is printed after the last progress line. Nothing here reads
Snakemake's internals: only the events of ``snakemake-interface-logger-plugins``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

# Target rules: they run nothing, so they are not counted.
TARGET_RULES = frozenset({"all", "compare", "report"})
# Printed instead of the tracebacks of the jobs a Ctrl-C stops.
INTERRUPTED = "interrupted; run `make` to resume"
# The attribute of the log record that asks the plugin for the summary (see finish).
SUMMARY_REQUEST = "inference_scaling_summary"


def scenario_of(rule: str, wildcards: dict) -> str:
    """The scenario a job belongs to ("" for the comparison, which spans them all)."""
    if rule == "publish_paper":
        return "default"
    return str((wildcards or {}).get("scenario", ""))


class Progress:
    """A run followed through Snakemake's log events: the job count from the run's job
    stats (``run_info``), each job's scenario and rule when it starts (``job_info``), and
    one numbered line as each finishes (``job_finished``)."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.t0 = clock()
        self.total = 0
        self.done = 0
        self.jobs: dict[int, tuple[str, str]] = {}  # jobid -> (scenario, rule)
        self.running: dict[int, tuple[str, str]] = {}
        self.scenarios: list[str] = []  # in the order their first job started

    def plan(self, stats: dict) -> None:
        """The run's job stats (rule -> count, and "total"), target rules left out."""
        self.total = int(stats.get("total", 0)) - sum(int(stats.get(r, 0)) for r in TARGET_RULES)
        self.t0 = self.clock()

    def started(self, jobid: int, rule: str, wildcards: dict) -> str | None:
        """A job starts; returns ``== <scenario>: started`` for its scenario's first job."""
        if rule in TARGET_RULES:
            return None
        job = (scenario_of(rule, wildcards), rule)
        self.jobs[jobid] = self.running[jobid] = job
        if job[0] and job[0] not in self.scenarios:
            self.scenarios.append(job[0])
            return f"== {job[0]}: started"
        return None

    def finished(self, jobid: int) -> str | None:
        """A job finished: ``[ k/n] scenario rule (elapsed s)``."""
        job = self.jobs.get(jobid)
        if job is None:
            return None
        self.running.pop(jobid, None)
        self.done += 1
        total = max(self.total, self.done)
        scenario, rule = job
        return (
            f"[{self.done:>{len(str(total))}}/{total}] {scenario:<22} {rule} "
            f"({self.clock() - self.t0:.0f} s)"
        )

    def bar(self, width: int) -> str:
        """One terminal line of at most ``width`` characters: a bar, the count, the
        elapsed time and the jobs running."""
        total = max(self.total, self.done, 1)
        cells = 20
        full = cells * self.done // total
        head = (
            f"[{'#' * full}{'-' * (cells - full)}] {self.done}/{total} "
            f"{self.clock() - self.t0:.0f} s"
        )
        running = ", ".join(f"{s} {r}".strip() for s, r in self.running.values())
        line = f"{head}  {running}" if running else head
        return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def summary(scenarios, selected, ok: bool, built=(), log=None) -> str:
    """End-of-build lines: per scenario built in this run (``built``) or selected (in the
    order of ``scenarios``), its paper, the ledger's verdicts (by basis, evidence and cause)
    and, for a fork, the rows and conclusions that differ from the default build's; on
    failure, where the logs are; ``log``: Snakemake's full log of the run."""
    lines = []
    built = set(built)
    for name in (s for s in scenarios if s in built or s in selected):
        ledger = Path("results") / name / "claims.json"
        pdf = "paper/main.pdf" if name == "default" else f"results/{name}/paper/main.pdf"
        if ledger.exists() and Path(pdf).exists():
            built_ledger = json.loads(ledger.read_text(encoding="utf-8"))
            verdict = built_ledger["summary"]
            changes = built_ledger.get("changes_from_default")
            if changes:  # a fork: what it changes against the default build
                verdict += f"; against the default build: {changes}"
            lines.append(f"{name}: {pdf}\n  {verdict} — see {ledger.with_suffix('.md')}")
    where = f"full log: {_relative(log)}" if log else "no full log (Snakemake wrote none)"
    if not ok:
        lines.append(f"build failed: the failing job's log is shown above; {where}")
    else:
        lines.append(where)
    return "\n".join(lines)


def _relative(path) -> str:
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def finish(scenarios, selected, ok: bool, log=()) -> None:
    """From ``onsuccess:``/``onerror:``: log the end of the build. The plugin prints
    :func:`summary` with the scenarios it saw built; any other handler (Snakemake's full
    log file) gets the summary of the selected scenarios."""
    from snakemake.logging import logger

    request = {
        "scenarios": list(scenarios),
        "selected": list(selected),
        "ok": ok,
        "log": next(iter(log or ()), None),
    }
    logger.info(summary(**request), extra={SUMMARY_REQUEST: request})
