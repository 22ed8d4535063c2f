"""Build a self-contained submission bundle: sources, generated macros, .bbl and figures.

``python -m inference_scaling.publish.arxiv OUT.tar.gz PAPER RESULTS FIGURES BBL`` flattens
the generated files next to ``main.tex`` so that plain ``pdflatex main`` compiles the
unpacked bundle. The tarball is deterministic: sorted members, fixed owner and the
``SOURCE_DATE_EPOCH`` mtime.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import tarfile
from pathlib import Path

GENERATED = re.compile(r"\\input\{([A-Za-z_]+)\.tex\}")
GRAPHICS = re.compile(r"\\includegraphics(?:\[[^\]]*\])?\{([^}]+)\}")


def bundle_members(paper: Path, results: Path, figures: Path, bbl: Path) -> dict[str, bytes]:
    """Archive name -> content for every file the paper in ``paper/`` needs: generated
    ``.tex`` files from ``results`` or, for files shared between builds, from ``figures`` (the
    build's figure directory, where they are copied beside the figures)."""
    members: dict[str, bytes] = {}
    for src in [
        paper / "main.tex",
        paper / "preamble.tex",
        *sorted((paper / "sections").glob("*.tex")),
    ]:
        members[str(src.relative_to(paper))] = src.read_bytes()
    text = "\n".join(m.decode("utf-8") for m in members.values())
    for name in sorted(set(GENERATED.findall(text))):
        if f"{name}.tex" in members:  # a source (the shared preamble), not generated
            continue
        found = [d / f"{name}.tex" for d in (results, figures) if (d / f"{name}.tex").exists()]
        if not found:
            raise FileNotFoundError(f"arxiv: {name}.tex is in neither {results} nor {figures}")
        members[f"{name}.tex"] = found[0].read_bytes()
    for name in sorted(set(GRAPHICS.findall(text))):
        members[f"{name}.pdf"] = (figures / f"{name}.pdf").read_bytes()
    members["main.bbl"] = bbl.read_bytes()
    return members


def write_tarball(out: Path, members: dict[str, bytes]) -> None:
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(members):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(members[name]), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(members[name]))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with (
        open(tmp, "wb") as handle,
        gzip.GzipFile(fileobj=handle, mode="wb", mtime=mtime, filename="") as gz,
    ):
        gz.write(raw.getvalue())
    tmp.replace(out)


def main(argv: list[str]) -> int:
    out, paper, results, figures, bbl = (Path(a) for a in argv)
    members = bundle_members(paper, results, figures, bbl)
    write_tarball(out, members)
    print(f"arxiv: {len(members)} files -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
