"""The build's date and commit: SOURCE_DATE_EPOCH when set, else the last commit's time."""

import subprocess

from inference_scaling.pipeline import provenance


def _repo(path, date):
    env = {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "PATH": "/usr/bin:/bin",
    }
    for args in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=path,
            env=env,
            check=True,
        )


def test_the_date_is_the_environments_then_the_last_commits_then_zero(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    # 2024-01-01T00:00:00Z is 19723 days after 1970-01-01: 19723 * 86400 s.
    _repo(repo, "2024-01-01T00:00:00+00:00")
    assert provenance.source_date_epoch({}, cwd=repo) == str(19723 * 86400)
    assert provenance.source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}, cwd=repo) == (
        "1700000000"
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    assert provenance.git("log", "-1", default="none", cwd=outside) == "none"
    assert provenance.source_date_epoch({}, cwd=outside) == "0"
