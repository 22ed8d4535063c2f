rule write_provenance:
    """Macros for the title-page note: commit, assumptions hash, build date, scenario."""
    input:
        code=script_code("write_provenance"),
        assumptions=ASSUMPTIONS.sources,
    output:
        out("provenance.tex"),
    log:
        out("logs/write_provenance.log"),
    conda:
        ENV
    params:
        provenance=PROVENANCE,
    script:
        "../scripts/write_provenance.py"


rule build_paper:
    """Compile the paper with latexmk (pdflatex, no shell-escape) against this build's results."""
    input:
        tex="paper/main.tex",
        sections=sorted(glob.glob("paper/sections/*.tex")),
        bib="paper/references.bib",
        claims=out("claims.tex"),
        assumptions=out("assumptions.tex"),
        table=out("claims_table.tex"),
        uncertainty=out("uncertainty_table.tex"),
        provenance=out("provenance.tex"),
        figures=FIGURE_PDFS,
        sensitivity=f"{FIGURES}/fig_sensitivity.pdf",
        sensitivity_table=out("sensitivity_table.tex"),
    output:
        report(
            PAPER_PDF,
            caption="../report/paper.rst",
            category="Paper",
            labels={"document": "companion paper", "build": BUILD},
        ),
    log:
        out("logs/latexmk.log"),
    conda:
        ENV
    params:
        results=lambda w, input: os.path.dirname(input.claims),
        figures=lambda w, input: os.path.dirname(input.figures[0]),
        builddir=f"build/latex/{SCENARIO or 'default'}",
    shell:
        "workflow/scripts/run_latexmk.sh {params.results} {params.figures} "
        "{params.builddir} {output} > {log} 2>&1 "
        "|| (tail -n 30 {log} >&2; exit 1)"
