"""Warehouse fixtures: a migrated in-memory DuckDB, and a migrated DuckDB file under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from warehouse.schema import connect, migrate


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated in-memory warehouse."""
    connection = duckdb.connect(":memory:")
    migrate(connection)
    yield connection
    connection.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A migrated warehouse file with its connection closed, ready to publish."""
    path = tmp_path / "home" / "warehouse.duckdb"
    with connect(path) as connection:
        migrate(connection)
    return path
