"""Format ledger values for LaTeX prose and write the ledger's outputs.

Outputs: ``claims.json`` (the ledger), ``claims.tex`` (one macro per number) and
``claims.md`` (a readable table). Macro names derive from claim ids:
``appendix.crossover_d`` -> ``\\claimAppendixCrossoverD``; pairs get ``Low``/``High``;
extras get their name appended (``\\claimAppendixCrossoverDStandard``).
"""

from __future__ import annotations

import json
import math
import re

SECTION_TITLES = {
    "era": "The end of the pre-training era",
    "deploy": "Scaling inference-at-deployment",
    "thresholds": "Compute thresholds",
    "training": "Scaling inference-during-training",
    "ida": "Iterated distillation and amplification",
    "appendix": "Appendix: lifetime compute",
    "nvidia": "Context: test-time scaling",
}


def macro_name(*parts: str, prefix: str = "claim") -> str:
    """CamelCase macro name (letters only) from id parts: ``claimEraPretrainGrowth``."""
    words = []
    for part in parts:
        words += [w for w in re.split(r"[^A-Za-z0-9]+", part) if w]
    digits = {
        "0": "Zero",
        "1": "One",
        "2": "Two",
        "3": "Three",
        "4": "Four",
        "5": "Five",
        "6": "Six",
        "7": "Seven",
        "8": "Eight",
        "9": "Nine",
    }
    name = "".join(w[:1].upper() + w[1:] for w in words)
    name = "".join(digits.get(ch, ch) for ch in name)
    return prefix + name


def _group_thousands(integer: int) -> str:
    return f"{integer:,}".replace(",", "{,}")


def format_number(value: float, fmt: str) -> str:
    """LaTeX text for ``value`` (math-mode safe, no ``$``).

    ``f0``..``f4`` fixed decimals; ``g2``..``g6`` that many significant figures; ``int``
    grouped integer (``1{,}160``); ``pct``/``pct1`` percent with 0/1 decimals (``\\%`` included);
    ``pow10`` ``10^{25}`` (rounded exponent); ``sci`` ``3\\times10^{10}`` or ``10^{10}``.
    """
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"cannot format non-finite value {v}")
    if re.fullmatch(r"f[0-4]", fmt):
        text = f"{v:.{fmt[1]}f}"
        if re.fullmatch(r"-?0\.?0*", text):
            text = text.lstrip("-")
        return text
    if re.fullmatch(r"g[2-6]", fmt):
        rounded = float(f"{v:.{fmt[1]}g}")
        if abs(rounded) >= 1000 and rounded.is_integer():
            return _group_thousands(int(rounded))
        return f"{rounded:g}"
    if fmt == "int":
        return _group_thousands(round(v))
    if fmt in ("pct", "pct1"):
        digits = 0 if fmt == "pct" else 1
        return f"{100 * v:.{digits}f}\\%"
    if fmt == "pow10":
        return f"10^{{{round(math.log10(v))}}}"
    if fmt == "sci":
        exponent = math.floor(math.log10(abs(v))) if v else 0
        mantissa = round(v / 10**exponent, 2)
        if mantissa >= 10:
            mantissa, exponent = mantissa / 10, exponent + 1
        if math.isclose(mantissa, 1.0):
            return f"10^{{{exponent}}}"
        return f"{mantissa:g}\\times 10^{{{exponent}}}"
    raise ValueError(f"unknown number format '{fmt}'")


RANGE_DASH = r"\mbox{--}"  # an en dash that reads the same in text and in math mode


def format_value(value, fmt: str) -> str:
    """Format a scalar or a ``[low, high]`` pair (joined by an en dash; a pair whose ends
    print alike prints once)."""
    if isinstance(value, list | tuple):
        ends = [format_number(v, fmt) for v in value]
        return ends[0] if ends[0] == ends[1] else RANGE_DASH.join(ends)
    return format_number(value, fmt)


def verdict_format(rec: dict) -> str:
    """The record's format, with more significant figures where the printed value would
    otherwise seem to contradict the verdict (5.50077 against "about 5x" prints as 5.501,
    not 5.5)."""
    from inference_scaling.ledger import verdict_rule
    from inference_scaling.ledger.claims import statement_of

    fmt = rec["format"]
    if rec.get("essay") is None or rec.get("verdict") == "unchecked":
        return fmt
    if fmt in ("pow10", "pct", "pct1", "sci", "int"):
        return fmt
    stated = statement_of(rec)
    value = rec["value"]
    for candidate in (fmt, "g3", "g4", "g5", "g6"):
        shown = [
            float(format_number(v, candidate).replace("{,}", ""))
            for v in (value if isinstance(value, list) else [value])
        ]
        printed = tuple(shown) if isinstance(value, list) else shown[0]
        if (verdict_rule.verdict(printed, stated) == "reproduced") == (
            rec["verdict"] == "reproduced"
        ):
            return candidate
    return "g6"


def essay_format(value, fmt: str) -> str:
    """The claim's format, without decimals the essay never wrote (``5`` not ``5.0``)."""
    values = value if isinstance(value, list | tuple) else [value]
    if fmt.startswith("f") and all(float(v).is_integer() for v in values):
        return "f0"
    return fmt


def _extra_format(name: str, fmt: str) -> str:
    # Sample sizes are counts; ratios per parameter are shown to three significant figures;
    # everything else shares the claim's format.
    if name == "n":
        return "int"
    return "g3" if name.endswith("per_param") else fmt


def text_mode(tex: str) -> str:
    """A formatted number written for text mode (``10^{26}`` as ``10\\textsuperscript{26}``).
    LaTeXML cannot put a link around math inside math, so the HTML edition links this
    form; the PDF keeps the math one."""
    text = re.sub(r"\^\{(-?\d+)\}", r"\\textsuperscript{\1}", tex)
    text = text.replace("\\times ", "\\texttimes{}").replace("\\times", "\\texttimes{}")
    return text.replace(RANGE_DASH, "--").replace("{,}", ",")


def claim_link(claim_id: str, text: str) -> str:
    """A number of claim ``claim_id`` linked to its ledger entry:
    ``\\claimlink{id}{math form}{text form}``. paper/main.tex and links.tex define it (the
    ledger table's row in the PDF, the ledger page in the HTML edition)."""
    return f"\\claimlink{{{claim_id}}}{{{text}}}{{{text_mode(text)}}}"


def claim_macros(ledger: list[dict]) -> dict[str, object]:
    """Every macro the ledger defines, name -> LaTeX text, in ledger order. Each number
    is a link to its claim's ledger entry (:func:`claim_link`)."""
    macros: dict[str, str] = {}
    for rec in ledger:
        fmt = rec["format"]
        value = rec["value"]
        link = rec["id"]
        if isinstance(value, list):
            macros[macro_name(rec["id"])] = claim_link(link, format_value(value, fmt))
            macros[macro_name(rec["id"], "low")] = claim_link(link, format_number(value[0], fmt))
            macros[macro_name(rec["id"], "high")] = claim_link(link, format_number(value[1], fmt))
        else:
            macros[macro_name(rec["id"])] = claim_link(link, format_number(value, fmt))
        for name, extra in rec["extra"].items():
            macros[macro_name(rec["id"], name)] = claim_link(
                link, format_value(extra, _extra_format(name, fmt))
            )
        if rec["essay_value"] is not None:
            essay = rec["essay_value"]
            macros[macro_name(rec["id"], prefix="essay")] = claim_link(
                link, format_value(essay, essay_format(essay, fmt))
            )
        if rec.get("essay") is not None:
            macros[macro_name(rec["id"], prefix="essayWords")] = essay_words(rec["essay"])
        macros[macro_name(rec["id"], prefix="verdict")] = rec["verdict"]
        if rec.get("ratio_to_essay") is not None:  # order-of-magnitude statements
            macros[macro_name(rec["id"], prefix="ratio")] = ratio_text(rec)
        # \\whenReproducedX{text if reproduced}{text otherwise}: prose that states a verdict
        # is chosen by the ledger, so a fork's paper cannot contradict its own numbers.
        macros[macro_name(rec["id"], prefix="whenReproduced")] = choose(
            rec["verdict"] == "reproduced"
        )
    return macros


def value_with_unit(rec: dict) -> str:
    """A record's value and unit for tables and lists: ``$4.8$\\,$\\times$ per year``."""
    value = f"${format_value(rec['value'], verdict_format(rec))}$"
    unit = rec["unit"]
    if unit == "x" or unit.startswith("x "):
        return value + r"\,$\times$" + tex_escape(unit[1:])
    if unit == "percent":
        return value + r"\%"
    return f"{value} {tex_escape(unit)}"


CAUSE_TITLES = {
    "essay": "The essay's arithmetic or its reading of a source",
    "source": "The source: revised, or the shipped figure approximate",
    "definition": "A different quantity: sensitivity rows beside their headline",
    "premise": "A premise this build changes",
}


def differences_by_cause(ledger: list[dict]) -> dict[str, list[dict]]:
    """The ``differs`` records grouped by cause, in the order of :data:`CAUSE_TITLES`;
    causes without a difference are left out."""
    groups = {cause: [] for cause in CAUSE_TITLES}
    for rec in ledger:
        if rec["verdict"] == "differs":
            groups[rec["cause"]].append(rec)
    return {cause: recs for cause, recs in groups.items() if recs}


def differences_list(ledger: list[dict]) -> str:
    """LaTeX for every claim whose verdict is ``differs``, grouped by cause: its label and
    basis, the essay's words, the recomputed value and the note that gives the reason.
    Generated, so each build (and each scenario) lists exactly its own differences."""
    groups = differences_by_cause(ledger)
    if not groups:
        return "No quantity of this build differs from the essay's statement."
    lines = []
    for cause, recs in groups.items():
        lines += [rf"\paragraph{{{tex_escape(CAUSE_TITLES[cause])}.}}", r"\begin{description}"]
        for rec in recs:
            value = value_with_unit(rec)
            note = f" {essay_words(rec['note'])}" if rec["note"] else ""
            lines.append(
                f"\\item[{essay_words(rec['label'])}] ({rec['basis']}) The essay: "
                f"``{essay_words(rec['essay'])}''; this build: {value}.{note}"
            )
        lines.append(r"\end{description}")
    return "\n".join(lines)


def ratio_text(rec: dict) -> str:
    """The ratio of the recomputed value to the essay's, for an order-of-magnitude
    statement (``""`` otherwise), e.g. ``2.6``; a pair prints as ``low--high``."""
    ratio = rec.get("ratio_to_essay")
    if ratio is None:
        return ""
    return format_value(ratio, "g2")


POWER_TEXT = re.compile(r"([A-Za-z0-9]+)\^\{?(-?[A-Za-z0-9.]+)\}?")


EMPHASIS = re.compile(r"(?<![\w\\])_([^_\s][^_]*?)_(?!\w)")


def essay_words(text) -> str:
    """Plain text (the essay's statement, an assumption's meaning) as LaTeX: specials
    escaped, a power written ``10^k`` or ``C^a`` typeset as one."""
    # The essay's words keep its Markdown emphasis (_N_); it prints as emphasis.
    text = EMPHASIS.sub(lambda m: "\x00" + m.group(1) + "\x01", str(text))
    pieces = POWER_TEXT.split(text)
    # split() gives text, base, exponent, text, ...: escape the text, typeset the powers.
    out = []
    for i in range(0, len(pieces), 3):
        out.append(tex_escape(pieces[i]).replace("×", r"$\times$").replace(">", "$>$"))
        if i + 2 < len(pieces):
            out.append(f"${pieces[i + 1]}^{{{pieces[i + 2]}}}$")
    return "".join(out).replace("\x00", r"\emph{").replace("\x01", "}")


def choose(first: bool) -> tuple[int, str]:
    """A two-argument macro body that keeps its first argument when ``first`` is true,
    else its second."""
    return (2, "#1" if first else "#2")


def conclusion_macros(conclusions: list[dict]) -> dict[str, object]:
    """Per conclusion: ``\\conclusionX`` (its statement), ``\\holdsX`` (``holds`` or
    ``does not hold``) and ``\\whenHoldsX{text if it holds}{text otherwise}``."""
    macros: dict[str, object] = {}
    for con in conclusions:
        macros[macro_name(con["id"], prefix="conclusion")] = tex_escape(con["statement"])
        macros[macro_name(con["id"], prefix="holds")] = "holds" if con["holds"] else "does not hold"
        macros[macro_name(con["id"], prefix="whenHolds")] = choose(con["holds"])
    return macros


def assumption_format(value: float, key: str = "") -> str:
    """Prose format for an assumption value: years as plain integers, confidence levels as
    percentages, powers of ten for large or tiny numbers, grouped integers for whole numbers,
    else three significant figures."""
    if key.endswith("_year"):
        return "f0"
    if key.endswith("_confidence"):
        return "pct"
    v = abs(float(value))
    if v >= 1e5 or 0 < v < 1e-3:
        return "sci"
    if float(value).is_integer():
        return "int"
    return "g3"


def assumption_macros(values: dict[str, float]) -> dict[str, str]:
    """One macro per assumption value: ``appendix.n_params`` -> ``\\assumeAppendixNParams``."""
    return {
        macro_name(key, prefix="assume"): format_number(v, assumption_format(v, key))
        for key, v in values.items()
    }


def citation_macros(cff: dict) -> dict[str, str]:
    """The title block from ``CITATION.cff``: ``\\paperTitle`` and ``\\paperAuthors``
    (names joined with ``\\and``)."""

    def name(author: dict) -> str:
        if author.get("name"):
            return author["name"]
        return f"{author.get('given-names', '')} {author['family-names']}".strip()

    return {
        "paperTitle": tex_escape(cff["title"]),
        "paperAuthors": r" \and ".join(tex_escape(name(a)) for a in cff["authors"]),
    }


def constant_macros() -> dict[str, str]:
    """Macros for the fixed constants of the kernels the prose cites (standard FLOP
    coefficients per parameter and token)."""
    from inference_scaling.model.lifetime import STANDARD_COEFFICIENTS

    c_pre, c_inf = STANDARD_COEFFICIENTS
    return {
        "assumeAppendixCPreStandard": format_number(c_pre, "g3"),
        "assumeAppendixCInfStandard": format_number(c_inf, "g3"),
    }


def fact_macros(facts: dict[str, float]) -> dict[str, str]:
    """One macro per data fact the claims read: ``alphago.elo_zero`` -> ``\\factAlphagoEloZero``."""
    return {
        macro_name(key, prefix="fact"): format_number(v, assumption_format(v, key))
        for key, v in sorted(facts.items())
    }


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count_word(n: int) -> str:
    """A count as prose: words up to nine (``no`` for zero), digits from ten on."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``one claim``, ``two claims``, ``12 claims``: the count and its noun agree."""
    return f"{count_word(n)} {singular if n == 1 else (plural or singular + 's')}"


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def count_clauses(parts: list[tuple[int, str, str]]) -> str:
    """Clauses for the non-zero counts, joined: ``(n, singular, plural)`` where each text
    follows the count (``[(19, "reproduces", "reproduce"), (0, ...), (1, "differs",
    "differ")]`` -> ``19 reproduce and one differs``). Zero counts are left out."""
    return join_words([f"{count_word(n)} {one if n == 1 else many}" for n, one, many in parts if n])


# Groups of claims whose verdicts the prose reports together, as one sentence.
VERDICT_GROUPS = {
    "appendixMultiplierVerdicts": (
        "appendix.pre_dominated_pretrain",
        "appendix.pre_dominated_inference",
        "appendix.deploy_dominated_pretrain",
        "appendix.deploy_dominated_inference",
    ),
}


def verdict_group_sentence(records: list[dict]) -> str:
    """One sentence for the verdicts of claims the prose quotes together: ``All four
    reproduce the essay's statements.`` when they agree, else the count of each verdict with
    the labels of the minority (``Three reproduce the essay's statements; one differs:
    ...``)."""
    verdicts = [r["verdict"] for r in records]
    n = len(records)
    phrases = {
        "reproduced": ("reproduces the essay's statement", "reproduce the essay's statements"),
        "differs": ("differs from the essay's statement", "differ from the essay's statements"),
        "new": ("is a check the essay does not state", "are checks the essay does not state"),
    }
    if len(set(verdicts)) == 1:
        one, many = phrases[verdicts[0]]
        whole = "Both" if n == 2 else f"All {count_word(n)}"
        return f"{whole if n > 1 else 'It'} {many if n > 1 else one}."
    clauses = []
    for verdict in ("reproduced", "differs", "new"):
        group = [r for r in records if r["verdict"] == verdict]
        if not group:
            continue
        one, many = phrases[verdict]
        clause = f"{count_word(len(group))} {one if len(group) == 1 else many}"
        if verdict != "reproduced":
            clause += " (" + "; ".join(tex_escape(r["label"]) for r in group) + ")"
        clauses.append(clause)
    text = join_words(clauses)
    return text[:1].upper() + text[1:] + "."


def verdict_group_macros(ledger: list[dict]) -> dict[str, str]:
    """One macro per :data:`VERDICT_GROUPS` entry whose claims are all in the ledger."""
    by_id = {r["id"]: r for r in ledger}
    return {
        name: verdict_group_sentence([by_id[i] for i in ids])
        for name, ids in VERDICT_GROUPS.items()
        if all(i in by_id for i in ids)
    }


def ledger_count_macros(ledger: list[dict]) -> dict[str, str]:
    """``\\ledgerTotal``, the count of each verdict (``\\ledgerReproduced`` ...,
    ``\\ledgerUnchecked``), the same per basis (``\\ledgerRecomputed``,
    ``\\ledgerRecomputedDiffers``, ``\\ledgerPremise`` ...), per evidence grade of the
    recomputed rows (``\\ledgerIndependent``, ``\\ledgerIndependentReproduced`` ...) and the
    differences per cause (``\\ledgerDiffersByDefinition`` ...)."""
    from inference_scaling.ledger.claims import (
        counts_by_basis,
        counts_by_cause,
        counts_by_evidence,
    )

    names = (
        ("reproduced", "Reproduced"),
        ("differs", "Differs"),
        ("new", "New"),
        ("unchecked", "Unchecked"),
    )
    counts = {"ledgerTotal": len(ledger)}
    for verdict, name in names:
        counts[f"ledger{name}"] = sum(r["verdict"] == verdict for r in ledger)
    for group, c in (*counts_by_basis(ledger).items(), *counts_by_evidence(ledger).items()):
        stem = "ledger" + group.capitalize()
        counts[stem] = c["total"]
        for verdict, name in names:
            counts[stem + name] = c[verdict]
    for cause, n in counts_by_cause(ledger).items():
        counts["ledgerDiffersBy" + cause.capitalize()] = n
    return {k: str(v) for k, v in counts.items()} | ledger_phrase_macros(ledger)


def ledger_phrase_macros(ledger: list[dict]) -> dict[str, str]:
    r"""The ledger's counts as the clauses the prose uses, with nouns that agree and zero
    counts left out: ``\ledgerRecomputedPhrase`` (``19 reproduce ..., one differs and 18
    are checks the essay does not state``), ``\ledgerSourcedPhrase``,
    ``\ledgerDiffersPhrase`` (``three differ from the essay's statement in this build: one
    recomputed and two sourced``) and ``\ledgerPremisePhrase`` (``none of which this build
    changes``)."""
    from inference_scaling.ledger.claims import counts_by_basis, counts_by_cause

    by = counts_by_basis(ledger)
    empty = {"total": 0, "reproduced": 0, "differs": 0, "new": 0, "unchecked": 0}
    rec, src, pre = (by.get(b, empty) for b in ("recomputed", "sourced", "premise"))
    recomputed = count_clauses(
        [
            (
                rec["reproduced"],
                "reproduces the essay's statement at the precision it is stated",
                "reproduce the essay's statement at the precision it is stated",
            ),
            (rec["differs"], "differs", "differ"),
            (
                rec["new"],
                "is a check the essay does not state",
                "are checks the essay does not state",
            ),
        ]
    )
    sourced = count_clauses(
        [
            (src["reproduced"], "matches", "match"),
            (src["differs"], "differs", "differ"),
            (src["new"], "is not stated in the essay", "are not stated in the essay"),
            (
                src.get("unchecked", 0),
                "cannot be checked with what ships",
                "cannot be checked with what ships",
            ),
        ]
    )
    differing = sum(r["verdict"] == "differs" for r in ledger)
    premises = counted(
        pre["differs"],
        "premise that the build's assumptions change",
        "premises that the build's assumptions change",
    )
    by_basis = join_words(
        [
            text
            for n, text in (
                (rec["differs"], f"{count_word(rec['differs'])} recomputed"),
                (src["differs"], f"{count_word(src['differs'])} sourced"),
                (pre["differs"], premises),
            )
            if n
        ]
    )
    if differing == 0:
        differs = "none differs from the essay's statement in this build"
    else:
        verb = "differs" if differing == 1 else "differ"
        differs = (
            f"{count_word(differing)} {verb} from the essay's statement in this build: {by_basis}"
        )
    changed = pre["differs"]
    premise = (
        "none of which this build changes"
        if changed == 0
        else f"of which this build changes {count_word(changed)}"
    )
    causes = counts_by_cause(ledger)
    long = {
        "essay": ("comes", "come", "from the essay's own arithmetic or its reading of a source"),
        "source": ("comes", "come", "from a revised or approximate source"),
        "definition": (
            "comes",
            "come",
            "from a sensitivity row that measures a different quantity from its headline row",
        ),
        "premise": ("comes", "come", "from a premise this build changes"),
    }
    short = {
        "essay": "from the essay itself",
        "source": "from a source",
        "definition": "from a different definition",
        "premise": "from a changed premise",
    }
    by_cause = [
        f"{count_word(n)} {long[c][0] if n == 1 else long[c][1]} {long[c][2]}"
        for c, n in causes.items()
        if n
    ]
    unchecked = sum(r["verdict"] == "unchecked" for r in ledger)
    return {
        # "By cause, one comes from ...": empty when nothing differs.
        "ledgerDiffersByCausePhrase": f"By cause, {join_words(by_cause)}." if by_cause else "",
        # " (one from a different definition)" after "Each difference is listed with its cause".
        "ledgerCauseShortPhrase": (
            " (" + join_words([f"{count_word(n)} {short[c]}" for c, n in causes.items() if n]) + ")"
            if by_cause
            else ""
        ),
        # The sentence on unchecked statements, or nothing when there are none.
        "ledgerUncheckedSentence": (
            f"A further {counted(unchecked, 'statement is', 'statements are')} "
            + r"\verdict{unchecked}: no shipped source can confirm or refute "
            + (
                "it, and it is not counted as a difference."
                if unchecked == 1
                else "them, and they are not counted as differences."
            )
            if unchecked
            else ""
        ),
        "ledgerRecomputedPhrase": recomputed or "none is stated in the essay",
        "ledgerSourcedPhrase": sourced,
        "ledgerDiffersPhrase": differs,
        "ledgerPremisePhrase": premise,
    }


def render_macros(macros: dict[str, object], header: str) -> str:
    """A ``.tex`` file of ``\\newcommand`` definitions (``\\newcommand`` fails on a clash).

    A value is the macro's text, or ``(number of arguments, body)``."""
    lines = [f"% {header}", "% Generated by the pipeline; do not edit."]
    for name, text in macros.items():
        if isinstance(text, tuple):
            nargs, body = text
            lines.append(f"\\newcommand{{\\{name}}}[{nargs}]{{{body}}}")
        else:
            lines.append(f"\\newcommand{{\\{name}}}{{{text}}}")
    return "\n".join(lines) + "\n"


def tex_escape(text: str) -> str:
    """Escape LaTeX specials in plain text (statements, units)."""
    repl = {
        "\\": r"\textbackslash{}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "{": r"\{",
        "}": r"\}",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
    return "".join(repl.get(ch, ch) for ch in text)


BASIS_WORDS = {"recomputed": "recomputed", "sourced": "sourced", "premise": "premise"}


def ledger_table(ledger: list[dict]) -> str:
    """The ledger as a complete ``longtable``: label, basis, the essay's words, the
    recomputed value with its unit, and the verdict.

    The whole environment is generated: ``\\input`` inside an alignment breaks
    ``\\multicolumn``.
    """
    header = r"Quantity & Basis & Essay & Recomputed & Verdict \\"
    rows = [
        # Widths sum, with the l column ("recomputed") and the column gaps, to the text
        # block; the verdict wraps when a ratio stands beside it.
        r"\begin{longtable}{@{}>{\raggedright\arraybackslash}p{0.29\linewidth}l"
        r">{\raggedright\arraybackslash}p{0.15\linewidth}"
        r">{\raggedright\arraybackslash}p{0.20\linewidth}"
        r">{\raggedright\arraybackslash}p{0.13\linewidth}@{}}",
        r"\caption{\ledgerTableCaption}\label{tab:ledger} \\",
        r"\toprule",
        header,
        r"\midrule",
        r"\endfirsthead",
        r"\multicolumn{5}{@{}l}{\small\itshape \tablename~\thetable, continued} \\",
        r"\toprule",
        header,
        r"\midrule",
        r"\endhead",
        r"\midrule",
        r"\multicolumn{5}{r@{}}{\small\itshape continued on the next page} \\",
        r"\endfoot",
        r"\bottomrule",
        r"\endlastfoot",
    ]
    section = None
    for rec in by_section(ledger):
        if rec["section"] != section:
            section = rec["section"]
            rows.append(f"\\multicolumn{{5}}{{l}}{{\\textit{{{SECTION_TITLES[section]}}}}} \\\\")
        essay = "--" if rec["essay"] is None else essay_words(rec["essay"])
        if rec.get("figure_text"):  # a figure image's text, not the essay's prose
            essay += r"\textsuperscript{\dag}"
        value = value_with_unit(rec)
        ratio = ratio_text(rec)
        beside = f" (${ratio}\\times$)" if ratio else ""
        # \\claimrow (links.tex): the row's anchor and the code computing the claim.
        label = f"\\claimrow{{{rec['id']}}}{{{essay_words(rec['label'])}}}"
        rows.append(
            f"{label} & {BASIS_WORDS[rec['basis']]} & {essay} & {value} & "
            f"\\verdict{{{rec['verdict']}}}{beside} \\\\"
        )
    rows.append(r"\end{longtable}")
    return "\n".join(rows) + "\n"


def by_section(ledger: list[dict]) -> list[dict]:
    """The ledger with each section's rows together, sections in order of first appearance
    (rows added at the catalogue's end join their section's group)."""
    first: dict[str, int] = {}
    for i, rec in enumerate(ledger):
        first.setdefault(rec["section"], i)
    return sorted(ledger, key=lambda rec: first[rec["section"]])


def ledger_markdown(ledger: list[dict], summary_line: str, conclusions=(), changes="") -> str:
    """The ledger as Markdown: the counts, the verdict rule, one row per claim (with its
    evidence grade, the cause of a difference and, for an order-of-magnitude statement, the
    ratio to the essay's number), the differences by cause, the conclusions, notes."""
    from inference_scaling.ledger import verdict_rule

    rule = " ".join(verdict_rule.__doc__.split("stated once:")[1].split()).replace("``", "`")
    out = ["# Claims ledger", "", summary_line, ""]
    if changes:
        out += [f"**Against the default build:** {changes}.", ""]
    out += [
        "**Basis.** *recomputed*: a kernel derives the value from inputs; *sourced*: a figure "
        "the essay takes from a source, checked against the shipped data; *premise*: the "
        "essay's own assumption or example, echoed (matched exactly).",
        "",
        "**Evidence** (recomputed rows). *independent*: data or evidence the essay did not "
        "use, which could have come out otherwise; *arithmetic*: the essay's own computation "
        "re-run from its premises; *definitional*: true by construction, or an input echoed "
        "through a formula (its verdict cannot change over the declared ranges).",
        "",
        "**Verdicts.** *reproduced*, *differs* (with its cause: *essay*, *source*, "
        "*definition* or *premise*), *new* (the essay states no number) and *unchecked* (no "
        "shipped source can confirm or refute the statement; never a difference). Words "
        "marked † are the text of a figure's image, not the essay's prose; ‡ marks a form "
        "that is this project's reading of words that give no number.",
        "",
        f"**Verdict rule.** {rule} See `src/inference_scaling/ledger/verdict_rule.py`.",
        "",
        "| id | quantity | basis | evidence | essay | rule reads | recomputed | unit | verdict |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for rec in ledger:
        essay, form = "—", "—"
        if rec["essay"] is not None:
            essay = str(rec["essay"]) + (" †" if rec.get("figure_text") else "")
            form = str(rec["form"]) + (" ‡" if rec.get("reading") == "project" else "")
        verdict = f"**{rec['verdict']}**"
        if rec.get("cause"):
            verdict += f" ({rec['cause']})"
        ratio = rec.get("ratio_to_essay")
        if ratio is not None:
            verdict += f", {_plain(ratio)}× the essay's"
        out.append(
            f"| `{rec['id']}` | {rec['label']} | {rec['basis']} | {rec.get('evidence') or '—'} "
            f"| {essay} | {form} | {_plain(rec['value'])} | {rec['unit']} | {verdict} |"
        )
    groups = differences_by_cause(ledger)
    if groups:
        out += ["", "## Differences by cause", ""]
        for cause, recs in groups.items():
            out += [f"**{CAUSE_TITLES[cause]}** ({cause})", ""]
            for r in recs:
                changed = ", ".join(f"`{k}`" for k in r.get("changed_inputs") or ())
                why = f" Changed: {changed}." if changed else ""
                out.append(f"- `{r['id']}` ({r['label']}): {r['note'] or r['statement']}{why}")
            out += [""]
    unchecked = [r for r in ledger if r["verdict"] == "unchecked"]
    if unchecked:
        out += ["", "## Unchecked", ""]
        out += [f"- `{r['id']}`: {r['unchecked']}" for r in unchecked]
    if conclusions:
        out += ["", "## Conclusions", "", "| conclusion | holds |", "|---|---|"]
        out += [f"| {c['statement']} | {'yes' if c['holds'] else 'no'} |" for c in conclusions]
    out += ["", "## Notes", ""]
    out += [f"- `{rec['id']}`: {rec['note']}" for rec in ledger if rec["note"]]
    return "\n".join(out).replace("--", "–") + "\n"


def _plain(value) -> str:
    if isinstance(value, list):
        return "–".join(_plain(v) for v in value)
    return f"{float(value):.4g}"


def dump_json(obj) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, trailing newline."""
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def uncertainty_table(summary: dict, ledger: dict) -> str:
    """``uncertainty_table.tex``: macro definitions only, the sampled claims' intervals
    (``\\uncertaintyTable``), the conclusions' probabilities
    (``\\conclusionProbabilityTable``) and the numbers and sentences the prose cites; see
    :mod:`inference_scaling.publish.uncertainty_tex`."""
    from inference_scaling.publish.uncertainty_tex import uncertainty_tex

    return uncertainty_tex(summary, ledger)


def outside_sentence(row: dict, tex: bool = False, rec: dict | None = None) -> str:
    """Why a claim's ledger value lies outside its own 5--95% interval, naming the claim by
    its label when its ledger record ``rec`` is given (the paper's version, in words:
    :func:`inference_scaling.publish.uncertainty_tex.outside_item`)."""
    from inference_scaling.publish.uncertainty_tex import factor_name

    code = (lambda t: f"\\texttt{{{tex_escape(t)}}}") if tex else (lambda t: f"`{t}`")
    name = code(row["id"]) if rec is None else rec["label"]
    label = name if row["part"] == "value" else f"{name} ({row['part']} end)"
    side = "above the 95th" if row["ledger"] > row["p95"] else "below the 5th"
    text = f"The ledger value of {label} ({row['ledger']:.4g}) lies {side} percentile"
    if row["edge_inputs"]:
        ends = ", ".join(
            f"{factor_name(e['key'])} ({code(e['key'])}) = {e['value']:g}, "
            f"at percentile {100 * e['quantile']:.0f} of its draws"
            for e in row["edge_inputs"]
        )
        return (
            f"{text}: default inputs sit at the edge of what is drawn ({ends}), so most "
            "draws move it the same way; this is not an error."
        )
    return f"{text}; no default input sits at the edge of its draws."


def uncertainty_markdown(summary: dict, ledger: dict) -> str:
    """The Monte Carlo summary as Markdown: sampled claims by label (fixed ones counted,
    not listed), conclusions in words with the share of draws in which each holds."""
    from inference_scaling.publish.uncertainty_tex import fixed_claims, sampled_parts

    fixed = fixed_claims(summary, ledger)
    records = {rec["id"]: rec for rec in ledger["claims"]}
    out = [
        "# Uncertainty",
        "",
        f"{summary['draws']} draws over the assumption ranges and the shipped data's "
        f"uncertainty (seed {summary['settings']['seed']}). {len(fixed)} of the "
        f"{len(ledger['claims'])} claims take one value in every draw (no uncertain input "
        f"reaches them) and are left out: {', '.join(f'`{c}`' for c in fixed) or 'none'}.",
        "",
        "| claim | unit | 5% | median | 95% | build |",
        "|---|---|---|---|---|---|",
    ]
    for rec, part, s in sampled_parts(summary, ledger):
        label = rec["label"] if part == "value" else f"{rec['label']}, {part} end"
        build = rec["value"][["low", "high"].index(part)] if part != "value" else rec["value"]
        out.append(
            f"| {label} (`{rec['id']}`) | {rec['unit']} | {s['p5']:.3g} | {s['median']:.3g} | "
            f"{s['p95']:.3g} | {build:.3g} |"
        )
    out += ["", "| conclusion | holds in (share of draws) | at defaults |", "|---|---|---|"]
    out += [
        f"| {c['statement']} | {summary['conclusions'][c['id']]:.4g} | "
        f"{'holds' if c['holds'] else 'does not hold'} |"
        for c in ledger["conclusions"]
    ]
    if summary.get("outside_interval"):
        out += ["", "## Ledger values outside their own interval", ""]
        out += [
            f"- {outside_sentence(row, rec=records.get(row['id']))}"
            for row in summary["outside_interval"]
        ]
    return "\n".join(out) + "\n"


def _sobol_rows(result: dict, top: int = 4, floor: float = 0.01):
    """(kind, label, mean, [(factor, indices)]) for every analysed claim and conclusion."""
    for kind in ("claims", "conclusions"):
        for label, entry in result.get(kind, {}).items():
            idx = entry["indices"]
            rows = [] if idx is None else sorted(idx.items(), key=lambda kv: -kv[1]["ST"])
            yield kind, label, entry["mean"], [(f, v) for f, v in rows if v["ST"] >= floor][:top]


def sensitivity_markdown(result: dict, ledger: dict) -> str:
    """Sobol indices (first order S1, total ST, with confidence half-widths) as Markdown."""
    s = result["settings"]
    out = [
        "# Global sensitivity (Sobol indices)",
        "",
        f"Saltelli design with N = {s['base_samples']} ({result['evaluations']} evaluations "
        f"over {len(result['factors'])} factors), SALib estimators, {s['confidence']:.0%} "
        f"bootstrap intervals from {s['resamples']} resamples. S1: share of the output's "
        "variance a factor explains alone; ST: including its interactions. A conclusion's "
        "indices are those of its indicator (1 where it holds). Factors with ST below 0.01 "
        "are left out; `data:` factors are the shipped data's uncertainty.",
        "",
        "| output | factor | S1 | ST |",
        "|---|---|---|---|",
    ]
    from inference_scaling.publish.uncertainty_tex import factor_name

    words = {rec["id"]: rec["label"] for rec in ledger.get("claims", [])}
    words.update({c["id"]: c["statement"] for c in ledger.get("conclusions", [])})
    for kind, label, mean, rows in _sobol_rows(result, top=None):
        said = words.get(label, label)
        name = f"{said} (`{label}`)" if kind == "claims" else f"P({said}) = {mean:.3f}"
        if not rows:
            out.append(f"| {name} | (holds or fails in every draw: no variance) | | |")
        for factor, v in rows:
            out.append(
                f"| {name} | {factor_name(factor)} (`{factor}`) | "
                f"{v['S1']:.3f} ± {v['S1_conf']:.3f} | "
                f"{v['ST']:.3f} ± {v['ST_conf']:.3f} |"
            )
    return "\n".join(out) + "\n"


def sensitivity_table(result: dict, ledger: dict) -> str:
    """``sensitivity_table.tex``: macro definitions only, the Sobol table in words
    (``\\sensitivityTable``) and the top factor of each output; see
    :mod:`inference_scaling.publish.uncertainty_tex`."""
    from inference_scaling.publish.uncertainty_tex import sensitivity_tex

    return sensitivity_tex(result, ledger)


def growth_grid_markdown(spread: dict, default: dict, axes: dict, cold_start=None) -> str:
    """How far the frontier definition and fit window move the fitted growth rates."""

    def span(pair):
        return f"{pair[0]:.2f}x to {pair[1]:.2f}x"

    top_n, start, end = (axes[k] for k in axes)
    out = [
        "# Frontier definition and fit window",
        "",
        "Growth of frontier training compute [x per year], refitted for every top-N "
        f"({int(top_n[0])}--{int(top_n[-1])}), window start ({start[0]:g}--{start[-1]:g}) and "
        f"end ({end[0]:g}--{end[-1]:g}) on the grid of config/uncertainty.yaml. The build "
        f"uses top-{int(default['era.frontier_top_n'])}, "
        f"[{default['era.fit_start_year']:g}, {default['era.fit_end_year']:g}).",
        "",
        "| domain | over top-N (default window) | over windows (default top-N) | everything |",
        "|---|---|---|---|",
    ]
    for domain, s in spread.items():
        out.append(f"| {domain} | {span(s['top_n'])} | {span(s['window'])} | {span(s['all'])} |")
    if cold_start:
        out += [
            "",
            "The frontier is decided against every earlier model, including Epoch rows "
            "before 2018 (data/epoch_notable_models_pre2018.csv). Without "
            "them the bookkeeping starts from an empty list in 2018; at the build's "
            "definition the rate would be:",
            "",
            "| domain | with earlier rows | from an empty list in 2018 |",
            "|---|---|---|",
        ]
        out += [
            f"| {domain} | {g['with']:.2f}x | {g['without']:.2f}x |"
            for domain, g in cold_start.items()
        ]
    return "\n".join(out) + "\n"
