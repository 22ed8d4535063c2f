"""Sobol indices of the key claims and conclusions; thin wrapper around sensitivity."""

import json
from pathlib import Path

from inference_scaling import latex, sampling, sensitivity
from inference_scaling.io import log_line, write_text


def main(smk):
    model, facts = sampling.model_and_facts(
        smk.input.growth,
        smk.input.grid,
        Path(smk.input.arc).parent,
        smk.params.ranges,
        smk.params.distributions,
        smk.params.inputs,
    )
    result = sensitivity.analyse(model, facts, smk.params.sobol)
    ledger = json.loads(Path(smk.input.ledger).read_text(encoding="utf-8"))
    write_text(smk.output.json, latex.dump_json(result))
    write_text(smk.output.md, latex.sensitivity_markdown(result, ledger))
    write_text(smk.output.table, latex.sensitivity_table(result, ledger))
    log_line(smk.log[0], f"{result['evaluations']} evaluations, {len(result['factors'])} factors")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
