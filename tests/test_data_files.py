"""Validate the shipped data files in data/.

data/sources.yaml describes every file; data/datapackage.json, generated from it
(tools/datapackage_json.py), is the same description as a Frictionless Data Package, and the
``frictionless`` library validates every CSV against it (header, types, required cells,
allowed values, provenance flags). The few checks a schema cannot express stay here.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import math
import shutil
from pathlib import Path

import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SOURCES = DATA_DIR / "sources.yaml"
PACKAGE = DATA_DIR / "datapackage.json"
NOT_DATA = {"sources.yaml", "datapackage.json", "README.md"}

COLUMN_TYPES = {"number", "text", "date", "category"}
REQUIRED_ENTRY_KEYS = {
    "file",
    "title",
    "source",
    "citation_key",
    "url",
    "date",
    "version",
    "licence",
    "description",
    "columns",
}
REQUIRED_COLUMN_KEYS = {"type", "unit", "description"}


# --------------------------------------------------------------------------
# checker
# --------------------------------------------------------------------------


def _parse_number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def check_spec(spec: dict, flags: dict) -> list[str]:
    """Problems with one dataset entry of sources.yaml itself."""
    problems = []
    missing = REQUIRED_ENTRY_KEYS - set(spec)
    if missing:
        problems.append(f"{spec.get('file')}: entry lacks {sorted(missing)}")
        return problems
    if _parse_date(str(spec["date"])) is None:
        problems.append(f"{spec['file']}: date {spec['date']!r} is not ISO 8601")
    columns = spec["columns"]
    if not isinstance(columns, dict) or not columns:
        return problems + [f"{spec['file']}: columns must be a non-empty mapping"]
    if "flag" not in columns:
        problems.append(f"{spec['file']}: no flag column declared")
    for name, col in columns.items():
        where = f"{spec['file']}:{name}"
        lacking = REQUIRED_COLUMN_KEYS - set(col)
        if lacking:
            problems.append(f"{where}: column spec lacks {sorted(lacking)}")
            continue
        if col["type"] not in COLUMN_TYPES:
            problems.append(f"{where}: unknown type {col['type']!r}")
        if col["type"] == "category" and not col.get("values"):
            problems.append(f"{where}: category column needs a values list")
        if "values" in col and col["type"] != "category":
            problems.append(f"{where}: values given for a non-category column")
    flag_values = columns.get("flag", {}).get("values", [])
    unknown = set(flag_values) - set(flags)
    if unknown:
        problems.append(f"{spec['file']}: flag values {sorted(unknown)} not in legend")
    return problems


def check_cells(csv_path: Path, spec: dict) -> list[str]:
    """What the data package's schema cannot say: no cell has surrounding whitespace, every
    number is finite, the file has rows. Types, required cells, allowed values and the
    header are checked by frictionless against data/datapackage.json."""
    name = Path(csv_path).name
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    if len(rows) < 2:
        return [f"{name}: no data rows"]
    problems = []
    header = rows[0]
    for line_no, row in enumerate(rows[1:], start=2):
        for col_name, cell in zip(header, row, strict=False):
            where = f"{name}:{line_no}:{col_name}"
            if cell != cell.strip():
                problems.append(f"{where}: surrounding whitespace in {cell!r}")
            col = spec["columns"].get(col_name, {})
            if col.get("type") == "number" and cell and _parse_number(cell) is None:
                problems.append(f"{where}: {cell!r} is not a finite number")
    return problems


def frictionless_errors(package_path: Path, resource_name: str | None = None) -> list[str]:
    """Error types and messages of ``frictionless.validate`` on the package (or one of its
    resources)."""
    from frictionless import Package

    package = Package(str(package_path))
    resources = [package.get_resource(resource_name)] if resource_name else package.resources
    errors = []
    for resource in resources:
        report = resource.validate()
        found = [*report.errors, *(e for task in report.tasks for e in task.errors)]
        errors += [f"{e.type}: {e.message}" for e in found]
    return errors


# --------------------------------------------------------------------------
# fixtures and helpers
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources() -> dict:
    with open(SOURCES, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _specs() -> list[dict]:
    with open(SOURCES, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["datasets"]


def _read(file_name: str) -> list[dict]:
    with open(DATA_DIR / file_name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------
# registry-level tests
# --------------------------------------------------------------------------


def test_flag_legend(sources):
    assert set(sources["flags"]) == {"exact", "approx", "derived", "digitized"}
    assert all(isinstance(v, str) and v.strip() for v in sources["flags"].values())


def test_every_file_listed_and_every_entry_present(sources):
    on_disk = {p.name for p in DATA_DIR.iterdir() if p.is_file() and p.name not in NOT_DATA}
    listed = [d["file"] for d in sources["datasets"]]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert on_disk - set(listed) == set(), "data files missing from sources.yaml"
    assert set(listed) - on_disk == set(), "sources.yaml lists files that do not exist"


@pytest.mark.parametrize("spec", _specs(), ids=lambda s: s["file"])
def test_entry_is_complete(spec, sources):
    assert check_spec(spec, sources["flags"]) == []


def _generator():
    spec = importlib.util.spec_from_file_location(
        "datapackage_json", DATA_DIR.parent / "tools" / "datapackage_json.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_datapackage_is_generated_from_sources():
    assert PACKAGE.read_text(encoding="utf-8") == _generator().render(), (
        "data/datapackage.json drifted from data/sources.yaml: run "
        "`.venv/bin/python tools/datapackage_json.py > data/datapackage.json`"
    )


def test_every_file_conforms_to_the_data_package():
    assert frictionless_errors(PACKAGE) == []


def test_flag_is_a_constrained_field_everywhere():
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        flag = next(f for f in resource["schema"]["fields"] if f["name"] == "flag")
        assert flag["constraints"] == {
            "required": True,
            "enum": ["exact", "approx", "derived", "digitized"],
        }, resource["name"]
        assert resource["licenses"][0]["name"] == "CC-BY-4.0"
        assert all(f["unit"] for f in resource["schema"]["fields"])


@pytest.mark.parametrize("spec", _specs(), ids=lambda s: s["file"])
def test_cells_are_clean(spec):
    assert check_cells(DATA_DIR / spec["file"], spec) == []


# --------------------------------------------------------------------------
# the checks must reject broken files
# --------------------------------------------------------------------------


def _spec_for(sources, file_name):
    return next(d for d in sources["datasets"] if d["file"] == file_name)


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda lines: [lines[0].replace("training_flop", "flop")] + lines[1:], "incorrect-label"),
        (
            lambda lines: lines[:1] + [lines[1].replace("2.62e+16", "lots")] + lines[2:],
            "type-error",
        ),
        (
            lambda lines: lines[:1] + [lines[1].replace("2018-01-09", "09/01/2018")] + lines[2:],
            "type-error",
        ),
        (
            lambda lines: lines[:1] + [lines[1].replace(",exact", ",guessed")] + lines[2:],
            "constraint-error",
        ),
        (
            lambda lines: lines[:1] + [lines[1].replace(",no,", ",maybe,")] + lines[2:],
            "constraint-error",
        ),
        (
            lambda lines: lines[:1] + [lines[1].replace("Refined Part Pooling", "")] + lines[2:],
            "constraint-error",
        ),
        (lambda lines: lines[:1] + [lines[1] + ",extra"] + lines[2:], "extra-cell"),
    ],
    ids=["header", "text-in-number", "date-format", "flag", "category", "empty-required", "extra"],
)
def test_data_package_rejects_broken_copy(tmp_path, mutate, expected):
    shutil.copy(PACKAGE, tmp_path / PACKAGE.name)
    good = (DATA_DIR / "epoch_notable_models.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "epoch_notable_models.csv").write_text(
        "\n".join(mutate(good)) + "\n", encoding="utf-8"
    )
    problems = frictionless_errors(tmp_path / PACKAGE.name, "epoch-notable-models")
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (
            lambda lines: lines[:1] + [lines[1].replace("2.62e+16", "inf")] + lines[2:],
            "finite number",
        ),
        (lambda lines: lines[:1] + [lines[1].replace(",exact", ", exact")] + lines[2:], "space"),
        (lambda lines: lines[:1], "no data rows"),
    ],
    ids=["infinite", "whitespace", "no-rows"],
)
def test_cell_checks_reject_broken_copy(tmp_path, sources, mutate, expected):
    spec = _spec_for(sources, "epoch_notable_models.csv")
    good = (DATA_DIR / spec["file"]).read_text(encoding="utf-8").splitlines()
    broken = tmp_path / spec["file"]
    broken.write_text("\n".join(mutate(good)) + "\n", encoding="utf-8")
    problems = check_cells(broken, spec)
    assert any(expected in p for p in problems), problems


def test_checker_rejects_bad_spec(sources):
    spec = dict(_spec_for(sources, "o1_aime.csv"))
    spec["columns"] = {
        **spec["columns"],
        "flag": {"type": "category", "unit": "-", "description": "x", "values": ["vibes"]},
    }
    assert any("legend" in p for p in check_spec(spec, sources["flags"]))
    del spec["licence"]
    assert check_spec(spec, sources["flags"])


# --------------------------------------------------------------------------
# content checks for individual files
# --------------------------------------------------------------------------


def test_epoch_snapshot_contents():
    rows = _read("epoch_notable_models.csv")
    assert len(rows) == 338
    dates = [dt.date.fromisoformat(r["publication_date"]) for r in rows]
    assert min(dates) >= dt.date(2018, 1, 1)
    assert max(dates) <= dt.date(2024, 12, 31)
    assert all(float(r["training_flop"]) > 0 for r in rows)
    assert dates == sorted(dates)
    names = {r["model"] for r in rows}
    assert "ALLaM adapted13B" in names  # row rejoined from the issue text
    assert not any(n.startswith(",") or n == "" for n in names)
    gpt4 = next(r for r in rows if r["model"] == "GPT-4")
    assert float(gpt4["training_flop"]) == pytest.approx(2.1e25)


def test_earlier_epoch_rows_are_every_model_the_frontier_can_see():
    earlier = _read("epoch_notable_models_pre2018.csv")
    smallest_later = min(float(r["training_flop"]) for r in _read("epoch_notable_models.csv"))
    assert all(r["publication_date"] < "2018-01-01" for r in earlier)
    # A smaller earlier model can never be bigger than a later one, so it is left out.
    assert all(float(r["training_flop"]) >= smallest_later for r in earlier)
    assert len({r["model"] for r in earlier}) == len(earlier) == 83
    by_name = {r["model"]: r for r in earlier}
    # Epoch's values for the rows a spot check found wrong or missing in the recalled file.
    assert by_name["AlphaGo Master"]["publication_date"] == "2017-10-19"
    assert float(by_name["AlphaGo Master"]["training_flop"]) == pytest.approx(2.0001e23)
    assert float(by_name["JFT"]["training_flop"]) == pytest.approx(8.43e20)
    assert float(by_name["Transformer"]["training_flop"]) == pytest.approx(7.4245248e18)
    assert float(by_name["Libratus"]["training_flop"]) == pytest.approx(5.51e20)
    assert by_name["SNM-skip"]["language_model"] == "yes"


def test_approximate_facts_are_flagged_so():
    for row in _read("alphago_zero_run.csv"):
        says_roughly = any(w in row["note"].lower() for w in ("approximately", "about "))
        assert not (says_roughly and row["flag"] == "exact"), row["quantity"]


def test_arc_agi_contents():
    rows = _read("arc_agi.csv")
    for r in rows:
        assert 0 <= float(r["score_pct"]) <= 100
        if r["flag"] in {"derived", "approx"}:
            assert r["note"].strip(), f"{r['model']}: {r['flag']} row needs a note"
    o3 = {
        (r["setting"], r["eval_set"]): r
        for r in rows
        if r["family"] == "o3" and r["eval_set"] != "unspecified"
    }
    low, high = o3[("low_compute", "semi_private")], o3[("high_compute", "semi_private")]
    assert float(low["score_pct"]) == 75.7 and float(high["score_pct"]) == 87.5
    # the derived costs follow the formulas stated in the notes
    assert float(low["cost_per_task_usd"]) == pytest.approx(2012 / 100)
    assert float(high["cost_per_task_usd"]) == pytest.approx(172 * 2012 / 100)
    assert float(o3[("low_compute", "public")]["cost_per_task_usd"]) == pytest.approx(6677 / 400)
    assert o3[("high_compute", "public")]["cost_per_task_usd"] == ""
    o1_mini = [r for r in rows if r["family"] == "o1-mini" and r["eval_set"] == "semi_private"]
    assert [float(r["cost_per_task_usd"]) for r in o1_mini] == [0.135]


def test_o1_aime_charts():
    rows = _read("o1_aime.csv")
    for panel in ("train_time", "test_time"):
        pts = [r for r in rows if r["panel"] == panel]
        assert [int(r["point"]) for r in pts] == list(range(7))
        assert all(float(r["relative_log_compute"]) == float(r["point"]) for r in pts)
        acc = [float(r["pass1_pct"]) for r in pts]
        assert all(0 <= a <= 100 for a in acc)
        assert acc == sorted(acc), f"{panel}: accuracy should rise with compute"


def test_o1_aime_reported():
    rows = {
        (r["model"], r["metric"]): float(r["accuracy_pct"]) for r in _read("o1_aime_reported.csv")
    }
    assert len(rows) == 8
    assert rows[("o1", "pass@1")] < rows[("o1", "cons@64")] < rows[("o1", "rerank@1000")]
    assert rows[("gpt-4o", "pass@1")] < rows[("o1-preview", "pass@1")] < rows[("o1", "pass@1")]


def test_alphago_zero_files():
    elo = {r["player"]: float(r["elo"]) for r in _read("alphago_zero_elo.csv")}
    ordered = [
        "AlphaGo Zero (40 blocks)",
        "AlphaGo Master",
        "AlphaGo Lee",
        "AlphaGo Fan",
        "AlphaGo Zero raw network (no search)",
    ]
    assert [elo[p] for p in ordered] == sorted(elo.values(), reverse=True)
    run = {r["quantity"]: float(r["value"]) for r in _read("alphago_zero_run.csv")}
    assert len(run) == len(_read("alphago_zero_run.csv")), "duplicate quantity"
    assert run["total_selfplay_games"] == 29e6
    assert run["games_per_iteration"] == 25_000
    assert run["master_match_wins"] + run["master_match_losses"] == 100
    assert run["lee_match_wins"] + run["lee_match_losses"] == 100
