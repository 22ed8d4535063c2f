"""Figure 7: pre-training-equivalent compute vs OOMs of inference, with the thresholds."""

from inference_scaling.model import era
from inference_scaling.publish.figures import model, style


def main(smk):
    a = smk.params.assumptions
    fig = model.threshold_equivalence(
        smk.params.base_models,
        a["era.exchange_rate"],
        era.evidence_band(a),
        a["thresholds.eu_flop"],
        a["thresholds.us_flop"],
        a["thresholds.base_model_flop"],
        a["thresholds.amplified_inference_ooms"],
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
