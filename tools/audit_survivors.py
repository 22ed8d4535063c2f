"""Audit the equivalence list of tests/mutation_survivors.md by running each listed mutant.

    .venv/bin/python tools/audit_survivors.py [NAME ...]   # after `mutmut run` made mutants/

For every mutant listed as equivalent, writes the mutated function into a throwaway copy of
the project (taken from mutmut's generated mutants/), computes there everything the
pipeline outputs for the shipped configuration (every golden file, every claim's raw value
and extras before rounding, every input's record, and a small Monte Carlo's draws of every
claim and conclusion) and compares it with the unmutated copy's. Prints one line per
mutant: ``identical``, ``float noise`` (the largest relative difference, below 1e-12, and
where) or ``DIFFERS`` (what). Exits 1 when a listed mutant changes an output beyond noise.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SURVIVORS = ROOT / "tests" / "mutation_survivors.md"
NOISE = 1e-12

# Run inside the copy: every output, full precision, as JSON on stdout.
PROBE = r"""
import json, sys
import numpy as np
from inference_scaling.ledger import claims
from inference_scaling.pipeline import config
from inference_scaling.review import golden
from inference_scaling.uncertainty import montecarlo

def plain(x):
    if isinstance(x, (tuple, list)):
        return [plain(v) for v in x]
    a = np.asarray(x, dtype=float)
    return a.tolist()

from inference_scaling.publish import uncertainty_tex

b = golden.build(config.load_assumptions())
settings = golden.uncertainty_settings()
document = {"claims": b["ledger"], "conclusions": b["conclusions"]}
summary = golden.monte_carlo(b, settings)
out = {
    "claims.tex": golden.claims_tex(b),
    "ledger": b["ledger"],
    "conclusions": b["conclusions"],
    "uncertainty": summary,
    "uncertainty.tex": uncertainty_tex.uncertainty_tex(summary, document),
    "sensitivity.tex": uncertainty_tex.sensitivity_tex(golden.sobol(b, settings), document),
}
raw = claims.evaluate(b["assumptions"].values, b["facts"])
out["raw"] = {
    cid: {"value": plain(r["value"]), "extra": {k: plain(v) for k, v in r["extra"].items()},
          "inputs": r["inputs"]}
    for cid, r in raw.items()
}
block = montecarlo.run_block(0, settings["seed"], 500, golden.input_model(b, settings), b["facts"])
out["draws"] = {k: np.asarray(v, dtype=float).tolist() for k, v in block.items()}
json.dump(out, sys.stdout)
"""


def listed() -> list[str]:
    text = SURVIVORS.read_text(encoding="utf-8")
    return re.findall(r"^- `([^`]+)`", text, flags=re.M)


def mutated_source(name: str, copy: Path) -> tuple[Path, str]:
    """The path (relative) and text of the source file with mutant ``name`` applied."""
    import libcst as cst
    from mutmut.mutation import diff_apply
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    module_path = name.rsplit(".", 1)[0]  # inference_scaling.model.ida
    rel = Path("src", *module_path.split(".")).with_suffix(".py")
    mutants_module = cst.parse_module((ROOT / "mutants" / rel).read_text(encoding="utf-8"))
    mutant = diff_apply.read_mutant_function(mutants_module, name.rsplit(".", 1)[1])
    orig_name = orig_function_and_class_names_from_key(name)[0].rpartition(".")[-1]
    orig_module = cst.parse_module((copy / rel).read_text(encoding="utf-8"))
    original = diff_apply.find_top_level_function_or_method(orig_module, orig_name)
    if original is None:
        raise FileNotFoundError(f"{name}: no function {orig_name} in {rel}")
    mutant = mutant.with_changes(name=cst.Name(orig_name))
    return rel, orig_module.deep_replace(original, mutant).code


def probe(copy: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=copy,
        env={"PYTHONPATH": str(copy / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        return {"error": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"}
    return json.loads(run.stdout)


def largest_difference(a, b, where="") -> tuple[float, str]:
    """The largest relative difference between two JSON trees (inf where they differ in
    shape, type or a non-number)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return math.inf, f"{where}: keys {sorted(set(a) ^ set(b))[:3]}"
        found = (0.0, "")
        for k in a:
            found = max(found, largest_difference(a[k], b[k], f"{where}.{k}" if where else k))
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return math.inf, f"{where}: length {len(a)} -> {len(b)}"
        found = (0.0, "")
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = max(found, largest_difference(x, y, f"{where}[{i}]"))
        return found
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return (0.0, "") if a == b else (math.inf, f"{where}: {str(a)[:60]!r} -> {str(b)[:60]!r}")
    if isinstance(a, int | float) and isinstance(b, int | float):
        if a == b or (math.isnan(a) and math.isnan(b)):
            return 0.0, ""
        if math.isinf(a) or math.isinf(b):
            return math.inf, f"{where}: {a} -> {b}"
        return abs(a - b) / max(abs(a), abs(b)), f"{where}: {a!r} -> {b!r}"
    return (0.0, "") if a == b else (math.inf, f"{where}: {a!r} -> {b!r}")


def main(argv=None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or listed()
    if not (ROOT / "mutants").is_dir():
        print("no mutants/: run `mutmut run` first (make mutation)", file=sys.stderr)
        return 2
    bad = 0
    with tempfile.TemporaryDirectory(prefix="survivors-") as tmp:
        copy = Path(tmp) / "project"
        for part in ("src", "config", "data", "workflow"):
            shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        baseline = probe(copy)
        if "error" in baseline:
            print(f"the unmutated copy fails: {baseline['error']}", file=sys.stderr)
            return 2
        for name in names:
            try:
                rel, text = mutated_source(name, copy)
            except (FileNotFoundError, OSError) as err:
                print(f"not found: {name} ({err})")
                bad += 1
                continue
            original = (copy / rel).read_text(encoding="utf-8")
            (copy / rel).write_text(text, encoding="utf-8")
            try:
                result = probe(copy)
            finally:
                (copy / rel).write_text(original, encoding="utf-8")
            if "error" in result:
                print(f"DIFFERS: {name}: raises {result['error']}")
                bad += 1
                continue
            size, where = largest_difference(baseline, result)
            if size == 0.0:
                print(f"identical: {name}", flush=True)
            elif size < NOISE:
                print(f"float noise: {name}: largest relative difference {size:.1e} ({where})")
            else:
                print(f"DIFFERS: {name}: {where}", flush=True)
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
