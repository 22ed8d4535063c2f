"""Every shipped scenario's paper agrees with its own ledger: the verdict printed beside each
claim, the list of differences, and the sentences whose truth depends on a conclusion.

Builds each scenario's paper in this checkout (results/<scenario>/paper/main.pdf; jobs the
scenario leaves unchanged are the default build's) and reads the PDFs' text.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCENARIOS = ["default", *sorted(p.stem for p in (ROOT / "config" / "scenarios").glob("*.yaml"))]
VERDICT_WORDS = ("reproduced", "differs", "new")


@pytest.fixture(scope="module")
def papers():
    targets = [f"results/{name}/paper/main.pdf" for name in SCENARIOS]
    snakemake = Path(sys.executable).parent / "snakemake"
    subprocess.run(
        [str(snakemake), *targets, "--cores", str(os.cpu_count() or 1)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    out = {}
    for name in SCENARIOS:
        ledger = json.loads((ROOT / "results" / name / "claims.json").read_text("utf-8"))
        text = subprocess.run(
            ["pdftotext", "-layout", str(ROOT / "results" / name / "paper" / "main.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        out[name] = (ledger, text)
    return out


def ledger_table_verdicts(text: str) -> list[str]:
    """The verdict words that end the rows of the ledger table, in order."""
    start = re.search(r"Table \d+: The claims ledger", text)
    assert start, "no ledger table in the paper"
    end = text.find("Uncertainty", start.end())
    words = []
    for line in text[start.end() : end].splitlines():
        last = line.split()[-1] if line.split() else ""
        if last in VERDICT_WORDS:
            words.append(last)
    return words


def section(text: str, title: str, next_title: str) -> str:
    start = re.search(rf"\d+\s+{title}\n", text)
    assert start, title
    end = re.search(rf"\d+\s+{next_title}\n", text[start.end() :])
    return text[start.end() : start.end() + end.start()]


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_ledger_table_prints_each_claims_own_verdict(papers, name):
    ledger, text = papers[name]
    assert ledger_table_verdicts(text) == [r["verdict"] for r in ledger["claims"]]


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_differences_section_lists_exactly_the_differing_claims(papers, name):
    ledger, text = papers[name]
    differences = " ".join(section(text, "Where the recomputation differs", "Scenarios").split())
    listed = differences.split("Several agreements also deserve", 1)[0]
    for rec in ledger["claims"]:
        head = " ".join(rec["label"].split()[:4])
        assert (f"{rec['label']} ({rec['basis']})" in listed) == (rec["verdict"] == "differs"), (
            name,
            rec["id"],
            head,
        )


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_sentences_that_depend_on_a_conclusion_follow_it(papers, name):
    ledger, text = papers[name]
    flat = " ".join(text.split())
    held = {c["id"]: c["holds"] for c in ledger["conclusions"]}
    band = held["amplified_band_clears_us"]
    assert ("At every point of the band, a model below the EU threshold" in flat) == band
    assert ("which is not above the US threshold" in flat) == (not band)
    cheaper = held["deploy_dominated_favours_pretraining"]
    phrase = "when deployment dominates lifetime compute, scaling pre-training"
    assert re.search(phrase + r" by \S+ (costs less|does not cost less)", flat)
    verb = re.search(phrase + r" by \S+ (costs less|does not cost less)", flat).group(1)
    assert (verb == "costs less") == cheaper
