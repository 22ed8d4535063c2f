"""Generate data/datapackage.json (a Frictionless Data Package) from data/sources.yaml.

    .venv/bin/python tools/datapackage_json.py > data/datapackage.json

data/sources.yaml stays the one place where a dataset's source, licence and columns are
written (it reads well and has comments); this script turns it into the standard
descriptor that tools such as ``frictionless validate data/datapackage.json`` understand.
tests/test_data_files.py fails when the committed file drifts from sources.yaml and
validates every CSV against it with the ``frictionless`` library.

Mapping: a ``number`` column is a Frictionless ``number``, ``date`` a ``date``, ``text`` a
``string`` and ``category`` a ``string`` constrained to its ``values``; a column is
``required`` unless it is ``nullable``; its unit goes into the field's ``unit`` property.
The ``flag`` column of every file is constrained to the whole legend (exact, approx,
derived, digitized), so a new row may carry any documented flag.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources.yaml"
TYPES = {"number": "number", "date": "date", "text": "string", "category": "string"}
CC_BY = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}


def _field(name: str, column: dict, flags: list[str]) -> dict:
    field = {
        "name": name,
        "type": TYPES[column["type"]],
        "description": column["description"],
        "unit": column["unit"],
    }
    constraints = {"required": not column.get("nullable", False)}
    if name == "flag":
        constraints["enum"] = flags
    elif column["type"] == "category":
        constraints["enum"] = [str(v) for v in column["values"]]
    field["constraints"] = constraints
    return field


def _resource(spec: dict, flags: list[str]) -> dict:
    sources = [{"title": spec["source"], "path": spec["url"]}]
    for other in spec.get("other_sources", []):
        url = re.search(r"https?://\S+", other)
        entry = {"title": other}
        if url:
            entry["path"] = url.group(0).rstrip(").,;")
        sources.append(entry)
    return {
        "name": Path(spec["file"]).stem.replace("_", "-"),
        "path": spec["file"],
        "title": spec["title"],
        "description": spec["description"],
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "sources": sources,
        "licenses": [CC_BY],
        # What the source's own terms say (sources.yaml's licence); CC BY 4.0 above covers
        # our transcription, and Epoch AI's rows are CC BY 4.0 at the source.
        "rights": " ".join(str(spec["licence"]).split()),
        "citationKey": spec["citation_key"],
        "sourceDate": str(spec["date"]),
        "sourceVersion": " ".join(str(spec["version"]).split()),
        "schema": {
            "fields": [_field(n, c, flags) for n, c in spec["columns"].items()],
            "missingValues": [""],
        },
    }


def render(sources_path: Path = SOURCES) -> str:
    sources = yaml.safe_load(Path(sources_path).read_text(encoding="utf-8"))
    flags = list(sources["flags"])
    package = {
        "$comment": "Generated from sources.yaml by tools/datapackage_json.py; do not edit.",
        "name": "inference-scaling-data",
        "title": "Shipped data of the inference-scaling reproduction",
        "description": (
            "Small, sourced datasets behind the recomputation of Ord (2025), 'Inference "
            "Scaling Reshapes AI Governance'. Every row carries a provenance flag: "
            + "; ".join(f"{k}: {v}" for k, v in sources["flags"].items())
            + "."
        ),
        "licenses": [CC_BY],
        "flags": sources["flags"],
        "resources": [_resource(spec, flags) for spec in sources["datasets"]],
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
