"""Package files a workflow script runs: the inputs that make a kernel edit re-run its jobs."""

import re

import pytest
from conftest import ROOT

from inference_scaling.pipeline.code_deps import (
    function_imports,
    imported_modules,
    module_sources,
    package_sources,
)


def test_absolute_and_relative_imports_are_resolved():
    source = (
        "import numpy\nimport inference_scaling.model.era\n"
        "from inference_scaling.ledger import claims\n"
        "from .io import write_text\nfrom . import lifetime\nfrom ..latex import tex_escape\n"
    )
    names = imported_modules(
        source,
        "inference_scaling.publish.figures.essay",
        ROOT / "src/inference_scaling/publish/figures/essay.py",
    )
    assert {
        "inference_scaling.model.era",
        "inference_scaling.ledger.claims",
        "inference_scaling.publish.figures.io",
        "inference_scaling.publish.figures.lifetime",
        "inference_scaling.publish.latex",
    } <= names
    assert "numpy" not in names


def _project(tmp_path):
    pkg = tmp_path / "src" / "inference_scaling"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "kernel.py").write_text("from .helper import f\nTABLE = 'table.yaml'\n")
    (pkg / "helper.py").write_text("import numpy as np\n")
    (pkg / "unused.py").write_text("")
    (pkg / "table.yaml").write_text("a: 1\n")
    script = tmp_path / "script.py"
    script.write_text("from inference_scaling.kernel import TABLE\n")
    return script


def test_closure_follows_imports_and_named_data_files(tmp_path):
    script = _project(tmp_path)
    assert package_sources(script, tmp_path) == [
        "src/inference_scaling/__init__.py",
        "src/inference_scaling/helper.py",
        "src/inference_scaling/kernel.py",
        "src/inference_scaling/table.yaml",
    ]


def test_a_cycle_terminates(tmp_path):
    script = _project(tmp_path)
    (tmp_path / "src/inference_scaling/helper.py").write_text("from . import kernel\n")
    assert "src/inference_scaling/kernel.py" in package_sources(script, tmp_path)


def test_a_called_function_brings_its_own_imports_only(tmp_path):
    script = _project(tmp_path)
    pkg = tmp_path / "src" / "inference_scaling"
    (pkg / "registry.py").write_text(
        "import json\nfrom .helper import f\n\n\n@f\ndef one():\n    from . import kernel\n\n\n"
        "def two(x=None):\n    from . import unused\n"
    )
    script.write_text("from inference_scaling import registry\n")
    calls = {"inference_scaling.registry": "one"}
    files = package_sources(script, tmp_path, calls=calls)
    assert "src/inference_scaling/kernel.py" in files  # one() imports it
    assert "src/inference_scaling/helper.py" in files  # the top level imports it
    assert "src/inference_scaling/unused.py" not in files  # only two() imports it
    assert "src/inference_scaling/unused.py" in package_sources(script, tmp_path)
    source = (pkg / "registry.py").read_text()
    path = pkg / "registry.py"
    assert function_imports(source, "two", "inference_scaling.registry", path) >= {
        "inference_scaling.unused"
    }
    with pytest.raises(ValueError, match="no top-level function 'three'"):
        function_imports(source, "three", "inference_scaling.registry", path)


def test_each_figure_depends_on_the_code_it_draws_with():
    """The figure job's code (figure_code in workflow/rules/common.smk): a kernel edit
    redraws the figures whose draw function reaches it, and no other."""
    script = ROOT / "workflow/scripts/plot_figure.py"
    registry = "inference_scaling.publish.figures.registry"

    def code(name):
        return package_sources(script, ROOT, calls={registry: name})

    o1, lifetime_fig = code("fig_o1_aime"), code("fig_lifetime_compute")
    assert "src/inference_scaling/publish/figures/essay.py" in o1
    assert "src/inference_scaling/pipeline/datasets.py" in o1
    assert "src/inference_scaling/model/lifetime.py" not in o1
    assert "src/inference_scaling/publish/figures/model.py" not in o1
    assert "src/inference_scaling/model/lifetime.py" in lifetime_fig
    assert "src/inference_scaling/publish/figures/essay.py" not in lifetime_fig
    # ...and every figure writes through the same style module.
    for files in (o1, lifetime_fig):
        assert "src/inference_scaling/publish/figures/style.py" in files


def test_the_ledger_depends_on_every_kernel_and_the_essay_values():
    files = package_sources(ROOT / "workflow/scripts/compute_claims.py", ROOT)
    for name in ("ledger/claims", "model/lifetime", "model/thresholds", "model/era", "model/ida"):
        assert f"src/inference_scaling/{name}.py" in files
    assert "src/inference_scaling/model/deployment.py" in files
    assert "src/inference_scaling/ledger/essay_claims.yaml" in files
    assert not any("figures/" in f for f in files)


def test_notebook_runner_module():
    assert "src/inference_scaling/publish/figures/notebooks.py" in module_sources(
        "inference_scaling.publish.figures.notebooks", ROOT
    )


@pytest.mark.parametrize("smk", sorted((ROOT / "workflow" / "rules").glob("*.smk")), ids=str)
def test_every_python_script_rule_lists_its_package_code(smk):
    text = smk.read_text()
    for block in re.split(r"\n(?=\s*rule )", text):
        match = re.search(r'script:\s*\n\s*"\.\./scripts/(\w+)\.py"', block)
        if match:
            assert f'script_code("{match.group(1)}")' in block, (smk.name, match.group(1))
