rule fit_pretrain_growth:
    """Fit frontier training-compute growth (all domains and language models) to Epoch data."""
    input:
        models="data/epoch_notable_models.csv",
    output:
        out("pretrain_growth.json"),
    log:
        out("logs/fit_pretrain_growth.log"),
    conda:
        ENV
    params:
        assumptions=values(
            "era.frontier_top_n",
            "era.fit_start_year",
            "era.fit_end_year",
            "era.fit_confidence",
        ),
    script:
        "../scripts/fit_pretrain_growth.py"
