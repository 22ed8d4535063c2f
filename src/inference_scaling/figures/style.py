"""One style for every figure: sizes for the paper, embedded TrueType fonts, a colour-blind
safe palette (Okabe & Ito 2008) and a deterministic, atomic PDF writer."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - after selecting the backend

from ..io import log_line, partial_path, publish  # noqa: E402

#: Width of one column of the paper and of the full text block [inches].
COLUMN_WIDTH = 3.4
FULL_WIDTH = 6.3

#: Okabe-Ito palette, by name.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
#: Roles used across figures, so that "pre-training" is the same colour everywhere.
COLORS = {
    "pretraining": OKABE_ITO["blue"],
    "deployment": OKABE_ITO["vermillion"],
    "total": OKABE_ITO["black"],
    "inference": OKABE_ITO["vermillion"],
    "reference": "#777777",
    "band": "#DDDDDD",
    "highlight": OKABE_ITO["orange"],
    "muted": "#BBBBBB",
}
CYCLE = [OKABE_ITO[k] for k in ("blue", "vermillion", "green", "orange", "purple", "sky")]

RC = {
    "pdf.fonttype": 42,  # TrueType, embedded
    "ps.fonttype": 42,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 6.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.3,
    "lines.markersize": 4,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.02,
    "figure.dpi": 100,
    "path.simplify": False,
    "svg.hashsalt": "inference-scaling",
}


def apply() -> None:
    """Install the shared rcParams (idempotent)."""
    matplotlib.rcParams.update(RC)


def figure(width: float = COLUMN_WIDTH, height: float = 2.4, ncols: int = 1, **kwargs):
    """A new figure with the shared style and ``ncols`` axes side by side."""
    apply()
    fig, axes = plt.subplots(1, ncols, figsize=(width, height), layout="constrained", **kwargs)
    return fig, axes


def pdf_metadata() -> dict:
    """PDF metadata without volatile fields: no dates unless ``SOURCE_DATE_EPOCH`` is set,
    in which case the creation date is that epoch (reproducible-builds convention)."""
    meta = {"Creator": "inference_scaling", "CreationDate": None, "ModDate": None}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        meta["CreationDate"] = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return meta


def save_pdf(fig, path, log=None) -> None:
    """Write ``fig`` as a vector PDF at ``path`` via a temporary file and a rename; note it in
    the job's ``log`` file if given."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path)
    try:
        fig.savefig(tmp, format="pdf", metadata=pdf_metadata())
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        plt.close(fig)
    if log is not None:
        log_line(log, f"wrote {path} ({path.stat().st_size} bytes)")


def note(ax, text: str, loc: str = "lower right") -> None:
    """A small grey provenance note inside the axes (e.g. 'digitized from a chart')."""
    x, ha = (0.98, "right") if "right" in loc else (0.02, "left")
    y, va = (0.03, "bottom") if "lower" in loc else (0.97, "top")
    ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, fontsize=6, color="#555555")


def format_count(value: float) -> str:
    """Integer with thousands separators, as the ledger prints it (``25,634``)."""
    return f"{round(value):,}"
