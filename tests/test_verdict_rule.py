"""The verdict rule, pinned form by form. Expected intervals are worked out by hand from the
rule stated in the module docstring."""

import math

import numpy as np
import pytest

from inference_scaling.ledger.verdict_rule import StatementError, agrees, parse, verdict


def bounds(text, unit=""):
    i = parse(text, unit).interval
    return (i.low, i.high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about 5x", 4.5, 5.5),  # one significant digit: half a unit is 0.5
        ("~3x", 2.5, 3.5),
        ("about 30x", 25.0, 35.0),  # trailing zero not significant
        ("1,160", 1155.0, 1165.0),
        ("0.7", 0.65, 0.75),
        ("36", 35.5, 36.5),
        ("3,055", 3054.5, 3055.5),
        ("29 million", 28.5e6, 29.5e6),
        ("25,000", 24_500.0, 25_500.0),
        ("$1", 0.5, 1.5),
    ],
)
def test_a_number_covers_half_a_unit_in_its_last_significant_digit(text, low, high):
    assert bounds(text) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("text", "centre"),
    [("10,000x", 1e4), ("10x", 10.0), ("100,000x", 1e5), ("10^27", 1e27), ("10^{25}", 1e25)],
)
def test_a_round_power_of_ten_covers_half_an_order_either_side(text, centre):
    low, high = bounds(text)
    assert math.log10(low) == pytest.approx(math.log10(centre) - 0.5)
    assert math.log10(high) == pytest.approx(math.log10(centre) + 0.5)


def test_a_multiplier_that_is_not_a_power_of_ten_is_linear():
    # 172x is not an order-of-magnitude statement: 171.5..172.5
    assert bounds("172x") == pytest.approx((171.5, 172.5))
    # 20x has one significant digit: 15..25 (not 10^0.8..10^1.8)
    assert bounds("20x") == pytest.approx((15.0, 25.0))


def test_nearly_is_a_little_below_the_number_within_its_rounding():
    # half a unit in the second significant digit of 10 is 0.5: 9.5..10
    assert bounds("nearly 10x") == pytest.approx((9.5, 10.0))
    assert parse("nearly 10x").interval.contains(9.93)
    assert not parse("nearly 10x").interval.contains(10.5)
    # 3.23 (the other cost regime) no longer passes as "nearly 10x"
    assert not parse("nearly 10x").interval.contains(3.23)
    assert bounds("nearly 0.7") == pytest.approx((0.695, 0.7))
    # a number written to more digits keeps its own, finer rounding: 1,155..1,160
    assert bounds("nearly 1,160") == pytest.approx((1155.0, 1160.0))


@pytest.mark.parametrize(
    "words",
    [
        ("thousands", "millions", "billions", "trillions"),  # counts
        ("not much", "appreciably"),  # changes of a budget
    ],
)
def test_vague_quantifiers_of_one_kind_are_disjoint(words):
    intervals = [parse(word).interval for word in words]
    for i, first in enumerate(intervals):
        for second in intervals[i + 1 :]:
            # a value in both would sit at or inside both ends
            low, high = max(first.low, second.low), min(first.high, second.high)
            shared = low < high or (low == high and first.contains(low) and second.contains(low))
            assert not shared, (first, second)
    assert parse("not much").interval.contains(1.09)
    assert not parse("not much").interval.contains(1.1)
    assert parse("appreciably").interval.contains(1.1)


def test_a_premise_matches_exactly():
    from inference_scaling.ledger.verdict_rule import exact

    assert verdict(1e13, exact(parse("10^13"))) == "reproduced"
    # a fork with 4x10^12 tokens is inside half an order of 10^13, but not the premise
    assert verdict(4e12, parse("10^13")) == "reproduced"
    assert verdict(4e12, exact(parse("10^13"))) == "differs"
    assert verdict(0.71, exact(parse("0.7"))) == "differs"
    assert verdict((2020.0, 2024.0), exact(parse("2020–2024"))) == "reproduced"
    assert verdict((2020.0, 2023.0), exact(parse("2020–2024"))) == "differs"
    # a vague premise names no number: its declared interval stays
    assert verdict(2e6, exact(parse("millions"))) == "reproduced"


def test_the_ratio_to_the_essay_is_kept_for_order_of_magnitude_statements():
    from inference_scaling.ledger.verdict_rule import ratio_to_essay

    # 25,634x against "10,000x": same order, 2.56 times the essay's number
    assert ratio_to_essay(25_634.0, parse("10,000x")) == pytest.approx(2.5634)
    # 10^26.8 against 10^27 in log10 units: 10^-0.2
    assert ratio_to_essay(26.8, parse("10^27", "log10 FLOP"), True) == pytest.approx(10**-0.2)
    assert ratio_to_essay(4.4, parse("about 5x")) is None
    assert ratio_to_essay(3.0, None) is None


def test_unchecked_is_never_a_difference():
    assert verdict(21.0, parse("7.8%–13.33%"), unchecked=True) == "unchecked"
    assert verdict(21.0, None, unchecked=True) == "new"


def test_a_range_uses_its_finer_end_for_both_ends():
    s = parse("76–88%")
    assert (s.interval.low, s.interval.high) == pytest.approx((75.5, 88.5))
    s = parse("0.5 to 1")
    assert (s.interval.low, s.interval.high) == pytest.approx((0.45, 1.05))
    s = parse("7.8%–13.33%")
    assert (s.interval.low, s.interval.high) == pytest.approx((7.795, 13.335))
    assert s.value == (7.8, 13.33)


def test_pairs_match_a_range_end_by_end():
    s = parse("76–88%")
    assert agrees((75.7, 87.5), s)
    assert not agrees((80.0, 87.5), s)  # inside the span but not at the low end
    assert agrees(80.0, s)  # a single value only needs to lie inside


def test_bounds_and_their_open_ends():
    assert parse("at least 100x").interval.contains(100.0)
    assert not parse("more than 100x").interval.contains(100.0)
    assert parse("more than 100x").interval.contains(100.01)
    assert parse("up to an order of magnitude").interval.contains(10.0)
    assert not parse("up to an order of magnitude").interval.contains(10.01)
    assert not parse("less than 1").interval.contains(1.0)
    assert parse("over 100x").interval.as_list() == [100.0, None]


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("millions", 2.5e6, 0.9e6),
        ("millions", 1e6, 1e9),  # half-open: a billion is not "millions"
        ("thousands", 1600, 999),
        ("trillions", 1e13, 9e11),
        ("low 3,000s", 3100, 3400),
    ],
)
def test_vague_quantifiers(text, inside, outside):
    i = parse(text).interval
    assert i.contains(inside)
    assert not i.contains(outside)
    assert parse(text).value is None


def test_low_thousands_is_the_lower_third():
    assert bounds("low 3,000s") == pytest.approx((3000.0, 3000 + 1000 / 3))


def test_percent_against_a_fraction():
    assert bounds("1%", unit="fraction") == pytest.approx((0.005, 0.015))
    assert bounds("1%", unit="percent") == pytest.approx((0.5, 1.5))


def test_verdicts_and_arrays_of_draws():
    assert verdict(4.8, parse("about 5x")) == "reproduced"
    assert verdict(5.6, parse("about 5x")) == "differs"
    assert verdict(26.4, None) == "new"
    draws = np.array([4.4, 4.6, 5.4, 5.6])
    assert agrees(draws, parse("about 5x")).tolist() == [False, True, True, False]


@pytest.mark.parametrize("text", ["", "somewhat", "5 or 6 or 7", "a factor"])
def test_unreadable_statements_raise_naming_the_text(text):
    with pytest.raises(StatementError, match=text if text else "no number"):
        parse(text)


def test_spelled_orders_of_magnitude_and_exact_counts():
    assert bounds("two orders of magnitude") == pytest.approx((100 / 10**0.5, 100 * 10**0.5))
    assert bounds("exactly 100") == (99.5, 100.5)
    assert bounds("0") == (-0.5, 0.5)


def test_declared_vague_shares_and_changes():
    assert parse("the lion's share").interval.contains(0.9)
    assert not parse("the lion's share").interval.contains(0.5)
    assert parse("appreciably").interval.contains(1.99)
    assert not parse("appreciably").interval.contains(1.05)


def test_log10_units_compare_exponents():
    # 10^27 covers half an OOM either way: 26.5..27.5 in log10 FLOP.
    assert bounds("10^27", unit="log10 FLOP") == pytest.approx((26.5, 27.5))
    assert parse("10^27", unit="log10 FLOP").value == pytest.approx(27.0)
    assert verdict(26.8, parse("10^27", unit="log10 FLOP")) == "reproduced"
    assert verdict(26.4, parse("10^27", unit="log10 FLOP")) == "differs"


# Whole statements, field by field: the text is kept as written, the central value, each
# end's open/closed flag and a range's per-end intervals, worked out by hand from the rule.
INF = math.inf
R10 = 10**0.5


def same_interval(got, low, high, low_open=False, high_open=False):
    return (got.low, got.high) == pytest.approx((low, high)) and (
        got.low_open,
        got.high_open,
    ) == (low_open, high_open)


@pytest.mark.parametrize(
    ("text", "unit", "value", "interval"),
    [
        ("at least 100x", "", None, (100.0, INF, False, False)),
        ("more than 5", "", None, (5.0, INF, True, False)),
        ("over 5", "", None, (5.0, INF, True, False)),
        ("up to 10x", "", None, (-INF, 10.0, False, False)),
        ("at most 3", "", None, (-INF, 3.0, False, False)),
        ("less than 3", "", None, (-INF, 3.0, False, True)),
        ("low 3,000s", "", None, (3000.0, 3000 + 1000 / 3, False, True)),
        ("millions", "", None, (1e6, 1e9, False, True)),
        ("exactly 1,000", "", 1000.0, (999.5, 1000.5, False, False)),
        ("2 orders of magnitude", "", 100.0, (100 / R10, 100 * R10, False, False)),
        ("nearly 40", "", 40.0, (39.5, 40.0, False, False)),
        ("more than 50%", "fraction", None, (0.5, INF, True, False)),
        ("less than 50%", "fraction", None, (-INF, 0.5, False, True)),
        ("20%", "fraction", 0.2, (0.15, 0.25, False, False)),
        ("more than 10^26", "log10 FLOP", None, (26.0, INF, True, False)),
        ("less than 10^26", "log10 FLOP", None, (-INF, 26.0, False, True)),
        ("up to 10^26", "log10 FLOP", None, (-INF, 26.0, False, False)),
        ("at least 0", "log10 FLOP", None, (-INF, INF, False, False)),
        ("0.7", "log10 FLOP", math.log10(0.7), (math.log10(0.65), math.log10(0.75))),
    ],
)
def test_whole_statements(text, unit, value, interval):
    s = parse(text, unit)
    assert s.text == text
    assert s.value == (None if value is None else pytest.approx(value))
    assert same_interval(s.interval, *interval)
    assert s.ends is None


@pytest.mark.parametrize(
    ("text", "unit", "value", "first", "second"),
    [
        # finer end 1% -> half 0.5% on both ends, then /100 against a fraction
        ("76–88%", "fraction", (0.76, 0.88), (0.755, 0.765), (0.875, 0.885)),
        # both ends round powers of ten: half an order each
        ("10x–100x", "", (10.0, 100.0), (10 / R10, 10 * R10), (100 / R10, 100 * R10)),
        # one end not a power of ten: linear, at the finer end's half unit (0.5)
        ("10x–15x", "", (10.0, 15.0), (9.5, 10.5), (14.5, 15.5)),
        ("10^26–10^28", "log10 FLOP", (26.0, 28.0), (25.5, 26.5), (27.5, 28.5)),
    ],
)
def test_whole_ranges(text, unit, value, first, second):
    s = parse(text, unit)
    assert s.text == text
    assert s.value == pytest.approx(value)
    assert isinstance(s.value, tuple)
    assert same_interval(s.ends[0], *first)
    assert same_interval(s.ends[1], *second)
    assert same_interval(s.interval, first[0], second[1])


def test_three_numbers_with_a_dash_are_not_a_range():
    with pytest.raises(StatementError, match="expected one number or a range"):
        parse("1–2 or 3")


def test_a_verdict_on_several_values_needs_every_one_to_agree():
    stated = parse("10^27", "log10 FLOP")  # 26.5 .. 27.5
    assert verdict(np.array([26.8, 27.4]), stated) == "reproduced"
    assert verdict(np.array([26.8, 30.0]), stated) == "differs"
    # a pair against a range: both ends must match their own end's interval
    band = parse("0.5 to 1")  # ends 0.45 .. 0.55 and 0.95 .. 1.05
    assert verdict((0.5, 1.0), band) == "reproduced"
    assert verdict((0.5, 0.8), band) == "differs"
