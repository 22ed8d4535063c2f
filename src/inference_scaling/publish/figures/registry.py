"""Every figure of the paper, registered once: its name, what it reads, how it is drawn and
the caption the HTML report shows.

A figure is one function decorated with :func:`figure`::

    @figure(
        title="...",                          # its label in the HTML report
        data={"points": "data/<file>.csv"},   # shipped data files, by input name
        keys=("<group>.<key>",),              # assumptions it draws
        results=("ledger",),                  # results of the build it reads
        caption="...",                        # reStructuredText for the report
    )
    def fig_name(job):
        from inference_scaling.publish.figures import essay  # what it uses, imported here

        return essay.draw(job.input.points, job.params.assumptions["<group>.<key>"])

The function's name is the figure's name: the PDF ``results/<build>/figures/<name>.pdf`` and
what the paper's ``\\includegraphics{<name>}`` shows. It receives the job (the
``snakemake`` object of :mod:`inference_scaling.pipeline.job`): ``job.input.<name>`` for
each data file and result, ``job.params.assumptions`` with the values of ``keys``, and
``job.params.<name>`` for each of ``params``; it returns a matplotlib figure, which the
rule's script (``workflow/scripts/plot_figure.py``) writes as a deterministic PDF.

Everything else follows from the entry: the Snakemake rule ``plot_figure`` (one job per
figure and build, workflow/rules/figures.smk), which build's PDF a scenario's paper shows
(a figure whose keys and results a scenario leaves unchanged is the default build's), the
report's caption and the tests' list of figures.

What re-draws a figure: an edit of its data files, of the values of its ``keys``, of the
results it reads, of its function's code, or of a module that the function imports. A draw
function therefore imports what it uses inside its body and calls no other function of
this module: the workflow follows only the imports of the figure's own function
(:func:`inference_scaling.pipeline.code_deps.function_imports`), and it tracks the
function's code, not this file, so a caption edit or a new entry re-draws nothing.

This module itself imports nothing heavy: Snakemake reads it when it parses the workflow.

Results a figure may read (``results=``), each the build's file of that name (the
workflow decides which build's copy a scenario reads, workflow/rules/common.smk):
``ledger`` (``claims.json``), ``growth`` (``pretrain_growth.json``) and ``sensitivity``
(``sensitivity.json``).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import inspect
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: The file this registry lives in, as the report's captions name it.
SOURCE = "src/inference_scaling/publish/figures/registry.py"
#: Results of a build a figure may read, by the input name it gets: the file name.
RESULTS = {
    "ledger": "claims.json",
    "growth": "pretrain_growth.json",
    "sensitivity": "sensitivity.json",
}


@dataclass(frozen=True)
class Figure:
    """One figure: see the module's docstring."""

    name: str
    title: str
    caption: str
    data: Mapping[str, str] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    #: more job parameters: a value, or a function of the scenario's assumption values
    params: Mapping[str, Any] = field(default_factory=dict)
    #: draw(job) -> matplotlib figure, or None when ``script`` draws it
    draw: Callable | None = None
    #: a workflow script whose ``main(snakemake)`` draws and writes the figure itself
    script: str | None = None

    def __post_init__(self):
        if (self.draw is None) == (self.script is None):
            raise ValueError(f"figure {self.name}: give either a draw function or a script")
        unknown = set(self.results) - set(RESULTS)
        if unknown:
            raise ValueError(f"figure {self.name}: unknown results {sorted(unknown)}")
        clash = set(self.data) & (set(self.results) | {"code"})
        if clash:
            raise ValueError(f"figure {self.name}: input names used twice: {sorted(clash)}")

    def job_params(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The job's parameters for a scenario with assumption ``values``: the values of
        ``keys`` and ``params``, and a digest of the draw function's code."""
        params = {"assumptions": {key: values[key] for key in self.keys}}
        for name, param in self.params.items():
            params[name] = param(values) if callable(param) else param
        if self.draw is not None:
            params["code"] = self.code_digest()
        return params

    def code_digest(self) -> str:
        """Digest of the draw function's code without its name, its decorator (the caption)
        and comments, so that only a change of what it does re-draws the figure."""
        return _code_digest(self.draw)

    def caption_text(self, input) -> str:
        """The report's caption: ``caption`` with ``{input.<name>}`` (the job's input files)
        and ``{keys}`` (the assumptions it draws) filled in, and where it is registered."""
        text = textwrap.dedent(self.caption).strip().format(input=input, keys=", ".join(self.keys))
        return f"{text}\n\nRegistered as ``{self.name}`` in ``{SOURCE}``.\n"


@functools.cache
def _code_digest(function: Callable) -> str:
    node = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    node.decorator_list, node.name = [], "draw"
    return hashlib.sha256(ast.unparse(node).encode("utf-8")).hexdigest()[:16]


FIGURES: dict[str, Figure] = {}


def add(entry: Figure) -> Figure:
    """Register ``entry``."""
    if entry.name in FIGURES:
        raise ValueError(f"figure {entry.name} registered twice")
    FIGURES[entry.name] = entry
    return entry


def figure(**entry) -> Callable[[Callable], Callable]:
    """Register the decorated function as the figure of its name (``fig_...``)."""

    def register(draw: Callable) -> Callable:
        add(Figure(name=draw.__name__, draw=draw, **entry))
        return draw

    return register


# --- The essay's own figures, redrawn from shipped data -----------------------------------


@figure(
    title="o1 on AIME vs compute",
    data={"data": "data/o1_aime.csv"},
    caption="""
    **Accuracy of o1 on AIME against training-time and test-time compute.**

    Two panels redrawn from OpenAI's announcement *Learning to reason with LLMs*: pass@1
    accuracy on AIME as train-time compute (left) and test-time compute (right) grow. The
    points come from ``{input.data}`` and are *digitized*: read by eye from charts whose
    logarithmic compute axes carry no numbers, so the horizontal axis is relative and
    unlabelled, and each accuracy may be off by a few points.

    Drawn by ``inference_scaling.publish.figures.essay.o1_aime``.
    """,
)
def fig_o1_aime(job):
    from inference_scaling.pipeline import datasets
    from inference_scaling.publish.figures import essay

    return essay.o1_aime(datasets.o1_aime(job.input.data))


@figure(
    title="ARC-AGI-1 score vs cost per task",
    data={"data": "data/arc_agi.csv"},
    results=("ledger",),
    caption="""
    **ARC-AGI-1 score against cost per task.**

    Score against retail cost per task (logarithmic), coloured by model family, with an
    arrow for the span from o1-mini to o3 (high compute) on the semi-private set; the
    arrow's label is the ledger's ``thresholds.o3_multiplier``, read from
    ``{input.ledger}``.

    The points come from ``{input.data}`` (ARC Prize Foundation): o3 scores, token counts
    and low-compute costs are *exact*; the o3 high-compute cost was not published and is
    *derived* from the reported compute ratio of the two settings; the rounded o-series
    progression is *approx* and has no cost, so it is not drawn. The o1-mini and other
    leaderboard points are later re-runs, not the points of the chart the essay shows.

    Drawn by ``inference_scaling.publish.figures.essay.arc_agi``.
    """,
)
def fig_arc_agi(job):
    from inference_scaling.pipeline import datasets
    from inference_scaling.publish.figures import data, essay

    multiplier = data.printed(data.ledger_record(job.input.ledger, "thresholds.o3_multiplier"))
    return essay.arc_agi(datasets.arc_results(job.input.data), multiplier)


@figure(
    title="AlphaGo Zero amplify/distil ladder",
    data={"elo": "data/alphago_zero_elo.csv", "run": "data/alphago_zero_run.csv"},
    results=("ledger",),
    caption="""
    **AlphaGo Zero as iterated amplification and distillation.**

    Left, a schematic ladder of models alternating distillation (training the network) and
    amplification (network plus search), annotated with the run's days, games per round,
    total games and the number of rounds (the ledger's ``ida.iterations``, *derived* as
    total self-play games over games per round, from ``{input.ledger}``). Right, the
    published Elo ratings of the final network without and with search, against earlier
    AlphaGo versions, and a shaded band for the best human players, which is the essay's
    wording rather than a published rating.

    Ratings and run facts come from Silver et al. (Nature, 2017): ``{input.elo}``
    (*exact*) and ``{input.run}`` (*exact*, a few rounded quantities *approx*). The ladder
    itself is a drawing, not data.

    Drawn by ``inference_scaling.publish.figures.essay.ida_ladder``.
    """,
)
def fig_ida_ladder(job):
    from inference_scaling.pipeline import datasets
    from inference_scaling.publish.figures import data, essay

    return essay.ida_ladder(
        datasets.alphago_elo(job.input.elo),
        datasets.alphago_run(job.input.run),
        data.ledger_value(job.input.ledger, "ida.iterations"),
    )


# --- The curves the essay argues without drawing -------------------------------------------


@figure(
    title="lifetime compute vs deployments",
    keys=("appendix.n_params", "appendix.n_tokens", "appendix.tokens_per_deployment"),
    caption="""
    **Pre-training, deployment and lifetime compute against the number of deployments.**

    For the essay's GPT-4-level example, compute spent on pre-training (flat), on
    deployment (growing with the number of deployments d) and their sum, with the crossover
    d* where the two are equal; one panel with the essay's coefficients (C = ND + dNI) and
    one with the standard ones (C = 6ND + 2dNI).

    No data file: every curve is *derived* from order-of-magnitude assumptions in
    ``config/assumptions.yaml`` ({keys}), not from measurements of any model.

    Drawn by ``inference_scaling.publish.figures.model.lifetime_compute`` with the kernel
    ``inference_scaling.model.lifetime``.
    """,
)
def fig_lifetime_compute(job):
    from inference_scaling.publish.figures import model

    a = job.params.assumptions
    return model.lifetime_compute(
        a["appendix.n_params"], a["appendix.n_tokens"], a["appendix.tokens_per_deployment"]
    )


@figure(
    title="cost of scaling pre-training vs inference",
    keys=(
        "appendix.scale_factor",
        "appendix.param_exponent",
        "appendix.post_training_share",
        "appendix.pre_dominated_share",
        "appendix.deploy_dominated_share",
    ),
    caption="""
    **Lifetime cost of scaling pre-training versus scaling inference.**

    How much the lifetime compute of a model grows when pre-training or inference per task
    is scaled by the same factor, as a function of the share of lifetime compute spent on
    deployment; the curves cross at the break-even share, and the essay's two regimes
    (pre-training-dominated and deployment-dominated) are marked.

    No data file: the curves are *derived* from the assumptions in
    ``config/assumptions.yaml`` ({keys}).

    Drawn by ``inference_scaling.publish.figures.model.cost_multipliers`` with the kernel
    ``inference_scaling.model.lifetime``.
    """,
)
def fig_cost_multipliers(job):
    from inference_scaling.publish.figures import model

    a = job.params.assumptions
    return model.cost_multipliers(
        a["appendix.scale_factor"],
        a["appendix.param_exponent"],
        a["appendix.post_training_share"],
        a["appendix.pre_dominated_share"],
        a["appendix.deploy_dominated_share"],
    )


add(
    Figure(
        name="fig_threshold_equivalence",
        title="inference vs compute thresholds",
        # Drawn by its own script, which also reads the evidence band from the assumptions.
        script="workflow/scripts/plot_threshold_equivalence.py",
        keys=(
            "era.exchange_rate",
            "era.inference_ooms_per_training_oom_min",
            "era.inference_ooms_per_training_oom_max",
            "thresholds.eu_flop",
            "thresholds.us_flop",
            "thresholds.base_model_flop",
            "thresholds.amplified_inference_ooms",
        ),
        # The base models drawn: the example's, one OOM below and one above.
        params={
            "base_models": lambda v: [v["thresholds.base_model_flop"] * f for f in (0.1, 1.0, 10.0)]
        },
        caption="""
        **Pre-training-equivalent compute as inference is scaled up, against the compute
        thresholds.**

        Effective (pre-training-equivalent) compute of base models one order of magnitude
        below, at and above the essay's example, as orders of magnitude of inference are
        added, at the rule-of-thumb exchange rate and across the evidence band; the EU AI Act
        and US Executive Order training-compute thresholds and the essay's worked example
        are marked.

        No data file: the curves are *derived* from the assumptions in
        ``config/assumptions.yaml`` ({keys}); the band reflects published estimates of the
        exchange rate, not a measurement on any model.

        Drawn by ``inference_scaling.publish.figures.model.threshold_equivalence`` with the
        kernel ``inference_scaling.model.thresholds`` (script
        ``workflow/scripts/plot_threshold_equivalence.py``).
        """,
    )
)


@figure(
    title="frontier training-compute growth",
    data={
        "models": "data/epoch_notable_models.csv",
        "earlier": "data/epoch_notable_models_pre2018.csv",
    },
    keys=("era.frontier_top_n", "era.fit_start_year", "era.fit_end_year"),
    results=("growth",),
    caption="""
    **Training compute of notable models and the growth of the frontier.**

    Every notable model with a known training-compute estimate as a point, the models at
    the frontier at their release highlighted, and the fitted exponential trends (all
    domains and language models) with their confidence intervals over the fit window.

    Points come from ``{input.models}`` (and, for the frontier's bookkeeping before the
    window, ``{input.earlier}``): Epoch AI's *Data on Notable AI Models*, values copied as
    printed (*exact*), though Epoch labels many of its own estimates likely or speculative.
    The trend lines are *derived* here by the job ``fit_pretrain_growth``
    (``{input.growth}``); the frontier and the fit window drawn are those of the
    assumptions {keys}.

    Drawn by ``inference_scaling.publish.figures.growth.frontier_growth`` with the kernel
    ``inference_scaling.model.era``.
    """,
)
def fig_frontier_growth(job):
    import json

    from inference_scaling.pipeline import datasets
    from inference_scaling.publish.figures import growth

    a = job.params.assumptions
    with open(job.input.growth, encoding="utf-8") as handle:
        fits = json.load(handle)
    return growth.frontier_growth(
        datasets.notable_models(job.input.models),
        fits,
        int(a["era.frontier_top_n"]),
        a["era.fit_start_year"],
        a["era.fit_end_year"],
    )


@figure(
    title="over-training under heavy deployment",
    data={"fit": "data/chinchilla_fit.csv"},
    caption="""
    **Over-training when deployment is heavy.**

    The model size and tokens per parameter that minimise lifetime compute (training plus
    inference over all deployment tokens) at a fixed loss, the loss of the Chinchilla
    model, as total deployment grows: a smaller model trained on more tokens costs more to
    pre-train but saves compute at every use. One curve per published fit of the loss law.

    The loss-law constants come from ``{input.fit}`` (*exact*): the values printed by
    Hoffmann et al. (2022) and the refit by Besiroglu et al. (2024), plus the size and
    token count of Chinchilla. The curves are *derived* with the standard coefficients
    (6ND for training, 2NI for inference).

    Drawn by ``inference_scaling.publish.figures.model.overtraining`` with the kernel
    ``inference_scaling.model.lifetime``.
    """,
)
def fig_overtraining(job):
    from inference_scaling.model import lifetime
    from inference_scaling.pipeline import datasets
    from inference_scaling.publish.figures import model

    labels = {
        "hoffmann2022": "Hoffmann et al. 2022 fit",
        "besiroglu2024": "Besiroglu et al. 2024 refit",
    }
    fits, chinchilla = datasets.chinchilla_fits(job.input.fit)
    c_pre, c_inf = lifetime.STANDARD_COEFFICIENTS
    return model.overtraining(
        {labels.get(k, k): v for k, v in fits.items()}, chinchilla, c_pre=c_pre, c_inf=c_inf
    )


# --- Uncertainty ----------------------------------------------------------------------------


@figure(
    title="global sensitivity of key claims (Sobol)",
    results=("sensitivity",),
    caption="""
    **Which uncertain inputs move the key claims: global (Sobol) sensitivity.**

    For each key claim of ``config/uncertainty.yaml``, the factors with the largest total
    Sobol index: the dark bar is the first-order index S1 (the share of the claim's
    variance the factor explains alone), the light bar the total index ST (including its
    interactions with the others); whiskers are bootstrap confidence intervals. All
    factors vary at once over their ranges: the assumptions, the jointly drawn lifetime
    shares (one factor), the frontier definition and fit window of the growth rate, the
    fit's sampling error and the declared errors of approximate data (``data:`` factors).

    Computed with SALib by ``inference_scaling.uncertainty.sensitivity``
    (``{input.sensitivity}``) and drawn by
    ``inference_scaling.publish.figures.uncertainty.sobol_chart``. All values are
    *derived*.
    """,
)
def fig_sensitivity(job):
    import json

    from inference_scaling.publish.figures.uncertainty import sobol_chart

    with open(job.input.sensitivity, encoding="utf-8") as handle:
        return sobol_chart(json.load(handle))
