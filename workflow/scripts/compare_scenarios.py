"""Tabulate how each scenario moves the claims and conclusions (Markdown, LaTeX and HTML)."""

import logging

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish.report_pages import render_file
from inference_scaling.review import compare

log = logging.getLogger(__name__)


def main(smk):
    builds = compare.read_builds(smk.params.names, smk.input.ledgers, smk.input.uncertainty)
    log.info(compare.write_comparison(builds, smk.output.md, smk.output.tex))
    write_text(
        smk.output.overrides,
        compare.overrides_latex(smk.params.overrides, smk.params.meanings),
    )
    render_file(smk.output.md, smk.output.html)


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
