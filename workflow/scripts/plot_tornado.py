"""Tornado chart of the assumptions that move the key claims most; also writes the data."""

import json
from pathlib import Path

from inference_scaling import datasets, montecarlo
from inference_scaling.figures import style
from inference_scaling.figures.uncertainty import TORNADO_CLAIMS, tornado_chart
from inference_scaling.io import write_text


def main(smk):
    growth = json.loads(Path(smk.input.growth).read_text(encoding="utf-8"))
    facts = datasets.ledger_facts(growth, arc=smk.input.arc, elo=smk.input.elo, run=smk.input.run)
    values, ranges = smk.params.assumptions, smk.params.ranges
    ledger = json.loads(Path(smk.input.ledger).read_text(encoding="utf-8"))
    base = {r["id"]: r["value"] for r in ledger["claims"] if r["id"] in TORNADO_CLAIMS}
    rows = {cid: montecarlo.tornado(values, ranges, facts, cid) for cid in TORNADO_CLAIMS}
    write_text(
        smk.output.data, json.dumps({"base": base, "swings": rows}, indent=2, sort_keys=True) + "\n"
    )
    style.save_pdf(tornado_chart(rows, base), smk.output.figure)


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
