"""make bench's verdicts: each step against its target, as a multiple of its own base."""

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "tools" / "bench.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# bare start 1 s, one paper compile 3 s: floor 4 s; cold build 20 s.
BASES = {"bare": 1.0, "compile": 3.0, "floor": 4.0, "cold": 20.0}


def test_issue_20_targets_and_their_bases():
    assert bench.TARGETS == {
        "cold build": (5.0, "floor"),
        "no-op rebuild": (1.5, "bare"),
        "paper-text edit → PDF": (1.2, "floor"),
        "one-figure edit → PDF": (1.5, "floor"),
        "one-assumption value edit → PDF": (2.0, "floor"),
        "`make diff` against a built base": (3.0, "floor"),
        "`make compare` (every scenario, default built)": (2.0, "cold"),
    }


def test_a_step_is_a_multiple_of_its_own_base(tmp_path):
    # A paper edit of 4.8 s is 1.2x the 4 s floor: met at the boundary; 7 s of value edit is
    # 1.75x floor (met), though 7x the bare start; compare at 41 s is 2.05x cold: missed.
    ratio, goal, status = bench.verdict("paper-text edit → PDF", 4.8, "", BASES, tmp_path)
    assert (round(ratio, 6), goal, status) == (1.2, "≤ 1.2× floor", "met")
    ratio, _, status = bench.verdict("one-assumption value edit → PDF", 7.0, "", BASES, tmp_path)
    assert (ratio, status) == (1.75, "met")
    ratio, goal, status = bench.verdict(
        "`make compare` (every scenario, default built)", 41.0, "", BASES, tmp_path
    )
    assert (ratio, goal) == (2.05, "≤ 2.0× cold build")
    assert status == "**not met**: no job ran: the time is Snakemake's start, DAG and scheduling"


def test_a_missed_diff_says_its_base_build_is_reused(tmp_path):
    _, _, status = bench.verdict("`make diff` against a built base", 13.0, "", BASES, tmp_path)
    assert status.startswith(
        "**not met**: the base's build is reused from .cache/review and this tree's Snakemake "
        "runs no job: the time is its start and the comparison"
    )


def test_absolute_targets():
    assert bench.absolute(1.5, 1.5) == "met"
    assert bench.absolute(1.6, 1.5) == "**not met**"
    assert bench.absolute(float("nan"), 3.0) == "**not measured**"
