"""Run this shard's Monte Carlo blocks (inference_scaling.uncertainty.montecarlo)."""

import logging

import numpy as np

from inference_scaling.pipeline.io import partial_path, publish
from inference_scaling.uncertainty import montecarlo, sampling

log = logging.getLogger(__name__)


def main(smk):
    shard, n_shards = int(smk.wildcards.shard), int(smk.wildcards.shards)
    s = smk.params.settings
    size = s["draws"] // s["blocks"]
    model, facts = sampling.job_model_and_facts(smk)
    arrays = {}
    for block in montecarlo.shard_blocks(s["blocks"], shard, n_shards):
        result = montecarlo.run_block(block, s["seed"], size, model, facts)
        arrays.update({f"{block}#{key}": value for key, value in result.items()})
    tmp = partial_path(smk.output[0])
    np.savez(tmp, **arrays)
    publish(tmp, smk.output[0])
    log.info(f"shard {shard}/{n_shards}: {len(arrays)} arrays")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
