"""Figure 8: notable models 2018-2024, the frontier and the ledger's fitted trends."""

import json

from inference_scaling.pipeline import datasets
from inference_scaling.publish.figures import growth, style


def main(smk):
    a = smk.params.assumptions
    with open(smk.input.growth, encoding="utf-8") as handle:
        fits = json.load(handle)
    fig = growth.frontier_growth(
        datasets.notable_models(smk.input.models),
        fits,
        int(a["era.frontier_top_n"]),
        a["era.fit_start_year"],
        a["era.fit_end_year"],
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
