"""Generate environment.yml (conda) from uv.lock so both pin the same versions.

    python tools/environment_yml.py > environment.yml

conda users get the lock's versions for Python 3.11 (the oldest supported), installed by pip
inside a conda env; tests/test_environment.py fails when the committed file drifts.

The file installs the dependencies only, never the project itself: Snakemake copies it to
``.snakemake/conda/<hash>.yaml`` and creates the environment there, where a relative ``-e .``
names the wrong directory and an absolute ``file://`` path names one machine. The workflow
makes the package importable instead (workflow/rules/common.smk puts ``src/`` on every job's
``PYTHONPATH``); ``conda activate`` users run ``pip install -e .`` in the checkout.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "3.11.7"


def _applies(package: dict) -> bool:
    markers = package.get("resolution-markers")
    if not markers:
        return True
    env = {"python_full_version": PYTHON, "python_version": PYTHON.rsplit(".", 1)[0]}
    return any(Marker(m).evaluate(env) for m in markers)


def locked_versions(lock_path=ROOT / "uv.lock") -> dict[str, str]:
    """Version of every locked package for Python :data:`PYTHON`."""
    lock = tomllib.loads(Path(lock_path).read_text(encoding="utf-8"))
    return {
        p["name"]: p["version"]
        for p in lock["package"]
        if _applies(p) and p["source"].get("registry")
    }


def direct_dependencies(pyproject=ROOT / "pyproject.toml") -> list[str]:
    """Names of the build and dev dependencies declared in pyproject.toml."""
    meta = tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))
    reqs = meta["project"]["dependencies"] + meta["dependency-groups"]["dev"]
    return sorted(Requirement(r).name.lower() for r in reqs)


def render() -> str:
    versions = locked_versions()
    lines = [
        "# Generated from uv.lock by tools/environment_yml.py; do not edit by hand.",
        "# Dependencies only (the Snakemake rules' conda: env); to work in the checkout:",
        "# conda env create -f environment.yml && conda activate inference-scaling",
        "# && pip install --no-deps -e .",
        "name: inference-scaling",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={PYTHON.rsplit('.', 1)[0]}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={versions[name]}" for name in direct_dependencies()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
