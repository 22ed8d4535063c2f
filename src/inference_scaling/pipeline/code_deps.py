"""The package files a workflow script runs, so a rule can list them as inputs.

Snakemake re-runs a job when its own script changes, but not when a kernel that the script
imports does: a fix in ``lifetime.py`` would leave a stale ledger. Rules therefore take
``code=script_code(...)``, the closure of the script's imports inside this package, found by
reading the sources (``ast``, nothing is imported or executed), plus the package's data
files (``essay_claims.yaml``) that a module of the closure names.

A module of small functions that each import what they use, such as the figure registry
(``publish/figures/registry.py``), can be followed for one function only (``calls``): then
its top level and that function count, not its other functions, so each figure's job
depends on the code that figure runs and not on the code of the others.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = "inference_scaling"


def _module_file(name: str, src: Path) -> Path | None:
    """File of module ``name`` (dotted, absolute) under ``src``, if it is in the package."""
    base = src.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_of(module: str | None, path: Path) -> str | None:
    if module is None:
        return None
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def imported_modules(source: str, module: str | None = None, path: Path = Path("x.py")):
    """Absolute names of the package modules that ``source`` imports (``module`` is its own
    dotted name, needed to resolve relative imports; ``path`` tells a package from a module).
    For ``from A import b`` both ``A`` and ``A.b`` are returned: ``b`` may be a submodule."""
    return _imports(ast.walk(ast.parse(source)), module, path)


def _imports(nodes, module: str | None, path: Path) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(module, path)
                if package is None:
                    continue
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {n for n in names if n == PACKAGE or n.startswith(PACKAGE + ".")}


def _outside_functions(tree: ast.Module, function: str):
    """The nodes of ``tree`` except the bodies of its top-level functions other than
    ``function`` (their decorators and default values are kept: they run on import)."""
    nodes = []
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name != function:
            for part in [*stmt.decorator_list, *stmt.args.defaults, *stmt.args.kw_defaults]:
                if part is not None:
                    nodes += ast.walk(part)
        else:
            nodes += ast.walk(stmt)
    return nodes


def function_imports(source: str, function: str, module: str, path: Path) -> set[str]:
    """Package modules that importing ``source`` (module ``module`` at ``path``) and calling its
    top-level function ``function`` imports: the module's top level and that function's body,
    not its other functions."""
    tree = ast.parse(source)
    if not any(
        isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == function
        for n in tree.body
    ):
        raise ValueError(f"{path}: no top-level function {function!r}")
    return _imports(_outside_functions(tree, function), module, path)


@cache
def _data_files(package_dir: Path) -> tuple[Path, ...]:
    """Data files shipped inside the package (``essay_claims.yaml``)."""
    files = package_dir.rglob("*")
    return tuple(p for p in files if p.is_file() and p.suffix in {".yaml", ".json"})


@cache
def _file_deps(path: Path, module: str, src: Path) -> tuple[frozenset[str], frozenset[Path]]:
    """Modules that ``path`` imports and package data files it names. The workflow asks for
    the closure of some twenty scripts that share most modules: read each file once."""
    text = path.read_text(encoding="utf-8")
    data = _data_files(src / PACKAGE)
    return (
        frozenset(imported_modules(text, module, path)),
        frozenset(p for p in data if p.name in text),
    )


def _closure(names, root, calls=None) -> list[str]:
    """Files of the package modules ``names`` and of everything they import, transitively,
    with parent packages' ``__init__.py`` and the data files those modules name. A module
    in ``calls`` (module -> function) contributes its top level and that function only."""
    calls = calls or {}
    src = Path(root) / "src"
    files: set[Path] = set()
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name, src)
        if path is None:  # an imported function or class, not a module
            continue
        if name in calls:
            text = path.read_text(encoding="utf-8")
            imports = function_imports(text, calls[name], name, path)
            data = frozenset(p for p in _data_files(src / PACKAGE) if p.name in text)
        else:
            imports, data = _file_deps(path, name, src)
        files.add(path)
        files.update(data)
        # Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += imports
    return sorted(str(p.relative_to(root)) for p in files)


def package_sources(script, root=".", calls=None) -> list[str]:
    """Package files (paths relative to ``root``, sorted) that the script or notebook source
    ``script`` runs through its imports of the package; ``calls`` maps a module the script
    imports to the one function of it that the script calls (see :func:`function_imports`)."""
    return _closure(imported_modules(Path(script).read_text(encoding="utf-8")), root, calls)


def module_sources(module: str, root=".") -> list[str]:
    """Package files that ``python -m <module>`` runs (the module and its imports)."""
    return _closure([module], root)
