"""Readers for data that only figures use (the ledger's readers are in ``datasets``)."""

from __future__ import annotations

import json

from inference_scaling.pipeline.datasets import chinchilla_fits  # noqa: F401 - figures read the fits from here


def ledger_record(path, claim_id: str) -> dict:
    """One claim's record of a ``claims.json`` ledger."""
    with open(path, encoding="utf-8") as handle:
        claims = json.load(handle)["claims"]
    for c in claims:
        if c["id"] == claim_id:
            return c
    raise KeyError(f"{path}: no claim {claim_id!r}")


def ledger_value(path, claim_id: str) -> float:
    """The value of one claim of a ``claims.json`` ledger."""
    return float(ledger_record(path, claim_id)["value"])


def printed(record: dict) -> str:
    """A claim's value as the paper prints it, in plain text (``26,000``)."""
    from inference_scaling.publish import records

    return records.printed(record, "text")
