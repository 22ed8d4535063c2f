"""Readers for the shipped datasets in ``data/`` (see ``data/sources.yaml``, and its
Frictionless form ``data/datapackage.json``).

Plain ``csv`` readers: the files are small and pandas would cost more to import than to use.
Each reader returns plain Python/numpy values; nothing here computes a claim.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def read_rows(path) -> list[dict[str, str]]:
    """All rows of a CSV file as dicts of strings."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def notable_models(path=DATA_DIR / "epoch_notable_models.csv") -> dict[str, np.ndarray]:
    """Epoch AI notable models: ``date`` (datetime64[D]), ``flop`` [FLOP], ``language`` (bool),
    ``model`` (str)."""
    rows = read_rows(path)
    return {
        "date": np.array([r["publication_date"] for r in rows], dtype="datetime64[D]"),
        "flop": np.array([float(r["training_flop"]) for r in rows]),
        "language": np.array([r["language_model"] == "yes" for r in rows]),
        "model": np.array([r["model"] for r in rows]),
    }


def alphago_elo(path=DATA_DIR / "alphago_zero_elo.csv") -> dict[str, float]:
    """Elo rating [Elo] by player name (Silver et al. 2017)."""
    return {r["player"]: float(r["elo"]) for r in read_rows(path)}


def alphago_run(path=DATA_DIR / "alphago_zero_run.csv") -> dict[str, float]:
    """AlphaGo Zero training-run facts by quantity name, in the units of the file."""
    return {r["quantity"]: float(r["value"]) for r in read_rows(path)}


def arc_results(path=DATA_DIR / "arc_agi.csv") -> list[dict]:
    """ARC-AGI-1 results with numeric fields parsed (empty cells become ``None``)."""
    out = []
    for r in read_rows(path):
        rec = dict(r)
        for key in ("score_pct", "cost_per_task_usd", "tokens", "samples"):
            rec[key] = float(r[key]) if r[key] else None
        out.append(rec)
    return out


def arc_point(results, model_prefix, setting, eval_set) -> dict:
    """The single ARC result matching a family/setting/evaluation set; error if not unique."""
    hits = [
        r
        for r in results
        if r["family"] == model_prefix and r["setting"] == setting and r["eval_set"] == eval_set
    ]
    if len(hits) != 1:
        raise LookupError(
            f"arc_agi.csv: expected one {model_prefix}/{setting}/{eval_set} row, found {len(hits)}"
        )
    return hits[0]


def o1_aime(path=DATA_DIR / "o1_aime.csv") -> dict[str, dict[str, np.ndarray]]:
    """Digitized o1 AIME curves by panel: relative log compute [steps] and pass@1 [%]."""
    panels: dict[str, dict[str, list]] = {}
    for r in read_rows(path):
        p = panels.setdefault(r["panel"], {"x": [], "y": []})
        p["x"].append(float(r["relative_log_compute"]))
        p["y"].append(float(r["pass1_pct"]))
    return {k: {"x": np.array(v["x"]), "y": np.array(v["y"])} for k, v in panels.items()}


def ledger_facts(growth: dict, data_dir=DATA_DIR) -> dict[str, float]:
    """Facts the claims read from shipped data, flattened to ``name -> number``.

    ``growth`` is the content of ``results/pretrain_growth.json`` (fits by domain).
    """
    data_dir = Path(data_dir)
    facts: dict[str, float] = {}
    for domain, fit in growth["fits"].items():
        for key in ("growth", "growth_low", "growth_high", "n"):
            facts[f"growth.{domain}.{key}"] = fit[key]
    arc = arc_results(data_dir / "arc_agi.csv")
    for family, setting, eval_set, name in [
        ("o3", "high_compute", "semi_private", "o3_high_semi_private"),
        ("o3", "low_compute", "semi_private", "o3_low_semi_private"),
        ("o1-mini", "default", "semi_private", "o1_mini_semi_private"),
        ("o1-mini", "default", "public", "o1_mini_public"),
    ]:
        point = arc_point(arc, family, setting, eval_set)
        facts[f"arc.{name}_score"] = point["score_pct"]
        if point["cost_per_task_usd"] is not None:
            facts[f"arc.{name}_cost"] = point["cost_per_task_usd"]
    elo = alphago_elo(data_dir / "alphago_zero_elo.csv")
    facts.update(
        {
            "alphago.elo_zero": elo["AlphaGo Zero (40 blocks)"],
            "alphago.elo_raw": elo["AlphaGo Zero raw network (no search)"],
            "alphago.elo_lee": elo["AlphaGo Lee"],
            "alphago.elo_master": elo["AlphaGo Master"],
            "alphago.elo_fan": elo["AlphaGo Fan"],
        }
    )
    facts.update(
        {f"alphago.{k}": v for k, v in alphago_run(data_dir / "alphago_zero_run.csv").items()}
    )
    return facts
