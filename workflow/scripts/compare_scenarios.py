"""Tabulate which claims and conclusions survive each scenario (Markdown, LaTeX and HTML)."""

import logging

from inference_scaling import compare
from inference_scaling.report_pages import render_file

log = logging.getLogger(__name__)


def main(smk):
    ledgers = compare.read_ledgers(smk.input.default, smk.input.scenarios)
    log.info(compare.write_comparison(ledgers, smk.output.md, smk.output.tex))
    render_file(smk.output.md, smk.output.html)


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
