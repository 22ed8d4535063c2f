"""One style for every figure, sized for the paper it prints in.

The paper (``paper/main.tex``: 11 pt ``article`` on A4 with 25 mm margins, one column) sets
its captions in ``\\small``, 10 pt. Every figure is drawn at the width it prints at and
included without scaling, so the sizes below are printed sizes: all text at
:data:`FONT_SIZE` (the caption size) in one family, sub- and superscripts at 70 % of it
(7 pt, LaTeX's own script size for 10 pt text), never smaller than :data:`MIN_FONT_SIZE`.
``tests/test_figures.py`` checks these constants against ``paper/main.tex`` with
:func:`paper_layout`, and every figure against its printed size.

Figures are built on :class:`matplotlib.figure.Figure` with the PDF canvas, not pyplot, whose
import (and GUI-backend probing) costs about a second per figure job. The palette is Okabe &
Ito's (2008) colour-blind-safe set; :func:`save_pdf` writes deterministic PDFs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.figure import Figure

from inference_scaling.pipeline.io import log_line, partial_path, publish

MM_PER_INCH = 25.4
#: Paper sizes ``documentclass`` options name [mm, width].
PAPER_WIDTHS_MM = {"a4paper": 210.0, "letterpaper": 215.9, "a5paper": 148.0}

#: The layout of paper/main.tex that the figures are drawn for (checked by the tests).
PAPER_WIDTH_MM = 210.0
SIDE_MARGIN_MM = 25.0
TEXT_WIDTH = (PAPER_WIDTH_MM - 2 * SIDE_MARGIN_MM) / MM_PER_INCH  #: [in] 160 mm
COLUMN_WIDTH = TEXT_WIDTH  #: [in] one-column article: a column is the text block
FULL_WIDTH = TEXT_WIDTH  #: [in] older name of TEXT_WIDTH, kept for callers not yet renamed
#: [in] single-panel plots: 70 % of the text block, centred, so they do not sprawl.
NARROW_WIDTH = round(0.7 * TEXT_WIDTH, 2)

#: [pt] every figure text (the caption size, \small of an 11 pt article)
FONT_SIZE = 10.0
#: [pt] smallest glyph allowed in print: scripts are 0.7 x FONT_SIZE
MIN_FONT_SIZE = 7.0
FONT_FAMILY = "DejaVu Sans"

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
    "inference": OKABE_ITO["vermillion"],
    "total": OKABE_ITO["black"],
    "reference": "#666666",
    "band": "#E4E4E4",
    "highlight": OKABE_ITO["orange"],
    "muted": "#BBBBBB",
    "note": "#444444",
    "grid": "#E8E8E8",
}
CYCLE = [OKABE_ITO[k] for k in ("blue", "vermillion", "green", "orange", "purple", "sky")]

RC = {
    "pdf.fonttype": 42,  # TrueType, embedded
    "ps.fonttype": 42,
    "font.family": FONT_FAMILY,
    "mathtext.fontset": "dejavusans",  # maths in the same family as the text
    "font.size": FONT_SIZE,
    "axes.titlesize": FONT_SIZE,
    "axes.labelsize": FONT_SIZE,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "legend.title_fontsize": FONT_SIZE,
    "figure.titlesize": FONT_SIZE,
    "figure.labelsize": FONT_SIZE,
    "legend.frameon": False,
    "legend.handlelength": 1.8,
    "legend.borderaxespad": 0.3,
    "legend.labelspacing": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.titlepad": 4.0,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.minor.width": 0.4,
    "ytick.minor.width": 0.4,
    "lines.linewidth": 1.4,
    "lines.markersize": 5,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    # the page is the figure: no tight bounding box, so a PDF is exactly its figsize
    "savefig.bbox": None,
    "savefig.pad_inches": 0.0,
    "figure.dpi": 100,
    "figure.constrained_layout.h_pad": 0.03,
    "figure.constrained_layout.w_pad": 0.03,
    "path.simplify": False,
    "svg.hashsalt": "inference-scaling",
}


def apply() -> None:
    """Install the shared rcParams (idempotent)."""
    matplotlib.rcParams.update(RC)


apply()


def figure(width: float = NARROW_WIDTH, height: float = 3.0, ncols: int = 1, nrows: int = 1, **kw):
    """A new :class:`Figure` of ``width`` x ``height`` inches (its printed size) with
    ``nrows`` x ``ncols`` axes and constrained layout; returns ``(fig, axes)``."""
    apply()
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasPdf(fig)
    axes = fig.subplots(nrows, ncols, squeeze=True, **kw)
    return fig, axes


def grid(ax, axis: str = "both") -> None:
    """Light grid lines behind the data."""
    ax.grid(axis=axis, lw=0.4, color=COLORS["grid"])
    ax.set_axisbelow(True)


def note(ax, text: str, loc: str = "lower right", **kw):
    """A grey provenance note inside the axes corner ``loc``."""
    x, ha = (0.98, "right") if "right" in loc else (0.02, "left")
    y, va = (0.02, "bottom") if "lower" in loc else (0.98, "top")
    return ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, color=COLORS["note"], **kw)


def spread(values, gap: float, low: float | None = None, high: float | None = None) -> list:
    """Positions near ``values`` (in their order) at least ``gap`` apart, moved as little as
    a simple forward/backward sweep allows and kept within ``[low, high]``: label positions
    that do not collide."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    pos = [float(values[i]) for i in order]
    for i in range(1, len(pos)):
        pos[i] = max(pos[i], pos[i - 1] + gap)
    if high is not None and pos and pos[-1] > high:
        pos[-1] = high
        for i in range(len(pos) - 2, -1, -1):
            pos[i] = min(pos[i], pos[i + 1] - gap)
    if low is not None and pos and pos[0] < low:
        pos[0] = low
        for i in range(1, len(pos)):
            pos[i] = max(pos[i], pos[i - 1] + gap)
    out = [0.0] * len(values)
    for rank, i in enumerate(order):
        out[i] = pos[rank]
    return out


def pdf_metadata() -> dict:
    """PDF metadata without volatile fields: no dates unless ``SOURCE_DATE_EPOCH`` is set,
    in which case the creation date is that epoch (reproducible-builds convention)."""
    meta = {"Creator": "inference_scaling", "CreationDate": None, "ModDate": None}
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        meta["CreationDate"] = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return meta


def save_pdf(fig, path, log=None) -> None:
    """Write ``fig`` as a vector PDF of exactly its figure size at ``path``, via a temporary
    file and a rename; note it in the job's ``log`` file if given."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path)
    try:
        fig.savefig(tmp, format="pdf", metadata=pdf_metadata())
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if log is not None:
        log_line(log, f"wrote {path} ({path.stat().st_size} bytes)")


def format_count(value: float) -> str:
    """Integer with thousands separators, as the ledger prints it (``25,634``)."""
    return f"{round(value):,}"


def pow10(value: float) -> str:
    """``value`` as mathtext: ``$10^{26}$``, or ``$3\\times10^{10}$`` off a power of ten."""
    from inference_scaling.publish import numbers

    return f"${numbers.number(value, 'sci', 'tex')}$"


# --- the paper's layout, read from its LaTeX source ---------------------------------------

_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(mm|cm|in|pt)\s*$")
_TO_MM = {"mm": 1.0, "cm": 10.0, "in": MM_PER_INCH, "pt": MM_PER_INCH / 72.27}


def _mm(text: str, where: str) -> float:
    m = _LENGTH.match(text)
    if not m:
        raise ValueError(f"{where}: cannot read the length {text!r}")
    return float(m.group(1)) * _TO_MM[m.group(2)]


def paper_layout(tex_path) -> dict:
    """Text width, column width [in] and caption font size [pt] of a LaTeX ``article``, read
    from its ``\\documentclass`` options and ``\\usepackage[...]{geometry}``.

    Understands the options the paper uses (paper size, 10/11/12pt, twocolumn, geometry's
    ``margin``/``hmargin``/``left``+``right``/``textwidth``); anything else is an error
    naming the file, so a new layout cannot silently disagree with the figures.
    """
    tex = Path(tex_path).read_text(encoding="utf-8")
    tex = "\n".join(line.split("%")[0] for line in tex.splitlines())
    cls = re.search(r"\\documentclass\[([^\]]*)\]\{(\w+)\}", tex)
    if not cls or cls.group(2) != "article":
        raise ValueError(f"{tex_path}: expected \\documentclass[...]{{article}}")
    options = [o.strip() for o in cls.group(1).split(",") if o.strip()]
    papers = [o for o in options if o in PAPER_WIDTHS_MM]
    if len(papers) != 1:
        raise ValueError(f"{tex_path}: documentclass names no known paper size ({options})")
    sizes = [int(o[:-2]) for o in options if re.fullmatch(r"1[012]pt", o)]
    body = sizes[0] if sizes else 10
    geo = re.search(r"\\usepackage\[([^\]]*)\]\{geometry\}", tex)
    if not geo:
        raise ValueError(f"{tex_path}: no \\usepackage[...]{{geometry}} to read margins from")
    keys = dict(kv.split("=", 1) for kv in (s.strip() for s in geo.group(1).split(",")) if kv)
    paper_mm = PAPER_WIDTHS_MM[papers[0]]
    where = f"{tex_path}: geometry"
    if "textwidth" in keys:
        text_mm = _mm(keys["textwidth"], where)
    elif "left" in keys and "right" in keys:
        text_mm = paper_mm - _mm(keys["left"], where) - _mm(keys["right"], where)
    elif "hmargin" in keys or "margin" in keys:
        text_mm = paper_mm - 2 * _mm(keys.get("hmargin", keys.get("margin")), where)
    else:
        raise ValueError(f"{where}: no margin, hmargin, left/right or textwidth key")
    text_in = text_mm / MM_PER_INCH
    column_in = text_in
    if "twocolumn" in options:
        column_in = (text_mm - _mm("10pt", where)) / 2 / MM_PER_INCH  # article's \columnsep
    # \small of the standard classes: 9 pt in 10pt, 10 pt in 11pt, 10.95 pt in 12pt
    small = {10: 9.0, 11: 10.0, 12: 10.95}[body]
    return {"text_width": text_in, "column_width": column_in, "caption_size": small}
