"""Fit frontier pre-training compute growth; thin wrapper around inference_scaling.era."""

import dataclasses
import json
import logging

import numpy as np

from inference_scaling import datasets, era
from inference_scaling.io import write_text

log = logging.getLogger(__name__)


def fit_domains(models, top_n, start, end, confidence):
    """Fits for all domains, language models alone, and language models on the all-domain
    frontier (the definition decides the answer, so all three are kept)."""
    everything = np.ones(models["flop"].size, dtype=bool)
    fits, frontiers = {}, {}
    for name, subset in [("all", everything), ("language", models["language"])]:
        fit, frontier, used = era.frontier_growth(
            models["date"][subset], models["flop"][subset], top_n, start, end, confidence
        )
        fits[name] = dataclasses.asdict(fit)
        frontiers[name] = sorted(models["model"][subset][used].tolist())
    years = era.decimal_year(models["date"])
    on_all_frontier = era.frontier_mask(models["date"], models["flop"], top_n)
    used = on_all_frontier & models["language"] & (years >= start) & (years < end)
    fits["language_in_all"] = dataclasses.asdict(
        era.fit_log_growth(years[used], models["flop"][used], confidence)
    )
    return {
        "fits": fits,
        "frontier_models": frontiers,
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
        log.info(f"{name}: {fit['growth']:.3f}x/yr from {fit['n']} models")


if __name__ == "__main__" and "snakemake" in globals():
    main(snakemake)  # noqa: F821 - injected by Snakemake
