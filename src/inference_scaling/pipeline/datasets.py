"""Readers for the shipped datasets in ``data/`` (see ``data/sources.yaml``, and its
Frictionless form ``data/datapackage.json``).

Plain ``csv`` readers: the files are small and pandas would cost more to import than to use.
Each reader returns plain Python/numpy values; nothing here computes a claim.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parents[3] / "data"


def read_rows(path) -> list[dict[str, str]]:
    """All rows of a CSV file as dicts of strings."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


#: Earlier Epoch rows (before 2018) that start the top-N-at-release bookkeeping; read from the
#: same directory as the main table.
EARLIER_MODELS = "epoch_notable_models_pre2018.csv"


def notable_models(path=DATA_DIR / "epoch_notable_models.csv", earlier=True) -> dict:
    """Epoch AI notable models: ``date`` (datetime64[D]), ``flop`` [FLOP], ``language`` (bool),
    ``model`` (str), ``flag`` (str), in date order.

    With ``earlier`` the rows of :data:`EARLIER_MODELS` beside ``path`` come first, so the
    frontier (top-N by compute at release) of 2018 models is decided against earlier ones.
    """
    rows = read_rows(path)
    if earlier:
        rows = read_rows(Path(path).with_name(EARLIER_MODELS)) + rows
    return {
        "date": np.array([r["publication_date"] for r in rows], dtype="datetime64[D]"),
        "flop": np.array([float(r["training_flop"]) for r in rows]),
        "language": np.array([r["language_model"] == "yes" for r in rows]),
        "model": np.array([r["model"] for r in rows]),
        "flag": np.array([r["flag"] for r in rows]),
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


def chinchilla_fits(path=DATA_DIR / "chinchilla_fit.csv") -> tuple[dict, dict]:
    """Parametric-loss constants by fit (``{fit: {E, A, B, alpha, beta}}``) and the Chinchilla
    model's ``n_params``/``n_tokens``."""
    fits: dict[str, dict[str, float]] = {}
    for r in read_rows(path):
        fits.setdefault(r["fit"], {})[r["quantity"]] = float(r["value"])
    return {k: v for k, v in fits.items() if k != "chinchilla_model"}, fits["chinchilla_model"]


# The o3 announcement (ARC Prize, 20 December 2024), whose chart the essay reproduces.
ARC_ANNOUNCEMENT_DATE = "2024-12-20"


def _arc_announcement_facts(arc: list[dict]) -> dict[str, float]:
    """Lowest and highest score of each model group in the o3 announcement, and GPT-4o's
    leaderboard cost per task. Rows taken from the essay's own description of the chart are
    left out: they cannot check the essay. Raises naming the file when a group has no row."""

    def scores(families, exclude_settings=()):
        hits = [
            r["score_pct"]
            for r in arc
            if r["family"] in families
            and r["source_date"] == ARC_ANNOUNCEMENT_DATE
            and r["setting"] not in exclude_settings
            and r["source"] != "ord2025inference"
        ]
        if not hits:
            raise LookupError(
                f"arc_agi.csv: no {'/'.join(families)} row of {ARC_ANNOUNCEMENT_DATE}"
            )
        return min(hits), max(hits), len(hits)

    facts = {}
    for name, families, exclude in [
        ("o1", ("o1",), ("pro",)),
        ("o1_mini_preview", ("o1-mini", "o1-preview"), ()),
    ]:
        low, high, count = scores(families, exclude)
        facts[f"arc.{name}_announced_low"] = low
        facts[f"arc.{name}_announced_high"] = high
        facts[f"arc.{name}_announced_n"] = count
    costs = [
        r["cost_per_task_usd"] for r in arc if r["family"] == "gpt-4o" and r["cost_per_task_usd"]
    ]
    if len(costs) != 1:
        raise LookupError(f"arc_agi.csv: expected one gpt-4o row with a cost, found {len(costs)}")
    facts["arc.gpt4o_cost"] = costs[0]
    return facts


#: ARC results the ledger reads: (fact name, family, setting, evaluation set).
ARC_FACTS = (
    ("o3_high_semi_private", "o3", "high_compute", "semi_private"),
    ("o3_low_semi_private", "o3", "low_compute", "semi_private"),
    ("o1_mini_semi_private", "o1-mini", "default", "semi_private"),
    ("o1_mini_public", "o1-mini", "default", "public"),
)


# The CSVs the ledger reads, by the keyword ledger_facts takes (and jobs declare as input;
# ``models`` also reads the earlier rows beside it, which jobs declare as ``earlier``).
LEDGER_CSVS = ("arc", "elo", "run", "chinchilla", "models", "aime")

# Years whose end the language-model compute record is read at (the essay's 2020-2024 and the
# 2020-2023 of its footnote 2), and the training-compute lines the models are counted against
# (the EU AI Act's and the US executive order's thresholds, fixed in law) [FLOP].
RECORD_YEARS = (2019, 2023, 2024)
COUNT_LINES = {"1e25": 1e25, "1e26": 1e26}


def model_facts(models: dict, later: dict) -> dict[str, float]:
    """Facts from Epoch's notable models: the largest language-model training compute
    published by the end of each of :data:`RECORD_YEARS` [FLOP] (``models`` with the earlier
    rows), and how many models of the 2018-2024 table (``later``) there are and how many
    used more than each of :data:`COUNT_LINES`."""
    facts: dict[str, float] = {}
    language = models["flop"][models["language"]]
    dates = models["date"][models["language"]]
    for year in RECORD_YEARS:
        published = dates <= np.datetime64(f"{year}-12-31")
        facts[f"epoch.language_record_{year}"] = float(language[published].max())
    facts["epoch.models_2018_2024"] = float(later["flop"].size)
    for name, line in COUNT_LINES.items():
        facts[f"epoch.models_2018_2024_over_{name}"] = float((later["flop"] > line).sum())
    return facts


def aime_facts(curves: dict) -> dict[str, float]:
    """The digitized o1 AIME points as facts: ``aime.<panel>.log_compute_<i>`` [steps of the
    unlabelled log axis] and ``aime.<panel>.pass1_<i>`` [%]."""
    facts: dict[str, float] = {}
    for panel, curve in curves.items():
        for i, (x, y) in enumerate(zip(curve["x"], curve["y"], strict=True)):
            facts[f"aime.{panel}.log_compute_{i}"] = float(x)
            facts[f"aime.{panel}.pass1_{i}"] = float(y)
    return facts


def declared_csvs(inputs) -> dict:
    """``{keyword: path}`` of the ledger's CSVs from a job's named inputs."""
    return {key: inputs[key] for key in LEDGER_CSVS}


def ledger_facts(
    growth: dict,
    data_dir=DATA_DIR,
    *,
    arc=None,
    elo=None,
    run=None,
    chinchilla=None,
    models=None,
    aime=None,
) -> dict[str, float]:
    """Facts the claims read from shipped data, flattened to ``name -> number``.

    ``growth`` is the content of ``results/<scenario>/pretrain_growth.json`` (fits by
    domain). The CSVs are ``arc``, ``elo``, ``run``, ``chinchilla``, ``models`` (Epoch's
    2018-2024 table, read with the earlier rows beside it) and ``aime`` when given (a job
    passes its declared inputs), else the shipped files in ``data_dir``.
    """
    data_dir = Path(data_dir)
    arc_csv = arc or data_dir / "arc_agi.csv"
    elo_csv = elo or data_dir / "alphago_zero_elo.csv"
    run_csv = run or data_dir / "alphago_zero_run.csv"
    chinchilla_csv = chinchilla or data_dir / "chinchilla_fit.csv"
    models_csv = models or data_dir / "epoch_notable_models.csv"
    facts: dict[str, float] = {}
    for domain, fit in growth["fits"].items():
        for key in ("growth", "growth_low", "growth_high", "n"):
            facts[f"growth.{domain}.{key}"] = fit[key]
    arc_rows = arc_results(arc_csv)
    for name, family, setting, eval_set in ARC_FACTS:
        point = arc_point(arc_rows, family, setting, eval_set)
        facts[f"arc.{name}_score"] = point["score_pct"]
        if point["cost_per_task_usd"] is not None:
            facts[f"arc.{name}_cost"] = point["cost_per_task_usd"]
    facts.update(_arc_announcement_facts(arc_rows))
    fits, chinchilla_model = chinchilla_fits(chinchilla_csv)
    for fit, params in fits.items():
        facts.update({f"chinchilla.{fit}.{k}": v for k, v in params.items()})
    facts.update({f"chinchilla.model.{k}": v for k, v in chinchilla_model.items()})
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
    facts.update(model_facts(notable_models(models_csv), notable_models(models_csv, earlier=False)))
    facts.update(aime_facts(o1_aime(aime or data_dir / "o1_aime.csv")))
    return facts


def fact_flags(data_dir=DATA_DIR, *, arc=None, run=None, aime=None) -> dict[str, str]:
    """Provenance flag of every fact of :func:`ledger_facts` read from a flagged row.

    A fact takes its row's flag, except an ARC score: the ``derived`` rows derive only the
    cost, and print the score (so the score counts as ``exact``); and a digitized AIME point,
    whose accuracy takes the row's flag while its position on the axis is the point's index.
    ``arc``, ``run`` and ``aime`` are the CSVs when given, else the shipped files in
    ``data_dir``.
    """
    data_dir = Path(data_dir)
    flags: dict[str, str] = {}
    for row in read_rows(arc or data_dir / "arc_agi.csv"):
        name = f"{row['family'].replace('-', '_')}_{row['setting']}_{row['eval_set']}"
        flags[f"arc:{name}"] = row["flag"]
    out = {}
    for fact_prefix, family, setting, eval_set in ARC_FACTS:
        flag = flags[f"arc:{family.replace('-', '_')}_{setting}_{eval_set}"]
        out[f"arc.{fact_prefix}_score"] = "exact" if flag == "derived" else flag
        out[f"arc.{fact_prefix}_cost"] = flag
    for row in read_rows(run or data_dir / "alphago_zero_run.csv"):
        out[f"alphago.{row['quantity']}"] = row["flag"]
    for row in read_rows(aime or data_dir / "o1_aime.csv"):
        out[f"aime.{row['panel']}.pass1_{int(float(row['point']))}"] = row["flag"]
    return out
