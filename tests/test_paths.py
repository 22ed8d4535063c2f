"""Notebook paths resolve against the project root from any folder inside it."""

from conftest import ROOT

from inference_scaling.pipeline.paths import project_path, project_root


def test_root_is_found_from_a_subfolder():
    assert project_root(ROOT / "notebooks") == ROOT
    assert project_root(ROOT) == ROOT


def test_relative_paths_resolve_against_the_root(tmp_path):
    assert project_path("data/arc_agi.csv", ROOT / "notebooks") == str(ROOT / "data/arc_agi.csv")
    assert project_path(tmp_path / "x.csv", ROOT / "notebooks") == str(tmp_path / "x.csv")


def test_outside_a_project_the_package_checkout_is_used(tmp_path):
    # tmp_path has no pyproject.toml above it: fall back to where the package lives.
    assert project_root(tmp_path) == ROOT
