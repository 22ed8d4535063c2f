"""Write results/assumptions.tex: one \\assume... macro per assumption value."""

import logging

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import latex

log = logging.getLogger(__name__)


def main(smk):
    macros = {**latex.assumption_macros(smk.params.assumptions), **latex.constant_macros()}
    write_text(smk.output[0], latex.render_macros(macros, "Assumption values used by the build."))
    log.info(f"{len(macros)} assumption macros")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
