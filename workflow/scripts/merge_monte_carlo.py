"""Merge Monte Carlo shards into the draws' summary (uncertainty/draws.json) and each
input's quantiles (uncertainty/input_quantiles.json).

Reads only the draws, which depend on the ranges, not on the assumption values: a value
edit leaves this job, and the shards it reads, alone (uncertainty_tables reads the values).
"""

import logging

import numpy as np

from inference_scaling.pipeline.io import dump_json, write_text
from inference_scaling.uncertainty import montecarlo

log = logging.getLogger(__name__)


def load_blocks(paths):
    blocks = {}
    for path in paths:
        with np.load(path) as data:
            for name in data.files:
                block, key = name.split("#", 1)
                blocks.setdefault(int(block), {})[key] = data[name]
    return blocks


def main(smk):
    merged = montecarlo.merge(load_blocks(smk.input.shards))
    summary = montecarlo.summarize(merged)
    summary["settings"] = dict(smk.params.settings)
    write_text(smk.output.summary, dump_json(summary))
    write_text(smk.output.quantiles, dump_json(montecarlo.input_quantiles(merged)))
    log.info(f"{summary['draws']} draws merged")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
