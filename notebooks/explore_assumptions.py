# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Explore the assumptions
#
# Move any assumption and watch which of the essay's claims and conclusions survive. Every
# number comes from the package functions the pipeline uses (`inference_scaling.explorer.app`);
# this notebook only lays out the widgets. Served as a page by `make explore`.

# %%
# ruff: noqa: E402 - notebook
import html
import math

import ipywidgets as w
from IPython.display import display

from inference_scaling.explorer import app as explorer
from inference_scaling.pipeline import config

app = explorer.Explorer()
FULL = w.Layout(width="98%")
ROW = w.Layout(flex="0 0 auto", width="98%")  # never squeezed inside the scrolling columns

# %%
# Controls: one per assumption, grouped by essay section, bounded by its declared range.


def make_control(c):
    """A slider (log scale for log-uniform ranges) linked to a numeric box; fixed ones shown."""
    label = w.HTML(
        f"<div style='font-size:12px;line-height:1.3'><b>{c.key}</b> [{c.unit}]: "
        f"{html.escape(c.meaning)}</div>",
        layout=FULL,
    )
    if c.fixed:
        fixed = w.HTML(f"<div style='font-size:12px'>{c.value:g} (fixed range)</div>")
        return None, w.VBox([label, fixed], layout=ROW)
    common = dict(continuous_update=False, readout=False, layout=w.Layout(width="60%"))
    if c.integer:
        slider = w.IntSlider(value=c.value, min=c.low, max=c.high, **common)
        box = w.BoundedIntText(value=c.value, min=c.low, max=c.high, layout=w.Layout(width="9em"))
    elif c.log:
        lo, hi = math.log10(c.low), math.log10(c.high)
        slider = w.FloatLogSlider(
            value=c.value, base=10, min=lo, max=hi, step=(hi - lo) / 200, **common
        )
        box = w.BoundedFloatText(value=c.value, min=c.low, max=c.high, layout=w.Layout(width="9em"))
    else:
        slider = w.FloatSlider(
            value=c.value, min=c.low, max=c.high, step=(c.high - c.low) / 200, **common
        )
        box = w.BoundedFloatText(value=c.value, min=c.low, max=c.high, layout=w.Layout(width="9em"))
    w.link((slider, "value"), (box, "value"))
    box.add_class("assumption-" + c.key.replace(".", "-"))
    return box, w.VBox([label, w.HBox([slider, box])], layout=ROW)


boxes, panels = {}, []
for title, items in explorer.sections(app.controls).items():
    panels.append(w.HTML(f"<h3 style='margin:10px 0 2px'>{title}</h3>", layout=ROW))
    for c in items:
        box, panel = make_control(c)
        panels.append(panel)
        if box is not None:
            boxes[c.key] = box

# %%
# Live outputs: ledger, conclusions, two figures.
summary = w.HTML(layout=ROW)
ledger = w.HTML(layout=ROW)
held = w.HTML(layout=ROW)
fig_threshold = w.Image(format="png", layout=w.Layout(width="48%"))
fig_costs = w.Image(format="png", layout=w.Layout(width="48%"))
state = {"batch": False}


# A loaded scenario's values that lie outside a control's range: kept (not clamped) and
# named in the status line until their control is moved.
state["outside"] = {}
# The HTML edition's ledger entries, when `make html` built it (the server copied it here).
ENTRIES = explorer.edition_ledger(".")


def current_values():
    values = dict(app.defaults)
    values.update({key: box.value for key, box in boxes.items()})
    values.update(state["outside"])
    return values


def forget_outside(change, key):
    if not state["batch"]:
        state["outside"].pop(key, None)


def refresh(_change=None):
    if state["batch"]:
        return
    values = current_values()
    view = app.evaluate(values)
    ledger.value = explorer.ledger_html(app.rows(view), ENTRIES)
    held.value = explorer.conclusions_html(app.conclusion_rows(view))
    summary.value = f"<b>{explorer.summary_line(view)}</b>"
    figs = explorer.figures(values)
    fig_threshold.value = explorer.png(figs["threshold_equivalence"])
    fig_costs.value = explorer.png(figs["cost_multipliers"])


for key, box in boxes.items():
    box.observe(lambda change, key=key: forget_outside(change, key), names="value")
    box.observe(refresh, names="value")

# %%
# Scenarios: load one, or write the current values as a new one.
picker = w.Dropdown(
    options=[explorer.DEFAULTS_LABEL, *app.scenarios()], description="scenario", layout=FULL
)
# Sync on blur, so a click on "write scenario" never races the last keystrokes.
name = w.Text(placeholder="new scenario name", description="name", continuous_update=False)
description = w.Textarea(
    placeholder="why this scenario exists (required)",
    description="why",
    continuous_update=False,
    layout=FULL,
)
write = w.Button(description="write scenario", button_style="primary")
status = w.HTML()
name.add_class("scenario-name")
description.add_class("scenario-description")
write.add_class("write-scenario")
status.add_class("scenario-status")


def load_scenario(change):
    try:
        values = app.scenario_values(change["new"])
    except config.ConfigError as exc:
        status.value = f"<span style='color:#b42318'>{exc}</span>"
        return
    state["batch"] = True
    for key, box in boxes.items():
        box.value = values[key]
    state["batch"] = False
    outside = app.outside_range(values)
    state["outside"] = {key: values[key] for key in outside if key in boxes}
    status.value = explorer.outside_range_html(outside)
    refresh()


def write_scenario(_button):
    try:
        path = app.write_scenario(name.value.strip(), description.value, current_values())
    except config.ConfigError as exc:
        status.value = f"<span style='color:#b42318'>{html.escape(str(exc))}</span>"
        return
    status.value = f"wrote {path} (build it: make scenario NAME={path.stem})"
    picker.options = [explorer.DEFAULTS_LABEL, *app.scenarios()]


picker.observe(load_scenario, names="value")
write.on_click(write_scenario)

# %%
refresh()
scenario_panel = w.VBox([picker, w.HBox([name, write]), description, status], layout=ROW)
left = w.VBox(
    [scenario_panel, *panels], layout=w.Layout(width="38%", height="92vh", overflow_y="auto")
)
ledger_box = w.Box([ledger], layout=w.Layout(flex="0 0 auto", max_height="46vh", overflow_y="auto"))
ledger_box.add_class("explorer-ledger-box")
right = w.VBox(
    [summary, w.HBox([fig_threshold, fig_costs], layout=ROW), ledger_box, held],
    layout=w.Layout(width="61%", height="92vh", overflow_y="auto"),
)
display(w.HBox([left, right]))
