"""Tornado chart: which assumptions move the key claims most (one at a time, low to high)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from . import style

#: Claims shown in the tornado chart, with a short title.
TORNADO_CLAIMS = {
    "thresholds.amplified": "thresholds.amplified [log$_{10}$ FLOP]",
    "thresholds.deep_research": "thresholds.deep_research [x inference]",
    "appendix.deploy_dominated_pretrain": "appendix.deploy_dominated_pretrain [x cost]",
    "appendix.breakeven_share": "appendix.breakeven_share [share]",
}


def tornado_chart(rows: dict[str, list], base: dict[str, float], top: int = 5):
    """Horizontal bars from each assumption's low-end value to its high-end value.

    ``rows`` maps a claim id to ``[(assumption, value_at_low, value_at_high), ...]`` sorted
    by swing; ``base`` maps the claim id to its value at the default assumptions.
    """
    style.apply()
    fig, axes = plt.subplots(4, 1, figsize=(style.FULL_WIDTH, 5.6), layout="constrained")
    for ax, (cid, title) in zip(np.ravel(axes), TORNADO_CLAIMS.items(), strict=True):
        shown = rows[cid][:top][::-1]
        for i, (_key, lo, hi) in enumerate(shown):
            ax.barh(
                i,
                hi - lo,
                left=lo,
                color=style.COLORS["pretraining"] if hi >= lo else style.COLORS["deployment"],
                height=0.6,
            )
        ax.axvline(base[cid], color=style.COLORS["total"], lw=0.8)
        ax.set_yticks(range(len(shown)), [k for k, _, _ in shown])
        ax.set_title(title, loc="left")
    fig.supxlabel(
        "claim value: bars run from each assumption's low end to its high end "
        "(blue: rises, red: falls); black line: default assumptions",
        fontsize=6.5,
    )
    return fig
