"""Notebooks inside the DAG: jupytext sources -> .ipynb -> executed copy without volatile
metadata.

    python -m inference_scaling.publish.figures.notebooks convert notebooks/x.py OUT.ipynb
    python -m inference_scaling.publish.figures.notebooks execute IN.ipynb OUT.ipynb \
        [--parameters JSON]

Execution uses nbclient with the ``python3`` kernel (jupyter_client starts it with the
running interpreter, so the project's environment). A failing cell makes ``execute`` exit
non-zero with the cell's error, so a broken notebook fails the build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inference_scaling.pipeline.io import write_text

KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
#: Cell- and notebook-level metadata that changes from run to run.
VOLATILE_CELL_KEYS = ("execution", "papermill", "collapsed")


def convert(source, target) -> None:
    """Jupytext percent source -> .ipynb with kernelspec python3 and language_info."""
    import jupytext
    import nbformat

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    nb.metadata.pop("jupytext", None)
    _stable_ids(nb)
    write_text(Path(target), nbformat.writes(nb) + "\n")


def _stable_ids(nb) -> None:
    """Replace nbformat's random cell ids by their position, so two conversions match."""
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index}"


def strip_volatile(nb) -> None:
    """Remove timestamps, durations and paths that differ between two runs (in place)."""
    params = nb.metadata.get("papermill", {}).get("parameters")
    nb.metadata.pop("papermill", None)
    if params is not None:
        nb.metadata["papermill"] = {"parameters": params}
    nb.metadata["language_info"] = dict(
        LANGUAGE_INFO,
        **{k: v for k, v in nb.metadata.get("language_info", {}).items() if k != "version"},
    )
    _stable_ids(nb)  # papermill's injected-parameters cell gets a random id
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.execution_count = cell.get("execution_count")


def inject_parameters(nb, parameters: dict) -> None:
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters`` (as
    papermill does, tag ``injected-parameters``) and record them in the metadata."""
    import nbformat

    if not parameters:
        return
    code = "# Parameters\n" + "".join(f"{k} = {v!r}\n" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    nb.metadata["papermill"] = {"parameters": dict(parameters)}


def read_notebook(source):
    """An .ipynb, or a jupytext source converted in memory exactly as :func:`convert` does."""
    import nbformat

    if str(source).endswith(".ipynb"):
        return nbformat.read(source, as_version=4)
    import jupytext

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    nb.metadata.pop("jupytext", None)
    return nb


def execute(source, target, parameters=None, cwd=".") -> None:
    """Run ``source`` (.ipynb or jupytext .py) with nbclient in one ``python3`` kernel,
    strip volatile metadata and write ``target``. A failing cell raises
    ``nbclient.exceptions.CellExecutionError`` with the cell's traceback."""
    import nbformat
    from nbclient import NotebookClient

    nb = read_notebook(source)
    inject_parameters(nb, parameters or {})
    _stable_ids(nb)
    NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}, timeout=600
    ).execute()
    strip_volatile(nb)
    write_text(Path(target), nbformat.writes(nb) + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("source")
    c.add_argument("target")
    e = sub.add_parser("execute")
    e.add_argument("source")
    e.add_argument("target")
    e.add_argument("--parameters", default="{}", help="JSON object of notebook parameters")
    e.add_argument("--cwd", default=".")
    args = parser.parse_args(argv)
    if args.command == "convert":
        convert(args.source, args.target)
        return 0
    try:
        execute(args.source, args.target, json.loads(args.parameters), args.cwd)
    except Exception as exc:  # nbclient's error carries the failing cell's traceback
        sys.stderr.write(f"error: notebook {args.source} failed:\n{exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
