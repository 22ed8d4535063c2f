"""make diff: a commit that changes one assumption reports exactly the claims that use it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_workflow import _copy_project

pytestmark = pytest.mark.integration


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_diff_reports_exactly_the_dependent_claims(tmp_path):
    project = _copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    path = project / "config" / "assumptions.yaml"
    path.write_text(
        path.read_text().replace(
            "  exchange_rate:\n    value: 0.7\n", "  exchange_rate:\n    value: 0.6\n"
        )
    )
    git(project, "commit", "-qam", "lower the exchange rate")
    status_before = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True
    ).stdout
    env = {
        **os.environ,
        "VENV_BIN": str(Path(sys.executable).parent),
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    run = subprocess.run(
        ["tools/review_diff.sh", "HEAD~1"], cwd=project, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]
    ledger = json.loads((project / "results" / "default" / "claims.json").read_text())
    dependent = {r["id"] for r in ledger["claims"] if "era.exchange_rate" in r["inputs"]}
    changed = json.loads((project / "results" / "diff" / "claims_changed.json").read_text())
    assert {r["id"] for r in changed} == dependent
    amplified = next(r for r in changed if r["id"] == "thresholds.amplified")
    assert amplified["before"] == pytest.approx(26.8) and amplified["after"] == pytest.approx(26.4)
    assert (project / "results" / "diff" / "paper-diff.tex").exists()
    worktrees = subprocess.run(
        ["git", "worktree", "list"], cwd=project, capture_output=True, text=True
    ).stdout
    assert len(worktrees.strip().splitlines()) == 1, "temporary worktree left behind"
    status_after = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True
    ).stdout
    assert status_after == status_before


def test_diff_rejects_an_unknown_ref(tmp_path):
    project = _copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    run = subprocess.run(
        ["tools/review_diff.sh", "no-such-ref"], cwd=project, capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr.strip() == "error: diff: 'no-such-ref' is not a commit"
