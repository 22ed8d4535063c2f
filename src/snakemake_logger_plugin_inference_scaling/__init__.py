"""The project's Snakemake logger plugin: ``snakemake --logger inference-scaling``, which
profiles/default selects for every run.

Snakemake finds logger plugins by their module name (``snakemake_logger_plugin_<name>``
on ``sys.path``; this one ships in the project's own distribution, beside
``inference_scaling``). It is the only handler writing to the terminal:

- in a terminal, a live progress bar (the jobs done and running);
- otherwise one line per finished job, ``[ 3/32] default   plot_o1_aime (1 s)``;
- warnings and errors, a failing job's log included (``show-failed-logs``);
- on Ctrl-C one line, :data:`~inference_scaling.pipeline.buildlog.INTERRUPTED`, instead of
  the stopped jobs' errors and tracebacks;
- at the end, the summary of each scenario built (``buildlog.summary``).

A dry run, ``--verbose`` and ``--debug-dag`` print what Snakemake's own handler would. The
full log is Snakemake's own file (``.snakemake/log/``). What to print is decided in
:mod:`inference_scaling.pipeline.buildlog`; this module only routes the events.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass

from snakemake_interface_logger_plugins.base import LogHandlerBase
from snakemake_interface_logger_plugins.common import LogEvent
from snakemake_interface_logger_plugins.settings import LogHandlerSettingsBase

# How Snakemake reports a Ctrl-C: while jobs run, and before any has started.
_INTERRUPT_MESSAGES = (
    "Terminating processes on user request",
    "Cancelling snakemake on user request",
)
_NOTHING_TO_DO = "Nothing to be done"


@dataclass
class LogHandlerSettings(LogHandlerSettingsBase):
    pass


class LogHandler(LogHandlerBase):
    def __post_init__(self) -> None:
        from snakemake.logging import DefaultFilter, DefaultFormatter

        from inference_scaling.pipeline import buildlog

        settings = self.common_settings
        self.buildlog = buildlog
        self.stream = sys.stdout if settings.stdout else sys.stderr
        self.tty = self.stream.isatty()
        self.progress = buildlog.Progress()
        self.interrupted = False
        self.bar_shown = ""  # the bar on screen, if any
        self.setFormatter(DefaultFormatter(set(), settings.show_failed_logs))
        # Dry runs and debugging: exactly Snakemake's own terminal output.
        self.plain = None
        if settings.dryrun or settings.verbose or settings.debug_dag:
            self.plain = DefaultFilter(
                settings.quiet,
                settings.debug_dag,
                settings.verbose,
                settings.dryrun,
                settings.printshellcmds,
            )
            self.setFormatter(DefaultFormatter(settings.quiet, settings.show_failed_logs))

    # -- output --------------------------------------------------------------------------

    def _clear_bar(self) -> None:
        if self.bar_shown:
            self.stream.write("\r\x1b[K")
            self.bar_shown = ""

    def _draw_bar(self) -> None:
        """Redraw the bar in a terminal, once the run's jobs are known."""
        if not self.tty or self.interrupted or not self.progress.total:
            return
        bar = self.progress.bar(shutil.get_terminal_size((100, 20)).columns - 1)
        if bar != self.bar_shown:
            self.stream.write("\r\x1b[K" + bar)
            self.bar_shown = bar
            self.stream.flush()

    def _say(self, text: str | None, always: bool = True) -> None:
        """Print ``text`` above the bar (``always``: also in a terminal)."""
        if text and (always or not self.tty):
            self._clear_bar()
            self.stream.write(text + "\n")
            self.stream.flush()

    # -- events --------------------------------------------------------------------------

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._emit(record)
        except Exception:
            self.handleError(record)

    def _emit(self, record: logging.LogRecord) -> None:
        if self.plain is not None:
            if self.plain.filter(record):
                self._say(self.format(record))
            return
        if self.interrupted:
            return
        message = str(record.msg or "")
        if message.startswith(_INTERRUPT_MESSAGES):
            self._say(self.buildlog.INTERRUPTED)
            self.interrupted = True
            return
        request = getattr(record, self.buildlog.SUMMARY_REQUEST, None)
        if request is not None:
            self._say(self.buildlog.summary(**request, built=self.progress.scenarios))
            return
        event = getattr(record, "event", None)
        if event == LogEvent.RUN_INFO:
            self.progress.plan(getattr(record, "stats", {}) or {})
        elif event == LogEvent.JOB_INFO:
            line = self.progress.started(
                record.jobid, record.rule_name, getattr(record, "wildcards", {})
            )
            self._say(line, always=False)
        elif event == LogEvent.JOB_FINISHED:
            self._say(self.progress.finished(record.job_id), always=False)
        elif record.levelno >= logging.WARNING or message.startswith(_NOTHING_TO_DO):
            self._say(self.format(record))
        self._draw_bar()

    def close(self) -> None:
        self._clear_bar()
        super().close()

    # -- what Snakemake asks of a plugin ----------------------------------------------

    @property
    def writes_to_stream(self) -> bool:
        return True  # Snakemake's own terminal handler is then left out

    @property
    def writes_to_file(self) -> bool:
        return False

    @property
    def has_filter(self) -> bool:
        return True

    @property
    def has_formatter(self) -> bool:
        return True

    @property
    def needs_rulegraph(self) -> bool:
        return False
