"""The HTML edition in a real browser: `make html` builds results/default/html/ (LaTeXML), then
headless Chromium opens it from file:// with every host name unresolvable
(tools/html_browser_check.py, run with the lab environment's Python, which has Selenium).

It checks that the numbers are shown and linked, that each number link lands on an entry of
ledger.html, that each figure links to its drawing code and data, and that the page asks for
nothing beyond the machine. Skips where Debian's chromium and chromium-driver are absent.
The screenshot goes to $HTML_SCREENSHOT or the temporary directory, never the repository.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT

LAB_PYTHON = ROOT / ".venv-lab" / "bin" / "python"
EDITION = ROOT / "results" / "default" / "html"
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not (shutil.which("chromium") and shutil.which("chromedriver")),
        reason="the HTML edition's browser test needs Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver)",
    ),
]


def test_html_edition_links_every_number_and_figure():
    cores = os.environ.get("CORES", "2")
    subprocess.run(["make", "--no-print-directory", "html", f"CORES={cores}"], cwd=ROOT, check=True)
    subprocess.run(["make", "--no-print-directory", "lab-env"], cwd=ROOT, check=True)
    screenshot = Path(
        os.environ.get("HTML_SCREENSHOT")
        or Path(tempfile.gettempdir()) / "inference-scaling-html-edition.png"
    )
    run = subprocess.run(
        [str(LAB_PYTHON), str(ROOT / "tools" / "html_browser_check.py"), str(EDITION)]
        + [str(ROOT / "results" / "default" / "claims.json"), str(screenshot)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    print(run.stdout, f"HTML edition screenshot: {screenshot}", sep="")
    assert run.returncode == 0, run.stderr[-4000:]
    assert screenshot.stat().st_size > 0
