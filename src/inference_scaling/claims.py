"""The claims ledger: every quantitative claim of the essay, recomputed from the kernels.

Each claim is a small function of an :class:`Inputs` view; the view records which
assumptions and datasets a claim reads, so a record's ``inputs`` are never typed by hand.
Claim functions use numpy operations only, so they accept scalars (the ledger) and arrays
of Monte Carlo draws alike. What the essay says about each claim (value, tolerance, wording)
lives in ``essay_claims.yaml`` beside this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import yaml

from . import deployment, era, ida, lifetime, thresholds

VERDICTS = ("reproduced", "differs", "new")


def load_catalogue() -> list[dict]:
    """The essay-side description of every claim, in ledger order."""
    text = resources.files(__package__).joinpath("essay_claims.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass
class Inputs:
    """Read-only view of assumption values and data facts that records what is read.

    ``values`` maps ``group.key`` to a number or an array of draws; ``facts`` maps a fact
    name (e.g. ``growth.all.growth``) to a number derived from a shipped dataset.
    """

    values: Mapping[str, object]
    facts: Mapping[str, object]
    used: set[str] = field(default_factory=set)

    def __getitem__(self, key: str):
        if key in self.values:
            self.used.add(key)
            return self.values[key]
        if key in self.facts:
            self.used.add(f"data:{key}")
            return self.facts[key]
        raise KeyError(f"unknown assumption or fact '{key}'")


ClaimFn = Callable[[Inputs], object]
CLAIMS: dict[str, ClaimFn] = {}


def claim(claim_id: str) -> Callable[[ClaimFn], ClaimFn]:
    """Register the function that recomputes ``claim_id``."""

    def register(fn: ClaimFn) -> ClaimFn:
        if claim_id in CLAIMS:
            raise ValueError(f"claim {claim_id} registered twice")
        CLAIMS[claim_id] = fn
        return fn

    return register


def _pair(low, high):
    return (low, high)


# --- The end of the pre-training era -------------------------------------------------------


@claim("era.pretrain_growth")
def _(a):
    return a["growth.all.growth"], {
        "ci_low": a["growth.all.growth_low"],
        "ci_high": a["growth.all.growth_high"],
        "n": a["growth.all.n"],
        # How far the frontier definition (top-N) and the fit window move the rate.
        "top_n_low": a["growth.all.top_n_low"],
        "top_n_high": a["growth.all.top_n_high"],
        "window_low": a["growth.all.window_low"],
        "window_high": a["growth.all.window_high"],
    }


@claim("era.pretrain_growth_language")
def _(a):
    return a["growth.language.growth"], {
        "ci_low": a["growth.language.growth_low"],
        "ci_high": a["growth.language.growth_high"],
        "n": a["growth.language.n"],
        "in_all_frontier": a["growth.language_in_all.growth"],
        "top_n_low": a["growth.language.top_n_low"],
        "top_n_high": a["growth.language.top_n_high"],
    }


@claim("era.exchange_range")
def _(a):
    # 1 OOM of training matches between min and max OOMs of inference.
    return _pair(
        1.0 / a["era.inference_ooms_per_training_oom_max"],
        1.0 / a["era.inference_ooms_per_training_oom_min"],
    )


@claim("era.exchange_jones")
def _(a):
    return era.exchange_rate_from_equivalence(
        a["era.jones_train_factor"], a["era.jones_inference_factor"]
    )


@claim("era.exchange_rule")
def _(a):
    return a["era.exchange_rate"]


# --- Scaling inference-at-deployment -------------------------------------------------------


@claim("deploy.copies_factor")
def _(a):
    return deployment.copies_fraction(10.0 ** a["deploy.inference_ooms_example"])


@claim("deploy.speed_range")
def _(a):
    m = 10.0 ** a["deploy.inference_ooms_example"]
    return _pair(
        deployment.effective_speed(a["deploy.human_speed_multiple_low"], m),
        deployment.effective_speed(a["deploy.human_speed_multiple_high"], m),
    )


@claim("deploy.cost_per_oom")
def _(a):
    return deployment.cost_per_task(10.0)


@claim("deploy.weights_decline")
def _(a):
    h = a["deploy.algorithmic_halving_months"]
    return _pair(
        deployment.fixed_capability_cost_decline(h, a["deploy.hardware_gain_low"]),
        deployment.fixed_capability_cost_decline(h, a["deploy.hardware_gain_high"]),
    )


@claim("deploy.tailoring_spread")
def _(a):
    return np.log10(a["deploy.tailoring_high_multiplier"])


@claim("deploy.tailoring_share")
def _(a):
    return deployment.tailored_share(
        a["deploy.tailoring_high_multiplier"], a["deploy.tailoring_budget_multiplier"]
    )


@claim("deploy.price_tier")
def _(a):
    return a["deploy.price_top_tier"] / np.asarray(a["deploy.price_standard"], dtype=float)


@claim("deploy.dollar_a_day")
def _(a):
    return deployment.daily_price(a["deploy.price_standard"])


# --- Compute thresholds ----------------------------------------------------------------------


@claim("thresholds.eu")
def _(a):
    return a["thresholds.eu_flop"]


@claim("thresholds.us")
def _(a):
    return a["thresholds.us_flop"]


@claim("thresholds.amplified")
def _(a):
    return thresholds.effective_ooms(
        np.log10(a["thresholds.base_model_flop"]),
        a["thresholds.amplified_inference_ooms"],
        a["era.exchange_rate"],
    )


@claim("thresholds.amplified_band")
def _(a):
    base = np.log10(a["thresholds.base_model_flop"])
    ooms = a["thresholds.amplified_inference_ooms"]
    low, high = (
        1.0 / a["era.inference_ooms_per_training_oom_max"],
        1.0 / a["era.inference_ooms_per_training_oom_min"],
    )
    return _pair(
        thresholds.effective_ooms(base, ooms, low), thresholds.effective_ooms(base, ooms, high)
    )


@claim("thresholds.extreme")
def _(a):
    return thresholds.effective_ooms(
        0.0, np.log10(a["thresholds.extreme_multiplier"]), a["era.exchange_rate"]
    )


@claim("thresholds.o3_multiplier")
def _(a):
    return a["arc.o3_high_semi_private_cost"] / a["arc.o1_mini_semi_private_cost"]


@claim("thresholds.arc_o3")
def _(a):
    return _pair(a["arc.o3_low_semi_private_score"], a["arc.o3_high_semi_private_score"])


@claim("thresholds.arc_o1_mini")
def _(a):
    scores = (a["arc.o1_mini_public_score"], a["arc.o1_mini_semi_private_score"])
    return _pair(min(scores), max(scores))


@claim("thresholds.lab_headroom")
def _(a):
    return thresholds.effective_ooms(
        0.0, np.log10(a["thresholds.lab_headroom"]), a["era.exchange_rate"]
    )


@claim("thresholds.deep_research")
def _(a):
    return thresholds.required_inference_multiplier(
        a["thresholds.gpt4_flop"], a["thresholds.us_flop"], a["era.exchange_rate"]
    )


# --- Scaling inference-during-training -------------------------------------------------------


@claim("training.web_tokens_ratio")
def _(a):
    return a["training.indexed_web_tokens"] / np.asarray(
        a["training.gpt4_level_training_tokens"], dtype=float
    )


@claim("ida.iterations")
def _(a):
    return ida.amplification_iterations(
        a["alphago.total_selfplay_games"], a["alphago.games_per_iteration"]
    )


@claim("ida.search_gain")
def _(a):
    return ida.search_gain(a["alphago.elo_zero"], a["alphago.elo_raw"])


@claim("ida.vs_lee")
def _(a):
    score = ida.elo_expected_score(a["alphago.elo_zero"], a["alphago.elo_lee"])
    return score, {"sweep_probability": ida.sweep_probability(score, 100)}


@claim("ida.vs_master")
def _(a):
    observed = a["alphago.master_match_wins"] / (
        a["alphago.master_match_wins"] + a["alphago.master_match_losses"]
    )
    return ida.elo_expected_score(a["alphago.elo_zero"], a["alphago.elo_master"]), {
        "observed": observed
    }


@claim("ida.raw_vs_pro")
def _(a):
    return a["alphago.elo_raw"]


@claim("ida.surpass_lee_hours")
def _(a):
    return a["alphago.surpass_lee_hours"]


@claim("ida.beat_lee_hours")
def _(a):
    return a["alphago.beat_lee_100_0_hours"]


@claim("ida.plateau_days")
def _(a):
    return a["alphago.training_days"]


# --- Appendix: lifetime compute ---------------------------------------------------------------

# The essay drops the coefficients; each appendix claim also reports its value under the
# standard 6ND/2NI accounting as the extra "standard".
STD_PRE, STD_INF = lifetime.STANDARD_COEFFICIENTS


@claim("appendix.pretrain_compute")
def _(a):
    n, d = a["appendix.n_params"], a["appendix.n_tokens"]
    return lifetime.pretraining_compute(n, d, a["appendix.c_pre"]), {
        "standard": lifetime.pretraining_compute(n, d, STD_PRE)
    }


@claim("appendix.crossover_d")
def _(a):
    d, i = a["appendix.n_tokens"], a["appendix.tokens_per_deployment"]
    value = lifetime.crossover_deployments(d, i, a["appendix.c_pre"], a["appendix.c_inf"])
    return value, {"standard": lifetime.crossover_deployments(d, i, STD_PRE, STD_INF)}


@claim("appendix.chinchilla_deploy")
def _(a):
    return lifetime.deployment_ooms_per_pretraining_oom(a["appendix.param_exponent"])


def _pretraining_multiplier(a, share):
    return lifetime.pretraining_cost_multiplier(
        a["appendix.scale_factor"],
        share,
        a["appendix.param_exponent"],
        a["appendix.post_training_share"],
    )


def _inference_multiplier(a, share):
    return lifetime.inference_cost_multiplier(
        a["appendix.scale_factor"], share, a["appendix.post_training_share"]
    )


@claim("appendix.pre_dominated_pretrain")
def _(a):
    return _pretraining_multiplier(a, a["appendix.pre_dominated_share"])


@claim("appendix.pre_dominated_inference")
def _(a):
    return _inference_multiplier(a, a["appendix.pre_dominated_share"])


@claim("appendix.deploy_dominated_pretrain")
def _(a):
    return _pretraining_multiplier(a, a["appendix.deploy_dominated_share"])


@claim("appendix.deploy_dominated_inference")
def _(a):
    return _inference_multiplier(a, a["appendix.deploy_dominated_share"])


@claim("appendix.breakeven_share")
def _(a):
    return lifetime.breakeven_deployment_share(
        a["appendix.scale_factor"], a["appendix.param_exponent"], a["appendix.post_training_share"]
    )


@claim("appendix.single_question")
def _(a):
    d = a["appendix.n_tokens"]
    return lifetime.single_deployment_token_budget(d, a["appendix.c_pre"], a["appendix.c_inf"]), {
        "standard": lifetime.single_deployment_token_budget(d, STD_PRE, STD_INF)
    }


@claim("appendix.every_question")
def _(a):
    return lifetime.inference_cost_multiplier(
        a["appendix.every_question_factor"],
        a["appendix.deploy_dominated_share"],
        a["appendix.post_training_share"],
    )


# --- Context: NVIDIA on test-time scaling ------------------------------------------------------


@claim("nvidia.test_time")
def _(a):
    return thresholds.effective_ooms(
        0.0, np.log10(a["nvidia.test_time_multiplier"]), a["era.exchange_rate"]
    )


# --- Verdicts and the ledger -------------------------------------------------------------------


def _close(value, target, tolerance):
    value = np.asarray(value, dtype=float)
    ((kind, tol),) = tolerance.items()
    if kind == "abs":
        return np.abs(value - target) <= tol
    if kind == "rel":
        return np.abs(value - target) <= tol * abs(target)
    if kind == "log10":
        return np.abs(np.log10(value) - np.log10(target)) <= tol
    raise ValueError(f"unknown tolerance kind '{kind}'")


def within_tolerance(value, essay_value, tolerance):
    """Whether ``value`` agrees with ``essay_value`` (elementwise for arrays of draws).

    A scalar value must lie in an essay range widened by the tolerance at each end; a pair
    of values must match the essay's pair end by end; scalars must be close.
    """
    if isinstance(value, tuple):
        low, high = value
        if isinstance(essay_value, list):
            return _close(low, essay_value[0], tolerance) & _close(high, essay_value[1], tolerance)
        return _close(low, essay_value, tolerance) & _close(high, essay_value, tolerance)
    if isinstance(essay_value, list):
        lo, hi = essay_value
        inside = (np.asarray(value) >= lo) & (np.asarray(value) <= hi)
        return inside | _close(value, lo, tolerance) | _close(value, hi, tolerance)
    return _close(value, essay_value, tolerance)


def verdict(value, essay_value, tolerance) -> str:
    """``new`` without an essay value, else ``reproduced`` or ``differs``."""
    if essay_value is None:
        return "new"
    return "reproduced" if bool(within_tolerance(value, essay_value, tolerance)) else "differs"


def evaluate(values: Mapping[str, object], facts: Mapping[str, object]) -> dict[str, dict]:
    """Run every registered claim; returns ``{id: {"value", "extra", "inputs"}}``.

    Works on scalars and on arrays of draws alike (extras are computed the same way).
    """
    out = {}
    for claim_id, fn in CLAIMS.items():
        view = Inputs(values, facts)
        result = fn(view)
        value, extra = (
            result if isinstance(result, tuple) and isinstance(result[1], dict) else (result, {})
        )
        out[claim_id] = {"value": value, "extra": extra, "inputs": sorted(view.used)}
    return out


def _plain(x):
    """JSON-friendly float (or pair of floats), rounded to 12 significant figures so the
    ledger does not change with the last bits of floating point."""
    if isinstance(x, tuple):
        return [_plain(v) for v in x]
    return float(f"{float(x):.12g}")


def render_note(template: str, result: dict) -> str:
    """Fill a catalogue note's ``{value}`` / ``{extra_name}`` fields with 3-significant-figure
    plain-text numbers (pairs print as ``low--high``)."""

    def show(x):
        if isinstance(x, tuple):
            return "--".join(show(v) for v in x)
        return f"{float(x):.3g}"

    fields = {"value": show(result["value"])}
    fields.update({k: show(v) for k, v in result["extra"].items()})
    return " ".join(template.split()).format(**fields)


def build_ledger(values: Mapping[str, object], facts: Mapping[str, object]) -> list[dict]:
    """The claims ledger: one record per catalogue entry, in catalogue order."""
    catalogue = load_catalogue()
    missing = {c["id"] for c in catalogue} ^ set(CLAIMS)
    if missing:
        raise KeyError(f"catalogue and claim functions disagree on: {sorted(missing)}")
    results = evaluate(values, facts)
    ledger = []
    for spec in catalogue:
        res = results[spec["id"]]
        ledger.append(
            {
                "id": spec["id"],
                "section": spec["section"],
                "statement": spec["statement"],
                "value": _plain(res["value"]),
                "extra": {k: _plain(v) for k, v in sorted(res["extra"].items())},
                "unit": spec["unit"],
                "essay_value": spec["essay_value"],
                "essay_text": spec["essay_text"],
                "tolerance": spec["tolerance"],
                "verdict": verdict(res["value"], spec["essay_value"], spec["tolerance"]),
                "inputs": res["inputs"],
                "format": spec["format"],
                "note": render_note(spec.get("note", ""), res),
            }
        )
    return ledger


def summary(ledger: list[dict]) -> str:
    """One line: how many claims and how many of each verdict."""
    counts = {v: sum(r["verdict"] == v for r in ledger) for v in VERDICTS}
    parts = [f"{counts['reproduced']} reproduced", f"{counts['differs']} differ"]
    if counts["new"]:
        parts.append(f"{counts['new']} new (not stated in the essay)")
    return f"{len(ledger)} claims: " + ", ".join(parts)
