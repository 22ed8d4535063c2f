"""Run this shard's Monte Carlo blocks; thin wrapper around inference_scaling.montecarlo."""

import re
from pathlib import Path

import numpy as np

from inference_scaling import montecarlo, sampling
from inference_scaling.io import log_line, partial_path, publish


def main(smk):
    shard, n_shards = map(int, re.findall(r"\d+", Path(smk.output[0]).name)[-2:])
    s = smk.params.settings
    size = s["draws"] // s["blocks"]
    model, facts = sampling.model_and_facts(
        smk.input.growth,
        smk.input.grid,
        Path(smk.input.arc).parent,
        smk.params.ranges,
        smk.params.distributions,
        smk.params.inputs,
    )
    arrays = {}
    for block in montecarlo.shard_blocks(s["blocks"], shard, n_shards):
        result = montecarlo.run_block(block, s["seed"], size, model, facts)
        arrays.update({f"{block}#{key}": value for key, value in result.items()})
    tmp = partial_path(smk.output[0])
    np.savez(tmp, **arrays)
    publish(tmp, smk.output[0])
    log_line(smk.log[0], f"shard {shard}/{n_shards}: {len(arrays)} arrays")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
