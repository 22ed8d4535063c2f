"""File output: atomic (a reader never sees a half-written result) and deterministic JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path


def partial_path(path) -> Path:
    """Where ``path`` is written before it is renamed into place.

    Same directory (so the rename is atomic), a dot name (hidden), the same suffix (tools
    infer the format from it) and no random part: when a killed job is re-run, it overwrites
    what the killed run left behind instead of adding one more stray file.
    """
    path = Path(path)
    return path.with_name(f".{path.stem}.partial{path.suffix}")


def publish(tmp, path) -> None:
    """Make the finished file ``tmp`` readable by all and rename it to ``path``."""
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def write_text(path, text: str) -> None:
    """Write ``text`` to ``path`` via :func:`partial_path` and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path)
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def log_line(path, text: str) -> None:
    """Record what a job did in its Snakemake log file (one line per call)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text.rstrip("\n") + "\n")


def dump_json(obj) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, trailing newline."""
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
