"""Validate every scenario before any job runs, and name the outputs.

Each scenario is a wildcard: ``results/{scenario}/...``, where ``default`` holds the
essay's assumptions (config/assumptions.yaml) and every config/scenarios/NAME.yaml a
partial override of them. All scenarios are parsed and validated here, so a problem in any
of them stops the run with one line naming the file, the key and what is wrong. Rules
receive the values they use through ``params:``, so editing one assumption re-runs exactly
the jobs using it; a job whose inputs a scenario leaves unchanged is not repeated: the
scenario uses the default build's file (see ``shared``).
"""

import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace


from snakemake.settings.types import DeploymentMethod

from inference_scaling.model.era import GROWTH_KEYS
from inference_scaling.pipeline.code_deps import module_sources, package_sources
from inference_scaling.pipeline.config import (
    ConfigError,
    load_scenarios,
    load_uncertainty,
    overrides,
)
from inference_scaling.pipeline.provenance import git, source_date_epoch
from inference_scaling.publish.figures import registry


def _stop(message):
    sys.stderr.write(f"error: {message}\n")
    sys.exit(1)


SCENARIO_DIR = Path(config["scenarios"])
SCENARIO_FILES = {path.stem: str(path) for path in sorted(SCENARIO_DIR.glob("*.yaml"))}
for _reserved in ("default", "all"):
    if _reserved in SCENARIO_FILES:
        _stop(f"{SCENARIO_FILES[_reserved]}: '{_reserved}' is reserved; rename the scenario")
SCENARIOS = ["default", *SCENARIO_FILES]

# Which scenarios `snakemake` builds (the default target): config scenario=NAME, or all.
if config["scenario"] == "all":
    SELECTED = SCENARIOS
elif config["scenario"] in SCENARIOS:
    SELECTED = [config["scenario"]]
else:
    _stop(
        f"config: scenario: unknown scenario '{config['scenario']}' "
        f"(known: {', '.join(SCENARIOS)}, or all; files are {SCENARIO_DIR}/NAME.yaml)"
    )

try:
    ASSUMPTIONS = load_scenarios(config["assumptions"], SCENARIO_FILES)
    UNCERTAINTY = load_uncertainty(config["uncertainty"])
except ConfigError as exc:
    _stop(exc)

VALUES = {name: a.values for name, a in ASSUMPTIONS.items()}
# Per scenario, the assumptions it changes: {group.key: [default, scenario value]}.
SCENARIO_OVERRIDES = {name: overrides(VALUES["default"], VALUES[name]) for name in SCENARIOS[1:]}
MEANINGS = ASSUMPTIONS["default"].meanings
RANGES = {name: a.ranges for name, a in ASSUMPTIONS.items()}
DISTRIBUTIONS = {name: a.distributions for name, a in ASSUMPTIONS.items()}
MC_SHARDS = config["mc_shards"]
MC_SETTINGS = {key: UNCERTAINTY[key] for key in ("draws", "blocks", "seed")}
# Software of every rule: the pinned environment (used with --sdm conda; otherwise .venv).
ENV = "../../environment.yml"
# Jobs run the interpreter running Snakemake (the project's .venv, so this checkout's
# package), or the conda environment's python when Snakemake deploys one.
USE_CONDA = DeploymentMethod.CONDA in workflow.deployment_settings.deployment_method
PYTHON = "python" if USE_CONDA else sys.executable
if USE_CONDA:
    # The env holds the dependencies only (environment.yml cannot install the package from
    # .snakemake/conda/, where Snakemake puts it): jobs, which inherit this process's
    # environment, import this checkout's src/ instead. Set, not required: no envvars:.
    os.environ.update(
        PYTHONPATH=os.pathsep.join(
            filter(None, [os.path.join(workflow.basedir, "src"), os.environ.get("PYTHONPATH")])
        )
    )

# Nothing a job runs writes into $HOME: Jupyter's and IPython's directories (kernel
# connection files, profile, history) and matplotlib's configuration and font cache live in
# the project's .cache/ (gitignored; `make clean` removes it). This also keeps a user's own
# matplotlibrc or IPython startup files out of the build. Jobs inherit this environment.
_STATE = os.path.abspath(".cache")
os.environ.update(
    MPLCONFIGDIR=os.path.join(_STATE, "matplotlib"),
    IPYTHONDIR=os.path.join(_STATE, "ipython"),
    JUPYTER_CONFIG_DIR=os.path.join(_STATE, "jupyter", "config"),
    JUPYTER_DATA_DIR=os.path.join(_STATE, "jupyter", "data"),
    JUPYTER_RUNTIME_DIR=os.path.join(_STATE, "jupyter", "runtime"),
)


def out(name):
    """Path pattern of a result of one scenario's build: results/{scenario}/<name>."""
    return f"results/{{scenario}}/{name}"


def log_path(name):
    return f"results/{{scenario}}/logs/{name}.log"


def bench_path(name):
    return f"results/{{scenario}}/benchmarks/{name}.tsv"


def values(*keys):
    """Params function: the scenario's values of ``keys`` (``group.key -> value``)."""
    return lambda w: {key: VALUES[w.scenario][key] for key in keys}


def unchanged(scenario, *keys):
    """True when ``scenario`` gives every one of ``keys`` its default value."""
    return all(VALUES[scenario][key] == VALUES["default"][key] for key in keys)


def owner(scenario, *keys):
    """The scenario whose build of a job reading only ``keys`` (and data) ``scenario`` uses."""
    return "default" if unchanged(scenario, *keys) else scenario


def shared(name, *keys):
    """Input function: results/<owner>/<name> for a result that depends only on ``keys``,
    so a scenario that leaves them at their defaults reuses the default build's file."""
    return lambda w: f"results/{owner(w.scenario, *keys)}/{name}"


def script_code(name):
    """Package files that workflow/scripts/<name>.py runs (kernels and the data files they
    read), as inputs: Snakemake tracks a rule's own script, not what it imports, and without
    these a fix in a kernel would leave its results stale."""
    return package_sources(f"workflow/scripts/{name}.py") + [f"workflow/scripts/{name}.py"]


def notebook_code(name):
    """Package files that notebooks/<name>.py and the notebook runner import."""
    return sorted(
        set(package_sources(f"notebooks/{name}.py"))
        | set(module_sources("inference_scaling.publish.figures.notebooks"))
    )


def _named(files):
    return {"items": list(files), "names": dict(files.items())}


def job_files(wildcards, input, output):
    """``params: io=job_files``: the job's input and output files, names kept, as JSON.
    Derived from input and output, so Snakemake leaves it out of its params check (a
    change of files is an input change anyway)."""
    return json.dumps({"input": _named(input), "output": _named(output)}, sort_keys=True)


def _job_spec(script, wildcards, params):
    spec = {"script": script, "wildcards": dict(wildcards.items()), "params": params}
    return json.dumps(spec, sort_keys=True)


def job(script, **params):
    """``params: job=job(...)`` of a rule that runs workflow/scripts/<script>.py through
    ``RUN_JOB``: the script, the wildcards and ``params`` (values, or functions of the
    wildcards) as one JSON string. Snakemake re-runs the job when it changes, so editing an
    assumption re-runs exactly the jobs given it (see inference_scaling.pipeline.job)."""

    def spec(wildcards):
        return _job_spec(
            f"workflow/scripts/{script}.py",
            wildcards,
            {key: value(wildcards) if callable(value) else value for key, value in params.items()},
        )

    return spec


# Runs a script as `python -m` rather than through `script:`, whose preamble imports
# Snakemake in every job (0.03-0.08 s CPU each, measured: see pipeline/job.py); anything
# printed goes to the job's log too.
RUN_JOB = (
    f"{PYTHON} -m inference_scaling.pipeline.job {{log:q}} {{params.job:q}} {{params.io:q}} "
    ">> {log:q} 2>&1"
)


COMMIT = git("rev-parse", "--short=12", "HEAD", default="unknown")
# Dates in the PDF and the HTML edition are the last commit's, as under make (Makefile):
# a plain `snakemake` run prints the same date, and two builds of a commit are identical.
os.environ.update(SOURCE_DATE_EPOCH=source_date_epoch(os.environ))


def provenance(scenario):
    digest = hashlib.sha256()
    for path in ASSUMPTIONS[scenario].sources:
        digest.update(Path(path).read_bytes())
    return {
        "commit": COMMIT,
        "assumptions_sha256": digest.hexdigest()[:12],
        "source_date_epoch": int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
        "scenario": scenario,
    }


GROWTH = shared("pretrain_growth.json", *GROWTH_KEYS)


def grid_owner(scenario):
    """The growth grid reads the growth keys' values and ranges: a scenario that changes
    neither uses the default build's grid."""
    same = unchanged(scenario, *GROWTH_KEYS) and all(
        RANGES[scenario][k] == RANGES["default"][k] for k in GROWTH_KEYS
    )
    return "default" if same else scenario


def GRID(w):
    return f"results/{grid_owner(w.scenario)}/growth_grid.json"


# The shipped CSVs the ledger reads (datasets.LEDGER_CSVS), as named inputs.
LEDGER_CSVS = dict(
    arc="data/arc_agi.csv",
    elo="data/alphago_zero_elo.csv",
    run="data/alphago_zero_run.csv",
    chinchilla="data/chinchilla_fit.csv",
    models="data/epoch_notable_models.csv",
    aime="data/o1_aime.csv",
    # read beside models (datasets.notable_models), declared so that editing it re-runs
    earlier="data/epoch_notable_models_pre2018.csv",
)
# How the Monte Carlo draws its inputs: joint lifetime shares, growth grid, data errors.
INPUT_SETTINGS = {
    k: UNCERTAINTY.get(k, {})
    for k in ("lifetime_shares", "growth_grid_step", "flag_error", "flag_override")
}


# Figures (workflow/rules/figures.smk), one per entry of the figure registry
# (src/inference_scaling/publish/figures/registry.py).
FIGURES = registry.FIGURES
FIGURE_SCRIPT = "workflow/scripts/plot_figure.py"
# The results a figure may read (registry.RESULTS), by name: which build's file a scenario
# reads. The ledger is every scenario's own; the growth fit and the Sobol indices are the
# default build's unless the scenario changes what they read.
RESULT_BUILD = {
    "ledger": lambda scenario: scenario,
    "growth": lambda scenario: owner(scenario, *GROWTH_KEYS),
    "sensitivity": lambda scenario: mc_owner(scenario),
}
if set(RESULT_BUILD) != set(registry.RESULTS):
    _stop(f"workflow/rules/common.smk: RESULT_BUILD does not cover {sorted(registry.RESULTS)}")


def figure_build(name, scenario):
    """The build whose PDF of figure ``name`` the paper of ``scenario`` shows: the default
    build's when the scenario leaves the figure's assumptions and results unchanged."""
    entry = FIGURES[name]
    builds = {owner(scenario, *entry.keys)}
    builds |= {RESULT_BUILD[result](scenario) for result in entry.results}
    return scenario if scenario in builds else "default"


def figure_path(name, scenario):
    """The PDF of figure ``name`` that the paper of ``scenario`` shows."""
    return f"results/{figure_build(name, scenario)}/figures/{name}.pdf"


def figure_paths(scenario):
    return [figure_path(name, scenario) for name in FIGURES]


@functools.cache
def figure_code(name):
    """Package files figure ``name``'s job runs: the script's imports and, of the registry,
    its top level and the figure's own draw function (whose code is a parameter, so that
    editing another entry or a caption redraws nothing); or, for a figure drawn by its own
    script, that script and what it imports."""
    entry = FIGURES[name]
    if entry.script:
        return (*package_sources(entry.script), entry.script)
    files = package_sources(FIGURE_SCRIPT, calls={registry.__name__: entry.draw.__name__})
    return (*(f for f in files if f != registry.SOURCE), FIGURE_SCRIPT)


def figure_inputs(w):
    """``input: unpack(figure_inputs)``: the figure's code, data files and results."""
    entry = FIGURES[w.figure]
    files = {"code": list(figure_code(w.figure)), **entry.data}
    for result in entry.results:
        build = RESULT_BUILD[result](w.scenario)
        files[result] = f"results/{build}/{registry.RESULTS[result]}"
    return files


def figure_job(w):
    """``params: job=figure_job``: the script that draws figure ``w.figure`` and its
    parameters (the values of its assumptions, and its draw function's code)."""
    entry = FIGURES[w.figure]
    return _job_spec(entry.script or FIGURE_SCRIPT, w, entry.job_params(VALUES[w.scenario]))


# Scripts that draw figures: the registry's one script, and any a figure names as its own.
FIGURE_SCRIPTS = sorted({FIGURE_SCRIPT, *(e.script for e in FIGURES.values() if e.script)})


def figure_specs(w):
    """Per figure of this scenario's paper: the function that draws it (None when its own
    script does), its script, and the data files and results it reads, for the links from
    captions to code (links.tex, the HTML edition)."""
    specs = {}
    for name, entry in FIGURES.items():
        data = list(entry.data.values()) + [
            f"results/{RESULT_BUILD[result](w.scenario)}/{registry.RESULTS[result]}"
            for result in entry.results
        ]
        function = None if entry.script else f"{registry.__name__}.{name}"
        specs[name] = {"script": entry.script or FIGURE_SCRIPT, "function": function, "data": data}
    return specs


# Notebooks (workflow/rules/notebooks.smk)
NOTEBOOK_KEYS = {
    "growth_trend": GROWTH_KEYS,
    "arc_agi": None,  # reads the scenario's ledger
    "appendix_walkthrough": (
        "appendix.n_params",
        "appendix.n_tokens",
        "appendix.tokens_per_deployment",
        "appendix.scale_factor",
        "appendix.param_exponent",
        "appendix.post_training_share",
        "appendix.pre_dominated_share",
        "appendix.deploy_dominated_share",
    ),
}
NOTEBOOKS = list(NOTEBOOK_KEYS)


def notebook_paths(scenario):
    """The executed notebooks of ``scenario`` (the default build's where they read nothing
    the scenario changes)."""
    paths = []
    for name, keys in NOTEBOOK_KEYS.items():
        build = scenario if keys is None else owner(scenario, *keys)
        paths.append(f"results/{build}/notebooks/{name}.executed.ipynb")
    return paths


NB_EXECUTE = (
    f"{PYTHON} -m inference_scaling.publish.figures.notebooks execute {{input.notebook}} {{output}} "
    "--parameters {params.parameters:q} > {log:q} 2>&1"
)


# Monte Carlo (workflow/rules/uncertainty.smk)
def mc_owner(scenario):
    """Monte Carlo draws read the ranges and distributions (not the values) and the growth
    fit: a scenario that changes only values reuses the default build's shards."""
    same = (
        RANGES[scenario] == RANGES["default"]
        and DISTRIBUTIONS[scenario] == DISTRIBUTIONS["default"]
        and unchanged(scenario, *GROWTH_KEYS)
    )
    return "default" if same else scenario


def mc_shards(w):
    return [
        f"results/{mc_owner(w.scenario)}/uncertainty/shard_{shard}_of_{MC_SHARDS}.npz"
        for shard in range(MC_SHARDS)
    ]


def products(scenario):
    """Everything a reader of one scenario needs: the ledger, its macros, the Monte Carlo,
    the figures, the executed notebooks and the compiled paper."""
    files = [
        f"results/{scenario}/{name}"
        for name in ("claims.json", "claims.tex", "claims.md", "uncertainty.json")
    ]
    files += figure_paths(scenario) + notebook_paths(scenario)
    files += [f"results/{scenario}/paper/main.pdf", f"results/{scenario}/paper/supplement.pdf"]
    if scenario == "default":
        files += ["paper/main.pdf", "paper/supplement.pdf"]
    return files
