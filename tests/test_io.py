"""Atomic writes: a killed writer leaves at most one fixed-name partial file, which the
next write of the same output replaces and removes."""

from inference_scaling.pipeline.io import partial_path, write_text


def test_partial_path_is_hidden_beside_the_target_with_its_suffix(tmp_path):
    partial = partial_path(tmp_path / "figures" / "fig_a.pdf")
    assert partial == tmp_path / "figures" / ".fig_a.partial.pdf"


def test_rewrite_after_a_killed_write_leaves_only_the_target(tmp_path):
    target = tmp_path / "claims.md"
    partial_path(target).write_text("half a ledg")  # what a SIGKILL mid-write leaves
    write_text(target, "the whole ledger\n")
    assert target.read_text() == "the whole ledger\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.md"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_json_is_deterministic():
    from inference_scaling.pipeline.io import dump_json

    assert dump_json({"b": 1, "a": [1.5], "c": "×"}) == (
        '{\n  "a": [\n    1.5\n  ],\n  "b": 1,\n  "c": "×"\n}\n'
    )
