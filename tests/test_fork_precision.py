"""A fork's own numbers print at the precision it typed them: an exchange rate of 0.55 reads
0.55 in the prose macros, the equation, the ledger table, claims.md, the statements that
name it, the scenario comparison and the explorer, never 0.6."""

import re

import pytest
from conftest import ROOT

from inference_scaling.ledger import claims, conclusions
from inference_scaling.pipeline import config
from inference_scaling.publish import latex, ledger_pages
from inference_scaling.review import compare

RATE = "0.55"


@pytest.fixture(scope="module")
def fork(tmp_path_factory, facts):
    path = tmp_path_factory.mktemp("fork") / "forked_rate.yaml"
    path.write_text(
        "description: A fork that types its own exchange rate to two decimals.\n"
        f"overrides:\n  era:\n    exchange_rate: {RATE}\n",
        encoding="utf-8",
    )
    a = config.load_assumptions(ROOT / "config" / "assumptions.yaml", path)
    assert a.values["era.exchange_rate"] == 0.55
    ledger = claims.build_ledger(a.values, facts)
    values = {r["id"]: r["value"] for r in ledger}
    return a, ledger, conclusions.conclusion_records(values, a.values)


def _row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


def test_text_macros_and_the_equation_print_0_55(fork):
    a, ledger, _ = fork
    # the number, linked to its ledger row: \claimlink{id}{math form}{text form}
    assert latex.claim_macros(ledger)["claimEraExchangeRule"] == (
        f"\\claimlink{{era.exchange_rule}}{{{RATE}}}{{{RATE}}}"
    )
    assert latex.assumption_macros(a.values)["assumeEraExchangeRate"] == RATE
    # equation (1) prints the assumption macro, the prose the claim macro
    intro = (ROOT / "paper" / "sections" / "introduction.tex").read_text(encoding="utf-8")
    equation = re.search(r"\\begin\{equation\}.*?\\end\{equation\}", intro, flags=re.S).group(0)
    assert "\\assumeEraExchangeRate" in equation


def test_tables_print_0_55(fork):
    _, ledger, held = fork
    label = next(r["label"] for r in ledger if r["id"] == "era.exchange_rule")
    tex = ledger_pages.ledger_table(ledger).latex()
    assert f"${RATE}$ OOM / OOM" in _row(tex, label)
    md = ledger_pages.ledger_page(ledger, "summary", held).markdown()
    assert f"| {RATE} OOM / OOM |" in _row(md, "`era.exchange_rule`")
    html = ledger_pages.ledger_table(ledger).html()
    assert f"<td>{RATE} OOM / OOM</td>" in html


def test_statements_and_notes_that_name_the_rate_print_0_55(fork):
    _, ledger, _ = fork
    text = ledger_pages.text_ledger(ledger)
    named = [
        r
        for r in text
        if "era.exchange_rate" in r["inputs"] and "exchange rate of" in r["statement"]
    ]
    assert named
    for rec in named:
        assert f"exchange rate of {RATE}" in rec["statement"], rec["id"]
        assert "0.6" not in rec["statement"].replace(RATE, ""), rec["id"]


def test_the_scenario_comparison_prints_0_55(fork, ledger, tmp_path):
    import json

    _, forked, held = fork
    default_held = conclusions.conclusion_records(
        {r["id"]: r["value"] for r in ledger}, config.load_assumptions().values
    )
    paths = []
    for name, recs, cons in (("default", ledger, default_held), ("fork", forked, held)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({"claims": ledger_pages.text_ledger(recs), "conclusions": cons}))
        paths.append(path)
    builds = compare.read_builds(["default", "fork"], paths)
    compare.write_comparison(builds, tmp_path / "c.md", tmp_path / "c.tex", tmp_path / "c.html")
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert f"| {RATE} (differs) |" in _row(md, "`era.exchange_rule`")
    tex = (tmp_path / "c.tex").read_text(encoding="utf-8")
    assert f"${RATE}$ (differs)" in tex


def test_the_explorer_prints_0_55(fork):
    from inference_scaling.explorer import app

    explorer = app.Explorer()
    values = dict(explorer.defaults, **{"era.exchange_rate": 0.55})
    rows = {r.id: r for r in explorer.rows(explorer.evaluate(values))}
    assert rows["era.exchange_rule"].value == f"{RATE} OOM / OOM"
