"""Hardening: the build runs offline, and a build killed at any point finishes on re-run.

The reference is a clean `make` run with no network (a fresh network namespace with only
loopback, which the notebook kernels need, or a socket guard where namespaces are not
available). Interrupted builds are `make` runs killed with SIGINT (what Ctrl-C sends to the
terminal's process group) or SIGKILL (a crash: Snakemake and its jobs die at once, leaving
its lock and incomplete-output markers behind) at several points of the DAG, then re-run;
their outputs must be byte-identical to the reference.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import ROOT
from test_determinism import _hashes
from test_workflow import _copy_project

pytestmark = pytest.mark.integration
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
# -o: the environment is the one this test runs in; never re-sync it from inside a build.
MAKE = ["make", "--no-print-directory", "-o", ".venv/.synced", "CORES=2"]

# Refuses every connection that leaves the machine, in every Python process of the build.
SOCKET_GUARD = textwrap.dedent(
    """
    import socket

    def _local(address):
        if not isinstance(address, tuple):  # a Unix socket path
            return True
        return str(address[0]) in {"127.0.0.1", "::1", "localhost"}

    _connect = socket.socket.connect

    def connect(self, address):
        if not _local(address):
            raise OSError(f"network access blocked by the offline test: {address}")
        return _connect(self, address)

    socket.socket.connect = connect
    socket.socket.connect_ex = lambda self, address: connect(self, address) or 0
    """
)


def _project(dest):
    # The full Monte Carlo: the kill points are progress lines of a build long enough that
    # each is reached before the jobs after it finish.
    project = _copy_project(dest, light=False)
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def _namespaces_work():
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    probe = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], capture_output=True)
    return probe.returncode == 0


def _offline(cmd, guard_dir):
    """``cmd`` wrapped so that it cannot reach the network, and the environment to run it in.
    With REQUIRE_NETNS=1 (CI) a machine without network namespaces fails instead of falling
    back to the socket guard."""
    if os.environ.get("REQUIRE_NETNS") == "1" and not _namespaces_work():
        pytest.fail("REQUIRE_NETNS=1 but `unshare -n` does not work here")
    if _namespaces_work():
        script = "ip link set lo up && exec " + " ".join(map(_quote, cmd))
        return ["unshare", "-n", "sh", "-c", script], ENV
    (guard_dir / "sitecustomize.py").write_text(SOCKET_GUARD)
    path = os.pathsep.join(filter(None, [str(guard_dir), ENV.get("PYTHONPATH")]))
    return cmd, {**ENV, "PYTHONPATH": path}


def _quote(arg):
    return "'" + arg.replace("'", "'\\''") + "'"


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory):
    project = _project(tmp_path_factory.mktemp("offline") / "project")
    guard = tmp_path_factory.mktemp("guard")
    probe = "import socket; socket.create_connection(('1.1.1.1', 53), timeout=3)"
    cmd, env = _offline([sys.executable, "-c", probe], guard)
    mode = "network namespace (unshare -n)" if cmd[0] == "unshare" else "socket guard"
    print(f"offline test mode: {mode}")
    sys.stderr.write(f"offline test mode: {mode}\n")
    blocked = subprocess.run(cmd, env=env, capture_output=True, text=True)
    cmd, env = _offline(MAKE, guard)
    run = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    return project, blocked, run


def test_the_sandbox_really_blocks_the_network(offline_build):
    _, blocked, _ = offline_build
    assert blocked.returncode != 0, "the offline sandbox let a connection through"


def test_build_completes_without_network(offline_build):
    project, _, run = offline_build
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (project / "paper" / "main.pdf").is_file()
    assert " claims — " in run.stdout + run.stderr  # the build's closing ledger summary


def _make_killed(project, pattern, sig, delay):
    """Start `make`, wait for a progress line matching ``pattern``, then after
    ``delay`` seconds send ``sig`` to make and every process it started; returns what
    the build printed after that."""
    proc = subprocess.Popen(
        MAKE,
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if re.search(pattern, line):
            time.sleep(delay)
            os.killpg(proc.pid, sig)
            break
    after = proc.stdout.read()
    proc.wait(timeout=120)
    assert proc.returncode != 0, f"no line matched {pattern!r}:\n{''.join(seen)[-3000:]}"
    return after


# (progress line to wait for, seconds to wait after it): the growth fit done, a figure done,
# a notebook done, and the start of a run that has (at least) LaTeX left. A re-run resumes,
# so each point is reached in a later run.
KILL_POINTS = [
    (r"\] default +fit_pretrain_growth \(", 0.8),
    (r"\] default +plot_\w+ \(", 1.0),
    (r"\] default +run_\w+_notebook \(", 1.5),
    (r"== default: started", 2.0),
]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_killed_builds_finish_identical_to_a_clean_build(sig, offline_build, tmp_path):
    reference, _, clean = offline_build
    assert clean.returncode == 0
    project = _project(tmp_path / "project")
    for pattern, delay in KILL_POINTS:
        _make_killed(project, pattern, sig, delay)
    if sig == signal.SIGKILL:
        # A crash leaves Snakemake's lock behind; `make` must not ask for `--unlock`.
        assert list((project / ".snakemake" / "locks").glob("*")), "no stale lock to recover"
    final = subprocess.run(MAKE, cwd=project, env=ENV, capture_output=True, text=True)
    assert final.returncode == 0, final.stdout[-3000:] + final.stderr[-3000:]
    expected, got = _hashes(reference), _hashes(project)
    differing = sorted(k for k in expected.keys() | got.keys() if expected.get(k) != got.get(k))
    assert not differing, f"outputs differ from a clean build after {sig.name}: {differing}"


def test_a_second_concurrent_build_is_refused(offline_build):
    project, _, _ = offline_build
    lock = project / ".snakemake" / "make.lock"
    holder = subprocess.Popen(["flock", str(lock), "sleep", "30"])
    try:
        time.sleep(0.5)
        run = subprocess.run(MAKE, cwd=project, env=ENV, capture_output=True, text=True)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode != 0
    assert "another build is running" in run.stderr


def test_ctrl_c_prints_one_line(tmp_path):
    """Ctrl-C in a terminal sends SIGINT to make, Snakemake and every job at once: the build
    stops with one line and no tracebacks (the stopped jobs' logs are not shown)."""
    project = _copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(ROOT / ".venv")
    # "== default: started" is printed as the first job starts; SIGINT while it runs.
    after = _make_killed(project, r"== default: started", signal.SIGINT, 1.0)
    lines = after.splitlines()
    # Jobs that finished in the second before the signal print their progress lines first.
    assert lines and lines[-1] == "interrupted; run `make` to resume", after[-3000:]
    progress = re.compile(r"\[ *\d+/\d+\] ")
    assert all(progress.match(line) for line in lines[:-1]), after[-3000:]
