"""Tabulate how each scenario moves the claims and conclusions (Markdown, LaTeX and HTML)."""

import logging

from inference_scaling.pipeline.io import write_text
from inference_scaling.review import compare

log = logging.getLogger(__name__)


def main(smk):
    builds = compare.read_builds(smk.params.names, smk.input.ledgers, smk.input.uncertainty)
    log.info(compare.write_comparison(builds, smk.output.md, smk.output.tex, smk.output.html))
    write_text(
        smk.output.overrides,
        compare.overrides_latex(smk.params.overrides, smk.params.meanings),
    )


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
