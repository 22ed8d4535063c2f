"""Two clean builds, in two different directories, give byte-identical outputs."""

import hashlib

import pytest
from test_workflow import _copy_project, _snakemake

pytestmark = pytest.mark.integration
# Logs and benchmarks hold absolute paths and timings; the build's byproducts live in build/.
SKIP_PARTS = {"logs", "benchmarks"}


def _hashes(project):
    out = {}
    for top in ("results", "paper/main.pdf"):
        base = project / top
        if not base.exists():
            continue
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for f in files:
            rel = f.relative_to(project)
            if SKIP_PARTS & set(rel.parts):
                continue
            out[str(rel)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def test_two_clean_builds_are_byte_identical(light_build, tmp_path):
    # The session's light build (conftest.py) is the first; the second is built elsewhere.
    second = _copy_project(tmp_path / "elsewhere" / "second")
    _snakemake(second)
    a, b = _hashes(light_build), _hashes(second)
    assert "paper/main.pdf" in b and "results/default/claims.json" in b
    # Once other tests have used the shared build it holds more (a scenario, report pages):
    # everything the clean build made must be there, byte for byte.
    assert set(b) <= set(a), f"missing from the first build: {sorted(set(b) - set(a))}"
    differing = sorted(k for k in b if a[k] != b[k])
    assert not differing, f"outputs differ between builds: {differing}"
