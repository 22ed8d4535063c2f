# The HTML report (snakemake --report, or `make report`) shows HTML, images and PDFs, so the
# Markdown tables of the build are rendered once more as standalone pages. Captions live in
# workflow/report/ (paths relative to this file's directory).

REPORT_PAGES = [out("claims.html"), out("uncertainty.html")]


rule report_pages:
    """The tables of the HTML report that the default build does not need (`make report`)."""
    input:
        REPORT_PAGES,
        [] if SCENARIO else out("compare.html"),


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
            labels={"table": "{page}", "build": BUILD},
        ),
    log:
        out("logs/render_report_page_{page}.log"),
    conda:
        ENV
    script:
        "../scripts/render_report_page.py"


# The comparison reads every scenario's ledger, so it exists only in the default build. The
# scenario ledgers are plain inputs here: `make compare` builds each scenario first
# (snakemake --config scenario=NAME) and then asks for results/compare.md. Not part of
# `all`, so the default build needs no scenario.
if not SCENARIO:
    SCENARIO_NAMES = sorted(glob_wildcards("config/scenarios/{name}.yaml").name)

    rule compare_scenarios:
        """Values, verdicts and conclusions that change in some scenario: Markdown, LaTeX, HTML."""
        input:
            code=script_code("compare_scenarios"),
            # The first build is the reference; names, ledgers and uncertainty files are in
            # the same order.
            ledgers=[
                out("claims.json"),
                *expand("results/scenarios/{name}/claims.json", name=SCENARIO_NAMES),
            ],
            uncertainty=[
                out("uncertainty.json"),
                *expand("results/scenarios/{name}/uncertainty.json", name=SCENARIO_NAMES),
            ],
        output:
            md=out("compare.md"),
            tex=out("compare.tex"),
            html=report(
                out("compare.html"),
                caption="../report/compare.rst",
                category="Scenarios",
                labels={"table": "scenario comparison", "build": BUILD},
            ),
        log:
            out("logs/compare_scenarios.log"),
        conda:
            ENV
        params:
            names=["default", *SCENARIO_NAMES],
        script:
            "../scripts/compare_scenarios.py"
