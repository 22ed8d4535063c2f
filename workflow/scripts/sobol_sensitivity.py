"""Sobol indices of the key claims and conclusions; thin wrapper around sensitivity."""

import json
import logging
from pathlib import Path

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import latex
from inference_scaling.uncertainty import sampling, sensitivity

log = logging.getLogger(__name__)


def main(smk):
    model, facts = sampling.job_model_and_facts(smk)
    result = sensitivity.analyse(model, facts, smk.params.sobol)
    ledger = json.loads(Path(smk.input.ledger).read_text(encoding="utf-8"))
    write_text(smk.output.json, latex.dump_json(result))
    write_text(smk.output.md, latex.sensitivity_markdown(result, ledger))
    write_text(smk.output.table, latex.sensitivity_table(result, ledger))
    log.info(f"{result['evaluations']} evaluations, {len(result['factors'])} factors")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
