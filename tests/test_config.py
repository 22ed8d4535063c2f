"""Assumptions: schema drift, sources, and a corpus of malformed inputs with one-line errors."""

import re
import subprocess
import sys

import pytest
import yaml

from inference_scaling.pipeline import config

ROOT = config.PROJECT_ROOT
GOOD = (ROOT / "config" / "assumptions.yaml").read_text(encoding="utf-8")


def test_default_assumptions_are_valid():
    a = config.load_assumptions()
    assert a.values["era.exchange_rate"] == 0.7
    assert all(isinstance(v, int | float) for v in a.values.values())


def test_schema_and_assumptions_have_the_same_keys():
    schema = yaml.safe_load((config.SCHEMA_PATH).read_text(encoding="utf-8"))
    data = yaml.safe_load(GOOD)
    assert list(schema["properties"]) == list(data) == schema["required"]
    for group, spec in schema["properties"].items():
        assert list(spec["properties"]) == list(data[group]) == spec["required"], group
        assert spec.get("description"), group
    for name, spec in schema["$defs"].items():
        assert spec.get("description"), name


def test_every_source_is_a_bibliography_key():
    bib = (ROOT / "paper" / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    for key, src in (
        (k, config.load_assumptions().entry(k)["source"]) for k in config.load_assumptions().values
    ):
        assert src in keys, f"{key}: source {src} not in references.bib"


def _edit(old, new, count=1):
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


ER = "  exchange_rate:\n    value: 0.7\n"
# (name, file text, expected key in the message, expected problem fragment)
CORPUS = [
    (
        "string_for_number",
        _edit(ER, '  exchange_rate:\n    value: "0.7"\n'),
        "era.exchange_rate.value",
        "expected number",
    ),
    (
        "unsigned_exponent",
        _edit("value: 1.0e+24", "value: 1.0e24"),
        "thresholds.base_model_flop.value",
        "with a sign",
    ),
    ("nan", _edit(ER, "  exchange_rate:\n    value: .nan\n"), "era.exchange_rate.value", "finite"),
    ("inf", _edit(ER, "  exchange_rate:\n    value: .inf\n"), "era.exchange_rate.value", "finite"),
    (
        "negative",
        _edit(ER, "  exchange_rate:\n    value: -0.7\n"),
        "era.exchange_rate.value",
        "> 0",
    ),
    ("zero", _edit(ER, "  exchange_rate:\n    value: 0\n"), "era.exchange_rate.value", "> 0"),
    ("zero_flop", _edit("value: 1.0e+24", "value: 0.0"), "thresholds.base_model_flop.value", "> 0"),
    (
        "outside_range",
        _edit(ER, "  exchange_rate:\n    value: 1.7\n"),
        "era.exchange_rate",
        "outside range",
    ),
    (
        "range_reversed",
        _edit("range: [0.5, 1.0]", "range: [1.0, 0.5]"),
        "era.exchange_rate",
        "exceeds",
    ),
    (
        "range_one_item",
        _edit("range: [0.5, 1.0]", "range: [0.5]"),
        "era.exchange_rate.range",
        "pair",
    ),
    (
        "range_three_items",
        _edit("range: [0.5, 1.0]", "range: [0.5, 0.7, 1.0]"),
        "era.exchange_rate.range",
        "pair",
    ),
    (
        "range_string",
        _edit("range: [0.5, 1.0]", "range: [0.5, high]"),
        "era.exchange_rate.range.1",
        "expected number",
    ),
    (
        "range_not_list",
        _edit("range: [0.5, 1.0]", "range: 0.5"),
        "era.exchange_rate.range",
        "expected array",
    ),
    (
        "unknown_key",
        _edit("  exchange_rate:\n", "  exchange_rte:\n"),
        "era.exchange_rte",
        "unknown key",
    ),
    ("unknown_group", GOOD + "\nextras:\n  x:\n    value: 1\n", "extras", "unknown key"),
    ("missing_group", GOOD.split("\nnvidia:")[0] + "\n", "nvidia", "missing"),
    (
        "missing_field",
        _edit("    unit: x training compute\n", ""),
        "era.jones_train_factor.unit",
        "missing",
    ),
    (
        "extra_field",
        _edit("    source: jones2021scaling\n", "    source: jones2021scaling\n    colour: red\n"),
        "era.jones_train_factor.colour",
        "unknown key",
    ),
    ("missing_value", _edit(ER, "  exchange_rate:\n"), "era.exchange_rate.value", "missing"),
    (
        "integer_expected",
        _edit("    value: 10\n    unit: models", "    value: 10.5\n    unit: models"),
        "era.frontier_top_n.value",
        "expected integer",
    ),
    (
        "share_above_one",
        _edit("    value: 0.99\n", "    value: 1.5\n"),
        "appendix.deploy_dominated_share.value",
        "<= 1",
    ),
    (
        "exponent_one",
        _edit("    value: 0.5\n    unit: dimensionless", "    value: 1.0\n    unit: dimensionless"),
        "appendix.param_exponent.value",
        "< 1",
    ),
    (
        "bad_distribution",
        _edit("    distribution: loguniform\n", "    distribution: normal\n"),
        "deploy.tailoring_high_multiplier.distribution",
        "one of",
    ),
    (
        "bad_source",
        _edit("source: jones2021scaling", "source: Jones 2021"),
        "era.jones_train_factor.source",
        "",
    ),
    (
        "empty_unit",
        _edit("    unit: x training compute\n", '    unit: ""\n'),
        "era.jones_train_factor.unit",
        "",
    ),
    (
        "bool_for_number",
        _edit(ER, "  exchange_rate:\n    value: yes\n"),
        "era.exchange_rate.value",
        "expected number",
    ),
    (
        "null_value",
        _edit(ER, "  exchange_rate:\n    value: null\n"),
        "era.exchange_rate.value",
        "expected number",
    ),
    ("group_is_list", GOOD.split("\nnvidia:")[0] + "\nnvidia: []\n", "nvidia", "expected object"),
    ("duplicated_key", _edit(ER, ER + "    value: 0.8\n"), "line", "duplicated key 'value'"),
    ("duplicated_group", GOOD + "\nera:\n  exchange_rate: {}\n", "line", "duplicated key 'era'"),
    ("broken_yaml", _edit("era:\n", "era: [\n"), "line", "invalid YAML"),
    ("tab_indent", _edit(ER, "\texchange_rate:\n    value: 0.7\n"), "line", "invalid YAML"),
    ("empty_file", "", "", "file is empty"),
    ("only_comments", "# nothing here\n", "", "file is empty"),
    ("top_level_list", "- 1\n- 2\n", "", "expected a mapping"),
    (
        "python_tag",
        GOOD + "\nx: !!python/object/apply:os.system ['true']\n",
        "line",
        "invalid YAML",
    ),
]


@pytest.mark.parametrize("name, text, key, problem", CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_assumptions_give_one_line(tmp_path, name, text, key, problem):
    path = tmp_path / "assumptions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(config.ConfigError) as info:
        config.load_assumptions(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {key}"), message
    assert problem in message, message


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 30


def test_missing_file(tmp_path):
    with pytest.raises(config.ConfigError, match="cannot read file"):
        config.load_assumptions(tmp_path / "nope.yaml")


def _scenario(tmp_path, text):
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_scenario_overrides_value_and_range(tmp_path):
    path = _scenario(
        tmp_path,
        "description: test\noverrides:\n  era:\n    exchange_rate: 0.5\n"
        "  appendix:\n    param_exponent: {value: 0.73, range: [0.5, 0.8]}\n",
    )
    a = config.load_assumptions(scenario=path)
    assert a.values["era.exchange_rate"] == 0.5
    assert a.ranges["appendix.param_exponent"] == (0.5, 0.8)


@pytest.mark.parametrize(
    "text, fragment",
    [
        (
            "description: t\noverrides:\n  era:\n    exchange_rte: 0.5\n",
            "overrides.era.exchange_rte: unknown key",
        ),
        (
            "description: t\noverrides:\n  eras:\n    exchange_rate: 0.5\n",
            "overrides.eras: unknown group",
        ),
        (
            "description: t\noverrides:\n  era:\n    exchange_rate: 5\n",
            "era.exchange_rate: value 5 outside range",
        ),
        (
            "description: t\noverrides:\n  era:\n    exchange_rate: '0.5'\n",
            "era.exchange_rate.value: expected number",
        ),
        ("overrides:\n  era:\n    exchange_rate: 0.5\n", "description: missing"),
        ("description: t\noverides: {}\n", "overides: unknown key"),  # codespell:ignore
        ("", "file is empty"),
    ],
)
def test_bad_scenarios(tmp_path, text, fragment):
    path = _scenario(tmp_path, text)
    with pytest.raises(config.ConfigError) as info:
        config.load_assumptions(scenario=path)
    assert str(info.value).startswith(f"{path}: ")
    assert fragment in str(info.value)


def test_command_line_validator(tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text(_edit(ER, "  exchange_rate:\n    value: -1\n"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "inference_scaling.pipeline.config", str(bad)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "era.exchange_rate.value" in run.stderr
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "inference_scaling.pipeline.config",
            str(ROOT / "config" / "assumptions.yaml"),
        ],
        capture_output=True,
    )
    assert ok.returncode == 0


def test_errors_point_at_the_line_of_the_mistake(tmp_path):
    """A dedented key: PyYAML stops on the next line, so the message names both; a key
    dedented into its group parses but is unknown there, and the message gives its line."""
    good = (ROOT / "config" / "assumptions.yaml").read_text().splitlines(keepends=True)
    unit = next(i for i, line in enumerate(good) if line.startswith("    unit: OOM pre-training"))
    path = tmp_path / "assumptions.yaml"
    path.write_text("".join(good[:unit] + [good[unit][2:]] + good[unit + 1 :]))
    with pytest.raises(config.ConfigError) as info:
        config.load_assumptions(path)
    assert f"line {unit + 2}:" in str(info.value)
    assert f"check the indentation of line {unit + 1}" in str(info.value)
    rng = next(i for i, line in enumerate(good) if line.startswith("    range: [0.5, 1.0]"))
    path.write_text("".join(good[:rng] + [good[rng][2:]] + good[rng + 1 :]))
    with pytest.raises(config.ConfigError) as info:
        config.load_assumptions(path)
    assert str(info.value).endswith(f"era.range: unknown key (line {rng + 1})")
