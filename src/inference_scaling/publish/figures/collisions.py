"""Where a figure's texts collide, measured by matplotlib's own renderer.

:func:`problems` lists, in words, every pair of texts whose boxes overlap, every text that
overlaps a legend it is not part of, every text or legend that a data line, marker, band
or annotation arrow runs through, and every text cut by the page edge. The tests require
an empty list for every figure.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.legend import Legend
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.text import Annotation, Text

#: [px at the figure's dpi] boxes closer than this count as touching
TOLERANCE = 0.5


def _drawn_tick_labels(fig) -> tuple[list[Text], set[int]]:
    drawn, every = [], set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                every.update({id(tick.label1), id(tick.label2)})
            for tick in axis._update_ticks():  # the ticks inside the view interval
                drawn += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    return drawn, every


def _visible(t: Text) -> bool:
    return t.get_visible() and (t.axes is None or t.axes.get_visible())


def texts(fig, renderer) -> list[tuple[Text, object]]:
    """Every drawn, non-empty text of ``fig`` with its box in display pixels."""
    ticks, tick_ids = _drawn_tick_labels(fig)
    others = [t for t in fig.findobj(Text) if id(t) not in tick_ids]
    out = []
    for t in ticks + others:
        if t.get_text().strip() and _visible(t):
            # Text's own box: an Annotation's extent would include its arrow
            out.append((t, Text.get_window_extent(t, renderer)))
    return out


def _overlap(a, b) -> bool:
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE
        and min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE
    )


def _name(t: Text) -> str:
    return repr(t.get_text().replace("\n", " ")[:40])


def _data_paths(ax):
    """(description, display-space path, filled, marker radius [px] or None) of the data."""
    dpi = ax.figure.dpi
    for line in ax.lines:
        if not line.get_visible() or len(line.get_xydata()) == 0:
            continue
        path = line.get_transform().transform_path(line.get_path())
        if line.get_linestyle() not in ("None", "none", "", " "):
            yield f"line {line.get_label()!r}", path, False, None
        if line.get_marker() not in (None, "None", "none", "", " "):
            yield f"marker {line.get_label()!r}", path, False, line.get_markersize() / 2 * dpi / 72
    for coll in ax.collections:
        if not coll.get_visible():
            continue
        trans = coll.get_transform()
        for p in coll.get_paths():
            yield "band", _closed_explicitly(trans.transform_path(p)), True, None
    for patch in ax.patches:
        if patch.get_visible() and not isinstance(patch, FancyArrowPatch):
            path = patch.get_transform().transform_path(patch.get_path())
            yield "patch", _closed_explicitly(path), True, None


def _hits(path, filled, radius, box) -> bool:
    if radius is not None:
        grown = box.padded(radius)
        return any(grown.contains(x, y) for x, y in path.vertices)
    if filled:
        # a band covers the box if they intersect or the band contains it
        return path.intersects_bbox(box, filled=True)
    return path.intersects_bbox(box, filled=False)


def _closed_explicitly(path: Path) -> Path:
    """``path`` with each CLOSEPOLY (whose vertex is a dummy, often (0, 0)) replaced by a
    line back to its subpath's start, so that intersection tests see the real outline."""
    if path.codes is None:
        return path
    vertices, codes = path.vertices.copy(), path.codes.copy()
    start = 0
    for i, code in enumerate(codes):
        if code == Path.MOVETO:
            start = i
        elif code == Path.CLOSEPOLY:
            vertices[i], codes[i] = vertices[start], Path.LINETO
    return Path(vertices, codes)


def problems(fig) -> list[str]:
    """Collisions of ``fig``'s texts and legends with each other and with the data."""
    canvas = FigureCanvasAgg(fig)  # a renderer with the figure's own font metrics
    canvas.draw()
    renderer = canvas.get_renderer()
    found: list[str] = []
    boxes = texts(fig, renderer)
    legends = [a for a in fig.findobj(Legend) if a.get_visible()]
    legend_texts = {id(t): leg for leg in legends for t in leg.findobj(Text)}
    page = fig.bbox
    for i, (t, box) in enumerate(boxes):
        if box.x0 < page.x0 - TOLERANCE or box.x1 > page.x1 + TOLERANCE:
            found.append(f"{_name(t)} runs off the page horizontally")
        if box.y0 < page.y0 - TOLERANCE or box.y1 > page.y1 + TOLERANCE:
            found.append(f"{_name(t)} runs off the page vertically")
        for u, other in boxes[i + 1 :]:
            same_legend = legend_texts.get(id(t)) is not None and legend_texts.get(
                id(t)
            ) is legend_texts.get(id(u))
            if not same_legend and _overlap(box, other):
                found.append(f"{_name(t)} overlaps {_name(u)}")
        for leg in legends:
            own_legend = legend_texts.get(id(t)) is leg
            if not own_legend and _overlap(box, leg.get_window_extent(renderer)):
                found.append(f"{_name(t)} overlaps a legend")
    arrows = [(a, a.arrow_patch) for a in fig.findobj(Annotation) if a.arrow_patch is not None]
    for ax in fig.axes:
        paths = list(_data_paths(ax))
        own = [(t, box) for t, box in boxes if t.axes is ax and id(t) not in legend_texts]
        for t, box in own:
            for what, path, filled, radius in paths:
                if _hits(path, filled, radius, box):
                    found.append(f"{what} runs through {_name(t)}")
        for leg in [a for a in legends if a.axes is ax]:
            lbox = leg.get_window_extent(renderer)
            for what, path, filled, radius in paths:
                if not filled and _hits(path, filled, radius, lbox):
                    found.append(f"{what} runs through a legend")
    for ann, arrow in arrows:
        if not arrow.get_visible():
            continue
        path = _closed_explicitly(arrow.get_transform().transform_path(arrow.get_path()))
        for t, box in boxes:
            if t is not ann and path.intersects_bbox(box, filled=False):
                found.append(f"the arrow of {_name(ann)} runs through {_name(t)}")
    return found
