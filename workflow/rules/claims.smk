rule compute_claims:
    """Recompute every claim of the essay and write the ledger, its macros and tables."""
    input:
        code=script_code("compute_claims"),
        growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
        grid=out("growth_grid.json"),
        arc="data/arc_agi.csv",
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
    output:
        json=out("claims.json"),
        tex=out("claims.tex"),
        table=out("claims_table.tex"),
        md=out("claims.md"),
    log:
        out("logs/compute_claims.log"),
    conda:
        ENV
    params:
        assumptions=VALUES,
    script:
        "../scripts/compute_claims.py"


rule write_assumption_macros:
    """One LaTeX macro per assumption value (\\assume...), so prose never types a number."""
    input:
        code=script_code("write_assumption_macros"),
    output:
        out("assumptions.tex"),
    log:
        out("logs/write_assumption_macros.log"),
    conda:
        ENV
    params:
        assumptions=VALUES,
    script:
        "../scripts/write_assumption_macros.py"
