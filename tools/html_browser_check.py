"""Open the HTML edition in headless Chromium (Selenium) and check its links.

    .venv-lab/bin/python tools/html_browser_check.py EDITION_DIR LEDGER_JSON SCREENSHOT

Runs with the lab environment's Python (Selenium; `make lab-env`); tests/test_html_browser.py
calls it. Loads EDITION_DIR/index.html from file:// with every host name unresolvable, then
checks that
- the page shows numbers linked to the ledger, and each linked number agrees with a value
  of its claim in LEDGER_JSON (to the rounding of its printed digits);
- every number link names an anchor that exists on ledger.html;
- every figure's caption links to an existing drawing module, plot script and data file;
- no request left file:// (Chromium's performance log lists every request made).
Saves SCREENSHOT at a phone's width. Exit status 0 when every check passes; else the first
failed check is printed.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from explorer_browser_check import HEADLESS_FLAGS  # tools/ is this script's folder
from selenium import webdriver

CHROMIUM_FLAGS = (
    *HEADLESS_FLAGS,
    # Any host name fails to resolve: a request to the network cannot succeed unnoticed.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--allow-file-access-from-files",
)
LINKS_JS = """
return Array.from(document.querySelectorAll(arguments[0])).map(
  a => [a.getAttribute('href'), a.href, a.textContent.trim()]);
"""
FIGURES_JS = """
return Array.from(document.querySelectorAll('figure.ltx_figure')).map(f => [
  f.querySelectorAll('img').length,
  Array.from(f.querySelectorAll('figcaption a')).map(a => [a.getAttribute('href'), a.href])]);
"""


def shown_number(text: str) -> tuple[float, float] | None:
    """The number a link shows and the half-width of its last printed digit: "1,160" ->
    (1160, 0.5), "26,000" -> (26000, 500). None when it is not a plain number (powers of
    ten are read by the caller from the link's superscript)."""
    text = text.replace(",", "").replace("%", "").replace("\u2212", "-").strip()
    match = re.fullmatch(r"-?\d+(?:\.(\d+))?", text)
    if not match:
        return None
    decimals = len(match.group(1) or "")
    if not decimals:  # "26,000" printed to two significant figures: trailing zeros are places
        integer = text.lstrip("-")
        zeros = len(integer) - len(integer.rstrip("0")) if integer.strip("0") else 0
        return float(text), 0.5 * 10.0**zeros
    return float(text), 0.5 * 10.0**-decimals


def candidates(rec: dict) -> list[float]:
    """Every number a claim's macros may show: value, its ends, extras and the essay's."""
    out = []
    for value in (rec["value"], rec.get("essay_value"), *rec.get("extra", {}).values()):
        if value is None:
            continue
        out += [float(v) for v in (value if isinstance(value, list) else [value])]
    return out


def agrees(shown: float, half_width: float, value: float, percent: bool) -> bool:
    for v in (value, 100 * value) if percent else (value,):
        if abs(v - shown) <= half_width * 1.0001 + 1e-12:
            return True
        # significant-figure formats drop trailing zeros ("1.5" for 1.50)
        if v and abs(v - shown) / abs(v) < 0.005:
            return True
    return False


def check_numbers(driver, ledger: dict) -> int:
    records = {rec["id"]: rec for rec in ledger["claims"]}
    links = driver.execute_script(LINKS_JS, 'a[href^="ledger.html#claim-"]')
    assert len(links) >= 50, f"only {len(links)} numbers link to the ledger"
    powers = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"ledger.html#claim-\"]'))"
        ".map(a => { const s = a.querySelector('sup'); return s ? s.textContent : null; });"
    )
    checked = 0
    for (href, _, text), power in zip(links, powers, strict=True):
        claim_id = href.split("#claim-", 1)[1]
        assert claim_id in records, f"{href}: no such claim in the ledger"
        values = candidates(records[claim_id])
        if power is not None:  # a * 10^k, or 10^k
            mantissa = text[: len(text) - len(power)].rstrip("10").rstrip("×").strip()
            exponent = float(power.replace("\u2212", "-"))
            m = float(mantissa) if mantissa else 1.0
            shown = m * 10**exponent
            ok = any(v > 0 and abs(math.log10(v) - math.log10(shown)) < 0.06 for v in values)
            assert ok, f"{href}: shows {text!r}, the ledger has {values}"
            checked += 1
            continue
        ends = re.split(r"[\u2013-](?=\d)", text) if re.search(r"\d[\u2013]\d", text) else [text]
        for end in ends:
            parsed = shown_number(end)
            if parsed is None:
                continue
            ok = any(agrees(*parsed, v, "%" in text) for v in values)
            assert ok, f"{href}: shows {text!r}, the ledger has {values}"
            checked += 1
    assert checked >= 50, f"only {checked} linked numbers could be read"
    return len(links)


def check_anchors(driver, edition: Path) -> None:
    hrefs = {h for h, _, _ in driver.execute_script(LINKS_JS, 'a[href^="ledger.html#"]')}
    driver.get((edition / "ledger.html").as_uri())
    ids = set(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('[id]')).map(e => e.id);"
        )
    )
    missing = sorted(h for h in hrefs if h.split("#", 1)[1] not in ids)
    assert not missing, f"number links without a ledger entry: {missing[:5]}"
    inputs = driver.execute_script(LINKS_JS, 'a[href^="assumptions.html#"]')
    driver.get((edition / "assumptions.html").as_uri())
    ids = set(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('[id]')).map(e => e.id);"
        )
    )
    missing = sorted({h for h, _, _ in inputs if h.split("#", 1)[1] not in ids})
    assert inputs and not missing, f"assumption links without an entry: {missing[:5]}"


def local_file(url: str) -> Path:
    parsed = urlparse(url)
    assert parsed.scheme == "file", f"not a local file: {url}"
    return Path(unquote(parsed.path))


def check_figures(driver) -> int:
    # Figures drawn by the pipeline are images; a TikZ diagram of the paper is drawn in place.
    figures = [f for f in driver.execute_script(FIGURES_JS) if f[0]]
    assert len(figures) >= 9, f"only {len(figures)} figures with an image"
    for number, (_, links) in enumerate(figures, 1):
        targets = [local_file(url) for _, url in links]
        kinds = {
            "drawing function": [t for t in targets if "/publish/figures/" in t.as_posix()],
            "script": [t for t in targets if t.name.startswith("plot_")],
        }
        for kind, found in kinds.items():
            assert found, f"figure {number}: caption links to no {kind}: {links}"
        for target in targets:
            assert target.is_file(), f"figure {number}: link to a missing file {target}"
    return len(figures)


def check_offline(driver) -> None:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    # chrome:// is the browser's own new-tab page, served from inside Chromium.
    outside = [u for u in urls if urlparse(u).scheme not in ("file", "data", "about", "chrome")]
    assert urls, "the performance log recorded no request"
    assert not outside, f"requests leaving the machine: {outside[:5]}"


def main(edition, ledger_json, screenshot) -> int:
    edition, screenshot = Path(edition).resolve(), Path(screenshot)
    ledger = json.loads(Path(ledger_json).read_text(encoding="utf-8"))
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        print("error: needs Debian's chromium and chromium-driver", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'chromium'}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(chromedriver))
        try:
            driver.set_window_size(1280, 900)
            driver.get((edition / "index.html").as_uri())
            numbers = check_numbers(driver, ledger)
            figures = check_figures(driver)
            check_offline(driver)
            driver.set_window_size(412, 900)  # a phone
            width = driver.execute_script("return document.documentElement.scrollWidth;")
            driver.save_screenshot(str(screenshot))
            assert width <= 430, f"the page is {width} px wide on a 412 px phone"
            check_anchors(driver, edition)
        except Exception as exc:
            print(f"HTML edition check failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        finally:
            driver.quit()
    print(f"HTML edition: {numbers} linked numbers, {figures} figures linked to their code")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
