"""The uncertainty appendix: Monte Carlo and Sobol tables (LaTeX, Markdown) and the macros
its prose cites.

``uncertainty_table.tex`` (from :func:`uncertainty_tex`) and ``sensitivity_table.tex`` (from
:func:`sensitivity_tex`) hold only ``\\newcommand`` definitions: the tables themselves
(``\\uncertaintyTable``, ``\\conclusionProbabilityTable``, ``\\sensitivityTable``), every
number the prose quotes (``\\mcMedian<Claim>``, ``\\mcProb<Conclusion>``, ``\\sobolTopFactor
<Claim>`` ...) and generated sentences whose truth depends on the draws. The paper
``\\input``s them and prints what it wants where it wants, so no sentence it types can
contradict the numbers. ``uncertainty.md`` and ``sensitivity.md`` (:func:`uncertainty_page`,
:func:`sensitivity_page`) write the same tables, built once (:mod:`.tables`), as Markdown.

Rows are named by the claim's ``label`` and factors by :func:`factor_name`. Statistics of
the draws print in the style of their claim (a share printed as a percentage in the ledger
is a percentage here too) to :data:`DIGITS` significant figures; the build's own value
prints exactly as the ledger prints it (:func:`inference_scaling.publish.records.printed`).
"""

from __future__ import annotations

import re

from inference_scaling.publish import numbers, records, tables
from inference_scaling.publish.latex import (
    SECTION_TITLES,
    choose,
    macro_name,
    render_macros,
)
from inference_scaling.publish.tables import Column, Heading, Items, Page, Paragraph, Table

#: Significant figures of every Monte Carlo number (percentages: one fewer).
DIGITS = 3
#: The statistics montecarlo.summarize reports for a varying claim.
PERCENTILES = ("p5", "median", "p95")
#: Words for the parts of a pair claim.
PART_WORDS = {"low": "low end", "high": "high end"}
#: Sobol indices shown per output: at most this many factors, none with S_T below the floor.
SOBOL_TOP = 4
SOBOL_FLOOR = 0.01
#: Sobol indices and their confidence half-widths.
INDEX_STYLE = "f2"


# --- numbers -------------------------------------------------------------------------------


def _is_percent(rec: dict) -> bool:
    return rec.get("format") in ("pct", "pct1")


def _stat_parts(value: float, rec: dict, digits: int) -> numbers.Printed:
    if _is_percent(rec):
        return numbers.percent_parts(value, digits - 1)
    if rec["unit"] == "year":
        return numbers.parts(round(float(value), 1), "f0")
    return numbers.parts(value, f"s{digits}")


def stat(value: float, rec: dict, digits: int = DIGITS, target: str = "tex") -> str:
    """A statistic of a claim's draws in the claim's style: a percentage where the ledger
    prints one (to ``digits - 1`` figures, never 0% or 100% strictly between), a year as a
    year, a score in percent with ``%``, anything else to ``digits`` figures."""
    text = _stat_parts(value, rec, digits).render(target)
    return text + numbers.PERCENT[target] if rec["unit"] == "percent" else text


def separating_digits(rec: dict, build: float, bound: float) -> int | None:
    """``None`` when the build's value, printed as the ledger prints it, and the interval
    end it crosses (a statistic to :data:`DIGITS` figures) print on the sides they lie on;
    else the fewest figures at which both, printed as statistics, do."""
    if build == bound:
        return None
    style = rec["format"] if isinstance(rec["value"], list) else records.claim_style(rec)

    def apart(b: float, e: float) -> bool:
        return b > e if build > bound else b < e

    if apart(numbers.parts(build, style).as_float(), _stat_parts(bound, rec, DIGITS).as_float()):
        return None
    digits = DIGITS + 1
    while digits < 8 and not apart(
        _stat_parts(build, rec, digits).as_float(), _stat_parts(bound, rec, digits).as_float()
    ):
        digits += 1
    return digits


def build_value(rec: dict, build: float, digits: int | None, target: str = "tex") -> str:
    """The build's value (of a claim or of one end of a pair): as the ledger prints it, or
    as a statistic to ``digits`` figures where it must print apart from an interval end."""
    if digits is not None:
        return stat(build, rec, digits, target)
    style = rec["format"] if isinstance(rec["value"], list) else records.claim_style(rec)
    text = numbers.number(build, style, target)
    return text + numbers.PERCENT[target] if rec["unit"] == "percent" else text


# --- names -----------------------------------------------------------------------------------

_WORDS = {
    "ooms": "OOMs",
    "oom": "OOM",
    "flop": "FLOP",
    "gpt4": "GPT-4",
    "eu": "EU",
    "us": "US",
    "params": "parameters",
    "param": "parameter",
    "deploy": "deployment",
    "train": "training",
    "prob": "probability",
    "elo": "Elo",
    "mcts": "search",
    "arc": "ARC-AGI",
    "alphago": "AlphaGo",
    "semi": "semi-",
    "n": "N",
    "all": "all domains",
    "language": "language models",
    "in": "in",
}
#: Whole-name phrases where the words of a key alone would mislead.
_PHRASES = {
    "base_model_flop": "training FLOP of the sub-threshold model",
    "gpt4_flop": "GPT-4 training FLOP",
    "lab_headroom": "labs' effective-compute headroom",
    "amplified_inference_ooms": "inference OOMs given to that model",
    "cost_compute_elasticity": "elasticity of cost to compute",
    "pre_dominated_share": "deployment share in the pre-training-dominated case",
    "deploy_dominated_share": "deployment share in the deployment-dominated case",
    "o3_high_semi_private_cost": "o3's high-compute cost",
}
_DATA_GROUPS = {"growth": "growth fit", "arc": "ARC-AGI", "alphago": "AlphaGo"}


def _words(name: str) -> str:
    if name in _PHRASES:
        return _PHRASES[name]
    tokens = [t for t in re.split(r"_", name) if t]
    if tokens[0] == "c" and len(tokens) == 2:  # c_pre, c_inf: FLOP per parameter and token
        stage = {"pre": "pre-training", "inf": "inference"}.get(tokens[1], tokens[1])
        return f"{stage} FLOP per parameter and token"
    if tokens[0] == "n" and len(tokens) == 2:  # n_params, n_tokens
        return f"number of {_WORDS.get(tokens[1], tokens[1])}"
    text = " ".join(_WORDS.get(t, t) for t in tokens)
    for words, joined in (
        ("semi- ", "semi-"),
        ("top N", "top-N"),
        ("post training", "post-training"),
    ):
        text = text.replace(words, joined)
    return text


def factor_name(key: str) -> str:
    """A readable name for a Sobol factor (plain text): an assumption key in words
    (``era.exchange_rate`` -> ``exchange rate``), a ``data:`` factor as the uncertainty of
    that data (``data:growth.all`` -> ``data error: growth fit (all domains)``), the joint
    lifetime shares as such."""
    if key.startswith("lifetime shares"):
        return "lifetime compute shares (drawn jointly)"
    if key.startswith("data:"):
        group, _, rest = key[len("data:") :].partition(".")
        what = _DATA_GROUPS.get(group, _WORDS.get(group, group))
        if group == "aime":  # a digitized point of o1's AIME curves: test_time.pass1_3
            series, _, point = rest.partition(".")
            compute = {"test_time": "test-time", "train_time": "train-time"}.get(series, series)
            index = int(point.rpartition("_")[2])
            return f"data error: o1 AIME pass@1, {compute} compute, point {index + 1}"
        detail = " ".join(_words(part) for part in rest.split(".")) if rest else ""
        if group == "growth":
            return f"data error: growth fit ({detail})"
        return f"data error: {detail}" if detail else f"data error: {what}"
    _group_name, _, name = key.partition(".")
    return _words(name or key)


def _part_label(rec: dict, part: str) -> str:
    label = rec["label"]
    return label if part == "value" else f"{label}, {PART_WORDS.get(part, part)}"


def label_text(text: str, target: str = "tex") -> str:
    """A label, statement or factor name for ``target``: specials escaped, ``10^26`` as a
    power and, in LaTeX, a colon followed by a normal space (not a sentence's)."""
    out = numbers.prose(text, target)
    return out.replace(": ", ":\\ ") if target == "tex" else out


def label_tex(text: str) -> str:
    """:func:`label_text` in LaTeX."""
    return label_text(text, "tex")


def _label(text: str, cid: str | None = None) -> tables.Cell:
    """A label cell; Markdown and HTML add the id it names."""

    def render(target):
        out = label_text(text, target)
        return (
            out if target == "tex" or cid is None else f"{out} ({tables.code(cid).render(target)})"
        )

    return tables.Cell(render)


def _part_macro(prefix: str, cid: str, part: str) -> str:
    return macro_name(cid, *([] if part == "value" else [part]), prefix=prefix)


def _ledger_part(rec: dict, part: str) -> float:
    if isinstance(rec["value"], list):
        return rec["value"][["low", "high"].index(part)]
    return rec["value"]


# --- the Monte Carlo (uncertainty_table.tex, uncertainty.md) ---------------------------------


def sampled_parts(summary: dict, ledger: dict):
    """``(record, part, stats)`` of every claim part that varies over the draws, in ledger
    order; parts fixed in every draw are left out."""
    for rec in ledger["claims"]:
        for part, stats in _in_order(summary["claims"][rec["id"]]):
            if "fixed" not in stats:
                yield rec, part, stats


def _in_order(parts: dict):
    """A claim's parts, the low end of a pair before the high end."""
    rank = {"value": 0, "low": 1, "high": 2}
    return sorted(parts.items(), key=lambda kv: (rank.get(kv[0], 3), kv[0]))


def fixed_claims(summary: dict, ledger: dict) -> list[str]:
    """Ids of the claims whose every part takes one value in every draw."""
    return [
        rec["id"]
        for rec in ledger["claims"]
        if all("fixed" in s for s in summary["claims"][rec["id"]].values())
    ]


def _edge_words(edge: dict, target: str) -> str:
    q = edge["quantile"]
    name = label_text(factor_name(edge["key"]), target)
    value = numbers.number(
        edge["value"], numbers.assumption_style(edge["value"], edge["key"]), target
    )
    value = f"${value}$" if target == "tex" else value
    if q <= 0:
        where = "the lowest value drawn"
    elif q >= 1:
        where = "the highest value drawn"
    elif q < 0.5:
        where = f"below all but {_math(numbers.percent(1 - q, target=target), target)} of its draws"
    else:
        where = f"above {_math(numbers.percent(q, target=target), target)} of its draws"
    return f"{name} defaults to {value}, {where}"


def _math(text: str, target: str) -> str:
    return f"${text}$" if target == "tex" else text


def outside_text(row: dict, rec: dict, target: str = "tex") -> tuple[str, str]:
    """``(label, sentence)``: which claim's ledger value lies outside its own 5--95%
    interval (``row`` from ``montecarlo.outside_interval``) and why, in words."""
    above = row["ledger"] > row["p95"]
    bound = row["p95"] if above else row["p5"]
    digits = separating_digits(rec, row["ledger"], bound)
    build = build_value(rec, row["ledger"], digits, target)
    crossed = stat(bound, rec, digits or DIGITS, target)
    side = "above" if above else "below"
    text = (
        f"The build's value, {_math(build, target)}, lies {side} the "
        f"{_ordinal('p95') if above else _ordinal('p5')} percentile ({_math(crossed, target)})"
    )
    if row["edge_inputs"]:
        reasons = "; ".join(_edge_words(e, target) for e in row["edge_inputs"])
        text += f": {reasons}, so most draws move it {'down' if above else 'up'}."
    else:
        text += ". No default input sits at the edge of its draws."
    return label_text(_part_label(rec, row["part"]), target), text


def outside_item(row: dict, rec: dict) -> str:
    """One ``\\item`` of :func:`outside_text`, in LaTeX."""
    label, text = outside_text(row, rec, "tex")
    return f"\\item[{label}.] {text}"


def _ordinal(key: str) -> str:
    """``p5`` -> ``5th``, ``p95`` -> ``95th`` (the percentiles montecarlo reports)."""
    n = int(key[1:])
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _draws(summary: dict, target: str = "tex") -> str:
    return numbers.number(int(summary["draws"]), "int", target)


def uncertainty_macros(summary: dict, ledger: dict) -> dict[str, object]:
    """Every macro of ``uncertainty_table.tex``, name -> body, in a fixed order."""
    records = {rec["id"]: rec for rec in ledger["claims"]}
    fixed = fixed_claims(summary, ledger)
    settings = summary["settings"]
    macros: dict[str, object] = {
        "mcDraws": _draws(summary),
        "mcBlocks": str(settings["blocks"]),
        "mcSeed": str(settings["seed"]),
        "mcLowPercentile": _ordinal("p5"),
        "mcHighPercentile": _ordinal("p95"),
        "mcCentralShare": numbers.percent(0.90),
        "mcClaimCount": str(len(ledger["claims"])),
        "mcFixedCount": str(len(fixed)),
        "mcSampledCount": str(len(ledger["claims"]) - len(fixed)),
    }
    # Fixed parts get the same macros (all three their one value), so prose that cites a
    # claim still builds in a scenario where no uncertain input reaches it.
    every_part = [
        (rec, part, stats if "fixed" not in stats else dict.fromkeys(PERCENTILES, stats["fixed"]))
        for rec in ledger["claims"]
        for part, stats in summary["claims"][rec["id"]].items()
    ]
    for rec, part, stats in every_part:
        macros[_part_macro("mcLow", rec["id"], part)] = stat(stats["p5"], rec)
        macros[_part_macro("mcMedian", rec["id"], part)] = stat(stats["median"], rec)
        macros[_part_macro("mcHigh", rec["id"], part)] = stat(stats["p95"], rec)
        ends = [stat(stats[q], rec) for q in ("p5", "p95")]
        macros[_part_macro("mcInterval", rec["id"], part)] = (
            ends[0] if ends[0] == ends[1] else numbers.RANGE_DASH["tex"].join(ends)
        )
    cons = ledger["conclusions"]
    probs = {c["id"]: float(summary["conclusions"][c["id"]]) for c in cons}
    for con in cons:
        macros[macro_name(con["id"], prefix="mcProb")] = numbers.percent(probs[con["id"]])
    doubtful = [c for c in cons if 0 < probs[c["id"]] < 1]
    macros["mcConclusionCount"] = str(len(cons))
    macros["mcCertainCount"] = str(len(cons) - len(doubtful))
    macros["mcDoubtfulCount"] = str(len(doubtful))
    macros["whenAnyDoubtful"] = choose(bool(doubtful))
    macros["mcDoubtfulList"] = doubtful_list(doubtful, probs)
    outside = summary.get("outside_interval", [])
    macros["mcOutsideCount"] = str(len(outside))
    macros.update(count_phrases(len(fixed), len(cons) - len(doubtful), len(doubtful), len(outside)))
    macros["whenAnyOutside"] = choose(bool(outside))
    macros["mcOutsideList"] = (
        "\n".join(
            [r"\begin{description}"]
            + [outside_item(row, records[row["id"]]) for row in outside]
            + [r"\end{description}"]
        )
        if outside
        else ""
    )
    macros["uncertaintyTable"] = claim_interval_table(summary, ledger).latex().rstrip("\n")
    macros["conclusionProbabilityTable"] = conclusion_table(ledger, probs).latex().rstrip("\n")
    return macros


def count_phrases(fixed: int, certain: int, doubtful: int, outside: int) -> dict[str, str]:
    """The appendix's counts as clauses whose verbs and nouns agree with them:
    ``\\mcFixedPhrase`` (``12 depend on no uncertain input and take``), ``\\mcCertainPhrase``
    (``one comes out``), ``\\mcDoubtfulPhrase`` (``The other one holds ... fails``) and
    ``\\mcOutsidePhrase`` (``one quantity``)."""

    def verb(n: int, one: str, many: str) -> str:
        return one if n == 1 else many

    return {
        "mcFixedPhrase": f"{numbers.count_word(fixed)} "
        + verb(
            fixed,
            "depends on no uncertain input and takes",
            "depend on no uncertain input and take",
        ),
        "mcCertainPhrase": f"{numbers.count_word(certain)} {verb(certain, 'comes', 'come')} out",
        "mcDoubtfulPhrase": (
            "The other one holds in some draws and fails in others"
            if doubtful == 1
            else f"The {numbers.count_word(doubtful)} others hold in some draws and fail in others"
        ),
        "mcOutsidePhrase": numbers.counted(outside, "quantity", "quantities"),
    }


def doubtful_list(doubtful: list[dict], probs: dict) -> str:
    """``\\item`` per conclusion that holds in some draws and fails in others, least likely
    first: its statement, the share of draws in which it holds, and the ledger's verdict."""
    if not doubtful:
        return ""
    lines = [r"\begin{itemize}"]
    for con in sorted(doubtful, key=lambda c: (probs[c["id"]], c["id"])):
        ledger = "holds" if con["holds"] else "does not hold"
        lines.append(
            f"\\item {label_tex(con['statement'])}: holds in ${numbers.percent(probs[con['id']])}$ "
            f"of the draws (at the defaults it {ledger})."
        )
    lines.append(r"\end{itemize}")
    return "\n".join(lines)


def claim_interval_table(summary: dict, ledger: dict) -> Table:
    """Every sampled claim part: label, unit, 5th percentile, median, 95th percentile and
    the build's own value (as the ledger prints it)."""
    records = {rec["id"]: rec for rec in ledger["claims"]}
    low, high = _ordinal("p5"), _ordinal("p95")
    n_fixed = len(fixed_claims(summary, ledger))
    caption = tables.Cell(
        lambda target: (
            f"Monte Carlo intervals of the claims: the {low} percentile, median and {high} "
            f"percentile over {_draws(summary, target)} draws of the assumption ranges and "
            "the shipped data's uncertainty, beside this build's value. "
            f"{n_fixed} of the {len(ledger['claims'])} claims depend on no uncertain input, "
            "take one value in every draw and are left out."
        )
    )
    table = Table(
        [
            Column("Quantity", 0.31),
            Column("Unit", 0.17),
            Column(low, 0.13, "r"),
            Column("Median", 0.13, "r"),
            Column(high, 0.13, "r"),
            Column("Build", 0.13, "r"),
        ],
        caption=caption,
        label="tab:uncertainty",
    )
    section = None
    for rec, part, stats in sampled_parts(summary, ledger):
        rec = records[rec["id"]]
        if rec["section"] != section:
            section = rec["section"]
            table.section(SECTION_TITLES.get(section, section))
        build = _ledger_part(rec, part)
        crossed = stats["p95"] if build > stats["p95"] else stats["p5"]
        digits = separating_digits(rec, build, crossed)

        def cell(value, rec=rec, digits=digits):
            return tables.Cell(lambda t: _math(stat(value, rec, digits or DIGITS, t), t))

        table.add(
            _label(_part_label(rec, part), rec["id"]),
            tables.Cell(lambda target, unit=rec["unit"]: numbers.unit_words(unit, target)),
            *(cell(stats[q]) for q in PERCENTILES),
            tables.Cell(
                lambda t, rec=rec, build=build, digits=digits: _math(
                    build_value(rec, build, digits, t), t
                )
            ),
        )
    return table


def conclusion_table(ledger: dict, probs: dict) -> Table:
    """The conclusions in words: the share of draws in which each holds and whether it
    holds at the defaults."""
    table = Table(
        [
            Column("Conclusion", 0.66),
            Column("Holds in", 0.14, "r"),
            Column("At defaults", 0.20),
        ],
        caption=(
            "The conclusions in words: the share of Monte Carlo draws in which each holds, "
            "and whether it holds at the default assumptions."
        ),
        label="tab:conclusion-probabilities",
    )
    for con in ledger["conclusions"]:
        table.add(
            _label(con["statement"]),
            tables.Cell(lambda t, p=probs[con["id"]]: _math(numbers.percent(p, target=t), t)),
            "holds" if con["holds"] else "does not hold",
        )
    return table


def uncertainty_tex(summary: dict, ledger: dict) -> str:
    """The text of ``uncertainty_table.tex``: macro definitions only."""
    return render_macros(
        uncertainty_macros(summary, ledger),
        "Monte Carlo intervals and probabilities (results/uncertainty.json)",
    )


def uncertainty_page(summary: dict, ledger: dict) -> Page:
    """``uncertainty.md``: the two tables of the appendix, the claims each fixed, and why
    a ledger value lies outside its own interval."""
    fixed = fixed_claims(summary, ledger)
    records = {rec["id"]: rec for rec in ledger["claims"]}
    probs = {c["id"]: float(summary["conclusions"][c["id"]]) for c in ledger["conclusions"]}
    page = Page().add(
        Heading("Uncertainty"),
        Paragraph(
            tables.join(
                f"{_draws(summary, 'text')} draws (seed {summary['settings']['seed']}). "
                "Claims that take one value in every draw: ",
                tables.join(*[tables.code(c) for c in fixed], sep=", ") if fixed else "none",
                ".",
            )
        ),
        claim_interval_table(summary, ledger),
        conclusion_table(ledger, probs),
    )
    outside = summary.get("outside_interval", [])
    if outside:
        items = []
        for row in outside:
            label, text = outside_text(row, records[row["id"]], "text")
            items.append(tables.rich("", f"{label}: {text}", None))
        page.add(Heading("Ledger values outside their own interval", 2), Items(items))
    return page


# --- Sobol indices (sensitivity_table.tex, sensitivity.md) ---------------------------------


def ranked_factors(entry: dict, top: int | None = SOBOL_TOP, floor: float = SOBOL_FLOOR):
    """``[(factor, indices)]`` of one output by total index, largest first, those with
    ``S_T`` below ``floor`` left out, at most ``top``."""
    idx = entry["indices"] or {}
    ranked = sorted(idx.items(), key=lambda kv: (-kv[1]["ST"], kv[0]))
    ranked = [(f, v) for f, v in ranked if v["ST"] >= floor]
    return ranked if top is None else ranked[:top]


def _index(value: float, conf: float) -> tables.Cell:
    """An index with its confidence half-width: ``0.47 ± 0.03`` (a negative first-order
    estimate is sampling noise and prints as zero)."""

    def render(target):
        pm = {"tex": r" \pm ", "text": " ± ", "html": " ± "}[target]
        v = numbers.number(max(value, 0.0), INDEX_STYLE, target)
        return _math(v + pm + numbers.number(conf, INDEX_STYLE, target), target)

    return tables.Cell(render)


def _outputs(result: dict, ledger: dict):
    """``(kind, id, words, entry)`` per analysed output, claims first."""
    labels = {rec["id"]: rec["label"] for rec in ledger["claims"]}
    statements = {c["id"]: c["statement"] for c in ledger["conclusions"]}
    for cid, entry in result.get("claims", {}).items():
        yield "claims", cid, labels.get(cid, cid), entry
    for cid, entry in result.get("conclusions", {}).items():
        yield "conclusions", cid, statements.get(cid, cid), entry


def sensitivity_macros(result: dict, ledger: dict) -> dict[str, object]:
    """Every macro of ``sensitivity_table.tex``, name -> body."""
    s = result["settings"]
    macros: dict[str, object] = {
        "sobolBaseSamples": numbers.number(s["base_samples"], "int"),
        "sobolEvaluations": numbers.number(result["evaluations"], "int"),
        "sobolFactorCount": str(len(result["factors"])),
        "sobolConfidence": numbers.percent(s["confidence"]),
        "sobolResamples": str(s["resamples"]),
        "sobolTopCount": str(SOBOL_TOP),
        "sobolFloor": numbers.number(SOBOL_FLOOR, INDEX_STYLE),
    }
    items = []
    for kind, cid, words, entry in _outputs(result, ledger):
        ranked = ranked_factors(entry, top=1)
        varies = bool(ranked)
        macros[macro_name(cid, prefix="whenSobolVaries")] = choose(varies)
        if varies:
            factor, v = ranked[0]
            name = label_tex(factor_name(factor))
            total = numbers.number(v["ST"], INDEX_STYLE)
            first = numbers.number(max(v["S1"], 0.0), INDEX_STYLE)
            macros[macro_name(cid, prefix="sobolTopFactor")] = name
            macros[macro_name(cid, prefix="sobolTopTotal")] = total
            macros[macro_name(cid, prefix="sobolTopFirst")] = first
            if kind == "claims":
                items.append(
                    f"\\item \\emph{{{label_tex(words)}}}: {name} "
                    f"($S_T = {total}$, $S_1 = {first}$)."
                )
    macros["sobolTopList"] = "\n".join([r"\begin{itemize}", *items, r"\end{itemize}"])
    macros["sensitivityTable"] = sensitivity_table(result, ledger).latex().rstrip("\n")
    return macros


_SUB = {"tex": "S_{}", "text": "S{}", "html": "S<sub>{}</sub>"}


def sensitivity_table(result: dict, ledger: dict) -> Table:
    """The largest Sobol indices per key claim and per conclusion, in words."""
    s = result["settings"]
    caption = tables.Cell(
        lambda t: (
            "Sobol indices of the key claims and of the conclusions (a conclusion's output is "
            "1 where it holds, 0 where it fails): first-order "
            f"{_math(_SUB[t].format('1'), t)} and total {_math(_SUB[t].format('T'), t)}, with "
            f"{_math(numbers.percent(s['confidence'], target=t), t)} bootstrap half-widths "
            f"from {s['resamples']} resamples, from Saltelli's design with "
            f"{_math('N = ' + numbers.number(s['base_samples'], 'int', t), t)} "
            f"({numbers.number(result['evaluations'], 'int', t)} model evaluations over "
            f"{len(result['factors'])} factors). For each output the factors with the largest "
            f"total index are listed, at most {SOBOL_TOP}, none below "
            f"{_math(numbers.number(SOBOL_FLOOR, INDEX_STYLE, t), t)}; first-order estimates "
            "below zero are sampling noise and print as zero."
        )
    )
    table = Table(
        [
            Column(tables.rich("Output and factor", "output and factor"), 0.62),
            Column(tables.rich("$S_1$", "S1", "S<sub>1</sub>"), 0.19),
            Column(tables.rich("$S_T$", "ST", "S<sub>T</sub>"), 0.19),
        ],
        caption=caption,
        label="tab:sensitivity",
    )
    section = None
    for kind, cid, words, entry in _outputs(result, ledger):
        if kind != section:
            section = kind
            table.section(
                "Key claims" if kind == "claims" else "Conclusions (probability it holds)"
            )
        ranked = ranked_factors(entry)
        head = _label(words, cid)
        if kind == "conclusions" and ranked:
            mean = entry["mean"]
            head = tables.join(
                head,
                " (",
                tables.Cell(lambda t, m=mean: _math(numbers.percent(m, target=t), t)),
                ")",
            )
        if not ranked:
            always = "holds in every draw" if entry["mean"] >= 1 else "fails in every draw"
            table.add(head, always, "")
            continue
        table.add(head, "", "")
        for factor, v in ranked:
            table.add(
                tables.join(tables.rich(r"\quad ", "↳ ", "&emsp;"), _label(factor_name(factor))),
                _index(v["S1"], v["S1_conf"]),
                _index(v["ST"], v["ST_conf"]),
            )
    return table


def sensitivity_tex(result: dict, ledger: dict) -> str:
    """The text of ``sensitivity_table.tex``: macro definitions only."""
    return render_macros(
        sensitivity_macros(result, ledger), "Sobol indices (results/sensitivity.json)"
    )


def sensitivity_page(result: dict, ledger: dict) -> Page:
    """``sensitivity.md``: the Sobol table as Markdown."""
    return Page().add(
        Heading("Global sensitivity (Sobol indices)"), sensitivity_table(result, ledger)
    )
