"""The standing corpus of hand-written bugs (tests/bug_corpus.yaml) is well formed and spread
over every module mutmut mutates; the runner and the score table read it correctly.
(`make mutation` runs the corpus; it is too slow for the test suite.)"""

import importlib.util
import tomllib

import pytest
from conftest import ROOT


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corpus = _tool("bug_corpus")


def test_at_least_forty_bugs_each_with_a_test_selection():
    bugs = corpus.load()
    assert len(bugs) >= 40
    for bug in bugs:
        assert (ROOT / bug["file"]).is_file(), bug["id"]
        assert all((ROOT / t).is_file() for t in corpus.tests_for(bug)), bug["id"]


def test_every_mutated_module_has_bugs():
    mutated = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]["only_mutate"]
    files = {bug["file"] for bug in corpus.load()}
    missing = [m for m in mutated if (ROOT / m).is_file() and m not in files]
    assert not missing, f"modules without a hand-written bug: {missing}"


def test_a_malformed_corpus_is_refused(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("- {id: a, file: f.py, old: x, new: x, why: w}\n")
    with pytest.raises(corpus.CorpusError, match="a: old and new text are the same"):
        corpus.load(path)
    path.write_text("- {id: a, file: f.py, old: x, why: w}\n")
    with pytest.raises(corpus.CorpusError, match=r"entry 1: missing \['new'\]"):
        corpus.load(path)
    path.write_text("- {id: a, file: f, old: x, new: y, why: w}\n" * 2)
    with pytest.raises(corpus.CorpusError, match="a: duplicate id"):
        corpus.load(path)


def test_a_bug_applies_only_where_its_old_text_occurs_once(tmp_path):
    (tmp_path / "m.py").write_text("a = 1\nb = 1\n")
    assert corpus.applies({"file": "m.py", "old": "a = 1"}, tmp_path)
    assert not corpus.applies({"file": "m.py", "old": "= 1"}, tmp_path)  # twice
    assert not corpus.applies({"file": "m.py", "old": "c = 1"}, tmp_path)  # gone
    assert not corpus.applies({"file": "gone.py", "old": "a"}, tmp_path)


def test_the_most_specific_selection_wins():
    pick = corpus.tests_for
    assert "tests/test_verdict_rule.py" in pick(
        {"file": "src/inference_scaling/ledger/verdict_rule.py"}
    )
    assert "tests/test_verdict_rule.py" not in pick(
        {"file": "src/inference_scaling/ledger/claims.py"}
    )
    assert pick({"file": "x.py", "tests": ["tests/test_io.py"]}) == ["tests/test_io.py"]
    with pytest.raises(corpus.CorpusError, match="no test selection"):
        pick({"id": "b", "file": "src/inference_scaling/pipeline/io.py"})


def test_the_corpus_score_counts_equivalent_and_stale_bugs_apart():
    statuses = ["caught"] * 7 + ["caught (error)", "equivalent", "survived", "does not apply"]
    result = {
        "date": "2026-12-05",
        "bugs": len(statuses),
        "cpu_seconds": 12.3,
        "results": [{"id": f"b{i}", "status": s} for i, s in enumerate(statuses)],
    }
    table = corpus.score_table(result)
    # 8 caught of 11 - 1 equivalent - 1 not applying = 9
    assert "| 11 | 8 | 1 | 1 | 1 | 88.9% |" in table
    assert "on 2026-12-05" in table and "Missed: `b9`, `b10`." in table


def test_the_survivor_audit_tells_noise_from_a_difference():
    audit = _tool("audit_survivors")
    same = {"a": [1.0, 2.0], "s": "x\ny"}
    assert audit.largest_difference(same, same) == (0.0, "")
    size, where = audit.largest_difference({"a": [1.0, 2.0]}, {"a": [1.0, 2.0 * (1 + 3e-15)]})
    assert 0 < size < audit.NOISE and where.startswith("a[1]")
    size, where = audit.largest_difference({"s": "x\ny"}, {"s": "x\nz"})
    assert size == float("inf") and where == "s line 2: 'y' -> 'z'"
    assert audit.largest_difference({"k": ["a"]}, {"k": ["a", "b"]})[0] == float("inf")
    assert audit.largest_difference({"k": 1}, {"j": 1})[0] == float("inf")
