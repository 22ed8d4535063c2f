"""What changed between two builds: claims, figures (by their pixels) and the paper's text.

``python -m inference_scaling.review.diff --base ROOT --head ROOT --out DIR`` compares two build
trees (tools/review_diff.sh builds them) and writes into DIR:

- ``claims_changed.md``/``.json``: every claim whose value or verdict moved, old and new
  value, relative change and verdict change;
- ``figures_changed.txt`` and ``<figure>.png`` for each changed figure (before | after):
  figures are rendered with ``pdftoppm`` and compared pixel by pixel, so a PDF whose bytes
  differ but which draws the same picture does not count;
- ``paper-old.tex``/``paper-new.tex``: each side's paper flattened (every ``\\input`` of
  the sources and of the generated tables inlined) with the generated number macros
  replaced by their values, so a changed number is a changed word; ``paper-diff.tex`` is
  their latexdiff and ``paper-diff.pdf`` its compiled form;
- ``summary.md``: one paragraph saying what changed.

Where each side keeps its ledger, macros and figures is detected (``results/default/``
first, then ``results/``) or given with ``--base-results``/``--head-results`` and
``--base-figures``/``--head-figures``; nothing else about the layout is assumed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from inference_scaling.pipeline.io import write_text
from inference_scaling.publish import numbers

# provenance.tex names the commit and the assumptions' hash, which differ between any two
# builds: the diff keeps the head's file as an \input and never counts it as a change.
KEEP_INPUT = {"provenance.tex"}
INPUT = re.compile(r"\\(input|include)\{([^}]*)\}")
NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\{\\([A-Za-z]+)\}(?:\[(\d)\])?\{")
LATEXDIFF_OPTIONS = ["--type=UNDERLINE", "--math-markup=whole"]


# --- layout --------------------------------------------------------------------------------


def results_dir(root: Path) -> Path:
    """Where a build tree keeps its ledger and macros: ``results/default`` or ``results``."""
    for candidate in (root / "results" / "default", root / "results"):
        if (candidate / "claims.json").exists():
            return candidate
    raise FileNotFoundError(f"{root}: no results/default/claims.json or results/claims.json")


def figures_dir(root: Path, results: Path) -> Path:
    """Where a build tree keeps its figures: ``<results>/figures`` or ``figures``."""
    return results / "figures" if (results / "figures").is_dir() else root / "figures"


# --- claims --------------------------------------------------------------------------------


def _by_id(ledger_path: Path) -> dict[str, dict]:
    ledger = json.loads(Path(ledger_path).read_text(encoding="utf-8"))
    return {rec["id"]: rec for rec in ledger["claims"]}


def relative_change(before, after):
    """(after - before) / |before| for scalars; the larger end change for pairs; None if
    undefined (a claim added or removed, or a zero before)."""
    if before is None or after is None:
        return None
    if isinstance(before, list):
        changes = [relative_change(b, a) for b, a in zip(before, after, strict=True)]
        changes = [c for c in changes if c is not None]
        return max(changes, key=abs) if changes else None
    return None if before == 0 else (after - before) / abs(before)


def changed_claims(base_ledger: Path, head_ledger: Path) -> list[dict]:
    """Every claim whose value or verdict differs, or that exists on one side only."""
    old, new = _by_id(base_ledger), _by_id(head_ledger)
    rows = []
    for cid in sorted(old.keys() | new.keys()):
        b, a = old.get(cid) or {}, new.get(cid) or {}
        vb, va = b.get("value"), a.get("value")
        db, da = b.get("verdict", "absent"), a.get("verdict", "absent")
        if vb != va or db != da:
            rows.append(
                {
                    "id": cid,
                    "label": a.get("label") or b.get("label") or a.get("statement", ""),
                    "unit": a.get("unit") or b.get("unit", ""),
                    "before": vb,
                    "after": va,
                    "verdict_before": db,
                    "verdict_after": da,
                    "relative_change": relative_change(vb, va),
                }
            )
    return rows


def _show(x):
    """A value before or after, to six significant figures (a small change stays visible)."""
    if x is None:
        return "—"
    return numbers.value(x, "g6", "text")


def claims_markdown(rows: list[dict]) -> str:
    lines = [
        "# Claims changed",
        "",
        "| claim | unit | before | after | relative change | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        change = r["relative_change"]
        rel = (
            "—"
            if change is None
            else ("+" if change >= 0 else "") + numbers.percent(change, 3, "text")
        )
        verdict = (
            r["verdict_after"]
            if r["verdict_before"] == r["verdict_after"]
            else f"{r['verdict_before']} → {r['verdict_after']}"
        )
        lines.append(
            f"| `{r['id']}` {r['label']} | {r['unit']} | {_show(r['before'])} | "
            f"{_show(r['after'])} | {rel} | {verdict} |"
        )
    if not rows:
        lines.append("| (none) | | | | | |")
    return "\n".join(lines) + "\n"


# --- figures -------------------------------------------------------------------------------


def render(pdf: Path, png_stem: Path, dpi: int = 80) -> Path:
    """First page of ``pdf`` as ``<png_stem>.png`` (pdftoppm; no metadata reaches pixels)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(png_stem)],
        check=True,
        capture_output=True,
    )
    return png_stem.with_suffix(".png")


def _pixels(png: Path):
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        return rgb.size, rgb.tobytes()


def side_by_side(before: Path | None, after: Path | None, out: Path) -> None:
    """``before | after`` in one PNG, labelled; a missing side is left blank."""
    from PIL import Image, ImageDraw

    images = [Image.open(p).convert("RGB") if p else None for p in (before, after)]
    width = max(im.width for im in images if im)
    height = max(im.height for im in images if im)
    gap, top = 12, 24
    canvas = Image.new("RGB", (2 * width + gap, height + top), "white")
    draw = ImageDraw.Draw(canvas)
    for i, (im, title) in enumerate(zip(images, ("before", "after"), strict=True)):
        x = i * (width + gap)
        draw.text((x + 4, 4), title if im else f"{title}: (no figure)", fill="black")
        if im:
            canvas.paste(im, (x, top))
    canvas.save(out, format="PNG")


def changed_figures(base_figures: Path, head_figures: Path, out_dir: Path) -> list[str]:
    """Names of figures whose rendered pixels differ, or that exist on one side only; a
    side-by-side ``<name>.png`` for each goes into ``out_dir``."""
    old = {p.stem: p for p in Path(base_figures).glob("*.pdf")}
    new = {p.stem: p for p in Path(head_figures).glob("*.pdf")}
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(old.keys() | new.keys()):
            pngs = [
                render(side[name], Path(tmp) / f"{label}-{name}") if name in side else None
                for side, label in ((old, "old"), (new, "new"))
            ]
            if None in pngs or _pixels(pngs[0]) != _pixels(pngs[1]):
                changed.append(name)
                side_by_side(*pngs, out_dir / f"{name}.png")
    return changed


# --- paper ---------------------------------------------------------------------------------


def _braced(text: str, start: int) -> int:
    """Index just past the brace group opening at ``text[start] == '{'``."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError(f"unbalanced braces after position {start}")


def macro_definitions(tex: str) -> dict[str, tuple[int, str]]:
    """``{name: (number of arguments, body)}`` of every ``\\newcommand`` in ``tex``; the
    body may span lines."""
    macros = {}
    for match in NEWCOMMAND.finditer(tex):
        end = _braced(tex, match.end() - 1)
        macros[match.group(1)] = (int(match.group(2) or 0), tex[match.end() : end - 1])
    return macros


def _is_definitions(tex: str) -> bool:
    """True when ``tex`` holds nothing but comments and ``\\newcommand`` definitions."""
    rest, pos = [], 0
    for match in NEWCOMMAND.finditer(tex):
        rest.append(tex[pos : match.start()])
        pos = _braced(tex, match.end() - 1)
    rest.append(tex[pos:])
    lines = "".join(rest).splitlines()
    return all(not ln.strip() or ln.lstrip().startswith("%") for ln in lines)


def _arguments(tex: str, start: int, count: int) -> tuple[list[str], int] | None:
    """``count`` brace-delimited arguments from ``start`` (spaces between them allowed), and
    the index after the last; None when they are not all there."""
    args, pos = [], start
    for _ in range(count):
        while pos < len(tex) and tex[pos] in " \t\n":
            pos += 1
        if pos >= len(tex) or tex[pos] != "{":
            return None
        end = _braced(tex, pos)
        args.append(tex[pos + 1 : end - 1])
        pos = end
    return args, pos


def expand_macros(tex: str, macros: dict[str, tuple[int, str] | str]) -> str:
    """Replace each use of a macro by its body, as TeX would: a control word swallows the
    spaces after it, arguments fill ``#1``..``#9`` (``\\whenHoldsX{yes}{no}`` becomes the
    chosen text), and bodies with scripts or commands are braced to keep their grouping."""
    if not macros:
        return tex
    macros = {k: v if isinstance(v, tuple) else (0, v) for k, v in macros.items()}
    names = sorted(macros, key=len, reverse=True)
    pattern = re.compile(r"\\(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z])")

    def once(text: str) -> str:
        out, pos = [], 0
        for match in pattern.finditer(text):
            if match.start() < pos:
                continue
            nargs, body = macros[match.group(1)]
            end = match.end()
            if nargs:
                parsed = _arguments(text, end, nargs)
                if parsed is None:
                    continue
                args, end = parsed
                for i, arg in enumerate(args, 1):
                    body = body.replace(f"#{i}", arg)
            else:
                while end < len(text) and text[end] in " \t":
                    end += 1
                if re.search(r"[\\^_]", body):
                    body = f"{{{body}}}"
            out.append(text[pos : match.start()])
            out.append(body)
            pos = end
        out.append(text[pos:])
        return "".join(out)

    for _ in range(6):  # bodies may use other macros
        expanded = once(tex)
        if expanded == tex:
            break
        tex = expanded
    return tex


def flatten(main: Path, generated: Path) -> str:
    """``main`` with every ``\\input`` inlined and the generated macros expanded.

    Inputs are looked up next to ``main`` (the sources), then in ``generated`` (the build's
    macros and tables), then in its parent (tables shared by every build, such as the
    scenario comparison in ``results/``). Files of macro definitions are read and dropped;
    other generated files (tables) are inlined; :data:`KEEP_INPUT` files stay ``\\input``s.
    """
    macros: dict[str, str] = {}
    source_dir = Path(main).parent

    def resolve(name: str) -> Path | None:
        for base in (source_dir, generated, Path(generated).parent):
            for candidate in (base / name, base / f"{name}.tex"):
                if candidate.is_file():
                    return candidate
        return None

    def inline(match):
        name = match.group(2)
        if Path(name).name in KEEP_INPUT or Path(f"{name}.tex").name in KEEP_INPUT:
            return match.group(0)
        path = resolve(name)
        if path is None:
            return match.group(0)
        text = path.read_text(encoding="utf-8")
        if _is_definitions(text):
            macros.update(macro_definitions(text))
            return ""
        # "%" + newline on both sides: the text neither fuses with a control word before it
        # ("\\small" + "Percentiles") nor adds a space, as with \\input itself.
        return "%\n" + INPUT.sub(inline, _strip_comments(text)).rstrip("\n") + "%\n"

    text = INPUT.sub(inline, _strip_comments(Path(main).read_text(encoding="utf-8")))
    return expand_macros(text, macros)


def _strip_comments(tex: str) -> str:
    """Drop whole-line comments (so commented-out \\input lines stay inert)."""
    return "\n".join(ln for ln in tex.splitlines() if not ln.lstrip().startswith("%")) + "\n"


def changed_passages(diff_tex: str) -> int:
    """Passages latexdiff marked: each added or deleted run, a replacement (a deletion
    followed at once by an addition) counting once."""
    body = diff_tex.split("\\begin{document}", 1)[-1]
    marked = len(re.findall(r"\\DIF(?:add|del)begin\b", body))
    return marked - len(re.findall(r"\\DIFdelend\s*\\DIFaddbegin\b", body))


def compile_diff(diff_tex: Path, head_paper: Path, head_results: Path, head_figures: Path):
    """latexmk the marked-up paper next to ``diff_tex``; raise with the log's tail if not."""
    build = diff_tex.parent / ".latex"
    build.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "TEXINPUTS": f".:{head_paper}:{head_results}:{head_figures}:",
        "BIBINPUTS": f"{head_paper}:",
    }
    run = subprocess.run(
        [
            "latexmk",
            "-pdf",
            "-pdflatex=pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error %O %S",
            f"-outdir={build}",
            "-silent",
            diff_tex.name,
        ],
        cwd=diff_tex.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    pdf = build / diff_tex.with_suffix(".pdf").name
    if run.returncode != 0 or not pdf.exists():
        log = build / diff_tex.with_suffix(".log").name
        tail = log.read_text(errors="replace").splitlines()[-40:] if log.exists() else []
        raise RuntimeError(
            f"latexmk could not compile {diff_tex} (exit {run.returncode}); log tail:\n"
            + "\n".join(tail or (run.stdout + run.stderr).splitlines()[-40:])
        )
    shutil.copyfile(pdf, diff_tex.with_suffix(".pdf"))
    shutil.rmtree(build)


# --- summary -------------------------------------------------------------------------------


def summary(base_name: str, head_name: str, claims: list, figures: list, passages: int) -> str:
    """One paragraph saying what changed, for the terminal and summary.md."""
    if not claims and not figures and not passages:
        return (
            f"Between {base_name} and {head_name} nothing a reader sees changed: every "
            "claim has the same value and verdict, every figure draws the same pixels and "
            "the paper's text (numbers included) is identical."
        )
    verdicts = [c for c in claims if c["verdict_before"] != c["verdict_after"]]
    parts = []
    if claims:
        ids = ", ".join(c["id"] for c in claims[:6]) + (", …" if len(claims) > 6 else "")
        parts.append(
            f"{len(claims)} claim{'s' if len(claims) != 1 else ''} changed ({ids}; "
            f"{len(verdicts)} with a new verdict, see claims_changed.md)"
        )
    else:
        parts.append("no claim changed")
    if figures:
        parts.append(
            f"{len(figures)} figure{'s' if len(figures) != 1 else ''} changed "
            f"({', '.join(figures)}; before | after in <figure>.png)"
        )
    else:
        parts.append("no figure changed")
    if passages:
        parts.append(
            f"the paper changed in {passages} marked passage{'s' if passages != 1 else ''} "
            "(paper-diff.pdf)"
        )
    else:
        parts.append("the paper's text did not change")
    return f"Between {base_name} and {head_name}: " + "; ".join(parts) + "."


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inference_scaling.review.diff")
    parser.add_argument("--base", type=Path, required=True, help="root of the base build")
    parser.add_argument("--head", type=Path, required=True, help="root of the head build")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--base-name", default="the base")
    parser.add_argument("--head-name", default="the working tree")
    for side in ("base", "head"):
        parser.add_argument(f"--{side}-results", type=Path, help="ledger and macros directory")
        parser.add_argument(f"--{side}-figures", type=Path, help="figures directory")
    args = parser.parse_args(argv)

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    dirs = {}
    for side in ("base", "head"):
        root = getattr(args, side).resolve()
        results = getattr(args, f"{side}_results") or results_dir(root)
        figures = getattr(args, f"{side}_figures") or figures_dir(root, results)
        dirs[side] = (root, Path(results).resolve(), Path(figures).resolve())

    claims = changed_claims(dirs["base"][1] / "claims.json", dirs["head"][1] / "claims.json")
    write_text(out / "claims_changed.md", claims_markdown(claims))
    write_text(out / "claims_changed.json", json.dumps(claims, indent=2, sort_keys=True) + "\n")
    figures = changed_figures(dirs["base"][2], dirs["head"][2], out)
    write_text(out / "figures_changed.txt", "".join(f"{f}\n" for f in figures))

    for side, name in (("base", "paper-old.tex"), ("head", "paper-new.tex")):
        root, results, _ = dirs[side]
        write_text(out / name, flatten(root / "paper" / "main.tex", results))
    passages = 0
    if (out / "paper-old.tex").read_bytes() != (out / "paper-new.tex").read_bytes():
        diff = subprocess.run(
            ["latexdiff", *LATEXDIFF_OPTIONS, "paper-old.tex", "paper-new.tex"],
            cwd=out,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        write_text(out / "paper-diff.tex", diff)
        passages = changed_passages(diff)
        root, results, figs = dirs["head"]
        try:
            compile_diff(out / "paper-diff.tex", root / "paper", results, figs)
        except RuntimeError as exc:
            print(f"error: diff: {exc}", file=sys.stderr)
            return 1
    text = summary(args.base_name, args.head_name, claims, figures, passages)
    write_text(out / "summary.md", text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
