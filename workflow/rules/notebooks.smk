# Notebooks inside the DAG: notebooks/<name>.py (jupytext percent format, reviewed in git) is
# executed with nbclient in one python3 kernel, parameters injected after the cell tagged
# "parameters", and kept as results/{scenario}/notebooks/<name>.executed.ipynb with volatile
# metadata stripped. A failing cell fails the job. Conversion and execution are one job: the
# .ipynb is an intermediate nobody edits.


rule run_growth_trend_notebook:
    """Execute the growth-trend notebook (figure 8, era.pretrain_growth and its definitions)."""
    input:
        notebook="notebooks/growth_trend.py",
        models="data/epoch_notable_models.csv",
        earlier="data/epoch_notable_models_pre2018.csv",
        growth=GROWTH,
        code=notebook_code("growth_trend"),
    output:
        out("notebooks/growth_trend.executed.ipynb"),
    log:
        log_path("run_growth_trend_notebook"),
    benchmark:
        bench_path("run_growth_trend_notebook")
    conda:
        ENV
    params:
        parameters=lambda w: json.dumps(
            {
                "models_csv": "data/epoch_notable_models.csv",
                "growth_json": GROWTH(w),
                "assumptions": {k: VALUES[w.scenario][k] for k in GROWTH_KEYS},
            }
        ),
    shell:
        NB_EXECUTE


rule run_arc_agi_notebook:
    """Execute the ARC-AGI notebook (figure 2 and the o3 / o1-mini multiplier)."""
    input:
        notebook="notebooks/arc_agi.py",
        arc="data/arc_agi.csv",
        ledger=out("claims.json"),
        code=notebook_code("arc_agi"),
    output:
        out("notebooks/arc_agi.executed.ipynb"),
    log:
        log_path("run_arc_agi_notebook"),
    benchmark:
        bench_path("run_arc_agi_notebook")
    conda:
        ENV
    params:
        parameters=lambda w: json.dumps(
            {"arc_csv": "data/arc_agi.csv", "claims_json": f"results/{w.scenario}/claims.json"}
        ),
    shell:
        NB_EXECUTE


rule run_appendix_walkthrough_notebook:
    """Execute the appendix walkthrough (lifetime compute; figures 5, 6 and 9)."""
    input:
        notebook="notebooks/appendix_walkthrough.py",
        fit="data/chinchilla_fit.csv",
        code=notebook_code("appendix_walkthrough"),
    output:
        out("notebooks/appendix_walkthrough.executed.ipynb"),
    log:
        log_path("run_appendix_walkthrough_notebook"),
    benchmark:
        bench_path("run_appendix_walkthrough_notebook")
    conda:
        ENV
    params:
        parameters=lambda w: json.dumps(
            {
                "chinchilla_csv": "data/chinchilla_fit.csv",
                "assumptions": {
                    k: VALUES[w.scenario][k] for k in NOTEBOOK_KEYS["appendix_walkthrough"]
                },
            }
        ),
    shell:
        NB_EXECUTE
