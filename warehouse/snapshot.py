"""Publish the warehouse as an immutable Parquet snapshot with a manifest, then point LATEST at it."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

__all__ = [
    "LATEST",
    "MANIFEST",
    "SNAPSHOTS",
    "TABLES",
    "SnapshotError",
    "latest_snapshot",
    "publish",
    "verify_manifest",
]

SNAPSHOTS = "snapshots"  # {home}/snapshots/
LATEST = "LATEST"  # {home}/snapshots/LATEST holds the id of the newest complete snapshot
MANIFEST = "manifest.json"
STAGING_PREFIX = ".tmp-"  # a snapshot being written; never named by LATEST
# Under {home}; held while publishing, so staging leftovers found under it are a killed publish's.
PUBLISH_LOCK = "locks/publish.lock"
ID_TIME_FORMAT = "%Y%m%dT%H%M%SZ"  # sortable UTC timestamp: 20251218T071502Z
ID_SUFFIX_BYTES = 2  # 4 hex digits keep two publishes within one second apart
SNAPSHOT_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{4}$")  # 20251218T071502Z-3fa2
HASH_CHUNK_BYTES = 1 << 20
PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd"
SINGLE_FILE = "data_0.parquet"  # the name DuckDB gives each partition's first file
PARTITIONED_TABLE = "articles"  # hive style by paper_id and year
TABLES: dict[str, str] = {  # every published table and the order its rows are written in
    "papers": "paper_id",
    "editions": "paper_id, edition_date",
    "pages": "paper_id, edition_date, page_no",
    "articles": "paper_id, edition_date, reading_order, article_id",
    "article_authors": "article_id, position",
    "fragments": "article_id, seq",
    "quality_issues": "paper_id, edition_date, page_no NULLS FIRST, code, message",
    "runs": "started_at, run_id",
}

_ARTICLES_WITH_YEAR = "SELECT *, CAST(year(edition_date) AS INTEGER) AS year FROM articles"
# An empty articles table has no partition to write: one zero-row file carries the schema, with
# paper_id and year last, where hive-partitioned readers put them.
_EMPTY_ARTICLES = (
    "SELECT * EXCLUDE (paper_id), paper_id, CAST(year(edition_date) AS INTEGER) AS year FROM articles LIMIT 0"
)


class SnapshotError(Exception):
    """No usable snapshot, or a warehouse that cannot be published."""


def publish(db_path: Path, home: Path, *, keep: int | None = None) -> Path:
    """Write a new snapshot of the warehouse at `db_path`, make it LATEST, return its folder."""
    if keep is not None and keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}")
    snapshots = Path(home) / SNAPSHOTS
    snapshots.mkdir(parents=True, exist_ok=True)
    with _publishing(Path(home)):
        _remove_staging(snapshots)  # left by a publish that was killed: no other publish runs now
        created_at = dt.datetime.now(dt.UTC)
        snapshot_id = f"{created_at.strftime(ID_TIME_FORMAT)}-{secrets.token_hex(ID_SUFFIX_BYTES)}"
        folder = _build(Path(db_path), snapshots, snapshot_id, created_at)
        _point_latest(snapshots, snapshot_id)
        if keep is not None:
            _prune(snapshots, keep)
    return folder


@contextmanager
def _publishing(home: Path) -> Iterator[None]:
    """One publish at a time per home (runs of several papers may end together): wait for the lock."""
    lock = home / PUBLISH_LOCK
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_staging(snapshots: Path) -> None:
    """Delete staging folders and files of publishes that never finished."""
    for leftover in snapshots.glob(f"{STAGING_PREFIX}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def latest_snapshot(home: Path) -> Path | None:
    """The folder LATEST names, or None before the first publish."""
    snapshots = Path(home) / SNAPSHOTS
    try:
        snapshot_id = (snapshots / LATEST).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not SNAPSHOT_ID.match(snapshot_id):
        raise SnapshotError(f"{snapshots / LATEST} holds {snapshot_id!r}, which is not a snapshot id")
    folder = snapshots / snapshot_id
    if not (folder / MANIFEST).is_file():
        raise SnapshotError(f"{snapshots / LATEST} names {snapshot_id}, but {folder / MANIFEST} is missing")
    return folder


def verify_manifest(path: Path) -> list[str]:
    """Problems found in a snapshot folder (or its manifest.json); empty when the files match."""
    folder = Path(path).parent if Path(path).name == MANIFEST else Path(path)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        tables: dict[str, Any] = manifest["tables"]
        problems = [f"{table}: missing from the manifest" for table in TABLES if table not in tables]
        for table, entry in tables.items():
            problems += _verify_table(folder, table, entry)
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [f"{folder / MANIFEST}: unreadable or malformed ({error!r})"]
    return problems


def _build(db_path: Path, snapshots: Path, snapshot_id: str, created_at: dt.datetime) -> Path:
    """Write the snapshot into a staging folder, then rename it into place."""
    staging = snapshots / f"{STAGING_PREFIX}{snapshot_id}"
    folder = snapshots / snapshot_id
    staging.mkdir()
    try:
        manifest = _write_tables(db_path, staging)
        manifest = {"snapshot_id": snapshot_id, "created_at": created_at.isoformat(), **manifest}
        _write_durably(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        _fsync_tree(staging)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(snapshots)
    return folder


def _write_tables(db_path: Path, staging: Path) -> dict[str, Any]:
    """Copy every table into Parquet and describe the result (manifest without id and time)."""
    with closing(_open_read_only(db_path)) as con:
        schema_version = _schema_version(con)
        runs = [
            row[0] for row in con.execute("SELECT run_id FROM runs ORDER BY started_at, run_id").fetchall()
        ]
        tables = {}
        for table, order in TABLES.items():
            rows = _count(con, table)
            _copy_table(con, table, order, rows, staging / table)
            files = [_file_entry(staging, file) for file in sorted((staging / table).rglob("*.parquet"))]
            tables[table] = {"rows": rows, "files": files}
    return {"schema_version": schema_version, "runs": runs, "tables": tables}


def _open_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """The warehouse opened READ_ONLY, or a SnapshotError saying why it cannot be."""
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        raise SnapshotError(
            f"cannot open the warehouse {db_path} read-only (close connections writing to it first): {error}"
        ) from error


def _schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The warehouse's applied schema version; a SnapshotError if it was never migrated."""
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.CatalogException as error:
        raise SnapshotError("the warehouse has no schema_version table: run migrate first") from error
    if row is None or row[0] is None:
        raise SnapshotError("the warehouse has no applied migration: run migrate first")
    return int(row[0])


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one warehouse table."""
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _copy_table(con: duckdb.DuckDBPyConnection, table: str, order: str, rows: int, target: Path) -> None:
    """Write one table as a Parquet dataset under `target` (articles partitioned when not empty)."""
    if table != PARTITIONED_TABLE:
        target.mkdir()
        query = f"SELECT * FROM {table} ORDER BY {order}"
        con.execute(f"COPY ({query}) TO {_literal(target / SINGLE_FILE)} ({PARQUET_OPTIONS})")
    elif rows:
        query = f"{_ARTICLES_WITH_YEAR} ORDER BY {order}"
        options = f"{PARQUET_OPTIONS}, PARTITION_BY (paper_id, year)"
        con.execute(f"COPY ({query}) TO {_literal(target)} ({options})")
    else:
        target.mkdir()
        con.execute(f"COPY ({_EMPTY_ARTICLES}) TO {_literal(target / SINGLE_FILE)} ({PARQUET_OPTIONS})")


def _file_entry(folder: Path, file: Path) -> dict[str, Any]:
    """A manifest entry for one written file: its path relative to the snapshot and its hash."""
    return {
        "path": file.relative_to(folder).as_posix(),
        "sha256": _sha256(file),
        "bytes": file.stat().st_size,
    }


def _sha256(file: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with file.open("rb") as stream:
        while chunk := stream.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def _verify_table(folder: Path, table: str, entry: dict[str, Any]) -> list[str]:
    """Problems with one table's files: missing, altered, unlisted, or a row count that differs."""
    problems: list[str] = []
    listed = set()
    rows = 0
    for file_entry in entry["files"]:
        relative = str(file_entry["path"])
        listed.add(relative)
        file_problems, file_rows = _verify_file(folder, relative, str(file_entry["sha256"]))
        problems += file_problems
        rows += file_rows
    if not problems and rows != entry["rows"]:
        problems.append(f"{table}: manifest says {entry['rows']} rows, the files hold {rows}")
    unlisted = sorted(
        file.relative_to(folder).as_posix()
        for file in (folder / table).rglob("*.parquet")
        if file.relative_to(folder).as_posix() not in listed
    )
    return problems + [f"{path}: not listed in the manifest" for path in unlisted]


def _verify_file(folder: Path, relative: str, sha256: str) -> tuple[list[str], int]:
    """Problems with one listed file, and the rows its Parquet footer declares."""
    file = folder / relative
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        return [f"{relative}: path leaves the snapshot folder"], 0
    if not file.is_file():
        return [f"{relative}: missing"], 0
    if _sha256(file) != sha256:
        return [f"{relative}: sha256 differs from the manifest"], 0
    try:
        return [], int(pq.ParquetFile(file).metadata.num_rows)
    except (OSError, ValueError) as error:
        return [f"{relative}: not readable as Parquet ({error})"], 0


def _point_latest(snapshots: Path, snapshot_id: str) -> None:
    """Replace LATEST atomically with the new id (temporary file, fsync, os.replace)."""
    temporary = snapshots / f"{STAGING_PREFIX}{LATEST}-{snapshot_id}"
    _write_durably(temporary, snapshot_id + "\n")
    os.replace(temporary, snapshots / LATEST)
    _fsync_dir(snapshots)


def _prune(snapshots: Path, keep: int) -> None:
    """Delete complete snapshots older than the newest `keep`, never the one LATEST names."""
    latest = latest_snapshot(snapshots.parent)
    for folder in _complete_snapshots(snapshots)[keep:]:
        if folder != latest:
            shutil.rmtree(folder)


def _complete_snapshots(snapshots: Path) -> list[Path]:
    """Snapshot folders that hold a manifest, newest first by their manifest's created_at."""
    found = []
    for folder in snapshots.iterdir():
        if folder.is_dir() and SNAPSHOT_ID.match(folder.name) and (folder / MANIFEST).is_file():
            found.append((_created_at(folder), folder.name, folder))
    return [folder for _, _, folder in sorted(found, reverse=True)]


def _created_at(folder: Path) -> str:
    """A snapshot's creation time as UTC ISO text (sorts like time); read off its id when unreadable."""
    try:
        return str(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["created_at"])
    except (OSError, ValueError, KeyError, TypeError):
        stamp = folder.name.split("-")[0]
        return dt.datetime.strptime(stamp, ID_TIME_FORMAT).replace(tzinfo=dt.UTC).isoformat()


def _write_durably(file: Path, text: str) -> None:
    """Write a small text file and fsync it."""
    with file.open("w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _fsync_tree(folder: Path) -> None:
    """Flush every file and folder under `folder` to disk."""
    for file in folder.rglob("*"):
        if file.is_file():
            with file.open("rb") as stream:
                os.fsync(stream.fileno())
    for directory in [*(path for path in folder.rglob("*") if path.is_dir()), folder]:
        _fsync_dir(directory)


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to disk."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _literal(path: Path) -> str:
    """A path as a quoted SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"
