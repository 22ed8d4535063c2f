rule monte_carlo_shard:
    """Evaluate every claim and conclusion on this shard's blocks of Monte Carlo draws."""
    input:
        **LEDGER_CSVS,
        code=script_code("monte_carlo_shard"),
        growth=GROWTH,
        grid=GRID,
    output:
        temp(out("uncertainty/shard_{shard}_of_{shards}.npz")),
    log:
        log_path("monte_carlo_shard_{shard}_of_{shards}"),
    benchmark:
        bench_path("monte_carlo_shard_{shard}_of_{shards}")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "monte_carlo_shard",
            ranges=lambda w: RANGES[w.scenario],
            distributions=lambda w: DISTRIBUTIONS[w.scenario],
            inputs=INPUT_SETTINGS,
            settings=MC_SETTINGS,
        ),
    shell:
        RUN_JOB


rule merge_monte_carlo:
    """Merge the shards in block order; write intervals (or fixed values) and probabilities."""
    input:
        code=script_code("merge_monte_carlo"),
        shards=mc_shards,
        ledger=out("claims.json"),
    output:
        json=out("uncertainty.json"),
        md=out("uncertainty.md"),
        table=out("uncertainty_table.tex"),
    log:
        log_path("merge_monte_carlo"),
    benchmark:
        bench_path("merge_monte_carlo")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "merge_monte_carlo",
            settings=MC_SETTINGS,
            assumptions=lambda w: VALUES[w.scenario],
        ),
    shell:
        RUN_JOB


rule sobol_sensitivity:
    """Sobol first-order and total indices (SALib) of the key claims and every conclusion."""
    input:
        **LEDGER_CSVS,
        code=script_code("sobol_sensitivity"),
        growth=GROWTH,
        grid=GRID,
        ledger=out("claims.json"),
    output:
        json=out("sensitivity.json"),
        md=out("sensitivity.md"),
        table=out("sensitivity_table.tex"),
    log:
        log_path("sobol_sensitivity"),
    benchmark:
        bench_path("sobol_sensitivity")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "sobol_sensitivity",
            ranges=lambda w: RANGES[w.scenario],
            distributions=lambda w: DISTRIBUTIONS[w.scenario],
            inputs=INPUT_SETTINGS,
            sobol=UNCERTAINTY["sobol"],
        ),
    shell:
        RUN_JOB
