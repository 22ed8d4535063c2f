"""The HTML edition of the paper, in which every number and figure leads to its derivation.

LaTeXML converts the same LaTeX sources as the PDF (math as MathML, figures as PNG at
300 dpi). Each
number macro of the ledger is ``\\claimlink{<id>}{<value>}`` (see
:func:`inference_scaling.publish.latex.claim_macros`); ``links.tex``, written here, makes it
a hyperlink to the number's ledger entry: in the PDF to the ledger table's row, in the HTML
edition to ``ledger.html#claim-<id>``. The ledger page shows per claim the essay's words, the
value, the verdict and its reason, the inputs (each assumption linked to its entry on
``assumptions.html``), the function that computes it at the build's commit, and the Monte
Carlo interval with the input that matters most. ``links.tex`` also gives each figure caption
its drawing function, script and data files with their provenance flags.

Code is linked as a URL at the commit when ``CITATION.cff`` names ``repository-code``,
otherwise by its path in the repository (a relative link from the HTML edition, which sits
in ``results/<scenario>/html/`` of the checkout).
"""

from __future__ import annotations

import ast
import csv
import html
import importlib
import inspect
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from inference_scaling.ledger import claims as claims_module
from inference_scaling.publish import numbers, records
from inference_scaling.publish.latex import tex_escape
from inference_scaling.publish.uncertainty_pages import factor_name, stat

ROOT = Path(__file__).resolve().parents[3]
# From results/<scenario>/html/ back to the repository's root.
HTML_TO_ROOT = "../../../"
FIGURE_PACKAGE = "inference_scaling.publish.figures"
# Modules of the figure package that save or feed a figure rather than draw it.
NOT_DRAWING = {"style", "data"}


# --- where code lives --------------------------------------------------------------------


def source_of(obj) -> tuple[str, int]:
    """``(path relative to the repository, first line)`` of a function's definition."""
    path = Path(inspect.getsourcefile(obj)).resolve()
    line = inspect.getsourcelines(obj)[1]
    try:
        return path.relative_to(ROOT).as_posix(), line
    except ValueError:  # an installed copy: name it as the repository does
        return "src/" + path.as_posix().split("/src/", 1)[-1], line


def claim_source(claim_id: str) -> tuple[str, int]:
    """Where the registered function computing ``claim_id`` is defined (its decorator's
    line, where the id is written)."""
    try:
        fn = claims_module.CLAIMS[claim_id]
    except KeyError:
        raise KeyError(f"ledger/claims.py: no function registered for claim '{claim_id}'") from None
    return source_of(fn)


def code_url(path: str, line: int | None, commit: str, repository: str | None) -> str:
    """A URL of ``path`` (at ``line``) at ``commit`` when the repository is known, else the
    path relative to the repository."""
    if not repository:
        return path
    anchor = f"#L{line}" if line else ""
    return f"{repository.rstrip('/')}/blob/{commit}/{path}{anchor}"


def html_href(path: str, line: int | None, commit: str, repository: str | None) -> str:
    """Where the HTML edition links ``path``: the URL at the commit, or the file in this
    checkout, reached relatively from results/<scenario>/html/."""
    url = code_url(path, line, commit, repository)
    return url if repository else HTML_TO_ROOT + url


def drawing_function(script: str | Path) -> str:
    """The dotted name of the figure function a plot script calls (the first call into a
    module of :data:`FIGURE_PACKAGE` other than saving or data helpers)."""
    tree = ast.parse(Path(script).read_text(encoding="utf-8"))
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith(FIGURE_PACKAGE)
        ):
            for alias in node.names:
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            module = modules.get(func.value.id)
            if module and module.rsplit(".", 1)[-1] not in NOT_DRAWING:
                return f"{module}.{func.attr}"
        if isinstance(func, ast.Name) and func.id in modules:
            if modules[func.id].split(".")[-2] not in NOT_DRAWING:
                return modules[func.id]
    raise ValueError(f"{script}: calls no drawing function of {FIGURE_PACKAGE}")


def resolve(dotted: str):
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def data_flags(path: str | Path) -> list[str]:
    """The provenance flags of a shipped CSV's rows (its ``flag`` column), in order of
    first appearance; a file of this build's results is ``derived``."""
    path = Path(path)
    if path.suffix != ".csv":
        return ["derived"]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        flags = [row.get("flag") for row in rows]
    return list(dict.fromkeys(f for f in flags if f)) or ["unflagged"]


def figure_sources(name: str, script: str, data: list[str], function: str | None = None) -> dict:
    """A figure's drawing function, its script and its data files with their flags.

    ``function`` is the figure's registry entry (dotted name); a figure drawn by a script
    of its own names none, and the function that script calls is read from it."""
    function = function or drawing_function(script)
    path, line = source_of(resolve(function))
    return {
        "name": name,
        "function": function,
        "function_path": path,
        "function_line": line,
        "script": str(script),
        "data": [{"path": str(d), "flags": data_flags(d)} for d in data],
    }


# --- links.tex ---------------------------------------------------------------------------


def _tex_href(target: str, text: str) -> str:
    escaped = target.replace("#", r"\#").replace("%", r"\%")
    return f"\\href{{{escaped}}}{{{text}}}"


def _code_tex(path, line, text, commit, repository, html_edition) -> str:
    """LaTeX for a reference to code: a link when there is somewhere to go, else the
    path in type (a PDF cannot open a file of the reader's checkout)."""
    if html_edition:
        return _tex_href(html_href(path, line, commit, repository), text)
    if repository:
        return _tex_href(code_url(path, line, commit, repository), text)
    return text


def figure_caption_tex(fig: dict, commit: str, repository, html_edition: bool) -> str:
    """The sentence a caption ends with: drawing function, script, data and flags."""
    short = fig["function"].removeprefix(FIGURE_PACKAGE + ".")
    where = f"{fig['function_path']}:{fig['function_line']}"
    function = _code_tex(
        fig["function_path"],
        fig["function_line"],
        f"\\texttt{{{tex_escape(short)}}}"
        + ("" if html_edition or repository else f" (\\texttt{{{tex_escape(where)}}})"),
        commit,
        repository,
        html_edition,
    )
    script = _code_tex(
        fig["script"],
        None,
        f"\\texttt{{{tex_escape(fig['script'])}}}",
        commit,
        repository,
        html_edition,
    )
    data = ", ".join(
        _code_tex(
            d["path"],
            None,
            f"\\texttt{{{tex_escape(d['path'])}}}",
            commit,
            repository,
            html_edition,
        )
        + f" ({', '.join(d['flags'])})"
        for d in fig["data"]
    )
    text = f"Drawn by {function}, script {script}"
    return text + (f"; data {data}." if data else ".")


def links_tex(
    ledger: list[dict],
    figures: list[dict],
    commit: str,
    repository: str | None,
    html_edition: bool,
) -> str:
    """``links.tex``: where number links, ledger rows and figure captions point.

    Defines ``\\claimlink{id}{math}{text}`` (a number, linked to its ledger entry),
    ``\\claimrow{id}{label}`` (a ledger-table row: its anchor and its code) and
    ``\\figurecode{name}`` (a caption's closing sentence)."""
    lines = ["% Generated by the pipeline; do not edit."]
    if html_edition:
        # The text form, also in math mode: LaTeXML drops a link around math in math.
        link = r"\href{ledger.html\#claim-#1}{#3}"
        lines.append(
            f"\\DeclareRobustCommand{{\\claimlink}}[3]{{\\ifmmode\\text{{{link}}}\\else{link}\\fi}}"
        )
    else:
        lines.append(r"\DeclareRobustCommand{\claimlink}[3]{\ledgerlink{claim-#1}{#2}}")
    for rec in ledger:
        path, line = claim_source(rec["id"])
        where = f"\\texttt{{{tex_escape(f'{Path(path).name}:{line}')}}}"
        code = _code_tex(path, line, where, commit, repository, html_edition)
        lines.append(f"\\expandafter\\def\\csname claimcode-{rec['id']}\\endcsname{{{code}}}")
    for fig in figures:
        text = figure_caption_tex(fig, commit, repository, html_edition)
        lines.append(f"\\expandafter\\def\\csname figurecode-{fig['name']}\\endcsname{{{text}}}")
    return "\n".join(lines) + "\n"


# --- the ledger and assumptions pages ----------------------------------------------------

STYLE = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #222;
  max-width: 46rem; margin: 0 auto; padding: 1rem; }
a { color: #2a4d7a; text-decoration: none; border-bottom: 1px dotted #2a4d7a80; }
a:hover { border-bottom-style: solid; }
code, .code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0; }
dt { font-weight: bold; color: #555; }
dd { margin: 0; overflow-wrap: anywhere; }
section.entry { border-top: 1px solid #ddd; padding: 0.6rem 0; }
section.entry:target { background: #fff8dc; }
.verdict-differs { color: #9a3412; font-weight: bold; }
.verdict-reproduced { color: #166534; }
ul.inputs { margin: 0; padding-left: 1.1rem; }
@media (max-width: 36rem) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.4rem; } }
""".strip()


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{html.escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _number(value, key: str = "") -> str:
    """An assumption value or data fact, as the paper's ``\\assume`` and ``\\fact`` macros
    print it (:mod:`inference_scaling.publish.numbers`)."""
    return numbers.value(value, numbers.assumption_style(value, key), "html")


def _interval(entry: Mapping | None, rec: Mapping) -> str:
    """A claim's Monte Carlo summary in words (its statistics as the uncertainty appendix
    prints them), or a note that it is fixed."""
    if not entry:
        return "fixed: no uncertain input reaches it"
    parts = []
    for part, s in entry.items():
        prefix = "" if part == "value" else f"{part} end: "
        if "fixed" in s:  # the same in every draw
            parts.append(f"{prefix}{stat(s['fixed'], rec, target='html')} in every draw")
            continue
        low, high = (stat(s[q], rec, target="html") for q in ("p5", "p95"))
        parts.append(f"{prefix}median {stat(s['median'], rec, target='html')}, 5–95 % {low}–{high}")
    return "; ".join(parts)


def top_sobol(entry: Mapping | None) -> tuple[str, float] | None:
    """The input with the largest total Sobol index, or None when not analysed."""
    if not entry or not entry.get("indices"):
        return None
    factor, idx = max(entry["indices"].items(), key=lambda kv: kv[1]["ST"])
    return factor, idx["ST"]


def _assumption_link(key: str) -> str:
    return f"<a href='assumptions.html#{html.escape(key)}'><code>{html.escape(key)}</code></a>"


def _input_item(key: str, values: Mapping, tree: Mapping, facts: Mapping) -> str:
    if key.startswith("data:"):
        fact = key[len("data:") :]
        value = facts.get(fact)
        shown = "" if value is None else f" = {_number(value, fact)}"
        return f"<li><code>{html.escape(fact)}</code>{shown} (shipped data)</li>"
    group, _, name = key.partition(".")
    entry = tree.get(group, {}).get(name, {})
    return (
        f"<li>{_assumption_link(key)} = {_number(values[key], key)} "
        f"{html.escape(str(entry.get('unit', '')))}"
        f" (source: {html.escape(str(entry.get('source', '—')))})</li>"
    )


def ledger_entry(rec, *, values, tree, facts, uncertainty, sensitivity, commit, repository):
    """One claim's entry on the ledger page (anchor ``claim-<id>``)."""
    path, line = claim_source(rec["id"])
    code = (
        f"<a class='code' href='{html.escape(html_href(path, line, commit, repository))}'>"
        f"{html.escape(path)}:{line}</a> at commit <code>{html.escape(commit)}</code>"
    )
    verdict = rec["verdict"]
    details = [f"<span class='verdict-{verdict}'>{verdict}</span>", f"basis: {rec['basis']}"]
    if rec.get("evidence"):
        details.append(f"evidence: {html.escape(str(rec['evidence']))}")
    if rec.get("cause"):
        details.append(f"cause: {html.escape(str(rec['cause']))}")
    essay = "— (the essay states no number)" if rec["essay"] is None else rec["essay"]
    inputs = "".join(_input_item(k, values, tree, facts) for k in rec["inputs"]) or "<li>none</li>"
    sobol = top_sobol(sensitivity.get(rec["id"]))
    rows = [
        ("essay", numbers.prose(str(essay), "html", multipliers=False)),
        ("value", records.printed(rec, "html", unit=True)),
        ("verdict", "; ".join(details)),
        ("reason", records.fill_record(rec, "note", "html") if rec["note"] else "—"),
        ("inputs", f"<ul class='inputs'>{inputs}</ul>"),
        ("computed by", code),
        ("Monte Carlo", _interval(uncertainty.get(rec["id"]), rec)),
    ]
    if sobol:
        factor, total = sobol
        # An assumption links to its entry; a data error or the joint shares are named.
        is_assumption = not factor.startswith("data:") and " " not in factor
        code = _assumption_link(factor) if is_assumption else f"<code>{html.escape(factor)}</code>"
        rows.append(
            (
                "matters most",
                f"{html.escape(factor_name(factor))} ({code}), total Sobol index "
                f"{numbers.number(total, 'f2', 'html')}",
            )
        )
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f"<section class='entry' id='claim-{html.escape(rec['id'])}'>\n"
        f"<h2>{numbers.prose(rec['label'], 'html')} <code>{html.escape(rec['id'])}</code></h2>\n"
        f"<p>{records.fill_record(rec, 'statement', 'html')}</p>\n<dl>{body}</dl>\n</section>"
    )


def ledger_page(
    ledger: dict,
    *,
    values: Mapping,
    tree: Mapping,
    facts: Mapping,
    uncertainty: Mapping,
    sensitivity: Mapping,
    commit: str,
    repository: str | None,
) -> str:
    """``ledger.html``: one entry per claim, anchored ``claim-<id>``."""
    entries = "\n".join(
        ledger_entry(
            rec,
            values=values,
            tree=tree,
            facts=facts,
            uncertainty=uncertainty.get("claims", {}),
            sensitivity=sensitivity.get("claims", {}),
            commit=commit,
            repository=repository,
        )
        for rec in ledger["claims"]
    )
    head = (
        "<h1>Claims ledger</h1>\n"
        f"<p>{html.escape(ledger['summary'])}</p>\n"
        "<p><a href='index.html'>The paper</a> · <a href='assumptions.html'>Assumptions</a></p>"
    )
    return _page("Claims ledger", f"{head}\n{entries}")


def assumptions_page(tree: Mapping, source_file: str = "config/assumptions.yaml") -> str:
    """``assumptions.html``: every assumption with value, unit, meaning, source and range,
    anchored ``<group>.<key>``."""
    parts = [
        "<h1>Assumptions</h1>",
        f"<p>The values this build used, from <code>{html.escape(source_file)}</code> "
        "(and the scenario's overrides). <a href='index.html'>The paper</a> · "
        "<a href='ledger.html'>Claims ledger</a></p>",
    ]
    for group, entries in tree.items():
        parts.append(f"<h2>{html.escape(group)}</h2>")
        for key, entry in entries.items():
            dotted = f"{group}.{key}"
            rows = [
                ("value", f"{_number(entry['value'])} {html.escape(str(entry.get('unit', '')))}"),
                ("meaning", html.escape(str(entry.get("meaning", "")))),
                ("source", html.escape(str(entry.get("source", "—")))),
                ("range", f"{_number(entry['range'])} ({entry.get('distribution', 'uniform')})"),
            ]
            body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
            parts.append(
                f"<section class='entry' id='{html.escape(dotted)}'>"
                f"<h3><code>{html.escape(dotted)}</code></h3><dl>{body}</dl></section>"
            )
    return _page("Assumptions", "\n".join(parts))


# --- the LaTeXML conversion --------------------------------------------------------------

EDITION_CSS = """
/* The edition's own layout on top of LaTeXML's stylesheets: a readable column on a laptop,
   the full width on a phone; figures shrink to the column, and what cannot shrink (display
   equations, diagrams, wide tables) scrolls inside it instead of widening the page. */
.ltx_page_main { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
body { line-height: 1.5; overflow-wrap: break-word; }
.ltx_figure img, img.ltx_graphics { max-width: 100%; height: auto; }
svg.ltx_picture { max-width: 100%; height: auto; }
.ltx_equation, .ltx_equationgroup, .ltx_tabular, .ltx_picture, .ltx_figure .ltx_inline-block {
  display: block; overflow-x: auto; max-width: 100%; }
table.ltx_equation, table.ltx_equationgroup, table.ltx_tabular { display: block; }
figure.ltx_table, figure.ltx_figure { overflow-x: auto; max-width: 100%; }
.ltx_font_typewriter, figcaption a { overflow-wrap: anywhere; }
math[display="block"] { overflow-x: auto; max-width: 100%; }
a.ltx_href { color: #2a4d7a; text-decoration: none; border-bottom: 1px dotted #2a4d7a80; }
@media (max-width: 36rem) { .ltx_page_main { padding: 0 0.5rem; } body { font-size: 15px; } }
""".strip()


def png_figures(pdfs: list[str], dest: Path, dpi: int = 300) -> list[Path]:
    """Each figure PDF as a PNG of the same name at print resolution (poppler's pdftoppm;
    ImageMagick's policy here refuses PDF, and LaTeXML needs ImageMagick to size an SVG)."""
    dest.mkdir(parents=True, exist_ok=True)
    made = []
    for pdf in pdfs:
        stem = dest / Path(pdf).stem
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(stem)], check=True
        )
        made.append(stem.with_suffix(".png"))
    return made


def latexml_command(
    main_tex: Path, dest: Path, search_paths: list[Path], css: Path, date: str, log: Path
) -> list:
    """latexmlc turning ``main_tex`` into an HTML5 page with MathML, offline. LaTeXML's
    own stylesheets are copied beside the page, then ``css``; the footer's date is the
    build's (``date``), so two builds of one commit agree."""
    command = ["latexmlc", "--quiet", "--format=html5", "--pmml", f"--css={css}"]
    command += [f"--timestamp={date}", "--timeout=3600", f"--log={log}"]
    command += [f"--path={p}" for p in search_paths]
    command += [f"--sourcedirectory={main_tex.parent}", f"--dest={dest}", str(main_tex)]
    return command


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)["']""")


def external_resources(page: str) -> list[str]:
    """URLs a page would load (scripts, styles, images) from another host; plain links
    (``<a href>``) are not loaded and are not counted."""
    loads = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", page, flags=re.I)
    return [m for tag in loads for m in EXTERNAL.findall(tag)]


def build_edition(
    *,
    main_tex: Path,
    tex_inputs: list[str],
    figures: list[str],
    links: str,
    pages: Mapping[str, str],
    dest: Path,
    workdir: Path,
    date: str,
) -> Path:
    """Convert ``main_tex`` with LaTeXML into ``dest/index.html``, beside ``pages``
    (name -> HTML) and the figures as PNG. ``tex_inputs`` are the generated LaTeX files
    the paper inputs; ``links`` is the edition's ``links.tex``. Returns the index page."""
    if workdir.exists():
        shutil.rmtree(workdir)
    inputs = workdir / "inputs"
    inputs.mkdir(parents=True)
    for tex in tex_inputs:
        shutil.copy(tex, inputs / Path(tex).name)
    (inputs / "links.tex").write_text(links, encoding="utf-8")
    png_figures(figures, inputs)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    css = workdir / "edition.css"
    css.write_text(EDITION_CSS + "\n", encoding="utf-8")
    index = dest / "index.html"
    log = (workdir / "latexml.log").resolve()
    command = latexml_command(
        main_tex.resolve(), index.resolve(), [inputs.resolve()], css.resolve(), date, log
    )
    try:
        subprocess.run(command, check=True, cwd=workdir)
    except subprocess.CalledProcessError:
        raise RuntimeError(f"latexmlc failed; its log ({log}) ends:\n{_tail(log)}") from None
    errors = re.findall(r"^Error:.*$", log.read_text(encoding="utf-8", errors="replace"), re.M)
    if errors:
        raise RuntimeError(f"{main_tex}: LaTeXML reports {len(errors)} errors: {errors[:3]}")
    (dest / "LaTeXML.cache").unlink(missing_ok=True)  # LaTeXML's bookkeeping, not a page
    for name, text in pages.items():
        (dest / name).write_text(text, encoding="utf-8")
    page = index.read_text(encoding="utf-8")
    found = external_resources(page)
    if found:
        raise ValueError(f"{index}: loads external resources: {', '.join(found[:3])}")
    return index


def _tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return "(no log)"
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def build_date(epoch: int) -> str:
    """The build's date (SOURCE_DATE_EPOCH, the last commit's time), as the PDF shows it."""
    import datetime as dt

    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC).strftime("%Y-%m-%d")


def figures_of(specs: Mapping[str, Mapping]) -> list[dict]:
    """:func:`figure_sources` of every figure in ``specs`` (name -> script and data)."""
    return [
        figure_sources(name, s["script"], s["data"], s.get("function")) for name, s in specs.items()
    ]


def repository_code(citation: str | Path) -> str | None:
    """``repository-code`` of ``CITATION.cff``, or None when it names none."""
    import yaml

    with open(citation, encoding="utf-8") as handle:
        return (yaml.safe_load(handle) or {}).get("repository-code") or None


def build_from_job(inputs, params, *, facts, ledger, uncertainty, sensitivity, dest: Path):
    """The HTML edition from a ``build_html`` job's inputs and params."""
    commit = params.provenance["commit"]
    repository = repository_code(inputs.citation)
    figures = figures_of(params.figures)
    pages = {
        "ledger.html": ledger_page(
            ledger,
            values=params.values,
            tree=params.assumptions,
            facts=facts,
            uncertainty=uncertainty,
            sensitivity=sensitivity,
            commit=commit,
            repository=repository,
        ),
        "assumptions.html": assumptions_page(params.assumptions),
    }
    return build_edition(
        main_tex=Path(inputs.tex),
        # The bibliography as BibTeX formatted it for the PDF (main.bbl beside main.pdf's
        # build), so both editions list the same references the same way.
        tex_inputs=[*inputs.tex_inputs, Path(params.latex_build) / "main.bbl"],
        figures=list(inputs.figures),
        links=links_tex(ledger["claims"], figures, commit, repository, html_edition=True),
        pages=pages,
        dest=dest,
        workdir=Path(params.workdir),
        date=build_date(params.provenance["source_date_epoch"]),
    )
