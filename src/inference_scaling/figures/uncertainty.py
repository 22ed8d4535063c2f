"""Global sensitivity chart: Sobol first-order and total indices of the key claims."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from . import style


def sobol_chart(result: dict, top: int = 5, floor: float = 0.01):
    """One panel per analysed claim: bars of S1 (dark) and ST (light) with their intervals
    for the ``top`` factors by total index (those with ``ST < floor`` left out); ``result``
    is ``sensitivity.json``."""
    style.apply()
    claims = list(result["claims"].items())
    rows = (len(claims) + 1) // 2
    fig, axes = plt.subplots(rows, 2, figsize=(style.FULL_WIDTH, 1.55 * rows + 0.5))
    fig.set_layout_engine("constrained")
    for ax, (cid, entry) in zip(np.ravel(axes), claims, strict=False):
        ranked = sorted((entry["indices"] or {}).items(), key=lambda kv: -kv[1]["ST"])
        ranked = [(k, v) for k, v in ranked if v["ST"] >= floor][:top]
        ranked = ranked[::-1]
        y = np.arange(len(ranked))
        for offset, key, shade in ((0.18, "ST", 0.45), (-0.18, "S1", 1.0)):
            ax.barh(
                y + offset,
                [v[key] for _, v in ranked],
                xerr=[v[f"{key}_conf"] for _, v in ranked],
                height=0.36,
                color=style.COLORS["pretraining"],
                alpha=shade,
                error_kw={"lw": 0.6, "capsize": 1.5},
                label={"ST": "total $S_T$", "S1": "first order $S_1$"}[key],
            )
        ax.set_yticks(y, [k for k, _ in ranked], fontsize=6)
        ax.set_xlim(0, 1.05)
        ax.set_title(cid, loc="left", fontsize=7)
    for ax in np.ravel(axes)[len(claims) :]:
        ax.set_visible(False)
    np.ravel(axes)[0].legend(loc="lower right", fontsize=6)
    fig.supxlabel("share of the claim's variance (Sobol index)", fontsize=7)
    return fig
