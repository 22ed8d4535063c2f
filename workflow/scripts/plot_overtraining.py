"""Figure 9: lifetime-compute-optimal model size and tokens per parameter vs deployment."""

from inference_scaling.model import lifetime
from inference_scaling.publish.figures import data, model, style

LABELS = {
    "hoffmann2022": "Hoffmann et al. 2022 fit",
    "besiroglu2024": "Besiroglu et al. 2024 refit",
}


def main(smk):
    fits, chinchilla = data.chinchilla_fits(smk.input.fit)
    c_pre, c_inf = lifetime.STANDARD_COEFFICIENTS
    fig = model.overtraining(
        {LABELS.get(k, k): v for k, v in fits.items()}, chinchilla, c_pre=c_pre, c_inf=c_inf
    )
    style.save_pdf(fig, smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
