"""The ledger as a reader sees it: the ledger table (LaTeX, Markdown, HTML), ``claims.md``,
the ledger's statements and notes as text, and the growth-grid page.

``workflow/scripts/compute_claims.py`` writes ``claims.json`` from :func:`text_ledger`
(statements and notes filled as plain text), ``claims_table.tex`` from :func:`ledger_table`
and ``claims.md`` from :func:`ledger_page`; the two tables are one :class:`Table` built
once. Numbers go through :mod:`inference_scaling.publish.numbers`.
"""

from __future__ import annotations

from inference_scaling.publish import latex, numbers, records, tables
from inference_scaling.publish.latex import BASIS_WORDS, SECTION_TITLES
from inference_scaling.publish.tables import Column, Heading, Items, Page, Paragraph, Table

#: The style of growth rates [x per year] on the growth-grid page: the ledger's own
#: (``era.pretrain_growth`` in the catalogue), so a rate reads the same on every page.
GROWTH_STYLE = "f1"


def text_ledger(ledger: list[dict]) -> list[dict]:
    """The records with their statement and note filled as plain text (for
    ``claims.json``), without the template fields."""
    out = []
    for rec in ledger:
        filled = {k: v for k, v in rec.items() if k != "fields"}
        for key in ("statement", "note", "unchecked"):
            if filled.get(key) is not None:
                filled[key] = records.fill_record(rec, key, "text")
        out.append(filled)
    return out


def _label(rec: dict) -> tables.Cell:
    """The quantity in words (in LaTeX the row's link anchor); Markdown and HTML add the
    claim's id."""

    def render(target):
        label = numbers.prose(rec["label"], target)
        if target == "tex":  # \\claimrow (links.tex): the row's anchor and the claim's code
            return f"\\claimrow{{{rec['id']}}}{{{label}}}"
        return f"{label} ({tables.code(rec['id']).render(target)})"

    return tables.Cell(render)


def _verdict(rec: dict) -> tables.Cell:
    """The verdict; the Markdown adds the cause of a difference; beside an
    order-of-magnitude verdict, the ratio of the recomputed value to the essay's, unless the
    two are equal (a "1×" says nothing the verdict does not)."""
    ratios = rec.get("ratio_to_essay")
    equal = ratios is not None and all(
        r == 1.0 for r in (ratios if isinstance(ratios, list | tuple) else [ratios])
    )

    def render(target):
        verdict, cause = rec["verdict"], rec.get("cause")
        ratio = "" if equal else latex.ratio_text(rec, target)
        if target == "tex":
            return f"\\verdict{{{verdict}}}" + (f" (${ratio}\\times$)" if ratio else "")
        out = f"<b>{verdict}</b>" if target == "html" else f"**{verdict}**"
        if cause:
            out += f" ({cause})"
        if ratio:
            out += f", {ratio}× the essay's"
        return out

    return tables.Cell(render)


def _essay(rec: dict):
    """The essay's words (a dagger marks a figure image's text, not the essay's prose)."""
    if rec["essay"] is None:
        return tables.rich("--", "—", "—")
    dagger = tables.rich(r"\textsuperscript{\dag}", " †") if rec.get("figure_text") else ""
    return tables.join(tables.prose(str(rec["essay"]), multipliers=False), dagger)


def _form(rec: dict):
    """The form the verdict rule reads (a double dagger marks the project's reading of
    words that give no number)."""
    if rec["essay"] is None:
        return "—"
    mark = " ‡" if rec.get("reading") == "project" else ""
    return tables.join(tables.prose(str(rec.get("form") or rec["essay"]), multipliers=False), mark)


def ledger_table(ledger: list[dict]) -> Table:
    """The ledger: per claim, by section of the essay, its label, basis, evidence grade, the
    essay's words and the form the rule reads, the recomputed value with its unit, and the
    verdict. The paper's table leaves out the evidence and the form (the Markdown page
    shows them); its caption is the paper's ``\\ledgerTableCaption``."""
    web = ("text", "html")
    table = Table(
        [
            Column("Quantity", 0.29),
            Column("Basis", 0.13),
            Column("Evidence", only=web),
            Column("Essay", 0.17),
            Column("Rule reads", only=web),
            Column("Recomputed", 0.25),
            Column("Verdict", 0.16),
        ],
        caption=tables.rich(r"\ledgerTableCaption", "", ""),
        label="tab:ledger",
    )
    section = None
    for rec in latex.by_section(ledger):
        if rec["section"] != section:
            section = rec["section"]
            table.section(SECTION_TITLES.get(section, section))
        table.add(
            _label(rec),
            BASIS_WORDS[rec["basis"]],
            rec.get("evidence") or "—",
            _essay(rec),
            _form(rec),
            tables.Cell(lambda target, rec=rec: records.printed(rec, target, unit=True)),
            _verdict(rec),
        )
    return table


def conclusion_table(conclusions) -> Table:
    """The conclusions in words and whether each holds in this build."""
    table = Table([Column("Conclusion", 0.85), Column("Holds", 0.15)])
    for con in conclusions:
        table.add(tables.prose(con["statement"]), "yes" if con["holds"] else "no")
    return table


def _verdict_rule_text() -> str:
    """The verdict rule as its module states it (after "stated once:" if it says so)."""
    from inference_scaling.ledger import verdict_rule

    doc = verdict_rule.__doc__ or ""
    rule = doc.split("stated once:", 1)[1] if "stated once:" in doc else doc.split("\n\n")[0]
    return " ".join(rule.split()).replace("``", "`")


def _filled(rec: dict, key: str) -> tables.Cell:
    return tables.Cell(lambda target: records.fill_record(rec, key, target))


def ledger_page(ledger: list[dict], summary_line: str, conclusions=(), changes="") -> Page:
    """``claims.md``: the counts (and, for a fork, what it changes against the default
    build), the basis, evidence, verdicts and the verdict rule, the ledger table, the
    differences by cause, the unchecked statements, the conclusions and the notes."""
    page = Page().add(Heading("Claims ledger"), Paragraph(summary_line))
    if changes:
        page.add(Paragraph(tables.markdown(f"**Against the default build:** {changes}.")))
    page.add(
        Paragraph(
            tables.markdown(
                "**Basis.** *recomputed*: a kernel derives the value from inputs; *sourced*: a "
                "figure the essay takes from a source, checked against the shipped data; "
                "*premise*: the essay's own assumption or example, echoed (matched exactly)."
            )
        ),
        Paragraph(
            tables.markdown(
                "**Evidence** (recomputed rows). *independent*: data or evidence the essay did "
                "not use, which could have come out otherwise; *arithmetic*: the essay's own "
                "computation re-run from its premises; *definitional*: true by construction, "
                "or an input echoed through a formula (its verdict cannot change over the "
                "declared ranges)."
            )
        ),
        Paragraph(
            tables.markdown(
                "**Verdicts.** *reproduced*, *differs* (with its cause: *essay*, *source*, "
                "*definition* or *premise*), *new* (the essay states no number) and "
                "*unchecked* (no shipped source can confirm or refute the statement; never a "
                "difference). Words marked † are the text of a figure's image, not the "
                "essay's prose; ‡ marks a form that is this project's reading of words that "
                "give no number."
            )
        ),
        Paragraph(
            tables.markdown(
                f"**Verdict rule.** {_verdict_rule_text()} See "
                "`src/inference_scaling/ledger/verdict_rule.py`."
            )
        ),
        ledger_table(ledger),
    )
    groups = latex.differences_by_cause(ledger)
    if groups:
        page.add(Heading("Differences by cause", 2))
        for cause, recs in groups.items():
            page.add(Paragraph(tables.markdown(f"**{latex.CAUSE_TITLES[cause]}** ({cause})")))
            items = []
            for r in recs:
                changed = [tables.code(k) for k in r.get("changed_inputs") or ()]
                why = [" Changed: ", tables.join(*changed, sep=", "), "."] if changed else []
                reason = _filled(r, "note" if r["note"] else "statement")
                items.append(tables.join(tables.code(r["id"]), f" ({r['label']}): ", reason, *why))
            page.add(Items(items))
    unchecked = [r for r in ledger if r["verdict"] == "unchecked"]
    if unchecked:
        page.add(
            Heading("Unchecked", 2),
            Items(
                [
                    tables.join(tables.code(r["id"]), ": ", _filled(r, "unchecked"))
                    for r in unchecked
                ]
            ),
        )
    if conclusions:
        page.add(Heading("Conclusions", 2), conclusion_table(conclusions))
    notes = [rec for rec in ledger if rec["note"]]
    if notes:
        page.add(
            Heading("Notes", 2),
            Items(
                [tables.join(tables.code(rec["id"]), ": ", _filled(rec, "note")) for rec in notes]
            ),
        )
    return page


def growth_grid_page(spread: dict, default: dict, axes: dict, cold_start=None) -> Page:
    """``growth_grid.md``: how far the frontier definition and the fit window move the
    fitted growth rates, and what starting the frontier from an empty list would give."""

    def rate(value):
        return tables.quantity(value, GROWTH_STYLE, "x")

    def span(pair):
        return tables.join(rate(pair[0]), " to ", rate(pair[1]))

    top_n, start, end = (axes[k] for k in axes)
    table = Table(
        [
            Column("domain", 0.22),
            Column("over top-N (default window)", 0.26),
            Column("over windows (default top-N)", 0.26),
            Column("everything", 0.26),
        ]
    )
    for domain, s in spread.items():
        table.add(domain, span(s["top_n"]), span(s["window"]), span(s["all"]))
    page = Page().add(
        Heading("Frontier definition and fit window"),
        Paragraph(
            "Growth of frontier training compute [× per year], refitted for every top-N "
            f"({int(top_n[0])}–{int(top_n[-1])}), window start "
            f"({numbers.number(start[0], 'f0', 'text')}–{numbers.number(start[-1], 'f0', 'text')}) "
            f"and end ({numbers.number(end[0], 'f0', 'text')}–"
            f"{numbers.number(end[-1], 'f0', 'text')}) on the grid of config/uncertainty.yaml. "
            f"The build uses top-{int(default['era.frontier_top_n'])}, "
            f"[{numbers.number(default['era.fit_start_year'], 'f0', 'text')}, "
            f"{numbers.number(default['era.fit_end_year'], 'f0', 'text')})."
        ),
        table,
    )
    if cold_start:
        cold = Table(
            [
                Column("domain", 0.3),
                Column("with earlier rows", 0.35),
                Column("from an empty list in 2018", 0.35),
            ]
        )
        for domain, g in cold_start.items():
            cold.add(domain, rate(g["with"]), rate(g["without"]))
        page.add(
            Paragraph(
                "The frontier is decided against every earlier model, including Epoch rows "
                "before 2018 (data/epoch_notable_models_pre2018.csv). Without "
                "them the bookkeeping starts from an empty list in 2018; at the build's "
                "definition the rate would be:"
            ),
            cold,
        )
    return page
