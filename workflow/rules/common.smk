"""Validate the configuration before any job runs, and name the outputs.

The assumptions file (and an optional scenario) is parsed once here; a problem stops the
run with one line naming the file, the key and what is wrong. Rules receive the values they
use through ``params:`` so that editing one assumption re-runs exactly the jobs using it.
"""

import glob
import hashlib
import os
import subprocess
import sys

from snakemake.settings.types import DeploymentMethod

from inference_scaling.code_deps import module_sources, package_sources
from inference_scaling.config import ConfigError, load_assumptions, load_uncertainty

ASSUMPTIONS_FILE = config.get("assumptions", "config/assumptions.yaml")
SCENARIO = config.get("scenario") or None
SCENARIO_FILE = f"config/scenarios/{SCENARIO}.yaml" if SCENARIO else None

try:
    ASSUMPTIONS = load_assumptions(ASSUMPTIONS_FILE, SCENARIO_FILE)
    UNCERTAINTY = load_uncertainty(config.get("uncertainty", "config/uncertainty.yaml"))
    MC_SHARDS = int(config.get("mc_shards", UNCERTAINTY["shards"]))
except (ConfigError, ValueError) as exc:
    sys.stderr.write(f"error: {exc}\n")
    sys.exit(1)

VALUES = ASSUMPTIONS.values
# Software of every rule: the pinned environment (used with --sdm conda; otherwise .venv).
ENV = "../../environment.yml"
# The interpreter of shell: jobs: the conda env's python under --sdm conda, else the one
# running Snakemake (the project's .venv, where the package is installed).
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
RESULTS = f"results/scenarios/{SCENARIO}" if SCENARIO else "results"
FIGURES = f"{RESULTS}/figures" if SCENARIO else "figures"
PAPER_PDF = f"{RESULTS}/paper/main.pdf" if SCENARIO else "paper/main.pdf"
# How this build is labelled in the HTML report (snakemake --report).
BUILD = SCENARIO or "default"


def out(name):
    """Path of a result file of this build (default or scenario)."""
    return f"{RESULTS}/{name}"


def script_code(name):
    """Package files that workflow/scripts/<name>.py runs (kernels and the data files they
    read), as inputs: Snakemake tracks a rule's own script, not what it imports, and without
    these a fix in a kernel would leave its results stale."""
    return package_sources(f"workflow/scripts/{name}.py")


def notebook_code(name):
    """Package files that notebooks/<name>.py and the notebook runner import."""
    return sorted(
        set(package_sources(f"notebooks/{name}.py"))
        | set(module_sources("inference_scaling.figures.notebooks"))
    )


def figure_output(name, title):
    """The PDF of figure ``name``, shown in the HTML report (snakemake --report) under
    Figures with the caption workflow/report/<name>.rst. Snakemake resolves a caption path
    against the directory of the file defining the rule: all rules live in workflow/rules/."""
    return report(
        f"{FIGURES}/{name}.pdf",
        caption=f"../report/{name}.rst",
        category="Figures",
        labels={"figure": title, "build": BUILD},
    )


DEFAULT_VALUES = load_assumptions(ASSUMPTIONS_FILE).values if SCENARIO else VALUES


def shared_out(name, *keys):
    """Path of a result that depends only on ``keys``: a scenario that leaves them at their
    default values reuses the default build's file instead of recomputing it."""
    if all(VALUES[key] == DEFAULT_VALUES[key] for key in keys):
        return f"results/{name}"
    return out(name)


def values(*keys):
    """The assumption values a rule uses, as a params dict (``group.key -> value``)."""
    return {key: VALUES[key] for key in keys}


def _git_commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _assumptions_digest():
    digest = hashlib.sha256()
    for path in ASSUMPTIONS.sources:
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:12]


PROVENANCE = {
    "commit": _git_commit(),
    "assumptions_sha256": _assumptions_digest(),
    "source_date_epoch": int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
    "scenario": SCENARIO or "default",
}
