"""Queries over the latest snapshot: views named like the tables, nothing but SELECT."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warehouse.load import load_edition
from warehouse.query import QueryRejected, query_snapshot
from warehouse.schema import connect, migrate
from warehouse.snapshot import SNAPSHOTS, TABLES, SnapshotError, publish, verify_manifest

from .factories import DAY, make_record


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with one published snapshot of a two-edition warehouse, shared by the module's tests."""
    home = tmp_path_factory.mktemp("home")
    with connect(home / "warehouse.duckdb") as con:
        migrate(con)
        load_edition(con, make_record(3))
        load_edition(con, make_record(2, edition_date=dt.date(2024, 5, 1)))
    publish(home / "warehouse.duckdb", home)
    return home


def test_query_returns_columns_and_rows(home: Path) -> None:
    columns, rows = query_snapshot(
        home, "SELECT year, count(*) AS n FROM articles WHERE paper_id = 'yzb' GROUP BY year ORDER BY year"
    )
    assert columns == ["year", "n"]
    assert rows == [(2024, 2), (2025, 3)]


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_a_view(home: Path, table: str) -> None:
    columns, _ = query_snapshot(home, f"SELECT * FROM {table} LIMIT 0")
    assert columns


def test_joins_across_views(home: Path) -> None:
    sql = """
        WITH credited AS (SELECT article_id, count(*) AS people FROM article_authors GROUP BY ALL)
        SELECT a.edition_date, sum(people) FROM articles a JOIN credited USING (article_id)
        GROUP BY ALL ORDER BY ALL
    """
    assert query_snapshot(home, sql)[1] == [(dt.date(2024, 5, 1), 4), (DAY, 6)]


def test_list_columns_come_back_as_lists(home: Path) -> None:
    _, rows = query_snapshot(home, "SELECT pages, source_urls FROM articles ORDER BY article_id LIMIT 1")
    assert rows[0][0] == [1, 2]
    assert len(rows[0][1]) == 2


@pytest.mark.parametrize(
    "sql",
    [
        "COPY articles TO 'stolen.csv'",
        "SELECT 1; SELECT 2",
        "ATTACH 'warehouse.duckdb' AS w",
        "CREATE TABLE t AS SELECT 1",
        "SET enable_external_access = true",
        "INSERT INTO articles SELECT * FROM articles",
    ],
)
def test_anything_but_a_query_is_rejected(home: Path, sql: str) -> None:
    with pytest.raises(QueryRejected):
        query_snapshot(home, sql)


def test_files_outside_the_snapshot_cannot_be_read(home: Path) -> None:
    with pytest.raises(Exception, match=r"(?i)permission|disabled"):
        query_snapshot(home, f"SELECT * FROM read_text('{home / 'warehouse.duckdb'}')")


def test_querying_writes_nothing(home: Path) -> None:
    folder = next(p for p in (home / SNAPSHOTS).iterdir() if p.is_dir())
    before = sorted(folder.rglob("*"))
    query_snapshot(home, "SELECT count(*) FROM fragments")
    assert sorted(folder.rglob("*")) == before
    assert verify_manifest(folder) == []


def test_no_snapshot_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="no snapshot"):
        query_snapshot(tmp_path, "SELECT 1")
