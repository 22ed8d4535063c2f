# The HTML report (snakemake --report, or `make report`) shows HTML, images and PDFs, so the
# Markdown tables of the build are rendered once more as standalone pages. Captions live in
# workflow/report/ (paths relative to this file's directory).


wildcard_constraints:
    page="claims|uncertainty",


rule render_report_page:
    """The claims ledger or the uncertainty table as a standalone HTML page for the report."""
    input:
        code=script_code("render_report_page"),
        md=out("{page}.md"),
    output:
        report(
            out("{page}.html"),
            caption="../report/report_page.rst",
            category="Tables",
            labels={"table": "{page}", "build": "{scenario}"},
        ),
    log:
        log_path("render_report_page_{page}"),
    conda:
        ENV
    params:
        io=job_files,
        job=job("render_report_page"),
    shell:
        RUN_JOB


# The comparison reads every scenario's ledger from results/<scenario>/claims.json (and its
# Monte Carlo summary); it is not part of `all`, so the default build needs no scenario.
rule compare_scenarios:
    """Values, verdicts and conclusions that change in some scenario: Markdown, LaTeX, HTML."""
    input:
        code=script_code("compare_scenarios"),
        # The first build is the reference; names, ledgers and uncertainty files are in the
        # same order. The conclusions' probabilities come from the draws alone (the default
        # build's when a scenario changes no range), so no scenario's tables are needed.
        ledgers=expand("results/{scenario}/claims.json", scenario=SCENARIOS),
        uncertainty=[f"results/{mc_owner(s)}/uncertainty/draws.json" for s in SCENARIOS],
    output:
        md="results/compare.md",
        tex="results/compare.tex",
        overrides="results/scenario_overrides.tex",
        html=report(
            "results/compare.html",
            caption="../report/compare.rst",
            category="Scenarios",
            labels={"table": "scenario comparison", "build": "all"},
        ),
    log:
        "results/logs/compare_scenarios.log",
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "compare_scenarios",
            names=SCENARIOS,
            overrides=SCENARIO_OVERRIDES,
            meanings=MEANINGS,
        ),
    shell:
        RUN_JOB
