"""Shared fixtures: the project root and a computed ledger."""

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def assumptions():
    from inference_scaling.pipeline.config import load_assumptions

    return load_assumptions(ROOT / "config" / "assumptions.yaml")


@pytest.fixture(scope="session")
def growth(assumptions):
    """The growth fits, computed the way the fit_pretrain_growth job does."""
    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    v = assumptions.values
    return era.fit_domains(
        datasets.notable_models(),
        int(v["era.frontier_top_n"]),
        v["era.fit_start_year"],
        v["era.fit_end_year"],
        v["era.fit_confidence"],
    )


@pytest.fixture(scope="session")
def uncertainty(assumptions):
    from inference_scaling.pipeline.config import load_uncertainty

    return load_uncertainty(ROOT / "config" / "uncertainty.yaml", assumptions)


@pytest.fixture(scope="session")
def grid(assumptions):
    """A coarse growth-fit grid (ends and middle of each range, and the defaults), computed
    the way the fit_growth_grid job computes the full one: tests need its structure, not all
    of its points, and the full grid takes seconds."""
    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    models = datasets.notable_models()
    axes = {k: sorted({*assumptions.ranges[k], assumptions.values[k]}) for k in era.GROWTH_AXES}
    result = era.growth_grid(
        models["date"],
        models["flop"],
        models["language"],
        axes,
        assumptions.values["era.fit_confidence"],
    )
    default = {k: assumptions.values[k] for k in era.GROWTH_AXES}
    return {**result, "spread": era.definition_spread(result, default)}


@pytest.fixture(scope="session")
def facts(growth, grid):
    from inference_scaling.model import era
    from inference_scaling.pipeline import datasets

    return {
        **datasets.ledger_facts(json.loads(json.dumps(growth))),
        **era.spread_facts(grid["spread"]),
    }


@pytest.fixture(scope="session")
def ledger(assumptions, facts):
    from inference_scaling.ledger import claims

    return claims.build_ledger(assumptions.values, facts)


__all__ = ["dataclasses", "np"]
