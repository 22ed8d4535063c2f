"""Render one Markdown table of the build (ledger, uncertainty) as an HTML page for the report."""

import logging

from inference_scaling.publish.report_pages import render_file

log = logging.getLogger(__name__)


def main(smk):
    render_file(smk.input.md, smk.output[0])
    log.info(f"{smk.input.md} -> {smk.output[0]}")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
