rule monte_carlo_shard:
    """Evaluate every claim and conclusion on this shard's blocks of Monte Carlo draws."""
    input:
        code=script_code("monte_carlo_shard"),
        growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
        arc="data/arc_agi.csv",
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
    output:
        temp(out("uncertainty/shard_{shard}_of_{shards}.npz")),
    log:
        out("logs/monte_carlo_shard_{shard}_of_{shards}.log"),
    conda:
        ENV
    params:
        ranges=ASSUMPTIONS.ranges,
        distributions=ASSUMPTIONS.distributions,
        settings={k: UNCERTAINTY[k] for k in ("draws", "blocks", "seed")},
    script:
        "../scripts/monte_carlo_shard.py"


rule merge_monte_carlo:
    """Merge the shards in block order; write intervals, probabilities and the tornado data."""
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
        settings={k: UNCERTAINTY[k] for k in ("draws", "blocks", "seed")},
    script:
        "../scripts/merge_monte_carlo.py"


rule plot_tornado:
    """Tornado chart: one-at-a-time swings of the key claims over each assumption's range."""
    input:
        code=script_code("plot_tornado"),
        growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
        arc="data/arc_agi.csv",
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
        ledger=out("claims.json"),
    output:
        figure=figure_output("fig_tornado", "sensitivity of key claims (tornado)"),
        data=out("tornado.json"),
    log:
        out("logs/plot_tornado.log"),
    conda:
        ENV
    params:
        assumptions=VALUES,
        ranges=ASSUMPTIONS.ranges,
    script:
        "../scripts/plot_tornado.py"
