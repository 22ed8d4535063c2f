"""Shared fixtures: the project root, a computed ledger, the default build; and, under
``CI=1``, no test may skip unless it is on the allow-list below."""

import dataclasses
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def tracked_files() -> list[str]:
    """The checkout's files that git tracks or would track (not ignored), relative paths."""
    return subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def shared(fixture_name: str, config) -> str:
    """The scope of the fixtures the computing tests share: the session, except while
    mutmut collects its statistics (``MUTANT_UNDER_TEST=stats``). It credits a function to
    the tests that ran it, and a session fixture runs in the first test's setup only: every
    other test reading its result would never be picked to run against the function's
    mutants. There each test computes its own."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "session"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope=shared)
def assumptions():
    from inference_scaling.pipeline.config import load_assumptions

    return load_assumptions(ROOT / "config" / "assumptions.yaml")


@pytest.fixture(scope=shared)
def growth(assumptions):
    """The growth fits, computed the way the fit_pretrain_growth job does."""
    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    v = assumptions.values
    return era.fit_domains(
        datasets.notable_models(),
        int(v["era.frontier_top_n"]),
        v["era.fit_start_year"],
        v["era.fit_end_year"],
        v["era.fit_confidence"],
    )


@pytest.fixture(scope=shared)
def uncertainty(assumptions):
    from inference_scaling.pipeline.config import load_uncertainty

    return load_uncertainty(ROOT / "config" / "uncertainty.yaml", assumptions)


@pytest.fixture(scope=shared)
def grid(assumptions):
    """A coarse growth-fit grid (ends of each range and the defaults), computed the way the
    fit_growth_grid job computes the full one: tests need its structure, not all of its
    points, and the full grid takes seconds. The golden files use the same grid."""
    from inference_scaling.review.golden import coarse_grid

    return coarse_grid(assumptions)


@pytest.fixture(scope=shared)
def facts(growth, grid):
    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    return {
        **datasets.ledger_facts(json.loads(json.dumps(growth))),
        **era.spread_facts(grid["spread"]),
    }


@pytest.fixture(scope=shared)
def ledger(assumptions, facts):
    from inference_scaling.ledger import claims

    return claims.build_ledger(assumptions.values, facts)


@pytest.fixture(scope="session")
def light_build(tmp_path_factory):
    """A throwaway copy of the checkout, built once per session with the small Monte Carlo
    of ``test_workflow.LIGHT_UNCERTAINTY``: the workflow tests read it (or edit it and
    restore it), and the determinism test compares it with a second clean build."""
    from test_workflow import _copy_project, _snakemake  # noqa: PLC0415 - a test module

    project = _copy_project(tmp_path_factory.mktemp("light") / "project")
    _snakemake(project)
    return project


@pytest.fixture(scope="session")
def default_build():
    """The default scenario built in this checkout: ``make all`` brings results/default/
    and paper/main.pdf up to date (a no-op after `make test`'s own build). Returns
    results/default."""
    run = subprocess.run(
        ["make", "--no-print-directory", "all"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, f"make all failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    return ROOT / "results" / "default"


# --- CI: a skip is a failure --------------------------------------------------------------------

#: Tests that may skip under CI=1, by node id (without parameters), each with the reason.
#: Anything else that skips in CI fails the run.
ALLOWED_SKIPS = {
    "tests/test_explorer.py::test_serve_says_how_to_get_voila_when_it_is_missing": (
        "CI builds .venv-lab with Voila for the browser test, so the message for a missing "
        "Voila cannot be shown there; it runs wherever Voila is absent"
    ),
    "tests/test_make_and_jobs.py::test_plain_snakemake_start_imports_no_pandas": (
        "CI installs the optional slurm group for test_slurm.py, whose plugin imports "
        "pandas; the start without it is checked wherever the group is absent"
    ),
}


def skip_is_allowed(nodeid: str) -> bool:
    return nodeid.split("[", 1)[0] in ALLOWED_SKIPS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if (
        os.environ.get("CI") == "1"
        and report.skipped
        and not hasattr(report, "wasxfail")
        and not skip_is_allowed(item.nodeid)
    ):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"skipped under CI=1, where every test must run ({reason}); make it run, or add "
            "it to ALLOWED_SKIPS in tests/conftest.py with the reason"
        )


# --- parallel runs: `make test` is `pytest -n CORES` ---------------------------------------

#: Modules whose tests build, serve, or start Snakemake (a dry run, the linter, its API) in
#: this checkout rather than in a copy, or read the checkout's build (``default_build``): one
#: Snakemake (or uv) at a time may run in a directory, and a dry run locks it too, so they
#: run one after another on one worker.
CHECKOUT = {
    "test_arxiv.py",
    "test_docs_paths.py",
    "test_environment.py",
    "test_explorer_browser.py",
    "test_figures.py",
    "test_html_browser.py",
    "test_lab.py",
    "test_lint.py",
    "test_paper.py",
    "test_scenario_papers.py",
    "test_tables.py",
}
#: Modules that read the session's light build: on one worker, which builds it once.
LIGHT_BUILD = {"test_determinism.py", "test_workflow.py"}

#: The groups that take a minute or more on two cores: a worker starts them first, so that no
#: long group is left running alone at the end.
LONGEST_FIRST = (
    "test_review_diff.py",
    "test_interrupt_offline.py",
    "checkout",
    "test_slurm.py",
    "light build",
    "test_contributing.py",
)


def xdist_group(module: str) -> str:
    """The group a test module's tests run in under pytest-xdist: the checkout's, the light
    build's, or its own (a module's fixtures are then built once)."""
    if module in CHECKOUT:
        return "checkout"
    return "light build" if module in LIGHT_BUILD else module


def pytest_xdist_make_scheduler(config, log):
    """Whole groups go to a worker (pytest-xdist's scope scheduling, with the groups above
    as scopes)."""
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 - only under xdist

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return xdist_group(Path(nodeid.split("::", 1)[0]).name)

    return GroupScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """A test that reads a shared build must be in a module of its group (else two workers
    would build in the checkout at once); under xdist the longest groups go first."""
    for item in items:
        for fixture, modules in (("default_build", CHECKOUT), ("light_build", LIGHT_BUILD)):
            if fixture in item.fixturenames and item.path.name not in modules:
                raise pytest.UsageError(
                    f"{item.nodeid}: uses {fixture}; add {item.path.name} to "
                    f"{'CHECKOUT' if fixture == 'default_build' else 'LIGHT_BUILD'} in "
                    "tests/conftest.py"
                )
    if os.environ.get("PYTEST_XDIST_WORKER"):  # every worker sorts alike: the order is fixed
        rank = {group: i for i, group in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(xdist_group(item.path.name), len(rank)))


__all__ = ["dataclasses", "np"]
