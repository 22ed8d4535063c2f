"""Frontier pre-training compute 2018-2024 with the ledger's fitted trends."""

from __future__ import annotations

import numpy as np

from inference_scaling.model import era
from inference_scaling.publish.figures import style

FIT_LABELS = {"all": "all-domain frontier", "language": "language-model frontier"}


def frontier_growth(models: dict, growth: dict, top_n: int, start_year: float, end_year: float):
    """Notable models as points, the all-domain top-``top_n`` frontier highlighted, and the
    fitted trends of ``growth`` (the content of ``pretrain_growth.json``) over their window.

    ``models`` is :func:`inference_scaling.pipeline.datasets.notable_models`. The legend quotes each
    fit's growth per year and its confidence interval, as the ledger does.
    """
    fig, ax = style.figure(style.TEXT_WIDTH, 4.2)
    years = era.decimal_year(models["date"])
    frontier = era.frontier_mask(models["date"], models["flop"], top_n)
    lang_frontier = np.zeros_like(frontier)
    lang = models["language"]
    lang_frontier[lang] = era.frontier_mask(models["date"][lang], models["flop"][lang], top_n)
    # Three marker types only: grey for every notable model, a filled blue dot for the
    # all-domain frontier, an open vermillion triangle around each member of the
    # language-model frontier (on top of the blue dot where a model is in both).
    ax.semilogy(
        years[~frontier],
        models["flop"][~frontier],
        "o",
        ms=2.5,
        color=style.COLORS["muted"],
        mec="none",
        label="notable model",
    )
    ax.semilogy(
        years[frontier],
        models["flop"][frontier],
        "o",
        ms=3.5,
        color=style.OKABE_ITO["blue"],
        mec="none",
        label=f"all-domain frontier (top {top_n})",
    )
    ax.semilogy(
        years[lang_frontier],
        models["flop"][lang_frontier],
        "^",
        ms=6,
        mfc="none",
        mew=0.9,
        color=style.OKABE_ITO["vermillion"],
        label=f"language-model frontier (top {top_n})",
    )
    x = np.linspace(start_year, end_year, 50)
    for key, color, ls in (
        ("all", style.OKABE_ITO["blue"], "-"),
        ("language", style.OKABE_ITO["vermillion"], "--"),
    ):
        fit = growth["fits"][key]
        y = 10.0 ** (fit["intercept"] + fit["slope"] * x)
        ax.semilogy(
            x,
            y,
            ls=ls,
            color=color,
            lw=1.4,
            label=f"{FIT_LABELS[key]} fit: {fit['growth']:.1f}×/yr\n"
            f"({fit['confidence']:.0%} CI {fit['growth_low']:.1f}–"
            f"{fit['growth_high']:.1f}, n = {fit['n']})",
        )
    # the fit window as a bracket along the top, not a shaded band under the data
    ax.annotate(
        "",
        (end_year, 0.97),
        (start_year, 0.97),
        xycoords=ax.get_xaxis_transform(),
        arrowprops={"arrowstyle": "|-|", "color": style.COLORS["note"], "lw": 0.8,
                    "mutation_scale": 3, "shrinkA": 0, "shrinkB": 0},
    )  # fmt: skip
    ax.text(
        start_year - 0.05,
        0.97,
        "fit window",
        transform=ax.get_xaxis_transform(),
        ha="right",
        va="center",
        color=style.COLORS["note"],
    )
    ax.set_xlim(2018, 2025.05)
    ax.set_xlabel("publication date [year]")
    ax.set_ylabel("training compute [FLOP]")
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2)
    style.grid(ax)
    style.note(ax, "data: Epoch AI, Notable AI Models (CC BY 4.0)")
    return fig
