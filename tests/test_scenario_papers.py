"""Every shipped scenario's paper agrees with its own ledger: the verdict printed beside each
claim, the list of differences, and the sentences whose truth depends on a conclusion.

Builds each scenario's paper in this checkout (results/<scenario>/paper/main.pdf; jobs the
scenario leaves unchanged are the default build's) and reads the PDFs' text.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCENARIOS = ["default", *sorted(p.stem for p in (ROOT / "config" / "scenarios").glob("*.yaml"))]
VERDICT_WORDS = ("reproduced", "differs", "new", "unchecked")
# The paper and its supplement (the full tables), built by one rule family.
DOCUMENTS = ("main", "supplement")


@pytest.fixture(scope="module")
def papers():
    targets = [f"results/{name}/paper/{doc}.pdf" for name in SCENARIOS for doc in DOCUMENTS]
    snakemake = Path(sys.executable).parent / "snakemake"
    subprocess.run(
        [str(snakemake), *targets, "--cores", str(os.cpu_count() or 1)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    out = {}
    for name in SCENARIOS:
        ledger = json.loads((ROOT / "results" / name / "claims.json").read_text("utf-8"))
        main, supplement = (
            subprocess.run(
                [
                    "pdftotext",
                    "-layout",
                    str(ROOT / "results" / name / "paper" / f"{doc}.pdf"),
                    "-",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for doc in DOCUMENTS
        )
        out[name] = (ledger, main, supplement)
    return out


def ledger_table_verdicts(text: str) -> list[str]:
    """The verdict words that end the rows of the ledger table, in order."""
    caption = re.search(r"Table S?\d+: The claims ledger", text)
    assert caption, "no ledger table in the supplement"
    # The rows start after the column heads (the caption above names the verdicts too).
    start = re.compile(r"Quantity\s+Basis\s+Essay\s+Recomputed\s+Verdict").search(
        text, caption.end()
    )
    end = text.find("Monte Carlo intervals of the claims", start.end())
    words = []
    for line in text[start.end() : end].splitlines():
        # The verdict ends its row, or stands before the ratio printed beside it ("(2.6×)").
        tail = [w for w in line.split()[-2:] if w in VERDICT_WORDS]
        if tail:
            words.append(tail[-1])
    return words


def printed_label(label: str) -> str:
    """A label as pdftotext reads it from the paper: a number's ``x`` is the sign ``×``
    (``10x`` -> ``10×``) and a power's exponent follows its base (``10^26`` -> ``1026``)."""
    label = re.sub(r"(?<=\d)x\b", "×", label)
    return re.sub(r"\^\{?(-?\w+)\}?", r"\1", label)


def section(text: str, title: str, next_title: str) -> str:
    start = re.search(rf"\d+\s+{title}\n", text)
    assert start, title
    end = re.search(rf"\d+\s+{next_title}\n", text[start.end() :])
    return text[start.end() : start.end() + end.start()]


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_ledger_table_prints_each_claims_own_verdict(papers, name):
    ledger, _, supplement = papers[name]
    from inference_scaling.publish.latex import by_section

    expected = [r["verdict"] for r in by_section(ledger["claims"])]
    assert ledger_table_verdicts(supplement) == expected


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_differences_section_lists_exactly_the_differing_claims(papers, name):
    ledger, text, _ = papers[name]
    differences = " ".join(section(text, "Where the recomputation differs", "Scenarios").split())
    listed = differences.split("Several agreements also deserve", 1)[0]
    for rec in ledger["claims"]:
        head = " ".join(rec["label"].split()[:4])
        label = printed_label(rec["label"])
        assert (f"{label} ({rec['basis']})" in listed) == (rec["verdict"] == "differs"), (
            name,
            rec["id"],
            head,
        )


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_sentences_that_depend_on_a_conclusion_follow_it(papers, name):
    ledger, text, _ = papers[name]
    flat = " ".join(text.split())
    held = {c["id"]: c["holds"] for c in ledger["conclusions"]}
    band = held["amplified_band_clears_us"]
    assert ("At every point of the band, a model below the EU threshold" in flat) == band
    assert ("which is not above the US threshold" in flat) == (not band)
    cheaper = held["deploy_dominated_favours_pretraining"]
    phrase = "when deployment dominates lifetime compute, scaling pre-training"
    assert re.search(phrase + r" by \S+ (costs less|does not cost less)", flat)
    verb = re.search(phrase + r" by \S+ (costs less|does not cost less)", flat).group(1)
    assert (verb == "costs less") == cheaper


# --- Prose lint: the generated sentences read as a careful author writes them ------------------

VERB_ENDINGS_AFTER_ONE = {
    "differs",
    "reproduces",
    "matches",
    "holds",
    "lies",
    "is",
    "was",
    "has",
    "does",
    "takes",
    "sits",
    "gives",
    "needs",
    "costs",
    "moves",
}
# Nouns the generated sentences count.
COUNT_NOUNS = (
    r"(?:claims?|quantity|quantities|premises?|figures?|conclusions?|draws?|models?|factors?"
    r"|scenarios?|inputs?|builds?|others|recomputed|sourced|differ\w*|reproduce\w*"
    r"|statements?|comes?|from)\b"
)
PROSE_RULES = [
    (
        "a repeated verdict list",
        re.compile(r"\b(reproduced|differs|new|holds)(?:, \1)*,? and \1\b"),
    ),
    ("a '(s)' plural", re.compile(r"\w\(s\)")),
    ("a zero count", re.compile(rf"(?<![\w.,\-–])0 {COUNT_NOUNS}")),
    (
        "a count of one with a plural verb",
        re.compile(r"(?<![\w.,\-–])1 (?:differ|reproduce|match|are|have)\b"),
    ),
    # A printed multiplier is "10×" (no space); "0.7 × OOMs" in the rule of thumb is a product.
    # ("0.7×OOMs of inference", the essay's formula, is a product, not a multiplier.)
    ("a multiplier read as orders of magnitude", re.compile(r"\d[×x] ?OOMs?\b(?! of)")),
    ("a multiplier-sized count of OOMs", re.compile(r"\b\d{1,3}(?:,\d{3})+ OOMs?\b")),
    ("a raw superscript or subscript mark", re.compile(r"[\^_]")),
    # snake_case or a dotted claim id in running text; file paths and URLs are allowed.
    ("a code identifier", re.compile(r"(?<![/\w.])(?:[a-z]+\.)?[a-z0-9]+_[a-z0-9_]+\b(?![/.]\w)")),
]


def _one_with_a_plural(text: str) -> list[str]:
    found = []
    # "0.5 to 1 orders of magnitude" ends a range, whose noun is plural.
    for match in re.finditer(r"(?<![\d.,\-–^])(?<!to )\b1 ([a-z]{3,}s)\b", text):
        if match.group(1) not in VERB_ENDINGS_AFTER_ONE:
            found.append(match.group(0))
    return found


def prose_faults(text: str) -> list[str]:
    """What a careful author would correct in ``text`` (a PDF's words): each fault with the
    words around it. Paths and URLs (which keep their underscores) are removed first."""
    flat = " ".join(text.split())
    flat = re.sub(r"\S*(?:/|\.py\b|\.ya?ml\b|\.json\b|\.md\b|\.tex\b|https?:)\S*", " ", flat)
    # A caption's last sentence names the code that drew the figure (links.tex): code on
    # purpose, not prose.
    flat = re.sub(r"Drawn by .*?\.(?=\s|$)", " ", flat)
    faults = []
    for what, rule in PROSE_RULES:
        for match in rule.finditer(flat):
            context = flat[max(0, match.start() - 40) : match.end() + 40]
            faults.append(f"{what}: …{context}…")
    faults += [f"one with a plural noun: {m}" for m in _one_with_a_plural(flat)]
    return faults


@pytest.mark.parametrize(
    "sentence",
    [
        "the verdicts are reproduced, reproduced, reproduced and reproduced",
        "1 recomputed, 2 sourced and 0 premises that the build's assumptions change",
        "ARC Prize's text gives 1 o1 figure(s) outside o1 pro",
        "19 reproduce, 1 differ and 18 are new; 1 figures",
        "a spread of 1,000 OOMs that pre-training cannot offer",
        "a 10× OOM spread",
        "the model is 1 differ",
        "10^25 FLOP and C^a",
        "the kaplan_allocation scenario and era.pretrain_growth",
        "By cause, 0 come from the essay's own arithmetic (0 from a source)",
    ],
)
def test_prose_lint_catches_template_seams(sentence):
    assert prose_faults(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "All four reproduce the essay's statements; one differs.",
        "a 1,000× spread that pre-training cannot offer, 0.5 to 1 OOM and 3.5 OOMs",
        "OOMs of pre-training + 0.7 × OOMs of inference; M0 maps; q = 0 and s = 1",
        "0.7×OOMs of inference, by 0.5 to 1 orders of magnitude",
        "the kernels are in src/inference_scaling/model/lifetime.py",
        "right panel). Drawn by registry.fig_o1_aime (src/x/registry.py:146), script "
        "workflow/scripts/plot_figure.py; data data/o1_aime.csv (digitized). Next sentence.",
        "one premise that the build's assumptions change",
    ],
)
def test_prose_lint_passes_sentences_as_written(sentence):
    assert not prose_faults(sentence), prose_faults(sentence)


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_paper_prose_has_no_template_seams(papers, name):
    _, main, supplement = papers[name]
    faults = prose_faults(main + "\n" + supplement)
    assert not faults, f"{name}:\n" + "\n".join(faults[:20])


OVERFULL = re.compile(r"Overfull \\([hv])box \((\d+(?:\.\d+)?)pt too (?:wide|high)\)([^\n]*)")
MAX_OVERFULL_PT = 1.0


def overfull_boxes(log: str, limit: float = MAX_OVERFULL_PT) -> list[str]:
    """The overfull boxes of a LaTeX log that stick out by more than ``limit`` points."""
    return [
        f"{kind}box {float(pt):.1f}pt{where}"
        for kind, pt, where in OVERFULL.findall(log)
        if float(pt) > limit
    ]


def test_overfull_check_reads_the_log_format():
    log = (
        "Overfull \\hbox (21.5pt too wide) in alignment at lines 12--40\n"
        "Overfull \\hbox (0.4pt too wide) in paragraph at lines 3--4\n"
        "Overfull \\vbox (3.0pt too high) has occurred while \\output is active\n"
    )
    assert overfull_boxes(log) == [
        "hbox 21.5pt in alignment at lines 12--40",
        "vbox 3.0pt has occurred while \\output is active",
    ]


@pytest.mark.integration
@pytest.mark.parametrize("name", SCENARIOS)
def test_no_box_sticks_out_of_the_text_block(papers, name):
    logs = [
        ROOT / "build" / "latex" / name / "main.log",
        ROOT / "build" / "latex-supplement" / name / "supplement.log",
    ]
    boxes = [box for log in logs for box in overfull_boxes(log.read_text(errors="replace"))]
    assert not boxes, f"{name}: {boxes}"
