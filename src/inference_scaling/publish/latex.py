"""The paper's generated LaTeX macros: one ``\\newcommand`` per number, word and sentence.

``claims.tex`` (claims, counts, data facts, conclusions, the differences list),
``assumptions.tex`` and the title block. Macro names derive from claim ids:
``appendix.crossover_d`` -> ``\\claimAppendixCrossoverD``; pairs get ``Low``/``High``;
extras get their name appended (``\\claimAppendixCrossoverDStandard``). Every number is
printed by :mod:`inference_scaling.publish.numbers`, the same function the tables, the
Markdown and the HTML use; the tables themselves are :mod:`.ledger_pages` and
:mod:`.uncertainty_pages`.
"""

from __future__ import annotations

import re

from inference_scaling.publish import numbers, records
from inference_scaling.publish.numbers import count_clauses, count_word, counted, join_words

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


def text_mode(tex: str) -> str:
    """A formatted number written for text mode (``10^{26}`` as ``10\\textsuperscript{26}``).
    LaTeXML cannot put a link around math inside math, so the HTML edition links this
    form; the PDF keeps the math one."""
    text = re.sub(r"\^\{(-?\d+)\}", r"\\textsuperscript{\1}", tex)
    text = text.replace("\\times ", "\\texttimes{}").replace("\\times", "\\texttimes{}")
    return text.replace(numbers.RANGE_DASH["tex"], "--").replace("{,}", ",")


def claim_link(claim_id: str, text: str) -> str:
    """A number of claim ``claim_id`` linked to its ledger entry:
    ``\\claimlink{id}{math form}{text form}``. paper/main.tex and links.tex define it (the
    ledger table's row in the PDF, the ledger page in the HTML edition)."""
    return f"\\claimlink{{{claim_id}}}{{{text}}}{{{text_mode(text)}}}"


def claim_macros(ledger: list[dict]) -> dict[str, object]:
    """Every macro the ledger defines, name -> LaTeX text, in ledger order. Each number
    is a link to its claim's ledger entry (:func:`claim_link`) and prints as every other
    output prints it (:func:`inference_scaling.publish.records.claim_style`)."""
    macros: dict[str, object] = {}
    for rec in ledger:
        style = records.claim_style(rec)
        value = rec["value"]
        link = rec["id"]
        macros[macro_name(rec["id"])] = claim_link(link, numbers.value(value, style))
        if isinstance(value, list):
            macros[macro_name(rec["id"], "low")] = claim_link(link, numbers.number(value[0], style))
            macros[macro_name(rec["id"], "high")] = claim_link(
                link, numbers.number(value[1], style)
            )
        for name, extra in rec["extra"].items():
            extra_style = numbers.extra_style(name, rec["format"])
            macros[macro_name(rec["id"], name)] = claim_link(
                link, numbers.value(extra, extra_style)
            )
        if rec["essay_value"] is not None:
            essay = rec["essay_value"]
            macros[macro_name(rec["id"], prefix="essay")] = claim_link(
                link, numbers.value(essay, numbers.essay_style(essay, rec["format"]))
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
            value = records.printed(rec, "tex", unit=True)
            note = f" {records.fill_record(rec, 'note', 'tex')}" if rec["note"] else ""
            lines.append(
                f"\\item[{numbers.prose(rec['label'], 'tex')}] ({rec['basis']}) The essay: "
                f"``{essay_words(rec['essay'])}''; this build: {value}.{note}"
            )
        lines.append(r"\end{description}")
    return "\n".join(lines)


def ratio_text(rec: dict, target: str = "tex") -> str:
    """The ratio of the recomputed value to the essay's, for an order-of-magnitude
    statement (``""`` otherwise), e.g. ``2.6``; a pair prints as ``low--high``."""
    ratio = rec.get("ratio_to_essay")
    if ratio is None:
        return ""
    return numbers.value(ratio, "g2", target)


def essay_words(text) -> str:
    """Plain text (the essay's statement, an assumption's meaning) as LaTeX: specials
    escaped, a power written ``10^k`` or ``C^a`` typeset as one, the essay's Markdown
    emphasis (``_N_``) as emphasis, its ``x`` kept as the essay wrote it."""
    return numbers.prose(str(text), "tex", multipliers=False)


def choose(first: bool) -> tuple[int, str]:
    """A two-argument macro body that keeps its first argument when ``first`` is true,
    else its second."""
    return (2, "#1" if first else "#2")


def conclusion_macros(conclusions: list[dict]) -> dict[str, object]:
    """Per conclusion: ``\\conclusionX`` (its statement), ``\\holdsX`` (``holds`` or
    ``does not hold``) and ``\\whenHoldsX{text if it holds}{text otherwise}``."""
    macros: dict[str, object] = {}
    for con in conclusions:
        macros[macro_name(con["id"], prefix="conclusion")] = numbers.prose(con["statement"], "tex")
        macros[macro_name(con["id"], prefix="holds")] = "holds" if con["holds"] else "does not hold"
        macros[macro_name(con["id"], prefix="whenHolds")] = choose(con["holds"])
    return macros


def assumption_macros(values: dict[str, float]) -> dict[str, str]:
    """One macro per assumption value: ``appendix.n_params`` -> ``\\assumeAppendixNParams``."""
    return {
        macro_name(key, prefix="assume"): numbers.number(v, numbers.assumption_style(v, key))
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
        "assumeAppendixCPreStandard": numbers.number(c_pre, "g3"),
        "assumeAppendixCInfStandard": numbers.number(c_inf, "g3"),
    }


def fact_macros(facts: dict[str, float]) -> dict[str, str]:
    """One macro per data fact the claims read: ``alphago.elo_zero`` -> ``\\factAlphagoEloZero``."""
    return {
        macro_name(key, prefix="fact"): numbers.number(v, numbers.assumption_style(v, key))
        for key, v in sorted(facts.items())
    }


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
            clause += " (" + "; ".join(numbers.prose(r["label"], "tex") for r in group) + ")"
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

    by = counts_by_basis(ledger)  # every basis, with zeros where it has no rows
    rec, src, pre = by["recomputed"], by["sourced"], by["premise"]
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
                src["unchecked"],
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


def claims_tex(
    ledger: list[dict], facts: dict[str, float], conclusions: list[dict], header: str
) -> str:
    """The text of a build's ``claims.tex``: every claim's macros, the ledger's counts and
    phrases, the verdict sentences of claims quoted together, the data facts, the
    conclusions and the list of differences (the compute_claims job and the golden files)."""
    macros = {
        **claim_macros(ledger),
        **ledger_count_macros(ledger),
        **verdict_group_macros(ledger),
        **fact_macros(facts),
        **conclusion_macros(conclusions),
        "ledgerDifferencesList": differences_list(ledger),
    }
    return render_macros(macros, header)


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
    """Escape LaTeX specials in plain text (titles, names)."""
    return numbers.escape(text, "tex")


BASIS_WORDS = {"recomputed": "recomputed", "sourced": "sourced", "premise": "premise"}


def by_section(ledger: list[dict]) -> list[dict]:
    """The ledger with each section's rows together, sections in order of first appearance
    (rows added at the catalogue's end join their section's group)."""
    first: dict[str, int] = {}
    for i, rec in enumerate(ledger):
        first.setdefault(rec["section"], i)
    return sorted(ledger, key=lambda rec: first[rec["section"]])
