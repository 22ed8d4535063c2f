MC_SETTINGS = {k: UNCERTAINTY[k] for k in ("draws", "blocks", "seed")}
# How the inputs are drawn: joint lifetime shares, growth grid, errors by provenance flag.
INPUT_SETTINGS = {
    k: UNCERTAINTY.get(k, {})
    for k in ("lifetime_shares", "growth_grid_step", "flag_error", "flag_override")
}
MODEL_INPUTS = dict(
    growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
    grid=out("growth_grid.json"),
    arc="data/arc_agi.csv",
    elo="data/alphago_zero_elo.csv",
    run="data/alphago_zero_run.csv",
)


rule monte_carlo_shard:
    """Evaluate every claim and conclusion on this shard's blocks of Monte Carlo draws."""
    input:
        **MODEL_INPUTS,
        code=script_code("monte_carlo_shard"),
    output:
        temp(out("uncertainty/shard_{shard}_of_{shards}.npz")),
    log:
        out("logs/monte_carlo_shard_{shard}_of_{shards}.log"),
    conda:
        ENV
    params:
        ranges=ASSUMPTIONS.ranges,
        distributions=ASSUMPTIONS.distributions,
        inputs=INPUT_SETTINGS,
        settings=MC_SETTINGS,
    script:
        "../scripts/monte_carlo_shard.py"


rule merge_monte_carlo:
    """Merge the shards in block order; write intervals (or fixed values) and probabilities."""
    input:
        code=script_code("merge_monte_carlo"),
        shards=expand(
            out("uncertainty/shard_{shard}_of_{shards}.npz"),
            shard=range(MC_SHARDS),
            shards=MC_SHARDS,
        ),
        ledger=out("claims.json"),
    output:
        json=out("uncertainty.json"),
        md=out("uncertainty.md"),
        table=out("uncertainty_table.tex"),
    log:
        out("logs/merge_monte_carlo.log"),
    conda:
        ENV
    params:
        settings=MC_SETTINGS,
        assumptions=VALUES,
    script:
        "../scripts/merge_monte_carlo.py"


rule sobol_sensitivity:
    """Sobol first-order and total indices (SALib) of the key claims and every conclusion."""
    input:
        **MODEL_INPUTS,
        code=script_code("sobol_sensitivity"),
        ledger=out("claims.json"),
    output:
        json=out("sensitivity.json"),
        md=out("sensitivity.md"),
        table=out("sensitivity_table.tex"),
    log:
        out("logs/sobol_sensitivity.log"),
    conda:
        ENV
    params:
        ranges=ASSUMPTIONS.ranges,
        distributions=ASSUMPTIONS.distributions,
        inputs=INPUT_SETTINGS,
        sobol=UNCERTAINTY["sobol"],
    script:
        "../scripts/sobol_sensitivity.py"


rule plot_sensitivity:
    """Bar chart of the Sobol indices of the key claims (from sensitivity.json)."""
    input:
        code=script_code("plot_sensitivity"),
        data=out("sensitivity.json"),
    output:
        figure_output("fig_sensitivity", "global sensitivity of key claims (Sobol)"),
    log:
        out("logs/plot_sensitivity.log"),
    conda:
        ENV
    script:
        "../scripts/plot_sensitivity.py"
