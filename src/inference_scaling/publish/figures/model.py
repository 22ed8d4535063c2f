"""Figures the essay argues but never draws: lifetime compute, cost multipliers, threshold
equivalence and over-training. Every curve comes from a kernel of the package."""

from __future__ import annotations

import numpy as np

from inference_scaling.model import lifetime, thresholds
from inference_scaling.publish.figures import style

_pow10 = style.pow10


def lifetime_compute(
    n_params, n_tokens, tokens_per_deployment, conventions=None, d_range=(1e6, 1e15)
):
    """Pre-training, deployment and total compute against deployments ``d`` (log-log).

    One panel per coefficient convention (``{label: (c_pre, c_inf)}``; default the essay's
    (1, 1) and the standard (6, 2)), the crossover ``d*`` marked.
    """
    if conventions is None:
        conventions = {
            "essay: $C = ND + dNI$": lifetime.ESSAY_COEFFICIENTS,
            "standard: $C = 6ND + 2dNI$": lifetime.STANDARD_COEFFICIENTS,
        }
    fig, axes = style.figure(style.TEXT_WIDTH, 3.0, ncols=len(conventions), sharey=True)
    d = np.logspace(np.log10(d_range[0]), np.log10(d_range[1]), 200)
    for ax, (label, (c_pre, c_inf)) in zip(np.atleast_1d(axes), conventions.items(), strict=True):
        pre = lifetime.pretraining_compute(n_params, n_tokens, c_pre) * np.ones_like(d)
        dep = lifetime.deployment_compute(n_params, d, tokens_per_deployment, c_inf)
        tot = lifetime.lifetime_compute(
            n_params, n_tokens, d, tokens_per_deployment, 0.0, c_pre, c_inf
        )
        d_star = float(
            lifetime.crossover_deployments(n_tokens, tokens_per_deployment, c_pre, c_inf)
        )
        # the total is a wide grey band under its two parts, so it shows where they coincide
        ax.loglog(d, tot, color="#AAAAAA", lw=5, solid_capstyle="butt", label="lifetime total")
        ax.loglog(d, pre, color=style.COLORS["pretraining"], ls="--", label="pre-training")
        ax.loglog(d, dep, color=style.COLORS["deployment"], ls="-.", label="deployment")
        floor = min(dep[0], pre[0]) / 10
        # d* drawn from the axis up to the crossover only, clear of the legend and notes
        ax.plot([d_star, d_star], [floor, pre[0]], color=style.COLORS["reference"], lw=0.7, ls=":")
        ax.plot([d_star], [pre[0]], "o", color=style.COLORS["total"], ms=4, zorder=4)
        ax.set_ylim(floor, max(tot[-1], pre[0]) * 10)
        ax.annotate(
            f"$d^* =$ {_pow10(d_star)}",
            (d_star, pre[0]),
            xytext=(5, -12),
            textcoords="offset points",
            ha="left",
            va="top",
        )
        ax.set_title(label)
        ax.set_xlabel("deployments $d$ (answers served)")
        style.grid(ax)
    axes = np.atleast_1d(axes)
    axes[0].set_ylabel("compute [FLOP]")
    axes[0].legend(loc="upper left")
    style.note(
        axes[-1],
        f"$N$ = {_pow10(n_params)} parameters\n$D$ = {_pow10(n_tokens)} tokens\n"
        f"$I$ = {_pow10(tokens_per_deployment)} tokens\n      per deployment",
        loc="upper left",
    )
    return fig


def cost_multipliers(scale_factor, param_exponent, post_share, pre_dominated, deploy_dominated):
    """Lifetime-cost multiplier of scaling pre-training vs inference by ``scale_factor``,
    against the deployment share of lifetime compute, with the break-even share and the
    essay's two limiting regimes (deployment shares ``pre_dominated``/``deploy_dominated``)."""
    fig, ax = style.figure(style.NARROW_WIDTH, 3.2)
    s = np.linspace(0.0, 1.0 - post_share, 201)
    k = scale_factor
    m_pre = lifetime.pretraining_cost_multiplier(k, s, param_exponent, post_share)
    m_inf = lifetime.inference_cost_multiplier(k, s, post_share)
    s_star = float(lifetime.breakeven_deployment_share(k, param_exponent, post_share))
    m_star = float(lifetime.inference_cost_multiplier(k, s_star, post_share))
    ax.plot(s, m_pre, color=style.COLORS["pretraining"], label=f"{k:g}× pre-training")
    ax.plot(s, m_inf, color=style.COLORS["inference"], ls="--", label=f"{k:g}× inference")
    # s* drawn from the axis up to the crossing only, and the key sits above the axes
    ax.plot([s_star, s_star], [0, m_star], color=style.COLORS["reference"], lw=0.7, ls=":")
    ax.plot([s_star], [m_star], "o", color="black", ms=4, zorder=4)
    ax.annotate(
        f"break-even\n$s^* = {s_star:.3f}$",
        (s_star, 0.3),
        xytext=(5, 0),
        textcoords="offset points",
        ha="left",
        va="bottom",
    )
    for share, name, side in (
        (pre_dominated, "pre-training\ndominated", "left"),
        (deploy_dominated, "deployment\ndominated", "right"),
    ):
        mp = float(lifetime.pretraining_cost_multiplier(k, share, param_exponent, post_share))
        mi = float(lifetime.inference_cost_multiplier(k, share, post_share))
        ax.plot([share, share], [mp, mi], "o", color="black", ms=3, ls="none", zorder=4)
        outward = "right" if side == "left" else "left"  # labels beyond the curves' ends
        ax.text(share, k * 1.13, name, ha=side, va="center", style="italic")
        for m in (mp, mi):
            ax.annotate(
                f"{m:.2f}×",
                (share, m),
                xytext=(-5 if side == "left" else 5, 0),
                textcoords="offset points",
                ha=outward,
                va="center",
            )
    ax.set_xlim(-0.2, 1.2)
    ax.set_xticks(np.linspace(0, 1, 6))
    ax.set_ylim(0, k * 1.25)
    ax.set_xlabel("deployment share of lifetime compute $s$")
    ax.set_ylabel("lifetime compute multiplier [×]")
    ax.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=2,
        title=f"model parameters $\\propto C^{{{param_exponent:g}}}$",
    )
    style.grid(ax)
    return fig


def threshold_equivalence(
    base_models,
    exchange_rate,
    exchange_band,
    eu_flop,
    us_flop,
    example_base,
    example_ooms,
    max_ooms=5.0,
):
    """Pre-training-equivalent compute against OOMs of extra inference, for several base
    models; the plausible exchange-rate band shaded, the central rate drawn, the EU and US
    thresholds and the essay's example (``example_base`` + ``example_ooms``) marked."""
    fig, ax = style.figure(style.NARROW_WIDTH, 3.9)
    ooms = np.linspace(0.0, max_ooms, 121)
    # distinct hues, no two blues; only the example's model gets the band, in an opaque tint
    colors = [style.OKABE_ITO[c] for c in ("green", "blue", "purple", "orange")]
    lo, hi = exchange_band
    for base, color in zip(base_models, colors, strict=False):
        mid = thresholds.effective_compute(base, 10.0**ooms, exchange_rate)
        if base == example_base:
            low = thresholds.effective_compute(base, 10.0**ooms, lo)
            high = thresholds.effective_compute(base, 10.0**ooms, hi)
            ax.fill_between(ooms, low, high, color="#D6E6F2", lw=0, zorder=0, label=(
                f"exchange rate {lo:g}–{hi:g}"))  # fmt: skip
        ax.semilogy(ooms, mid, color=color, label=f"pre-trained on {_pow10(base)} FLOP")
    y_top = 10 ** (np.log10(max(base_models)) + hi * max_ooms + 0.3)
    for flop, name in ((eu_flop, "EU AI Act"), (us_flop, "US EO 14110")):
        ax.axhline(flop, color="black", lw=0.7, ls="--")
        # threshold names in the right margin, clear of the curves and the band
        ax.text(1.02, flop, f"{name}\n{_pow10(flop)} FLOP", transform=ax.get_yaxis_transform(),
                va="center")  # fmt: skip
    example = float(thresholds.effective_compute(example_base, 10.0**example_ooms, exchange_rate))
    ax.plot(
        [example_ooms],
        [example],
        "*",
        color=style.COLORS["highlight"],
        ms=11,
        mec="black",
        mew=0.5,
        zorder=5,
    )
    ax.annotate(
        f"essay's example:\n{_pow10(example_base)} + {example_ooms:g} OOM\n"
        f"≈ $10^{{{np.log10(example):.1f}}}$ FLOP",
        (example_ooms, example),
        xytext=(0.25, y_top / 30),
        textcoords="data",
        ha="left",
        va="center",
        arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 0.7, "shrinkB": 6,
                    "relpos": (1.0, 0.5)},
    )  # fmt: skip
    ax.set_xlim(0, max_ooms)
    ax.set_ylim(min(base_models) / 2, y_top)
    ax.set_xlabel("extra inference [OOM = log$_{10}$ multiplier]")
    ax.set_ylabel("pre-training-equivalent compute [FLOP]")
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i].startswith("exchange"))
    ax.legend(
        [handles[i] for i in order],
        [labels[i] for i in order],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
        ncols=2,
        handlelength=1.5,
    )
    style.grid(ax)
    return fig


def overtraining(fits: dict, reference_model: dict, c_pre=6.0, c_inf=2.0, t_range=(1e9, 1e16)):
    """Lifetime-compute-optimal parameters and tokens per parameter against total deployment
    tokens, at the loss each fit assigns to the reference (Chinchilla) model.

    ``fits`` maps a label to the constants ``{E, A, B, alpha, beta}``; ``reference_model``
    holds ``n_params`` and ``n_tokens``.
    """
    fig, (ax_n, ax_r) = style.figure(style.TEXT_WIDTH, 3.9, ncols=2)
    t = np.logspace(np.log10(t_range[0]), np.log10(t_range[1]), 120)
    styles = ["-", "--", "-.", ":"]
    colors = [style.COLORS["pretraining"], style.COLORS["deployment"], style.OKABE_ITO["green"]]
    for (label, c), ls, color in zip(fits.items(), styles, colors, strict=False):
        target = float(
            lifetime.chinchilla_loss(reference_model["n_params"], reference_model["n_tokens"], **c)
        )
        n, d = lifetime.lifetime_optimal_allocation(target, t, c_pre=c_pre, c_inf=c_inf, **c)
        n0, d0 = lifetime.lifetime_optimal_allocation(target, 0.0, c_pre=c_pre, c_inf=c_inf, **c)
        name = f"{label}: loss {target:.3f}"
        ax_n.loglog(t, n, ls=ls, color=color, label=name)
        ax_r.loglog(t, d / n, ls=ls, color=color, label=name)
        ax_r.plot(t[0], float(d0 / n0), "<", color=color, ms=5, clip_on=False)
        ax_n.plot(t[0], float(n0), "<", color=color, ms=5, clip_on=False)
    ax_n.set_ylabel("optimal parameters $N$")
    ax_r.set_ylabel("tokens per parameter $D/N$")
    for ax in (ax_n, ax_r):
        ax.set_xlabel("lifetime inference tokens $T$")
        ax.set_xlim(t_range[0] / 2, t_range[1])
        style.grid(ax)
    ax_n.set_title("smaller models as deployment grows")
    ax_r.set_title("more tokens per parameter")
    fig.legend(
        *ax_n.get_legend_handles_labels(),
        loc="outside lower center",
        ncols=1,
        title=f"minimum of ${c_pre:g}ND + {c_inf:g}NT$ at the loss each fit gives Chinchilla\n"
        f"({reference_model['n_params'] / 1e9:.0f}B parameters, "
        f"{reference_model['n_tokens'] / 1e12:.1f}T tokens); ◀ compute-optimal, $T$ = 0",
    )
    return fig
