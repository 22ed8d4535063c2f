"""The inventory of the essay's quantitative statements and the ledger cover each other."""

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from inference_scaling.ledger import claims

ESSAY = Path(__file__).resolve().parents[2] / "shared" / "reference"


def inventory():
    text = (
        resources.files("inference_scaling.ledger")
        .joinpath("essay_inventory.yaml")
        .read_text("utf-8")
    )
    return yaml.safe_load(text)


def test_every_statement_has_a_claim_and_every_claim_a_statement():
    inv = inventory()
    catalogue = {c["id"] for c in claims.load_catalogue()}
    for entry in inv["statements"]:
        assert entry["claims"], f"no ledger row for {entry['quote']!r}"
        unknown = set(entry["claims"]) - catalogue
        assert not unknown, f"{entry['quote']!r} names unknown claims {sorted(unknown)}"
    covered = {cid for e in inv["statements"] for cid in e["claims"]}
    assert catalogue - covered == set(), "claims in no inventory entry"
    for entry in inv["not_checked"]:
        assert len(entry["reason"]) > 30, entry["quote"]


def test_the_ledger_has_at_least_55_rows():
    assert len(claims.load_catalogue()) >= 55


def _essay_text():
    files = sorted(ESSAY.glob("002_*.txt"))
    if not files:
        pytest.skip(
            f"the essay's text is not in {ESSAY}: it is not redistributed with the project; "
            "CI and the project's machines keep it there"
        )
    text = files[0].read_text("utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # markdown links -> their text
    return " ".join(text.split())


def test_quoted_words_are_the_essays():
    essay = _essay_text()
    inv = inventory()
    for entry in inv["statements"] + inv["not_checked"]:
        if entry["quote"] is None:  # context from the NVIDIA post, not the essay
            continue
        assert " ".join(entry["quote"].split()) in essay, entry["quote"]


def test_the_inventory_lists_at_least_75_statements():
    inv = inventory()
    assert len(inv["statements"]) + len(inv["not_checked"]) >= 75


def test_rows_with_a_form_keep_the_essays_words():
    essay = _essay_text()
    for spec in claims.load_catalogue():
        if spec.get("form") is not None:
            assert spec["essay"], spec["id"]
            assert " ".join(spec["essay"].split()) in essay, spec["id"]


def _prose_and_figure_text():
    """The essay's prose (image alt texts removed) and the text of its figures' images."""
    files = sorted(ESSAY.glob("002_*.txt"))
    if not files:
        pytest.skip(f"the essay is not beside the project ({ESSAY})")
    text = files[0].read_text("utf-8")
    images = re.findall(r"!\[([^\]]*)\]\([^)]*\)", text)
    prose = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    prose = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", prose)  # markdown links -> their text
    return " ".join(prose.split()), " ".join(" ".join(images).split())


def test_catalogue_words_are_the_essays_verbatim():
    prose, figures = _prose_and_figure_text()
    rows = [c for c in claims.load_catalogue() if c.get("essay") is not None]
    assert rows
    for row in rows:
        words = " ".join(str(row["essay"]).split())
        if row.get("figure_text"):
            # a figure's image text, never attributed to the prose
            assert words in figures, f"{row['id']}: {words!r} is not in a figure's text"
            assert words not in prose, f"{row['id']}: {words!r} is also in the prose"
        else:
            assert words in prose, f"{row['id']}: {words!r} is not the essay's prose"


def test_a_project_reading_is_marked():
    for row in claims.load_catalogue():
        if row.get("essay") is None:
            continue
        form = row.get("form", row["essay"])
        assert row.get("reading") in (None, "project"), row["id"]
        if row.get("reading") == "project":
            assert form != row["essay"], row["id"]
