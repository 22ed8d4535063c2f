"""What a build prints: the project's Snakemake logger plugin and buildlog's progress."""

import io
import logging

import pytest
from snakemake_interface_logger_plugins.common import LogEvent
from snakemake_interface_logger_plugins.tests import MockOutputSettings, TestLogHandlerBase

from inference_scaling.pipeline import buildlog
from snakemake_logger_plugin_inference_scaling import LogHandler, LogHandlerSettings


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_counts_jobs_without_the_target_rules_and_numbers_each_line():
    clock = Clock()
    progress = buildlog.Progress(clock)
    # 3 jobs in the run's stats, one of them the target rule `all`: 2 to count.
    progress.plan({"compute_claims": 1, "compare_scenarios": 1, "all": 1, "total": 3})
    assert progress.started(7, "compute_claims", {"scenario": "default"}) == ("== default: started")
    assert progress.started(8, "compare_scenarios", {}) is None  # spans every scenario
    assert progress.started(9, "all", {}) is None
    clock.now = 105.2
    assert progress.finished(7) == "[1/2] default                compute_claims (5 s)"
    clock.now = 112.0
    assert progress.finished(8) == "[2/2]                        compare_scenarios (12 s)"
    assert progress.finished(9) is None  # the target rule is not a job of the count
    assert progress.scenarios == ["default"]


def test_publish_paper_belongs_to_the_default_build():
    assert buildlog.scenario_of("publish_paper", {}) == "default"
    assert buildlog.scenario_of("plot_arc_agi", {"scenario": "kaplan"}) == "kaplan"


def test_the_bar_fits_its_width_and_names_the_running_jobs():
    clock = Clock()
    progress = buildlog.Progress(clock)
    progress.plan({"plot_a": 4, "total": 4})
    for jobid in range(3):
        progress.started(jobid, "plot_a", {"scenario": "default"})
    progress.finished(0)
    clock.now = 103.0
    # 1 of 4 done: a quarter of the 20 cells.
    assert progress.bar(200) == "[#####---------------] 1/4 3 s  default plot_a, default plot_a"
    assert len(progress.bar(30)) == 30 and progress.bar(30).endswith("…")


def _record(event=None, msg="", level=logging.INFO, **extra):
    record = logging.LogRecord("snakemake", level, "x.py", 1, msg, (), None)
    if event is not None:
        record.event = event
    for key, value in extra.items():
        setattr(record, key, value)
    return record


class Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def _handler(tty=False, **settings):
    common = MockOutputSettings()
    for key, value in settings.items():
        setattr(common, key, value)
    handler = LogHandler(common, LogHandlerSettings())
    handler.stream = Stream(tty)
    handler.tty = tty
    return handler


def _run(handler):
    handler.handle(_record(LogEvent.RUN_INFO, "Job stats", stats={"plot_a": 2, "total": 2}))
    for jobid in (1, 2):
        handler.handle(
            _record(LogEvent.JOB_INFO, jobid=jobid, rule_name="plot_a", wildcards={"scenario": "s"})
        )
    handler.handle(_record(LogEvent.JOB_FINISHED, job_id=1))


def test_without_a_terminal_one_line_per_finished_job():
    handler = _handler()
    _run(handler)
    handler.handle(_record(msg="some chatter"))  # an info message: not shown
    lines = handler.stream.getvalue().splitlines()
    assert lines[0] == "== s: started"
    assert lines[1].startswith("[1/2] s") and " plot_a (" in lines[1]
    assert len(lines) == 2


def test_in_a_terminal_a_bar_instead_of_lines():
    handler = _handler(tty=True)
    _run(handler)
    out = handler.stream.getvalue()
    assert "\r\x1b[K[##########----------] 1/2" in out
    assert "[1/2]" not in out and "== s: started" not in out
    handler.close()
    assert handler.stream.getvalue().endswith("\r\x1b[K"), "the bar is cleared at the end"


def test_warnings_and_errors_are_shown():
    handler = _handler()
    handler.handle(_record(msg="careful", level=logging.WARNING))
    handler.handle(_record(msg="Nothing to be done (all requested files are present)."))
    assert handler.stream.getvalue().splitlines() == [
        "careful",
        "Nothing to be done (all requested files are present).",
    ]


def test_ctrl_c_gives_one_line_and_hides_the_stopped_jobs_errors():
    handler = _handler()
    handler.handle(_record(msg="Terminating processes on user request, this might take some time."))
    handler.handle(_record(msg="Traceback (most recent call last): ...", level=logging.ERROR))
    handler.handle(_record(**{buildlog.SUMMARY_REQUEST: {"scenarios": [], "selected": []}}))
    assert handler.stream.getvalue() == "interrupted; run `make` to resume\n"


def test_the_summary_lists_the_scenarios_the_run_built(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, pdf in (("s", "results/s/paper/main.pdf"), ("t", "results/t/paper/main.pdf")):
        (tmp_path / pdf).parent.mkdir(parents=True)
        (tmp_path / pdf).write_text("%PDF")
        (tmp_path / "results" / name / "claims.json").write_text('{"summary": "2 claims"}')
    handler = _handler()
    _run(handler)  # builds scenario "s"; "t" is neither built nor selected
    log = tmp_path / ".snakemake" / "log" / "run.snakemake.log"
    request = {"scenarios": ["t", "s"], "selected": [], "ok": True, "log": str(log)}
    handler.handle(_record(msg="summary", **{buildlog.SUMMARY_REQUEST: request}))
    tail = handler.stream.getvalue().splitlines()[-3:]
    assert tail == [
        "s: results/s/paper/main.pdf",
        "  2 claims — see results/s/claims.md",
        "full log: .snakemake/log/run.snakemake.log",
    ]


def test_a_dry_run_prints_what_snakemake_itself_prints():
    handler = _handler(dryrun=True, quiet=None)
    handler.handle(_record(msg="some chatter"))
    assert handler.stream.getvalue() == "some chatter\n"


def test_snakemake_finds_the_plugin_by_its_name():
    from snakemake_interface_logger_plugins.registry import LoggerPluginRegistry

    plugin = LoggerPluginRegistry().get_plugin("inference-scaling")
    assert plugin.log_handler is LogHandler


def test_the_distribution_ships_the_plugin_and_the_profile_selects_it(root):
    import tomllib

    import yaml

    packages = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    assert (
        "src/snakemake_logger_plugin_inference_scaling" in packages["targets"]["wheel"]["packages"]
    )
    profile = yaml.safe_load((root / "profiles" / "default" / "config.yaml").read_text())
    assert profile["logger"] == ["inference-scaling"]


class TestInterface(TestLogHandlerBase):
    """The interface's own checks of a logger plugin."""

    __test__ = True

    def get_log_handler_cls(self):
        return LogHandler

    def get_log_handler_settings(self):
        return LogHandlerSettings()


@pytest.fixture(autouse=True)
def _quiet_stderr(monkeypatch):
    """The interface's checks emit records without a stream of ours: keep them off stderr."""
    monkeypatch.setattr("sys.stderr", io.StringIO())
