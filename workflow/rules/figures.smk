# One job per figure: each reads only its data files (input:) and the assumption values it
# draws (params:), so editing one of them redraws only the figures that use it. The package
# code a script imports is an input too (script_code), so a change of drawing code or of a
# kernel redraws exactly the figures that run it.

FIGURE_NAMES = [
    "fig_o1_aime",
    "fig_arc_agi",
    "fig_ida_ladder",
    "fig_lifetime_compute",
    "fig_cost_multipliers",
    "fig_threshold_equivalence",
    "fig_frontier_growth",
    "fig_overtraining",
]
FIGURE_PDFS = [f"{FIGURES}/{name}.pdf" for name in FIGURE_NAMES]


rule plot_o1_aime:
    """Figure 1: o1 on AIME vs train-time and test-time compute (digitized charts)."""
    input:
        code=script_code("plot_o1_aime"),
        data="data/o1_aime.csv",
    output:
        figure_output("fig_o1_aime", "o1 on AIME vs compute"),
    log:
        out("logs/plot_o1_aime.log"),
    conda:
        ENV
    script:
        "../scripts/plot_o1_aime.py"


rule plot_arc_agi:
    """Figure 2: ARC-AGI-1 score vs cost per task; the o1-mini -> o3 span from the ledger."""
    input:
        code=script_code("plot_arc_agi"),
        data="data/arc_agi.csv",
        ledger=out("claims.json"),
    output:
        figure_output("fig_arc_agi", "ARC-AGI-1 score vs cost per task"),
    log:
        out("logs/plot_arc_agi.log"),
    conda:
        ENV
    script:
        "../scripts/plot_arc_agi.py"


rule plot_ida_ladder:
    """Figure 3: AlphaGo Zero's amplify/distil ladder (schematic) and its published ratings."""
    input:
        code=script_code("plot_ida_ladder"),
        elo="data/alphago_zero_elo.csv",
        run="data/alphago_zero_run.csv",
        ledger=out("claims.json"),
    output:
        figure_output("fig_ida_ladder", "AlphaGo Zero amplify/distil ladder"),
    log:
        out("logs/plot_ida_ladder.log"),
    conda:
        ENV
    params:
        # The essay's "low 3,000s" for the best human players, drawn as a flagged band.
        human_band=[3000.0, 3400.0],
    script:
        "../scripts/plot_ida_ladder.py"


rule plot_lifetime_compute:
    """Figure 5: pre-training, deployment and total compute vs deployments, d* marked."""
    input:
        code=script_code("plot_lifetime_compute"),
    output:
        figure_output("fig_lifetime_compute", "lifetime compute vs deployments"),
    log:
        out("logs/plot_lifetime_compute.log"),
    conda:
        ENV
    params:
        assumptions=values(
            "appendix.n_params", "appendix.n_tokens", "appendix.tokens_per_deployment"
        ),
    script:
        "../scripts/plot_lifetime_compute.py"


rule plot_cost_multipliers:
    """Figure 6: lifetime cost of scaling pre-training vs inference by deployment share."""
    input:
        code=script_code("plot_cost_multipliers"),
    output:
        figure_output("fig_cost_multipliers", "cost of scaling pre-training vs inference"),
    log:
        out("logs/plot_cost_multipliers.log"),
    conda:
        ENV
    params:
        assumptions=values(
            "appendix.scale_factor",
            "appendix.param_exponent",
            "appendix.post_training_share",
            "appendix.pre_dominated_share",
            "appendix.deploy_dominated_share",
        ),
    script:
        "../scripts/plot_cost_multipliers.py"


rule plot_threshold_equivalence:
    """Figure 7: pre-training-equivalent compute vs OOMs of inference, thresholds marked."""
    input:
        code=script_code("plot_threshold_equivalence"),
    output:
        figure_output("fig_threshold_equivalence", "inference vs compute thresholds"),
    log:
        out("logs/plot_threshold_equivalence.log"),
    conda:
        ENV
    params:
        assumptions=values(
            "era.exchange_rate",
            "era.inference_ooms_per_training_oom_min",
            "era.inference_ooms_per_training_oom_max",
            "thresholds.eu_flop",
            "thresholds.us_flop",
            "thresholds.base_model_flop",
            "thresholds.amplified_inference_ooms",
        ),
        # Base models drawn: the example's, one OOM below and one above.
        base_models=[VALUES["thresholds.base_model_flop"] * f for f in (0.1, 1.0, 10.0)],
    script:
        "../scripts/plot_threshold_equivalence.py"


rule plot_frontier_growth:
    """Figure 8: notable models, the frontier and the ledger's fitted growth trends."""
    input:
        code=script_code("plot_frontier_growth"),
        models="data/epoch_notable_models.csv",
        earlier="data/epoch_notable_models_pre2018.csv",
        growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
    output:
        figure_output("fig_frontier_growth", "frontier training-compute growth"),
    log:
        out("logs/plot_frontier_growth.log"),
    conda:
        ENV
    params:
        assumptions=values(*GROWTH_KEYS),
    script:
        "../scripts/plot_frontier_growth.py"


rule plot_overtraining:
    """Figure 9: lifetime-compute-optimal model size and tokens per parameter vs deployment."""
    input:
        code=script_code("plot_overtraining"),
        fit="data/chinchilla_fit.csv",
    output:
        figure_output("fig_overtraining", "over-training under heavy deployment"),
    log:
        out("logs/plot_overtraining.log"),
    conda:
        ENV
    script:
        "../scripts/plot_overtraining.py"
