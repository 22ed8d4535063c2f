rule monte_carlo_shard:
    """Evaluate every claim and conclusion on this shard's blocks of Monte Carlo draws."""
    input:
        code=script_code("monte_carlo_shard"),
        growth=GROWTH,
        arc="data/arc_agi.csv",
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
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
            settings=MC_SETTINGS,
        ),
    shell:
        RUN_JOB


rule merge_monte_carlo:
    """Merge the shards in block order; write intervals, probabilities and the tornado data."""
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
        job=job("merge_monte_carlo", settings=MC_SETTINGS),
    shell:
        RUN_JOB


rule plot_tornado:
    """Tornado chart: one-at-a-time swings of the key claims over each assumption's range."""
    input:
        code=script_code("plot_tornado"),
        growth=GROWTH,
        arc="data/arc_agi.csv",
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
        ledger=out("claims.json"),
    output:
        figure=figure_output("fig_tornado", "sensitivity of key claims (tornado)"),
        data=out("tornado.json"),
    log:
        log_path("plot_tornado"),
    benchmark:
        bench_path("plot_tornado")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "plot_tornado",
            assumptions=lambda w: VALUES[w.scenario],
            ranges=lambda w: RANGES[w.scenario],
        ),
    shell:
        RUN_JOB
