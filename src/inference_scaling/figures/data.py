"""Readers for data that only figures use (the ledger's readers are in ``datasets``)."""

from __future__ import annotations

import json

from ..datasets import DATA_DIR, read_rows


def chinchilla_fits(path=DATA_DIR / "chinchilla_fit.csv") -> tuple[dict, dict]:
    """Parametric-loss constants by fit (``{fit: {E, A, B, alpha, beta}}``) and the Chinchilla
    model's ``n_params``/``n_tokens``."""
    fits: dict[str, dict[str, float]] = {}
    for r in read_rows(path):
        fits.setdefault(r["fit"], {})[r["quantity"]] = float(r["value"])
    return {k: v for k, v in fits.items() if k != "chinchilla_model"}, fits["chinchilla_model"]


def ledger_value(path, claim_id: str) -> float:
    """The value of one claim of a ``claims.json`` ledger."""
    with open(path, encoding="utf-8") as handle:
        claims = json.load(handle)["claims"]
    for c in claims:
        if c["id"] == claim_id:
            return float(c["value"])
    raise KeyError(f"{path}: no claim {claim_id!r}")
