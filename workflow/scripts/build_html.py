"""Build the HTML edition of the paper (LaTeXML), its ledger page and assumptions page."""

import json
import logging
from pathlib import Path

from inference_scaling.model import era
from inference_scaling.pipeline import datasets
from inference_scaling.publish import html

log = logging.getLogger(__name__)


def _json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(smk):
    growth, grid = _json(smk.input.growth), _json(smk.input.grid)
    facts = {
        **datasets.ledger_facts(growth, **datasets.declared_csvs(smk.input)),
        **era.spread_facts(grid["spread"]),
    }
    index = html.build_from_job(
        smk.input,
        smk.params,
        facts=facts,
        ledger=_json(smk.input.ledger),
        uncertainty=_json(smk.input.uncertainty_json),
        sensitivity=_json(smk.input.sensitivity_json),
        dest=Path(smk.output[0]),
    )
    log.info(f"HTML edition: {index}")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
