"""The recomputed ledger matches the reviewed golden ledger exactly (values at their printed
precision, verdicts, bases, counts). After an intended change run `make golden` and review
the diff of tests/golden/claims.json like code."""

import json

from conftest import ROOT

from inference_scaling.review import golden

GOLDEN = ROOT / "tests" / "golden" / "claims.json"


def test_ledger_matches_the_golden_file(ledger):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(golden.snapshot(ledger)))
    drift = {
        cid: (expected["claims"].get(cid), rec)
        for cid, rec in actual["claims"].items()
        if expected["claims"].get(cid) != rec
    }
    missing = set(expected["claims"]) - set(actual["claims"])
    assert not drift and not missing, f"drift: {drift}; missing: {sorted(missing)}"
    assert actual["counts"] == expected["counts"]


def test_a_changed_value_is_drift(ledger):
    # The check above must notice a change in the last printed digit.
    snap = golden.snapshot(ledger)
    rec = next(r for r in ledger if r["id"] == "era.exchange_jones")
    bumped = dict(rec, value=rec["value"] + 0.01)
    assert (
        golden.snapshot([bumped])["claims"]["era.exchange_jones"]
        != snap["claims"]["era.exchange_jones"]
    )
