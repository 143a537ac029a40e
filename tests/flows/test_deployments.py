"""The deployments as a user runs them: a local Prefect server, `prefect --no-prompt deploy --all`,
a backfill triggered through the API with parameters, a process worker running it.

Slow (a real server and worker start), so there is one test that checks everything end to end.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_registry
from tests.httpserver import Server

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# How long the server may take to answer its health check, and a flow run to finish, on a busy machine.
SERVER_START_S = 120
RUN_FINISH_S = 240
DATE = dt.date(2025, 12, 19)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        assert server.poll() is None, "the Prefect server exited"
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the Prefect server did not become healthy")


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A local Prefect server on a free port; yields the environment that points the CLI at it."""
    prefect_home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        api = f"http://127.0.0.1:{port}/api"
        _wait_healthy(api, server)
        yield {**env, "PREFECT_API_URL": api}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _prefect(env: dict[str, str], *args: str) -> str:
    """Run the prefect CLI against the test server from the repository; fail with its output."""
    done = subprocess.run([str(BIN / "prefect"), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=RUN_FINISH_S, check=False)
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_backfill_deployment_runs_on_a_worker(
    prefect_server: dict[str, str], demo_site: Server, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **prefect_server,
        "EPAPER_REPO": str(REPO),
        "EPAPER_HOME": str(home),
        "EPAPER_PAPERS": str(write_registry(home / "papers.toml", demo_site.base_url)),
    }
    _prefect(env, "work-pool", "create", "epaper", "--type", "process", "--overwrite")
    deployed = _prefect(env, "--no-prompt", "deploy", "--all")
    for name in ("daily/daily", "ingest-range/backfill", "reprocess/reprocess", "publish-snapshot/publish"):
        assert name in deployed
    _prefect(env, "deployment", "run", "ingest-range/backfill",
             "--param", "paper=yzb", "--param", f"start={DATE}", "--param", f"end={DATE}")
    _prefect(env, "worker", "start", "--pool", "epaper", "--run-once")

    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT edition_date, status FROM editions").fetchall() == [(DATE, "complete")]
        assert con.execute("SELECT count(*) FROM articles WHERE continuation = 'stitched'").fetchall() == [(1,)]
        (flow_run_id,) = con.execute("SELECT flow_run_id FROM runs").fetchall()[0]
    assert flow_run_id  # the run recorded which Prefect flow run it was
    assert (home / "snapshots" / "LATEST").exists()
    artifacts = json.loads(_read_api(env, "/artifacts/filter", {"artifacts": {"key": {"any_": [
        f"edition-yzb-{DATE}"]}}}))
    assert [a["type"] for a in artifacts] == ["markdown"]
    assert "complete" in artifacts[0]["data"]


def _read_api(env: dict[str, str], path: str, body: dict[str, object]) -> str:
    """POST a filter to the Prefect REST API."""
    request = urllib.request.Request(
        env["PREFECT_API_URL"] + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(response.read().decode("utf-8"))
