"""Monte Carlo: deterministic sharding, sampling, collapse to a point, vectorised evaluation."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inference_scaling import claims, config, montecarlo

SEED = 7


def _run(assumptions, facts, n_shards, blocks=8, size=500):
    merged_blocks = {}
    for shard in range(n_shards):
        for b in montecarlo.shard_blocks(blocks, shard, n_shards):
            merged_blocks[b] = montecarlo.run_block(
                b, SEED, size, assumptions.ranges, assumptions.distributions, facts
            )
    return montecarlo.summarize(montecarlo.merge(merged_blocks))


def test_merge_is_identical_for_one_and_eight_shards(assumptions, facts):
    assert _run(assumptions, facts, 1) == _run(assumptions, facts, 8)
    assert _run(assumptions, facts, 3) == _run(assumptions, facts, 1)


def test_shards_cover_every_block_once():
    for n in (1, 2, 3, 8, 11):
        blocks = sorted(b for s in range(n) for b in montecarlo.shard_blocks(8, s, n))
        assert blocks == list(range(8))


def test_point_ranges_give_certain_conclusions(assumptions, facts):
    point = {k: (v, v) for k, v in assumptions.values.items()}
    block = montecarlo.run_block(0, SEED, 100, point, assumptions.distributions, facts)
    summary = montecarlo.summarize(block)
    assert set(summary["conclusions"].values()) <= {0.0, 1.0}
    ledger = {r["id"]: r["value"] for r in claims.build_ledger(assumptions.values, facts)}
    stats = summary["claims"]["thresholds.amplified"]["value"]
    assert stats["p5"] == stats["p95"] == pytest.approx(ledger["thresholds.amplified"])


def test_a_collapsed_failing_conclusion_has_probability_zero(assumptions, facts):
    point = {k: (v, v) for k, v in assumptions.values.items()}
    point["thresholds.base_model_flop"] = (1e21, 1e21)
    summary = montecarlo.summarize(
        montecarlo.run_block(0, SEED, 50, point, assumptions.distributions, facts)
    )
    assert summary["conclusions"]["sub_threshold_passes_eu"] == 0.0


@settings(max_examples=25, deadline=None)
@given(low=st.floats(1e-3, 1e3), span=st.floats(1.0, 1e3), log=st.booleans())
def test_samples_stay_in_range(low, span, log):
    high = low * span
    draws = montecarlo.sample(
        {"x": (low, high)},
        {"x": "loguniform" if log else "uniform"},
        1000,
        np.random.default_rng(0),
    )["x"]
    assert np.all(np.asarray(draws) >= low * (1 - 1e-12))
    assert np.all(np.asarray(draws) <= high * (1 + 1e-12))


def test_vectorised_draws_match_scalar_evaluation(assumptions, facts):
    draws = montecarlo.sample(
        assumptions.ranges, assumptions.distributions, 5, np.random.default_rng(3)
    )
    vec = claims.evaluate(draws, facts)
    for i in range(5):
        one = {k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in draws.items()}
        scalar = claims.evaluate(one, facts)
        for cid in ("thresholds.amplified", "appendix.breakeven_share", "deploy.tailoring_share"):
            assert np.asarray(vec[cid]["value"])[i] == pytest.approx(scalar[cid]["value"])


def test_tornado_ranks_the_exchange_rate_first_for_the_threshold_example(assumptions, facts):
    rows = montecarlo.tornado(assumptions.values, assumptions.ranges, facts, "thresholds.amplified")
    keys = [r[0] for r in rows]
    assert keys[0] == "era.exchange_rate"
    assert "appendix.n_params" not in keys


def test_uncertainty_settings_are_validated(tmp_path):
    path = tmp_path / "u.yaml"
    path.write_text("draws: 100\nblocks: 3\nseed: 1\n")
    with pytest.raises(config.ConfigError, match="multiple of blocks"):
        config.load_uncertainty(path)
    path.write_text("draws: 100\nblocks: 4\nseed: -1\n")
    with pytest.raises(config.ConfigError, match="seed: expected a positive integer"):
        config.load_uncertainty(path)
    assert config.load_uncertainty(config.PROJECT_ROOT / "config" / "uncertainty.yaml")
