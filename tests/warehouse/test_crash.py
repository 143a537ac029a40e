"""Crash safety: a process killed while loading or publishing leaves the previous state intact."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.factories import make_record
from warehouse.load import load_editions
from warehouse.schema import connect, migrate
from warehouse.snapshot import latest_snapshot, publish, verify_manifest

REPO = Path(__file__).resolve().parents[2]
EDITIONS = 400
DATES = [dt.date(2025, 1, 1) + dt.timedelta(days=n) for n in range(EDITIONS)]
# How long the victim runs after announcing it has started the work, before it is killed.
KILL_AFTER_S = 0.3
# Publishing is fast: the victim is killed as soon as its staging folder holds a file.
POLL_S = 0.001
MIDWAY_TIMEOUT_S = 30

LOADER = """
import datetime as dt, sys
from tests.warehouse.factories import make_record
from warehouse.load import load_editions
from warehouse.schema import connect
records = [make_record(60, edition_date=dt.date(2025, 1, 1) + dt.timedelta(days=n), run_id="new") for n in range(400)]
con = connect(sys.argv[1])
print("loading", flush=True)
load_editions(con, records)
print("done", flush=True)
"""
PUBLISHER = """
import sys
from collections.abc import Callable
from pathlib import Path
from warehouse.snapshot import publish
print("publishing", flush=True)
publish(Path(sys.argv[1]), Path(sys.argv[2]))
print("done", flush=True)
"""


def _kill_when(script: str, *args: str, started: str, midway: Callable[[], bool] | None = None) -> None:
    """Run `script`, wait until it prints `started` (and `midway()` holds), then SIGKILL it mid-way."""
    victim = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert victim.stdout is not None
    assert victim.stdout.readline().strip() == started
    if midway is None:
        time.sleep(KILL_AFTER_S)
    else:
        deadline = time.monotonic() + MIDWAY_TIMEOUT_S
        while not midway() and victim.poll() is None and time.monotonic() < deadline:
            time.sleep(POLL_S)
    assert victim.poll() is None, "the work finished before the kill: make it larger"
    victim.send_signal(signal.SIGKILL)
    victim.wait()


def _baseline(path: Path) -> None:
    """A warehouse holding the old version of every edition the victim will replace."""
    with connect(path) as con:
        migrate(con)
        load_editions(con, [make_record(3, edition_date=d, run_id="old") for d in DATES])


@pytest.mark.slow
def test_kill_during_load_leaves_the_previous_state(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    _baseline(db)
    _kill_when(LOADER, str(db), started="loading")
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT DISTINCT run_id FROM editions").fetchall() == [("old",)]
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(3 * EDITIONS,)]
    with connect(db) as con:  # and the next run completes it
        load_editions(con, [make_record(60, edition_date=d, run_id="new") for d in DATES])
        assert con.execute("SELECT DISTINCT run_id FROM editions").fetchall() == [("new",)]


@pytest.mark.slow
def test_kill_during_publish_keeps_latest_on_the_previous_snapshot(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "warehouse.duckdb"
    _baseline(db)
    with connect(db) as con:  # enough rows that writing Parquet takes a moment
        load_editions(con, [make_record(60, edition_date=d, run_id="new") for d in DATES])
    before = publish(db, home)
    snapshots = home / "snapshots"
    _kill_when(PUBLISHER, str(db), str(home), started="publishing",
               midway=lambda: any(snapshots.glob(".tmp-*/*/*.parquet")))
    assert latest_snapshot(home) == before
    assert verify_manifest(before) == []
    after = publish(db, home)  # the next publish completes and cleans up what the killed one left
    assert latest_snapshot(home) == after
    assert not [p for p in (home / "snapshots").iterdir() if p.name.startswith(".tmp-")]
    assert json.loads((after / "manifest.json").read_text())["tables"]["articles"]["rows"] == 60 * EDITIONS
