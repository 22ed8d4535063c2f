"""`make lab` starts JupyterLab on notebooks/ and the jupytext sources open as notebooks."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_make_lab_serves_the_notebooks():
    port, token = _free_port(), "lab-test"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_PORT={port}"],
        cwd=ROOT,
        env={**os.environ, "JUPYTER_TOKEN": token, "BROWSER": "true"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # make, uv and jupyter in one group, stopped together
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                status, body = _get(f"{base}/api/contents/arc_agi.py?type=notebook&token={token}")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stdout.read().decode()[-3000:]
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(1)
        model = json.loads(body)
        assert status == 200 and model["type"] == "notebook"
        cells = model["content"]["cells"]
        assert any("parameters" in c["metadata"].get("tags", []) for c in cells)
        listing = json.loads(_get(f"{base}/api/contents?token={token}")[1])
        assert {"arc_agi.py", "growth_trend.py"} <= {e["name"] for e in listing["content"]}
        assert _get(f"{base}/lab?token={token}")[0] == 200
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
