"""The pieces of make diff: flattening and macro expansion, pixel comparison, loud failure."""

import json

import pytest

from inference_scaling.review import diff as review


def test_macros_expand_as_tex_reads_them():
    macros = review.macro_definitions(
        "% generated\n\\newcommand{\\claimA}{26.8}\n\\newcommand{\\claimAB}{10^{25}}\n"
        "\\newcommand{\\claimRange}{0.5\\mbox{--}1.0}\n"
    )
    assert macros == {
        "claimA": (0, "26.8"),
        "claimAB": (0, "10^{25}"),
        "claimRange": (0, "0.5\\mbox{--}1.0"),
    }
    text = "at $\\claimA$ and $\\claimAB$, \\claimA{} or \\claimA  words, \\claimRange."
    assert review.expand_macros(text, macros) == (
        "at $26.8$ and ${10^{25}}$, 26.8{} or 26.8words, {0.5\\mbox{--}1.0}."
    )


def test_flatten_inlines_sources_and_tables_and_keeps_provenance(tmp_path):
    paper, results = tmp_path / "paper", tmp_path / "results"
    (paper / "sections").mkdir(parents=True)
    results.mkdir()
    (paper / "main.tex").write_text(
        "\\input{claims.tex}\n\\input{provenance.tex}\n% \\input{sections/gone}\n"
        "\\begin{document}\n\\input{sections/intro}\n{\\small\\input{table.tex}}\n"
    )
    (paper / "sections" / "intro.tex").write_text("Growth is \\claimG\\timesx{} a year.\n")
    (results / "claims.tex").write_text("% x\n\\newcommand{\\claimG}{4.8}\n")
    (results / "table.tex").write_text("Percentiles: \\claimG\n")
    (results / "provenance.tex").write_text("\\newcommand{\\buildCommit}{abc}\n")
    flat = review.flatten(paper / "main.tex", results)
    assert "\\input{provenance.tex}" in flat and "claims.tex" not in flat
    assert "gone" not in flat
    assert "Growth is 4.8\\timesx{} a year." in flat
    # An inlined file cannot fuse with the control word before it (\small + Percentiles).
    assert "{\\small%\nPercentiles: 4.8%\n}" in flat


def test_a_generated_file_with_conditionals_and_multiline_bodies_is_expanded(tmp_path):
    # claims.tex as the pipeline writes it: a two-argument conditional and a list whose body
    # spans lines. A file like this was once inlined unexpanded, so a number used in the
    # prose never reached latexdiff as a number.
    paper, results = tmp_path / "paper", tmp_path / "results"
    paper.mkdir()
    results.mkdir()
    (paper / "main.tex").write_text(
        "\\input{claims.tex}\n\\begin{document}\nlike one trained with "
        "$10^{\\claimAmp}$~FLOP, \\whenHoldsBand{above}{not above} the line.\n\\listOf\n"
    )
    (results / "claims.tex").write_text(
        "% header\n\\newcommand{\\claimAmp}{26.6}\n\\newcommand{\\whenHoldsBand}[2]{#2}\n"
        "\\newcommand{\\listOf}{\\begin{description}\n\\item[a] b\n\\end{description}}\n"
    )
    flat = review.flatten(paper / "main.tex", results)
    assert "like one trained with $10^{26.6}$~FLOP, not above the line." in flat
    assert "\\item[a] b" in flat and "claimAmp" not in flat and "whenHolds" not in flat


def test_a_replacement_counts_as_one_passage():
    diff = (
        "\\begin{document}\nthe \\DIFdelbegin \\DIFdel{best }\\DIFdelend \\DIFaddbegin "
        "\\DIFadd{surest }\\DIFaddend predictor\n\\DIFaddbegin \\DIFadd{New.}\\DIFaddend\n"
    )
    assert review.changed_passages(diff) == 2


def _figure(path, y, title="t", date="D:20200101000000"):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 2))
    fig.add_subplot().plot([0, 1], [0, y])
    fig.suptitle(title)
    fig.savefig(path, metadata={"CreationDate": date})


def test_figures_compare_by_pixels_not_bytes(tmp_path):
    old, new, out = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    for d in (old, new, out):
        d.mkdir()
    _figure(old / "same.pdf", 1)
    _figure(new / "same.pdf", 1, date="D:20240101000000")
    assert (old / "same.pdf").read_bytes() != (new / "same.pdf").read_bytes()
    _figure(old / "moved.pdf", 1)
    _figure(new / "moved.pdf", 2)
    _figure(new / "added.pdf", 1)
    assert review.changed_figures(old, new, out) == ["added", "moved"]
    assert sorted(p.name for p in out.iterdir()) == ["added.png", "moved.png"]


def test_an_uncompilable_diff_fails_with_the_log_tail(tmp_path):
    tex = tmp_path / "paper-diff.tex"
    tex.write_text("\\documentclass{article}\\begin{document}\\undefinedthing\\end{document}\n")
    with pytest.raises(RuntimeError, match="Undefined control sequence"):
        review.compile_diff(tex, tmp_path, tmp_path, tmp_path)


def test_claims_changed_lists_value_and_verdict_moves(tmp_path):
    def ledger(path, amplified, verdict):
        claims = [
            {"id": "a", "value": 1.0, "verdict": "reproduced", "statement": "s"},
            {"id": "amp", "value": amplified, "verdict": verdict, "statement": "amplified"},
        ]
        path.write_text(json.dumps({"claims": claims}))
        return path

    rows = review.changed_claims(
        ledger(tmp_path / "old.json", 26.8, "reproduced"),
        ledger(tmp_path / "new.json", 26.4, "differs"),
    )
    assert [r["id"] for r in rows] == ["amp"]
    assert rows[0]["relative_change"] == pytest.approx(-0.4 / 26.8)
    md = review.claims_markdown(rows)
    assert "| 26.8 | 26.4 | -1.49% | reproduced → differs |" in md
