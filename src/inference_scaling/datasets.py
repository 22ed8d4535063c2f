"""Readers for the shipped datasets in ``data/`` (see ``data/sources.yaml``).

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


def ledger_facts(
    growth: dict, data_dir=DATA_DIR, *, arc=None, elo=None, run=None
) -> dict[str, float]:
    """Facts the claims read from shipped data, flattened to ``name -> number``.

    ``growth`` is the content of ``results/<scenario>/pretrain_growth.json`` (fits by
    domain). The CSVs are ``arc``, ``elo`` and ``run`` when given (a job passes its declared
    inputs), else the shipped files in ``data_dir``.
    """
    data_dir = Path(data_dir)
    arc_csv = arc or data_dir / "arc_agi.csv"
    elo_csv = elo or data_dir / "alphago_zero_elo.csv"
    run_csv = run or data_dir / "alphago_zero_run.csv"
    facts: dict[str, float] = {}
    for domain, fit in growth["fits"].items():
        for key in ("growth", "growth_low", "growth_high", "n"):
            facts[f"growth.{domain}.{key}"] = fit[key]
    arc_rows = arc_results(arc_csv)
    for family, setting, eval_set, name in [
        ("o3", "high_compute", "semi_private", "o3_high_semi_private"),
        ("o3", "low_compute", "semi_private", "o3_low_semi_private"),
        ("o1-mini", "default", "semi_private", "o1_mini_semi_private"),
        ("o1-mini", "default", "public", "o1_mini_public"),
    ]:
        point = arc_point(arc_rows, family, setting, eval_set)
        facts[f"arc.{name}_score"] = point["score_pct"]
        if point["cost_per_task_usd"] is not None:
            facts[f"arc.{name}_cost"] = point["cost_per_task_usd"]
    elo_points = alphago_elo(elo_csv)
    facts.update(
        {
            "alphago.elo_zero": elo_points["AlphaGo Zero (40 blocks)"],
            "alphago.elo_raw": elo_points["AlphaGo Zero raw network (no search)"],
            "alphago.elo_lee": elo_points["AlphaGo Lee"],
            "alphago.elo_master": elo_points["AlphaGo Master"],
            "alphago.elo_fan": elo_points["AlphaGo Fan"],
        }
    )
    facts.update({f"alphago.{k}": v for k, v in alphago_run(run_csv).items()})
    return facts
