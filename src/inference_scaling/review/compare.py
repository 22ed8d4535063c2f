"""How far each scenario moves the essay's claims and conclusions, with values.

One table (:class:`inference_scaling.publish.tables.Table`), built once and written three
ways: Markdown for reading, an HTML page for the report, a booktabs longtable with caption
for the paper:

- per claim: the essay's value, then the recomputed value and verdict in every build;
- per conclusion: its statement in words, whether it holds in every build, and the Monte
  Carlo probability that it holds where a build has an uncertainty summary.

Claims are shown where they differ between builds, the others counted; every conclusion is
shown, so one that flips in any build is never folded into the count. Values print as the
ledger prints them (:func:`inference_scaling.publish.records.printed`). The rule
``compare_scenarios`` passes the builds' names and their ledger (and uncertainty) paths, so
where a build writes its results is the workflow's business, not this module's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import numbers, records, tables
from inference_scaling.publish.tables import Cell, Column, Heading, Page, Table

# Relative difference below which two values count as the same (floating-point noise).
SAME = 1e-9
# How a verdict is marked next to a value; a reproduced claim carries no mark.
VERDICT_MARK = {"reproduced": "", "differs": "differs", "new": "new", "unchecked": "unchecked"}


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


def _math(text: str, target: str) -> str:
    return f"${text}$" if target == "tex" else text


def value_cell(rec: Mapping | None) -> Cell:
    """A build's value of a claim as the ledger prints it, with its verdict marked unless
    it is reproduced (the paper's table leaves *new* unmarked: its Essay column has a
    dash)."""
    if rec is None:
        return tables.rich(r"\textemdash{}", "—")
    record = {"format": "g3", **rec}
    mark = VERDICT_MARK.get(rec.get("verdict") or "reproduced", rec.get("verdict"))

    def render(target):
        text = _math(records.printed(record, target), target)
        if mark and not (target == "tex" and mark == "new"):
            text += f" ({numbers.escape(mark, target)})"
        return text

    return Cell(render)


def essay_cell(rec: Mapping) -> Cell:
    """The essay's value, with only the precision it was written with."""
    essay = rec.get("essay_value")
    if essay is None:
        return tables.rich(r"\textemdash{}", "—")
    style = numbers.essay_style(essay, rec.get("format", "g3"))
    return Cell(lambda target: _math(numbers.value(essay, style, target), target))


def conclusion_cell(holds: bool | None, probability: float | None) -> Cell:
    """'holds' or 'fails', with the Monte Carlo probability that it holds if known."""
    if holds is None:
        return tables.rich(r"\textemdash{}", "—")

    def render(target):
        word = {
            "tex": "holds" if holds else r"\textbf{fails}",
            "text": "holds" if holds else "FAILS",
            "html": "holds" if holds else "<b>fails</b>",
        }[target]
        if probability is None:
            return word
        p = numbers.percent(probability, target=target)
        if target == "tex":  # the probability on a line of its own in a narrow column
            return f"{word}\\newline\\mbox{{$P = {p}$}}"
        return f"{word} (P = {p})"

    return Cell(render)


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
                essay_cell(rec),
                tuple(value_cell(r) for r in records),
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
                tables.rich("", ""),
                tuple(conclusion_cell(h, q) for h, q in zip(held, p, strict=True)),
            )
        )
    return names, rows, unchanged


def _unchanged_line(unchanged: int, names) -> str:
    builds = ", ".join(name.replace("_", " ") for name in names)
    claims = "further claim is" if unchanged == 1 else "further claims are"
    return f"{unchanged} {claims} the same in every build ({builds}); every conclusion is listed."


def _label_cell(r: Row) -> Cell:
    """The row's statement (its unit in brackets); Markdown and HTML add its id."""

    def render(target):
        text = numbers.prose(r.label, target)
        if r.unit:
            text += f" [{numbers.unit_words(r.unit, target)}]"
        if target != "tex":
            text += f" ({tables.code(r.id).render(target)})"
        return text

    return Cell(render)


def comparison_table(names, rows, unchanged, label="tab:compare") -> Table:
    """The comparison as one table: claims, then conclusions. Scenario names head the
    columns in whole words (LaTeX breaks "heavy deployment" between its words, never inside
    one); a claim the essay does not state has a dash in the Essay column."""
    n = len(names)
    # The label takes a quarter of the text block; the essay's column and one per build
    # share the rest, so that a long cell wraps instead of widening the table.
    width = 0.75 / (n + 1)

    def head(name):
        words = " ".join(f"\\mbox{{{numbers.escape(w, 'tex')}}}" for w in name.split("_"))
        return tables.rich(f"\\scriptsize {words}", name)

    caption = Cell(
        lambda t: (
            "How the scenarios move the claims and conclusions. Recomputed values per build; "
            "a value marked (differs) lies outside the interval the essay's statement allows, "
            "(new) marks a check the essay does not state (a dash in the Essay column). A "
            "conclusion holds or fails with the build's central values; "
            f"{_math('P', t)} is the Monte Carlo probability that it holds. "
            + numbers.escape(_unchanged_line(unchanged, names), t)
        )
    )
    table = Table(
        [
            Column("", 0.25),
            Column("Essay", width, "r"),
            *(Column(head(name), width, "r") for name in names),
        ],
        caption=caption,
        label=label,
        size="footnotesize",
        empty="No claim or conclusion differs between the builds.",
    )
    for kind, title in (("claim", "Claims"), ("conclusion", "Conclusions")):
        group = [r for r in rows if r.kind == kind]
        if group:
            table.section(title)
        for r in group:
            table.add(_label_cell(r), r.essay, *r.cells)
    return table


def comparison_page(names, rows, unchanged) -> Page:
    """The comparison as a page (``compare.md``, ``compare.html``)."""
    return Page().add(
        Heading("What each scenario changes"), comparison_table(names, rows, unchanged)
    )


def overrides_table(overrides: Mapping[str, Mapping[str, Sequence]], meanings: Mapping) -> Table:
    """What each scenario changes, as a floating booktabs table: per scenario and changed
    assumption, its meaning, the default value and the scenario's. ``overrides`` maps a
    scenario to ``{group.key: (default, value)}``; ``meanings`` maps ``group.key`` to its
    meaning."""

    def show(key, value):
        style = numbers.assumption_style(value, key)
        return Cell(lambda t: _math(numbers.number(value, style, t), t))

    table = Table(
        [
            Column("Scenario", 0.2),
            Column("Assumption", 0.5),
            Column("Default", 0.15, "r"),
            Column("Scenario", 0.15, "r"),
        ],
        caption=(
            "The scenarios: the assumptions each one changes, with the default value (the "
            "essay's) and the scenario's."
        ),
        label="tab:scenarios",
        size="small",
        floating=True,
    )
    for name, changes in overrides.items():
        for i, (key, (default, value)) in enumerate(sorted(changes.items())):
            table.add(
                name.replace("_", " ") if i == 0 else "",
                tables.prose(meanings[key]),
                show(key, default),
                show(key, value),
            )
    return table


def overrides_latex(overrides, meanings) -> str:
    """:func:`overrides_table` in LaTeX (``scenario_overrides.tex``)."""
    return overrides_table(overrides, meanings).latex()


def write_comparison(builds: Mapping[str, dict], md_path, tex_path, html_path=None) -> str:
    """Write the Markdown, LaTeX (and HTML) tables; return a one-line summary."""
    names, rows, unchanged = comparison_rows(builds)
    page = comparison_page(names, rows, unchanged)
    write_text(md_path, page.markdown())
    write_text(tex_path, comparison_table(names, rows, unchanged).latex())
    if html_path is not None:
        write_text(html_path, page.html())
    return (
        f"compare: {len(names)} builds, {len(rows)} rows differ, {unchanged} unchanged -> {md_path}"
    )
