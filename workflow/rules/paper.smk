rule write_provenance:
    """Macros for the title block (CITATION.cff) and its note: commit, assumptions hash,
    build date, scenario."""
    input:
        code=script_code("write_provenance"),
        assumptions=lambda w: ASSUMPTIONS[w.scenario].sources,
        citation="CITATION.cff",
    output:
        out("provenance.tex"),
    log:
        log_path("write_provenance"),
    conda:
        ENV
    params:
        io=job_files,
        job=job("write_provenance", provenance=lambda w: provenance(w.scenario)),
    shell:
        RUN_JOB


rule build_paper:
    """Compile the paper with latexmk (pdflatex, no shell-escape) against this build's results."""
    input:
        tex="paper/main.tex",
        preamble="paper/preamble.tex",
        sections=sorted(glob.glob("paper/sections/*.tex")),
        bib="paper/references.bib",
        claims=out("claims.tex"),
        assumptions=out("assumptions.tex"),
        table=out("claims_table.tex"),
        uncertainty=out("uncertainty_table.tex"),
        sensitivity=out("sensitivity_table.tex"),
        compare="results/compare.tex",
        overrides="results/scenario_overrides.tex",
        provenance=out("provenance.tex"),
        links=out("links.tex"),
        figures=lambda w: figure_paths(w.scenario),
    output:
        report(
            out("paper/main.pdf"),
            caption="../report/paper.rst",
            category="Paper",
            labels={"document": "companion paper", "build": "{scenario}"},
        ),
    log:
        log_path("latexmk"),
    benchmark:
        bench_path("build_paper")
    conda:
        ENV
    params:
        results=lambda w, input: os.path.dirname(input.claims),
        builddir="build/latex/{scenario}",
    shell:
        "workflow/scripts/run_latexmk.sh {params.results} {params.builddir} {output} "
        "{input.figures} {input.compare} {input.overrides} > {log:q} 2>&1"


rule build_supplement:
    """Compile the supplement (the full ledger, Monte Carlo and Sobol tables) like the paper."""
    input:
        tex="paper/supplement.tex",
        preamble="paper/preamble.tex",
        claims=out("claims.tex"),
        assumptions=out("assumptions.tex"),
        table=out("claims_table.tex"),
        uncertainty=out("uncertainty_table.tex"),
        sensitivity=out("sensitivity_table.tex"),
        provenance=out("provenance.tex"),
        links=out("links.tex"),
    output:
        out("paper/supplement.pdf"),
    log:
        log_path("latexmk_supplement"),
    conda:
        ENV
    params:
        results=lambda w, input: os.path.dirname(input.claims),
        builddir="build/latex-supplement/{scenario}",
    shell:
        "DOC=supplement workflow/scripts/run_latexmk.sh {params.results} {params.builddir} "
        "{output} {input.sensitivity} > {log:q} 2>&1"


rule publish_supplement:
    """paper/supplement.pdf: the default build's supplement, beside the paper."""
    input:
        "results/default/paper/supplement.pdf",
    output:
        "paper/supplement.pdf",
    log:
        "results/default/logs/publish_supplement.log",
    localrule: True
    conda:
        ENV
    shell:
        "cp {input} {output} 2> {log}"


rule publish_paper:
    """paper/main.pdf: the default build's paper, where a reader looks for it."""
    input:
        "results/default/paper/main.pdf",
    output:
        "paper/main.pdf",
    log:
        "results/default/logs/publish_paper.log",
    localrule: True
    conda:
        ENV
    shell:
        "cp {input} {output} 2> {log}"
