"""The HTML edition's links: claim and figure sources, links.tex, the ledger and assumptions
pages (the LaTeXML build itself and the browser check are in test_html_browser.py)."""

import re

import pytest
from conftest import ROOT

from inference_scaling.ledger import claims
from inference_scaling.publish import html, latex


def test_every_claim_source_is_the_line_registering_it():
    # Read independently of inspect: the file's line must carry the claim's decorator.
    for claim_id in claims.CLAIMS:
        path, line = html.claim_source(claim_id)
        text = (ROOT / path).read_text(encoding="utf-8").splitlines()
        assert text[line - 1].strip() == f'@claim("{claim_id}")', (claim_id, path, line)


def test_unknown_claim_names_the_file():
    with pytest.raises(KeyError, match="ledger/claims.py: .*'nope'"):
        html.claim_source("nope")


def test_code_url_at_the_commit_or_the_path():
    assert html.code_url("src/a.py", 12, "abc123", "https://github.com/o/r/") == (
        "https://github.com/o/r/blob/abc123/src/a.py#L12"
    )
    assert html.code_url("data/x.csv", None, "abc123", "https://github.com/o/r") == (
        "https://github.com/o/r/blob/abc123/data/x.csv"
    )
    assert html.code_url("src/a.py", 12, "abc123", None) == "src/a.py"
    # From results/<scenario>/html/ the checkout's file is three levels up.
    assert html.html_href("src/a.py", 12, "abc123", None) == "../../../src/a.py"


@pytest.mark.parametrize(
    "script, function",
    [
        # the one figure whose own script draws it (the registry's others name a function)
        (
            "plot_threshold_equivalence",
            "inference_scaling.publish.figures.model.threshold_equivalence",
        ),
    ],
)
def test_drawing_function_of_a_script(script, function):
    assert html.drawing_function(ROOT / "workflow" / "scripts" / f"{script}.py") == function


def test_a_script_that_draws_nothing_is_an_error(tmp_path):
    script = tmp_path / "plot_x.py"
    script.write_text("from inference_scaling.publish.figures import style\nstyle.save_pdf(1, 2)\n")
    with pytest.raises(ValueError, match="plot_x.py: calls no drawing function"):
        html.drawing_function(script)


def test_data_flags_in_order_of_first_appearance(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("# comment\nx,flag\n1,exact\n2,digitized\n3,exact\n4,derived\n")
    assert html.data_flags(csv) == ["exact", "digitized", "derived"]
    assert html.data_flags(tmp_path / "claims.json") == ["derived"]


def test_figure_sources_point_at_the_function():
    fig = html.figure_sources(
        "fig_o1_aime",
        "workflow/scripts/plot_figure.py",
        ["data/o1_aime.csv"],
        "inference_scaling.publish.figures.registry.fig_o1_aime",
    )
    assert fig["function_path"] == "src/inference_scaling/publish/figures/registry.py"
    lines = (ROOT / fig["function_path"]).read_text(encoding="utf-8").splitlines()
    # The link lands on the registry entry: its decorator, then the function.
    entry = lines[fig["function_line"] - 1 :]
    assert entry[0].startswith("@figure(")
    assert next(line for line in entry if line.startswith("def ")).startswith("def fig_o1_aime(")
    assert fig["data"] == [{"path": "data/o1_aime.csv", "flags": ["digitized"]}]


def _figure():
    return {
        "name": "fig_x",
        "function": "inference_scaling.publish.figures.essay.o1_aime",
        "function_path": "src/inference_scaling/publish/figures/essay.py",
        "function_line": 14,
        "script": "workflow/scripts/plot_o1_aime.py",
        "data": [{"path": "data/o1_aime.csv", "flags": ["digitized"]}],
    }


def test_links_tex_pdf_and_html(ledger):
    pdf = html.links_tex(ledger, [_figure()], "abc123", None, html_edition=False)
    web = html.links_tex(ledger, [_figure()], "abc123", None, html_edition=True)
    assert r"\DeclareRobustCommand{\claimlink}[3]{\ledgerlink{claim-#1}{#2}}" in pdf
    assert r"\href{ledger.html\#claim-#1}{#3}" in web
    for rec in ledger:
        assert f"\\csname claimcode-{rec['id']}\\endcsname" in pdf
    # Without a repository URL the PDF names the file; the HTML edition links it.
    assert "(\\texttt{src/inference\\_scaling/publish/figures/essay.py:14})" in pdf
    assert r"\href{../../../src/inference_scaling/publish/figures/essay.py}" in web
    assert r"\href{../../../data/o1_aime.csv}{\texttt{data/o1\_aime.csv}} (digitized)" in web
    repo = html.links_tex(ledger, [_figure()], "abc123", "https://x.org/r", html_edition=False)
    assert (
        r"\href{https://x.org/r/blob/abc123/src/inference_scaling/publish/figures/essay.py\#L14}"
        in repo
    )


def test_ledger_page_links_inputs_to_assumptions(ledger, assumptions, facts):
    records = [dict(ledger[0], evidence="independent", cause="source")] + ledger[1:]
    record_with_assumption = next(
        r for r in ledger if any("." in k and not k.startswith("data:") for k in r["inputs"])
    )
    uncertainty = {
        "claims": {
            ledger[0]["id"]: {"value": {"median": 4.4, "p5": 3.9, "p95": 5.1}},
            ledger[1]["id"]: {"low": {"fixed": 2.0}, "high": {"median": 3, "p5": 2, "p95": 4}},
        }
    }
    sensitivity = {
        "claims": {
            ledger[0]["id"]: {
                "indices": {"era.exchange_rate": {"ST": 0.1}, "era.fit_start_year": {"ST": 0.7}}
            }
        }
    }
    page = html.ledger_page(
        {"summary": "s", "claims": records},
        values=assumptions.values,
        tree=assumptions.tree,
        facts=facts,
        uncertainty=uncertainty,
        sensitivity=sensitivity,
        commit="abc123",
        repository=None,
    )
    anchors = set(re.findall(r"id='([^']+)'", page))
    assert {f"claim-{r['id']}" for r in ledger} <= anchors
    assert "evidence: independent" in page and "cause: source" in page
    amplified = page[page.index("id='claim-thresholds.amplified'") :]
    assert "<dt>essay</dt><dd>10<sup>27</sup></dd>" in amplified
    # the statistics as the uncertainty appendix prints them: three significant figures
    assert "median 4.40, 5–95 % 3.90–5.10" in page
    assert "low end: 2.00 in every draw; high end: median 3.00, 5–95 % 2.00–4.00" in page
    assert "fit start year (<a href='assumptions.html#era.fit_start_year'>" in page
    assert "total Sobol index 0.70" in page
    targets = set(re.findall(r"href='assumptions.html#([^']+)'", page))
    key = next(k for k in record_with_assumption["inputs"] if not k.startswith("data:"))
    assert key in targets
    rendered = html.assumptions_page(assumptions.tree)
    assert targets <= set(re.findall(r"id='([^']+)'", rendered))


def test_external_resources_are_loads_not_links():
    page = (
        "<a href='https://example.org'>x</a><link rel='stylesheet' href='LaTeXML.css'>"
        "<script src='https://cdn.example.org/m.js'></script>"
        "<img src='//fonts.example.org/f.png'>"
    )
    assert html.external_resources(page) == [
        "https://cdn.example.org/m.js",
        "//fonts.example.org/f.png",
    ]


@pytest.mark.parametrize(
    "math, text",
    [
        ("1{,}160", "1,160"),
        ("10^{26}", r"10\textsuperscript{26}"),
        ("3\\times 10^{10}", r"3\texttimes{}10\textsuperscript{10}"),
        ("4\\mbox{--}5", "4--5"),
        ("50\\%", "50\\%"),
    ],
)
def test_claim_link_carries_a_text_form(math, text):
    assert latex.claim_link("a.b", math) == f"\\claimlink{{a.b}}{{{math}}}{{{text}}}"
