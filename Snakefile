"""Recompute every claim and figure of Ord (2025) and rebuild the paper.

snakemake --cores 2                         # default build: results/, figures/, paper/
snakemake --cores 2 --config scenario=NAME  # config/scenarios/NAME.yaml into
                                            # results/scenarios/NAME/
snakemake --cores 2 --report results/report.html all report_pages
                                            # HTML report (see `make report`)
"""


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/era.smk"
include: "workflow/rules/claims.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/notebooks.smk"
include: "workflow/rules/paper.smk"
include: "workflow/rules/uncertainty.smk"
include: "workflow/rules/report.smk"


rule all:
    """Everything a reader needs: the ledger, its macros and the compiled paper."""
    default_target: True
    input:
        out("claims.json"),
        out("claims.tex"),
        out("claims.md"),
        out("uncertainty.json"),
        FIGURE_PDFS,
        NOTEBOOK_OUTPUTS,
        PAPER_PDF,
