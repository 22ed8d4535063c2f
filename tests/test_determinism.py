"""Two clean builds, in two different directories, give byte-identical outputs."""

import hashlib
import shutil

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


def test_two_clean_builds_are_byte_identical(tmp_path):
    first = _copy_project(tmp_path / "first")
    second = _copy_project(tmp_path / "elsewhere" / "second")
    _snakemake(first)
    _snakemake(second)
    a, b = _hashes(first), _hashes(second)
    assert "paper/main.pdf" in a and "results/default/claims.json" in a
    differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    assert not differing, f"outputs differ between builds: {differing}"
    shutil.rmtree(first / "build")
