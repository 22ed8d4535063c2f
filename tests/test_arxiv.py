"""The submission bundle unpacks into an empty directory and compiles with pdflatex alone."""

import subprocess
import sys
import tarfile

import pytest
from conftest import ROOT

pytestmark = pytest.mark.integration


def test_bundle_compiles_with_pdflatex_alone(default_build, tmp_path):
    # The bundle only reads the build (the checkout's, shared by the session): it is
    # written and unpacked in tmp_path.
    project = ROOT
    out = tmp_path / "arxiv.tar.gz"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "inference_scaling.publish.arxiv",
            str(out),
            str(project / "paper"),
            str(project / "results" / "default"),
            str(project / "build" / "latex" / "default" / "figures"),
            str(project / "build/latex/default/main.bbl"),
        ],
        cwd=project,
        check=True,
        capture_output=True,
    )
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    with tarfile.open(out) as tar:
        names = tar.getnames()
        tar.extractall(unpacked, filter="data")
    assert {"main.tex", "main.bbl", "claims.tex", "provenance.tex"} <= set(names)
    for _ in range(2):
        run = subprocess.run(
            [
                "pdflatex",
                "-interaction=nonstopmode",
                "-halt-on-error",
                "-no-shell-escape",
                "main.tex",
            ],
            cwd=unpacked,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout[-2000:]
    log = (unpacked / "main.log").read_text(errors="replace")
    assert "Citation" not in log or "undefined" not in log
    assert (unpacked / "main.pdf").stat().st_size > 10_000
