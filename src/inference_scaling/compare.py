"""Which of the essay's claims and conclusions survive each scenario.

Reads the default ledger and every scenario's ledger and writes one table (Markdown and a
LaTeX ``longtable``): per claim the verdict against the essay, per conclusion whether it
holds. The rule ``compare_scenarios`` (``make compare``) calls :func:`write_comparison` with
the ledgers of the scenarios in ``config/scenarios/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .io import write_text
from .latex import tex_escape

MARK = {"reproduced": "ok", "differs": "DIFFERS", "new": "new"}


def read_ledgers(default, scenarios) -> dict[str, dict]:
    """``{"default": ledger, "<scenario>": ledger, ...}`` from the default ledger's path and
    the scenario ledgers' paths; a scenario is named after its ledger's directory and the
    scenarios are sorted by name."""
    ledgers = {"default": json.loads(Path(default).read_text("utf-8"))}
    for path in sorted(map(Path, scenarios), key=lambda p: p.parent.name):
        ledgers[path.parent.name] = json.loads(path.read_text("utf-8"))
    return ledgers


def comparison_rows(ledgers: dict[str, dict]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: claims whose verdict changes anywhere, then every conclusion."""
    names = list(ledgers)
    base = ledgers["default"]
    rows = []
    for i, rec in enumerate(base["claims"]):
        verdicts = [ledgers[n]["claims"][i]["verdict"] for n in names]
        values = [ledgers[n]["claims"][i]["value"] for n in names]
        if len(set(map(json.dumps, values))) > 1 or len(set(verdicts)) > 1:
            rows.append([rec["id"], *(MARK[v] for v in verdicts)])
    for i, con in enumerate(base["conclusions"]):
        rows.append(
            [
                f"conclusion: {con['id']}",
                *("holds" if ledgers[n]["conclusions"][i]["holds"] else "FAILS" for n in names),
            ]
        )
    return ["claim or conclusion", *names], rows


def to_markdown(header, rows) -> str:
    out = [
        "# Which claims and conclusions survive each scenario",
        "",
        "Claims are listed when their value or verdict changes in some scenario "
        "(ok = reproduced, DIFFERS = differs from the essay); every conclusion is listed.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def to_latex(header, rows) -> str:
    cols = "l" + "c" * (len(header) - 1)
    head = " & ".join(
        f"\\rotatebox{{60}}{{{tex_escape(h)}}}" if i else tex_escape(h)
        for i, h in enumerate(header)
    )
    lines = [
        f"\\begin{{longtable}}{{@{{}}{cols}@{{}}}}",
        "\\toprule",
        head + " \\\\",
        "\\midrule",
        "\\endhead",
    ]
    lines += [" & ".join([f"\\texttt{{{tex_escape(r[0])}}}", *r[1:]]) + " \\\\" for r in rows]
    lines += ["\\bottomrule", "\\end{longtable}"]
    return "\n".join(lines) + "\n"


def write_comparison(ledgers: dict[str, dict], md_path, tex_path) -> str:
    """Write the Markdown and LaTeX tables; return a one-line summary."""
    header, rows = comparison_rows(ledgers)
    write_text(md_path, to_markdown(header, rows))
    write_text(tex_path, to_latex(header, rows))
    return f"compare: {len(header) - 1} builds, {len(rows)} rows -> {md_path}"
