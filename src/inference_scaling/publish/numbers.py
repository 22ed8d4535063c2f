"""The one number formatter: every number a reader sees, in LaTeX, plain text and HTML.

:func:`number` turns a value and a *style* into text for a *target*; everything else here
(pairs, units, percentages, powers, prose with numbers in it) is built on it, so the paper's
prose, its tables, ``claims.md``, the scenario comparison, the HTML report, the explorer and
the figures print one quantity the same way. Targets:

- ``"tex"``: math-mode safe LaTeX without ``$`` (``25{,}600``, ``2.5\\times 10^{13}``,
  ``99.3\\%``);
- ``"text"``: plain Unicode for Markdown, logs and figure labels (``25,600``, ``2.5×10¹³``,
  ``99.3%``);
- ``"html"``: HTML (``25,600``, ``2.5×10<sup>13</sup>``, ``99.3%``).

Styles (a claim's ``format`` in the catalogue is one of them):

- ``f0`` .. ``f4``: that many decimals;
- ``g2`` .. ``g6``: up to that many significant figures, trailing zeros dropped;
- ``s1`` .. ``s8``: exactly that many significant figures, trailing zeros kept (statistics
  of the Monte Carlo draws);
- ``int``: a grouped integer; ``pct`` and ``pct1``: a share as a percentage with 0 or 1
  decimals; ``pow10``: a power of ten; ``sci``: mantissa and power of ten.

Significant-figure styles switch to powers of ten at or above 10^5 and below 10^-3.

**A value prints at the precision it was given.** A style states the precision a computed
value is shown at; it never rounds away digits a value was typed with. A value whose
shortest decimal form has at most :data:`GIVEN_DIGITS` significant figures (an assumption a
forker types, 0.55; a sourced figure, 0.757; an exact result, 1,160) is shown with all of
them: a fork's exchange rate of 0.55 prints 0.55 in the text, the tables and the equations,
not 0.6, and a fork's 4×10^12 tokens is not rounded to 10^13. A computed value carries a
dozen digits and prints at its style's precision. Statistics of the draws (``s`` styles)
are shown at their stated precision always: a share of draws is a short fraction, but not a
typed one.

**House style.** Multipliers carry ``×`` (never ``x``), percentages ``%``, powers of ten are
typeset as powers in every target (never ``10^25`` or ``1e+25``), money is ``$`` before the
number, ranges are joined by an en dash and a range whose ends print alike prints once.

**Why here, above the ledger.** Formatting is publishing: the ledger computes values and
verdicts and says nothing about how they read. The ledger keeps its catalogue's statement
and note templates unfilled; :func:`fill` fills them for each target here (through
:func:`inference_scaling.publish.records.fill_record`, called by
``workflow/scripts/compute_claims.py``), so a note's numbers print as the paper's do, in
LaTeX as LaTeX. The ledger layer imports no formatter, and this module imports nothing of
the package: a figure that prints a power of ten does not depend on the ledger's code.
:mod:`inference_scaling.publish.records` applies it to ledger records.
"""

from __future__ import annotations

import html as _html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

TARGETS = ("tex", "text", "html")
#: Significant figures up to which a value counts as given (typed or exact), not computed.
GIVEN_DIGITS = 4
#: Significant-figure styles use powers of ten outside [10^LOW_POWER, 10^HIGH_POWER).
HIGH_POWER = 5
LOW_POWER = -3
#: An en dash that reads the same in LaTeX text and math mode.
RANGE_DASH = {"tex": r"\mbox{--}", "text": "\u2013", "html": "\u2013"}
TIMES = {"tex": r"\times", "text": "\u00d7", "html": "\u00d7"}
PERCENT = {"tex": r"\%", "text": "%", "html": "%"}
SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)
#: Units whose values are shares of one (a percentage style prints them with ``%``).
SHARE_UNITS = {"fraction", "probability"}


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ValueError(f"unknown target '{target}' (one of {', '.join(TARGETS)})")


# --- the parts of a printed number ----------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """A number as printed: ``mantissa`` (digits, sign, ``.`` and ``,`` as in English),
    an optional power of ten and whether it is a percentage."""

    mantissa: str
    exponent: int | None = None
    percent: bool = False

    def render(self, target: str) -> str:
        _check_target(target)
        m = self.mantissa
        if target == "tex":
            m = m.replace(",", "{,}")
        if self.exponent is not None:
            out = power("10", str(self.exponent), target)
            if m != "1":
                out = m + (r"\times " if target == "tex" else TIMES[target]) + out
        else:
            out = m
        return out + (PERCENT[target] if self.percent else "")

    def as_float(self) -> float:
        """The value the printed text stands for (a percentage as its share)."""
        v = float(self.mantissa.replace(",", ""))
        if self.exponent is not None:
            v *= 10.0**self.exponent
        return v / 100 if self.percent else v


def power(base: str, exponent: str, target: str) -> str:
    """``base`` to the power ``exponent``: ``10^{25}`` (tex), ``10²⁵`` (text; a fractional
    or symbolic exponent as ``10^26.8``), ``10<sup>25</sup>`` (html)."""
    if target == "tex":
        return f"{base}^{{{exponent}}}"
    if target == "html":
        return f"{base}<sup>{exponent}</sup>"
    if re.fullmatch(r"-?\d+", exponent):
        return base + exponent.translate(SUPERSCRIPT)
    return f"{base}^{exponent}"


def _given(value: float) -> tuple[int, int] | None:
    """``(significant figures, decimals)`` of the shortest decimal form of ``value`` when
    it has at most :data:`GIVEN_DIGITS` significant figures, else ``None`` (computed)."""
    if value == 0:
        return (1, 0)
    text = repr(float(f"{abs(value):.12g}"))
    mantissa, _, exp = text.partition("e")
    whole, _, frac = mantissa.partition(".")
    frac = frac.rstrip("0")
    digits = (whole + frac).lstrip("0")
    shift = int(exp) if exp else 0
    # Trailing zeros of a whole number are magnitude, not precision.
    figures = len(digits.rstrip("0")) if not frac else len(digits)
    if figures > GIVEN_DIGITS:
        return None
    return figures, max(0, len(frac) - shift)


def _group(text: str) -> str:
    sign = "-" if text.startswith("-") else ""
    whole, _, decimals = text.lstrip("-").partition(".")
    return sign + f"{int(whole):,}" + ("." + decimals if decimals else "")


def _fixed(v: float, decimals: int, group: bool = False) -> str:
    text = f"{v:.{decimals}f}"
    if re.fullmatch(r"-0\.?0*", text):
        text = text.lstrip("-")
    return _group(text) if group else text


def _significant(v: float, figures: int, keep_zeros: bool) -> Printed:
    if v == 0:
        return Printed("0")
    rounded = float(f"{v:.{figures}g}")
    exponent = math.floor(math.log10(abs(rounded)))
    if exponent >= HIGH_POWER or exponent < LOW_POWER:
        mantissa = rounded / 10.0**exponent
        text = f"{mantissa:.{figures - 1}f}"
        if not keep_zeros:
            text = text.rstrip("0").rstrip(".") if "." in text else text
        return Printed("1" if float(text) == 1 and not keep_zeros else text, exponent)
    text = f"{rounded:.{max(0, figures - 1 - exponent)}f}"
    if not keep_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return Printed(_group(text))


def _sci(v: float, figures: int) -> Printed:
    exponent = math.floor(math.log10(abs(v))) if v else 0
    mantissa = round(v / 10.0**exponent, figures - 1)
    if abs(mantissa) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    text = f"{mantissa:.{figures - 1}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return Printed("1" if text == "1" else text, exponent)


_STYLE = re.compile(r"(f[0-4]|g[2-6]|s[1-8]|int|pct1?|pow10|sci)")


def parts(value: float, style: str) -> Printed:
    """The printed form of ``value`` in ``style`` (see the module docstring)."""
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"cannot format non-finite value {v}")
    if not _STYLE.fullmatch(style):
        raise ValueError(f"unknown number format '{style}'")
    given = None if style[0] == "s" else _given(v)
    figures, decimals = given if given else (0, 0)
    kind, n = style[0], style[1:]
    if style == "int":
        return Printed(_fixed(v, decimals, group=True))
    if style in ("pct", "pct1"):
        wanted = 0 if style == "pct" else 1
        return Printed(_fixed(100 * v, max(wanted, decimals - 2)), percent=True)
    if style == "pow10":
        if v > 0 and math.isclose(10.0 ** round(math.log10(v)), v, rel_tol=1e-9):
            return Printed("1", round(math.log10(v)))
        return _sci(v, max(3, figures))
    if style == "sci":
        return _sci(v, max(3, figures))
    if kind == "f":
        return Printed(_fixed(v, max(int(n), decimals)))
    if kind == "g":
        return _significant(v, max(int(n), figures), keep_zeros=False)
    return _significant(v, int(n), keep_zeros=True)


def number(value: float, style: str = "g3", target: str = "tex") -> str:
    """``value`` in ``style`` for ``target``: the one formatter (module docstring)."""
    return parts(value, style).render(target)


def rounded(value: float, style: str) -> float:
    """The value that ``value`` printed in ``style`` stands for."""
    return parts(value, style).as_float()


def value(val, style: str, target: str = "tex") -> str:
    """A scalar or a ``[low, high]`` pair; a pair's ends are joined by an en dash, and a
    pair whose ends print alike prints once."""
    if isinstance(val, list | tuple):
        ends = [number(v, style, target) for v in val]
        return ends[0] if ends[0] == ends[1] else RANGE_DASH[target].join(ends)
    return number(val, style, target)


def percent_parts(share: float, digits: int = 2) -> Printed:
    """The printed form of :func:`percent`."""
    share = float(share)
    text = parts(100 * share, f"s{digits}")
    if 0 < share < 1:
        for more in range(digits, 9):
            text = parts(100 * share, f"s{more}")
            if 0 < text.as_float() < 100:
                break
    return Printed(text.mantissa, text.exponent, percent=True)


def percent(share: float, digits: int = 2, target: str = "tex") -> str:
    """A share as a percentage to ``digits`` significant figures (``0.13%``, ``59%``); a
    share strictly between 0 and 1 never prints as 0% or 100%: more figures are shown
    until it does not (``99.5%``)."""
    return percent_parts(share, digits).render(target)


# --- units --------------------------------------------------------------------------------


def is_multiplier(unit: str) -> bool:
    """``x``, ``x per year``, ``x cost per task`` ...: a factor, printed with ``×``."""
    return unit == "x" or unit.startswith("x ")


def _math(text: str, target: str) -> str:
    return f"${text}$" if target == "tex" else text


def escape(text: str, target: str) -> str:
    """Plain text escaped for ``target`` (LaTeX specials; HTML entities)."""
    if target == "tex":
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
            "\u00d7": r"$\times$",
            ">": "$>$",
            "<": "$<$",
        }
        return "".join(repl.get(ch, ch) for ch in text)
    if target == "html":
        return _html.escape(text, quote=False)
    _check_target(target)
    return text


def quantity(val, style: str, unit: str, target: str = "tex") -> str:
    """A value with its unit as a reader writes it, as text for ``target`` (LaTeX: math in
    ``$``): multipliers ``4.4× per year``; percentages ``75.7%``; shares in a percentage
    style ``99.3%`` (a share in decimals carries no unit word); ``log10 FLOP`` as the power
    ``10^{26.8} FLOP``; money (``USD ...``) as ``$0.67 per day``."""
    if unit.startswith("log10 "):
        values = val if isinstance(val, list | tuple) else [val]
        ends = [_math(power("10", number(v, style, target), target), target) for v in values]
        text = ends[0] if len(set(ends)) == 1 else RANGE_DASH[target].join(ends)
        return f"{text} {escape(unit[len('log10 ') :], target)}"
    shown = value(val, style, target)
    if is_multiplier(unit):
        return _math(shown + TIMES[target], target) + escape(unit[1:], target)
    if unit == "percent":
        return _math(shown + PERCENT[target], target)
    if unit in SHARE_UNITS:
        return _math(shown, target)
    if unit == "USD" or unit.startswith("USD "):
        dollar = r"\$" if target == "tex" else "$"
        return dollar + _math(shown, target) + escape(unit[3:], target)
    return f"{_math(shown, target)} {escape(unit, target)}" if unit else _math(shown, target)


def unit_words(unit: str, target: str = "tex") -> str:
    """A unit on its own, for a table's unit column: ``× per year``, ``share``,
    ``log₁₀ FLOP``; money as ``USD``."""
    if unit in SHARE_UNITS:
        return "share" if unit == "fraction" else "probability"
    if unit == "percent":
        return "score"
    if is_multiplier(unit):
        return _math(TIMES[target], target) + escape(unit[1:], target)
    if unit.startswith("log10 "):
        log = {"tex": r"$\log_{10}$", "text": "log\u2081\u2080", "html": "log<sub>10</sub>"}
        return f"{log[target]} {escape(unit[len('log10 ') :], target)}"
    return escape(unit, target)


# --- which style a value is printed in -------------------------------------------------------


def essay_style(value, style: str) -> str:
    """The claim's style for the essay's own value, with the decimals the essay wrote and no
    more (``5``, not ``5.0``; ``0.5``, not ``0.50``)."""
    # "f0": each end keeps the decimals it was written with (a value prints as given)
    return "f0" if style.startswith("f") else style


def assumption_style(value: float, key: str = "") -> str:
    """The style of an assumption value or data fact (a number or a pair): years as plain
    numbers (never grouped), confidence levels as percentages, powers of ten for large or
    tiny numbers, grouped integers for whole numbers, else three significant figures (or
    more, as given)."""
    values = [float(v) for v in value] if isinstance(value, list | tuple) else [float(value)]
    if key.endswith("_confidence"):  # a confidence level reads as a percentage
        return "pct"
    if key.endswith("_year"):  # a year with the decimals it was typed with (2019.5)
        decimals = max(len(f"{v:.4f}".rstrip("0").partition(".")[2]) for v in values)
        return f"f{min(decimals, 4)}"
    if any(abs(v) >= 1e5 or 0 < abs(v) < 1e-3 for v in values):
        return "sci"
    if all(v.is_integer() for v in values):
        return "int"
    return "g3"


def extra_style(name: str, style: str) -> str:
    """The style of a claim's extra: sample sizes are counts, ratios per parameter have three
    significant figures, everything else shares the claim's style."""
    if name == "n":
        return "int"
    return "g3" if name.endswith("per_param") else style


_POWER = re.compile(r"\b([A-Za-z0-9]+)\^(?:\{(-?[A-Za-z0-9.]+)\}|(-?[A-Za-z0-9]+(?:\.\d+)?))")
_TIMES_AFTER_NUMBER = re.compile(r"(?<=\d)x\b")


# --- prose with numbers in it ----------------------------------------------------------------

_EMPHASIS = re.compile(r"(?<![\w\\])_([^_\s][^_]*?)_(?!\w)")


def prose(text: str, target: str = "tex", multipliers: bool = True) -> str:
    """Plain text (a label, a statement, a note, the essay's words) for ``target``:
    escaped, every ``a^b`` typeset as a power (``10^25`` -> 10²⁵, ``C^a`` -> Cᵃ in LaTeX),
    ``--`` an en dash, Markdown emphasis (``_N_``, as the essay's words keep it) as
    emphasis and, with ``multipliers``, a number's ``x`` the sign ``×`` (``10x`` -> 10×).
    The essay's own words keep their ``x`` (``multipliers=False``)."""
    _check_target(target)
    text = str(text)
    if _EMPHASIS.search(text):
        wrap = {"tex": "\\emph{{{}}}", "text": "_{}_", "html": "<em>{}</em>"}[target]
        out, pos = [], 0
        for match in _EMPHASIS.finditer(text):
            out.append(prose(text[pos : match.start()], target, multipliers))
            out.append(wrap.format(prose(match.group(1), target, multipliers)))
            pos = match.end()
        out.append(prose(text[pos:], target, multipliers))
        return "".join(out)
    out = []
    pos = 0
    for match in _POWER.finditer(str(text)):
        out.append(_plain_prose(str(text)[pos : match.start()], target, multipliers))
        base, exp = match.group(1), match.group(2) or match.group(3)
        out.append(_math(power(escape(base, target), escape(exp, target), target), target))
        pos = match.end()
    out.append(_plain_prose(str(text)[pos:], target, multipliers))
    return "".join(out)


def _plain_prose(text: str, target: str, multipliers: bool) -> str:
    if multipliers:
        pieces = _TIMES_AFTER_NUMBER.split(text)
        sign = {"tex": r"$\times$", "text": "\u00d7", "html": "\u00d7"}[target]
        return sign.join(_dashes(escape(p, target), target) for p in pieces)
    return _dashes(escape(text, target), target)


def _dashes(text: str, target: str) -> str:
    return text if target == "tex" else text.replace("--", "\u2013")


# --- counts in words ---------------------------------------------------------------------------

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count_word(n: int) -> str:
    """A count as prose: words up to nine (``no`` for zero), digits from ten on."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``one claim``, ``two claims``, ``12 claims``: the count and its noun agree."""
    return f"{count_word(n)} {singular if n == 1 else (plural or singular + 's')}"


def join_words(items) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def count_clauses(parts) -> str:
    """Clauses for the non-zero counts, joined: ``(n, singular, plural)`` where each text
    follows the count (``[(19, "reproduces", "reproduce"), (0, ...), (1, "differs",
    "differ")]`` -> ``19 reproduce and one differs``). Zero counts are left out."""
    return join_words([f"{count_word(n)} {one if n == 1 else many}" for n, one, many in parts if n])


# --- the catalogue's templates ---------------------------------------------------------------

_FIELD = re.compile(r"(10\^)?\{([A-Za-z0-9_.]+)(?:\|([^|{}]*)\|([^|{}]*))?\}(x(?![A-Za-z]))?")


def fill(
    template: str,
    fields: Mapping[str, object],
    styles: Mapping[str, str] | Callable[[str, object], str],
    target: str = "text",
) -> str:
    """A catalogue statement or note with its ``{field}`` s filled for ``target``.

    ``fields`` maps a field name to its value (a number or a pair); ``styles`` gives the
    style of each (a mapping, or a function of name and value). The text around the fields
    goes through :func:`prose` (without multipliers: it may quote the essay); a field right
    after ``10^`` is printed as that power's exponent, an ``x`` right after a field is the
    multiplier sign (``{ci_low}x`` -> ``3.9×``), and ``{n|point|points}`` is a count in
    words with the noun that agrees (``one point``, ``two points``).
    """
    template = " ".join(str(template).split())
    style_of = styles if callable(styles) else (lambda name, _v: styles[name])
    out = []
    pos = 0
    for match in _FIELD.finditer(template):
        out.append(prose(template[pos : match.start()], target, multipliers=False))
        pos = match.end()
        name = match.group(2)
        if name not in fields:
            raise KeyError(f"template field '{name}' has no value: {template!r}")
        val = fields[name]
        if match.group(3) is not None:  # {n|point|points}: a count in words, its noun agreeing
            out.append(escape(counted(round(float(val)), match.group(3), match.group(4)), target))
            continue
        shown = value(val, style_of(name, val), target)
        if match.group(1):
            shown = power("10", shown, target)
        if match.group(5):
            shown += TIMES[target]
        out.append(_math(shown, target))
    out.append(prose(template[pos:], target, multipliers=False))
    text = "".join(out)
    return text.replace("$$", "") if target == "tex" else text
