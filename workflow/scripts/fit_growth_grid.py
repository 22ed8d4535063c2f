"""Fit frontier growth once for every frontier definition and window in the declared ranges."""

from inference_scaling import datasets, era, latex
from inference_scaling.io import log_line, write_text


def main(smk):
    models = datasets.notable_models(smk.input.models)
    steps = smk.params.steps
    axes = {k: era.axis_points(*smk.params.ranges[k], steps[k]) for k in era.GROWTH_AXES}
    grid = era.growth_grid(
        models["date"], models["flop"], models["language"], axes, smk.params.confidence
    )
    spread = era.definition_spread(grid, smk.params.default)
    write_text(smk.output.json, latex.dump_json({**grid, "spread": spread}))
    write_text(smk.output.md, latex.growth_grid_markdown(spread, smk.params.default, axes))
    for domain, fit in grid["fits"].items():
        log_line(
            smk.log[0],
            f"{domain}: {min(fit['growth']):.2f}x to {max(fit['growth']):.2f}x per year "
            f"over {len(fit['growth'])} definitions",
        )


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
