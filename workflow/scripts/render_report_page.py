"""Render one Markdown table of the build (ledger, uncertainty) as an HTML page for the report."""

from inference_scaling.io import log_line
from inference_scaling.report_pages import render_file


def main(smk):
    render_file(smk.input.md, smk.output[0])
    log_line(smk.log[0], f"{smk.input.md} -> {smk.output[0]}")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
