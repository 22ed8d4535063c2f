"""Sobol indices: a function with known indices, grouping of the joint shares, wiring."""

import numpy as np
import pytest
from conftest import shared

from inference_scaling.publish.uncertainty_pages import ranked_factors
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
    amplified = result["claims"]["thresholds.amplified"]
    top = [k for k, _ in ranked_factors(amplified, top=3, floor=0.01)]
    assert set(top) == {
        "era.exchange_rate",
        "thresholds.base_model_flop",
        "thresholds.amplified_inference_ooms",
    }
    assert result["conclusions"]["ida_many_iterations"]["indices"] is None
    assert "lifetime shares (joint)" in result["factors"]
    with pytest.raises(KeyError, match="unknown claim 'nope'"):
        sensitivity.analyse(model, facts, {**settings, "key_claims": ["nope"]})


@pytest.fixture(scope=shared)
def model_and_facts(assumptions, uncertainty, grid, facts):
    from inference_scaling.pipeline import datasets

    model = sampling.build_model(
        assumptions.ranges, assumptions.distributions, uncertainty, grid, datasets.fact_flags()
    )
    return model, facts


# --- the vectorised design and estimators against SALib itself ----------------------------


def _salib_design(model, base_samples, seed):
    from SALib.sample import sobol as sobol_sample

    spec = sensitivity.problem(model)
    x = sobol_sample.sample(spec, base_samples, calc_second_order=False, seed=seed)
    return {name: x[:, i] for i, name in enumerate(spec["names"])}


def _salib_indices(spec, y, resamples, confidence, seed):
    from SALib.analyze import sobol as sobol_analyze

    res = sobol_analyze.analyze(
        spec, y, calc_second_order=False, num_resamples=resamples, conf_level=confidence, seed=seed
    )
    names = list(dict.fromkeys(spec["groups"]))
    return {
        f: {k: float(res[k][i]) for k in ("S1", "S1_conf", "ST", "ST_conf")}
        for i, f in enumerate(names)
    }


def test_design_is_salibs_with_the_joint_shares_as_one_group(model_and_facts):
    model, _ = model_and_facts
    ours, salib = sensitivity.design(model, 64, seed=7), _salib_design(model, 64, seed=7)
    assert list(ours) == list(salib)
    for name in salib:
        np.testing.assert_array_equal(ours[name], salib[name])


def test_indices_are_salibs_on_the_ledgers_outputs(model_and_facts, uncertainty):
    # The build's key claims and conclusions on a small design: every index and half-width
    # as SALib computes it (bootstrap resamples included), to rounding.
    from inference_scaling.uncertainty.montecarlo import evaluate_draws

    model, facts = model_and_facts
    u = sensitivity.design(model, 256, seed=11)
    out = evaluate_draws(model, u, facts, len(u["era.exchange_rate"]))
    spec = sensitivity.problem(model)
    outputs = [k for k in out if k.startswith("conclusion|")]
    outputs += [f"claim|{c}|" for c in uncertainty["sobol"]["key_claims"] if f"claim|{c}|" in out]
    varying = 0
    for key in outputs:
        y = np.asarray(out[key], dtype=float)
        ours = sensitivity.indices(spec, y, 30, 0.9, seed=11)
        if ours is None:
            assert y.min() == y.max()
            continue
        varying += 1
        salib = _salib_indices(spec, y, 30, 0.9, seed=11)
        for factor, values in salib.items():
            for k, v in values.items():
                assert ours[factor][k] == pytest.approx(v, rel=1e-9, abs=1e-12), (key, factor, k)
    assert varying >= 8


def test_an_output_flat_on_both_base_matrices_gets_zero_indices_as_in_salib():
    # Only the cross rows vary: SALib sets every index (and half-width) to zero, not NaN.
    model = sampling.InputModel({"g.x1": (0.0, 1.0), "g.x2": (0.0, 1.0)}, {})
    spec = sensitivity.problem(model)
    y = np.zeros(16 * 4)
    y[1::4] = 1.0  # the A-with-B's-x1 rows
    ours = sensitivity.indices(spec, y, 10, 0.95, seed=3)
    assert all(v == 0.0 for f in ours.values() for v in f.values())


@pytest.mark.parametrize(
    "dim, n, seed", [(1, 8, 1), (3, 1024, 5), (10, 100, 7), (80, 512, 20250213), (200, 64, 99)]
)
def test_scrambled_sobol_is_scipys_bit_for_bit(dim, n, seed):
    import warnings

    from scipy.stats import qmc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # n = 100 is not a power of 2: scipy warns
        expected = qmc.Sobol(d=dim, scramble=True, seed=seed).random(n)
    np.testing.assert_array_equal(sensitivity.scrambled_sobol(dim, n, seed), expected)


def test_full_size_indices_are_salibs_within_their_own_intervals(model_and_facts, uncertainty):
    # At the configured (pre-vectorisation) sample size and resamples, SALib's own analysis
    # of a key claim gives the same indices and half-widths: so the build's indices stay
    # inside the confidence intervals the old code printed (they agree far closer). One
    # output only: SALib takes seconds per output at this size.
    from inference_scaling.uncertainty.montecarlo import evaluate_draws

    model, facts = model_and_facts
    sobol = uncertainty["sobol"]
    u = sensitivity.design(model, sobol["base_samples"], sobol["seed"])
    out = evaluate_draws(model, u, facts, len(u["era.exchange_rate"]))
    spec = sensitivity.problem(model)
    for key in ("claim|thresholds.amplified|",):
        y = np.asarray(out[key], dtype=float)
        args = (sobol["resamples"], sobol["confidence"], sobol["seed"])
        ours, salib = sensitivity.indices(spec, y, *args), _salib_indices(spec, y, *args)
        for factor, v in salib.items():
            assert abs(ours[factor]["S1"] - v["S1"]) <= v["S1_conf"]
            assert abs(ours[factor]["ST"] - v["ST"]) <= v["ST_conf"]
            for k in v:
                assert ours[factor][k] == pytest.approx(v[k], rel=1e-9, abs=1e-12), (key, factor)


# --- seeds: the same seed reproduces every index bit for bit, another seed changes them -------


def _small_sobol(model_and_facts, uncertainty, seed):
    model, facts = model_and_facts
    settings = {**uncertainty["sobol"], "base_samples": 32, "resamples": 10, "seed": seed}
    return sensitivity.analyse(model, facts, settings)


def _every_index(result):
    out = {}
    for kind in ("claims", "conclusions"):
        for name, entry in result[kind].items():
            out[(kind, name, "mean")] = entry["mean"]
            for factor, idx in (entry["indices"] or {}).items():
                out.update({(kind, name, factor, k): v for k, v in idx.items()})
    return out


def test_the_same_seed_reproduces_every_sobol_index_bit_for_bit(model_and_facts, uncertainty):
    first = _every_index(_small_sobol(model_and_facts, uncertainty, 11))
    again = _every_index(_small_sobol(model_and_facts, uncertainty, 11))
    assert first.keys() == again.keys() and len(first) > 100
    assert all(
        first[k] == again[k] or (first[k] != first[k] and again[k] != again[k]) for k in first
    )


def test_another_seed_changes_the_sobol_design_and_indices(model_and_facts, uncertainty):
    model, _ = model_and_facts
    a, b = sensitivity.design(model, 32, seed=11), sensitivity.design(model, 32, seed=12)
    # Every column of the scrambled Sobol design moves with the seed.
    assert all(not np.array_equal(a[c], b[c]) for c in a)
    first = _every_index(_small_sobol(model_and_facts, uncertainty, 11))
    other = _every_index(_small_sobol(model_and_facts, uncertainty, 12))
    varying = [k for k in first if k[-1] == "ST"]
    changed = [k for k in varying if first[k] != other[k]]
    # A factor whose total index is exactly zero under both seeds (it does not reach the
    # output) may stay put; every other index moves.
    unmoved = [k for k in varying if first[k] == other[k] and first[k] != 0.0]
    assert changed and not unmoved, unmoved


def test_the_bootstrap_seed_is_used(model_and_facts):
    model, _ = model_and_facts
    spec = sensitivity.problem(model)
    u = sensitivity.design(model, 32, seed=3)
    y = u[spec["names"][0]] + 2.0 * u[spec["names"][1]]
    one = sensitivity.indices(spec, y, 10, 0.95, seed=1)
    two = sensitivity.indices(spec, y, 10, 0.95, seed=2)
    first = spec["groups"][0]
    assert one[first]["S1"] == two[first]["S1"]  # the estimate does not resample
    assert one[first]["S1_conf"] != two[first]["S1_conf"]  # its interval does


def test_factors_rank_by_total_index_and_the_small_ones_drop_out():
    entry = {
        "indices": {
            "a": {"S1": 0.50, "ST": 0.55},
            "b": {"S1": 0.05, "ST": 0.60},  # mostly interactions: ranks first by total
            "c": {"S1": 0.00, "ST": 0.009},  # below the 0.01 floor
            "d": {"S1": 0.10, "ST": 0.20},
            "f": {"S1": 0.01, "ST": 0.01},  # at the floor: kept
            "e": {"S1": 0.01, "ST": 0.01},  # a tie: by name
        }
    }

    def names(**kw):
        return [k for k, _ in ranked_factors(entry, **kw)]

    assert names(top=None, floor=0.01) == ["b", "a", "d", "e", "f"]
    assert names(top=2, floor=0.01) == ["b", "a"]
    assert names(top=None, floor=0.0) == ["b", "a", "d", "e", "f", "c"]
    assert names(top=None, floor=0.3) == ["b", "a"]
