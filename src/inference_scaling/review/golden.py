"""The golden files: everything a reader sees, pinned as reviewable text in ``tests/golden/``.

Computed in-process from the shipped configuration and data (no Snakemake build), so
``tests/test_golden.py`` runs in the fast suite:

- ``claims.json``: every claim's printed value, verdict and basis, and the counts;
- ``claims_table.tex``, ``claims.md`` and ``assumptions.tex``: the ledger's table in the
  paper, its Markdown page and the assumption macros, as the build writes them;
- ``claims.tex``: every macro of the build's ``claims.tex`` (values, pair ends, extras, the
  essay's values and words, verdicts and their conditionals, counts, data facts, every
  conclusion with whether it holds, the list of differences);
- ``ledger.json``: every claim's value and extras to six significant figures, its inputs
  and the interval the essay's statement allows; every conclusion and whether it holds;
- ``uncertainty_table.tex``, ``sensitivity_table.tex`` and their Markdown pages: the Monte
  Carlo's and Sobol's macros and tables (percentiles, probabilities, indices at their
  printed precision), from a small
  fixed-seed run (:data:`MC_DRAWS` draws, Sobol with ``N =`` :data:`SOBOL_BASE_SAMPLES`),
  so they pin what that run prints, not the build's numbers;
- ``compare.md``, ``compare.tex`` and ``compare.html``: the scenario comparison of every
  ``config/scenarios/*.yaml`` against the default, each build with a small Monte Carlo,
  and ``scenario_overrides.tex``, the paper's table of what each scenario changes;
- ``claims.<scenario>.tex``: each scenario's ``claims.tex``, whose counts, phrases and
  conclusions take the forms (plurals, changed premises) the default's never does.

The growth-definition spread uses the coarse grid of the test fixtures (each range's ends
and the default), not the build's full grid. ``make golden`` (``python -m
inference_scaling.review.golden tests/golden``) rewrites every file; a changed golden file
is reviewed like code. :func:`changes` lists, per file, the entries that differ.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

from inference_scaling.ledger import claims, conclusions
from inference_scaling.ledger.claims import counts_by_basis, counts_by_cause, counts_by_evidence
from inference_scaling.model import era
from inference_scaling.pipeline import config, datasets
from inference_scaling.pipeline.io import dump_json
from inference_scaling.publish import latex, ledger_pages, records, uncertainty_pages
from inference_scaling.review import compare
from inference_scaling.uncertainty import montecarlo, sampling, sensitivity

ROOT = Path(__file__).resolve().parents[3]
CONFIG = ROOT / "config"
#: Monte Carlo of the golden files: blocks of draws, seeded as the build seeds them.
MC_BLOCKS = 2
MC_BLOCK_SIZE = 1000
MC_DRAWS = MC_BLOCKS * MC_BLOCK_SIZE
#: Sobol of the golden files: a small Saltelli design and few bootstrap resamples.
SOBOL_BASE_SAMPLES = 64
SOBOL_RESAMPLES = 20
#: Significant figures of the values in ledger.json: enough to see any real change,
#: few enough that the last bits of floating point never show.
LEDGER_DIGITS = 6
FILES = (
    "claims.json",
    "claims.tex",
    "claims_table.tex",
    "claims.md",
    "assumptions.tex",
    "ledger.json",
    "uncertainty_table.tex",
    "uncertainty.md",
    "sensitivity_table.tex",
    "sensitivity.md",
    "compare.md",
    "compare.tex",
    "compare.html",
    "scenario_overrides.tex",
) + tuple(f"claims.{p.stem}.tex" for p in sorted((CONFIG / "scenarios").glob("*.yaml")))


def snapshot(ledger: list[dict]) -> dict:
    """What ``claims.json`` pins, from a list of ledger records."""
    return {
        "claims": {
            rec["id"]: {
                "basis": rec["basis"],
                "cause": rec.get("cause"),
                "evidence": rec.get("evidence"),
                "printed": records.printed(rec, "tex"),
                "verdict": rec["verdict"],
            }
            for rec in ledger
        },
        "counts": counts_by_basis(ledger),
        "counts_by_evidence": counts_by_evidence(ledger),
        "counts_by_cause": counts_by_cause(ledger),
    }


# --- the builds, in-process ---------------------------------------------------------------


def coarse_grid(assumptions) -> dict:
    """The growth-fit grid at each range's ends and the default (the test fixtures' grid),
    with its definition spread."""
    models = datasets.notable_models()
    axes = {k: sorted({*assumptions.ranges[k], assumptions.values[k]}) for k in era.GROWTH_AXES}
    grid = era.growth_grid(
        models["date"],
        models["flop"],
        models["language"],
        axes,
        assumptions.values["era.fit_confidence"],
    )
    default = {k: assumptions.values[k] for k in era.GROWTH_AXES}
    return {**grid, "spread": era.definition_spread(grid, default)}


@functools.cache
def _growth_inputs(top_n, start, end, confidence, ranges: tuple):
    # Keyed by what the fits read, so scenarios that leave them alone share one computation.
    v = {
        "era.frontier_top_n": top_n,
        "era.fit_start_year": start,
        "era.fit_end_year": end,
        "era.fit_confidence": confidence,
    }
    growth = era.fit_domains(datasets.notable_models(), int(top_n), start, end, confidence)
    view = type("View", (), {"values": v, "ranges": dict(ranges)})()
    grid = coarse_grid(view)
    facts = {
        **datasets.ledger_facts(json.loads(json.dumps(growth))),
        **era.spread_facts(grid["spread"]),
    }
    return grid, facts


def build(assumptions, changed=()) -> dict:
    """One build in-process: ``{"assumptions", "grid", "facts", "ledger", "conclusions"}``.
    ``changed`` names the assumptions a scenario changes (its premises then read
    ``differs``), as the compute_claims job is told."""
    v = assumptions.values
    ranges = tuple((k, tuple(assumptions.ranges[k])) for k in era.GROWTH_AXES)
    grid, facts = _growth_inputs(
        v["era.frontier_top_n"],
        v["era.fit_start_year"],
        v["era.fit_end_year"],
        v["era.fit_confidence"],
        ranges,
    )
    ledger = claims.build_ledger(v, facts, sorted(changed))
    held = conclusions.conclusion_records({r["id"]: r["value"] for r in ledger}, v)
    return {
        "assumptions": assumptions,
        "grid": grid,
        "facts": facts,
        "ledger": ledger,
        "conclusions": held,
    }


def uncertainty_settings() -> dict:
    return config.load_uncertainty(CONFIG / "uncertainty.yaml")


def input_model(b: dict, settings: dict) -> sampling.InputModel:
    a = b["assumptions"]
    return sampling.build_model(
        a.ranges, a.distributions, settings, b["grid"], datasets.fact_flags()
    )


def monte_carlo(b: dict, settings: dict, seed: int | None = None) -> dict:
    """The Monte Carlo summary of a build from :data:`MC_BLOCKS` blocks of
    :data:`MC_BLOCK_SIZE` draws, seeded and merged as the build does."""
    seed = settings["seed"] if seed is None else seed
    model = input_model(b, settings)
    blocks = {
        block: montecarlo.run_block(block, seed, MC_BLOCK_SIZE, model, b["facts"])
        for block in range(MC_BLOCKS)
    }
    merged = montecarlo.merge(blocks)
    summary = montecarlo.summarize(merged)
    summary["settings"] = {"draws": MC_DRAWS, "blocks": MC_BLOCKS, "seed": seed}
    summary["outside_interval"] = montecarlo.outside_interval(
        summary, b["ledger"], merged, b["assumptions"].values
    )
    return summary


def sobol(b: dict, settings: dict) -> dict:
    """Sobol indices of a build from a small fixed-seed design."""
    sobol_settings = {
        **settings["sobol"],
        "base_samples": SOBOL_BASE_SAMPLES,
        "resamples": SOBOL_RESAMPLES,
    }
    return sensitivity.analyse(input_model(b, settings), b["facts"], sobol_settings)


def _ledger_document(b: dict) -> dict:
    return {"claims": b["ledger"], "conclusions": b["conclusions"]}


def _sig(x) -> object:
    if isinstance(x, list | tuple):
        return [_sig(v) for v in x]
    if x is None:
        return None
    return float(f"{float(x):.{LEDGER_DIGITS}g}")


def ledger_values(b: dict) -> dict:
    """``ledger.json``: values, extras, inputs and essay intervals; conclusions."""
    return {
        "claims": {
            rec["id"]: {
                "value": _sig(rec["value"]),
                "extra": {k: _sig(v) for k, v in rec["extra"].items()},
                "inputs": rec["inputs"],
                "essay_interval": _sig(rec["essay_interval"]),
            }
            for rec in b["ledger"]
        },
        "conclusions": {c["id"]: {"holds": c["holds"]} for c in b["conclusions"]},
    }


def claims_tex(b: dict) -> str:
    """The build's ``claims.tex``, exactly as ``compute_claims`` writes it."""
    ledger = b["ledger"]
    return latex.claims_tex(ledger, b["facts"], b["conclusions"], claims.summary(ledger))


def scenario_builds() -> dict[str, dict]:
    """The default build and one per ``config/scenarios/*.yaml``, in name order."""
    files = {p.stem: p for p in sorted((CONFIG / "scenarios").glob("*.yaml"))}
    loaded = config.load_scenarios(CONFIG / "assumptions.yaml", files)
    default = loaded["default"].values
    return {name: build(a, config.overrides(default, a.values)) for name, a in loaded.items()}


def render() -> dict[str, str]:
    """The text of every golden file, ``{file name: text}``."""
    settings = uncertainty_settings()
    builds = scenario_builds()
    default = builds["default"]
    ledger_doc = _ledger_document(default)
    summary = monte_carlo(default, settings)
    indices = sobol(default, settings)
    values = default["assumptions"].values
    assumption_macros = {**latex.assumption_macros(values), **latex.constant_macros()}
    texts = {
        "claims.json": dump_json(snapshot(default["ledger"])),
        "claims.tex": claims_tex(default),
        "claims_table.tex": ledger_pages.ledger_table(default["ledger"]).latex(),
        "claims.md": ledger_pages.ledger_page(
            default["ledger"], claims.summary(default["ledger"]), default["conclusions"]
        ).markdown(),
        "assumptions.tex": latex.render_macros(
            assumption_macros, "Assumption values used by the build."
        ),
        "ledger.json": dump_json(ledger_values(default)),
        "uncertainty_table.tex": uncertainty_pages.uncertainty_tex(summary, ledger_doc),
        "uncertainty.md": uncertainty_pages.uncertainty_page(summary, ledger_doc).markdown(),
        "sensitivity_table.tex": uncertainty_pages.sensitivity_tex(indices, ledger_doc),
        "sensitivity.md": uncertainty_pages.sensitivity_page(indices, ledger_doc).markdown(),
    }
    compared = {
        name: {
            "ledger": _ledger_document(b),
            "uncertainty": summary if name == "default" else monte_carlo(b, settings),
        }
        for name, b in builds.items()
    }
    # The round trip through JSON is the one the compare job's inputs make.
    compared = json.loads(json.dumps(compared))
    names, rows, unchanged = compare.comparison_rows(compared)
    texts["compare.md"] = compare.comparison_page(names, rows, unchanged).markdown()
    texts["compare.tex"] = compare.comparison_table(names, rows, unchanged).latex()
    texts["compare.html"] = compare.comparison_page(names, rows, unchanged).html()
    default_values = default["assumptions"].values
    texts["scenario_overrides.tex"] = compare.overrides_latex(
        {
            name: config.overrides(default_values, b["assumptions"].values)
            for name, b in builds.items()
            if name != "default"
        },
        default["assumptions"].meanings,
    )
    for name, b in builds.items():
        if name != "default":  # a fork's counts, phrases and conclusions read differently
            texts[f"claims.{name}.tex"] = claims_tex(b)
    return texts


# --- comparing with the reviewed files ------------------------------------------------------

_MACRO_START = re.compile(r"^\\newcommand\{\\([A-Za-z]+)\}", flags=re.M)
_CODE = re.compile(r"`([^`]+)`")


def entries(name: str, text: str) -> dict[str, str]:
    """A golden file split into named entries, so a change is reported by what changed:
    JSON by key path, macro files by macro, the comparison by row."""
    if name.endswith(".json"):
        out: dict[str, str] = {}

        def walk(node, path):
            if isinstance(node, dict) and node and all(isinstance(v, dict) for v in node.values()):
                for k, v in node.items():
                    walk(v, f"{path}.{k}" if path else k)
            else:
                out[path] = json.dumps(node, sort_keys=True)

        walk(json.loads(text), "")
        return out
    if name.endswith(".tex") and _MACRO_START.search(text):
        starts = list(_MACRO_START.finditer(text))
        return {
            m.group(1): text[
                m.start() : starts[i + 1].start() if i + 1 < len(starts) else None
            ].rstrip("\n")
            for i, m in enumerate(starts)
        } | {"(header)": text[: starts[0].start()]}
    out = {}
    for n, line in enumerate(text.splitlines()):
        names = _CODE.findall(line)
        if names:  # a Markdown row names its claim, conclusion or factor in backticks
            key = " / ".join(names[:2])
        elif line.startswith("|") and not line.startswith("|---"):  # else its first cell
            key = line.split("|")[1].strip()
        elif "&" in line and "\\\\" in line:  # a LaTeX table row: its first cell
            key = line.split("&")[0].strip()
        else:
            key = f"line {n + 1}"
        out[key] = line if key not in out else out[key] + "\n" + line
    return out


def changes(name: str, expected: str, actual: str, limit: int = 12) -> list[str]:
    """Human-readable lines, one per entry of ``name`` that was added, removed or changed."""
    old, new = entries(name, expected), entries(name, actual)
    lines = []
    for key in [*old, *(k for k in new if k not in old)]:
        if old.get(key) == new.get(key):
            continue
        if key not in new:
            lines.append(f"{name}: {key}: removed (was {_short(old[key])})")
        elif key not in old:
            lines.append(f"{name}: {key}: added ({_short(new[key])})")
        else:
            lines.append(f"{name}: {key}: {_short(old[key])} -> {_short(new[key])}")
    if len(lines) > limit:
        lines = lines[:limit] + [f"{name}: ... and {len(lines) - limit} more entries"]
    return lines


def _short(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def check(directory) -> list[str]:
    """Every difference between the reviewed golden files in ``directory`` and now."""
    directory = Path(directory)
    out = []
    for name, text in render().items():
        path = directory / name
        if not path.exists():
            out.append(f"{name}: missing (run `make golden`)")
            continue
        out += changes(name, path.read_text(encoding="utf-8"), text)
    return out


def write(directory) -> list[str]:
    """Rewrite every golden file in ``directory``; returns the changes it made."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    made = []
    for name, text in render().items():
        path = directory / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if old != text:
            made += changes(name, old, text, limit=10**6) if old else [f"{name}: written"]
            path.write_text(text, encoding="utf-8")
    return made


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python -m inference_scaling.review.golden <golden directory>", file=sys.stderr
        )
        return 2
    made = write(args[0])
    for line in made:
        print(line)
    print(f"golden files: {args[0]} ({len(made)} entries changed; review the diff like code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
