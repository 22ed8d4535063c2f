"""The one table model, written as a LaTeX longtable, Markdown and HTML; the ledger's
``claims.md`` and the report's ledger page render as tables."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from markdown_it import MarkdownIt

from inference_scaling.publish import ledger_pages, tables
from inference_scaling.publish.tables import Column, Page, Table

RESULTS = ROOT / "results" / "default"


def _table():
    table = Table(
        [Column("Quantity", 0.5), Column("Value", 0.3, "r"), Column("Note", 0.2)],
        caption="Caption with 50%",
        label="tab:x",
        notes=["A note."],
    )
    table.section("First part")
    table.add("Growth | rate", tables.quantity(4.4123456, "f1", "x per year"), "a_b")
    table.add(tables.prose("EU threshold 10^25"), tables.number(1e25, "pow10"), "")
    return table


def md_tables(markdown: str) -> list[list[list[str]]]:
    """Every table markdown-it finds: rows of cell texts (header first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found, rows, row = [], None, None
    for tok in tokens:
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "inline" and row is not None:
            row.append(tok.content)
        elif tok.type == "tr_close":
            rows.append(row)
            row = None
        elif tok.type == "table_close":
            found.append(rows)
    return found


def test_latex_is_a_booktabs_longtable_of_p_columns_that_fill_the_text_width():
    tex = _table().latex()
    spec = re.search(r"\\begin\{longtable\}\{(.*)\}\n", tex).group(1)
    widths = [float(w) for w in re.findall(r"p\{([0-9.]+)\\dimexpr", spec)]
    assert len(widths) == 3 and sum(widths) == pytest.approx(1.0)
    # the space between columns is taken off the width the columns share
    assert spec.count(r"\dimexpr\linewidth-4\tabcolsep\relax") == 3
    assert spec.startswith("@{}") and spec.endswith("@{}") and r"\raggedleft" in spec
    for part in (r"\toprule", r"\midrule", r"\bottomrule", r"\endfirsthead", r"\endhead"):
        assert part in tex
    assert r"\caption{Caption with 50\%}\label{tab:x} \\" in tex
    assert r"\multicolumn{3}{@{}l}{\textit{First part}} \\*" in tex
    assert r"Growth | rate & $4.4\times$ per year & a\_b \\" in tex
    assert r"EU threshold $10^{25}$ & $10^{25}$ &  \\" in tex
    assert "A note." in tex


def test_markdown_renders_as_a_table_with_every_column():
    md = _table().markdown()
    assert "–-" not in md  # the separator row is not mangled by an en-dash replacement
    [rows] = md_tables(md)
    assert rows[0] == ["Quantity", "Value", "Note"]
    assert all(len(r) == 3 for r in rows)
    assert rows[2] == ["Growth | rate", "4.4× per year", "a_b"]  # the pipe escaped, kept
    assert rows[3][:2] == ["EU threshold 10²⁵", "10²⁵"]
    assert md.startswith("Caption with 50%\n\n|") and md.rstrip().endswith("A note.")


def test_html_is_a_table_with_caption_sections_and_notes():
    html = _table().html()
    assert html.startswith("<table>\n<caption>Caption with 50%</caption>")
    assert '<th style="text-align:right">Value</th>' in html
    assert '<th colspan="3" style="text-align:left"><i>First part</i></th>' in html
    assert "<td>EU threshold 10<sup>25</sup></td>" in html
    assert "<tfoot>" in html and "A note." in html


def test_widths_beyond_the_text_width_and_short_rows_are_refused():
    with pytest.raises(ValueError, match="more than the text width"):
        Table([Column("a", 0.7), Column("b", 0.4)])
    with pytest.raises(ValueError, match="a row of 1 cells in a table of 2"):
        Table([Column("a", 0.5), Column("b", 0.5)]).add("x")


def test_a_floating_table_uses_the_same_columns():
    table = Table([Column("a", 0.5), Column("b", 0.5)], caption="c", floating=True, size="small")
    table.add("x", "y")
    tex = table.latex()
    assert tex.startswith("\\begin{table}[htbp]\n\\centering\n\\small\n\\caption{c}")
    assert "\\begin{tabular}{@{}" in tex and "x & y \\\\" in tex


def test_a_page_writes_markdown_and_html():
    page = Page().add(
        tables.Heading("Title"),
        tables.Paragraph(tables.markdown("Some *words* and `code`.")),
        tables.Items(["one", tables.code("two")]),
        _table(),
    )
    md = page.markdown()
    assert md.startswith("# Title\n\nSome *words* and `code`.\n\n- one\n- `two`\n\n")
    assert len(md_tables(md)) == 1
    html = page.html()
    assert "<title>Title</title>" in html and "<em>words</em>" in html
    assert "<li><code>two</code></li>" in html and "<table>" in html


# --- the ledger's pages (issue 17, part 10) --------------------------------------------------


LEDGER_COLUMNS = ["Quantity", "Basis", "Evidence", "Essay", "Rule reads", "Recomputed", "Verdict"]


def test_claims_md_renders_the_ledger_as_a_table(ledger):
    md = ledger_pages.ledger_page(ledger, "summary line").markdown()
    assert "|–-|" not in md and "|---|" in md
    found = md_tables(md)
    assert len(found) == 1
    rows = found[0]
    assert rows[0] == LEDGER_COLUMNS
    assert all(len(r) == len(LEDGER_COLUMNS) for r in rows)
    claim_rows = [r for r in rows[1:] if r[1]]
    assert len(claim_rows) == len(ledger)
    for rec in ledger:
        assert any(f"`{rec['id']}`" in r[0] for r in claim_rows), rec["id"]


def test_the_ledger_table_fits_the_text_block_and_typesets_powers(ledger):
    tex = ledger_pages.ledger_table(ledger).latex()
    assert "\\textasciicircum" not in tex  # no raw 10^25 in the PDF
    assert "$10^{25}$" in tex
    assert "\\caption{\\ledgerTableCaption}\\label{tab:ledger}" in tex
    assert tex.count("\\verdict{") == len(ledger)
    # the paper's table has five columns; the evidence and the rule's form are the page's
    assert "Quantity & Basis & Essay & Recomputed & Verdict \\\\" in tex


def test_the_ledger_table_prints_the_ratio_beside_the_verdict(ledger):
    table = ledger_pages.ledger_table(ledger).latex()
    row = next(line for line in table.splitlines() if "{o3 versus o1-mini" in line)
    assert "\\verdict{reproduced} ($2.6\\times$)" in row
    arc = next(line for line in table.splitlines() if "{o1 scores" in line)
    assert "25\\%-32\\%\\textsuperscript{\\dag}" in arc and "\\verdict{unchecked}" in arc


def test_claims_markdown_shows_evidence_cause_ratio_and_groups(ledger):
    from inference_scaling.ledger import claims

    page = ledger_pages.ledger_page(ledger, claims.summary(ledger), changes="1 premise changed: x")
    text = page.markdown()
    row = next(line for line in text.splitlines() if "`thresholds.o3_multiplier`" in line)
    # 25,634x against "10,000x": the ratio stays visible beside the verdict, as in the paper
    assert "**reproduced**, 2.6× the essay's" in row
    growth = next(line for line in text.splitlines() if "(`era.pretrain_growth`) |" in line)
    assert "| independent |" in growth
    sensitivity = next(
        line for line in text.splitlines() if "`era.pretrain_growth_all_domains`" in line
    )
    assert "**differs** (definition)" in sensitivity
    assert "## Differences by cause" in text and "## Unchecked" in text
    assert "**Against the default build:** 1 premise changed: x." in text
    assert "doesn’t affect the total much | not much ‡" in text
    assert "25%-32% †" in text
    html = page.html()
    assert "<b>differs</b> (definition)" in html and "<h2>Unchecked</h2>" in html


@pytest.fixture(scope="module")
def report_ledger_page(default_build):
    """The default build and the report's ledger page (results/default/claims.html, which
    `make report` shows), brought up to date in this checkout."""
    snakemake = Path(sys.executable).parent / "snakemake"
    run = subprocess.run(
        [str(snakemake), "results/default/claims.html", "--cores", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return RESULTS / "claims.html"


def _built(path):
    return path.read_text(encoding="utf-8")


@pytest.mark.integration
def test_built_claims_md_and_the_report_page_show_the_ledger_as_a_table(report_ledger_page):
    import json

    ledger = json.loads(_built(RESULTS / "claims.json"))["claims"]
    md = _built(RESULTS / "claims.md")
    tables_found = md_tables(md)
    assert tables_found and all(len(r) == len(LEDGER_COLUMNS) for r in tables_found[0])
    assert sum(1 for r in tables_found[0][1:] if r[1]) == len(ledger)
    html = _built(RESULTS / "claims.html")
    first = html.split("<table>", 1)[1].split("</table>", 1)[0]
    assert first.count("<th") >= len(LEDGER_COLUMNS) and first.count("<tr>") > len(ledger)


def test_the_verdict_cell_shows_a_ratio_only_where_the_values_differ():
    def cell(ratio, target="text"):
        rec = {"verdict": "reproduced", "ratio_to_essay": ratio}
        return ledger_pages._verdict(rec).render(target)

    assert cell(1.0) == "**reproduced**"
    assert cell([1.0, 1.0]) == "**reproduced**"
    assert cell(2.6) == "**reproduced**, 2.6× the essay's"
    assert cell([1.0, 3.0]) == "**reproduced**, 1–3× the essay's"
    assert cell(1.0, "tex") == r"\verdict{reproduced}"
    assert cell(0.5, "tex") == r"\verdict{reproduced} ($0.5\times$)"


def test_a_markdown_cell_in_each_target():
    cell = tables.markdown("**Bold** and `a_b` *it* & <b>x</b>")
    assert cell.render("text") == "**Bold** and `a_b` *it* & <b>x</b>"
    # LaTeX: the markup characters dropped, specials escaped (angle brackets as math).
    assert cell.render("tex") == r"Bold and a\_b it \& $<$b$>$x$<$/b$>$"
    # HTML: CommonMark inline, with raw HTML in the source escaped, not passed through.
    assert cell.render("html") == (
        "<strong>Bold</strong> and <code>a_b</code> <em>it</em> &amp; &lt;b&gt;x&lt;/b&gt;"
    )


def test_an_empty_table_with_a_centred_column_and_notes_in_each_target():
    table = Table(
        [Column("A", 0.3), Column("B & C", 0.3, "c")],
        caption="Cap",
        notes=["n1", "n2"],
        empty="Nothing here & there",
    )
    assert table.markdown() == (
        "Cap\n\n| A | B & C |\n|---|:-:|\n| Nothing here & there |  |\n\nn1\n\nn2\n"
    )
    assert table.html() == (
        "<table>\n<caption>Cap</caption>\n"
        '<thead><tr><th>A</th><th style="text-align:center">B &amp; C</th></tr></thead>\n'
        '<tbody>\n<tr><td colspan="2">Nothing here &amp; there</td></tr>\n</tbody>\n'
        '<tfoot><tr><td colspan="2">n1</td></tr><tr><td colspan="2">n2</td></tr></tfoot>\n'
        "</table>\n"
    )
    assert r"\multicolumn{2}{@{}l}{Nothing here \& there} \\" in table.latex()
