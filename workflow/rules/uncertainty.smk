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
    """Merge the shards in block order: each claim's interval (or fixed value), each
    conclusion's probability and each input's quantiles. Reads the draws only, so a value
    edit re-runs neither this job nor the shards (uncertainty_tables reads the values)."""
    input:
        code=script_code("merge_monte_carlo"),
        shards=mc_shards,
    output:
        summary=out("uncertainty/draws.json"),
        quantiles=out("uncertainty/input_quantiles.json"),
    log:
        log_path("merge_monte_carlo"),
    benchmark:
        bench_path("merge_monte_carlo")
    conda:
        ENV
    params:
        io=job_files,
        job=job("merge_monte_carlo", settings=MC_SETTINGS),
    shell:
        RUN_JOB


rule sobol_sensitivity:
    """Sobol first-order and total indices of the key claims and every conclusion. Reads
    the ranges, not the values or the ledger: a value edit does not re-run it."""
    input:
        **LEDGER_CSVS,
        code=script_code("sobol_sensitivity"),
        growth=GROWTH,
        grid=GRID,
    output:
        out("sensitivity.json"),
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


rule uncertainty_tables:
    """The draws' summary and the Sobol indices (the default build's when the scenario
    changes no range) beside this build's ledger and values: intervals with the ledger's
    own value, defaults at the edge of their draws, the tables of the paper's appendix."""
    input:
        code=script_code("uncertainty_tables"),
        draws=lambda w: f"results/{mc_owner(w.scenario)}/uncertainty/draws.json",
        quantiles=lambda w: f"results/{mc_owner(w.scenario)}/uncertainty/input_quantiles.json",
        sensitivity=lambda w: f"results/{mc_owner(w.scenario)}/sensitivity.json",
        ledger=out("claims.json"),
    output:
        json=out("uncertainty.json"),
        md=out("uncertainty.md"),
        table=out("uncertainty_table.tex"),
        sensitivity_md=out("sensitivity.md"),
        sensitivity_table=out("sensitivity_table.tex"),
    log:
        log_path("uncertainty_tables"),
    benchmark:
        bench_path("uncertainty_tables")
    conda:
        ENV
    params:
        io=job_files,
        job=job("uncertainty_tables", assumptions=lambda w: VALUES[w.scenario]),
    shell:
        RUN_JOB
