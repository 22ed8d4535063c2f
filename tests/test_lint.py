"""Code style and workflow lint are part of the suite."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def run(*cmd):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


# ruff, ruff format, snakefmt and codespell run as pre-commit hooks:
# tests/test_project_files.py::test_pre_commit_hooks_pass.


def test_snakemake_lint_is_clean():
    r = run(str(BIN / "snakemake"), "--lint", "--cores", "1")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Lints for" not in r.stdout, r.stdout


def test_shell_scripts_parse():
    for script in [*ROOT.glob("tools/*.sh"), *ROOT.glob("workflow/scripts/*.sh"), ROOT / ".ci/run"]:
        assert run(shutil.which("bash"), "-n", str(script)).returncode == 0, script
