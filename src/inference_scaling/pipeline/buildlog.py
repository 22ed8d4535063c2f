"""What a build prints: one progress line per job, start and end lines per scenario, and the
full Snakemake log kept in results/logs/snakemake.log.

The Snakefile calls :func:`attach` from ``onstart:`` (the DAG is known then) and
:func:`summary` from ``onsuccess:``/``onerror:``. The terminal stays quiet (the default
profile sets ``quiet: [rules, host, progress]``); these handlers see every record anyway,
because Snakemake filters per handler.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

FULL_LOG = Path("results/logs/snakemake.log")


def _event(record) -> str:
    event = getattr(record, "event", None)
    return getattr(event, "value", str(event or ""))


class Terminal(logging.Handler):
    """Prints ``[ k/n] scenario  rule`` as each job finishes and a line when a scenario's
    first job starts and when its last one ends; with ``echo`` (Snakemake itself prints
    nothing: ``quiet: all``) also warnings, errors (a failing job's log included) and
    "Nothing to be done"."""

    def __init__(self, echo: bool, stream=None):
        super().__init__(logging.INFO)
        self.echo = echo
        self.stream = stream or sys.stderr
        self.jobs: dict[int, tuple[str, str]] = {}
        self.started: set[str] = set()
        self.formatter_ = None

    def start(self, jobs: dict[int, tuple[str, str]], formatter) -> None:
        self.jobs = jobs  # jobid -> (scenario, rule)
        self.total = len(jobs)
        self.left: dict[str, int] = {}
        for scenario, _ in jobs.values():
            self.left[scenario] = self.left.get(scenario, 0) + 1
        self.started: set[str] = set()
        self.done = 0
        self.t0 = time.monotonic()
        self.formatter_ = formatter

    def _say(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def emit(self, record) -> None:
        event = _event(record)
        if event == "job_info" and self.jobs:
            job = self.jobs.get(getattr(record, "jobid", None))
            if job and job[0] and job[0] not in self.started:
                self.started.add(job[0])
                self._say(f"== {job[0]}: started ({self.left[job[0]]} jobs)")
        elif event == "job_finished" and self.jobs:
            job = self.jobs.get(getattr(record, "job_id", None))
            if job is None:
                return
            scenario, rule = job
            self.done += 1
            width = len(str(self.total))
            elapsed = time.monotonic() - self.t0
            self._say(
                f"[{self.done:>{width}}/{self.total}] {scenario:<22} {rule} ({elapsed:.0f} s)"
            )
            self.left[scenario] -= 1
            if scenario and self.left[scenario] == 0:
                self._say(f"== {scenario}: finished")
        elif self.echo and (
            record.levelno >= logging.WARNING or "Nothing to be done" in str(record.msg)
        ):
            formatter = self.formatter_ or logging.Formatter("%(message)s")
            text = formatter.format(record)
            if text:
                self._say(text)


_TERMINAL: list[Terminal] = []


def install(workflow) -> None:
    """At parse time: the terminal handler (once per process)."""
    if _TERMINAL:
        return
    quiet = {str(q).lower() for q in (workflow.output_settings.quiet or ())}
    terminal = Terminal(echo=any("all" in q for q in quiet))
    logging.getLogger("snakemake.logging").addHandler(terminal)
    _TERMINAL.append(terminal)


# Target rules: they run nothing, so they are not counted.
TARGET_RULES = {"all", "compare", "report"}


def _scenario_of(job) -> str:
    """The scenario a job belongs to ("" for the comparison, which spans them all)."""
    if job.rule.name == "publish_paper":
        return "default"
    return dict(job.wildcards.items()).get("scenario", "")


def attach(workflow) -> None:
    """At the start of a run (onstart:): the jobs to follow and the full log file."""
    from snakemake.logging import DefaultFormatter

    install(workflow)
    dag = workflow.dag
    jobs = {
        dag.jobid(job): (_scenario_of(job), job.rule.name)
        for job in dag.needrun_jobs()
        if job.rule.name not in TARGET_RULES
    }
    formatter = DefaultFormatter(set(), True)
    _TERMINAL[0].start(jobs, formatter)
    FULL_LOG.parent.mkdir(parents=True, exist_ok=True)
    full = logging.FileHandler(FULL_LOG, mode="w", encoding="utf-8")
    full.setFormatter(formatter)
    full.setLevel(logging.INFO)
    logging.getLogger("snakemake.logging").addHandler(full)


def summary(scenarios, selected, ok: bool) -> str:
    """End-of-build lines: per scenario built in this run or selected (in the order of
    ``scenarios``), its paper, the ledger's verdicts (by basis, evidence and cause) and, for a
    fork, the rows and conclusions that differ from the default build's; on failure, where
    the logs are."""
    lines = []
    built = set(_TERMINAL[0].started) if _TERMINAL else set()
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
    if not ok:
        lines.append(f"build failed: the failing job's log is shown above; full log {FULL_LOG}")
    else:
        lines.append(f"full log: {FULL_LOG}")
    return "\n".join(lines)
