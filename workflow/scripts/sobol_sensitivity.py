"""Sobol indices of the key claims and conclusions; thin wrapper around sensitivity.

Reads the ranges, never the ledger or the assumption values: the tables that name the
outputs by their labels are uncertainty_tables'.
"""

import logging

from inference_scaling.pipeline.io import dump_json, write_text
from inference_scaling.uncertainty import sampling, sensitivity

log = logging.getLogger(__name__)


def main(smk):
    model, facts = sampling.job_model_and_facts(smk)
    result = sensitivity.analyse(model, facts, smk.params.sobol)
    write_text(smk.output[0], dump_json(result))
    log.info(f"{result['evaluations']} evaluations, {len(result['factors'])} factors")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
