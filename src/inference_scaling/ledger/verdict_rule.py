"""The verdict rule: how the way the essay states a number becomes the interval a
recomputation must land in.

The catalogue (``essay_claims.yaml``) records the essay's statement in a small grammar kept
close to its words (``"about 5x"``, ``"10,000x"``, ``"10^27"``, ``"1,160"``, ``"76–88%"``,
``"millions"``, ``"low 3,000s"``, ``"at least 100x"``); :func:`parse` turns it into an
:class:`Interval`. No claim carries a hand-set tolerance. The rule, stated once:

* A number covers half a unit in its last significant digit: ``"1,160"`` is 1,155 to 1,165,
  ``"0.7"`` is 0.65 to 0.75, ``"36"`` is 35.5 to 36.5. Trailing zeros of a whole number are
  not significant (``"30"`` is 25 to 35, ``"29 million"`` is 28.5 to 29.5 million).
  ``about``, ``roughly`` and ``~`` add nothing: the rounding already says "about".
* A round power of ten written as a multiplier (``"10x"``, ``"10,000x"``) or as a power
  (``"10^27"``) states an order of magnitude: it covers half an order either side, i.e. the
  values that round to it in log10.
* ``nearly N`` is a little below N, within N's rounding: from N less half a unit in its
  second significant digit (or its last written digit, if finer) up to N itself, so
  ``"nearly 10x"`` is 9.5 to 10 and ``"nearly 40"`` is 39.5 to 40.
* A range ``"A–B"`` is stated at the precision of its finer end, applied to both ends; a
  pair of recomputed values must match it end by end, a single value must lie inside it.
* Bounds: ``at least N`` [N, ∞); ``more than N`` / ``over N`` (N, ∞); ``up to N`` /
  ``at most N`` (−∞, N]; ``less than N`` (−∞, N).
* Vague quantifiers map to the declared, pairwise disjoint intervals in :data:`VAGUE`
  (``"not much"`` is a change of less than a tenth, ``"appreciably"`` one of a tenth or
  more); ``low N,000s`` is the lower third of that thousand. ``exactly N`` is a count
  stated to the unit.
* A premise (the essay's own assumption or example, echoed) matches exactly: its interval
  is the stated number itself (:func:`exact`); a vague premise keeps its declared interval.
* For an order-of-magnitude statement the ratio of the recomputed value to the stated one
  is reported beside the verdict (:func:`ratio_to_essay`), so a gap of a few times inside
  the same order stays visible.
* ``unchecked`` is the verdict of a statement no shipped source can confirm or refute (the
  catalogue says why); it is never counted as a difference.
* ``two orders of magnitude`` is a multiplier of 100, an order-of-magnitude statement.
* ``%`` is a unit: against a claim whose unit is ``fraction`` the numbers are divided by 100.
  Against a claim in ``log10`` units the interval is taken in log10 (``"10^27"`` is 26.5 to
  27.5 in log10 FLOP).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

# Vague quantifiers, declared once, in the unit of the claim they describe.
VAGUE = {
    "thousands": (1e3, 1e6, False, True),
    "millions": (1e6, 1e9, False, True),
    "billions": (1e9, 1e12, False, True),
    "trillions": (1e12, 1e15, False, True),
    # a share of a total: more than half of it
    "the lion's share": (0.5, 1.0, True, False),
    # a multiplier on a budget: a change of less than a tenth, and of a tenth or more
    # (disjoint: the boundary 1.1 belongs to "appreciably" only)
    "not much": (1.0, 1.1, False, True),
    "appreciably": (1.1, float("inf"), False, False),
}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
HALF_OOM = math.sqrt(10.0)

COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER = (
    r"\$?(?:10\^\{?-?\d+\}?|\d[\d,]*(?:\.\d+)?)"
    r"|\b(?:an?|one|two|three|four|five)(?= orders? of magnitude)"
)
_UNIT = r"(?:\s*(?:x|%|(?:thousand|million|billion|trillion)\b|orders? of magnitude))?"
_TOKEN = re.compile(rf"({_NUMBER})({_UNIT})")


class StatementError(ValueError):
    """A catalogue statement the grammar does not read."""


@dataclass(frozen=True)
class Interval:
    """The values a statement covers: ``low``..``high`` with open or closed ends."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, value):
        """Elementwise membership (works on arrays of Monte Carlo draws)."""
        v = np.asarray(value, dtype=float)
        above = v > self.low if self.low_open else v >= self.low
        below = v < self.high if self.high_open else v <= self.high
        return above & below

    def as_list(self) -> list:
        """JSON-ready ``[low, high]`` with ``None`` for an unbounded end."""
        return [None if math.isinf(x) else x for x in (self.low, self.high)]


@dataclass(frozen=True)
class Statement:
    """A parsed essay statement: the central number(s) it names (``None`` for a vague
    quantifier or a bare bound), the interval it covers, and, for a range, each end's own
    interval."""

    text: str
    value: float | tuple[float, float] | None
    interval: Interval
    ends: tuple[Interval, Interval] | None = None
    oom: bool = False  # an order-of-magnitude statement ("10^27", "10,000x")


@dataclass(frozen=True)
class _Number:
    value: float
    half: float  # half a unit in the last significant digit, in the same unit
    log: bool  # an order-of-magnitude statement


def _read_number(number: str, suffix: str) -> _Number:
    number = number.lstrip("$")
    suffix = suffix.strip()
    if number in COUNT_WORDS:  # "two orders of magnitude": a multiplier of 100
        return _Number(10.0 ** COUNT_WORDS[number], 0.0, True)
    power = re.fullmatch(r"10\^\{?(-?\d+)\}?", number)
    if power:
        return _Number(10.0 ** int(power.group(1)), 0.0, True)
    digits = number.replace(",", "")
    if "." in digits:
        half = 0.5 * 10.0 ** -len(digits.split(".")[1])
    else:
        significant = digits.rstrip("0") or "0"
        half = 0.5 * 10.0 ** (len(digits) - len(significant))
    value = float(digits)
    scale = SCALE_WORDS.get(suffix, 1.0)
    if suffix.startswith("order"):  # "2 orders of magnitude" as a multiplier
        return _Number(10.0**value, 0.0, True)
    is_power_of_ten = value >= 10 and "." not in digits and digits.rstrip("0") == "1"
    log = suffix == "x" and is_power_of_ten
    return _Number(value * scale, half * scale, log)


def _around(n: _Number) -> Interval:
    if n.log:
        return Interval(n.value / HALF_OOM, n.value * HALF_OOM)
    return Interval(n.value - n.half, n.value + n.half)


def _tokens(text: str) -> list[_Number]:
    found = _TOKEN.findall(text)
    if not found:
        raise StatementError(f"no number in '{text}'")
    return [_read_number(n, s) for n, s in found]


def _scaled(interval: Interval, factor: float) -> Interval:
    return Interval(
        interval.low * factor, interval.high * factor, interval.low_open, interval.high_open
    )


def parse(text: str, unit: str = "") -> Statement:
    """Read one essay statement into the interval a recomputed value must land in.

    ``unit`` is the claim's unit; it only matters for ``%`` against ``fraction``.
    Raises :class:`StatementError` (naming the text) for anything outside the grammar.
    """
    words = " ".join(text.strip().lower().split())
    statement = _parse_words(words, text)
    if unit.startswith("log10"):
        return _in_log10(statement)
    if "%" in words and unit == "fraction":
        ends = statement.ends and tuple(_scaled(e, 0.01) for e in statement.ends)
        value = statement.value
        if value is not None:
            value = tuple(v / 100 for v in value) if isinstance(value, tuple) else value / 100
        return Statement(text, value, _scaled(statement.interval, 0.01), ends, statement.oom)
    return statement


def _in_log10(statement: Statement) -> Statement:
    """The same statement for a claim whose value is a base-10 logarithm."""

    def log(interval: Interval) -> Interval:
        ends = [math.log10(x) if x > 0 else -math.inf for x in (interval.low, interval.high)]
        return Interval(*ends, interval.low_open, interval.high_open)

    value = statement.value
    if value is not None:
        value = tuple(map(math.log10, value)) if isinstance(value, tuple) else math.log10(value)
    ends = statement.ends and (log(statement.ends[0]), log(statement.ends[1]))
    return Statement(statement.text, value, log(statement.interval), ends, statement.oom)


def _parse_words(words: str, text: str) -> Statement:
    if words in VAGUE:
        return Statement(text, None, Interval(*VAGUE[words]))
    low_s = re.fullmatch(r"low ([\d,]+)s", words)
    if low_s:
        start = float(low_s.group(1).replace(",", ""))
        width = 10.0 ** (len(low_s.group(1).replace(",", "")) - 1)
        return Statement(text, None, Interval(start, start + width / 3, high_open=True))
    bounds = {
        "at least ": (False, False),
        "more than ": (False, True),
        "over ": (False, True),
        "up to ": (True, False),
        "at most ": (True, False),
        "less than ": (True, True),
    }
    for prefix, (upper, strict) in bounds.items():
        if words.startswith(prefix):
            (n,) = _tokens(words[len(prefix) :])
            if upper:
                return Statement(text, None, Interval(-math.inf, n.value, high_open=strict))
            return Statement(text, None, Interval(n.value, math.inf, low_open=strict))
    exact = re.fullmatch(r"exactly ([\d,]+)", words)
    if exact:
        n = float(exact.group(1).replace(",", ""))
        return Statement(text, n, Interval(n - 0.5, n + 0.5))
    nearly = words.startswith("nearly ")
    for prefix in ("about ", "roughly ", "nearly ", "~"):
        if words.startswith(prefix):
            words = words[len(prefix) :]
    numbers = _tokens(words)
    if len(numbers) == 2 and re.search(r"\d\S*\s*(?:–|-|to)\s*\$?\d", words):
        a, b = numbers
        half = min(a.half, b.half)
        ends = (
            _around(_Number(a.value, half, a.log and b.log)),
            _around(_Number(b.value, half, a.log and b.log)),
        )
        return Statement(
            text, (a.value, b.value), Interval(ends[0].low, ends[1].high), ends, a.log and b.log
        )
    if len(numbers) != 1:
        raise StatementError(f"cannot read '{text}': expected one number or a range")
    (n,) = numbers
    if nearly:
        return Statement(text, n.value, Interval(n.value - _nearly_half(n), n.value))
    return Statement(text, n.value, _around(n), oom=n.log)


def _nearly_half(n: _Number) -> float:
    """Half a unit in the second significant digit of N, or in its last written digit when
    that is finer: how far below N "nearly N" reaches."""
    second_digit = 10.0 ** (math.floor(math.log10(abs(n.value))) - 1)
    return min(0.5 * second_digit, n.half) if n.half else 0.5 * second_digit


def agrees(value, statement: Statement):
    """Whether a recomputed value (scalar, pair, or arrays of draws) matches the statement.

    A pair matches a range end by end, and a single stated number at both ends."""
    if isinstance(value, tuple | list):
        low, high = value
        first, second = statement.ends or (statement.interval, statement.interval)
        return first.contains(low) & second.contains(high)
    return statement.interval.contains(value)


VERDICTS = ("reproduced", "differs", "new", "unchecked")

# Relative slack of an exact match: floating-point noise only (10 ** 2.0 is 100).
EXACT = 1e-9


def exact(statement: Statement) -> Statement:
    """The statement read as a premise: the stated number itself (each end, for a range),
    up to floating-point noise. A vague statement, which names no number, is unchanged."""
    if statement.value is None:
        return statement

    def point(v: float) -> Interval:
        slack = EXACT * max(abs(v), 1.0)
        return Interval(v - slack, v + slack)

    if isinstance(statement.value, tuple):
        ends = (point(statement.value[0]), point(statement.value[1]))
        return Statement(statement.text, statement.value, Interval(ends[0].low, ends[1].high), ends)
    return Statement(statement.text, statement.value, point(statement.value))


def ratio_to_essay(value, statement: Statement | None, log_unit: bool = False):
    """Recomputed value over the stated one, for an order-of-magnitude statement (``None``
    otherwise); for a claim in log10 units, the ratio of the numbers the exponents stand
    for. A pair gives the ratio of each end."""
    if statement is None or not statement.oom or statement.value is None:
        return None

    def one(v, s):
        return 10.0 ** (float(v) - s) if log_unit else float(v) / s

    if isinstance(statement.value, tuple):
        return tuple(one(v, s) for v, s in zip(value, statement.value, strict=True))
    return one(value, statement.value)


def verdict(value, statement: Statement | None, unchecked: bool = False) -> str:
    """``new`` when the essay states nothing, ``unchecked`` when no shipped source can
    confirm or refute the statement, else ``reproduced`` or ``differs``."""
    if statement is None:
        return "new"
    if unchecked:
        return "unchecked"
    return "reproduced" if bool(np.all(agrees(value, statement))) else "differs"
