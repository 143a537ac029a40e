"""Read-only SQL over the latest snapshot, through views named like the warehouse tables."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb

from warehouse.snapshot import PARTITIONED_TABLE, SNAPSHOTS, TABLES, SnapshotError, latest_snapshot

__all__ = ["ALLOWED_STATEMENTS", "QueryRejected", "SnapshotError", "query_snapshot", "snapshot_connection"]

ALLOWED_STATEMENTS = frozenset({duckdb.StatementType.SELECT})  # also WITH …, DESCRIBE, SHOW, FROM t
QUERY_TIME_ZONE = "UTC"  # timestamps print the same on every machine

_PLAIN_VIEW = "CREATE VIEW {table} AS SELECT * FROM read_parquet({files})"
# Partition values are read as text and cast here, so an empty snapshot (one zero-row file that
# carries paper_id and year itself) and a partitioned one give the same column types.
_PARTITIONED_VIEW = (
    "CREATE VIEW {table} AS SELECT *"
    " REPLACE (CAST(year AS INTEGER) AS year, CAST(paper_id AS VARCHAR) AS paper_id)"
    " FROM read_parquet({files}, hive_partitioning = true, hive_types_autocast = false)"
)


class QueryRejected(ValueError):
    """A statement that is not a single query (COPY, ATTACH, SET, INSERT, several statements …)."""


def query_snapshot(home: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one SELECT on the latest snapshot: (column names, rows); raises SnapshotError, QueryRejected."""
    folder = latest_snapshot(home)
    if folder is None:
        raise SnapshotError(
            f"no snapshot under {Path(home) / SNAPSHOTS}: publish one first (`epaper publish`)"
        )
    with closing(snapshot_connection(folder)) as con:
        _check_read_only(con, sql)
        result = con.execute(sql)
        columns = [column[0] for column in result.description or []]
        return columns, result.fetchall()


def snapshot_connection(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with a view per table of the snapshot, allowed to read that folder only."""
    folder = Path(folder).resolve()
    con = duckdb.connect(":memory:")
    con.execute(f"SET TimeZone = '{QUERY_TIME_ZONE}'")
    con.execute(f"SET allowed_directories = [{_literal(f'{folder}/')}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    for table in TABLES:
        template = _PARTITIONED_VIEW if table == PARTITIONED_TABLE else _PLAIN_VIEW
        con.execute(template.format(table=table, files=_literal(f"{folder / table}/**/*.parquet")))
    return con


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse anything but a single query; DuckDB's own errors tell about SQL that does not parse."""
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise QueryRejected(f"expected one SELECT statement, got {len(statements)}")
    if statements[0].type not in ALLOWED_STATEMENTS:
        raise QueryRejected(f"only queries are allowed on a snapshot, not {statements[0].type.name}")


def _literal(text: str) -> str:
    """Text as a quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
