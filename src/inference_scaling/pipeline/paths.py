"""Project-relative paths that work wherever a notebook or script runs.

The workflow runs everything from the project root, but Jupyter starts a notebook's kernel
in the notebook's own folder (notebooks/). :func:`project_path` resolves a relative path such
as ``data/arc_agi.csv`` against the project root in both cases.
"""

from __future__ import annotations

from pathlib import Path


def project_root(start: Path | str | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the working directory) holding
    ``pyproject.toml`` and ``data/``; else the checkout this package was loaded from."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "data").is_dir():
            return folder
    return Path(__file__).resolve().parents[3]


def project_path(path: Path | str, start: Path | str | None = None) -> str:
    """``path`` unchanged if absolute, else resolved against :func:`project_root`."""
    path = Path(path)
    return str(path if path.is_absolute() else project_root(start) / path)
