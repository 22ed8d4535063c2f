"""The assumption explorer's logic: controls, live ledger, conclusions and scenario writing.

``notebooks/explore_assumptions.py`` (served by ``make explore``) only wires widgets to this
module. Every number comes from the functions the pipeline uses: ``era.fit_domains`` and
``datasets.ledger_facts`` for the data facts, ``claims.build_ledger`` for values and verdicts,
``conclusions.conclusion_records`` for the conclusions, ``figures.model`` for the figures and
``config.load_assumptions`` to validate a scenario before it is written.

    python -m inference_scaling.explorer.app [--port 8866] [--build-dir build/explore]

converts the notebook and serves it with Voila on localhost (``make explore``). Scenarios are
read from and written to ``config/scenarios/``, or to ``$EXPLORER_SCENARIOS`` when set (tests).
"""

from __future__ import annotations

import argparse
import html
import io
import math
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from inference_scaling.ledger import claims, conclusions
from inference_scaling.model import era
from inference_scaling.pipeline import config, datasets
from inference_scaling.publish import latex, numbers, records

SCENARIO_DIR = config.PROJECT_ROOT / "config" / "scenarios"
SCENARIO_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
DEFAULTS_LABEL = "(essay defaults)"


@dataclass(frozen=True)
class Control:
    """One assumption as the explorer shows it: bounds, scale and labels."""

    key: str  # group.name
    section: str
    value: float
    low: float
    high: float
    unit: str
    meaning: str
    log: bool  # declared log-uniform: a log-scale slider
    integer: bool

    @property
    def fixed(self) -> bool:
        """A range of one point: shown, not editable."""
        return self.low == self.high


def controls(assumptions: config.Assumptions) -> list[Control]:
    """One control per assumption, in file order (which follows the essay's sections)."""
    out = []
    for key, value in assumptions.values.items():
        entry = assumptions.entry(key)
        low, high = assumptions.ranges[key]
        out.append(
            Control(
                key=key,
                section=latex.SECTION_TITLES.get(key.split(".")[0], key.split(".")[0]),
                value=value,
                low=low,
                high=high,
                unit=entry["unit"],
                meaning=entry["meaning"],
                log=assumptions.distributions[key] == "loguniform",
                integer=isinstance(value, int) and not isinstance(value, bool),
            )
        )
    return out


def sections(items: list[Control]) -> dict[str, list[Control]]:
    """Controls grouped by essay section, sections in order of first appearance."""
    grouped: dict[str, list[Control]] = {}
    for item in items:
        grouped.setdefault(item.section, []).append(item)
    return grouped


def show_value(value, fmt: str, unit: str) -> str:
    """A value with its unit as a reader sees it (:func:`numbers.quantity`, plain text):
    ``log10 FLOP`` values as powers of ten, multipliers with ``×``."""
    return numbers.quantity(value, fmt, unit, "text")


@dataclass(frozen=True)
class Row:
    """One ledger line of the explorer's table."""

    id: str
    label: str
    value: str
    essay: str
    verdict: str
    basis: str
    verdict_changed: bool  # differs from the verdict under the essay's defaults
    value_changed: bool


@dataclass(frozen=True)
class View:
    """Everything the page shows for one set of assumption values."""

    ledger: list[dict]
    conclusions: list[dict]


class Explorer:
    """Holds the default assumptions and their ledger; evaluates any set of values."""

    def __init__(self, assumptions_path=config.DEFAULT_ASSUMPTIONS, scenario_dir=None):
        self.assumptions_path = Path(assumptions_path)
        self.scenario_dir = Path(scenario_dir or os.environ.get("EXPLORER_SCENARIOS", SCENARIO_DIR))
        self.base = config.load_assumptions(self.assumptions_path)
        self.defaults = self.base.values
        self.controls = controls(self.base)
        self._models = datasets.notable_models()
        self._facts: dict[tuple, dict] = {}
        self.default_view = self.evaluate(self.defaults)

    def facts(self, values: Mapping) -> dict:
        """Data facts for ``values``; the growth fit is redone only when its settings change."""
        key = tuple(values[k] for k in era.GROWTH_KEYS)
        if key not in self._facts:
            top_n, start, end, confidence = key
            growth = era.fit_domains(self._models, int(top_n), start, end, confidence)
            self._facts[key] = {
                **datasets.ledger_facts(growth),
                **era.spread_facts(self._definition_spread(values)),
            }
        return self._facts[key]

    def _definition_spread(self, values: Mapping) -> dict:
        """How the frontier definition moves the growth fits (the ledger's notes read it),
        over the ends of each declared range and the current values."""
        m = self._models
        axes = {k: sorted({*self.base.ranges[k], values[k]}) for k in era.GROWTH_AXES}
        grid = era.growth_grid(
            m["date"], m["flop"], m["language"], axes, values["era.fit_confidence"]
        )
        return era.definition_spread(grid, {k: values[k] for k in era.GROWTH_AXES})

    def evaluate(self, values: Mapping) -> View:
        # a value moved away from the essay's is a changed premise (cause "premise")
        changed = {k for k, v in values.items() if self.base.values.get(k, v) != v}
        ledger = claims.build_ledger(values, self.facts(values), changed)
        held = conclusions.conclusion_records({r["id"]: r["value"] for r in ledger}, values)
        return View(ledger, held)

    def rows(self, view: View) -> list[Row]:
        """Table rows for ``view``, each compared with the essay-default ledger."""
        default = {r["id"]: r for r in self.default_view.ledger}
        out = []
        for rec in view.ledger:
            base = default.get(rec["id"], rec)
            essay = rec.get("essay_value")
            out.append(
                Row(
                    id=rec["id"],
                    label=rec.get("label") or rec["statement"],
                    value=records.printed(rec, "text", unit=True),
                    essay="—"
                    if essay is None
                    else show_value(essay, numbers.essay_style(essay, rec["format"]), rec["unit"]),
                    verdict=rec["verdict"],
                    basis=rec.get("basis", ""),
                    verdict_changed=rec["verdict"] != base["verdict"],
                    value_changed=rec["value"] != base["value"],
                )
            )
        return out

    def conclusion_rows(self, view: View) -> list[tuple[str, bool, bool]]:
        """``(statement, holds, changed from the defaults)`` per conclusion."""
        default = {c["id"]: c["holds"] for c in self.default_view.conclusions}
        return [
            (c["statement"], c["holds"], c["holds"] != default.get(c["id"], c["holds"]))
            for c in view.conclusions
        ]

    def scenarios(self) -> list[str]:
        return sorted(p.stem for p in self.scenario_dir.glob("*.yaml"))

    def scenario_values(self, name: str) -> dict:
        """Assumption values with scenario ``name`` applied (validated like the pipeline)."""
        if name == DEFAULTS_LABEL:
            return dict(self.defaults)
        path = self.scenario_dir / f"{name}.yaml"
        return config.load_assumptions(self.assumptions_path, path).values

    def outside_range(self, values: Mapping) -> dict[str, str]:
        """``{key: sentence}`` for each value a control cannot show: outside the declared range of
        config/assumptions.yaml (a scenario may widen a range), where a slider would clamp
        it. The page keeps such a value, says so, and drops it once its control is moved."""
        out = {}
        for c in self.controls:
            value = values[c.key]
            if not c.low <= value <= c.high:
                out[c.key] = (
                    f"{c.key} = {value:g} lies outside the declared range "
                    f"[{c.low:g}, {c.high:g}]: the ledger uses {value:g}, the control shows "
                    f"{min(max(value, c.low), c.high):g}"
                )
        return out

    def overrides(self, values: Mapping) -> dict:
        """``{group: {key: value}}`` for the values that differ from the defaults."""
        out: dict[str, dict] = {}
        for key, default in self.defaults.items():
            value = values[key]
            if math.isclose(value, default, rel_tol=1e-12, abs_tol=0.0):
                continue
            # Slider arithmetic leaves float noise (0.6000000000000001); integers stay integers.
            value = round(value) if isinstance(default, int) else float(f"{value:.12g}")
            group, name = key.split(".", 1)
            out.setdefault(group, {})[name] = value
        return out

    def write_scenario(self, name: str, description: str, values: Mapping) -> Path:
        """Write ``config/scenarios/<name>.yaml`` with the values differing from the defaults.

        The text is validated with :func:`config.load_assumptions` before it lands; raises
        :class:`config.ConfigError` (one line) on a bad name, an existing file or bad values.
        """
        target = self.scenario_dir / f"{name}.yaml"
        if not SCENARIO_NAME.fullmatch(name or ""):
            raise config.ConfigError(
                f"{target}: name: use letters, digits, '_' or '-' (got {name!r})"
            )
        if target.exists():
            raise config.ConfigError(f"{target}: exists already; choose another name")
        spec = {"description": description, "overrides": self.overrides(values)}
        text = "# Written by the assumption explorer (make explore).\n" + yaml.safe_dump(
            spec, sort_keys=False, allow_unicode=True, width=90
        )
        with tempfile.TemporaryDirectory() as tmp:
            trial = Path(tmp) / target.name
            trial.write_text(text, encoding="utf-8")
            try:
                config.load_assumptions(self.assumptions_path, trial)
            except config.ConfigError as exc:
                raise config.ConfigError(str(exc).replace(str(trial), str(target))) from None
        self.scenario_dir.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(text)
        return target


# --- HTML for the page -----------------------------------------------------------------------

VERDICT_COLOURS = {"reproduced": "#1a7f37", "differs": "#b42318", "new": "#555555"}


def ledger_html(rows: list[Row], entries: str | None = None) -> str:
    """The ledger table; a changed verdict is highlighted, a changed value set in bold.
    With ``entries`` (the HTML edition's ledger page, see :func:`edition_ledger`), each
    claim links to its entry there."""
    head = "".join(f"<th>{h}</th>" for h in ("claim", "value", "essay", "verdict", "basis"))
    body = []
    for r in rows:
        style = ' style="background:#fff3b0"' if r.verdict_changed else ""
        value = f"<b>{html.escape(r.value)}</b>" if r.value_changed else html.escape(r.value)
        colour = VERDICT_COLOURS.get(r.verdict, "#000")
        body.append(
            f'<tr data-claim="{html.escape(r.id)}"{style}>'
            f'<td title="{html.escape(r.id)}">{_entry_link(r, entries)}</td>'
            f'<td class="value">{value}</td>'
            f'<td class="essay">{html.escape(r.essay)}</td>'
            f'<td class="verdict" style="color:{colour}">{html.escape(r.verdict)}'
            f"{' (changed)' if r.verdict_changed else ''}</td>"
            f'<td class="basis">{html.escape(r.basis)}</td></tr>'
        )
    return (
        '<table class="explorer-ledger" style="border-collapse:collapse;font-size:12px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _entry_link(row: Row, entries: str | None) -> str:
    if not entries:
        return html.escape(row.label)
    href = html.escape(f"{entries}#claim-{row.id}")
    return f'<a href="{href}" target="_blank">{html.escape(row.label)}</a>'


def outside_range_html(sentences: Mapping[str, str]) -> str:
    """The warning shown after loading a scenario with values a control cannot show."""
    if not sentences:
        return ""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences.values())
    return (
        '<div class="outside-range" style="color:#b42318">'
        f"Outside the declared range:<ul>{items}</ul></div>"
    )


# The HTML edition of the default build (make html), served beside the page by Voila.
EDITION = config.PROJECT_ROOT / "results" / "default" / "html"
EDITION_DIR = "edition"


def edition_ledger(build_dir) -> str | None:
    """The URL (relative to the page) of the HTML edition's ledger page when ``make html``
    has built it and :func:`main` copied it into ``build_dir``; else None."""
    if (Path(build_dir) / EDITION_DIR / "ledger.html").is_file():
        return f"voila/files/{EDITION_DIR}/ledger.html"
    return None


def conclusions_html(items: list[tuple[str, bool, bool]]) -> str:
    lines = []
    for statement, holds, changed in items:
        mark = "holds" if holds else "fails"
        style = ' style="background:#fff3b0"' if changed else ""
        colour = VERDICT_COLOURS["reproduced" if holds else "differs"]
        lines.append(
            f'<li{style}><b style="color:{colour}">{mark}</b>'
            f"{' (changed)' if changed else ''}: {html.escape(statement)}</li>"
        )
    return f'<ul class="explorer-conclusions" style="font-size:12px">{"".join(lines)}</ul>'


def summary_line(view: View) -> str:
    return claims.summary(view.ledger)


# --- Figures ----------------------------------------------------------------------------------


def figures(values: Mapping) -> dict[str, object]:
    """The threshold-equivalence and cost-multiplier figures for ``values``, drawn by the
    same functions and arguments as the pipeline's plot scripts."""
    from inference_scaling.publish.figures import model  # noqa: PLC0415 - matplotlib only when figures are drawn

    band = era.evidence_band(values)
    base = values["thresholds.base_model_flop"]
    return {
        "threshold_equivalence": model.threshold_equivalence(
            [base * f for f in (0.1, 1.0, 10.0)],
            values["era.exchange_rate"],
            band,
            values["thresholds.eu_flop"],
            values["thresholds.us_flop"],
            base,
            values["thresholds.amplified_inference_ooms"],
        ),
        "cost_multipliers": model.cost_multipliers(
            values["appendix.scale_factor"],
            values["appendix.param_exponent"],
            values["appendix.post_training_share"],
            values["appendix.pre_dominated_share"],
            values["appendix.deploy_dominated_share"],
        ),
    }


def png(fig, dpi: int = 110) -> bytes:
    """PNG bytes of ``fig``; the figure is released from pyplot if pyplot made it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close(fig)
    return buffer.getvalue()


# --- Benchmark (tools/bench.py) ---------------------------------------------------------------


def bench_update_ms(repeats: int = 50) -> float:
    """Median milliseconds from a changed assumption to the ledger table's HTML.

    Alternates ``era.exchange_rate`` between two values so every update recomputes.
    """
    explorer = Explorer()
    values = dict(explorer.defaults)
    times = []
    for i in range(repeats):
        values["era.exchange_rate"] = 0.6 if i % 2 else 0.65
        start = time.perf_counter()
        view = explorer.evaluate(values)
        ledger_html(explorer.rows(view))
        conclusions_html(explorer.conclusion_rows(view))
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


# --- Serving (make explore) -------------------------------------------------------------------

NOTEBOOK = config.PROJECT_ROOT / "notebooks" / "explore_assumptions.py"


def voila_command(notebook, port: int) -> list[str]:
    """Voila serving ``notebook`` on 127.0.0.1:``port`` without opening a browser, and the
    HTML edition copied beside it (``edition/``) as static files."""
    voila = Path(sys.executable).parent / "voila"
    return [
        str(voila),
        str(notebook),
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--VoilaConfiguration.file_allowlist=['{EDITION_DIR}/.*']",
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the assumption explorer (Voila).")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--build-dir", default=str(config.PROJECT_ROOT / "build" / "explore"))
    args = parser.parse_args(argv)
    command = voila_command(Path(args.build_dir) / f"{NOTEBOOK.stem}.ipynb", args.port)
    if not Path(command[0]).exists():
        print(
            f"error: {command[0]} missing; `make explore` installs the lab group", file=sys.stderr
        )
        return 1
    from inference_scaling.publish.figures import notebooks  # noqa: PLC0415 - jupytext only when serving

    notebooks.convert(NOTEBOOK, command[1])
    copy = Path(args.build_dir) / EDITION_DIR
    shutil.rmtree(copy, ignore_errors=True)
    if EDITION.is_dir():
        shutil.copytree(EDITION, copy)
    print(f"explorer: http://localhost:{args.port}/  (Ctrl-C stops it)", flush=True)
    os.execv(command[0], command)  # Voila replaces this process, so Ctrl-C reaches it
    return 0  # pragma: no cover - execv does not return


if __name__ == "__main__":
    sys.exit(main())
