"""The rows added for coverage (issue 17): hand-computed values and the facts they read."""

import numpy as np
import pytest

from inference_scaling.ledger import claims
from inference_scaling.pipeline import datasets


def _by_id(ledger):
    return {rec["id"]: rec for rec in ledger}


def test_deployment_rows_by_hand(ledger):
    rows = _by_id(ledger)
    # Deployment at 1.5x training: marginal / average = 1.5 / (1 + 1.5) = 0.6.
    assert rows["deploy.marginal_to_average_cost"]["value"] == pytest.approx(0.6)
    # After 100x more inference: 150 / 151.
    assert rows["deploy.marginal_to_average_after"]["value"] == pytest.approx(150 / 151)
    # A stolen model used at today's scale: 1.5 x 100 = 150 times its training compute.
    assert rows["deploy.stolen_deploy_to_train"]["value"] == pytest.approx(150.0)


def test_training_rows_by_hand(ledger):
    rows = _by_id(ledger)
    # 40 days x 24 h over 29,000,000 / 25,000 = 1,160 iterations: 960 / 1,160 h.
    assert rows["ida.iteration_hours"]["value"] == pytest.approx(960 / 1160)
    # 10^12 parameters x 10^13 tokens x 1 FLOP: 10^25; with 2 FLOP, log10(2e25) = 25.301.
    ida = rows["training.ida_inference_flop"]
    assert ida["value"] == pytest.approx(25.0)
    assert ida["extra"]["standard"] == pytest.approx(25.30103)
    # AlphaGo Zero: 3.41e23 FLOP (Epoch) over 1e25.
    assert ida["extra"]["alphago_zero_share"] == pytest.approx(0.0341)


def test_aime_slopes_by_hand(ledger):
    rows = _by_id(ledger)
    # test-time points 20, 25, 37, 48, 59, 70, 75 at x = 0..6: mean x 3, mean y 334 / 7;
    # sum (x - 3) y = -3*20 - 2*25 - 37 + 59 + 2*70 + 3*75 = 277; sum (x - 3)^2 = 28.
    assert rows["era.o1_aime_test_slope"]["value"] == pytest.approx(277 / 28)
    # train-time 35, 43, 52, 55, 57, 59, 68: -105 - 86 - 52 + 57 + 118 + 204 = 136.
    assert rows["era.o1_aime_train_slope"]["value"] == pytest.approx(136 / 28)


def test_model_facts_on_a_small_table():
    dates = np.array(
        ["2019-06-01", "2019-12-31", "2020-03-01", "2023-05-01", "2024-02-01"],
        dtype="datetime64[D]",
    )
    models = {
        "date": dates,
        "flop": np.array([1e22, 5e26, 2e22, 3e24, 2e25]),
        "language": np.array([True, False, True, True, True]),
    }
    later = {"flop": np.array([2e22, 3e24, 1e25, 2e25])}
    facts = datasets.model_facts(models, later)
    # Records of language models only: 1e22 by 2019 (the 5e26 model is not a language model,
    # and 31 December counts), 3e24 by 2023, 2e25 by 2024.
    assert facts["epoch.language_record_2019"] == 1e22
    assert facts["epoch.language_record_2023"] == 3e24
    assert facts["epoch.language_record_2024"] == 2e25
    assert facts["epoch.models_2018_2024"] == 4
    # Strictly above the line: 1e25 itself is not above 10^25.
    assert facts["epoch.models_2018_2024_over_1e25"] == 1
    assert facts["epoch.models_2018_2024_over_1e26"] == 0


def test_share_not_above_the_eu_line_reads_the_counts(assumptions, facts):
    changed = {**facts, "epoch.models_2018_2024": 200.0, "epoch.models_2018_2024_over_1e25": 30.0}
    rows = _by_id(claims.build_ledger(assumptions.values, changed))
    row = rows["thresholds.share_not_above_eu"]
    assert row["value"] == pytest.approx(0.85)
    # 85% is short of the 90% the rule reads into "the great majority".
    assert row["verdict"] == "differs"


def test_record_rows_by_hand(assumptions, facts):
    changed = {
        **facts,
        "epoch.language_record_2019": 1e22,
        "epoch.language_record_2023": 1e26,
        "epoch.language_record_2024": 3e26,
    }
    rows = _by_id(claims.build_ledger(assumptions.values, changed))
    assert rows["era.record_growth_2020_2023"]["value"] == pytest.approx(10.0)
    assert rows["era.record_growth_2024"]["value"] == pytest.approx(3.0)
    # 3e26 against GPT-4's 2.1e25.
    assert rows["era.largest_vs_gpt4"]["value"] == pytest.approx(3e26 / 2.1e25)


def test_aime_points_carry_their_digitized_flag():
    flags = datasets.fact_flags()
    assert flags["aime.test_time.pass1_6"] == "digitized"
    assert "aime.test_time.log_compute_6" not in flags  # an index, not a reading


def test_refit_ratio_meets_the_compute_optimal_condition(ledger, facts, assumptions):
    from inference_scaling.model import lifetime

    row = _by_id(ledger)["appendix.tokens_per_param_refit"]
    fit = {k: facts[f"chinchilla.besiroglu2024.{k}"] for k in ("E", "A", "B", "alpha", "beta")}
    v = assumptions.values
    target = lifetime.chinchilla_loss(v["appendix.n_params"], v["appendix.n_tokens"], **fit)
    # At the compute optimum alpha A / N^alpha = beta B / D^beta (Hoffmann et al., eq. 4's
    # condition) and the loss is the target: solve the two by hand for N given D = ratio N.
    ratio = row["value"]

    def gap(n):
        d = ratio * n
        return (
            fit["alpha"] * fit["A"] / n ** fit["alpha"] - fit["beta"] * fit["B"] / d ** fit["beta"]
        )

    from scipy.optimize import brentq

    n = brentq(gap, 1e9, 1e15)
    assert lifetime.chinchilla_loss(n, ratio * n, **fit) == pytest.approx(target, rel=1e-6)
    # The Chinchilla model itself: 1.4e12 tokens over 7e10 parameters.
    assert row["extra"]["chinchilla_model"] == pytest.approx(20.0)
