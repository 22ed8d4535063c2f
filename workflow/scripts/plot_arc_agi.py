"""Figure 2: ARC-AGI-1 score vs cost per task, annotated with the ledger's o3 multiplier."""

from inference_scaling.pipeline import datasets
from inference_scaling.publish.figures import data, essay, style


def main(smk):
    multiplier = data.printed(data.ledger_record(smk.input.ledger, "thresholds.o3_multiplier"))
    fig = essay.arc_agi(datasets.arc_results(smk.input.data), multiplier)
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
