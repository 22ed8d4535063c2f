"""Merge Monte Carlo shards and write uncertainty.json/.md and the LaTeX table."""

import json
import logging
from pathlib import Path

import numpy as np

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import latex
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
    ledger = json.loads(Path(smk.input.ledger).read_text(encoding="utf-8"))
    summary["outside_interval"] = montecarlo.outside_interval(
        summary, ledger["claims"], merged, smk.params.assumptions
    )
    write_text(smk.output.json, latex.dump_json(summary))
    write_text(smk.output.md, latex.uncertainty_markdown(summary, ledger))
    write_text(smk.output.table, latex.uncertainty_table(summary, ledger))
    log.info(f"{summary['draws']} draws merged")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
