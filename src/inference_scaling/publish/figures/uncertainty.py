"""Global sensitivity chart: Sobol first-order and total indices of the key claims."""

from __future__ import annotations

import re

import numpy as np

from inference_scaling.publish.figures import style

#: [in] height of one factor's bar, of a panel's title and of the axis and legend
ROW_HEIGHT = 0.22
TITLE_HEIGHT = 0.32
FRAME_HEIGHT = 0.95


def claim_labels() -> dict[str, str]:
    """Claim id -> plain-language label, from the package's claim catalogue."""
    from inference_scaling.ledger.claims import load_catalogue

    return {c["id"]: c["label"] for c in load_catalogue()}


def sobol_chart(result: dict, top: int | None = None, floor: float | None = None, labels=None):
    """One panel per analysed claim, titled by its label: for the ``top`` factors by total
    index (those with ``S_T < floor`` left out), a light bar of the total index ``S_T`` and,
    inside it, a dark bar of the first-order index ``S_1`` (negative estimates, which are
    sampling noise, drawn as zero), each with its bootstrap interval. Drawn at the text
    width it prints at; ``result`` is ``sensitivity.json``."""
    from inference_scaling.publish.uncertainty_pages import (
        SOBOL_FLOOR,
        SOBOL_TOP,
        factor_name,
        ranked_factors,
    )

    top = SOBOL_TOP if top is None else top
    floor = SOBOL_FLOOR if floor is None else floor
    labels = claim_labels() if labels is None else labels
    panels = [
        (labels.get(cid, cid), ranked_factors(entry, top, floor)[::-1])
        for cid, entry in result["claims"].items()
    ]
    rows = [max(len(ranked), 1) for _, ranked in panels]
    height = FRAME_HEIGHT + sum(ROW_HEIGHT * n + TITLE_HEIGHT for n in rows)
    fig, axes = style.figure(
        style.TEXT_WIDTH,
        round(height, 2),
        nrows=len(panels),
        sharex=True,
        gridspec_kw={"height_ratios": [n + TITLE_HEIGHT / ROW_HEIGHT for n in rows]},
    )
    axes = np.atleast_1d(axes)
    colour = style.COLORS["pretraining"]
    for ax, (title, ranked) in zip(axes, panels, strict=True):
        y = np.arange(len(ranked))
        total = [v["ST"] for _, v in ranked]
        first = [max(v["S1"], 0.0) for _, v in ranked]
        ax.barh(y, total, height=0.78, color=style.OKABE_ITO["sky"], label="total index $S_T$")
        ax.barh(y, first, height=0.38, color=colour, label="first-order index $S_1$")
        error = {"lw": 0.8, "capsize": 2.0, "ecolor": style.COLORS["total"], "ls": "none"}
        ax.errorbar(total, y + 0.2, xerr=[v["ST_conf"] for _, v in ranked], **error)
        ax.errorbar(first, y - 0.2, xerr=[v["S1_conf"] for _, v in ranked], **error)
        ax.set_yticks(y, [factor_name(f) for f, _ in ranked])
        ax.set_ylim(-0.6, max(len(ranked), 1) - 0.4)
        ax.tick_params(axis="y", length=0)
        # a blank title reserves the line; the label itself starts at the figure's left edge
        ax.set_title(" ", loc="left")
        ax.annotate(
            re.sub(r"10\^\{?(-?\d+)\}?", r"$10^{\1}$", title),
            xy=(0.0, 1.0),
            xycoords=("figure fraction", "axes fraction"),
            xytext=(0, 4),
            textcoords="offset points",
            va="bottom",
            fontweight="bold",
        )
        style.grid(ax, "x")
        if not ranked:
            style.note(ax, "no input varies it", loc="lower left")
    axes[-1].set_xlim(0, 1.1)
    axes[-1].set_xticks(np.linspace(0, 1, 6))
    axes[-1].set_xlabel("Sobol index: share of the claim's variance")
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="outside lower center", ncols=2)
    return fig
