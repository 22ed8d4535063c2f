"""Notebooks: each jupytext source converts to an .ipynb the DAG can run and executes
against freshly computed inputs (in parallel, one kernel each); a failing cell fails."""

import json
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT

from inference_scaling.pipeline.io import dump_json

NOTEBOOKS = ["growth_trend", "arc_agi", "appendix_walkthrough"]
CLI = [sys.executable, "-m", "inference_scaling.publish.figures.notebooks"]


def test_every_notebook_is_in_the_dag():
    rules = (ROOT / "workflow" / "rules" / "notebooks.smk").read_text()
    # The assumption explorer is served by Voila (make explore), not run by the DAG.
    on_disk = sorted(
        p.stem for p in (ROOT / "notebooks").glob("*.py") if p.stem != "explore_assumptions"
    )
    assert on_disk == sorted(NOTEBOOKS)
    for name in NOTEBOOKS:
        assert f'"{name}"' in rules and f"run_{name}_notebook" in rules


@pytest.fixture(scope="module")
def executed(tmp_path_factory, growth, ledger):
    """Convert and execute every notebook with inputs computed by the test fixtures."""
    tmp = tmp_path_factory.mktemp("notebooks")
    (tmp / "pretrain_growth.json").write_text(json.dumps(growth))
    (tmp / "claims.json").write_text(dump_json({"claims": ledger}))
    parameters = {
        "growth_trend": {"growth_json": str(tmp / "pretrain_growth.json")},
        "arc_agi": {"claims_json": str(tmp / "claims.json")},
        "appendix_walkthrough": {},
    }
    for name in NOTEBOOKS:
        subprocess.run(
            [*CLI, "convert", str(ROOT / "notebooks" / f"{name}.py"), str(tmp / f"{name}.ipynb")],
            check=True,
        )
    runs = {
        name: subprocess.Popen(
            [
                *CLI,
                "execute",
                str(tmp / f"{name}.ipynb"),
                str(tmp / f"{name}.executed.ipynb"),
                "--parameters",
                json.dumps(parameters[name]),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in NOTEBOOKS
    }
    errors = {}
    for name, proc in runs.items():
        _, err = proc.communicate(timeout=300)
        if proc.returncode:
            errors[name] = err[-3000:]
    return tmp, errors


def test_converted_notebooks_carry_kernel_and_language(executed, tmp_path):
    tmp, _ = executed
    for name in NOTEBOOKS:
        again = tmp_path / f"{name}.ipynb"
        subprocess.run(
            [*CLI, "convert", str(ROOT / "notebooks" / f"{name}.py"), str(again)], check=True
        )
        assert again.read_bytes() == (tmp / f"{name}.ipynb").read_bytes(), "not deterministic"
        nb = nbformat.read(tmp / f"{name}.ipynb", as_version=4)
        assert nb.metadata["kernelspec"]["name"] == "python3"
        assert nb.metadata["language_info"]["name"] == "python"
        assert any("parameters" in c.metadata.get("tags", []) for c in nb.cells)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executes(executed, name):
    tmp, errors = executed
    assert name not in errors, errors.get(name)
    nb = nbformat.read(tmp / f"{name}.executed.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no figure shown"
    # volatile metadata stripped: no timings or temporary paths
    assert set(nb.metadata.get("papermill", {})) <= {"parameters"}
    assert not [c for c in nb.cells if {"execution", "papermill"} & set(c.metadata)]


def test_a_failing_notebook_fails(tmp_path):
    source = tmp_path / "broken.py"
    source.write_text("# %%\nraise RuntimeError('deliberate')\n")
    subprocess.run([*CLI, "convert", str(source), str(tmp_path / "broken.ipynb")], check=True)
    run = subprocess.run(
        [*CLI, "execute", str(tmp_path / "broken.ipynb"), str(tmp_path / "out.ipynb")],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "deliberate" in run.stderr
    assert not (tmp_path / "out.ipynb").exists()


def test_a_notebook_runs_from_its_own_folder_as_jupyter_starts_it(tmp_path):
    # JupyterLab starts the kernel in notebooks/, not the project root: data/ must still be
    # found (inference_scaling.pipeline.paths.project_path). No parameters: the cell's defaults.
    import nbclient

    ipynb = tmp_path / "appendix_walkthrough.ipynb"
    subprocess.run(
        [*CLI, "convert", str(ROOT / "notebooks" / "appendix_walkthrough.py"), str(ipynb)],
        check=True,
    )
    nb = nbformat.read(ipynb, as_version=4)
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    client.execute()  # raises CellExecutionError on a failing cell
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "tokens per deployment" in printed
