"""Markdown tables rendered as standalone HTML pages for the Snakemake report."""

from hypothesis import given
from hypothesis import strategies as st

from inference_scaling.publish.report_pages import markdown_to_html, page_title, render_file

TABLE = """# Claims ledger

43 claims: 32 reproduced.

| id | value | note |
|---|---|---|
| era.pretrain_growth | 4.8 | 2020--2024, `a--b` |
"""


def test_table_becomes_html_table_with_title():
    page = markdown_to_html(TABLE)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Claims ledger</title>" in page
    assert "<table>" in page and "<td>era.pretrain_growth</td>" in page
    # LaTeX-style en dashes in text, but code spans are left as written.
    assert "2020\u20132024" in page and "<code>a--b</code>" in page


def test_raw_html_in_the_source_is_escaped():
    page = markdown_to_html("# t\n\n<script>alert(1)</script>\n")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_title_falls_back_when_there_is_no_heading():
    assert page_title("no heading here", default="ledger") == "ledger"


@given(st.text(max_size=200))
def test_rendering_is_deterministic_and_total(text):
    assert markdown_to_html(text) == markdown_to_html(text)


def test_render_file_writes_the_page(tmp_path):
    source, target = tmp_path / "claims.md", tmp_path / "claims.html"
    source.write_text(TABLE, encoding="utf-8")
    render_file(source, target)
    assert target.read_text(encoding="utf-8") == markdown_to_html(TABLE)
