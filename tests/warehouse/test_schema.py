"""Migrations: the contract's tables and columns, applied once, recorded in schema_version."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.schema import connect, current_version, migrate, migrations

CONTRACT_COLUMNS = [
    ("papers", "paper_id name layout edition_url timezone"),
    ("editions", "paper_id edition_date status page_count article_count fetched_at run_id"),
    ("pages", "paper_id edition_date page_no page_name url pdf_url status"),
    (
        "articles",
        "article_id paper_id edition_date page_no pages kicker title subtitle byline body char_count"
        " continuation source_urls confidence subheads captions run_id",
    ),
    ("article_authors", "article_id position name role"),
    ("fragments", "article_id seq page_no kind text source_url"),
    ("quality_issues", "paper_id edition_date page_no code severity message run_id"),
    (
        "runs",
        "run_id flow_run_id paper_id started_at finished_at status editions_requested editions_complete"
        " editions_partial editions_failed editions_not_published pages articles stitched orphans"
        " warnings retries",
    ),
]
CONTRACT_TYPES = [
    ("articles", "edition_date", "DATE"),
    ("articles", "page_no", "INTEGER"),
    ("articles", "pages", "INTEGER[]"),
    ("articles", "source_urls", "VARCHAR[]"),
    ("articles", "char_count", "INTEGER"),
    ("editions", "fetched_at", "TIMESTAMP WITH TIME ZONE"),
]


def test_migrate_applies_every_migration(con: duckdb.DuckDBPyConnection) -> None:
    assert current_version(con) == migrations()[-1].version


def test_migrate_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    version = current_version(con)
    assert migrate(con) == version
    assert migrate(con) == version
    rows = con.execute("SELECT count(*) FROM schema_version").fetchone()
    assert rows == (len(migrations()),)


@pytest.mark.parametrize(("table", "columns"), CONTRACT_COLUMNS)
def test_contract_columns_exist(con: duckdb.DuckDBPyConnection, table: str, columns: str) -> None:
    found = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    assert set(columns.split()) <= found


@pytest.mark.parametrize(("table", "column", "type_name"), CONTRACT_TYPES)
def test_contract_types(con: duckdb.DuckDBPyConnection, table: str, column: str, type_name: str) -> None:
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    assert types[column] == type_name


def test_connect_creates_the_folder_and_keeps_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "warehouse.duckdb"
    with connect(path) as first:
        version = migrate(first)
    with connect(path) as second:
        assert current_version(second) == version
        assert migrate(second) == version


def test_migrations_are_numbered_from_one() -> None:
    assert [migration.version for migration in migrations()][:1] == [1]


def test_an_older_warehouse_upgrades_in_place(tmp_path: Path) -> None:
    """A file written at schema version 1, with data, gains the later migrations and keeps its rows."""
    from tests.warehouse.factories import make_record
    from warehouse.load import load_edition

    path = tmp_path / "warehouse.duckdb"
    first = migrations()[0]
    with connect(path) as con:  # the warehouse as version 1 left it
        con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    "applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)")
        con.execute(first.sql)
        con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [first.version, first.name])
        con.execute(
            "INSERT INTO articles (article_id, paper_id, edition_date, pages, title, body, char_count, continuation, "
            "source_urls, subheads, captions, reading_order, run_id) VALUES "
            "('old', 'yzb', DATE '2025-12-17', [1], '旧文章', '正文', 2, 'none', [], [], [], 1, 'r0')"
        )
    with connect(path) as con:
        assert migrate(con) == migrations()[-1].version
        assert con.execute("SELECT title, stitch_evidence FROM articles").fetchall() == [("旧文章", None)]
        load_edition(con, make_record(2))  # and the upgraded file takes new loads
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]
