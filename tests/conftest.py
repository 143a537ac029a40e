"""Session-wide fixtures: offline Prefect (one test harness per session) and the demo site served on 127.0.0.1."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before Prefect is imported anywhere: no telemetry, isolated home and result storage.
_PREFECT_HOME = tempfile.mkdtemp(prefix="epaper-prefect-")
os.environ.update(
    {
        "PREFECT_HOME": _PREFECT_HOME,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(Path(_PREFECT_HOME) / "results"),
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }
)
os.environ.pop("PREFECT_API_URL", None)

from flows.siteserver import DEMO_SITE  # noqa: E402
from tests.httpserver import Server, serve  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "fixtures" / "segment" / "seed_yzb_2025-12-18_p2.txt"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for the whole session (startup is paid once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def demo_site() -> Iterator[Server]:
    """The bundled demo e-paper site on a free 127.0.0.1 port, recording every request."""
    with serve(DEMO_SITE) as site:
        yield site


def write_registry(path: Path, base_url: str, paper: str = "yzb", site_path: str = "yzb") -> Path:
    """A papers.toml pointing `paper` at a site served on 127.0.0.1."""
    path.write_text(
        f"[papers.{paper}]\n"
        'name = "渝中报"\n'
        'layout = "founder"\n'
        f'edition_url = "{base_url}/{site_path}/html/{{date:%Y-%m}}/{{date:%d}}/node_1.htm"\n'
        'timezone = "Asia/Shanghai"\n'
        "requests_per_second = 100\n",
        encoding="utf-8",
    )
    return path
