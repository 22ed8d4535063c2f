"""Audit the equivalence list of tests/mutation_survivors.md by running each listed mutant.

    .venv/bin/python tools/audit_survivors.py [NAME ...]   # after `mutmut run` made mutants/

For every mutant listed as equivalent, puts the mutated function (read from mutmut's
generated mutants/) in place of the original in this process, wherever a module or class
holds it, and computes everything the pipeline outputs for the shipped configuration: the
ledger, claims.tex, the conclusions, every claim's raw value and extras before rounding and
its inputs, a small Monte Carlo's summary, macros and draws of every claim and conclusion,
and the Sobol macros of a small design (the scenario comparison only re-reads these).
Compares them with the unmutated code's and prints one line per mutant: ``identical``,
``float noise`` (largest relative difference below 1e-12, and where) or ``DIFFERS`` (what).
Exits 1 when a listed mutant changes an output beyond noise.
"""

from __future__ import annotations

import json
import math
import re
import sys
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

from inference_scaling.publish import uncertainty_pages

b = golden.build(config.load_assumptions())
settings = golden.uncertainty_settings()
document = {"claims": b["ledger"], "conclusions": b["conclusions"]}
summary = golden.monte_carlo(b, settings)
out = {
    "claims.tex": golden.claims_tex(b),
    "ledger": b["ledger"],
    "conclusions": b["conclusions"],
    "uncertainty": summary,
    "uncertainty.tex": uncertainty_pages.uncertainty_tex(summary, document),
    "sensitivity.tex": uncertainty_pages.sensitivity_tex(golden.sobol(b, settings), document),
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


def outputs() -> dict:
    """What PROBE computes, in this process (see :func:`patched`)."""
    namespace: dict = {}
    captured = []

    class Out:
        def write(self, text):
            captured.append(text)

    real = sys.stdout
    sys.stdout = Out()
    try:
        exec(PROBE, namespace)
    finally:
        sys.stdout = real
    return json.loads("".join(captured))


def _clear_caches() -> None:
    import functools

    for module in [m for n, m in sys.modules.items() if n.startswith("inference_scaling")]:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def patched(name: str):
    """A context manager that puts mutant ``name`` in place of its function in every loaded
    module and class that holds it (so ``from x import f`` bindings see it too)."""
    import contextlib
    import importlib
    import textwrap

    import libcst as cst
    from mutmut.mutation import diff_apply
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    module_name, mutant_key = name.rsplit(".", 1)
    module = importlib.import_module(module_name)
    rel = Path("src", *module_name.split(".")).with_suffix(".py")
    mutants_module = cst.parse_module((ROOT / "mutants" / rel).read_text(encoding="utf-8"))
    function, class_name = orig_function_and_class_names_from_key(name)
    function = function.rpartition(".")[-1]
    mutant = diff_apply.read_mutant_function(mutants_module, mutant_key)
    source = textwrap.dedent(cst.Module([mutant.with_changes(name=cst.Name(function))]).code)
    scope = dict(vars(module))
    exec(compile(source, f"<{name}>", "exec"), scope)
    new = scope[function]
    owner = getattr(module, class_name) if class_name else module
    old = vars(owner)[function]
    holders = [owner] if class_name else []
    if not class_name:
        for other in [m for n, m in sys.modules.items() if n.startswith("inference_scaling")]:
            holders += [other] if vars(other).get(function) is old else []

    @contextlib.contextmanager
    def swap():
        for holder in holders:
            setattr(holder, function, new)
        _clear_caches()
        try:
            yield
        finally:
            for holder in holders:
                setattr(holder, function, old)
            _clear_caches()

    return swap()


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
    if isinstance(a, str) and isinstance(b, str) and a != b:
        old, new = a.splitlines(), b.splitlines()
        pairs = enumerate(zip(old, new, strict=False))
        i = next((i for i, (x, y) in pairs if x != y), min(len(old), len(new)))
        line = lambda lines: lines[i][:90] if i < len(lines) else "(none)"  # noqa: E731
        return math.inf, f"{where} line {i + 1}: {line(old)!r} -> {line(new)!r}"
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
    sys.path.insert(0, str(ROOT / "src"))
    baseline = outputs()
    bad = 0
    for name in names:
        try:
            swap = patched(name)
        except (FileNotFoundError, OSError, KeyError, AttributeError) as err:
            print(f"not found: {name} ({err})")
            bad += 1
            continue
        try:
            with swap:
                result = outputs()
        except Exception as err:  # noqa: BLE001 - a mutant that raises is not equivalent
            print(f"DIFFERS: {name}: raises {type(err).__name__}: {err}", flush=True)
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
