"""Fit frontier pre-training compute growth; thin wrapper around inference_scaling.model.era."""

import json
import logging

from inference_scaling.model import era
from inference_scaling.pipeline import datasets
from inference_scaling.pipeline.io import write_text

log = logging.getLogger(__name__)


def main(smk):
    a = smk.params.assumptions
    models = datasets.notable_models(smk.input.models)
    result = era.fit_domains(
        models,
        int(a["era.frontier_top_n"]),
        a["era.fit_start_year"],
        a["era.fit_end_year"],
        a["era.fit_confidence"],
    )
    write_text(smk.output[0], json.dumps(result, indent=2, sort_keys=True) + "\n")
    for name, fit in result["fits"].items():
        log.info(f"{name}: {fit['growth']:.3f}x/yr from {fit['n']} models")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
