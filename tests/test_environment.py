"""The conda environment file pins exactly what uv.lock pins."""

import importlib.util
from pathlib import Path

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "environment_yml", ROOT / "tools" / "environment_yml.py"
)
environment_yml = importlib.util.module_from_spec(spec)
spec.loader.exec_module(environment_yml)


def test_environment_yml_matches_the_lock():
    committed = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert committed == environment_yml.render(), (
        "environment.yml drifted from uv.lock: run "
        "`.venv/bin/python tools/environment_yml.py > environment.yml`"
    )


def test_every_direct_dependency_is_pinned():
    versions = environment_yml.locked_versions()
    for name in environment_yml.direct_dependencies():
        assert name in versions, name


def test_build_environment_avoids_the_jupyter_metapackage():
    # rfc3987-syntax (pulled by the `jupyter` metapackage) costs ~4.4 s per nbformat import.
    assert importlib.util.find_spec("rfc3987_syntax") is None


def test_environment_yml_names_no_local_path():
    # Snakemake creates the env from a copy in .snakemake/conda/: a relative "-e ." or a
    # file:// path would point at the wrong place, so only pinned PyPI requirements may appear.
    import yaml
    from packaging.requirements import Requirement

    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert set(env) == {"name", "channels", "dependencies"}
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    for line in pip:
        req = Requirement(line)
        assert req.url is None and str(req.specifier).startswith("=="), line
    assert "inference-scaling" not in {Requirement(line).name for line in pip}


def test_conda_dry_run_resolves_the_env_and_uses_its_python(tmp_path):
    # Conda channels are unreachable here and conda is not installed: a stub answers
    # Snakemake's version and configuration checks, so this shows only that the conda:
    # directive resolves and that shell jobs then call the env's `python`, not .venv's.
    import os
    import subprocess
    import sys

    stub = tmp_path / "conda"
    stub.write_text(
        '#!/bin/sh\ncase "$*" in\n'
        '  *--version*) echo "conda 24.11.0";;\n'
        '  *channel_priority*) echo \'{"get": {"channel_priority": "strict"}}\';;\n'
        f'  *info*) echo \'{{"conda_prefix": "{tmp_path}", "envs_dirs": [], '
        '"platform": "linux-64"}\';;\n'
        "  *) exit 1;;\nesac\n"
    )
    stub.chmod(0o755)
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "snakemake"),
            "-n",
            "-p",
            "--sdm",
            "conda",
            "--cores",
            "1",
            "--forcerun",
            "run_arc_agi_notebook",
            "results/default/notebooks/arc_agi.executed.ipynb",
        ],
        cwd=ROOT,
        env={**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert (
        "Shell command: python -m inference_scaling.publish.figures.notebooks execute"
        in run.stdout + run.stderr
    )
