"""The assumption explorer in a real browser: Voila on a free local port, driven by headless
Chromium through Selenium (tools/explorer_browser_check.py, run with the lab environment's
Python so the build environment never carries Voila or Selenium).

Moves era.exchange_rate to 0.6, expects the amplified-model claim at 10^26.4 FLOP with the
verdict "differs", writes a scenario, and validates the file here with the project's
validator. Skips where Debian's chromium and chromium-driver are absent. The screenshot goes
to $EXPLORER_SCREENSHOT or the temporary directory (path printed), never the repository.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT

from inference_scaling.pipeline import config

LAB_PYTHON = ROOT / ".venv-lab" / "bin" / "python"
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not (shutil.which("chromium") and shutil.which("chromedriver")),
        reason="explorer browser test needs Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver)",
    ),
]


def test_move_exchange_rate_and_write_scenario(tmp_path):
    subprocess.run(["make", "--no-print-directory", "lab-env"], cwd=ROOT, check=True)
    screenshot = Path(
        os.environ.get("EXPLORER_SCREENSHOT")
        or Path(tempfile.gettempdir()) / "inference-scaling-explorer.png"
    )
    run = subprocess.run(
        [str(LAB_PYTHON), str(ROOT / "tools" / "explorer_browser_check.py")]
        + [str(tmp_path), str(screenshot)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    print(run.stdout, f"explorer screenshot: {screenshot}", sep="")
    assert run.returncode == 0, run.stderr[-4000:]
    values = config.load_assumptions(config.DEFAULT_ASSUMPTIONS, tmp_path / "browser_check.yaml")
    assert values.values["era.exchange_rate"] == 0.6
    assert screenshot.stat().st_size > 0
