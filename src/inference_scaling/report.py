"""Print the end-of-build summary: where the PDF is and the ledger's one-line verdict."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def build_summary(claims_json, pdf) -> str:
    ledger = json.loads(Path(claims_json).read_text(encoding="utf-8"))
    table = Path(claims_json).with_suffix(".md")
    return f"paper: {pdf}\n{ledger['summary']} — see {table}"


if __name__ == "__main__":
    print(build_summary(sys.argv[1], sys.argv[2]))
