"""The essay's own figures, redrawn from shipped data: o1 on AIME, ARC-AGI, AlphaGo Zero."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FixedLocator, NullLocator

from inference_scaling.publish.figures import style

O1_XLABEL = "compute, log scale\n(unlabelled in source)"
PANEL_TITLES = {"train_time": "train-time compute", "test_time": "test-time compute"}


def o1_aime(panels: dict):
    """Two panels of o1's AIME pass@1 against train-time and test-time compute.

    ``panels`` maps ``train_time``/``test_time`` to ``{"x": steps, "y": pass@1 [%]}`` as
    read by :func:`inference_scaling.pipeline.datasets.o1_aime`. The source's axes carry no numbers;
    the points are placed one step apart, a spacing this figure imposes.
    """
    fig, axes = style.figure(style.TEXT_WIDTH, 2.6, ncols=2, sharey=True)
    for ax, key in zip(axes, ("train_time", "test_time"), strict=True):
        p = panels[key]
        ax.plot(p["x"], p["y"], "o-", color=style.COLORS["pretraining"], lw=1.2, ms=4)
        ax.set_title(f"o1 on AIME vs {PANEL_TITLES[key]}")
        ax.set_xlabel(O1_XLABEL)
        ax.set_xticks(p["x"])
        ax.set_xticklabels([])
        ax.set_ylim(0, 100)
        ax.set_xlim(p["x"].min() - 0.4, p["x"].max() + 0.4)
        style.grid(ax, "y")
        style.note(ax, "digitized; even spacing\nimposed, not read")
    axes[0].set_ylabel("pass@1 accuracy [%]")
    return fig


FAMILY_COLORS = {
    "gpt-4o": style.OKABE_ITO["black"],
    "o1-mini": style.OKABE_ITO["sky"],
    "o1-preview": style.OKABE_ITO["purple"],
    "o1": style.OKABE_ITO["green"],
    "o3-mini": style.OKABE_ITO["orange"],
    "o3": style.OKABE_ITO["vermillion"],
}
EVAL_MARKERS = {"semi_private": "o", "public": "s", "unspecified": "D"}
EVAL_LABELS = {
    "semi_private": "semi-private set",
    "public": "public set",
    "unspecified": "set not stated",
}
#: Label of each ARC point with a cost: (text, offset [pt], horizontal alignment). The o3
#: low-compute label sits beside its semi-private score, the one the paper quotes.
ARC_LABELS = {
    ("o3", "high_compute", "semi_private"): ("o3, high compute", (4, 5), "right"),
    ("o3", "low_compute", "semi_private"): ("o3, low compute", (-7, 0), "right"),
    ("o1-mini", "default", "semi_private"): ("o1-mini", (8, -1), "left"),
    ("o3-mini", "high_effort", "unspecified"): ("o3-mini (high)", (-8, 0), "right"),
    ("gpt-4o", "default", "unspecified"): ("GPT-4o", (7, 0), "left"),
}
#: Rows of the progression that repeat a run already drawn with its cost.
ARC_DUPLICATES = {"o3-preview (low compute)", "o3-preview (high compute)"}


def _arc_label(r) -> str:
    name = {"o1 (high)": "o1, high", "o1 (low)": "o1, low", "o1 pro": "o1 pro"}.get(r["model"])
    if name is None:
        name = "GPT-4o" if r["family"] == "gpt-4o" else r["family"]
        if "December" in r["model"]:
            name += " (chart)"
    return f"{name} {r['score_pct']:g}%"


def arc_agi(results: list[dict], multiplier: str, span=("o1-mini", "o3")):
    """ARC-AGI-1 score against retail cost per task (log x), families coloured.

    ``results`` are rows of :func:`inference_scaling.pipeline.datasets.arc_results`. Rows
    with a cost sit on the cost axis; rows without one (the December chart's o-series, whose
    costs were not published in text) sit in a strip beside it, where the horizontal position means
    nothing. ``multiplier`` is the ledger's ``thresholds.o3_multiplier`` (o3 high compute over
    o1-mini, semi-private set) as the paper prints it, drawn as an arrow between those points.
    """
    fig, (strip, ax) = style.figure(
        style.TEXT_WIDTH, 3.6, ncols=2, sharey=True, gridspec_kw={"width_ratios": [1, 2.2]}
    )
    placed = [r for r in results if r["cost_per_task_usd"] is not None]
    for r in placed:
        filled = r["eval_set"] != "public"
        color = FAMILY_COLORS[r["family"]]
        ax.plot(
            r["cost_per_task_usd"],
            r["score_pct"],
            EVAL_MARKERS[r["eval_set"]],
            color=color,
            mfc=color if filled else "white",
            mew=1.2,
            ms=5 if filled else 9,  # a public-set square rings a semi-private dot it hides
            zorder=3 if filled else 2,
        )
        key = (r["family"], r["setting"], r["eval_set"])
        if key in ARC_LABELS:
            text, offset, ha = ARC_LABELS[key]
            ax.annotate(
                text,
                (r["cost_per_task_usd"], r["score_pct"]),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va="bottom" if offset[1] > 0 else "center",
            )
    start = next(r for r in placed if r["family"] == span[0] and r["eval_set"] == "semi_private")
    end = next(
        r
        for r in placed
        if r["family"] == span[1]
        and r["setting"] == "high_compute"
        and r["eval_set"] == "semi_private"
    )
    ax.annotate(
        "",
        (end["cost_per_task_usd"], end["score_pct"]),
        (start["cost_per_task_usd"], start["score_pct"]),
        arrowprops={
            "arrowstyle": "-|>",
            "color": style.COLORS["note"],
            "lw": 0.8,
            "shrinkA": 7,
            "shrinkB": 7,
            "mutation_scale": 9,
        },
        zorder=1,
    )
    ax.text(
        0.98,
        0.03,
        f"×{multiplier}\nin cost per task,\no1-mini → o3 high,\nsemi-private set",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
    )
    ax.set_xscale("log")
    ax.set_xlim(0.025, 1.2e4)
    ax.set_ylim(0, 100)
    ax.set_xlabel("retail cost per task [US dollars, log scale]:\na proxy for compute, not compute")
    style.grid(ax)
    sets = [s for s in EVAL_MARKERS if any(r["eval_set"] == s for r in placed)]
    handles = [
        ax.plot(
            [],
            [],
            EVAL_MARKERS[s],
            color="#444444",
            mfc="white" if s == "public" else "#444444",
            label=EVAL_LABELS[s],
        )[0]
        for s in sets
    ]
    # the strip's upper half is empty: the key to the markers of both panels goes there
    strip.legend(handles=handles, loc="upper left", handletextpad=0.3)

    # --- the December chart's points that carry no cost ------------------------------
    unplaced = [
        r
        for r in results
        if r["cost_per_task_usd"] is None and r["eval_set"] == "unspecified"
        if r["model"] not in ARC_DUPLICATES
    ]
    unplaced.sort(key=lambda r: r["score_pct"])
    ys = [r["score_pct"] for r in unplaced]
    label_ys = style.spread(ys, gap=8.0, low=3.0, high=97.0)
    for i, (r, y_label) in enumerate(zip(unplaced, label_ys, strict=True)):
        x = 0.0 if i % 2 == 0 else 0.12  # alternate so that close scores do not overlap
        color = FAMILY_COLORS[r["family"]]
        strip.plot(x, r["score_pct"], EVAL_MARKERS["unspecified"], color=color, ms=5)
        strip.annotate(
            _arc_label(r),
            (x, r["score_pct"]),
            xytext=(0.35, y_label),
            textcoords="data",
            va="center",
            arrowprops={
                "arrowstyle": "-",
                "color": "#999999",
                "lw": 0.5,
                "shrinkA": 1,
                "shrinkB": 4,
                "relpos": (0.0, 0.5),  # from the label's left edge, not through it
            },
        )
    strip.set_xlim(-0.15, 2.1)
    strip.xaxis.set_major_locator(NullLocator())
    strip.set_xlabel("no cost\npublished")
    strip.set_ylabel("ARC-AGI-1 score [% of tasks]")
    strip.spines["bottom"].set_visible(False)
    style.grid(strip, "y")
    return fig


def ida_ladder(elo: dict, run: dict, iterations: float, human_band=(3000.0, 3400.0)):
    """AlphaGo Zero as iterated amplification and distillation.

    Left: a *schematic* ladder M0 -> M1 -> ... -> Mmax of distil (network) and amplify
    (network + search) steps, annotated with the run's iterations (the ledger's
    ``ida.iterations``), games per iteration, total games and days. Right: the milestones
    Silver et al. (2017) state, on a time axis: the 20-block run passed AlphaGo Lee after
    ``surpass_lee_hours`` and beat it 100-0 after ``beat_lee_100_0_hours``; the 40-block run
    reached its plateau after ``training_days`` with the final Elo ratings with and without
    search. AlphaGo Fan/Lee/Master are reference levels and ``human_band`` the essay's "low
    3,000s" for the best humans (the essay's words, not a published rating).
    """
    fig, (lad, ax) = style.figure(
        style.TEXT_WIDTH, 3.4, ncols=2, gridspec_kw={"width_ratios": [1, 1.3]}
    )
    _ladder(lad, run, iterations)
    _milestones(ax, elo, run, human_band)
    return fig


def _ladder(lad, run: dict, iterations: float) -> None:
    steps = ["M$_0$", "M$_1$", "M$_2$", "…", "M$_{\\max}$"]
    xs = np.arange(len(steps), dtype=float)
    lifts = np.array([0.8, 0.72, 0.64, 0.56, 0.5])
    base = np.concatenate([[0.0], np.cumsum(0.85 * lifts[:-1])])
    net, search = style.COLORS["pretraining"], style.COLORS["inference"]
    for i, x in enumerate(xs):
        ls = ":" if steps[i] == "…" else "-"
        lad.plot([x - 0.25, x + 0.25], [base[i]] * 2, color=net, lw=2.2, ls=ls)
        lad.plot([x - 0.25, x + 0.25], [base[i] + lifts[i]] * 2, color=search, lw=2.2, ls=ls)
        lad.annotate(
            "",
            (x, base[i] + lifts[i] - 0.03),
            (x, base[i] + 0.03),
            arrowprops={"arrowstyle": "-|>", "color": search, "lw": 0.9, "shrinkA": 0},
        )
        lad.text(x + 0.3, base[i], steps[i], ha="left", va="center")
        if i + 1 < len(xs):
            lad.annotate(
                "",
                (xs[i + 1] - 0.27, base[i + 1]),
                (x + 0.27, base[i] + lifts[i]),
                arrowprops={"arrowstyle": "-|>", "color": net, "lw": 0.9, "ls": "--"},
            )
    games = run["games_per_iteration"]
    total = run["total_selfplay_games"]
    # Inset from the left spine, which the text would otherwise run over. The count of
    # iterations is the essay's hedged one ("presumably"): the run was asynchronous.
    lad.text(
        0.04,
        0.99,
        f"presumably {style.format_count(iterations)} iterations\n"
        f"× {style.format_count(games)} games ≈ {total / 1e6:.0f} million\n"
        f"self-play games, about {run['training_days']:.0f} days",
        transform=lad.transAxes,
        va="top",
    )
    lad.plot([], [], color=search, lw=2.2, label="amplify: network + search")
    lad.plot([], [], color=net, lw=2.2, ls="--", label="distil: train the network")
    # Short handles and little padding: the legend's box ends a few points short of the
    # right panel's axis label, whatever the layout engine's last pass settled on.
    lad.legend(
        loc="upper left",
        bbox_to_anchor=(0.01, 0.78),
        handlelength=1.2,
        handletextpad=0.5,
        borderpad=0.2,
    )
    lad.set_xlim(-0.4, len(steps) - 0.1)
    lad.set_ylim(-0.3, 5.9)
    lad.set_xticks([])
    lad.set_yticks([])
    lad.spines["bottom"].set_visible(False)
    lad.set_ylabel("playing strength (schematic, no scale)")
    lad.set_title("amplify and distil, iterated", loc="left")


def _milestones(ax, elo: dict, run: dict, human_band) -> None:
    lee = elo["AlphaGo Lee"]
    full, raw = elo["AlphaGo Zero (40 blocks)"], elo["AlphaGo Zero raw network (no search)"]
    plateau_h = run["training_days"] * 24.0
    # the essay's human level, as a bar in the right margin beside its label
    ax.plot([1.01, 1.01], human_band, color=style.COLORS["muted"], lw=4, clip_on=False,
            transform=ax.get_yaxis_transform(), solid_capstyle="butt")  # fmt: skip
    refs = {name: elo[name] for name in ("AlphaGo Fan", "AlphaGo Lee", "AlphaGo Master")}
    for value in refs.values():
        ax.axhline(value, color=style.COLORS["reference"], lw=0.7, ls="--", zorder=1)
    lo, hi = 2650.0, 5450.0
    labels = {f"{n.replace('AlphaGo ', '')} {v:,.0f}": v for n, v in refs.items()}
    labels["best humans,\n\u2018low 3,000s\u2019"] = human_band[1] + 40
    for text, y_text in zip(
        labels, style.spread(list(labels.values()), 330.0, lo, hi), strict=True
    ):
        ax.text(1.03, y_text, text, transform=ax.get_yaxis_transform(), va="center")
    tri = {"color": style.COLORS["pretraining"], "ms": 7, "zorder": 4}
    ax.plot([run["surpass_lee_hours"], run["beat_lee_100_0_hours"]], [lee, lee], "^", ls="none",
            **tri)  # fmt: skip
    ax.annotate(
        "20 blocks: passes Lee",
        (run["surpass_lee_hours"], lee),
        xytext=(-4, -7),
        textcoords="offset points",
        ha="left",
        va="top",
    )
    ax.annotate(
        f"beats Lee {run['lee_match_wins']:.0f}\u2013{run['lee_match_losses']:.0f}",
        (run["beat_lee_100_0_hours"], lee),
        xytext=(-4, 7),
        textcoords="offset points",
        ha="left",
        va="bottom",
    )
    c = style.COLORS["inference"]
    ax.plot([plateau_h], [full], "o", color=c, ms=6, zorder=4)
    ax.plot([plateau_h], [raw], "o", color=c, mfc="white", mew=1.2, ms=6, zorder=4)
    ax.annotate(
        "",
        (plateau_h, full),
        (plateau_h, raw),
        arrowprops={"arrowstyle": "-|>", "color": c, "lw": 0.9, "shrinkA": 5, "shrinkB": 5},
    )
    ax.annotate(f"40 blocks, search {full:,.0f}", (plateau_h, full), xytext=(-7, 0),
                textcoords="offset points", ha="right", va="center")  # fmt: skip
    ax.annotate(f"network alone {raw:,.0f}", (plateau_h, raw), xytext=(-7, -4),
                textcoords="offset points", ha="right", va="top")  # fmt: skip
    ax.text(plateau_h / 1.12, 4420, f"+{full - raw:,.0f}\nfrom\nsearch", ha="right", va="center",
            color=c)  # fmt: skip
    ax.set_xscale("log")
    ax.set_xlim(20, plateau_h * 1.4)
    ticks = [run["surpass_lee_hours"], run["beat_lee_100_0_hours"], plateau_h]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{t:.0f} h" for t in ticks[:2]] + [f"{ticks[2] / 24:.0f} days"])
    ax.set_ylim(lo, hi)
    ax.set_xlabel("training time (log scale)")
    ax.set_ylabel("Elo rating")
    ax.set_title(
        "published milestones (full curves:\nSilver et al. 2017, Figs. 3a and 6)", loc="left"
    )
