rule compute_claims:
    """Recompute every claim of the essay and write the ledger, its macros and tables."""
    input:
        **LEDGER_CSVS,
        code=script_code("compute_claims"),
        growth=GROWTH,
        grid=GRID,
        # a fork lists the rows whose verdict differs from the default build's
        default=lambda w: [] if w.scenario == "default" else "results/default/claims.json",
    output:
        json=out("claims.json"),
        tex=out("claims.tex"),
        table=out("claims_table.tex"),
        md=out("claims.md"),
    log:
        log_path("compute_claims"),
    benchmark:
        bench_path("compute_claims")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "compute_claims",
            assumptions=lambda w: VALUES[w.scenario],
            changed=lambda w: sorted(SCENARIO_OVERRIDES.get(w.scenario, {})),
        ),
    shell:
        RUN_JOB


rule write_assumption_macros:
    """One LaTeX macro per assumption value (\\assume...), so prose never types a number."""
    input:
        code=script_code("write_assumption_macros"),
    output:
        out("assumptions.tex"),
    log:
        log_path("write_assumption_macros"),
    conda:
        ENV
    params:
        io=job_files,
        job=job("write_assumption_macros", assumptions=lambda w: VALUES[w.scenario]),
    shell:
        RUN_JOB
