"""Run this shard's Monte Carlo blocks; thin wrapper around inference_scaling.montecarlo."""

import json
import logging
from pathlib import Path

import numpy as np

from inference_scaling import datasets, montecarlo
from inference_scaling.io import partial_path, publish

log = logging.getLogger(__name__)


def main(smk):
    shard, n_shards = int(smk.wildcards.shard), int(smk.wildcards.shards)
    s = smk.params.settings
    size = s["draws"] // s["blocks"]
    growth = json.loads(Path(smk.input.growth).read_text(encoding="utf-8"))
    facts = datasets.ledger_facts(growth, arc=smk.input.arc, elo=smk.input.elo, run=smk.input.run)
    arrays = {}
    for block in montecarlo.shard_blocks(s["blocks"], shard, n_shards):
        result = montecarlo.run_block(
            block, s["seed"], size, smk.params.ranges, smk.params.distributions, facts
        )
        arrays.update({f"{block}#{key}": value for key, value in result.items()})
    tmp = partial_path(smk.output[0])
    np.savez(tmp, **arrays)
    publish(tmp, smk.output[0])
    log.info(f"shard {shard}/{n_shards}: {len(arrays)} arrays")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
