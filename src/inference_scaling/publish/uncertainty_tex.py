"""The uncertainty appendix's generated LaTeX: tables in words and the macros its prose cites.

``uncertainty_table.tex`` (from :func:`uncertainty_tex`) and ``sensitivity_table.tex`` (from
:func:`sensitivity_tex`) hold only ``\\newcommand`` definitions: the tables themselves
(``\\uncertaintyTable``, ``\\conclusionProbabilityTable``, ``\\sensitivityTable``), every
number the prose quotes (``\\mcMedian<Claim>``, ``\\mcProb<Conclusion>``, ``\\sobolTopFactor
<Claim>`` ...) and generated sentences whose truth depends on the draws. The paper
``\\input``s them and prints what it wants where it wants, so no sentence it types can
contradict the numbers. Rows are named by the claim's ``label`` and factors by
:func:`factor_name`; every number goes through :func:`significant`.
"""

from __future__ import annotations

import math
import re

from inference_scaling.publish.latex import (
    RANGE_DASH,
    SECTION_TITLES,
    assumption_format,
    choose,
    count_word,
    counted,
    essay_words,
    format_number,
    macro_name,
    render_macros,
    tex_escape,
)

#: Significant figures of every Monte Carlo number (fractions: of their percentage).
DIGITS = 3
FRACTION_DIGITS = 2
#: Units whose values print as percentages.
FRACTION_UNITS = {"fraction", "probability"}
#: The statistics montecarlo.summarize reports for a varying claim.
PERCENTILES = ("p5", "median", "p95")
#: Words for the parts of a pair claim.
PART_WORDS = {"low": "low end", "high": "high end"}
#: Sobol indices shown per output: at most this many factors, none with S_T below the floor.
SOBOL_TOP = 4
SOBOL_FLOOR = 0.01


# --- numbers -------------------------------------------------------------------------------


def _group(text: str) -> str:
    whole, _, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}".replace(",", "{,}")
    return sign + grouped + ("." + decimals if decimals else "")


def significant(value: float, digits: int = DIGITS) -> str:
    """``value`` to ``digits`` significant figures, trailing zeros kept (``9.90``), as
    math-safe LaTeX: grouped thousands (``25{,}600``), powers of ten at or above 10^5 or
    below 10^-3 (``1.52\\times 10^{10}``, ``10^{6}``)."""
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"cannot format non-finite value {v}")
    if v == 0:
        return "0"
    rounded = float(f"{v:.{digits}g}")
    exponent = math.floor(math.log10(abs(rounded)))
    if exponent >= 5 or exponent < -3:
        mantissa = rounded / 10**exponent
        if math.isclose(mantissa, 1.0):
            return f"10^{{{exponent}}}"
        return f"{mantissa:.{digits - 1}f}\\times 10^{{{exponent}}}"
    return _group(f"{rounded:.{max(0, digits - 1 - exponent)}f}")


def percent(share: float, digits: int = FRACTION_DIGITS) -> str:
    """A share as a percentage to ``digits`` significant figures (``0.13\\%``, ``59\\%``);
    a share strictly between 0 and 1 never prints as ``0\\%`` or ``100\\%``: more decimals
    are shown until it does not (``99.5\\%``)."""
    share = float(share)
    text = significant(100 * share, digits)
    if 0 < share < 1 and text == "100":
        for decimals in range(1, 7):
            text = f"{100 * share:.{decimals}f}"
            if float(text) < 100:
                break
    return text + "\\%"


def claim_number(value: float, unit: str, digits: int = DIGITS) -> str:
    """One Monte Carlo number of a claim in the claim's unit: shares as percentages (to
    ``digits - 1`` figures), years as years, everything else by :func:`significant`."""
    if unit in FRACTION_UNITS:
        return percent(value, digits - 1)
    if unit == "year":
        return f"{float(value):.1f}".removesuffix(".0")
    if unit == "percent":
        return significant(value, digits) + "\\%"
    return significant(value, digits)


def separating_digits(value: float, bound: float, unit: str) -> int:
    """The fewest significant figures (at least :data:`DIGITS`) at which ``value`` and a
    different ``bound`` print differently, so a value outside its interval never prints
    equal to the end it crosses."""
    digits = DIGITS
    while digits < 8 and claim_number(value, unit, digits) == claim_number(bound, unit, digits):
        digits += 1
    return digits


def unit_words(unit: str) -> str:
    """The unit column: ``x per year`` -> ``$\\times$ per year``; shares say ``share``."""
    if unit in FRACTION_UNITS:
        return "share" if unit == "fraction" else "probability"
    if unit == "percent":
        return "score"
    if unit == "x" or unit.startswith("x "):
        return r"$\times$" + tex_escape(unit[1:])
    if unit.startswith("log10 "):
        return r"$\log_{10}$ " + tex_escape(unit[len("log10 ") :])
    return tex_escape(unit)


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
        detail = _words(rest) if rest else ""
        if group == "growth":
            return f"data error: growth fit ({detail})"
        return f"data error: {detail}" if detail else f"data error: {what}"
    _group_name, _, name = key.partition(".")
    return _words(name or key)


def _part_label(rec: dict, part: str) -> str:
    label = rec["label"]
    return label if part == "value" else f"{label}, {PART_WORDS.get(part, part)}"


def label_tex(text: str) -> str:
    """A label, statement or factor name as LaTeX: specials escaped, ``10^26`` as a power,
    a colon followed by a normal space (not a sentence's)."""
    return essay_words(text).replace(": ", ":\\ ")


def _part_macro(prefix: str, cid: str, part: str) -> str:
    return macro_name(cid, *([] if part == "value" else [part]), prefix=prefix)


def _ledger_part(rec: dict, part: str) -> float:
    if isinstance(rec["value"], list):
        return rec["value"][["low", "high"].index(part)]
    return rec["value"]


# --- the Monte Carlo (uncertainty_table.tex) ----------------------------------------------


def _longtable_head(colspec: str, caption: str, label: str, header: str, ncols: int):
    return [
        rf"\begin{{longtable}}{{{colspec}}}",
        rf"\caption{{{caption}}}\label{{{label}}} \\",
        r"\toprule",
        header,
        r"\midrule",
        r"\endfirsthead",
        rf"\multicolumn{{{ncols}}}{{@{{}}l}}{{\small\itshape \tablename~\thetable, continued}} \\",
        r"\toprule",
        header,
        r"\midrule",
        r"\endhead",
        r"\midrule",
        rf"\multicolumn{{{ncols}}}{{r@{{}}}}{{\small\itshape continued on the next page}} \\",
        r"\endfoot",
        r"\bottomrule",
        r"\endlastfoot",
    ]


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


def _edge_words(edge: dict) -> str:
    q = edge["quantile"]
    name = label_tex(factor_name(edge["key"]))
    value = format_number(edge["value"], assumption_format(edge["value"], edge["key"]))
    if q <= 0:
        where = "the lowest value drawn"
    elif q >= 1:
        where = "the highest value drawn"
    elif q < 0.5:
        where = f"below all but {percent(1 - q)} of its draws"
    else:
        where = f"above {percent(q)} of its draws"
    return f"{name} defaults to ${value}$, {where}"


def outside_item(row: dict, rec: dict) -> str:
    """One ``\\item`` saying in words why a claim's ledger value lies outside its own 5--95%
    interval (``row`` from ``montecarlo.outside_interval``)."""
    unit = rec["unit"]
    above = row["ledger"] > row["p95"]
    bound = row["p95"] if above else row["p5"]
    digits = separating_digits(row["ledger"], bound, unit)
    side = (
        f"above the {_ordinal('p95') if above else _ordinal('p5')} percentile "
        f"(${claim_number(bound, unit, digits)}$)"
    )
    if not above:
        side = side.replace("above", "below", 1)
    text = (
        f"\\item[{label_tex(_part_label(rec, row['part']))}.] The build's value, "
        f"${claim_number(row['ledger'], unit, digits)}$, lies {side}."
    )
    if row["edge_inputs"]:
        reasons = "; ".join(_edge_words(e) for e in row["edge_inputs"])
        return f"{text[:-1]}: {reasons}, so most draws move it {'down' if above else 'up'}."
    return f"{text} No default input sits at the edge of its draws."


def _ordinal(key: str) -> str:
    """``p5`` -> ``5th``, ``p95`` -> ``95th`` (the percentiles montecarlo reports)."""
    n = int(key[1:])
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def uncertainty_macros(summary: dict, ledger: dict) -> dict[str, object]:
    """Every macro of ``uncertainty_table.tex``, name -> body, in a fixed order."""
    records = {rec["id"]: rec for rec in ledger["claims"]}
    fixed = fixed_claims(summary, ledger)
    settings = summary["settings"]
    macros: dict[str, object] = {
        "mcDraws": _group(str(int(summary["draws"]))),
        "mcBlocks": str(settings["blocks"]),
        "mcSeed": str(settings["seed"]),
        "mcLowPercentile": _ordinal("p5"),
        "mcHighPercentile": _ordinal("p95"),
        "mcCentralShare": percent(0.90),
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
        unit = rec["unit"]
        macros[_part_macro("mcLow", rec["id"], part)] = claim_number(stats["p5"], unit)
        macros[_part_macro("mcMedian", rec["id"], part)] = claim_number(stats["median"], unit)
        macros[_part_macro("mcHigh", rec["id"], part)] = claim_number(stats["p95"], unit)
        macros[_part_macro("mcInterval", rec["id"], part)] = RANGE_DASH.join(
            claim_number(stats[q], unit) for q in ("p5", "p95")
        )
    cons = ledger["conclusions"]
    probs = {c["id"]: float(summary["conclusions"][c["id"]]) for c in cons}
    for con in cons:
        macros[macro_name(con["id"], prefix="mcProb")] = percent(probs[con["id"]])
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
    macros["uncertaintyTable"] = claim_interval_table(summary, ledger)
    macros["conclusionProbabilityTable"] = conclusion_table(ledger, probs)
    return macros


def count_phrases(fixed: int, certain: int, doubtful: int, outside: int) -> dict[str, str]:
    """The appendix's counts as clauses whose verbs and nouns agree with them:
    ``\\mcFixedPhrase`` (``12 depend on no uncertain input and take``), ``\\mcCertainPhrase``
    (``one comes out``), ``\\mcDoubtfulPhrase`` (``The other one holds ... fails``) and
    ``\\mcOutsidePhrase`` (``one quantity``)."""

    def verb(n: int, one: str, many: str) -> str:
        return one if n == 1 else many

    return {
        "mcFixedPhrase": f"{count_word(fixed)} "
        + verb(
            fixed,
            "depends on no uncertain input and takes",
            "depend on no uncertain input and take",
        ),
        "mcCertainPhrase": f"{count_word(certain)} {verb(certain, 'comes', 'come')} out",
        "mcDoubtfulPhrase": (
            "The other one holds in some draws and fails in others"
            if doubtful == 1
            else f"The {count_word(doubtful)} others hold in some draws and fail in others"
        ),
        "mcOutsidePhrase": counted(outside, "quantity", "quantities"),
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
            f"\\item {label_tex(con['statement'])}: holds in ${percent(probs[con['id']])}$ of "
            f"the draws (at the defaults it {ledger})."
        )
    lines.append(r"\end{itemize}")
    return "\n".join(lines)


def claim_interval_table(summary: dict, ledger: dict) -> str:
    """The longtable of every sampled claim part: label, unit, 5th percentile, median, 95th
    percentile and the build's own value."""
    records = {rec["id"]: rec for rec in ledger["claims"]}
    low, high = _ordinal("p5"), _ordinal("p95")
    n_fixed = len(fixed_claims(summary, ledger))
    caption = (
        f"Monte Carlo intervals of the claims: the {low} percentile, median and {high} "
        f"percentile over {_group(str(int(summary['draws'])))} draws of the assumption "
        "ranges and the shipped data's uncertainty, beside this build's value. Shares are "
        f"percentages. {n_fixed} of the {len(ledger['claims'])} claims depend on no uncertain "
        "input, take one value in every draw and are left out."
    )
    header = rf"Quantity & Unit & {low} & Median & {high} & Build \\"
    lines = [r"\setlength{\tabcolsep}{4pt}"] + _longtable_head(
        r"@{}>{\raggedright\arraybackslash}p{0.31\linewidth}"
        r">{\raggedright\arraybackslash}p{0.16\linewidth}rrrr@{}",
        caption,
        "tab:uncertainty",
        header,
        6,
    )
    section = None
    for rec, part, stats in sampled_parts(summary, ledger):
        rec = records[rec["id"]]
        if rec["section"] != section:
            section = rec["section"]
            lines.append(
                f"\\multicolumn{{6}}{{@{{}}l}}{{\\textit{{{SECTION_TITLES[section]}}}}} \\\\*"
            )
        unit = rec["unit"]
        build = _ledger_part(rec, part)
        crossed = stats["p95"] if build > stats["p95"] else stats["p5"]
        digits = separating_digits(build, crossed, unit) if build != crossed else DIGITS
        cells = [
            f"${claim_number(v, unit, digits)}$"
            for v in (stats["p5"], stats["median"], stats["p95"], build)
        ]
        lines.append(
            f"{label_tex(_part_label(rec, part))} & {unit_words(unit)} & "
            + " & ".join(cells)
            + r" \\"
        )
    lines.append(r"\end{longtable}")
    return "\n".join(lines)


def conclusion_table(ledger: dict, probs: dict) -> str:
    """The longtable of the conclusions in words: the share of draws in which each holds
    and whether it holds at the defaults."""
    caption = (
        "The conclusions in words: the share of Monte Carlo draws in which each holds, and "
        "whether it holds at the default assumptions."
    )
    header = r"Conclusion & Holds in & At defaults \\"
    lines = _longtable_head(
        r"@{}>{\raggedright\arraybackslash}p{0.66\linewidth}rl@{}",
        caption,
        "tab:conclusion-probabilities",
        header,
        3,
    )
    for con in ledger["conclusions"]:
        lines.append(
            f"{label_tex(con['statement'])} & ${percent(probs[con['id']])}$ & "
            f"{'holds' if con['holds'] else 'does not hold'} \\\\"
        )
    lines.append(r"\end{longtable}")
    return "\n".join(lines)


def uncertainty_tex(summary: dict, ledger: dict) -> str:
    """The text of ``uncertainty_table.tex``: macro definitions only."""
    return render_macros(
        uncertainty_macros(summary, ledger),
        "Monte Carlo intervals and probabilities (results/uncertainty.json)",
    )


# --- Sobol indices (sensitivity_table.tex) ------------------------------------------------


def ranked_factors(entry: dict, top: int | None = SOBOL_TOP, floor: float = SOBOL_FLOOR):
    """``[(factor, indices)]`` of one output by total index, largest first, those with
    ``S_T`` below ``floor`` left out, at most ``top``."""
    idx = entry["indices"] or {}
    ranked = sorted(idx.items(), key=lambda kv: (-kv[1]["ST"], kv[0]))
    ranked = [(f, v) for f, v in ranked if v["ST"] >= floor]
    return ranked if top is None else ranked[:top]


def _index(value: float, conf: float) -> str:
    return f"${value:.2f} \\pm {conf:.2f}$".replace("-0.00", "0.00")


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
        "sobolBaseSamples": _group(str(s["base_samples"])),
        "sobolEvaluations": _group(str(result["evaluations"])),
        "sobolFactorCount": str(len(result["factors"])),
        "sobolConfidence": percent(s["confidence"]),
        "sobolResamples": str(s["resamples"]),
        "sobolTopCount": str(SOBOL_TOP),
        "sobolFloor": f"{SOBOL_FLOOR:.2f}",
    }
    items = []
    for kind, cid, words, entry in _outputs(result, ledger):
        ranked = ranked_factors(entry, top=1)
        varies = bool(ranked)
        macros[macro_name(cid, prefix="whenSobolVaries")] = choose(varies)
        if varies:
            factor, v = ranked[0]
            name = label_tex(factor_name(factor))
            macros[macro_name(cid, prefix="sobolTopFactor")] = name
            macros[macro_name(cid, prefix="sobolTopTotal")] = f"{v['ST']:.2f}"
            macros[macro_name(cid, prefix="sobolTopFirst")] = f"{max(v['S1'], 0.0):.2f}"
            if kind == "claims":
                items.append(
                    f"\\item \\emph{{{label_tex(words)}}}: {name} "
                    f"($S_T = {v['ST']:.2f}$, $S_1 = {max(v['S1'], 0.0):.2f}$)."
                )
    macros["sobolTopList"] = "\n".join([r"\begin{itemize}", *items, r"\end{itemize}"])
    macros["sensitivityTable"] = sensitivity_longtable(result, ledger)
    return macros


def sensitivity_longtable(result: dict, ledger: dict) -> str:
    """Longtable of the largest Sobol indices per key claim and per conclusion, in words."""
    s = result["settings"]
    caption = (
        "Sobol indices of the key claims and of the conclusions (a conclusion's output is 1 "
        "where it holds, 0 where it fails): first-order $S_1$ and total $S_T$, with "
        f"{percent(s['confidence'])} bootstrap half-widths from {s['resamples']} resamples, "
        f"from Saltelli's design with $N = {_group(str(s['base_samples']))}$ "
        f"({_group(str(result['evaluations']))} model evaluations over "
        f"{len(result['factors'])} factors). For each output the factors with the largest "
        f"total index are listed, at most {SOBOL_TOP}, none below ${SOBOL_FLOOR:.2f}$; "
        "first-order estimates below zero are sampling noise and print as zero."
    )
    header = r"Output and factor & $S_1$ & $S_T$ \\"
    lines = _longtable_head(
        r"@{}>{\raggedright\arraybackslash}p{0.62\linewidth}ll@{}",
        caption,
        "tab:sensitivity",
        header,
        3,
    )
    section = None
    for kind, _cid, words, entry in _outputs(result, ledger):
        if kind != section:
            section = kind
            title = "Key claims" if kind == "claims" else "Conclusions (probability it holds)"
            lines.append(f"\\multicolumn{{3}}{{@{{}}l}}{{\\textit{{{title}}}}} \\\\*")
        head = label_tex(words)
        ranked = ranked_factors(entry)
        if kind == "conclusions" and ranked:
            head += f" (${percent(entry['mean'])}$)"
        if not ranked:
            always = "holds in every draw" if entry["mean"] >= 1 else "fails in every draw"
            lines.append(f"{head} & \\multicolumn{{2}}{{l}}{{{always}}} \\\\")
            continue
        lines.append(f"{head} & & \\\\*")
        for factor, v in ranked:
            lines.append(
                f"\\quad {label_tex(factor_name(factor))} & "
                f"{_index(max(v['S1'], 0.0), v['S1_conf'])} & {_index(v['ST'], v['ST_conf'])} \\\\"
            )
    lines.append(r"\end{longtable}")
    return "\n".join(lines)


def sensitivity_tex(result: dict, ledger: dict) -> str:
    """The text of ``sensitivity_table.tex``: macro definitions only."""
    return render_macros(
        sensitivity_macros(result, ledger), "Sobol indices (results/sensitivity.json)"
    )
