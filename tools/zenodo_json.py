"""Generate .zenodo.json (Zenodo's deposit metadata) from CITATION.cff.

    .venv/bin/python tools/zenodo_json.py > .zenodo.json

CITATION.cff stays the one place where the title, authors, version, licence and keywords
are written; Zenodo's GitHub integration reads .zenodo.json when a release is published,
so the two must agree. tests/test_publishing.py fails when the committed file drifts.

Mapping: an author with ``family-names`` becomes a creator named "Family, Given" (Zenodo's
form for people), one with only ``name`` (a team) keeps it; ``orcid`` and ``affiliation``
carry over. The essay this project reproduces is recorded as a related work it
``isSupplementTo``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def creator(author: dict) -> dict:
    if "family-names" in author:
        name = ", ".join(filter(None, [author["family-names"], author.get("given-names")]))
    else:
        name = author["name"]
    out = {"name": name}
    if "affiliation" in author:
        out["affiliation"] = author["affiliation"]
    if "orcid" in author:
        out["orcid"] = author["orcid"].removeprefix("https://orcid.org/")
    return out


def zenodo_metadata(cff: dict) -> dict:
    related = [
        {"identifier": ref["url"], "relation": "isSupplementTo", "resource_type": "publication"}
        for ref in cff.get("references", [])
        if ref.get("type") == "article" and "url" in ref
    ]
    return {
        "title": cff["title"],
        "description": " ".join(cff["abstract"].split()),
        "upload_type": "software",
        "version": str(cff["version"]),
        "license": cff["license"],
        "creators": [creator(a) for a in cff["authors"]],
        "keywords": list(cff.get("keywords", [])),
        "related_identifiers": related,
    }


def main() -> int:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    sys.stdout.write(json.dumps(zenodo_metadata(cff), indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
