"""The paper: no hand-typed numbers, every reference resolved, every source used.

The numeral lint scans paper/main.tex and paper/sections/*.tex. After removing what is
structure rather than prose (comments, label/ref/cite/input arguments, package and class
options, column specs, graphics file names and options, TeX lengths, xcolor mixes, pdfTeX
settings), any remaining digit fails the test unless it is one of the ALLOWED forms below.

The PDF checks read the default build (paper/main.pdf, build/latex/default/main.log); they
are integration tests, and the session fixture ``default_build`` (conftest) brings that build
up to date first (a no-op after `make test`'s own build). The numbers they look for in the
PDF are worked out by hand, not read from the build's ledger.
"""

import re
import subprocess

import pytest
from conftest import ROOT

PAPER = ROOT / "paper"
SOURCES = [PAPER / "main.tex", *sorted((PAPER / "sections").glob("*.tex"))]
PDF = PAPER / "main.pdf"
LOG = ROOT / "build" / "latex" / "default" / "main.log"

# The allow-list, kept short on purpose. Each entry is (regex, why).
ALLOWED = [
    # Names of models and concepts that contain a digit; they are names, not quantities.
    (r"GPT-4o?|o1-mini|o1-preview|o3-mini|\bo[13]\b|\bR1\b", "model names"),
    (r"System~[12]", "System 1 / System 2 thinking"),
    # Base-ten notation whose exponent is a macro: 10^{\claimThresholdsAmplified}.
    (r"10\^\{\\[A-Za-z]", "power of ten with a macro exponent"),
]
# In math mode only: the algebraic constants 0 and 1 (1 - s, k - 1, M_0, d = 1, s -> 0).
MATH_CONSTANT = r"(?<![\d.])[01](?![\d.])"

STRIP = [
    r"(?<!\\)%.*",  # comments
    r"\\(?:label|ref|cref|Cref|eqref|autoref|pageref|input|include|bibliography"
    r"|bibliographystyle|usetikzlibrary|cite[a-z]*|nocite)\*?\{[^}]*\}",
    r"\\(?:documentclass|usepackage)\[[^\]]*\]",  # class and package options
    r"\\includegraphics(?:\[[^\]]*\])?\{[^}]*\}",
    r"\\begin\{(?:tabular|longtable|tabularx|array)\}(?:\[[^\]]*\])?\{[^}]*\}",  # colspec
    r"-?\d*\.?\d+(?:pt|mm|cm|em|ex|in|bp|sp|pc)\b",  # TeX lengths (no space: "5 in" is prose)
    r"\d*\.?\d+\\(?:linewidth|textwidth|columnwidth|hsize|textheight)",
    r"!\d+(?=!|[\s,\]}])",  # xcolor mixes such as blue!50!black
    r"\\pdf[a-z]+\s*=?\s*-?\d+",  # pdfTeX settings in the preamble
    r"\\pdftrailerid\{\}",
    r"\\(?:re)?newcommand\{?\\[A-Za-z]+\}?\[\d\]",  # argument count of a definition
    r"#\d",  # macro parameters
]


def _math_segments(text):
    pattern = (
        r"\$[^$]+\$|\\\[.*?\\\]|\\\(.*?\\\)"
        r"|\\begin\{(equation|align|gather|multline)\*?\}.*?\\end\{\1\*?\}"
    )
    return re.finditer(pattern, text, flags=re.S)


# Quantities spelled out in words count as numerals too.
SPELLED = re.compile(
    r"\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten)(?:fold)?\s+(?:orders?\s+of\s+magnitude|OOMs?)"
    r"|(?:ten|hundred|thousand)fold)\b",
    re.IGNORECASE,
)


def stray_numerals(text):
    """Digits and spelled-out quantities left in a TeX source once structure and allowed
    forms are removed."""
    for pattern in STRIP:
        text = re.sub(pattern, " ", text)
    for pattern, _why in ALLOWED:
        text = re.sub(pattern, " ", text)
    pieces, last = [], 0
    for match in _math_segments(text):
        pieces.append(text[last : match.start()])
        pieces.append(re.sub(MATH_CONSTANT, " ", match.group(0)))
        last = match.end()
    pieces.append(text[last:])
    text = "".join(pieces)
    found = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for match in re.finditer(r"\d[\d.,{}]*", line):
            found.append((lineno, match.group(0), line.strip()[:90]))
        prose = re.sub(r"\\[A-Za-z]+", " ", line)  # macro names are not words of prose
        for match in SPELLED.finditer(prose):
            found.append((lineno, match.group(0), line.strip()[:90]))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_hand_typed_numbers(path):
    stray = stray_numerals(path.read_text())
    assert not stray, f"{path.name}: numerals not from a macro: {stray}"


@pytest.mark.parametrize(
    "snippet",
    [
        "a growth of 5x per year",
        "$10^{25}$ FLOP",
        "about 1,160 iterations",
        "$N = 10^{12}$",
        "0.7 OOM",
        "\\section{Step 2}",
        "$d = 2$",
        "only 5 in the EU",
        "a hundred times the compute",
        "puts the number in the millions",
        "trillions of tokens",
        "two orders of magnitude",
        "a tenfold increase",
    ],
)
def test_lint_catches_typed_numbers(snippet):
    assert stray_numerals(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "% 42 in a comment",
        "\\includegraphics[width=0.85\\linewidth]{fig_o1_aime}",
        "\\cref{fig:o1-aime} and \\citep{silver2017mastering}",
        "$M_0$ and $1 - s$ and $10^{\\claimThresholdsAmplified}$",
        "o1-mini, GPT-4o and System~2",
        "\\node[draw, minimum height=11mm, fill=gray!8] {x};",
        "\\usepackage[margin=25mm]{geometry}",
        "\\essayWordsDeployCopiesAtLaunch{} copies, one of the two routes",
    ],
)
def test_lint_allows_structure(snippet):
    assert not stray_numerals(snippet)


def _cited_keys():
    keys = set()
    for path in SOURCES:
        text = re.sub(r"(?<!\\)%.*", "", path.read_text())
        for match in re.finditer(r"\\(cite[a-z]*)\*?(?:\[[^\]]*\])*\{([^}]*)\}", text):
            keys |= {k.strip() for k in match.group(2).split(",")}
    return keys


def test_no_nocite():
    for path in SOURCES:
        text = re.sub(r"(?<!\\)%.*", "", path.read_text())
        assert "\\nocite" not in text, f"{path.name}: cite sources in context, not with \\nocite"


def test_every_bib_entry_is_cited_and_every_citation_exists():
    bib = set(re.findall(r"@\w+\{([^,\s]+),", (PAPER / "references.bib").read_text()))
    cited = _cited_keys()
    assert not bib - cited, f"bibliography entries never cited: {sorted(bib - cited)}"
    assert not cited - bib, f"citations missing from references.bib: {sorted(cited - bib)}"


def _graphics():
    names = []
    for path in SOURCES:
        text = re.sub(r"(?<!\\)%.*", "", path.read_text())
        names += re.findall(r"\\includegraphics(?:\[[^\]]*\])?\{([^}]*)\}", text)
    return names


def test_every_figure_is_labelled_and_referenced():
    text = "\n".join(re.sub(r"(?<!\\)%.*", "", p.read_text()) for p in SOURCES)
    labels = set(re.findall(r"\\label\{(fig:[^}]*)\}", text))
    refs = set()
    for group in re.findall(r"\\[cC]?ref\{([^}]*)\}", text):
        refs |= {r.strip() for r in group.split(",")}
    assert labels, "no figures"
    assert not labels - refs, f"figures never referenced: {sorted(labels - refs)}"
    assert "fig:pipeline" in labels


@pytest.mark.integration
def test_every_included_figure_file_exists(default_build):
    for name in _graphics():
        figures = default_build / "figures"
        candidates = [figures / f"{name}{ext}" for ext in ("", ".pdf", ".png")]
        assert any(c.is_file() for c in candidates), f"figure file missing: {name}"


@pytest.mark.integration
def test_log_has_no_undefined_references_or_citations(default_build):
    log = LOG.read_text(errors="replace")
    for needle in ("undefined", "Reference `", "Citation `", "multiply defined"):
        assert needle not in log, f"{needle!r} in {LOG.name}"


def _pdf_text():
    return subprocess.run(
        ["pdftotext", str(PDF), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.integration
def test_pdf_has_no_unresolved_marks(default_build):
    assert "??" not in _pdf_text()


# Values the paper must print, worked out by hand from the default assumptions and data.
HAND_VALUES = {
    # 29,000,000 self-play games / 25,000 per iteration
    "ida.iterations": "1,160",
    # 24 OOMs + 0.7 x 4 OOMs of inference
    "thresholds.amplified": "26.8",
    # (10 - 1) / ((10 - 1) + (10 - 10^0.5)) = 9 / 15.838
    "appendix.breakeven_share": "0.568",
    # 0.01 x 10 + 0.99 x 10^0.5 with no post-training
    "appendix.deploy_dominated_pretrain": "3.23",
    # 172 x $20.12 / $0.135 = 25,634, to two significant figures
    "thresholds.o3_multiplier": "26,000",
    # 0.99 x 10 + 0.01 x 10^0.5
    "appendix.pre_dominated_pretrain": "9.93",
}


@pytest.mark.integration
@pytest.mark.parametrize("cid", sorted(HAND_VALUES))
def test_pdf_prints_the_hand_computed_values(default_build, cid):
    text = " ".join(_pdf_text().split())
    assert HAND_VALUES[cid] in text, f"{cid}: {HAND_VALUES[cid]} not in the PDF"


@pytest.mark.integration
def test_pdf_metadata_is_set(default_build):
    info = subprocess.run(["pdfinfo", str(PDF)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+\S", info, flags=re.M)
    assert re.search(r"^Author:\s+\S", info, flags=re.M)
