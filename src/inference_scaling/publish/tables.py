"""The one table model: a table is built once and written as LaTeX, Markdown and HTML.

A :class:`Table` holds its columns (header, alignment, width), its rows (with section rows
that span every column), a caption, a LaTeX label and notes. :meth:`Table.latex` writes a
booktabs ``longtable`` whose columns are all ``p{}`` columns summing to the text width, so
it fits the 160 mm text block whatever its content (a table that should float writes a
``table`` environment with a ``tabular`` of the same columns instead);
:meth:`Table.markdown` writes a GitHub table that markdown-it and GitHub render as a table;
:meth:`Table.html` writes an HTML ``<table>``.

A cell is plain text (escaped for each target), or anything with a ``render(target)``
method: :class:`Cell` wraps a function of the target, so a number in a cell is formatted by
:mod:`inference_scaling.publish.numbers` for each output in turn. :class:`Page` puts
headings, paragraphs, lists and tables together into a Markdown file or an HTML page.
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from inference_scaling.publish import numbers

TARGETS = ("tex", "text", "html")
#: The longtable's running head and foot when it breaks across pages.
CONTINUED = r"\small\itshape \tablename~\thetable, continued"
CONTINUES = r"\small\itshape continued on the next page"


# --- cells ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A cell whose text depends on the target: ``Cell(lambda target: ...)``."""

    fn: Callable[[str], str]

    def render(self, target: str) -> str:
        return self.fn(target)


def rich(tex: str, text: str, html: str | None = None) -> Cell:
    """A cell given per target as written (``html`` defaults to the escaped ``text``)."""
    chosen = {"tex": tex, "text": text, "html": _html.escape(text) if html is None else html}
    return Cell(chosen.__getitem__)


def prose(text: str, multipliers: bool = True) -> Cell:
    """Plain text typeset by :func:`numbers.prose` (powers, en dashes, ``×``)."""
    return Cell(lambda target: numbers.prose(text, target, multipliers))


def markdown(text: str) -> Cell:
    """Text written in Markdown (emphasis, code spans) for the Markdown and HTML pages; in
    LaTeX it is plain text without the markup characters."""

    def render(target):
        if target == "text":
            return text
        if target == "html":
            from markdown_it import MarkdownIt

            return MarkdownIt("commonmark", {"html": False}).renderInline(text)
        return numbers.escape(text.replace("**", "").replace("*", "").replace("`", ""), "tex")

    return Cell(render)


def code(text: str) -> Cell:
    """An identifier: ``\\texttt`` in LaTeX, backticks in Markdown, ``<code>`` in HTML."""
    return Cell(
        lambda target: {
            "tex": f"\\texttt{{{numbers.escape(text, 'tex')}}}",
            "text": f"`{text}`",
            "html": f"<code>{_html.escape(text)}</code>",
        }[target]
    )


def join(*parts, sep: str = "") -> Cell:
    """Cells and plain strings one after another."""
    return Cell(lambda target: sep.join(render_cell(p, target) for p in parts))


def number(value, style: str) -> Cell:
    """A value (scalar or pair) in ``style``."""
    return Cell(lambda target: _math(numbers.value(value, style, target), target))


def quantity(value, style: str, unit: str) -> Cell:
    """A value with its unit (:func:`numbers.quantity`)."""
    return Cell(lambda target: numbers.quantity(value, style, unit, target))


def _math(text: str, target: str) -> str:
    return f"${text}$" if target == "tex" else text


def render_cell(content, target: str) -> str:
    """``content`` for ``target``: a ``str`` is plain text and escaped; anything else is
    asked to ``render(target)``; ``None`` is empty."""
    if content is None:
        return ""
    if isinstance(content, str):
        return numbers.escape(content, target)
    return content.render(target)


# --- the table --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column: its header, alignment (``l``, ``r`` or ``c``) and its share of the text
    width (the shares of a table's LaTeX columns add up to at most 1). ``only`` names the
    targets that show it (the paper's table may leave out what the Markdown page shows)."""

    header: object
    width: float = 0.0
    align: str = "l"
    only: tuple[str, ...] = TARGETS


@dataclass(frozen=True)
class Section:
    """A row that spans every column: the title of the rows below it."""

    title: object


@dataclass
class Table:
    """A table built once and written three ways (module docstring)."""

    columns: Sequence[Column]
    rows: list = field(default_factory=list)
    caption: object = None
    label: str = ""
    notes: Sequence = ()
    #: LaTeX only: a size command for the whole table (``small``, ``footnotesize``).
    size: str = ""
    #: LaTeX only: a floating ``table`` with a ``tabular`` instead of a ``longtable``.
    floating: bool = False
    #: What the Markdown and HTML show when there are no rows.
    empty: str = "(none)"

    def __post_init__(self):
        total = sum(c.width for c in self.columns if "tex" in c.only)
        if total > 1 + 1e-9:
            raise ValueError(f"column widths add up to {total:g}, more than the text width")
        for c in self.columns:
            if c.align not in "lrc":
                raise ValueError(f"unknown alignment '{c.align}'")

    def _shown(self, target: str) -> list[int]:
        return [i for i, c in enumerate(self.columns) if target in c.only]

    def add(self, *cells) -> None:
        """Append a row of cells, one per column."""
        if len(cells) != len(self.columns):
            raise ValueError(f"a row of {len(cells)} cells in a table of {len(self.columns)}")
        self.rows.append(tuple(cells))

    def section(self, title) -> None:
        """Append a section row."""
        self.rows.append(Section(title))

    # --- LaTeX ---

    def colspec(self) -> str:
        """``p{}`` columns whose widths, with the space between columns, add up to the share
        of ``\\linewidth`` the columns ask for."""
        columns = [self.columns[i] for i in self._shown("tex")]
        n = len(columns)
        avail = rf"\dimexpr\linewidth-{2 * (n - 1)}\tabcolsep\relax"
        ragged = {"l": r"\raggedright", "r": r"\raggedleft", "c": r"\centering"}
        specs = [
            rf">{{{ragged[c.align]}\arraybackslash}}p{{{c.width:.4g}{avail}}}" for c in columns
        ]
        return "@{}" + "".join(specs) + "@{}"

    def _latex_rows(self) -> list[str]:
        shown = self._shown("tex")
        n = len(shown)
        lines = []
        for row in self.rows:
            if isinstance(row, Section):
                # \\* keeps a section's title on the page of its first row
                title = render_cell(row.title, "tex")
                lines.append(rf"\multicolumn{{{n}}}{{@{{}}l}}{{\textit{{{title}}}}} \\*")
                continue
            lines.append(" & ".join(render_cell(row[i], "tex") for i in shown) + r" \\")
        if not self.rows:
            lines.append(
                rf"\multicolumn{{{n}}}{{@{{}}l}}{{{numbers.escape(self.empty, 'tex')}}} \\"
            )
        return lines

    def latex(self) -> str:
        """The table as LaTeX (a ``longtable``, or a floating ``table`` when ``floating``)."""
        columns = [self.columns[i] for i in self._shown("tex")]
        n = len(columns)
        header = " & ".join(render_cell(c.header, "tex") for c in columns) + r" \\"
        caption = render_cell(self.caption, "tex") if self.caption is not None else ""
        label = rf"\label{{{self.label}}}" if self.label else ""
        notes = [render_cell(note, "tex") for note in self.notes]
        size = [rf"\{self.size}"] if self.size else []
        if self.floating:
            lines = [r"\begin{table}[htbp]", r"\centering", *size]
            if caption or label:
                lines.append(rf"\caption{{{caption}}}{label}")
            lines += [
                rf"\begin{{tabular}}{{{self.colspec()}}}",
                r"\toprule",
                header,
                r"\midrule",
                *self._latex_rows(),
                r"\bottomrule",
                r"\end{tabular}",
            ]
            lines += [rf"\par\smallskip{{\footnotesize {note}\par}}" for note in notes]
            lines.append(r"\end{table}")
            return "\n".join(lines) + "\n"
        # "%": the group's brace adds no space before the table
        lines = [
            ("{" + size[0] if size else "{") + "%",
            rf"\begin{{longtable}}{{{self.colspec()}}}",
        ]
        if caption or label:
            lines.append(rf"\caption{{{caption}}}{label} \\")
        lines += [
            r"\toprule",
            header,
            r"\midrule",
            r"\endfirsthead",
            rf"\multicolumn{{{n}}}{{@{{}}l}}{{{CONTINUED}}} \\",
            r"\toprule",
            header,
            r"\midrule",
            r"\endhead",
            r"\midrule",
            rf"\multicolumn{{{n}}}{{r@{{}}}}{{{CONTINUES}}} \\",
            r"\endfoot",
            r"\bottomrule",
        ]
        lines += [
            rf"\multicolumn{{{n}}}{{@{{}}p{{\linewidth}}@{{}}}}{{\footnotesize {note}}} \\"
            for note in notes
        ]
        lines += [r"\endlastfoot", *self._latex_rows(), r"\end{longtable}", "}"]
        return "\n".join(lines) + "\n"

    # --- Markdown ---

    def markdown(self) -> str:
        """The table as a GitHub/CommonMark table: caption above, notes below."""
        shown = self._shown("text")
        columns = [self.columns[i] for i in shown]
        out = []
        caption = _md_line(render_cell(self.caption, "text"))
        if caption:
            out += [caption, ""]
        out.append("| " + " | ".join(_md_cell(c.header) for c in columns) + " |")
        rule = {"l": "---", "r": "--:", "c": ":-:"}
        out.append("|" + "|".join(rule[c.align] for c in columns) + "|")
        for row in self.rows:
            if isinstance(row, Section):
                title = f"*{_md_line(render_cell(row.title, 'text'))}*"
                out.append("| " + " | ".join([title] + [""] * (len(columns) - 1)) + " |")
            else:
                out.append("| " + " | ".join(_md_cell(row[i]) for i in shown) + " |")
        if not self.rows:
            out.append("| " + " | ".join([self.empty] + [""] * (len(columns) - 1)) + " |")
        for note in self.notes:
            out += ["", _md_line(render_cell(note, "text"))]
        return "\n".join(out) + "\n"

    # --- HTML ---

    def html(self) -> str:
        """The table as an HTML ``<table>`` (caption, header, body, notes in the footer)."""
        shown = self._shown("html")
        columns = [self.columns[i] for i in shown]
        n = len(columns)
        align = {"r": "right", "c": "center"}  # left is the default: no style

        def cell(tag, content, col):
            style = f' style="text-align:{align[col.align]}"' if col.align in align else ""
            return f"<{tag}{style}>{render_cell(content, 'html')}</{tag}>"

        out = ["<table>"]
        caption = render_cell(self.caption, "html")
        if caption:
            out.append(f"<caption>{caption}</caption>")
        head = "".join(cell("th", c.header, c) for c in columns)
        out.append(f"<thead><tr>{head}</tr></thead>")
        out.append("<tbody>")
        for row in self.rows:
            if isinstance(row, Section):
                title = render_cell(row.title, "html")
                out.append(
                    f'<tr><th colspan="{n}" style="text-align:left"><i>{title}</i></th></tr>'
                )
            else:
                cells = "".join(cell("td", row[i], self.columns[i]) for i in shown)
                out.append(f"<tr>{cells}</tr>")
        if not self.rows:
            out.append(f'<tr><td colspan="{n}">{_html.escape(self.empty)}</td></tr>')
        out.append("</tbody>")
        if self.notes:
            notes = "".join(
                f'<tr><td colspan="{n}">{render_cell(note, "html")}</td></tr>'
                for note in self.notes
            )
            out.append(f"<tfoot>{notes}</tfoot>")
        out.append("</table>")
        return "\n".join(out) + "\n"

    def render(self, target: str) -> str:
        """The table for ``target`` (``text`` is Markdown)."""
        return {"tex": self.latex, "text": self.markdown, "html": self.html}[target]()


def _md_line(text: str) -> str:
    return " ".join(text.split())


def _md_cell(content) -> str:
    """A cell on one Markdown line, its pipes escaped."""
    return _md_line(render_cell(content, "text")).replace("|", "\\|")


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: object
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    content: object


@dataclass(frozen=True)
class Items:
    """A bullet list."""

    items: Sequence


@dataclass
class Page:
    """Headings, paragraphs, lists and tables, written as Markdown or as an HTML page."""

    blocks: list = field(default_factory=list)

    def add(self, *blocks) -> Page:
        self.blocks.extend(blocks)
        return self

    def markdown(self) -> str:
        out = []
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append("#" * block.level + " " + _md_line(render_cell(block.text, "text")))
            elif isinstance(block, Paragraph):
                out.append(_md_line(render_cell(block.content, "text")))
            elif isinstance(block, Items):
                out.append("\n".join(f"- {_md_line(render_cell(i, 'text'))}" for i in block.items))
            else:
                out.append(block.markdown().rstrip("\n"))
        return "\n\n".join(out) + "\n"

    def title(self) -> str:
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                return render_cell(block.text, "text")
        return "results"

    def html(self) -> str:
        """A standalone HTML page (the report's style, no scripts or external resources)."""
        from inference_scaling.publish.report_pages import html_page

        body = []
        for block in self.blocks:
            if isinstance(block, Heading):
                tag = f"h{block.level}"
                body.append(f"<{tag}>{render_cell(block.text, 'html')}</{tag}>")
            elif isinstance(block, Paragraph):
                body.append(f"<p>{render_cell(block.content, 'html')}</p>")
            elif isinstance(block, Items):
                items = "".join(f"<li>{render_cell(i, 'html')}</li>" for i in block.items)
                body.append(f"<ul>{items}</ul>")
            else:
                body.append(block.html().rstrip("\n"))
        return html_page(self.title(), "\n".join(body) + "\n")
