"""Recompute the claims ledger and write claims.json/.tex/.md and the LaTeX ledger table.

The ledger keeps its statements and notes as templates; publishing fills them: as plain
text for claims.json and claims.md, as LaTeX for the differences list in claims.tex.
"""

import json
import logging
from pathlib import Path

from inference_scaling.ledger import claims, conclusions
from inference_scaling.model import era
from inference_scaling.pipeline import datasets
from inference_scaling.pipeline.io import dump_json, write_text
from inference_scaling.publish import latex, ledger_pages

log = logging.getLogger(__name__)


def main(smk):
    growth = json.loads(Path(smk.input.growth).read_text(encoding="utf-8"))
    grid = json.loads(Path(smk.input.grid).read_text(encoding="utf-8"))
    facts = {
        **datasets.ledger_facts(growth, **datasets.declared_csvs(smk.input)),
        **era.spread_facts(grid["spread"]),
    }
    ledger = claims.build_ledger(smk.params.assumptions, facts, smk.params.changed)
    line = claims.summary(ledger)
    values = {rec["id"]: rec["value"] for rec in ledger}
    held = conclusions.conclusion_records(values, smk.params.assumptions)
    default = getattr(smk.input, "default", None)
    changes = ""
    if default:  # a fork: what it changes against the default build
        base = json.loads(Path(default).read_text(encoding="utf-8"))
        changes = claims.changes_from_default(ledger, held, base["claims"], base["conclusions"])
        changes = changes or "no verdict or conclusion differs from the default build's"
    write_text(
        smk.output.json,
        dump_json(
            {
                "summary": line,
                "changes_from_default": changes,
                "counts": claims.counts_by_basis(ledger),
                "counts_by_evidence": claims.counts_by_evidence(ledger),
                "counts_by_cause": claims.counts_by_cause(ledger),
                "claims": ledger_pages.text_ledger(ledger),
                "conclusions": held,
            }
        ),
    )
    write_text(smk.output.tex, latex.claims_tex(ledger, facts, held, line))
    write_text(smk.output.table, ledger_pages.ledger_table(ledger).latex())
    write_text(smk.output.md, ledger_pages.ledger_page(ledger, line, held, changes).markdown())
    log.info(line)


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
