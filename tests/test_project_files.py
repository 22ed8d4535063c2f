"""The ecosystem's files: licences, citation metadata and the pre-commit hooks."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from conftest import ROOT

BIN = Path(sys.executable).parent


def test_code_licence_is_the_one_pyproject_declares():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert declared == {"text": "MIT"}
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n") and "<year>" not in text
    assert "Inference-scaling reproduction contributors" in text


def test_reuse_names_a_licence_text_for_every_identifier():
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text())
    ids = {a["SPDX-License-Identifier"] for a in reuse["annotations"]}
    assert ids == {"MIT", "CC-BY-4.0"}
    for spdx in ids:
        assert (ROOT / "LICENSES" / f"{spdx}.txt").stat().st_size > 500, spdx
    # Annotations apply last-match-wins: the Epoch files must end up CC BY 4.0 with Epoch AI.
    epoch = [
        a
        for a in reuse["annotations"]
        if "data/epoch_notable_models.csv" in a["path"]
        and "data/epoch_notable_models_pre2018.csv" in a["path"]
    ]
    assert reuse["annotations"][-1] == epoch[0]
    assert epoch[0]["SPDX-License-Identifier"] == "CC-BY-4.0"
    assert "Epoch AI" in epoch[0]["SPDX-FileCopyrightText"]


def test_citation_cff_has_what_the_title_block_reads():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "license", "references"} <= set(cff)
    assert cff["license"] == "MIT"
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])
    essay = next(r for r in cff["references"] if "Inference Scaling Reshapes" in r["title"])
    assert essay["authors"] == [{"family-names": "Ord", "given-names": "Toby"}]
    assert essay["year"] == 2025


def test_pre_commit_hooks_are_local_and_cover_the_checks():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [r["repo"] for r in config["repos"]] == ["local"], "pre-commit cannot clone here"
    hooks = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    assert set(hooks) == {"ruff", "ruff-format", "snakefmt", "codespell", "check-added-large-files"}
    for hook in hooks.values():
        assert hook["entry"].startswith(".venv/bin/"), hook["id"]
        assert (ROOT / hook["entry"].split()[0]).exists(), hook["id"]
    lint = (ROOT / "Makefile").read_text().split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "pre-commit run --all-files" in lint


def test_pre_commit_hooks_pass():
    run = subprocess.run(
        [str(BIN / "pre-commit"), "run", "--all-files"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def _pytest_in(tmp_path, source, ci):
    """Run pytest on one test file in ``tmp_path`` with this suite's conftest as a plugin."""
    (tmp_path / "test_one.py").write_text(source, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(ROOT / "tests")
    if ci:
        env["CI"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider"]
        + ["--rootdir", str(tmp_path), str(tmp_path / "test_one.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )


SKIPPING = "import pytest\n\ndef test_needs_something():\n    pytest.skip('no widget here')\n"


def test_a_skip_fails_under_ci_and_says_why(tmp_path):
    run = _pytest_in(tmp_path, SKIPPING, ci=True)
    assert run.returncode == 1, run.stdout
    assert "skipped under CI=1" in run.stdout and "no widget here" in run.stdout


def test_a_skip_is_a_skip_outside_ci(tmp_path):
    run = _pytest_in(tmp_path, SKIPPING, ci=False)
    assert run.returncode == 0 and "1 skipped" in run.stdout, run.stdout


def test_every_allowed_skip_names_a_real_test_and_a_reason():
    from conftest import ALLOWED_SKIPS

    for nodeid, reason in ALLOWED_SKIPS.items():
        path, name = nodeid.split("::")
        assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), nodeid
        assert len(reason) > 40, nodeid
