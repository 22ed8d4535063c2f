"""Chart of the Sobol indices of the key claims (from sensitivity.json)."""

import json
from pathlib import Path

from inference_scaling.publish.figures import style
from inference_scaling.publish.figures.uncertainty import sobol_chart


def main(smk):
    result = json.loads(Path(smk.input.data).read_text(encoding="utf-8"))
    style.save_pdf(sobol_chart(result), smk.output[0])


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
