# Notebooks inside the DAG: notebooks/<name>.py (jupytext percent format, reviewed in git) is
# converted to {RESULTS}/notebooks/<name>.ipynb, executed with papermill (kernel python3) and
# kept as <name>.executed.ipynb with volatile metadata stripped. A failing cell fails the job.
import json

NOTEBOOKS = ["growth_trend", "arc_agi", "appendix_walkthrough"]
NOTEBOOK_OUTPUTS = [out(f"notebooks/{name}.executed.ipynb") for name in NOTEBOOKS]
# PYTHON (common.smk) is the job's interpreter; papermill starts the python3 kernel with the
# same interpreter, so notebooks import this checkout's package.
NB_RUN = f"{PYTHON} -m inference_scaling.figures.notebooks"
NB_EXECUTE = (
    f"{NB_RUN} execute {{input.notebook}} {{output}} --parameters {{params.parameters:q}} "
    "> {log} 2>&1 || (tail -n 40 {log} >&2; exit 1)"
)


wildcard_constraints:
    notebook="|".join(NOTEBOOKS),


rule notebook_source:
    """Convert a jupytext source to .ipynb with kernelspec python3 and language_info."""
    input:
        source="notebooks/{notebook}.py",
        code=module_sources("inference_scaling.figures.notebooks"),
    output:
        out("notebooks/{notebook}.ipynb"),
    log:
        out("logs/notebook_source_{notebook}.log"),
    conda:
        ENV
    shell:
        f"{NB_RUN} convert {{input.source}} {{output}} > {{log}} 2>&1"


rule run_growth_trend_notebook:
    """Execute the growth-trend notebook (figure 8, era.pretrain_growth and its definitions)."""
    input:
        notebook=out("notebooks/growth_trend.ipynb"),
        models="data/epoch_notable_models.csv",
        growth=shared_out("pretrain_growth.json", *GROWTH_KEYS),
        code=notebook_code("growth_trend"),
    output:
        out("notebooks/growth_trend.executed.ipynb"),
    log:
        out("logs/run_growth_trend_notebook.log"),
    conda:
        ENV
    params:
        parameters=json.dumps(
            {
                "models_csv": "data/epoch_notable_models.csv",
                "growth_json": shared_out("pretrain_growth.json", *GROWTH_KEYS),
                "assumptions": values(*GROWTH_KEYS),
            }
        ),
    shell:
        NB_EXECUTE


rule run_arc_agi_notebook:
    """Execute the ARC-AGI notebook (figure 2 and the o3 / o1-mini multiplier)."""
    input:
        notebook=out("notebooks/arc_agi.ipynb"),
        arc="data/arc_agi.csv",
        ledger=out("claims.json"),
        code=notebook_code("arc_agi"),
    output:
        out("notebooks/arc_agi.executed.ipynb"),
    log:
        out("logs/run_arc_agi_notebook.log"),
    conda:
        ENV
    params:
        parameters=json.dumps({"arc_csv": "data/arc_agi.csv", "claims_json": out("claims.json")}),
    shell:
        NB_EXECUTE


APPENDIX_KEYS = (
    "appendix.n_params",
    "appendix.n_tokens",
    "appendix.tokens_per_deployment",
    "appendix.scale_factor",
    "appendix.param_exponent",
    "appendix.post_training_share",
    "appendix.pre_dominated_share",
    "appendix.deploy_dominated_share",
)


rule run_appendix_walkthrough_notebook:
    """Execute the appendix walkthrough (lifetime compute; figures 5, 6 and 9)."""
    input:
        notebook=out("notebooks/appendix_walkthrough.ipynb"),
        fit="data/chinchilla_fit.csv",
        code=notebook_code("appendix_walkthrough"),
    output:
        out("notebooks/appendix_walkthrough.executed.ipynb"),
    log:
        out("logs/run_appendix_walkthrough_notebook.log"),
    conda:
        ENV
    params:
        parameters=json.dumps(
            {"chinchilla_csv": "data/chinchilla_fit.csv", "assumptions": values(*APPENDIX_KEYS)}
        ),
    shell:
        NB_EXECUTE
