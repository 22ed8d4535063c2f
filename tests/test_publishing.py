"""Publishing metadata: the GitHub workflow and the Zenodo deposit agree with the project.

Neither GitHub Actions nor Zenodo can run here, so these tests check what can go wrong
without them: the workflow's syntax and that it runs this project's own CI and uploads
files the build really writes; and that .zenodo.json says what CITATION.cff says.
"""

import json
import re
import subprocess
import sys
import tomllib

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflow_runs_the_projects_ci_on_every_push():
    flow = _workflow()
    assert {"push", "pull_request"} <= set(flow["on"])
    (job,) = flow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(re.search(r"(^|\s)bash \.ci/run\b", run) for run in runs)
    assert all(set(step) & {"run", "uses"} for step in job["steps"]), "a step does nothing"


def _make_targets() -> dict[str, str]:
    """Makefile target -> its recipe text."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z-]+):[^\n=]*\n((?:\t[^\n]*\n)*)", text, flags=re.M))


def test_uploaded_files_are_outputs_of_the_steps_before_the_upload():
    (job,) = _workflow()["jobs"].values()
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload"))
    paths = [p.removeprefix("main/") for p in upload["with"]["path"].split()]
    assert upload["with"]["if-no-files-found"] == "error"
    ran = " ".join(step.get("run", "") for step in job["steps"])
    recipes = _make_targets()
    assert "make report" in ran and "results/report.html" in recipes["report"]
    for path in paths:
        if path == "results/report.html":
            continue
        # The default build (`make`, which .ci/run runs) writes the rest.
        assert path in {"paper/main.pdf"} or path.startswith("results/default/"), path
    assert "paper/main.pdf" in paths


def test_zenodo_metadata_is_generated_from_the_citation_file():
    generated = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "zenodo_json.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    committed = (ROOT / ".zenodo.json").read_text(encoding="utf-8")
    assert committed == generated, (
        "regenerate: .venv/bin/python tools/zenodo_json.py > .zenodo.json"
    )


def test_zenodo_citation_and_package_agree_on_title_creators_licence_version():
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert zenodo["title"] == cff["title"]
    assert zenodo["license"] == cff["license"] == project["license"]["text"]
    assert zenodo["version"] == str(cff["version"]) == project["version"]
    assert len(zenodo["creators"]) == len(cff["authors"])
    for creator, author in zip(zenodo["creators"], cff["authors"], strict=True):
        family = author.get("family-names") or author["name"]
        assert creator["name"].startswith(family)
    assert zenodo["keywords"] == cff["keywords"]
    assert zenodo["upload_type"] == "software"


def test_a_person_author_becomes_family_comma_given():
    sys.path.insert(0, str(ROOT / "tools"))
    from zenodo_json import creator  # noqa: PLC0415 - a tool script, not a package module

    person = {
        "family-names": "Lovelace",
        "given-names": "Ada",
        "orcid": "https://orcid.org/0000-0002-1825-0097",
    }
    assert creator(person) == {"name": "Lovelace, Ada", "orcid": "0000-0002-1825-0097"}
    assert creator({"name": "A team"}) == {"name": "A team"}
