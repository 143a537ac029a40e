"""A flaky, partly hostile site: the warehouse after a faulty run equals the one after a fault-free run.

Transient faults (503, 429 with Retry-After, a reset connection, a truncated body) are retried away;
a link to another host (a second listener on 127.0.0.2) is never followed and is recorded instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import write_registry
from tests.flows.test_stitch_editions import EDITION
from tests.httpserver import Server, serve
from tests.sitebuilder import Page, write_edition

pytestmark = pytest.mark.slow

DATE = dt.date(2025, 2, 3)
FOLDER = f"/tst/html/{DATE:%Y-%m}/{DATE:%d}"
FAULTS = {
    f"{FOLDER}/node_2.htm": ["503", "503"],
    f"{FOLDER}/node_3.htm": ["429:1"],
    f"{FOLDER}/content_101.htm": ["reset"],
    f"{FOLDER}/content_202.htm": ["truncate"],
}
COMPARED = (
    "SELECT * EXCLUDE (run_id) FROM articles ORDER BY article_id",
    "SELECT * FROM fragments ORDER BY article_id, seq",
    "SELECT * FROM article_authors ORDER BY article_id, position",
    "SELECT paper_id, edition_date, page_no, page_name, status FROM pages ORDER BY page_no",
    "SELECT status, page_count, article_count FROM editions",
)


def _ingest(server: Server, home: Path) -> dict[str, Any]:
    """One range run of the edition into its own home."""
    from flows.ingest import ingest_range

    home.mkdir(parents=True, exist_ok=True)
    papers = write_registry(home / "papers.toml", server.base_url, site_path="tst")
    (summary,) = ingest_range("yzb", DATE, DATE, home=str(home), papers=str(papers))
    return summary


def _tables(home: Path) -> list[list[tuple[Any, ...]]]:
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return [con.execute(sql).fetchall() for sql in COMPARED]


def test_faults_are_retried_away_and_other_hosts_never_contacted(prefect_harness: None, tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    with serve(elsewhere, host="127.0.0.2") as stranger:
        pages = list(EDITION)
        pages[0] = Page(pages[0].no, pages[0].name, pages[0].articles, (stranger.url("/content_9.htm"),))
        write_edition(site, "tst", DATE, pages)
        with serve(site) as server:  # one server, so both runs see the same URLs
            clean = _ingest(server, tmp_path / "clean")
            for path, faults in FAULTS.items():
                server.add_fault(path, *faults)
            faulty = _ingest(server, tmp_path / "faulty")
    assert clean["status"] == faulty["status"] == "complete"
    assert _tables(tmp_path / "faulty") == _tables(tmp_path / "clean")
    assert faulty["retries"] >= len(FAULTS) and clean["retries"] == 0
    with duckdb.connect(str(tmp_path / "faulty" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT retries FROM runs").fetchall() == [(faulty["retries"],)]
        skipped = con.execute("SELECT message FROM quality_issues WHERE code = 'skipped_off_host_link'").fetchall()
    assert any("127.0.0.2" in message for (message,) in skipped)
    assert stranger.requests == []  # the other host was never contacted
    assert all(not any(f) for f in server.faults.values())  # every scripted fault was served
