"""Standalone HTML pages for the Snakemake report.

The report shows HTML, images and PDFs inline but not Markdown, so the ledger and the
uncertainty table are rendered once more from their Markdown as small, self-contained pages
(no scripts, no external resources); the scenario comparison writes its page directly
(:meth:`inference_scaling.publish.tables.Page.html`), in the same style. Rendering is
deterministic: the same Markdown always gives the same bytes.

``python -m inference_scaling.publish.report_pages IN.md OUT.html`` writes one page.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from inference_scaling.pipeline.io import write_text

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; line-height: 1.4; color: #222; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
tr:nth-child(even) td { background: #fafafa; }
code { font-size: 0.95em; }
""".strip()


def _en_dashes(state) -> None:
    # The Markdown tables share their statements with LaTeX, where "--" is an en dash
    # ("2020--2024"); convert it in plain text only, never inside code spans.
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "text":
                token.content = token.content.replace("--", "\u2013")


def _parser() -> MarkdownIt:
    # CommonMark plus GitHub-style tables; raw HTML in the source is escaped, not passed on.
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.core.ruler.push("en_dashes", _en_dashes)
    return parser


def page_title(markdown: str, default: str = "results") -> str:
    """Text of the first level-one heading, else ``default``."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def html_page(title: str, body: str) -> str:
    """A complete HTML document: ``body`` (HTML) under the report's style."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n"
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def markdown_to_html(markdown: str, title: str | None = None) -> str:
    """A complete HTML document showing ``markdown`` (tables as ``<table>``)."""
    title = page_title(markdown) if title is None else title
    return html_page(title, _parser().render(markdown))


def render_file(source, target) -> None:
    """Write the HTML page for the Markdown file ``source`` to ``target``."""
    write_text(target, markdown_to_html(Path(source).read_text(encoding="utf-8")))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m inference_scaling.publish.report_pages IN.md OUT.html")
    render_file(sys.argv[1], sys.argv[2])
