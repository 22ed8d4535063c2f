"""The Makefile's interface, the workflow configuration's schema, the job runner and the
default environment's start-up."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT

SCHEMA = ROOT / "workflow" / "schemas" / "config.schema.yaml"


def test_config_schema_describes_and_defaults_every_key():
    schema = yaml.safe_load(SCHEMA.read_text())
    assert schema["additionalProperties"] is False
    for key, spec in schema["properties"].items():
        assert len(spec.get("description", "").split()) >= 5, key
        assert "default" in spec, key
        jsonschema.validate(spec["default"], spec)  # each default satisfies its own rule
    config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
    jsonschema.validate(config, schema)
    assert set(config) == set(schema["properties"])


def test_make_help_lists_every_target_and_variable():
    run = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    makefile = (ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, flags=re.M).group(1).split()
    lines = run.stdout.splitlines()
    for name in [*phony, "CORES", "NAME", "BASE"]:
        described = [line for line in lines if line.split()[:1] == [name]]
        assert len(described) == 1 and len(described[0].split()) > 3, name
    assert "default" in run.stdout and "kaplan_allocation" in run.stdout


def test_make_uses_every_core_by_default():
    run = subprocess.run(
        ["make", "-n", "--no-print-directory", "-o", "env", "-o", "tex", "all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    assert f"--cores {nproc}" in run.stdout


def test_make_clean_removes_everything_generated(tmp_path):
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    generated = [
        "results/default/claims.json",
        "build/latex/x",
        "dist/arxiv.tar.gz",
        "paper/main.pdf",
        ".snakemake/log/x",
        ".cache/review/x",
    ]
    for rel in [*generated, "paper/main.tex", "config/assumptions.yaml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True)
    for rel in generated:
        assert not (tmp_path / rel).exists(), rel
    assert {"results", "build", "dist", ".snakemake"}.isdisjoint(p.name for p in tmp_path.iterdir())
    assert (tmp_path / "paper" / "main.tex").exists()
    assert (tmp_path / "config" / "assumptions.yaml").exists()


def _job(tmp_path, body):
    script = tmp_path / "script.py"
    script.write_text(
        "import logging\n\n"
        "def main(smk):\n" + body + "\n\n"
        'if __name__ == "__main__" and "snakemake" in globals():\n'
        "    main(snakemake)  # noqa: F821\n"
    )
    spec = {
        "script": str(script),
        "input": {"items": ["a.csv", "b.csv"], "names": {"data": "a.csv"}},
        "output": {
            "items": [str(tmp_path / "out.txt")],
            "names": {"result": str(tmp_path / "out.txt")},
        },
        "params": {"factor": 3},
        "wildcards": {"scenario": "kaplan_allocation"},
    }
    log = tmp_path / "job.log"
    run = subprocess.run(
        [sys.executable, "-m", "inference_scaling.pipeline.job", str(log), json.dumps(spec)],
        capture_output=True,
        text=True,
    )
    return run, log.read_text() if log.exists() else ""


def test_job_runner_gives_the_script_snakemake_and_logs(tmp_path):
    body = (
        "    i, p, w = smk.input, smk.params, smk.wildcards\n"
        "    text = f'{i.data} {i[1]} {p.factor} {w.scenario}'\n"
        "    open(smk.output.result, 'w').write(text)\n"
        "    logging.getLogger('x').info('done with %s', smk.log[0])"
    )
    run, log = _job(tmp_path, body)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out.txt").read_text() == "a.csv b.csv 3 kaplan_allocation"
    assert "INFO x: done with" in log and "wrote" in log


def test_job_runner_puts_the_traceback_in_the_log(tmp_path):
    run, log = _job(tmp_path, "    raise ValueError('bad value in ' + smk.input.data)")
    assert run.returncode != 0
    assert "Traceback" in log and "ValueError: bad value in a.csv" in log


def _uv():
    for candidate in (shutil.which("uv"), ROOT / ".tools" / "bin" / "uv"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.skip("uv not found")


def test_default_environment_has_no_slurm_plugin():
    """The Slurm executor plugin imports pandas at every Snakemake start (about 1 s): it is
    the optional group `slurm`. (pandas itself is installed, for SALib, which only the Sobol
    job imports.)"""
    run = subprocess.run(
        [_uv(), "export", "--frozen", "--no-hashes", "--no-emit-project", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    names = {re.split(r"[=<>; ]", line)[0].lower() for line in run.stdout.splitlines()}
    assert "snakemake" in names
    assert "snakemake-executor-plugin-slurm" not in names


def test_plain_snakemake_start_imports_no_pandas():
    try:
        import snakemake_executor_plugin_slurm  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("the optional slurm group is installed here (it imports pandas)")
    snakemake = str(Path(sys.executable).parent / "snakemake")
    run = subprocess.run(
        [sys.executable, "-X", "importtime", snakemake, "--version"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "snakemake" in imported and "pandas" not in imported
