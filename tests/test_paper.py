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
SOURCES = [*sorted(PAPER.glob("*.tex")), *sorted((PAPER / "sections").glob("*.tex"))]
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
    r"\\(?:label|ref|cref|Cref|eqref|autoref|pageref|input|include|bibliography|figurecode"
    r"|bibliographystyle|usetikzlibrary|cite[a-z]*|nocite)\*?\{[^}]*\}",
    r"\\(?:documentclass|usepackage)\[[^\]]*\]",  # class and package options
    r"\\includegraphics(?:\[[^\]]*\])?\{[^}]*\}",
    r"\\begin\{(?:tabular|longtable|tabularx|array)\}(?:\[[^\]]*\])?\{[^}]*\}",  # colspec
    r"-?\d*\.?\d+(?:pt|mm|cm|em|ex|in|bp|sp|pc)\b",  # TeX lengths (no space: "5 in" is prose)
    r"\d*\.?\d+\\(?:linewidth|textwidth|columnwidth|hsize|textheight|baselineskip)",
    r"!\d+(?=!|[\s,\]}])",  # xcolor mixes such as blue!50!black
    r"\\pdf[a-z]+\s*=?\s*-?\d+",  # pdfTeX settings in the preamble
    r"\\pdftrailerid\{\}",
    r"\\(?:(?:re)?newcommand|DeclareRobustCommand)\{?\\[A-Za-z]+\}?\[\d\]",  # argument count
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


# --- Figures as printed: glyph sizes read from the compiled PDF ---------------------------------

MIN_FIGURE_PT = 7.0


def figure_regions(page) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom) of the figures on a pdfplumber page: each included graphic
    (a Form XObject, which pdfminer reports as an LTFigure) and the area a TikZ picture draws
    in (its curves, which nothing else in the paper draws), with a line's margin."""
    from pdfminer.layout import LTFigure

    height = page.height
    boxes = [
        (obj.x0, height - obj.y1, obj.x1, height - obj.y0)
        for obj in page.layout
        if isinstance(obj, LTFigure)
    ]

    def inside_graphic(o):
        return any(b[0] <= o["x0"] and o["x1"] <= b[2] and b[1] <= o["top"] <= b[3] for b in boxes)

    curves = [c for c in page.curves if not inside_graphic(c)]
    if curves:
        # A TikZ picture's labels may sit a line away from anything it draws (a formula
        # under a box): one line of text around the drawing belongs to the figure.
        pad = 14.0
        boxes.append(
            (
                min(c["x0"] for c in curves) - pad,
                min(c["top"] for c in curves) - pad,
                max(c["x1"] for c in curves) + pad,
                max(c["bottom"] for c in curves) + pad,
            )
        )
    return boxes


def small_figure_glyphs(pdf_path, minimum: float = MIN_FIGURE_PT) -> list[str]:
    """Every glyph inside a figure that prints smaller than ``minimum`` points."""
    import pdfplumber

    small = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            regions = figure_regions(page)
            for ch in page.chars:
                # pdfminer's size is the glyph box's height; text turned by a right angle
                # (an axis label) has its font size across the page instead.
                size = ch["size"] if ch["upright"] else ch["x1"] - ch["x0"]
                if ch["text"].isspace() or size >= minimum - 0.05:
                    continue
                if any(
                    x0 <= ch["x0"] <= x1 and top <= ch["top"] <= bottom
                    for x0, top, x1, bottom in regions
                ):
                    small.append(f"page {number}: {ch['text']!r} at {size:.1f} pt")
    return small


def test_every_figure_prints_at_7pt_or_more_tikz_included(default_build):
    small = small_figure_glyphs(PDF)
    assert not small, f"{len(small)} glyphs below {MIN_FIGURE_PT} pt: {small[:10]}"


def test_glyph_size_check_finds_small_text_in_a_tikz_picture(tmp_path):
    tex = tmp_path / "small.tex"
    tex.write_text(
        "\\documentclass{article}\\usepackage{tikz}\\begin{document}Body text.\n"
        "\\begin{tikzpicture}\\draw[rounded corners] (0,0) rectangle (3,1);"
        "\\node[font=\\footnotesize] at (1.5,-0.3) {$C_{\\mathrm{pre}}$};\\end{tikzpicture}\n"
        "\\end{document}\n"
    )
    subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", tex.name],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    small = small_figure_glyphs(tmp_path / "small.pdf")
    assert small and all("pt" in s for s in small)
    assert not any("B" in s.split(":")[1][:4] for s in small)  # body text is not a figure


def _bib_entries():
    text = (PAPER / "references.bib").read_text()
    return re.findall(r"@(\w+)\{([^,\s]+),(.*?)\n\}", text, flags=re.S)


def _unbraced(value: str) -> str:
    """``value`` without its outer braces and with every inner braced group removed: what
    BibTeX may lower-case."""
    inner = value.strip()[1:-1]
    previous = None
    while previous != inner:
        previous, inner = inner, re.sub(r"\{[^{}]*\}", " ", inner)
    return inner


def _unprotected_capitals(fields: str) -> list[str]:
    found = []
    for match in re.finditer(
        r"\b(title|booktitle)\s*=\s*(\{.*?\}),?\s*\n\s*\w+\s*=", fields + "\n x =", re.S
    ):
        words = _unbraced(match.group(2)).split()
        # A word after its first letter with a capital, or a digit in a name (GPT-4), is
        # an acronym or a name, which plainnat would otherwise print in lower case.
        found += [w for w in words[1:] if re.search(r"[a-z][A-Z]|[A-Z]{2}|[A-Za-z]-?\d|^Python", w)]
    return found


def test_bibliography_protects_acronyms_and_names():
    bad = {key: w for _, key, fields in _bib_entries() if (w := _unprotected_capitals(fields))}
    assert not bad, f"capitals BibTeX would lower-case (brace them): {bad}"


def test_capital_check_reads_fields_as_bibtex_does():
    fields = "\n  title = {A Python Library for {SALib} and GPT-4},\n  year = {2017}"
    assert _unprotected_capitals(fields) == ["Python", "GPT-4"]
    assert _unprotected_capitals("\n  title = {The {ARC-AGI} Test},\n  year = {1}") == []


def test_conference_papers_name_their_venue():
    missing = [
        key
        for kind, key, fields in _bib_entries()
        if kind == "inproceedings" and "booktitle" not in fields
    ]
    assert not missing
    arxiv_only = {key for kind, key, fields in _bib_entries() if kind == "misc"}
    # Published at NeurIPS: the entry must say so, not only give the preprint.
    assert not arxiv_only & {"hoffmann2022chinchilla", "ho2024algorithmic", "anthony2017thinking"}
