"""The package's layers: imports point down, never up, and never form a circle.

Read from the sources with ``ast`` (:func:`inference_scaling.pipeline.code_deps.imported_modules`),
nothing is imported: every ``import`` counts, including those inside functions.
"""

from conftest import ROOT

from inference_scaling.pipeline.code_deps import imported_modules

SRC = ROOT / "src"
PACKAGE = SRC / "inference_scaling"
#: Highest first; a layer may import the layers below it. ``pipeline`` is the floor.
LAYERS = ("explorer", "review", "publish", "uncertainty", "ledger", "model", "pipeline")
RANK = {name: len(LAYERS) - i for i, name in enumerate(LAYERS)}


def _modules() -> dict[str, object]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: {
            m
            for m in imported_modules(path.read_text(encoding="utf-8"), name, path)
            if m in modules and m != name
        }
        for name, path in modules.items()
    }


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # None: the package's face (__init__)


def test_every_module_sits_in_a_layer():
    for module in _modules():
        assert _layer(module) in (None, *LAYERS), f"{module} is in no layer"


def test_imports_never_point_upward_and_pipeline_imports_no_other_layer():
    upward = []
    for module, imports in _graph().items():
        layer = _layer(module)
        for target in imports:
            other = _layer(target)
            if layer is None or other is None or other == layer:
                continue
            if layer == "pipeline" or RANK[other] > RANK[layer]:
                upward.append(f"{module} -> {target}")
    assert not upward, "imports pointing up a layer:\n" + "\n".join(sorted(upward))


def test_imports_form_no_circle():
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node):
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_checks_see_a_circle_and_an_upward_import(tmp_path):
    # the reader the checks rely on resolves absolute, relative and lazy imports
    source = (
        "from inference_scaling.publish import latex\n"
        "def f():\n    from . import uncertainty_pages\n"
        "import inference_scaling.review.compare\n"
    )
    found = imported_modules(source, "inference_scaling.publish.numbers", PACKAGE / "x.py")
    assert {
        "inference_scaling.publish.latex",
        "inference_scaling.publish.uncertainty_pages",
        "inference_scaling.review.compare",
    } <= found
