GROWTH_KEYS = (
    "era.frontier_top_n",
    "era.fit_start_year",
    "era.fit_end_year",
    "era.fit_confidence",
)


rule fit_pretrain_growth:
    """Fit frontier training-compute growth (all domains and language models) to Epoch data."""
    input:
        code=script_code("fit_pretrain_growth"),
        models="data/epoch_notable_models.csv",
    output:
        shared_out("pretrain_growth.json", *GROWTH_KEYS),
    log:
        shared_out("logs/fit_pretrain_growth.log", *GROWTH_KEYS),
    conda:
        ENV
    params:
        assumptions=values(*GROWTH_KEYS),
    script:
        "../scripts/fit_pretrain_growth.py"
