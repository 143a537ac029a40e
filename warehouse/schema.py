"""Open the warehouse and bring its schema up to date from the numbered SQL files in `sql/`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

__all__ = ["MEMORY", "Migration", "connect", "current_version", "migrate", "migrations"]

MEMORY = ":memory:"  # DuckDB's name for a database that lives only in the connection
SQL_PACKAGE = "warehouse"
SQL_FOLDER = "sql"
MIGRATION_NAME = re.compile(r"^(?P<version>\d{3})_(?P<name>\w+)\.sql$")  # 001_initial.sql

_CREATE_SCHEMA_VERSION = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
)
"""


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file of `warehouse/sql/`."""

    version: int
    name: str
    sql: str


def connect(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) the warehouse file at `path`, creating its folder; `:memory:` works too."""
    if str(path) != MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path))


def migrations() -> list[Migration]:
    """Every migration shipped with the package, in version order."""
    folder = resources.files(SQL_PACKAGE).joinpath(SQL_FOLDER)
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match["version"]), match["name"], entry.read_text(encoding="utf-8")))
    versions = [migration.version for migration in found]
    if len(set(versions)) != len(versions):
        raise ValueError(
            f"two migrations share a version number in {SQL_PACKAGE}/{SQL_FOLDER}: {sorted(versions)}"
        )
    return sorted(found, key=lambda migration: migration.version)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for a fresh database."""
    con.execute(_CREATE_SCHEMA_VERSION)
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply, each in its own transaction, the migrations not yet recorded; return the schema version."""
    version = current_version(con)
    for migration in migrations():
        if migration.version > version:
            _apply(con, migration)
            version = migration.version
    return version


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    """Run one migration and record it, all or nothing."""
    con.begin()
    try:
        con.execute(migration.sql)
        con.execute(
            "INSERT INTO schema_version (version, name) VALUES (?, ?)", [migration.version, migration.name]
        )
    except BaseException:
        con.rollback()
        raise
    con.commit()
