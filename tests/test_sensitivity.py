"""Sobol indices: a function with known indices, grouping of the joint shares, wiring."""

import numpy as np
import pytest

from inference_scaling.uncertainty import sampling, sensitivity


def test_indices_of_an_additive_function_are_known():
    # Y = X1 + 2 X2 with X uniform on [0, 1]: Var = 1/12 + 4/12, so S1 = ST = 0.2 and 0.8.
    model = sampling.InputModel({"g.x1": (0.0, 1.0), "g.x2": (0.0, 1.0)}, {})
    u = sensitivity.design(model, 2048, seed=3)
    y = u["g.x1"] + 2.0 * u["g.x2"]
    idx = sensitivity.indices(sensitivity.problem(model), y, 100, 0.95, seed=3)
    assert idx["g.x1"]["S1"] == pytest.approx(0.2, abs=0.03)
    assert idx["g.x2"]["S1"] == pytest.approx(0.8, abs=0.03)
    assert idx["g.x1"]["ST"] == pytest.approx(0.2, abs=0.03)
    assert 0 < idx["g.x1"]["S1_conf"] < 0.1


def test_a_pure_interaction_has_zero_first_order_and_full_total_index():
    # Y = (X1 - 1/2)(X2 - 1/2): no first-order effect, all variance in the interaction.
    model = sampling.InputModel({"g.x1": (0.0, 1.0), "g.x2": (0.0, 1.0)}, {})
    u = sensitivity.design(model, 2048, seed=5)
    y = (u["g.x1"] - 0.5) * (u["g.x2"] - 0.5)
    idx = sensitivity.indices(sensitivity.problem(model), y, 100, 0.95, seed=5)
    assert idx["g.x1"]["S1"] == pytest.approx(0.0, abs=0.05)
    assert idx["g.x1"]["ST"] == pytest.approx(1.0, abs=0.1)


def test_a_constant_output_has_no_indices():
    model = sampling.InputModel({"g.x1": (0.0, 1.0), "g.x2": (0.0, 1.0)}, {})
    spec = sensitivity.problem(model)
    assert sensitivity.indices(spec, np.ones(8 * 4), 10, 0.95, seed=1) is None


def test_joint_shares_are_one_factor():
    shares = sampling.JointShares("a.q", (0.0, 0.05), {"a.s": (0.95, 1.0)})
    model = sampling.InputModel(
        {"a.q": (0.0, 0.05), "a.s": (0.95, 1.0), "a.k": (1.0, 2.0)}, {}, shares=shares
    )
    spec = sensitivity.problem(model)
    assert spec["names"] == ["a.k", "a.q", "a.s"]
    assert spec["groups"] == ["a.k", "lifetime shares (joint)", "lifetime shares (joint)"]
    u = sensitivity.design(model, 64, seed=2)
    assert len(u["a.q"]) == 64 * (2 + 2)  # N (factors + 2) rows with two factors


def test_analyse_reports_key_claims_and_conclusions(model_and_facts, uncertainty):
    model, facts = model_and_facts
    settings = {**uncertainty["sobol"], "base_samples": 128, "resamples": 20}
    result = sensitivity.analyse(model, facts, settings)
    amplified = result["claims"]["thresholds.amplified"]["indices"]
    top = [k for k, _ in sensitivity.ranked(amplified, 3)]
    assert set(top) == {
        "era.exchange_rate",
        "thresholds.base_model_flop",
        "thresholds.amplified_inference_ooms",
    }
    assert result["conclusions"]["ida_many_iterations"]["indices"] is None
    assert "lifetime shares (joint)" in result["factors"]
    with pytest.raises(KeyError, match="unknown claim 'nope'"):
        sensitivity.analyse(model, facts, {**settings, "key_claims": ["nope"]})


@pytest.fixture(scope="module")
def model_and_facts(assumptions, uncertainty, grid, facts):
    from inference_scaling.pipeline import datasets

    model = sampling.build_model(
        assumptions.ranges, assumptions.distributions, uncertainty, grid, datasets.fact_flags()
    )
    return model, facts
