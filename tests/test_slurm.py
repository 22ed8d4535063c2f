"""The sharded Monte Carlo runs through snakemake-executor-plugin-slurm on a real Slurm.

A single-node Slurm is started for the test (tools/start_slurm.sh; root is needed to install
and start it, and the optional `slurm` dependency group; otherwise the test is skipped with
that reason, or fails under REQUIRE_SLURM=1 as in CI). The merged result must equal
a local single-shard run byte for byte.
"""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_workflow import _copy_project, _snakemake

pytestmark = pytest.mark.integration
SNAKEMAKE = str(Path(sys.executable).parent / "snakemake")


@pytest.fixture(scope="module")
def slurm(tmp_path_factory):
    # CI sets REQUIRE_SLURM=1: there the test must run, so a missing capability fails it.
    required = os.environ.get("REQUIRE_SLURM") == "1"
    if os.geteuid() != 0:
        (pytest.fail if required else pytest.skip)(
            "Slurm needs root to be installed and started on this machine"
        )
    try:
        import snakemake_executor_plugin_slurm  # noqa: F401
    except ImportError:
        (pytest.fail if required else pytest.skip)(
            "the Slurm executor plugin is an optional group: tools/bootstrap-python.sh "
            "--group slurm"
        )
    state = tmp_path_factory.mktemp("slurm")
    run = subprocess.run(
        [str(ROOT / "tools" / "start_slurm.sh"), str(state)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    yield state
    for pid in (state / "pids").read_text().split():
        try:
            os.kill(int(pid), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass
    # A leftover slurm.conf naming this stopped controller would cost every later Snakemake
    # start 10 s (the Slurm plugin asks `scontrol show config` when it is imported).
    original = state / "slurm.conf.orig"
    if original.exists():
        shutil.copy2(original, "/etc/slurm/slurm.conf")
    elif (state / "wrote-slurm.conf").exists():
        Path("/etc/slurm/slurm.conf").unlink(missing_ok=True)


def test_sharded_monte_carlo_through_the_slurm_executor(slurm, tmp_path):
    project = _copy_project(tmp_path / "project")
    # Local single-shard reference, which also builds the ledger the merge needs.
    _snakemake(project, "results/default/uncertainty.json", "--config", "mc_shards=1")
    reference = (project / "results" / "default" / "uncertainty.json").read_bytes()
    (project / "results" / "default" / "uncertainty.json").unlink()
    run = subprocess.run(
        [
            "timeout",
            "-k",
            "10",
            "420",
            SNAKEMAKE,
            "--workflow-profile",
            "profiles/slurm",
            "--config",
            "mc_shards=4",
            "--",
            "results/default/uncertainty.json",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-4000:]
    assert "submitted with SLURM jobid" in log
    assert log.count("rule monte_carlo_shard:") == 4
    assert (project / "results" / "default" / "uncertainty.json").read_bytes() == reference
