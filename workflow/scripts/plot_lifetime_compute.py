"""Figure 5: pre-training, deployment and total compute vs deployments d."""

from inference_scaling.publish.figures import model, style


def main(smk):
    a = smk.params.assumptions
    fig = model.lifetime_compute(
        a["appendix.n_params"], a["appendix.n_tokens"], a["appendix.tokens_per_deployment"]
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
