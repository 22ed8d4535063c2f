"""The assumption explorer's logic (inference_scaling.explorer.app); the page itself is tested in
a browser by test_explorer_browser.py."""

import shutil

import pytest
import yaml

from inference_scaling.explorer import app as explorer
from inference_scaling.pipeline import config


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    scenarios = tmp_path_factory.mktemp("scenarios")
    for path in (config.PROJECT_ROOT / "config" / "scenarios").glob("*.yaml"):
        shutil.copy(path, scenarios / path.name)
    return explorer.Explorer(scenario_dir=scenarios)


def with_values(app, **changes):
    values = dict(app.defaults)
    values.update({k.replace("__", "."): v for k, v in changes.items()})
    return values


def test_controls_follow_the_declared_ranges_and_scales(app):
    by_key = {c.key: c for c in app.controls}
    assert len(by_key) == len(app.defaults)
    rate = by_key["era.exchange_rate"]
    assert (rate.low, rate.high, rate.log, rate.fixed) == (0.5, 1.0, False, False)
    assert rate.unit and rate.meaning
    assert by_key["thresholds.base_model_flop"].log  # declared loguniform
    assert by_key["era.frontier_top_n"].integer
    assert by_key["era.jones_train_factor"].fixed  # range [10, 10]
    titles = list(explorer.sections(app.controls))
    assert titles[0] == "The end of the pre-training era"
    assert titles[-1] == "Context: test-time scaling"


@pytest.mark.parametrize(
    ("value", "fmt", "unit", "shown"),
    [
        (26.4, "f1", "log10 FLOP", "10^26.4 FLOP"),
        ([26.0, 28.0], "f0", "log10 FLOP", "10²⁶–10²⁸ FLOP"),
        (1160, "int", "iterations", "1,160 iterations"),
        (0.009, "pct1", "fraction", "0.9%"),
        ([0.5, 1.0], "f1", "OOM / OOM", "0.5–1.0 OOM / OOM"),
        (2.5e13, "sci", "tokens", "2.5×10¹³ tokens"),
        (4.4123456, "f1", "x per year", "4.4× per year"),
    ],
)
def test_show_value(value, fmt, unit, shown):
    assert explorer.show_value(value, fmt, unit) == shown


def test_defaults_change_no_verdict(app):
    rows = app.rows(app.evaluate(app.defaults))
    assert not any(r.verdict_changed or r.value_changed for r in rows)
    assert not any(changed for _, _, changed in app.conclusion_rows(app.default_view))


def test_exchange_rate_0_6_moves_the_amplified_model_off_the_essays_10_27(app):
    # 10^24 FLOP + 4 OOM of inference at 0.6 OOM/OOM: 24 + 4 * 0.6 = 26.4, half an OOM or
    # more from the essay's 10^27.
    rows = {r.id: r for r in app.rows(app.evaluate(with_values(app, era__exchange_rate=0.6)))}
    amplified = rows["thresholds.amplified"]
    assert amplified.value == "10^26.4 FLOP"
    assert amplified.essay == "10²⁷ FLOP"
    assert (amplified.verdict, amplified.verdict_changed) == ("differs", True)
    assert rows["thresholds.eu"].value_changed is False


def test_conclusion_fails_and_is_flagged_when_the_base_model_shrinks(app):
    # 10^23 + 4 OOM at 0.7: 23 + 2.8 = 25.8 < 26, below the US threshold, above the EU one.
    view = app.evaluate(with_values(app, thresholds__base_model_flop=1.0e23))
    items = {s: (holds, changed) for s, holds, changed in app.conclusion_rows(view)}
    assert items["The same model performs like one above the US threshold"] == (False, True)
    eu = next(s for s in items if s.startswith("A model trained below the EU"))
    assert items[eu] == (True, False)


def test_rows_read_label_and_basis_when_the_catalogue_has_them(app):
    rec = dict(app.default_view.ledger[0], label="Short <label>", basis="recomputed")
    (row,) = app.rows(explorer.View([rec], []))
    assert (row.label, row.basis) == ("Short <label>", "recomputed")
    assert "Short &lt;label&gt;" in explorer.ledger_html([row])


def test_ledger_html_highlights_changed_verdicts(app):
    rows = app.rows(app.evaluate(with_values(app, era__exchange_rate=0.6)))
    page = explorer.ledger_html(rows)
    amplified = page.split('data-claim="thresholds.amplified"')[1].split("</tr>")[0]
    assert "background" in amplified and "differs (changed)" in amplified
    eu = page.split('data-claim="thresholds.eu"')[1].split("</tr>")[0]
    assert "background" not in eu


def test_overrides_keep_only_changes_without_float_noise(app):
    values = with_values(app, era__exchange_rate=0.1 * 6, era__frontier_top_n=12.0)
    assert 0.1 * 6 != 0.6  # the noise a slider leaves
    assert app.overrides(values) == {"era": {"exchange_rate": 0.6, "frontier_top_n": 12}}
    assert isinstance(app.overrides(values)["era"]["frontier_top_n"], int)
    assert app.overrides(app.defaults) == {}


def test_write_scenario_validates_and_builds_like_a_hand_written_one(app):
    values = with_values(app, era__exchange_rate=0.6, appendix__n_params=2.0e12)
    path = app.write_scenario("lower_rate", "Exchange rate at 0.6.", values)
    assert path == app.scenario_dir / "lower_rate.yaml"
    assert yaml.safe_load(path.read_text())["overrides"] == {
        "era": {"exchange_rate": 0.6},
        "appendix": {"n_params": 2.0e12},
    }
    loaded = config.load_assumptions(config.DEFAULT_ASSUMPTIONS, path).values
    assert loaded["era.exchange_rate"] == 0.6 and loaded["appendix.n_params"] == 2.0e12
    assert "lower_rate" in app.scenarios()
    assert app.scenario_values("lower_rate")["era.exchange_rate"] == 0.6


@pytest.mark.parametrize(
    ("name", "description", "changes", "message"),
    [
        ("pessimistic_exchange", "x", {}, "exists already"),
        ("../escape", "x", {}, "name: use letters"),
        ("", "x", {}, "name: use letters"),
        ("no_reason", "  ", {}, "no_reason.yaml: description: missing"),
        ("too_high", "x", {"era__exchange_rate": 1.5}, "too_high.yaml: era.exchange_rate: value"),
    ],
)
def test_write_scenario_refuses_bad_input_with_one_line(app, name, description, changes, message):
    before = sorted(app.scenario_dir.iterdir())
    with pytest.raises(config.ConfigError) as err:
        app.write_scenario(name, description, with_values(app, **changes))
    text = str(err.value)
    assert message in text and "\n" not in text
    assert "tmp" not in text.replace(str(app.scenario_dir), "")  # names the target file
    assert sorted(app.scenario_dir.iterdir()) == before


def test_scenario_values_apply_the_overrides(app):
    assert app.scenario_values("pessimistic_exchange")["era.exchange_rate"] == 0.5
    assert app.scenario_values(explorer.DEFAULTS_LABEL) == app.defaults


def test_growth_fit_is_redone_when_its_window_moves(app):
    narrow = with_values(app, era__fit_start_year=2022.0)
    assert app.facts(narrow)["growth.all.n"] < app.facts(app.defaults)["growth.all.n"]


def test_figures_render_to_png(app):
    figs = explorer.figures(with_values(app, era__exchange_rate=0.6))
    assert set(figs) == {"threshold_equivalence", "cost_multipliers"}
    assert all(explorer.png(f, dpi=30).startswith(b"\x89PNG") for f in figs.values())


def test_bench_reports_milliseconds():
    assert explorer.bench_update_ms(repeats=2) > 0.0


def test_serve_says_how_to_get_voila_when_it_is_missing(capsys, tmp_path):
    if explorer.Path(explorer.voila_command("x.ipynb", 1)[0]).exists():
        pytest.skip("Voila is installed in this environment")
    assert explorer.main(["--port", "1", "--build-dir", str(tmp_path)]) == 1
    assert "make explore" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing converted, nothing served


def test_voila_command_serves_on_localhost_only():
    command = explorer.voila_command("nb.ipynb", 8123)
    assert command[1:5] == ["nb.ipynb", "--port=8123", "--no-browser", "--Voila.ip=127.0.0.1"]
    # static files: the copied HTML edition only
    assert command[5:] == ["--VoilaConfiguration.file_allowlist=['edition/.*']"]


def test_a_scenario_value_outside_the_declared_range_is_named_not_clamped(app):
    # A scenario may widen a range; the default file's range [0.5, 1.0] bounds the control.
    (app.scenario_dir / "wide.yaml").write_text(
        "description: wider exchange rate\n"
        "overrides:\n  era:\n    exchange_rate: {value: 0.3, range: [0.2, 1.0]}\n"
    )
    values = app.scenario_values("wide")
    outside = app.outside_range(values)
    assert list(outside) == ["era.exchange_rate"]
    assert outside["era.exchange_rate"] == (
        "era.exchange_rate = 0.3 lies outside the declared range [0.5, 1]: the ledger uses "
        "0.3, the control shows 0.5"
    )
    assert "outside the declared range" in explorer.outside_range_html(outside)
    assert explorer.outside_range_html({}) == ""
    assert app.outside_range(app.scenario_values("pessimistic_exchange")) == {}


def test_ledger_links_each_claim_to_the_html_edition(app, tmp_path):
    rows = app.rows(app.default_view)
    assert "<a " not in explorer.ledger_html(rows)
    assert explorer.edition_ledger(tmp_path) is None
    (tmp_path / "edition").mkdir()
    (tmp_path / "edition" / "ledger.html").write_text("<html></html>")
    entries = explorer.edition_ledger(tmp_path)
    assert entries == "voila/files/edition/ledger.html"
    table = explorer.ledger_html(rows, entries)
    assert table.count('href="voila/files/edition/ledger.html#claim-') == len(rows)
    assert 'href="voila/files/edition/ledger.html#claim-thresholds.amplified"' in table
