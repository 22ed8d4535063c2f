"""The one number formatter: styles, targets, the precision a value was given, house style."""

import pytest

from inference_scaling.publish import numbers, records
from inference_scaling.publish.numbers import number, percent, prose, quantity


@pytest.mark.parametrize(
    ("value", "style", "tex", "text", "html"),
    [
        (1e10, "sci", "10^{10}", "10¹⁰", "10<sup>10</sup>"),
        (3e10, "sci", "3\\times 10^{10}", "3×10¹⁰", "3×10<sup>10</sup>"),
        (2.5345678912e13, "sci", "2.53\\times 10^{13}", "2.53×10¹³", "2.53×10<sup>13</sup>"),
        (9.9961234567e13, "sci", "10^{14}", "10¹⁴", "10<sup>14</sup>"),
        (1160, "int", "1{,}160", "1,160", "1,160"),
        (25634.3712345, "int", "25{,}634", "25,634", "25,634"),
        (4.7612345678, "f1", "4.8", "4.8", "4.8"),
        (0.56831234567, "f3", "0.568", "0.568", "0.568"),
        (-0.000123456789, "f2", "0.00", "0.00", "0.00"),
        (0.01, "pct", "1\\%", "1%", "1%"),
        (0.0090090090, "pct1", "0.9\\%", "0.9%", "0.9%"),
        (1e25, "pow10", "10^{25}", "10²⁵", "10<sup>25</sup>"),
        (25634.3712345, "g2", "26{,}000", "26,000", "26,000"),
        (9.2952345678, "g2", "9.3", "9.3", "9.3"),
        (719.691234567, "g2", "720", "720", "720"),
        (1.5123456789e6, "g2", "1.5\\times 10^{6}", "1.5×10⁶", "1.5×10<sup>6</sup>"),
        (9.899345, "s3", "9.90", "9.90", "9.90"),
        (2020.0, "f0", "2020", "2020", "2020"),
    ],
)
def test_one_function_renders_every_target(value, style, tex, text, html):
    assert [number(value, style, t) for t in ("tex", "text", "html")] == [tex, text, html]


@pytest.mark.parametrize(
    ("value", "style", "text"),
    [
        (0.55, "f1", "0.55"),  # a fork's exchange rate is not rounded to 0.6
        (0.7, "f1", "0.7"),
        (1.0, "f1", "1.0"),  # the style's precision is a floor
        (4e12, "pow10", "4×10¹²"),  # not rounded to the nearest power
        (0.757, "pct", "75.7%"),
        (13.16, "f1", "13.16"),
        (0.12345, "g3", "0.123"),  # five figures: read as computed
        (0.55123456789, "f1", "0.6"),  # computed: the style's precision
    ],
)
def test_a_value_prints_at_the_precision_it_was_given(value, style, text):
    assert number(value, style, "text") == text


def test_statistics_print_at_their_stated_precision_even_when_short():
    # 1,249 of 2,000 draws: a short fraction, but not a typed one
    assert number(62.45, "s2", "text") == "62"
    assert percent(0.6245, target="text") == "62%"


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (25638.3, 3, "25{,}600"),
        (9.899345, 3, "9.90"),  # trailing zero kept: three figures
        (9.996, 3, "10.0"),  # rounding up to the next power of ten keeps three figures
        (1.5185e10, 3, "1.52\\times 10^{10}"),
        (1.0e6, 3, "1.00\\times 10^{6}"),
        (0.000123, 3, "1.23\\times 10^{-4}"),
        (0.0, 3, "0"),
        (-0.5, 3, "-0.500"),
    ],
)
def test_exact_significant_figures(value, digits, text):
    assert number(value, f"s{digits}") == text


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (0.0013, "0.13\\%"),  # never "0%"
        (0.5877, "59\\%"),
        (0.9951, "99.5\\%"),  # never "100%" below one
        (0.99996, "99.996\\%"),
        (1.0, "100\\%"),
        (0.0, "0\\%"),
        (0.079, "7.9\\%"),
    ],
)
def test_percent_has_two_figures_and_never_rounds_to_certainty(share, text):
    assert percent(share) == text


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        number(float("nan"), "f1")
    with pytest.raises(ValueError):
        number(1.0, "nope")
    with pytest.raises(ValueError):
        number(1.0, "f1", "rtf")


def test_pairs_join_with_an_en_dash_and_collapse_when_equal():
    assert numbers.value([0.5, 1.0], "f1") == "0.5\\mbox{--}1.0"
    assert numbers.value([0.5, 1.0], "f1", "text") == "0.5–1.0"
    assert numbers.value([32.0, 32.0], "f1") == "32.0"


@pytest.mark.parametrize(
    ("value", "style", "unit", "text", "tex"),
    [
        (4.8, "f1", "x per year", "4.8× per year", "$4.8\\times$ per year"),
        ([3.8, 4.0], "f1", "x per year", "3.8–4.0× per year", "$3.8\\mbox{--}4.0\\times$ per year"),
        (75.7, "f1", "percent", "75.7%", "$75.7\\%$"),
        (0.993, "pct1", "fraction", "99.3%", "$99.3\\%$"),  # no "fraction" after a percentage
        (0.56812345, "f3", "fraction", "0.568", "$0.568$"),
        (26.4, "f1", "log10 FLOP", "10^26.4 FLOP", "$10^{26.4}$ FLOP"),
        ([26.0, 28.0], "f0", "log10 FLOP", "10²⁶–10²⁸ FLOP", "$10^{26}$\\mbox{--}$10^{28}$ FLOP"),
        (0.67, "f2", "USD per day", "$0.67 per day", "\\$$0.67$ per day"),
        (1160, "int", "iterations", "1,160 iterations", "$1{,}160$ iterations"),
        (2.5e13, "sci", "tokens", "2.5×10¹³ tokens", "$2.5\\times 10^{13}$ tokens"),
    ],
)
def test_units_in_house_style(value, style, unit, text, tex):
    assert quantity(value, style, unit, "text") == text
    assert quantity(value, style, unit, "tex") == tex


def test_printed_values_never_contradict_their_verdict():
    rec = {
        "value": 5.50077,
        "format": "f1",
        "essay": "about 5x",
        "unit": "x per year",
        "verdict": "differs",
    }
    style = records.claim_style(rec)
    assert style != "f1" and numbers.rounded(5.50077, style) > 5.5
    assert records.claim_style(dict(rec, value=4.8123456, verdict="reproduced")) == "f1"
    assert records.printed(rec, "text") == "5.501"


def test_essay_values_keep_their_own_precision():
    def essay(value, style):
        return numbers.value(value, numbers.essay_style(value, style), "text")

    assert essay(5, "f1") == "5"
    assert essay([0.5, 1.0], "f2") == "0.5–1"
    assert essay([0.078, 0.1333], "f1") == "0.078–0.1333"
    assert essay(27, "f1") == "27"
    assert essay(10000, "g2") == "10,000"
    assert essay(1e27, "pow10") == "10²⁷"


def test_assumption_styles():
    assert numbers.assumption_style(2020, "era.fit_start_year") == "f0"
    assert number(2019.5, numbers.assumption_style(2019.5, "era.fit_start_year")) == "2019.5"
    assert numbers.assumption_style(1e24) == "sci"
    assert numbers.assumption_style(25000) == "int"
    assert numbers.assumption_style(0.7) == "g3"
    assert numbers.extra_style("n", "f1") == "int"
    assert numbers.extra_style("tokens_per_param", "f2") == "g3"
    assert numbers.extra_style("ci_low", "f1") == "f1"


@pytest.mark.parametrize(
    ("text", "target", "out"),
    [
        ("10^25 FLOP", "tex", "$10^{25}$ FLOP"),
        ("10^{-3} and C^a", "tex", "$10^{-3}$ and $C^{a}$"),
        ("10^25 FLOP", "text", "10²⁵ FLOP"),
        ("10^25 FLOP", "html", "10<sup>25</sup> FLOP"),
        (
            "Pre-training-dominated, 10x pre-training",
            "tex",
            "Pre-training-dominated, 10$\\times$ pre-training",
        ),
        (
            "Pre-training-dominated, 10x pre-training",
            "text",
            "Pre-training-dominated, 10× pre-training",
        ),
        ("2020--2024, 50% of x_1 & <b>", "tex", "2020--2024, 50\\% of x\\_1 \\& $<$b$>$"),
        ("2020--2024, 50% of x_1 & <b>", "text", "2020–2024, 50% of x_1 & <b>"),
        ("2020--2024 & <b>", "html", "2020–2024 &amp; &lt;b&gt;"),
        ("reaches 10^26.", "tex", "reaches $10^{26}$."),
    ],
)
def test_prose_typesets_powers_multipliers_and_dashes(text, target, out):
    assert prose(text, target) == out


def test_the_essays_words_keep_their_x():
    assert prose("about 5x, 10^27", "tex", multipliers=False) == "about 5x, $10^{27}$"


def test_templates_fill_each_target_with_the_styles_given():
    template = "CI {ci_low}--{ci_high}x from {n} models; 10^{value}  FLOP at\n {a.rate}"
    fields = {"ci_low": 3.8512345, "ci_high": 5.1123456, "n": 55, "value": 26.81234, "a.rate": 0.55}
    styles = {"ci_low": "f1", "ci_high": "f1", "n": "int", "value": "f1", "a.rate": "g3"}
    assert numbers.fill(template, fields, styles, "text") == (
        "CI 3.9–5.1× from 55 models; 10^26.8 FLOP at 0.55"
    )
    assert numbers.fill(template, fields, styles, "tex") == (
        "CI $3.9$--$5.1\\times$ from $55$ models; $10^{26.8}$ FLOP at $0.55$"
    )
    with pytest.raises(KeyError, match="'missing'"):
        numbers.fill("{missing}", {}, styles)


def test_a_record_fills_its_note_as_its_macros_print():
    rec = {
        "value": 1.0e10,
        "format": "sci",
        "unit": "deployments",
        "essay": None,
        "verdict": "new",
        "extra": {"standard": 3.0e10, "n": 12.0},
        "fields": {"a.b": 1.0e24},
        "note": "Standard: {standard}; {n} points; a {a.b} FLOP model; value {value}.",
    }
    assert records.fill_record(rec, "note", "text") == (
        "Standard: 3×10¹⁰; 12 points; a 10²⁴ FLOP model; value 10¹⁰."
    )
    # read back from claims.json (filled already): returned as it is
    filled = {"note": "already 10²⁴"}
    assert records.fill_record(filled, "note", "text") == "already 10²⁴"


def test_every_latex_special_and_html_entity_is_escaped():
    text = '\\ & % $ # _ { } ~ ^ × > < "q"'
    assert numbers.escape(text, "tex") == (
        r"\textbackslash{} \& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{} "
        r"$\times$ $>$ $<$ " + '"q"'
    )
    # HTML: markup characters become entities; quotes stay (text, not attributes).
    assert numbers.escape(text, "html") == '\\ &amp; % $ # _ { } ~ ^ × &gt; &lt; "q"'
    assert numbers.escape(text, "text") == text


def test_unit_words_for_a_table_column():
    assert numbers.unit_words("fraction", "text") == "share"
    assert numbers.unit_words("probability", "text") == "probability"
    assert numbers.unit_words("percent", "text") == "score"
    assert numbers.unit_words("USD", "text") == "USD"
