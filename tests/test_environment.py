"""The conda environment file pins exactly what uv.lock pins."""

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "environment_yml", ROOT / "tools" / "environment_yml.py"
)
environment_yml = importlib.util.module_from_spec(spec)
spec.loader.exec_module(environment_yml)


def test_environment_yml_matches_the_lock():
    committed = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert committed == environment_yml.render(), (
        "environment.yml drifted from uv.lock: run "
        "`.venv/bin/python tools/environment_yml.py > environment.yml`"
    )


def test_every_direct_dependency_is_pinned():
    versions = environment_yml.locked_versions()
    for name in environment_yml.direct_dependencies():
        assert name in versions, name


def test_build_environment_avoids_the_jupyter_metapackage():
    # rfc3987-syntax (pulled by the `jupyter` metapackage) costs ~4.4 s per nbformat import.
    assert importlib.util.find_spec("rfc3987_syntax") is None
