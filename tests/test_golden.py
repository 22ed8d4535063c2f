"""Everything a reader sees matches the reviewed golden files in tests/golden/ exactly: the
ledger's printed values, verdicts, bases and counts; every macro of claims.tex; the values,
extras, inputs and conclusions; the Monte Carlo and Sobol macros of a small fixed-seed run;
the scenario comparison. All computed in-process (inference_scaling.review.golden).

After an intended change run `make golden` and review the diff of tests/golden/ like code."""

import json

from conftest import ROOT

from inference_scaling.review import golden

GOLDEN = ROOT / "tests" / "golden"


def test_every_output_matches_its_golden_file():
    # One test renders and checks every file: a test that reads a fixture shared with other
    # tests would be the only one mutmut's per-function test selection picks for the code
    # that fixture runs, and a mutant caught by another golden file would then survive.
    rendered = golden.render()
    assert sorted(rendered) == sorted(golden.FILES)
    changed, reordered = [], []
    for name in golden.FILES:
        expected = (GOLDEN / name).read_text(encoding="utf-8")
        changes = golden.changes(name, expected, rendered[name])
        changed += changes
        if not changes and rendered[name] != expected:  # same entries, other order or spacing
            reordered.append(name)
    assert not changed and not reordered, (
        "output differs from the reviewed golden files; if intended, run `make golden` and "
        "review the diff:\n" + "\n".join(changed + [f"{n}: order or spacing" for n in reordered])
    )


def test_the_golden_ledger_is_the_fixture_ledger(ledger):
    # The golden build and the test fixtures compute the same ledger (same inputs, same grid).
    assert golden.snapshot(ledger) == json.loads((GOLDEN / "claims.json").read_text())


def test_a_changed_value_is_drift(ledger):
    # The check must notice a change in the last printed digit.
    snap = golden.snapshot(ledger)
    rec = next(r for r in ledger if r["id"] == "era.exchange_jones")
    bumped = dict(rec, value=rec["value"] + 0.01)
    assert (
        golden.snapshot([bumped])["claims"]["era.exchange_jones"]
        != snap["claims"]["era.exchange_jones"]
    )


def test_changes_name_the_entries_that_changed():
    old = "% h\n\\newcommand{\\a}{1}\n\\newcommand{\\b}[2]{#1}\n\\newcommand{\\c}{x\ny}\n"
    new = "% h\n\\newcommand{\\a}{1}\n\\newcommand{\\b}[2]{#2}\n\\newcommand{\\d}{2}\n"
    assert golden.changes("m.tex", old, new) == [
        "m.tex: b: \\newcommand{\\b}[2]{#1} -> \\newcommand{\\b}[2]{#2}",
        "m.tex: c: removed (was \\newcommand{\\c}{x y})",
        "m.tex: d: added (\\newcommand{\\d}{2})",
    ]
    a = json.dumps({"claims": {"x": {"value": 1.0, "inputs": ["k"]}}})
    b = json.dumps({"claims": {"x": {"value": 1.5, "inputs": ["k"]}}})
    assert golden.changes("l.json", a, b) == [
        'l.json: claims.x: {"inputs": ["k"], "value": 1.0} -> {"inputs": ["k"], "value": 1.5}'
    ]
    md_old = "| A (`c.a`) | 1 |\n| B (`c.b`) | 2 |\n"
    md_new = "| A (`c.a`) | 1 |\n| B (`c.b`) | 3 |\n"
    assert golden.changes("t.md", md_old, md_new) == [
        "t.md: c.b: | B (`c.b`) | 2 | -> | B (`c.b`) | 3 |"
    ]


def test_a_long_list_of_changes_is_cut_with_a_count():
    old = "".join(f"\\newcommand{{\\m{chr(97 + i)}}}{{1}}\n" for i in range(20))
    new = old.replace("{1}", "{2}")
    lines = golden.changes("m.tex", old, new, limit=3)
    assert len(lines) == 4 and lines[-1] == "m.tex: ... and 17 more entries"
