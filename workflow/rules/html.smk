# Links from each number and figure to its derivation (links.tex, for the PDF and the HTML
# edition) and the HTML edition itself (`make html`): LaTeXML converts the paper's sources,
# beside a ledger page and a rendered assumptions file.


rule write_links:
    """links.tex: number links to the ledger table, ledger rows and figure captions to code."""
    input:
        code=script_code("write_links"),
        ledger=out("claims.json"),
        citation="CITATION.cff",
        scripts=FIGURE_SCRIPTS,
    output:
        out("links.tex"),
    log:
        log_path("write_links"),
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "write_links",
            figures=figure_specs,
            provenance=lambda w: provenance(w.scenario),
            html_edition=False,
        ),
    shell:
        RUN_JOB


rule build_html:
    """The HTML edition: results/{scenario}/html/index.html (LaTeXML, MathML, PNG figures),
    ledger.html and assumptions.html, every number linked to its ledger entry."""
    input:
        **LEDGER_CSVS,
        code=script_code("build_html"),
        tex="paper/main.tex",
        preamble="paper/preamble.tex",
        sections=sorted(glob.glob("paper/sections/*.tex")),
        bib="paper/references.bib",
        ledger=out("claims.json"),
        uncertainty_json=lambda w: f"results/{w.scenario}/uncertainty.json",
        sensitivity_json=lambda w: f"results/{mc_owner(w.scenario)}/sensitivity.json",
        growth=GROWTH,
        grid=GRID,
        citation="CITATION.cff",
        scripts=FIGURE_SCRIPTS,
        tex_inputs=lambda w: [
            f"results/{w.scenario}/{name}"
            for name in (
                "claims.tex",
                "assumptions.tex",
                "claims_table.tex",
                "uncertainty_table.tex",
                "provenance.tex",
            )
        ]
        + [
            f"results/{w.scenario}/sensitivity_table.tex",
            "results/compare.tex",
            "results/scenario_overrides.tex",
        ],
        # its build directory holds main.bbl, which the HTML edition reuses
        pdf=rules.build_paper.output[0],
        figures=lambda w: figure_paths(w.scenario),
    output:
        # Not in `make report`: Snakemake embeds a directory only in a zipped report, and
        # the report is one self-contained HTML file (results/report.html).
        directory(out("html")),
    log:
        log_path("build_html"),
    benchmark:
        bench_path("build_html")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "build_html",
            figures=figure_specs,
            provenance=lambda w: provenance(w.scenario),
            assumptions=lambda w: ASSUMPTIONS[w.scenario].tree,
            values=lambda w: VALUES[w.scenario],
            workdir=lambda w: f"build/html/{w.scenario}",
            latex_build=lambda w: f"build/latex/{w.scenario}",
        ),
    shell:
        RUN_JOB
