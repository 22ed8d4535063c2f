"""Recompute every claim and figure of Ord (2025) and rebuild the paper.

snakemake                               # default build: results/default/, paper/main.pdf
snakemake --config scenario=NAME        # config/scenarios/NAME.yaml into results/NAME/
snakemake compare                       # every scenario, and results/compare.{md,tex,html}
snakemake report --report results/report.html --report-after-run   # HTML report

Settings: config/config.yaml (checked against workflow/schemas/config.schema.yaml); run
options: profiles/default/config.yaml, which Snakemake applies by itself.
"""

import glob

from snakemake.utils import min_version, validate

min_version("9.0")


configfile: "config/config.yaml"


validate(config, "workflow/schemas/config.schema.yaml")


report: "workflow/report/workflow.rst"


from inference_scaling.pipeline import buildlog


include: "workflow/rules/common.smk"


# A scenario is one of the known names, so a typo matches no rule instead of a new build.
wildcard_constraints:
    scenario="|".join(SCENARIOS),


include: "workflow/rules/era.smk"
include: "workflow/rules/claims.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/notebooks.smk"
include: "workflow/rules/paper.smk"
include: "workflow/rules/uncertainty.smk"
include: "workflow/rules/report.smk"
include: "workflow/rules/html.smk"


rule all:
    """The build of config scenario (default: the essay's assumptions, results/default/)."""
    default_target: True
    input:
        [products(name) for name in SELECTED],


rule compare:
    """Every scenario's build, and the table of which claims and conclusions survive each."""
    input:
        [products(name) for name in SCENARIOS],
        rules.compare_scenarios.output,


rule html:
    """The HTML edition of the default build's paper: results/default/html/index.html."""
    input:
        "results/default/html",


rule report:
    """What the HTML report shows: the default build, its tables and the comparison."""
    input:
        products("default"),
        expand("results/default/{page}.html", page=("claims", "uncertainty")),
        rules.compare_scenarios.output,


# The end-of-build summary, printed by the project's logger plugin (profiles/default).
onsuccess:
    buildlog.finish(SCENARIOS, SELECTED, ok=True, log=log)


onerror:
    buildlog.finish(SCENARIOS, [], ok=False, log=log)
