# The growth fit reads only the era.fit_* keys: a scenario that leaves them alone uses
# results/default/pretrain_growth.json (GROWTH in common.smk).


rule fit_pretrain_growth:
    """Fit frontier training-compute growth (all domains and language models) to Epoch data."""
    input:
        code=script_code("fit_pretrain_growth"),
        models="data/epoch_notable_models.csv",
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
