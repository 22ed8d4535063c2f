"""Figure 1: o1 AIME pass@1 vs train-time and test-time compute (digitized)."""

from inference_scaling.pipeline import datasets
from inference_scaling.publish.figures import essay, style


def main(smk):
    style.save_pdf(essay.o1_aime(datasets.o1_aime(smk.input.data)), smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
