"""The Monte Carlo and Sobol results beside this build's ledger and assumption values:
uncertainty.json/.md, uncertainty_table.tex, sensitivity.md, sensitivity_table.tex.

The part of the uncertainty analysis that reads the values (the ledger's own value beside
its interval, which defaults sit at the edge of their draws) and the ledger's labels; the
draws and the Sobol indices come from jobs that read only the ranges.
"""

import json
import logging
from pathlib import Path

from inference_scaling.pipeline.io import dump_json, write_text
from inference_scaling.publish import uncertainty_pages
from inference_scaling.uncertainty import montecarlo

log = logging.getLogger(__name__)


def _read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(smk):
    draws, ledger = _read(smk.input.draws), _read(smk.input.ledger)
    quantiles = _read(smk.input.quantiles)
    draws["outside_interval"] = montecarlo.outside_interval(
        draws, ledger["claims"], quantiles, smk.params.assumptions
    )
    write_text(smk.output.json, dump_json(draws))
    write_text(smk.output.md, uncertainty_pages.uncertainty_page(draws, ledger).markdown())
    write_text(smk.output.table, uncertainty_pages.uncertainty_tex(draws, ledger))
    sobol = _read(smk.input.sensitivity)
    write_text(
        smk.output.sensitivity_md, uncertainty_pages.sensitivity_page(sobol, ledger).markdown()
    )
    write_text(smk.output.sensitivity_table, uncertainty_pages.sensitivity_tex(sobol, ledger))
    log.info(f"{len(draws['outside_interval'])} ledger values outside their own interval")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
