"""The assumption explorer in a real browser: Voila on a free local port, driven by headless
Chromium through Selenium. Needs Debian's chromium + chromium-driver and the lab dependency
group (`make explore` or `tools/bootstrap-python.sh --group lab`); skips without them.

Moves era.exchange_rate to 0.6, checks the amplified-model claim becomes 10^26.4 with the
verdict "differs", writes a scenario and validates the file; leaves a screenshot (path
printed, outside the repository unless EXPLORER_SCREENSHOT says otherwise).
"""

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from inference_scaling import config

if importlib.util.find_spec("voila") is None:  # not imported here: jupyter_server is slow
    pytest.skip("assumption explorer needs the lab group (make explore)", allow_module_level=True)
pytest.importorskip("selenium", reason="assumption explorer browser test needs the lab group")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless browser test needs Debian's chromium and chromium-driver "
    "(apt-get install chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app(tmp_path):
    """The explorer served by Voila; scenarios go to a temporary directory."""
    port = free_port()
    env = {**os.environ, "EXPLORER_SCENARIOS": str(tmp_path / "scenarios")}
    log = open(tmp_path / "voila.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "inference_scaling.explorer", "--port", str(port)]
        + ["--build-dir", str(tmp_path / "build")],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # Not waited for here: Chromium starts (browser fixture) while Voila boots.
    yield port, tmp_path / "scenarios"
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


@pytest.fixture
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    yield driver
    driver.quit()


def wait_for_port(port: int, log: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"Voila did not listen within {seconds:.0f} s: {log.read_text()[-2000:]}")


def _text(driver, selector) -> str | None:
    """textContent read in one script call: the table is replaced on every update, so a
    located element may be gone before Selenium reads it."""
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e && e.textContent;", selector
    )


def _cell(driver, claim_id, column):
    return _text(driver, f'tr[data-claim="{claim_id}"] td.{column}')


def screenshot_path() -> Path:
    return Path(
        os.environ.get("EXPLORER_SCREENSHOT")
        or Path(tempfile.gettempdir()) / "inference-scaling-explorer.png"
    )


def test_move_exchange_rate_and_write_scenario(app, browser, tmp_path):
    port, scenario_dir = app
    started = time.monotonic()
    wait_for_port(port, tmp_path / "voila.log")
    listening = time.monotonic()
    browser.get(f"http://127.0.0.1:{port}/")
    wait = WebDriverWait(browser, 40, poll_frequency=0.2)
    wait.until(lambda d: _cell(d, "thresholds.amplified", "verdict"))
    assert _cell(browser, "thresholds.amplified", "verdict") == "reproduced"
    loaded = time.monotonic()

    box = browser.find_element(By.CSS_SELECTOR, ".assumption-era-exchange_rate input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("0.6", Keys.ENTER)
    wait.until(lambda d: _cell(d, "thresholds.amplified", "value") == "10^26.4 FLOP")
    assert _cell(browser, "thresholds.amplified", "verdict") == "differs (changed)"
    updated = time.monotonic()
    print(
        f"explorer timing: Voila listening {listening - started:.1f} s, page ready "
        f"{loaded - listening:.1f} s, input -> table in the browser {updated - loaded:.1f} s"
    )

    browser.find_element(By.CSS_SELECTOR, ".scenario-name input").send_keys("browser_check")
    browser.find_element(By.CSS_SELECTOR, ".scenario-description textarea").send_keys(
        "Exchange rate 0.6, written by the browser test."
    )
    browser.find_element(By.CSS_SELECTOR, ".write-scenario").click()
    written = scenario_dir / "browser_check.yaml"
    wait.until(lambda d: f"wrote {written}" in (_text(d, ".scenario-status") or ""))
    values = config.load_assumptions(config.DEFAULT_ASSUMPTIONS, written).values
    assert values["era.exchange_rate"] == 0.6

    # Scroll the ledger (only) so the changed row is in the picture.
    browser.execute_script(
        "const row = document.querySelector(arguments[0]);"
        "const box = document.querySelector('.explorer-ledger-box');"
        "box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top"
        " - box.clientHeight / 3;",
        'tr[data-claim="thresholds.amplified"]',
    )
    shot = screenshot_path()
    browser.save_screenshot(str(shot))
    print(f"explorer screenshot: {shot}")

    # Writing the same name again is refused with the one-line message.
    browser.find_element(By.CSS_SELECTOR, ".write-scenario").click()
    wait.until(lambda d: "exists already" in (_text(d, ".scenario-status") or ""))
