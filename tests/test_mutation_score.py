"""make mutation's table: mutants counted per module, equivalent survivors set apart."""

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("score", ROOT / "tools" / "mutation_score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def test_mutants_count_per_module_not_per_layer():
    assert score.module_of("inference_scaling.publish.numbers.x_fill__mutmut_13") == "numbers"
    assert score.module_of("inference_scaling.model.era.xǁGrowthFitǁpredict__mutmut_6") == "era"


def test_table_by_hand():
    status = {
        "inference_scaling.publish.numbers.x_a__mutmut_1": "killed",
        "inference_scaling.publish.numbers.x_a__mutmut_2": "timeout",
        "inference_scaling.publish.numbers.x_a__mutmut_3": "survived",
        "inference_scaling.publish.numbers.x_a__mutmut_4": "survived",
        "inference_scaling.review.compare.x_b__mutmut_1": "not checked",
        "inference_scaling.review.compare.x_b__mutmut_2": "no tests",
    }
    equivalent = {"inference_scaling.publish.numbers.x_a__mutmut_3"}
    rows = score.table(status, equivalent).splitlines()
    # numbers: 4 run, 2 killed (a timeout counts), 1 equivalent, 1 other: 2 / 3.
    assert "| compare | 1 | 0 | 0 | 1 | 0.0% | 1 |" in rows
    assert "| numbers | 4 | 2 | 1 | 1 | 66.7% | 0 |" in rows
    assert "| **all modules** | 5 | 2 | 1 | 2 | 50.0% | 1 |" in rows
