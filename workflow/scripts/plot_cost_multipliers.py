"""Figure 6: lifetime cost of 10x pre-training vs 10x inference by deployment share."""

from inference_scaling.publish.figures import model, style


def main(smk):
    a = smk.params.assumptions
    fig = model.cost_multipliers(
        a["appendix.scale_factor"],
        a["appendix.param_exponent"],
        a["appendix.post_training_share"],
        a["appendix.pre_dominated_share"],
        a["appendix.deploy_dominated_share"],
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
