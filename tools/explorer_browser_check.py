"""Drive the assumption explorer in headless Chromium through Selenium.

    .venv-lab/bin/python tools/explorer_browser_check.py SCENARIO_DIR SCREENSHOT

Runs with the lab environment's Python (Voila, ipywidgets, Selenium; `make lab-env`), so the
build environment never carries them; tests/test_explorer_browser.py calls it. Starts the
explorer on a free local port with scenarios read from and written to SCENARIO_DIR, moves
era.exchange_rate to 0.6, checks that thresholds.amplified shows 10^26.4 FLOP with the
verdict "differs", writes the scenario `browser_check`, saves SCREENSHOT and checks that a
second write under the same name is refused; when `make html` has built the HTML edition,
follows a claim's link to its entry there. Exit status 0 when every check passes; else
the first failed check is printed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
# Headless Chromium as root on this closed network: without the background-networking
# flags it keeps trying to reach Google's hosts. tools/html_browser_check.py uses them too.
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_FLAGS = (*HEADLESS_FLAGS, "--window-size=1400,1000")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, server, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"explorer exited with status {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Voila did not listen on port {port} within {seconds:.0f} s")


def text(driver, selector: str) -> str:
    """textContent read in one script call: the table is replaced on every update, so an
    element located first may be gone before Selenium reads it."""
    found = driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e && e.textContent;", selector
    )
    return found or ""


def cell(driver, claim_id: str, column: str) -> str:
    return text(driver, f'tr[data-claim="{claim_id}"] td.{column}')


def check(driver, port: int, scenario_dir: Path, screenshot: Path, started: float) -> None:
    wait = WebDriverWait(driver, 60, poll_frequency=0.2)
    listening = time.monotonic()
    driver.get(f"http://127.0.0.1:{port}/")
    wait.until(lambda d: cell(d, "thresholds.amplified", "verdict"))
    loaded = time.monotonic()
    verdict = cell(driver, "thresholds.amplified", "verdict")
    assert verdict == "reproduced", f"default verdict of thresholds.amplified: {verdict!r}"

    box = driver.find_element(By.CSS_SELECTOR, ".assumption-era-exchange_rate input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("0.6", Keys.ENTER)
    wait.until(lambda d: cell(d, "thresholds.amplified", "value") == "10^26.4 FLOP")
    verdict = cell(driver, "thresholds.amplified", "verdict")
    assert verdict == "differs (changed)", f"verdict at 0.6: {verdict!r}"
    updated = time.monotonic()

    driver.find_element(By.CSS_SELECTOR, ".scenario-name input").send_keys("browser_check")
    driver.find_element(By.CSS_SELECTOR, ".scenario-description textarea").send_keys(
        "Exchange rate 0.6, written by the browser test."
    )
    driver.find_element(By.CSS_SELECTOR, ".write-scenario").click()
    written = scenario_dir / "browser_check.yaml"
    wait.until(lambda d: f"wrote {written}" in text(d, ".scenario-status"))

    # Scroll the ledger (only) so the changed row is in the picture.
    driver.execute_script(
        "const row = document.querySelector(arguments[0]);"
        "const box = document.querySelector('.explorer-ledger-box');"
        "box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top"
        " - box.clientHeight / 3;",
        'tr[data-claim="thresholds.amplified"]',
    )
    driver.save_screenshot(str(screenshot))

    driver.find_element(By.CSS_SELECTOR, ".write-scenario").click()
    wait.until(lambda d: "exists already" in text(d, ".scenario-status"))
    if (ROOT / "results" / "default" / "html" / "ledger.html").is_file():
        check_edition_link(driver, port)
    print(
        f"explorer timing: Voila listening {listening - started:.1f} s, page ready "
        f"{loaded - listening:.1f} s, input -> table in the browser {updated - loaded:.1f} s"
    )


def check_edition_link(driver, port: int) -> None:
    """With the HTML edition built (`make html`), a claim's label links to its entry on the
    edition's ledger page, which the explorer's server serves."""
    href = driver.execute_script(
        "const a = document.querySelector(arguments[0]); return a && a.getAttribute('href');",
        'tr[data-claim="thresholds.amplified"] td a',
    )
    assert href == "voila/files/edition/ledger.html#claim-thresholds.amplified", href
    driver.get(f"http://127.0.0.1:{port}/{href}")
    found = driver.execute_script("return !!document.getElementById('claim-thresholds.amplified');")
    assert found, f"{href}: no such entry on the served ledger page"


def main(scenario_dir, screenshot) -> int:
    scenario_dir, screenshot = Path(scenario_dir), Path(screenshot)
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        print("error: needs Debian's chromium and chromium-driver", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "inference_scaling.explorer.app", "--port", str(port)]
            + ["--build-dir", str(Path(tmp) / "build")],
            env={**os.environ, "EXPLORER_SCENARIOS": str(scenario_dir)},
            stdout=open(Path(tmp) / "voila.log", "w"),  # noqa: SIM115 - closed with the dir
            stderr=subprocess.STDOUT,
        )
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'chromium'}"):
            options.add_argument(flag)
        # Chromium starts while Voila boots.
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(chromedriver))
        try:
            wait_for_port(port, server)
            check(driver, port, scenario_dir, screenshot, started)
        except Exception as exc:  # one line for the test's failure message, then the log
            print(f"explorer check failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            print((Path(tmp) / "voila.log").read_text()[-3000:], file=sys.stderr)
            return 1
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
