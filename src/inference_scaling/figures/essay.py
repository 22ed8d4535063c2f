"""The essay's own figures, redrawn from shipped data: o1 on AIME, ARC-AGI, the IDA ladder."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch

from . import style

O1_XLABEL = "relative compute (log scale, unlabelled in source)"
PANEL_TITLES = {"train_time": "train-time compute", "test_time": "test-time compute"}


def o1_aime(panels: dict) -> object:
    """Two panels of o1's AIME pass@1 against train-time and test-time compute.

    ``panels`` maps ``train_time``/``test_time`` to ``{"x": steps, "y": pass@1 [%]}`` as
    read by :func:`inference_scaling.datasets.o1_aime`.
    """
    fig, axes = style.figure(style.FULL_WIDTH, 2.3, ncols=2, sharey=True)
    for ax, key in zip(axes, ("train_time", "test_time"), strict=True):
        p = panels[key]
        ax.plot(p["x"], p["y"], "o-", color=style.COLORS["pretraining"], lw=1.0)
        ax.set_title(f"o1 on AIME 2024 vs {PANEL_TITLES[key]}")
        ax.set_xlabel(O1_XLABEL)
        ax.set_xticks(p["x"])
        ax.set_xticklabels([])
        ax.set_ylim(0, 100)
        ax.set_xlim(p["x"].min() - 0.4, p["x"].max() + 0.4)
        ax.grid(axis="y", lw=0.3, color="#DDDDDD")
        style.note(ax, "digitized from OpenAI (2024) charts; approximate")
    axes[0].set_ylabel("pass@1 accuracy [%]")
    return fig


FAMILY_COLORS = {
    "gpt-4o": style.OKABE_ITO["black"],
    "o1-mini": style.OKABE_ITO["sky"],
    "o1-preview": style.OKABE_ITO["blue"],
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


def arc_agi(results: list[dict], multiplier: float, span=("o1-mini", "o3")) -> object:
    """ARC-AGI-1 score against cost per task (log x), families coloured.

    ``results`` are rows of :func:`inference_scaling.datasets.arc_results`; rows without a
    cost cannot be placed and are left out. ``multiplier`` is the ledger's
    ``thresholds.o3_multiplier`` (o3 high compute over o1-mini, semi-private set), drawn as an
    arrow between those two points.
    """
    fig, ax = style.figure(style.COLUMN_WIDTH, 2.6)
    placed = [r for r in results if r["cost_per_task_usd"] is not None]
    families_seen, sets_seen = [], []
    for r in placed:
        filled = r["eval_set"] == "semi_private"
        color = FAMILY_COLORS[r["family"]]
        ax.plot(
            r["cost_per_task_usd"],
            r["score_pct"],
            EVAL_MARKERS[r["eval_set"]],
            color=color,
            mfc=color if filled else "white",
            mew=1.0,
            ms=5,
            zorder=3,
        )
        if r["family"] not in families_seen:
            families_seen.append(r["family"])
        if r["eval_set"] not in sets_seen:
            sets_seen.append(r["eval_set"])
    start = next(r for r in placed if r["family"] == span[0] and r["eval_set"] == "semi_private")
    end = next(
        r
        for r in placed
        if r["family"] == span[1]
        and r["setting"] == "high_compute"
        and r["eval_set"] == "semi_private"
    )
    arrow = FancyArrowPatch(
        (start["cost_per_task_usd"], start["score_pct"] + 4),
        (end["cost_per_task_usd"] * 0.8, end["score_pct"] + 1),
        connectionstyle="arc3,rad=-0.25",
        arrowstyle="-|>",
        mutation_scale=8,
        lw=0.8,
        color="#444444",
        zorder=4,
    )
    ax.add_patch(arrow)
    ax.text(
        60,
        46,
        f"×{style.format_count(multiplier)}\ncost per task\no1-mini → o3 (high)\nsemi-private set",
        ha="center",
        va="center",
        fontsize=6.5,
    )
    for r in placed:
        if r["family"] == "o3" and r["eval_set"] == "semi_private":
            label = "o3 high compute" if r["setting"] == "high_compute" else "o3 low compute"
            ax.annotate(
                label,
                (r["cost_per_task_usd"], r["score_pct"]),
                xytext=(0, -9),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=5.5,
            )
    ax.set_xscale("log")
    ax.set_xlim(0.02, 2e4)
    ax.set_ylim(0, 100)
    ax.set_xlabel("cost per task [USD, log scale]")
    ax.set_ylabel("ARC-AGI-1 score [% of tasks]")
    ax.grid(lw=0.3, color="#EEEEEE")
    family_handles = [
        ax.plot([], [], "o", color=FAMILY_COLORS[f], label=f)[0] for f in families_seen
    ]
    set_handles = [
        ax.plot(
            [],
            [],
            EVAL_MARKERS[s],
            color="#444444",
            mfc="#444444" if s == "semi_private" else "white",
            label=EVAL_LABELS[s],
        )[0]
        for s in sets_seen
    ]
    leg = ax.legend(
        handles=family_handles,
        loc="upper left",
        fontsize=6,
        handletextpad=0.2,
        borderaxespad=0.2,
        bbox_to_anchor=(0.0, 0.72),
    )
    ax.add_artist(leg)
    ax.legend(handles=set_handles, loc="lower right", fontsize=6, handletextpad=0.2)
    return fig


def ida_ladder(elo: dict, run: dict, iterations: float, human_band=(3000.0, 3400.0)) -> object:
    """AlphaGo Zero as iterated amplification and distillation.

    Left: a *schematic* ladder M0 -> M1 -> ... -> Mmax of distil (network) and amplify
    (network + search) steps, annotated with the run's iterations (the ledger's
    ``ida.iterations``), games per iteration, total games and days. Right: the published Elo
    ratings of the final network without and with search, against AlphaGo Fan/Lee/Master and
    a band for the best humans ("low 3,000s", the essay's wording, not a published rating).
    """
    fig, (lad, bar) = style.figure(
        style.FULL_WIDTH, 2.7, ncols=2, gridspec_kw={"width_ratios": [1.25, 1]}
    )
    # --- schematic ladder -------------------------------------------------------------
    steps = ["M$_0$", "M$_1$", "M$_2$", "…", "M$_{\\max}$"]
    xs = np.arange(len(steps), dtype=float)
    lifts = np.array([0.8, 0.72, 0.64, 0.56, 0.5])
    base = np.concatenate([[0.0], np.cumsum(0.85 * lifts[:-1])])
    for i, x in enumerate(xs):
        ls = ":" if steps[i] == "…" else "-"
        lad.plot(
            [x - 0.22, x + 0.22], [base[i]] * 2, color=style.COLORS["pretraining"], lw=2, ls=ls
        )
        lad.plot(
            [x - 0.22, x + 0.22],
            [base[i] + lifts[i]] * 2,
            color=style.COLORS["inference"],
            lw=2,
            ls=ls,
        )
        lad.annotate(
            "",
            (x, base[i] + lifts[i]),
            (x, base[i]),
            arrowprops={"arrowstyle": "-|>", "color": style.COLORS["inference"], "lw": 0.8},
        )
        lad.text(x, base[i] - 0.18, steps[i], ha="center", va="top", fontsize=7.5)
        if i + 1 < len(xs):
            lad.annotate(
                "",
                (xs[i + 1] - 0.24, base[i + 1] + 0.03),
                (x + 0.24, base[i] + lifts[i] - 0.03),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": style.COLORS["pretraining"],
                    "lw": 0.8,
                    "ls": "--",
                },
            )
    lad.text(
        -0.28,
        base[0] + lifts[0] / 2,
        "amplify\n(search)",
        fontsize=6,
        color=style.COLORS["inference"],
        ha="right",
        va="center",
    )
    lad.text(
        0.5,
        base[0] + lifts[0] + 0.12,
        "distil (train)",
        fontsize=6,
        color=style.COLORS["pretraining"],
        ha="center",
        va="bottom",
    )
    games = run["games_per_iteration"]
    total = run["total_selfplay_games"]
    lad.text(
        0.02,
        0.98,
        f"{style.format_count(iterations)} iterations × {style.format_count(games)} games"
        f" ≈ {total / 1e6:.0f}M self-play games\nin about {run['training_days']:.0f} days"
        " (40-block run)",
        transform=lad.transAxes,
        va="top",
        fontsize=6.5,
    )
    lad.text(
        0.98,
        0.02,
        "SCHEMATIC: step heights illustrative;\nno Elo-over-time curve was published",
        transform=lad.transAxes,
        ha="right",
        va="bottom",
        fontsize=6,
        color="#B00000",
    )
    lad.set_xlim(-1.0, len(steps) - 0.5)
    lad.set_ylim(-0.6, 4.6)
    lad.set_xticks([])
    lad.set_yticks([])
    lad.set_ylabel("playing strength (schematic, no scale)")
    lad.set_title("amplify and distil, iterated")
    lad.plot([], [], color=style.COLORS["pretraining"], lw=2, label="network alone")
    lad.plot([], [], color=style.COLORS["inference"], lw=2, label="network + search")
    lad.legend(loc="center left", bbox_to_anchor=(0.0, 0.72), fontsize=6)
    # --- published ratings -----------------------------------------------------------
    raw = elo["AlphaGo Zero raw network (no search)"]
    full = elo["AlphaGo Zero (40 blocks)"]
    bar.axhspan(*human_band, color=style.COLORS["band"], hatch="///", ec="#AAAAAA", lw=0)
    bar.text(
        0.6,
        sum(human_band) / 2,
        "best humans:\n'low 3,000s'\n(essay's words;\nband illustrative)",
        ha="center",
        fontsize=5,
        va="center",
        color="#333333",
        zorder=3,
        bbox={"fc": "white", "ec": "none", "pad": 0.6, "alpha": 0.85},
    )
    for name in ("AlphaGo Fan", "AlphaGo Lee", "AlphaGo Master"):
        bar.axhline(elo[name], color=style.COLORS["reference"], lw=0.7, ls="--", zorder=1)
        bar.text(
            1.02,
            elo[name],
            f"{name.replace('AlphaGo ', 'AlphaGo ')} {elo[name]:,.0f}",
            transform=bar.get_yaxis_transform(),
            fontsize=6,
            va="center",
            color="#444444",
        )
    bar.bar(
        [0, 1.2],
        [raw, full],
        width=0.5,
        zorder=2,
        color=[style.COLORS["pretraining"], style.COLORS["inference"]],
    )
    for x, v in ((0, raw), (1.2, full)):
        bar.text(x, v + 60, f"{v:,.0f}", ha="center", va="bottom", fontsize=7)
    bar.annotate(
        "",
        (1.55, full),
        (1.55, raw),
        arrowprops={
            "arrowstyle": "<|-|>",
            "color": "#444444",
            "lw": 0.7,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )
    bar.text(
        1.2,
        (raw + full) / 2,
        f"+{full - raw:,.0f} Elo\nfrom search",
        fontsize=6,
        ha="center",
        va="center",
        color="white",
        zorder=3,
    )
    bar.set_xticks([0, 1.2], ["M$_{\\max}$\nnetwork alone", "M$_{\\max}$\n+ search"])
    bar.set_xlim(-0.4, 1.65)
    bar.set_ylim(0, 5800)
    bar.set_ylabel("Elo rating")
    bar.set_title("AlphaGo Zero, final (40 blocks)")
    return fig
