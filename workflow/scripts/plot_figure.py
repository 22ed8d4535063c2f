"""Draw one figure of the registry (src/inference_scaling/publish/figures/registry.py) and
write it as a deterministic PDF: the rule plot_figure runs it for the wildcard ``figure``."""

from inference_scaling.publish.figures import registry, style


def main(smk):
    draw = registry.FIGURES[smk.wildcards.figure].draw
    style.save_pdf(draw(smk), smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
