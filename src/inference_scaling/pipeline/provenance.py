"""What a build records about where it comes from: the commit, and the date its documents
print (``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path


def git(*args: str, default: str, cwd: Path | str | None = None) -> str:
    """``git args`` in ``cwd``, its output stripped; ``default`` outside a repository, without
    git, or when git prints nothing."""
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return default
    return out.stdout.strip() or default


def source_date_epoch(environ: Mapping[str, str], cwd: Path | str | None = None) -> str:
    """The build's date in seconds since 1970, as ``make`` sets it: ``SOURCE_DATE_EPOCH``
    when set, else the last commit's time, else ``"0"`` (not a repository)."""
    if environ.get("SOURCE_DATE_EPOCH"):
        return environ["SOURCE_DATE_EPOCH"]
    return git("log", "-1", "--format=%ct", default="0", cwd=cwd)
