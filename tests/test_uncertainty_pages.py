"""The uncertainty appendix's generated LaTeX and Markdown, from hand-made Monte Carlo and
Sobol summaries: tables in words (labels, units, the one number formatter, numbered
captions), only sampled claims, the build's value as the ledger prints it, and the macros
the prose cites."""

import re

import pytest
from conftest import shared

from inference_scaling.publish import numbers, uncertainty_pages
from inference_scaling.publish.uncertainty_pages import factor_name


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("era.exchange_rate", "exchange rate"),
        ("era.frontier_top_n", "frontier top-N"),
        ("appendix.c_pre", "pre-training FLOP per parameter and token"),
        ("appendix.n_params", "number of parameters"),
        ("appendix.post_training_share", "post-training share"),
        ("thresholds.gpt4_flop", "GPT-4 training FLOP"),
        ("data:growth.all", "data error: growth fit (all domains)"),
        ("data:arc.o3_high_semi_private_cost", "data error: o3's high-compute cost"),
        ("lifetime shares (joint)", "lifetime compute shares (drawn jointly)"),
    ],
)
def test_factor_names_are_words(key, name):
    assert factor_name(key) == name


def test_every_assumption_has_a_name_without_code(assumptions):
    for key in assumptions.values:
        name = factor_name(key)
        assert "_" not in name and "." not in name and name.strip(), (key, name)


LEDGER = {
    "claims": [
        {
            "id": "era.growth",
            "label": "Growth of frontier compute",
            "unit": "x per year",
            "section": "era",
            "value": 6.1,
            "format": "f1",
        },
        {
            "id": "era.fixed_one",
            "label": "A fixed premise",
            "unit": "x",
            "section": "era",
            "value": 2.0,
            "format": "f0",
        },
        {
            "id": "deploy.share",
            "label": "Share of tasks served at once",
            "unit": "fraction",
            "section": "deploy",
            "value": 0.01,
            "format": "pct",
        },
        {
            "id": "deploy.speed",
            "label": "AI speed relative to humans",
            "unit": "x human speed",
            "section": "deploy",
            "value": [10.0, 100.0],
            "format": "int",
        },
    ],
    "conclusions": [
        {"id": "sure_thing", "statement": "A certain conclusion", "holds": True},
        {"id": "coin_flip", "statement": "A model reaches 10^26 FLOP", "holds": False},
        {"id": "likely", "statement": "A likely conclusion", "holds": True},
    ],
}

SUMMARY = {
    "draws": 1000,
    "settings": {"seed": 7, "blocks": 2, "draws": 1000},
    "claims": {
        "era.growth": {"value": {"p5": 3.5717, "median": 4.676, "p95": 6.0498}},
        "era.fixed_one": {"value": {"fixed": 2.0}},
        "deploy.share": {"value": {"p5": 0.0013, "median": 0.00996, "p95": 0.0794}},
        # one end varies, the other is fixed: the claim is sampled, its fixed end left out
        "deploy.speed": {
            "low": {"p5": 5.749, "median": 12.47, "p95": 19.25},
            "high": {"fixed": 100.0},
        },
    },
    "conclusions": {"sure_thing": 1.0, "coin_flip": 0.49986, "likely": 0.9766},
    "outside_interval": [
        {
            "id": "era.growth",
            "part": "value",
            "ledger": 6.1,
            "p5": 3.5717,
            "p95": 6.0498,
            "edge_inputs": [{"key": "era.fit_start_year", "value": 2020.0, "quantile": 0.0}],
        }
    ],
}


@pytest.fixture(scope=shared)
def mc():
    return uncertainty_pages.uncertainty_macros(SUMMARY, LEDGER)


def test_fixed_claims_are_counted_and_left_out(mc):
    assert mc["mcFixedCount"] == "1" and mc["mcSampledCount"] == "3"
    assert mc["mcClaimCount"] == "4"
    table = mc["uncertaintyTable"]
    assert "A fixed premise" not in table
    assert "1 of the 4 claims depend on no uncertain input" in table
    # the fixed end of a pair is left out, the varying end named in words
    assert "AI speed relative to humans, low end" in table
    assert "high end" not in table
    # prose citing a fixed claim still builds: its interval is its one value
    assert mc["mcMedianDeploySpeedLow"] == "12.5"
    assert mc["mcLowDeploySpeedHigh"] == mc["mcHighDeploySpeedHigh"] == "100"
    assert mc["mcMedianEraFixedOne"] == "2.00"


def test_interval_macros_use_the_one_formatter(mc):
    assert mc["mcLowEraGrowth"] == "3.57"
    assert mc["mcMedianEraGrowth"] == "4.68"
    assert mc["mcHighEraGrowth"] == "6.05"
    assert mc["mcIntervalEraGrowth"] == "3.57" + numbers.RANGE_DASH["tex"] + "6.05"
    assert mc["mcLowDeployShare"] == "0.13\\%"  # a share, in percent, never "0%"
    assert mc["mcMedianDeployShare"] == "1.0\\%"
    assert mc["mcDraws"] == "1{,}000"
    assert (mc["mcLowPercentile"], mc["mcHighPercentile"], mc["mcCentralShare"]) == (
        "5th",
        "95th",
        "90\\%",
    )


def test_interval_table_is_a_captioned_longtable_in_words(mc):
    table = mc["uncertaintyTable"]
    assert table.startswith("{%\n\\begin{longtable}")
    assert table.endswith("\\end{longtable}\n}")
    assert "\\caption{" in table and "\\label{tab:uncertainty}" in table
    assert "\\endfirsthead" in table and "\\endhead" in table and "continued" in table
    assert "\\toprule" in table and "\\bottomrule" in table
    assert "\\texttt" not in table and "era.growth" not in table and "\\_" not in table
    row = next(line for line in table.splitlines() if line.startswith("Share of tasks"))
    # the statistics to two figures; the build's value as the ledger prints it ("pct")
    cells = "$0.13\\%$ & $1.0\\%$ & $7.9\\%$ & $1\\%$"
    assert row == f"Share of tasks served at once & share & {cells} \\\\"
    growth = next(line for line in table.splitlines() if line.startswith("Growth"))
    assert "$\\times$ per year" in growth and growth.endswith("& $6.05$ & $6.1$ \\\\")
    assert "\\textit{The end of the pre-training era}" in table


def test_build_value_never_prints_equal_to_the_end_it_crosses():
    ledger = {**LEDGER, "claims": [{**LEDGER["claims"][0], "value": 1.99}]}
    summary = {
        **SUMMARY,
        "claims": {"era.growth": {"value": {"p5": 1.95, "median": 1.96, "p95": 1.98882}}},
        "outside_interval": [
            {**SUMMARY["outside_interval"][0], "ledger": 1.99, "p95": 1.98882, "p5": 1.95}
        ],
    }
    m = uncertainty_pages.uncertainty_macros(summary, ledger)
    assert "$1.990$" in m["mcOutsideList"] and "$1.989$" in m["mcOutsideList"]
    assert "$1.989$ & $1.990$" in m["uncertaintyTable"]


def test_conclusions_are_statements_with_probabilities(mc):
    table = mc["conclusionProbabilityTable"]
    assert "\\caption{" in table and "\\label{tab:conclusion-probabilities}" in table
    assert "A certain conclusion & $100\\%$ & holds" in table
    assert "A model reaches $10^{26}$ FLOP & $50\\%$ & does not hold" in table
    assert "coin_flip" not in table and "coin\\_flip" not in table
    assert mc["mcProbCoinFlip"] == "50\\%" and mc["mcProbLikely"] == "98\\%"
    assert mc["mcConclusionCount"] == "3" and mc["mcCertainCount"] == "1"
    assert mc["mcDoubtfulCount"] == "2" and mc["whenAnyDoubtful"] == (2, "#1")
    doubtful = mc["mcDoubtfulList"]
    assert "A certain conclusion" not in doubtful
    # least likely first, with the verdict at the defaults
    assert doubtful.index("10^{26}") < doubtful.index("A likely conclusion")
    assert "holds in $50\\%$ of the draws (at the defaults it does not hold)" in doubtful


def test_no_doubtful_conclusion_and_no_outside_value_switch_the_prose():
    summary = {
        **SUMMARY,
        "conclusions": {"sure_thing": 1.0, "coin_flip": 0.0, "likely": 1.0},
        "outside_interval": [],
    }
    m = uncertainty_pages.uncertainty_macros(summary, LEDGER)
    assert m["whenAnyDoubtful"] == (2, "#2") and m["mcDoubtfulList"] == ""
    assert m["whenAnyOutside"] == (2, "#2") and m["mcOutsideList"] == ""
    assert m["mcCertainCount"] == "3" and m["mcProbCoinFlip"] == "0\\%"


def test_outside_values_are_explained_in_words(mc):
    text = mc["mcOutsideList"]
    assert mc["mcOutsideCount"] == "1" and mc["whenAnyOutside"] == (2, "#1")
    assert "\\item[Growth of frontier compute.]" in text
    assert "$6.1$, lies above the 95th percentile ($6.05$): fit start year" in text
    assert "fit start year defaults to $2020$, the lowest value drawn" in text
    assert "so most draws move it down" in text
    assert "era." not in text


def test_generated_file_defines_unique_letter_only_macros():
    text = uncertainty_pages.uncertainty_tex(SUMMARY, LEDGER)
    names = re.findall(r"^\\newcommand\{\\([^}]*)\}", text, flags=re.M)
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Za-z]+", n) for n in names)
    assert {"uncertaintyTable", "conclusionProbabilityTable", "mcOutsideList"} <= set(names)
    assert "\\newcommand{\\whenAnyOutside}[2]{#1}" in text


SOBOL = {
    "settings": {"base_samples": 64, "confidence": 0.95, "resamples": 20, "seed": 1},
    "evaluations": 320,
    "factors": ["data:growth.all", "era.fit_start_year", "era.exchange_rate"],
    "claims": {
        "era.growth": {
            "mean": 4.7,
            "indices": {
                "data:growth.all": {"S1": 0.5, "S1_conf": 0.05, "ST": 0.68, "ST_conf": 0.06},
                "era.fit_start_year": {"S1": -0.009, "S1_conf": 0.01, "ST": 0.47, "ST_conf": 0.03},
                "era.exchange_rate": {"S1": 0.0, "S1_conf": 0.0, "ST": 0.001, "ST_conf": 0.0},
            },
        }
    },
    "conclusions": {
        "sure_thing": {"mean": 1.0, "indices": None},
        "coin_flip": {
            "mean": 0.5,
            "indices": {
                "era.exchange_rate": {"S1": 0.6, "S1_conf": 0.1, "ST": 0.9, "ST_conf": 0.1},
            },
        },
    },
}


def test_sensitivity_macros_name_the_top_factor_in_words():
    m = uncertainty_pages.sensitivity_macros(SOBOL, LEDGER)
    # an inter-word space after the colon, not the wider one that ends a sentence
    assert m["sobolTopFactorEraGrowth"] == "data error:\\ growth fit (all domains)"
    assert (m["sobolTopTotalEraGrowth"], m["sobolTopFirstEraGrowth"]) == ("0.68", "0.50")
    assert m["sobolTopFactorCoinFlip"] == "exchange rate"
    assert m["whenSobolVariesSureThing"] == (2, "#2") and "sobolTopFactorSureThing" not in m
    assert m["whenSobolVariesEraGrowth"] == (2, "#1")
    item = "\\item \\emph{Growth of frontier compute}: data error:\\ growth fit"
    assert item in m["sobolTopList"]
    assert (m["sobolBaseSamples"], m["sobolEvaluations"], m["sobolConfidence"]) == (
        "64",
        "320",
        "95\\%",
    )


def test_sensitivity_table_is_a_captioned_longtable_in_words():
    table = uncertainty_pages.sensitivity_macros(SOBOL, LEDGER)["sensitivityTable"]
    assert "\\caption{" in table and "\\label{tab:sensitivity}" in table
    assert "\\endfirsthead" in table and "\\bottomrule" in table
    assert "\\texttt" not in table and "\\_" not in table and "era." not in table
    assert "\\quad fit start year & $0.00 \\pm 0.01$ & $0.47 \\pm 0.03$" in table
    assert "exchange rate" not in table.split("Conclusions")[0]  # S_T below the floor
    assert "A certain conclusion & holds in every draw &  \\\\" in table
    assert "A model reaches $10^{26}$ FLOP ($50\\%$)" in table


def test_markdown_names_claims_by_label_and_leaves_fixed_ones_out():
    md = uncertainty_pages.uncertainty_page(SUMMARY, LEDGER).markdown()
    assert "1 of the 4 claims depend on no uncertain input" in md and "`era.fixed_one`" in md
    row = "| Growth of frontier compute (`era.growth`) | × per year | 3.57 | 4.68 | 6.05 | 6.1 |"
    assert row in md
    assert "A fixed premise (" not in md
    assert "| A model reaches 10²⁶ FLOP | 50% | does not hold |" in md
    assert "Growth of frontier compute: The build's value, 6.1, lies above the 95th" in md


def test_sensitivity_markdown_is_the_same_table():
    md = uncertainty_pages.sensitivity_page(SOBOL, LEDGER).markdown()
    assert "| output and factor | S1 | ST |" in md
    assert "| ↳ fit start year | 0.00 ± 0.01 | 0.47 ± 0.03 |" in md
    assert "| A model reaches 10²⁶ FLOP (`coin_flip`) (50%) |  |  |" in md


def test_pair_ends_print_low_first_and_units_read_as_words():
    ledger = {**LEDGER, "claims": [{**LEDGER["claims"][3], "unit": "log10 FLOP"}]}
    summary = {
        **SUMMARY,
        "claims": {
            "deploy.speed": {
                "high": {"p5": 50.0, "median": 120.0, "p95": 190.0},
                "low": {"p5": 5.0, "median": 12.0, "p95": 19.0},
            }
        },
        "outside_interval": [],
    }
    table = uncertainty_pages.uncertainty_macros(summary, ledger)["uncertaintyTable"]
    assert table.index("low end") < table.index("high end")
    assert "& $\\log_{10}$ FLOP &" in table
    assert numbers.unit_words("x per year") == "$\\times$ per year"
    assert numbers.unit_words("fraction") == "share"


def test_count_phrases_agree_with_their_counts():
    from inference_scaling.publish.uncertainty_pages import count_phrases

    one = count_phrases(fixed=1, certain=1, doubtful=1, outside=1)
    assert one["mcFixedPhrase"] == "one depends on no uncertain input and takes"
    assert one["mcCertainPhrase"] == "one comes out"
    assert one["mcDoubtfulPhrase"] == "The other one holds in some draws and fails in others"
    assert one["mcOutsidePhrase"] == "one quantity"
    many = count_phrases(fixed=12, certain=8, doubtful=2, outside=3)
    assert many["mcFixedPhrase"] == "12 depend on no uncertain input and take"
    assert many["mcCertainPhrase"] == "eight come out"
    assert many["mcDoubtfulPhrase"] == "The two others hold in some draws and fail in others"
    assert many["mcOutsidePhrase"] == "three quantities"


@pytest.mark.parametrize(
    "quantile, where",
    [
        (0.0, "the lowest value drawn"),
        (1.0, "the highest value drawn"),
        (0.2, "below all but 80% of its draws"),
        (0.5, "above 50% of its draws"),
        (0.7, "above 70% of its draws"),
    ],
)
def test_an_edge_input_says_where_its_default_lies_among_the_draws(quantile, where):
    edge = {"key": "era.fit_start_year", "value": 2020.0, "quantile": quantile}
    assert (
        uncertainty_pages._edge_words(edge, "text") == f"fit start year defaults to 2020, {where}"
    )


@pytest.mark.parametrize(
    "key, words",
    [
        ("p1", "1st"),
        ("p2", "2nd"),
        ("p3", "3rd"),
        ("p5", "5th"),
        ("p10", "10th"),
        ("p11", "11th"),
        ("p12", "12th"),
        ("p13", "13th"),
        ("p20", "20th"),
        ("p21", "21st"),
        ("p22", "22nd"),
        ("p95", "95th"),
        ("p99", "99th"),
    ],
)
def test_percentiles_read_as_ordinals(key, words):
    assert uncertainty_pages._ordinal(key) == words


def test_a_claims_parts_print_value_then_low_then_high_then_the_rest_by_name():
    parts = {"high": 3, "extra_b": 5, "low": 2, "extra_a": 4, "value": 1}
    assert [k for k, _ in uncertainty_pages._in_order(parts)] == [
        "value",
        "low",
        "high",
        "extra_a",
        "extra_b",
    ]


@pytest.mark.parametrize(
    "key, name",
    [
        ("appendix.c_pre", "pre-training FLOP per parameter and token"),
        ("appendix.c_inf", "inference FLOP per parameter and token"),
        ("lifetime shares (joint)", "lifetime compute shares (drawn jointly)"),
        ("data:growth.all", "data error: growth fit (all domains)"),
        ("data:aime.test_time.pass1_0", "data error: o1 AIME pass@1, test-time compute, point 1"),
        ("data:aime.train_time.pass1_6", "data error: o1 AIME pass@1, train-time compute, point 7"),
        ("data:alphago.training_days", "data error: training days"),
        ("data:arc", "data error: ARC-AGI"),
    ],
)
def test_factor_names_by_hand(key, name):
    assert uncertainty_pages.factor_name(key) == name


def test_a_value_below_its_interval_is_explained_by_each_edge_input():
    rec = LEDGER["claims"][0]  # era.growth, printed to one decimal
    row = {
        "id": "era.growth",
        "part": "value",
        "ledger": 3.2,
        "p5": 3.5717,
        "p95": 6.0498,
        "edge_inputs": [
            {"key": "era.fit_start_year", "value": 2020.0, "quantile": 1.0},
            {"key": "era.exchange_rate", "value": 0.5, "quantile": 0.0},
        ],
    }
    label, text = uncertainty_pages.outside_text(row, rec, "text")
    assert label == "Growth of frontier compute"
    assert text == (
        "The build's value, 3.2, lies below the 5th percentile (3.57): fit start year defaults "
        "to 2020, the highest value drawn; exchange rate defaults to 0.5, the lowest value "
        "drawn, so most draws move it up."
    )
    _, alone = uncertainty_pages.outside_text({**row, "edge_inputs": []}, rec, "text")
    assert alone.endswith("(3.57). No default input sits at the edge of its draws.")
