# One job per figure: each reads only its data files (input:) and the assumption values it
# draws (params:), so editing one of them redraws only the figures that use it. The package
# code a script imports is an input too (script_code), so a change of drawing code or of a
# kernel redraws exactly the figures that run it. A scenario that leaves a figure's values
# at their defaults uses the default build's figure (FIGURE_KEYS); figures that read the
# ledger are drawn for every scenario.


rule plot_o1_aime:
    """Figure 1: o1 on AIME vs train-time and test-time compute (digitized charts)."""
    input:
        code=script_code("plot_o1_aime"),
        data="data/o1_aime.csv",
    output:
        figure_output("fig_o1_aime", "o1 on AIME vs compute"),
    log:
        log_path("plot_o1_aime"),
    benchmark:
        bench_path("plot_o1_aime")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_o1_aime"),
    shell:
        RUN_JOB


rule plot_arc_agi:
    """Figure 2: ARC-AGI-1 score vs cost per task; the o1-mini -> o3 span from the ledger."""
    input:
        code=script_code("plot_arc_agi"),
        data="data/arc_agi.csv",
        ledger=out("claims.json"),
    output:
        figure_output("fig_arc_agi", "ARC-AGI-1 score vs cost per task"),
    log:
        log_path("plot_arc_agi"),
    benchmark:
        bench_path("plot_arc_agi")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_arc_agi"),
    shell:
        RUN_JOB


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
        log_path("plot_ida_ladder"),
    benchmark:
        bench_path("plot_ida_ladder")
    conda:
        ENV
    params:
        # The essay's "low 3,000s" for the best human players, drawn as a flagged band.
        io=job_files,
        job=job("plot_ida_ladder", human_band=[3000.0, 3400.0]),
    shell:
        RUN_JOB


rule plot_lifetime_compute:
    """Figure 5: pre-training, deployment and total compute vs deployments, d* marked."""
    input:
        code=script_code("plot_lifetime_compute"),
    output:
        figure_output("fig_lifetime_compute", "lifetime compute vs deployments"),
    log:
        log_path("plot_lifetime_compute"),
    benchmark:
        bench_path("plot_lifetime_compute")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_lifetime_compute", assumptions=values(*LIFETIME_KEYS)),
    shell:
        RUN_JOB


rule plot_cost_multipliers:
    """Figure 6: lifetime cost of scaling pre-training vs inference by deployment share."""
    input:
        code=script_code("plot_cost_multipliers"),
    output:
        figure_output("fig_cost_multipliers", "cost of scaling pre-training vs inference"),
    log:
        log_path("plot_cost_multipliers"),
    benchmark:
        bench_path("plot_cost_multipliers")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_cost_multipliers", assumptions=values(*COST_KEYS)),
    shell:
        RUN_JOB


rule plot_threshold_equivalence:
    """Figure 7: pre-training-equivalent compute vs OOMs of inference, thresholds marked."""
    input:
        code=script_code("plot_threshold_equivalence"),
    output:
        figure_output("fig_threshold_equivalence", "inference vs compute thresholds"),
    log:
        log_path("plot_threshold_equivalence"),
    benchmark:
        bench_path("plot_threshold_equivalence")
    conda:
        ENV
    params:
        io=job_files,
        job=job(
            "plot_threshold_equivalence",
            assumptions=values(*THRESHOLD_KEYS),
            base_models=base_models,
        ),
    shell:
        RUN_JOB


rule plot_frontier_growth:
    """Figure 8: notable models, the frontier and the ledger's fitted growth trends."""
    input:
        code=script_code("plot_frontier_growth"),
        models="data/epoch_notable_models.csv",
        earlier="data/epoch_notable_models_pre2018.csv",
        growth=GROWTH,
    output:
        figure_output("fig_frontier_growth", "frontier training-compute growth"),
    log:
        log_path("plot_frontier_growth"),
    benchmark:
        bench_path("plot_frontier_growth")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_frontier_growth", assumptions=values(*GROWTH_KEYS)),
    shell:
        RUN_JOB


rule plot_overtraining:
    """Figure 9: lifetime-compute-optimal model size and tokens per parameter vs deployment."""
    input:
        code=script_code("plot_overtraining"),
        fit="data/chinchilla_fit.csv",
    output:
        figure_output("fig_overtraining", "over-training under heavy deployment"),
    log:
        log_path("plot_overtraining"),
    benchmark:
        bench_path("plot_overtraining")
    conda:
        ENV
    params:
        io=job_files,
        job=job("plot_overtraining"),
    shell:
        RUN_JOB
