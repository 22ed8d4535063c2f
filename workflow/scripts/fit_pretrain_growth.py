"""Fit frontier pre-training compute growth; thin wrapper around inference_scaling.era."""

import dataclasses
import json

from inference_scaling import datasets, era
from inference_scaling.io import log_line, write_text


def fit_domains(models, top_n, start, end, confidence):
    """Fits for all domains, language models alone, and language models on the all-domain
    frontier (the definition decides the answer, so all three are kept)."""
    fits = era.domain_fits(
        models["date"], models["flop"], models["language"], top_n, start, end, confidence
    )
    return {
        "fits": {name: dataclasses.asdict(fit) for name, (fit, _) in fits.items()},
        "frontier_models": {
            name: sorted(models["model"][used].tolist())
            for name, (_, used) in fits.items()
            if name != "language_in_all"
        },
        "settings": {
            "top_n": top_n,
            "start_year": start,
            "end_year": end,
            "confidence": confidence,
        },
    }


def main(smk):
    a = smk.params.assumptions
    models = datasets.notable_models(smk.input.models)
    result = fit_domains(
        models,
        int(a["era.frontier_top_n"]),
        a["era.fit_start_year"],
        a["era.fit_end_year"],
        a["era.fit_confidence"],
    )
    write_text(smk.output[0], json.dumps(result, indent=2, sort_keys=True) + "\n")
    for name, fit in result["fits"].items():
        log_line(smk.log[0], f"{name}: {fit['growth']:.3f}x/yr from {fit['n']} models")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
