"""The claims ledger: every quantitative claim of the essay, recomputed from the kernels.

Each claim is a small function of an :class:`Inputs` view; the view records which
assumptions and datasets a claim reads, so a record's ``inputs`` are never typed by hand.
Claim functions use numpy operations only, so they accept scalars (the ledger) and arrays
of Monte Carlo draws alike. What the essay says about each claim (its words, label and basis)
lives in ``essay_claims.yaml`` beside this module; the verdict rule in ``verdict_rule``.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import yaml

from inference_scaling.ledger import verdict_rule
from inference_scaling.ledger.verdict_rule import VERDICTS
from inference_scaling.model import deployment, era, ida, lifetime, thresholds

BASES = ("recomputed", "sourced", "premise")
EVIDENCE = ("independent", "arithmetic", "definitional")
CAUSES = ("essay", "source", "definition", "premise")


@functools.cache
def _parsed_catalogue() -> list[dict]:
    # Parsing the YAML takes ~50 ms; the assumption explorer rebuilds the ledger per input.
    text = resources.files(__package__).joinpath("essay_claims.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def load_catalogue() -> list[dict]:
    """The essay-side description of every claim, in ledger order (a fresh copy)."""
    return copy.deepcopy(_parsed_catalogue())


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
    # The headline: the essay speaks of LLM pre-training, so the frontier is taken among
    # language models (the all-domain frontier is the sensitivity row below).
    return a["growth.language.growth"], {
        "ci_low": a["growth.language.growth_low"],
        "ci_high": a["growth.language.growth_high"],
        "n": a["growth.language.n"],
        "in_all_frontier": a["growth.language_in_all.growth"],
        "top_n_low": a["growth.language.top_n_low"],
        "top_n_high": a["growth.language.top_n_high"],
    }


@claim("era.pretrain_growth_all_domains")
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


@claim("era.fit_window")
def _(a):
    # The window ends before fit_end_year (exclusive), so its last calendar year is one less.
    return _pair(a["era.fit_start_year"], np.ceil(a["era.fit_end_year"]) - 1.0)


@claim("era.exchange_range")
def _(a):
    return _pair(*era.evidence_band(a))


@claim("era.exchange_jones")
def _(a):
    return era.exchange_rate_from_equivalence(
        a["era.jones_train_factor"], a["era.jones_inference_factor"]
    )


@claim("era.exchange_rule")
def _(a):
    return a["era.exchange_rate"]


# --- Scaling inference-at-deployment -------------------------------------------------------


def _example_multiplier(a):
    return 10.0 ** a["deploy.inference_ooms_example"]


@claim("deploy.copies_at_launch")
def _(a):
    return a["deploy.copies_at_launch"]


@claim("deploy.inference_example")
def _(a):
    return _example_multiplier(a)


@claim("deploy.copies_factor")
def _(a):
    return deployment.copies_fraction(_example_multiplier(a))


@claim("deploy.copies_after_scaling")
def _(a):
    return a["deploy.copies_at_launch"] * deployment.copies_fraction(_example_multiplier(a))


@claim("deploy.human_speed")
def _(a):
    return _pair(a["deploy.human_speed_multiple_low"], a["deploy.human_speed_multiple_high"])


@claim("deploy.speed_range")
def _(a):
    m = _example_multiplier(a)
    return _pair(
        deployment.effective_speed(a["deploy.human_speed_multiple_low"], m),
        deployment.effective_speed(a["deploy.human_speed_multiple_high"], m),
    )


@claim("deploy.cost_per_oom")
def _(a):
    return deployment.cost_per_task(10.0, a["deploy.cost_compute_elasticity"])


@claim("deploy.weights_decline")
def _(a):
    h = a["deploy.algorithmic_halving_months"]
    return _pair(
        deployment.fixed_capability_cost_decline(h, a["deploy.hardware_gain_low"]),
        deployment.fixed_capability_cost_decline(h, a["deploy.hardware_gain_high"]),
    )


@claim("deploy.stolen_deployment_share")
def _(a):
    return deployment.deployment_share_after_scaling(
        a["appendix.deploy_to_train_ratio"], _example_multiplier(a)
    )


@claim("deploy.tailoring_spread")
def _(a):
    return a["deploy.tailoring_high_multiplier"]


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


@claim("deploy.marginal_cost_rise")
def _(a):
    return deployment.cost_per_task(_example_multiplier(a), a["deploy.cost_compute_elasticity"])


# --- Compute thresholds ----------------------------------------------------------------------


@claim("thresholds.eu")
def _(a):
    return a["thresholds.eu_flop"]


@claim("thresholds.us")
def _(a):
    return a["thresholds.us_flop"]


@claim("thresholds.base_model")
def _(a):
    return a["thresholds.base_model_flop"]


@claim("thresholds.amplified_ooms")
def _(a):
    return a["thresholds.amplified_inference_ooms"]


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
    low, high = era.evidence_band(a)
    return _pair(
        thresholds.effective_ooms(base, ooms, low), thresholds.effective_ooms(base, ooms, high)
    )


@claim("thresholds.extreme_multiplier")
def _(a):
    return a["thresholds.extreme_multiplier"]


@claim("thresholds.extreme")
def _(a):
    return thresholds.effective_ooms(
        0.0, np.log10(a["thresholds.extreme_multiplier"]), a["era.exchange_rate"]
    )


@claim("thresholds.o3_multiplier")
def _(a):
    return a["arc.o3_high_semi_private_cost"] / a["arc.o1_mini_semi_private_cost"]


@claim("thresholds.o3_vs_gpt4o")
def _(a):
    return a["arc.o3_high_semi_private_cost"] / a["arc.gpt4o_cost"]


@claim("thresholds.arc_o3")
def _(a):
    return _pair(a["arc.o3_low_semi_private_score"], a["arc.o3_high_semi_private_score"])


@claim("thresholds.arc_o1")
def _(a):
    return _pair(a["arc.o1_announced_low"], a["arc.o1_announced_high"]), {
        "n": a["arc.o1_announced_n"]
    }


@claim("thresholds.arc_o1_mini_preview")
def _(a):
    low, high = a["arc.o1_mini_preview_announced_low"], a["arc.o1_mini_preview_announced_high"]
    return _pair(low, high), {"n": a["arc.o1_mini_preview_announced_n"]}


@claim("thresholds.arc_o1_mini_rerun")
def _(a):
    public, semi = a["arc.o1_mini_public_score"], a["arc.o1_mini_semi_private_score"]
    return _pair(np.minimum(public, semi), np.maximum(public, semi))


@claim("thresholds.lab_headroom_multiplier")
def _(a):
    return a["thresholds.lab_headroom"]


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


@claim("thresholds.lower_threshold")
def _(a):
    return a["thresholds.lower_threshold_flop"]


@claim("thresholds.lower_threshold_multiplier")
def _(a):
    return thresholds.required_inference_multiplier(
        a["thresholds.lower_threshold_flop"], a["thresholds.us_flop"], a["era.exchange_rate"]
    )


# --- Scaling inference-during-training -------------------------------------------------------


@claim("training.web_tokens_ratio")
def _(a):
    return a["training.indexed_web_tokens"] / np.asarray(
        a["training.gpt4_level_training_tokens"], dtype=float
    )


@claim("ida.games_per_iteration")
def _(a):
    return a["alphago.games_per_iteration"]


@claim("ida.search_calls")
def _(a):
    return a["alphago.mcts_simulations_per_move"]


@claim("ida.surpass_lee_hours")
def _(a):
    return a["alphago.surpass_lee_hours"]


@claim("ida.beat_lee_hours")
def _(a):
    return a["alphago.beat_lee_100_0_hours"]


@claim("ida.lee_match_wins")
def _(a):
    return a["alphago.lee_match_wins"], {"losses": a["alphago.lee_match_losses"]}


@claim("ida.plateau_days")
def _(a):
    return a["alphago.training_days"]


@claim("ida.selfplay_games")
def _(a):
    return a["alphago.total_selfplay_games"]


@claim("ida.iterations")
def _(a):
    return ida.amplification_iterations(
        a["alphago.total_selfplay_games"], a["alphago.games_per_iteration"]
    )


@claim("ida.elo_zero")
def _(a):
    return a["alphago.elo_zero"]


@claim("ida.elo_lee")
def _(a):
    return a["alphago.elo_lee"]


@claim("ida.raw_vs_pro")
def _(a):
    return a["alphago.elo_raw"]


@claim("ida.search_gain")
def _(a):
    return ida.search_gain(a["alphago.elo_zero"], a["alphago.elo_raw"])


@claim("ida.vs_lee_elo")
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


# --- Appendix: lifetime compute ---------------------------------------------------------------

# The essay drops the coefficients; each appendix claim also reports its value under the
# standard 6ND/2NI accounting as the extra "standard".
STD_PRE, STD_INF = lifetime.STANDARD_COEFFICIENTS


@claim("appendix.n_params")
def _(a):
    return a["appendix.n_params"]


@claim("appendix.n_tokens")
def _(a):
    return a["appendix.n_tokens"]


@claim("appendix.tokens_per_answer")
def _(a):
    return a["appendix.tokens_per_deployment"]


@claim("appendix.pretrain_compute")
def _(a):
    n, d = a["appendix.n_params"], a["appendix.n_tokens"]
    return lifetime.pretraining_compute(n, d, a["appendix.c_pre"]), {
        "standard": lifetime.pretraining_compute(n, d, STD_PRE)
    }


def _crossover(a, c_pre, c_inf):
    return lifetime.crossover_deployments(
        a["appendix.n_tokens"], a["appendix.tokens_per_deployment"], c_pre, c_inf
    )


@claim("appendix.lifetime_at_crossover")
def _(a):
    n, d, i = a["appendix.n_params"], a["appendix.n_tokens"], a["appendix.tokens_per_deployment"]
    c_pre, c_inf = a["appendix.c_pre"], a["appendix.c_inf"]
    deployments = _crossover(a, c_pre, c_inf)
    q = a["appendix.post_training_share"]
    # Post-training holds its share q of the total: C_post = q / (1 - q) (C_pre + C_deploy).
    rest = lifetime.pretraining_compute(n, d, c_pre) + lifetime.deployment_compute(
        n, deployments, i, c_inf
    )
    post = q / (1.0 - q) * rest
    return lifetime.lifetime_compute(n, d, deployments, i, post, c_pre, c_inf)


@claim("appendix.crossover_d")
def _(a):
    value = _crossover(a, a["appendix.c_pre"], a["appendix.c_inf"])
    return value, {"standard": _crossover(a, STD_PRE, STD_INF)}


@claim("appendix.deployment_exceeds_training")
def _(a):
    return a["appendix.deploy_to_train_ratio"]


def _hoffmann(a):
    return {k: a[f"chinchilla.hoffmann2022.{k}"] for k in ("E", "A", "B", "alpha", "beta")}


@claim("appendix.overtraining")
def _(a):
    fit = _hoffmann(a)
    target = lifetime.chinchilla_loss(a["appendix.n_params"], a["appendix.n_tokens"], **fit)
    # Deployment uses r times the Chinchilla-optimal model's training compute: T tokens with
    # c_inf N0 T = r c_pre N0 D0 (closed form, no root finder per draw).
    n0, d0, n, d = lifetime.overtraining_at_deployment_ratio(
        target, a["appendix.deploy_to_train_ratio"], **fit
    )
    return (n * d) / (n0 * d0), {"tokens_per_param": d / n, "chinchilla_tokens_per_param": d0 / n0}


@claim("appendix.param_exponent")
def _(a):
    return lifetime.deployment_ooms_per_pretraining_oom(a["appendix.param_exponent"])


def _optimal_param_exponent(alpha, beta):
    # N_opt grows as C^(beta / (alpha + beta)) for the parametric loss (Hoffmann et al. eq. 4).
    return beta / (alpha + beta)


@claim("appendix.param_exponent_fit")
def _(a):
    fit = _hoffmann(a)
    return _optimal_param_exponent(fit["alpha"], fit["beta"]), {
        "besiroglu": _optimal_param_exponent(
            a["chinchilla.besiroglu2024.alpha"], a["chinchilla.besiroglu2024.beta"]
        )
    }


def _pretraining_multiplier(a, share):
    return lifetime.pretraining_cost_multiplier(
        a["appendix.scale_factor"],
        share,
        a["appendix.param_exponent"],
        a["appendix.post_training_share"],
    )


def _inference_multiplier(a, share, factor_key="appendix.scale_factor"):
    return lifetime.inference_cost_multiplier(
        a[factor_key], share, a["appendix.post_training_share"]
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


def _equal_capability_factor(a):
    # Inference that buys as much capability as scaling pre-training by the scale factor.
    return a["appendix.scale_factor"] ** (1.0 / a["era.exchange_rate"])


@claim("appendix.equal_capability_factor")
def _(a):
    return _equal_capability_factor(a)


@claim("appendix.deploy_dominated_inference_equal")
def _(a):
    return lifetime.inference_cost_multiplier(
        _equal_capability_factor(a),
        a["appendix.deploy_dominated_share"],
        a["appendix.post_training_share"],
    )


@claim("appendix.breakeven_share_equal_capability")
def _(a):
    return lifetime.breakeven_deployment_share(
        a["appendix.scale_factor"],
        a["appendix.param_exponent"],
        a["appendix.post_training_share"],
        _equal_capability_factor(a),
    )


@claim("appendix.single_question")
def _(a):
    d = a["appendix.n_tokens"]
    return lifetime.single_deployment_token_budget(d, a["appendix.c_pre"], a["appendix.c_inf"]), {
        "standard": lifetime.single_deployment_token_budget(d, STD_PRE, STD_INF)
    }


@claim("appendix.every_question_factor")
def _(a):
    return a["appendix.every_question_factor"]


@claim("appendix.every_question")
def _(a):
    return _inference_multiplier(
        a, a["appendix.deploy_dominated_share"], "appendix.every_question_factor"
    )


# --- Context: NVIDIA on test-time scaling ------------------------------------------------------


@claim("nvidia.test_time")
def _(a):
    return thresholds.effective_ooms(
        0.0, np.log10(a["nvidia.test_time_multiplier"]), a["era.exchange_rate"]
    )


# --- Verdicts and the ledger -------------------------------------------------------------------


def statement_of(spec: dict):
    """The statement the rule reads for a catalogue entry or ledger record (its ``form``,
    else its words), or ``None`` when the essay gives no number. A premise matches
    exactly (:func:`verdict_rule.exact`)."""
    if spec.get("essay") is None:
        return None
    stated = verdict_rule.parse(str(spec.get("form") or spec["essay"]), spec["unit"])
    return verdict_rule.exact(stated) if spec.get("basis") == "premise" else stated


def cause_of(spec: dict, inputs: list[str], changed: frozenset[str]) -> str:
    """Why a row differs: ``premise`` when it is a premise or reads an assumption the
    scenario changed; else the catalogue's ``cause``; else, by what the row rests on,
    ``source`` (shipped data or evidence the essay did not use) or ``essay`` (the essay's
    own arithmetic)."""
    if spec["basis"] == "premise" or changed & set(inputs):
        return "premise"
    if spec.get("cause"):
        return spec["cause"]
    if spec["basis"] == "sourced" or spec.get("evidence") == "independent":
        return "source"
    return "essay"


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


_ASSUMPTION_FIELD = re.compile(r"\{([a-z0-9_]+\.[a-z0-9_]+)\}")


def template(text: str) -> str:
    """A catalogue statement or note as one line (its ``{field}`` s left for publishing)."""
    return " ".join(str(text).split())


def template_fields(spec: dict, values: Mapping[str, object]) -> dict[str, object]:
    """The assumption values that a catalogue entry's statement, note and reason for being
    unchecked name as ``{group.key}`` (``{value}`` and the extras are in the record itself).

    The ledger does not fill its templates: how a number reads is publishing's business
    (:func:`inference_scaling.publish.records.fill_record`), so a note prints its numbers
    as the paper prints them, in every output."""
    text = " ".join(str(spec.get(k) or "") for k in ("statement", "note", "unchecked"))
    names = _ASSUMPTION_FIELD.findall(text)
    return {key: _plain(values[key]) for key in sorted(set(names))}


def build_ledger(
    values: Mapping[str, object], facts: Mapping[str, object], changed=()
) -> list[dict]:
    """The claims ledger: one record per catalogue entry, in catalogue order.

    ``changed`` names the assumptions a scenario sets away from the essay's (default)
    values: a row reading one of them that differs has cause ``premise``."""
    changed = frozenset(changed)
    catalogue = load_catalogue()
    missing = {c["id"] for c in catalogue} ^ set(CLAIMS)
    if missing:
        raise KeyError(f"catalogue and claim functions disagree on: {sorted(missing)}")
    results = evaluate(values, facts)
    ledger = []
    for spec in catalogue:
        res = results[spec["id"]]
        stated = statement_of(spec)
        unchecked = spec.get("unchecked")
        verdict = verdict_rule.verdict(res["value"], stated, unchecked=bool(unchecked))
        ratio = verdict_rule.ratio_to_essay(
            res["value"], stated, log_unit=spec["unit"].startswith("log10")
        )
        ledger.append(
            {
                "id": spec["id"],
                "section": spec["section"],
                "label": spec["label"],
                "basis": spec["basis"],
                "evidence": spec.get("evidence"),
                "evidence_reason": spec.get("evidence_reason"),
                "statement": template(spec["statement"]),
                "value": _plain(res["value"]),
                "extra": {k: _plain(v) for k, v in sorted(res["extra"].items())},
                "unit": spec["unit"],
                "essay": spec.get("essay"),
                "form": None if spec.get("essay") is None else spec.get("form", spec["essay"]),
                "reading": spec.get("reading", "essay" if spec.get("essay") else None),
                "figure_text": bool(spec.get("figure_text")),
                "essay_value": None
                if stated is None
                else _plain(stated.value)
                if stated.value is not None
                else None,
                "essay_interval": None if stated is None else stated.interval.as_list(),
                "verdict": verdict,
                "cause": cause_of(spec, res["inputs"], changed) if verdict == "differs" else None,
                "unchecked": template(unchecked) if verdict == "unchecked" else None,
                "ratio_to_essay": None if ratio is None else _plain(ratio),
                "inputs": res["inputs"],
                # the assumptions this row reads that the scenario changed
                "changed_inputs": sorted(changed & set(res["inputs"])),
                "format": spec["format"],
                "note": template(spec.get("note", "")),
                "fields": template_fields(spec, values),
            }
        )
    return ledger


def counts_by_basis(ledger: list[dict]) -> dict[str, dict[str, int]]:
    """``{basis: {"total", "reproduced", "differs", "new", "unchecked"}}`` in :data:`BASES`
    order."""
    counts = {}
    for basis in BASES:
        recs = [r for r in ledger if r["basis"] == basis]
        counts[basis] = {"total": len(recs)} | {
            v: sum(r["verdict"] == v for r in recs) for v in VERDICTS
        }
    return counts


def counts_by_evidence(ledger: list[dict]) -> dict[str, dict[str, int]]:
    """Recomputed rows per evidence grade: ``{evidence: {"total", "reproduced", ...}}`` in
    :data:`EVIDENCE` order."""
    counts = {}
    for grade in EVIDENCE:
        recs = [r for r in ledger if r["basis"] == "recomputed" and r.get("evidence") == grade]
        counts[grade] = {"total": len(recs)} | {
            v: sum(r["verdict"] == v for r in recs) for v in VERDICTS
        }
    return counts


def counts_by_cause(ledger: list[dict]) -> dict[str, int]:
    """``{cause: number of differs}`` in :data:`CAUSES` order."""
    return {
        c: sum(r["verdict"] == "differs" and r.get("cause") == c for r in ledger) for c in CAUSES
    }


def _split(counts: dict[str, int]) -> str:
    parts = [f"{n} {name}" for name, n in counts.items() if n]
    return f" ({', '.join(parts)})" if parts else ""


def _basis_phrase(basis: str, c: dict[str, int], ledger: list[dict]) -> str:
    # (singular, plural) of each verdict's words: "1 differs", "2 differ".
    words = {
        "recomputed": (("reproduces", "reproduce"), ("differs", "differ")),
        "sourced": (("matches the source", "match the source"), ("differs", "differ")),
        "premise": (("as in the essay",) * 2, ("changed",) * 2),
    }[basis]
    name = {"premise": ("premise", "premises")}.get(basis, (basis, basis))
    recs = [r for r in ledger if r["basis"] == basis]

    def agree(n: int, pair: tuple[str, str]) -> str:
        return f"{n} {pair[0] if n == 1 else pair[1]}"

    parts = []
    if c["reproduced"]:
        by_grade = {}
        if basis == "recomputed":
            by_grade = {g: n["reproduced"] for g, n in counts_by_evidence(recs).items()}
        parts.append(f"{agree(c['reproduced'], words[0])}{_split(by_grade)}")
    if c["differs"]:
        causes = counts_by_cause(recs)
        if basis != "premise":
            parts.append(
                f"{agree(c['differs'], words[1])}"
                f"{_split({f'by {k}': n for k, n in causes.items()})}"
            )
        else:
            parts.append(agree(c["differs"], words[1]))
    if c["new"]:
        parts.append(f"{c['new']} not stated in the essay")
    if c["unchecked"]:
        parts.append(f"{c['unchecked']} unchecked")
    return f"{c['total']} {name[c['total'] != 1]}: " + ", ".join(parts)


def summary(ledger: list[dict]) -> str:
    """One line: how many claims, per basis how many of each verdict, the reproductions of
    recomputed rows by evidence grade and the differences by cause."""
    counts = counts_by_basis(ledger)
    parts = [_basis_phrase(b, c, ledger) for b, c in counts.items() if c["total"]]
    return f"{len(ledger)} claims — " + "; ".join(parts)


def changes_from_default(
    ledger: list[dict], held: list[dict], default_ledger: list[dict], default_held: list[dict]
) -> str:
    """What a fork changes against the default build: the premises it changed, the other
    rows whose verdict changed and the conclusions that flip, each with its ids; empty when
    the verdicts are the default's."""
    before = {r["id"]: r["verdict"] for r in default_ledger}
    moved = [r for r in ledger if r["id"] in before and r["verdict"] != before[r["id"]]]
    premises = [r["id"] for r in moved if r["basis"] == "premise"]
    others = [r["id"] for r in moved if r["basis"] != "premise"]
    was = {c["id"]: c["holds"] for c in default_held}
    flips = [c["id"] for c in held if c["id"] in was and c["holds"] != was[c["id"]]]
    parts = []
    for items, one, many in (
        (premises, "premise changed", "premises changed"),
        (others, "verdict changes", "verdicts change"),
        (flips, "conclusion flips", "conclusions flip"),
    ):
        if items:
            parts.append(f"{len(items)} {one if len(items) == 1 else many}: {', '.join(items)}")
    return "; ".join(parts)


# --- Coverage rows (issue 17): statements the shipped data can check ---------------------------
# Registered after the ledger machinery so that this block merges as one piece; the ledger
# order is the catalogue's.

AIME_POINTS = 7  # points per panel of OpenAI's o1 AIME charts (data/o1_aime.csv)


def _aime_slope(a, panel):
    x = [a[f"aime.{panel}.log_compute_{i}"] for i in range(AIME_POINTS)]
    y = [a[f"aime.{panel}.pass1_{i}"] for i in range(AIME_POINTS)]
    return era.linear_slope(x, y), {"first": y[0], "last": y[-1]}


@claim("era.o1_aime_train_slope")
def _(a):
    return _aime_slope(a, "train_time")


@claim("era.o1_aime_test_slope")
def _(a):
    return _aime_slope(a, "test_time")


@claim("era.record_growth_2020_2023")
def _(a):
    start, end = a["epoch.language_record_2019"], a["epoch.language_record_2023"]
    return era.annual_growth(start, end, 4.0), {"start": start, "end": end}


@claim("era.record_growth_2024")
def _(a):
    return era.annual_growth(a["epoch.language_record_2023"], a["epoch.language_record_2024"], 1.0)


@claim("era.largest_vs_gpt4")
def _(a):
    largest = a["epoch.language_record_2024"]
    return largest / np.asarray(a["thresholds.gpt4_flop"], dtype=float), {"largest": largest}


@claim("deploy.stolen_deploy_to_train")
def _(a):
    return a["appendix.deploy_to_train_ratio"] * _example_multiplier(a)


@claim("deploy.marginal_to_average_cost")
def _(a):
    # With a fixed training cost, the marginal cost per user is the deployment cost per user
    # and the average cost is the lifetime cost per user: their ratio is deployment's share.
    return deployment.deployment_share_after_scaling(a["appendix.deploy_to_train_ratio"], 1.0)


@claim("deploy.marginal_to_average_after")
def _(a):
    return deployment.deployment_share_after_scaling(
        a["appendix.deploy_to_train_ratio"], _example_multiplier(a)
    )


@claim("thresholds.share_not_above_eu")
def _(a):
    total = a["epoch.models_2018_2024"]
    above_eu = a["epoch.models_2018_2024_over_1e25"]
    return 1.0 - above_eu / np.asarray(total, dtype=float), {
        "total": total,
        "above_eu": above_eu,
        "above_us": a["epoch.models_2018_2024_over_1e26"],
    }


@claim("ida.iteration_hours")
def _(a):
    iterations = ida.amplification_iterations(
        a["alphago.total_selfplay_games"], a["alphago.games_per_iteration"]
    )
    return a["alphago.training_days"] * 24.0 / iterations


@claim("training.ida_inference_flop")
def _(a):
    # A GPT-4-level model (N parameters) generating as many tokens as its own pre-training
    # corpus (D tokens), the least a synthetic-data programme for the next base model needs.
    n, d = a["appendix.n_params"], a["appendix.n_tokens"]
    flop = lifetime.deployment_compute(n, 1.0, d, a["appendix.c_inf"])
    return np.log10(flop), {
        "standard": np.log10(lifetime.deployment_compute(n, 1.0, d, STD_INF)),
        "alphago_zero_share": a["alphago.training_flop"] / a["thresholds.eu_flop"],
    }


def _fit(a, name):
    return {k: a[f"chinchilla.{name}.{k}"] for k in ("E", "A", "B", "alpha", "beta")}


@claim("appendix.tokens_per_param_refit")
def _(a):
    # The over-training row's two ratios again with Besiroglu et al.'s refit of the same law,
    # and the printed fit at the Chinchilla model's own loss: what moves 138 and 667 from ~20.
    refit, printed = _fit(a, "besiroglu2024"), _fit(a, "hoffmann2022")
    target = lifetime.chinchilla_loss(a["appendix.n_params"], a["appendix.n_tokens"], **refit)
    # Deployment uses r times the Chinchilla-optimal model's training compute (as above).
    n0, d0, n, d = lifetime.overtraining_at_deployment_ratio(
        target, a["appendix.deploy_to_train_ratio"], **refit
    )
    n_chinchilla, d_chinchilla = a["chinchilla.model.n_params"], a["chinchilla.model.n_tokens"]
    at_chinchilla = lifetime.chinchilla_loss(n_chinchilla, d_chinchilla, **printed)
    printed_n, printed_d, _, _ = lifetime.overtraining_at_deployment_ratio(
        at_chinchilla, 0.0, **printed
    )
    return d0 / n0, {
        "lifetime_tokens_per_param": d / n,
        "printed_at_chinchilla": printed_d / printed_n,
        "chinchilla_model": d_chinchilla / n_chinchilla,
    }
