"""The golden ledger: every claim's value at its printed precision, its verdict, basis,
evidence grade and cause, and the summary counts, pinned in ``tests/golden/claims.json``.

``tests/test_golden.py`` fails on any drift; ``make golden`` rewrites the file from a built
``claims.json``, and a changed golden file is reviewed like code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from inference_scaling.ledger.claims import counts_by_basis, counts_by_cause, counts_by_evidence
from inference_scaling.publish.latex import dump_json, format_value


def snapshot(ledger: list[dict]) -> dict:
    """What the golden file pins, from a list of ledger records."""
    return {
        "claims": {
            rec["id"]: {
                "basis": rec["basis"],
                "cause": rec.get("cause"),
                "evidence": rec.get("evidence"),
                "printed": format_value(rec["value"], rec["format"]),
                "verdict": rec["verdict"],
            }
            for rec in ledger
        },
        "counts": counts_by_basis(ledger),
        "counts_by_evidence": counts_by_evidence(ledger),
        "counts_by_cause": counts_by_cause(ledger),
    }


def main(argv=None) -> int:
    claims_json, golden = argv if argv is not None else sys.argv[1:]
    ledger = json.loads(Path(claims_json).read_text(encoding="utf-8"))["claims"]
    Path(golden).parent.mkdir(parents=True, exist_ok=True)
    Path(golden).write_text(dump_json(snapshot(ledger)), encoding="utf-8")
    print(f"golden ledger: {golden} ({len(ledger)} claims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
