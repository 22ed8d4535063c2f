# The growth fit reads only the era.fit_* keys: a scenario that leaves them alone uses
# results/default/pretrain_growth.json (GROWTH in common.smk).


rule fit_pretrain_growth:
    """Fit frontier training-compute growth (all domains and language models) to Epoch data."""
    input:
        code=script_code("fit_pretrain_growth"),
        models="data/epoch_notable_models.csv",
        earlier="data/epoch_notable_models_pre2018.csv",
    output:
        out("pretrain_growth.json"),
    log:
        log_path("fit_pretrain_growth"),
    benchmark:
        bench_path("fit_pretrain_growth")
    conda:
        ENV
    params:
        io=job_files,
        job=job("fit_pretrain_growth", assumptions=values(*GROWTH_KEYS)),
    shell:
        RUN_JOB


rule fit_growth_grid:
    """Refit the growth for every frontier top-N and fit window in the declared ranges."""
    input:
        code=script_code("fit_growth_grid"),
        models="data/epoch_notable_models.csv",
        earlier="data/epoch_notable_models_pre2018.csv",
    output:
        json=out("growth_grid.json"),
        md=out("growth_grid.md"),
    log:
        log_path("fit_growth_grid"),
    benchmark:
        bench_path("fit_growth_grid")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "fit_growth_grid",
            ranges=lambda w: {k: RANGES[w.scenario][k] for k in GROWTH_KEYS[:3]},
            steps=UNCERTAINTY["growth_grid_step"],
            confidence=lambda w: VALUES[w.scenario]["era.fit_confidence"],
            default=values(*GROWTH_KEYS[:3]),
        ),
    shell:
        RUN_JOB
