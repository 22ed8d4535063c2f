"""Fit frontier growth once for every frontier definition and window in the declared ranges."""

import logging

from inference_scaling.model import era
from inference_scaling.pipeline import datasets
from inference_scaling.pipeline.io import dump_json, write_text
from inference_scaling.publish import ledger_pages

log = logging.getLogger(__name__)


def main(smk):
    models = datasets.notable_models(smk.input.models)
    steps = smk.params.steps
    d = smk.params.default
    axes = {
        k: era.axis_points(*smk.params.ranges[k], steps[k], also=[d[k]]) for k in era.GROWTH_AXES
    }
    grid = era.growth_grid(
        models["date"], models["flop"], models["language"], axes, smk.params.confidence
    )
    spread = era.definition_spread(grid, smk.params.default)
    # The default fit again without the rows before 2018: what the cold start would give.
    cold = datasets.notable_models(smk.input.models, earlier=False)
    fits = {
        name: era.domain_fits(
            m["date"],
            m["flop"],
            m["language"],
            int(d["era.frontier_top_n"]),
            d["era.fit_start_year"],
            d["era.fit_end_year"],
            smk.params.confidence,
        )
        for name, m in (("with", models), ("without", cold))
    }
    cold_start = {
        domain: {name: fits[name][domain][0].growth for name in fits} for domain in fits["with"]
    }
    write_text(
        smk.output.json,
        dump_json({**grid, "spread": spread, "cold_start": cold_start}),
    )
    write_text(
        smk.output.md,
        ledger_pages.growth_grid_page(spread, smk.params.default, axes, cold_start).markdown(),
    )
    for domain, fit in grid["fits"].items():
        log.info(
            f"{domain}: {min(fit['growth']):.2f}x to {max(fit['growth']):.2f}x per year "
            f"over {len(fit['growth'])} definitions",
        )


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
