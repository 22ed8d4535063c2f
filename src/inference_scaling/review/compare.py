"""How far each scenario moves the essay's claims and conclusions, with values.

One table, written two ways from the same rows (Markdown for reading, which the rule
compare_scenarios also renders as the report's HTML page with
``inference_scaling.publish.report_pages``, and a booktabs LaTeX table with caption for the
paper):

- per claim: the essay's value, then the recomputed value and verdict in every build;
- per conclusion: its statement in words, whether it holds in every build, and the Monte
  Carlo probability that it holds where a build has an uncertainty summary.

Claims are shown where they differ between builds, the others counted; every conclusion is
shown, so one that flips in any build is never folded into the count. The rule
``compare_scenarios`` passes the builds' names and their ledger (and uncertainty) paths, so
where a build writes its results is the workflow's business, not this module's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish.latex import tex_escape

# Relative difference below which two values count as the same (floating-point noise).
SAME = 1e-9
# How a verdict is marked next to a value; a reproduced claim carries no mark.
VERDICT_MARK = {"reproduced": "", "differs": "differs", "new": "new", "unchecked": "unchecked"}
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Cell:
    """One table cell as plain text (Markdown, HTML) and as LaTeX."""

    text: str
    tex: str


@dataclass(frozen=True)
class Row:
    kind: str  # "claim" or "conclusion"
    id: str
    label: str  # what the row is about, in words
    unit: str
    essay: Cell  # the essay's value (claims) or an empty cell (conclusions)
    cells: tuple[Cell, ...]  # one per build


def read_builds(
    names: Sequence[str], ledgers: Sequence, uncertainties: Sequence | None = None
) -> dict[str, dict]:
    """``{name: {"ledger": ..., "uncertainty": ... or None}}`` in the order given.

    ``ledgers`` and ``uncertainties`` are paths (``claims.json``, and ``uncertainty.json`` or
    the draws' summary ``uncertainty/draws.json``: only the conclusions' probabilities are
    read) in the order of ``names``; the first build is the reference the others are read against.
    """
    if len(names) != len(ledgers) or (uncertainties and len(uncertainties) != len(names)):
        raise ValueError(
            f"compare: {len(names)} builds but {len(ledgers)} ledgers and "
            f"{len(uncertainties or [])} uncertainty files"
        )
    builds = {}
    for i, name in enumerate(names):
        builds[name] = {
            "ledger": json.loads(Path(ledgers[i]).read_text("utf-8")),
            "uncertainty": (
                json.loads(Path(uncertainties[i]).read_text("utf-8")) if uncertainties else None
            ),
        }
    return builds


def _number(v: float, trim: bool = False) -> Cell:
    """Three significant figures (``trim``: without trailing zeros, for the essay's values,
    which carry only the precision it wrote); powers of ten outside 0.001 .. 999,999."""
    if v == 0 or not math.isfinite(v):
        return Cell(str(v), f"${v}$" if math.isfinite(v) else r"\textemdash{}")
    exp = math.floor(math.log10(abs(v)))
    mantissa = float(f"{v / 10**exp:.2f}")
    if mantissa >= 10:  # 9.996 rounds up to 10.0
        mantissa, exp = mantissa / 10, exp + 1
    if -3 <= exp < 6:
        text = f"{v:,.{max(0, 2 - exp)}f}"
        if trim and "." in text:
            text = text.rstrip("0").rstrip(".")
        return Cell(text, "$" + text.replace(",", "{,}") + "$")
    m = f"{mantissa:.2f}".rstrip("0").rstrip(".")
    power = str(exp).translate(SUPERSCRIPT)
    if m == "1":
        return Cell(f"10{power}", f"$10^{{{exp}}}$")
    return Cell(f"{m}×10{power}", f"${m}\\times10^{{{exp}}}$")


def value_cell(value, verdict: str | None = None, trim: bool = False) -> Cell:
    """A scalar or ``[low, high]`` value, with its verdict marked unless it is reproduced."""
    if value is None:
        return Cell("—", r"\textemdash{}")
    values = value if isinstance(value, list) else [value]
    parts = [_number(float(v), trim) for v in values]
    text = "–".join(p.text for p in parts)
    tex = "--".join(p.tex for p in parts)
    mark = VERDICT_MARK.get(verdict or "reproduced", verdict)
    if mark:
        text, tex = f"{text} ({mark})", f"{tex} ({tex_escape(mark)})"
    return Cell(text, tex)


def conclusion_cell(holds: bool | None, probability: float | None) -> Cell:
    """'holds' or 'fails', with the Monte Carlo probability that it holds if known."""
    if holds is None:
        return Cell("—", r"\textemdash{}")
    word = "holds" if holds else "FAILS"
    tex_word = "holds" if holds else r"\textbf{fails}"
    if probability is None:
        return Cell(word, tex_word)
    p = f"{probability:.2f}"
    return Cell(f"{word} (P = {p})", f"{tex_word}\\newline\\mbox{{$P = {p}$}}")


def _same(values) -> bool:
    """True when every value equals the first (up to floating-point noise)."""
    flat = [json.dumps(v) if v is None or isinstance(v, str | bool) else v for v in values]
    first = flat[0]
    for v in flat[1:]:
        if isinstance(first, str) or isinstance(v, str):
            if v != first:
                return False
            continue
        a, b = (first, v) if isinstance(first, list) else ([first], [v])
        if len(a) != len(b):
            return False
        for x, y in zip(a, b, strict=True):
            if abs(x - y) > SAME * max(abs(x), abs(y)):
                return False
    return True


def comparison_rows(builds: Mapping[str, dict]) -> tuple[list[str], list[Row], int]:
    """Build names, the rows (every claim that differs somewhere, then every conclusion) and
    how many claims are the same in every build."""
    names = list(builds)
    reference = builds[names[0]]["ledger"]
    claims = [{c["id"]: c for c in builds[n]["ledger"]["claims"]} for n in names]
    concl = [{c["id"]: c for c in builds[n]["ledger"]["conclusions"]} for n in names]
    probs = [(builds[n]["uncertainty"] or {}).get("conclusions", {}) for n in names]
    rows, unchanged = [], 0
    for rec in reference["claims"]:
        cid = rec["id"]
        records = [by_id.get(cid) for by_id in claims]
        values = [r["value"] if r else None for r in records]
        verdicts = [r["verdict"] if r else "absent" for r in records]
        if _same(values) and len(set(verdicts)) == 1:
            unchanged += 1
            continue
        rows.append(
            Row(
                "claim",
                cid,
                rec.get("label") or rec["statement"],
                rec.get("unit", ""),
                value_cell(rec.get("essay_value"), trim=True),
                tuple(
                    value_cell(r["value"], r["verdict"]) if r else value_cell(None) for r in records
                ),
            )
        )
    # Every conclusion is listed, with whether it holds and its probability in each build:
    # they are the essay's argument, and a reader must see one that flips, never a count.
    for rec in reference["conclusions"]:
        kid = rec["id"]
        held = [by_id[kid]["holds"] if kid in by_id else None for by_id in concl]
        p = [prob.get(kid) for prob in probs]
        rows.append(
            Row(
                "conclusion",
                kid,
                rec["statement"],
                "",
                Cell("", ""),
                tuple(conclusion_cell(h, q) for h, q in zip(held, p, strict=True)),
            )
        )
    return names, rows, unchanged


POWER = re.compile(r"10\^\{?(-?\d+)\}?")


def plain_label(text: str) -> str:
    """A statement written for LaTeX as plain text: en dashes, superscript powers of ten."""
    text = POWER.sub(lambda m: "10" + m.group(1).translate(SUPERSCRIPT), text)
    return text.replace("--", "–")


def tex_label(text: str) -> str:
    """A statement escaped for LaTeX, its powers of ten in math mode."""
    parts = POWER.split(text)
    # split() alternates text and exponents: escape the text, typeset the exponents.
    return "".join(
        tex_escape(part) if i % 2 == 0 else f"$10^{{{part}}}$" for i, part in enumerate(parts)
    )


def _unchanged_line(unchanged: int, names) -> str:
    builds = ", ".join(names)
    claims = "further claim is" if unchanged == 1 else "further claims are"
    return f"{unchanged} {claims} the same in every build ({builds}); every conclusion is listed."


def to_markdown(names, rows, unchanged) -> str:
    """The table as Markdown: a claims section and a conclusions section."""
    out = [
        "# What each scenario changes",
        "",
        "Values are recomputed in each build; a value without a mark lies in the interval the "
        "essay's statement allows, *(differs)* does not, *(new)* is a number the essay does not "
        "state. A conclusion *holds* or *FAILS* with the build's central values; P is the "
        "Monte Carlo probability that it holds over the assumption ranges.",
        "",
    ]
    claims = [r for r in rows if r.kind == "claim"]
    conclusions = [r for r in rows if r.kind == "conclusion"]
    if claims:
        out += [
            "## Claims",
            "",
            "| claim | unit | essay | " + " | ".join(names) + " |",
            "|---|---|---|" + "---|" * len(names),
        ]
        out += [
            f"| {plain_label(r.label)} (`{r.id}`) | {r.unit} | {r.essay.text} | "
            + " | ".join(c.text for c in r.cells)
            + " |"
            for r in claims
        ]
        out.append("")
    if conclusions:
        out += ["## Conclusions", "", "| conclusion | " + " | ".join(names) + " |"]
        out.append("|---|" + "---|" * len(names))
        out += [
            f"| {plain_label(r.label)} (`{r.id}`) | " + " | ".join(c.text for c in r.cells) + " |"
            for r in conclusions
        ]
        out.append("")
    if not rows:
        out += ["No claim or conclusion differs between the builds.", ""]
    out.append(_unchanged_line(unchanged, names))
    return "\n".join(out) + "\n"


def to_latex(names, rows, unchanged, label="tab:compare") -> str:
    """The table as a booktabs ``longtable`` with caption (it may run over a page), for
    ``\\input`` in the paper. Scenario names head the columns, wrapped; a claim the essay does
    not state has a dash in the Essay column, so its values carry no mark."""
    n = len(names)
    head = " & ".join(
        [
            "",
            "Essay",
            # Whole words, a size smaller: a narrow column breaks "heavy deployment" between
            # its words, never inside one.
            *(
                "\\scriptsize " + " ".join(f"\\mbox{{{tex_escape(w)}}}" for w in name.split("_"))
                for name in names
            ),
        ]
    )
    caption = (
        "How the scenarios move the claims and conclusions. Recomputed values per build; a "
        "value marked (differs) lies outside the interval the essay's statement allows, and a "
        "dash in the Essay column marks a check the essay does not state. A conclusion holds or "
        "fails with the build's central values; $P$ is the Monte Carlo probability that it "
        f"holds. {tex_escape(_unchanged_line(unchanged, [n.replace('_', ' ') for n in names]))}"
    )
    # The label takes a quarter of the text block; the essay's column and one per build
    # share the rest, as p columns, so that a long cell wraps instead of widening the table.
    width = f"\\dimexpr(0.75\\linewidth-{2 * (n + 1)}\\tabcolsep)/{n + 1}\\relax"
    value_col = f">{{\\raggedleft\\arraybackslash}}p{{{width}}}"
    cols = f"@{{}}>{{\\raggedright\\arraybackslash}}p{{0.25\\linewidth}}{value_col * (n + 1)}@{{}}"
    lines = [
        "{\\footnotesize",
        f"\\begin{{longtable}}{{{cols}}}",
        f"\\caption{{{caption}}}\\label{{{label}}} \\\\",
        "\\toprule",
        head + " \\\\",
        "\\midrule",
        "\\endfirsthead",
        "\\toprule",
        head + " \\\\",
        "\\midrule",
        "\\endhead",
        "\\bottomrule",
        "\\endlastfoot",
    ]
    for kind, title in (("claim", "Claims"), ("conclusion", "Conclusions")):
        group = [r for r in rows if r.kind == kind]
        if not group:
            continue
        # \\* keeps a group's title on the page of its first row.
        lines.append(f"\\multicolumn{{{n + 2}}}{{@{{}}l}}{{\\textit{{{title}}}}} \\\\*")
        for r in group:
            text = tex_label(r.label) + (f" [{tex_escape(r.unit)}]" if r.unit else "")
            cells = [c.tex.replace(" (new)", "") for c in r.cells]
            lines.append(" & ".join([text, r.essay.tex, *cells]) + " \\\\[2pt]")
    if not rows:
        lines.append(f"\\multicolumn{{{n + 2}}}{{@{{}}l}}{{No differences.}} \\\\")
    lines += ["\\end{longtable}", "}"]
    return "\n".join(lines) + "\n"


def overrides_latex(overrides: Mapping[str, Mapping[str, Sequence]], meanings: Mapping) -> str:
    """What each scenario changes, as a booktabs table: per scenario and changed assumption,
    its meaning, the default value and the scenario's. ``overrides`` maps a scenario to
    ``{group.key: (default, value)}``; ``meanings`` maps ``group.key`` to its meaning."""
    from inference_scaling.publish.latex import assumption_format, essay_words, format_number

    def show(key, value):
        return f"${format_number(value, assumption_format(value, key))}$"

    lines = [
        "\\begin{table}[htbp]",
        "\\centering\\small",
        "\\caption{The scenarios: the assumptions each one changes, with the default value "
        "(the essay's) and the scenario's.}",
        "\\label{tab:scenarios}",
        "\\begin{tabular}{@{}lp{0.5\\linewidth}rr@{}}",
        "\\toprule",
        "Scenario & Assumption & Default & Scenario \\\\",
        "\\midrule",
    ]
    for name, changes in overrides.items():
        for i, (key, (default, value)) in enumerate(sorted(changes.items())):
            first = tex_escape(name.replace("_", " ")) if i == 0 else ""
            lines.append(
                f"{first} & {essay_words(meanings[key])} & {show(key, default)} & "
                f"{show(key, value)} \\\\"
            )
    lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}"]
    return "\n".join(lines) + "\n"


def write_comparison(builds: Mapping[str, dict], md_path, tex_path) -> str:
    """Write the Markdown and LaTeX tables; return a one-line summary."""
    names, rows, unchanged = comparison_rows(builds)
    write_text(md_path, to_markdown(names, rows, unchanged))
    write_text(tex_path, to_latex(names, rows, unchanged))
    return (
        f"compare: {len(names)} builds, {len(rows)} rows differ, {unchanged} unchanged -> {md_path}"
    )
