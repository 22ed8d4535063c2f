"""Figure 3: AlphaGo Zero as iterated amplification and distillation."""

from inference_scaling.pipeline import datasets
from inference_scaling.publish.figures import data, essay, style


def main(smk):
    fig = essay.ida_ladder(
        datasets.alphago_elo(smk.input.elo),
        datasets.alphago_run(smk.input.run),
        data.ledger_value(smk.input.ledger, "ida.iterations"),
        tuple(smk.params.human_band),
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
