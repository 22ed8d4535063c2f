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
        earlier="data/epoch_notable_models_pre2018.csv",
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
        out("logs/fit_growth_grid.log"),
    conda:
        ENV
    params:
        ranges={k: ASSUMPTIONS.ranges[k] for k in GROWTH_KEYS[:3]},
        steps=UNCERTAINTY["growth_grid_step"],
        confidence=VALUES["era.fit_confidence"],
        default=values(*GROWTH_KEYS[:3]),
    script:
        "../scripts/fit_growth_grid.py"
