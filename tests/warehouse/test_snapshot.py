"""Snapshots: one Parquet dataset per table, a manifest that matches, LATEST switched last."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from warehouse.load import load_edition, start_run, upsert_paper
from warehouse.schema import connect, migrations
from warehouse.snapshot import (
    LATEST,
    MANIFEST,
    SNAPSHOTS,
    TABLES,
    SnapshotError,
    latest_snapshot,
    publish,
    verify_manifest,
)

from .factories import DAY, PAPER, make_record

SNAPSHOT_ID = r"^\d{8}T\d{6}Z-[0-9a-f]{4}$"


@pytest.fixture
def filled(db_path: Path) -> Path:
    """A warehouse file holding two papers, three editions across two years, and one run."""
    with connect(db_path) as con:
        upsert_paper(con, PAPER, "渝中报", "founder", "https://h/{date:%Y-%m}", "Asia/Shanghai")
        upsert_paper(con, "cqrb", "重庆日报", "founder", "https://c/{date:%Y-%m}", "Asia/Shanghai")
        start_run(con, "run-1", "flow-1", PAPER, dt.datetime(2025, 12, 18, 7, tzinfo=dt.UTC))
        load_edition(con, make_record(3))
        load_edition(con, make_record(2, edition_date=dt.date(2024, 12, 31)))
        load_edition(con, make_record(1, paper_id="cqrb"))
    return db_path


def sql(query: str) -> list[tuple[object, ...]]:
    """Rows of a query run by a fresh in-memory DuckDB, the way an analyst reads the files."""
    with duckdb.connect() as con:
        return con.execute(query).fetchall()


def test_publish_writes_every_table_and_a_matching_manifest(filled: Path, tmp_path: Path) -> None:
    folder = publish(filled, tmp_path / "home")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    with duckdb.connect(str(filled), read_only=True) as con:
        for table in TABLES:
            assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [
                (manifest["tables"][table]["rows"],)
            ]
            assert manifest["tables"][table]["files"], table
    assert manifest["snapshot_id"] == folder.name
    assert manifest["schema_version"] == migrations()[-1].version
    assert manifest["runs"] == ["run-1"]
    assert verify_manifest(folder) == []


def test_latest_names_the_new_snapshot(filled: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert latest_snapshot(home) is None
    folder = publish(filled, home)
    assert folder.name == (home / SNAPSHOTS / LATEST).read_text(encoding="utf-8").strip()
    assert latest_snapshot(home) == folder
    assert re.match(SNAPSHOT_ID, folder.name)
    assert [p.name for p in (home / SNAPSHOTS).iterdir() if p.name.startswith(".")] == []


def test_articles_are_partitioned_by_paper_and_year(filled: Path, tmp_path: Path) -> None:
    folder = publish(filled, tmp_path / "home")
    partitions = sorted(
        p.relative_to(folder / "articles").parent.as_posix() for p in folder.glob("articles/**/*.parquet")
    )
    assert partitions == ["paper_id=cqrb/year=2025", "paper_id=yzb/year=2024", "paper_id=yzb/year=2025"]
    assert all(p.parent == folder / "pages" for p in folder.glob("pages/**/*.parquet"))


def test_articles_readable_with_duckdb_and_pyarrow(filled: Path, tmp_path: Path) -> None:
    folder = publish(filled, tmp_path / "home")
    articles = f"read_parquet('{folder}/articles/**/*.parquet', hive_partitioning=true)"
    rows = sql(f"SELECT paper_id, year, count(*) FROM {articles} GROUP BY ALL ORDER BY ALL")
    assert rows == [("cqrb", 2025, 1), ("yzb", 2024, 2), ("yzb", 2025, 3)]
    table = ds.dataset(folder / "articles", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 6
    assert {"paper_id", "year", "title", "pages", "source_urls"} <= set(table.column_names)


def test_verify_manifest_finds_a_corrupted_file(filled: Path, tmp_path: Path) -> None:
    folder = publish(filled, tmp_path / "home")
    victim = next(folder.glob("fragments/*.parquet"))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    problems = verify_manifest(folder)
    assert len(problems) == 1
    assert "fragments/" in problems[0] and "sha256" in problems[0]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda folder: next(folder.glob("pages/*.parquet")).unlink(), "missing"),
        (lambda folder: (folder / "pages" / "extra.parquet").write_bytes(b"x"), "not listed"),
        (lambda folder: (folder / MANIFEST).write_text("{", encoding="utf-8"), "malformed"),
    ],
)
def test_verify_manifest_finds_damage(filled: Path, tmp_path: Path, damage: object, expected: str) -> None:
    folder = publish(filled, tmp_path / "home")
    damage(folder)  # type: ignore[operator]
    problems = verify_manifest(folder)
    assert problems and expected in problems[0]


def test_verify_manifest_compares_row_counts(filled: Path, tmp_path: Path) -> None:
    folder = publish(filled, tmp_path / "home")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["tables"]["articles"]["rows"] += 1
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert verify_manifest(folder / MANIFEST) == ["articles: manifest says 7 rows, the files hold 6"]


def test_empty_warehouse_publishes_readable_tables(db_path: Path, tmp_path: Path) -> None:
    folder = publish(db_path, tmp_path / "home")
    assert verify_manifest(folder) == []
    for table in TABLES:
        count = sql(f"SELECT count(*) FROM read_parquet('{folder}/{table}/**/*.parquet')")
        assert count == [(0,)], table
    columns = sql(f"DESCRIBE SELECT * FROM read_parquet('{folder}/articles/**/*.parquet')")
    assert [row[0] for row in columns][-2:] == ["paper_id", "year"]


def test_keep_prunes_old_snapshots(filled: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    folders = [publish(filled, home) for _ in range(3)]
    newest = publish(filled, home, keep=2)
    remaining = sorted(p.name for p in (home / SNAPSHOTS).iterdir() if p.is_dir())
    assert remaining == sorted([folders[-1].name, newest.name])
    assert latest_snapshot(home) == newest


def test_keep_never_deletes_what_latest_names(filled: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    older = publish(filled, home)
    future = home / SNAPSHOTS / "29991231T000000Z-0000"  # a clock that ran ahead once
    future.mkdir()
    (future / MANIFEST).write_text(json.dumps({"created_at": "2999-12-31T00:00:00+00:00"}), encoding="utf-8")
    newest = publish(filled, home, keep=1)
    assert latest_snapshot(home) == newest
    assert future.exists() and not older.exists()


def test_publish_needs_the_writer_closed(filled: Path, tmp_path: Path) -> None:
    with connect(filled), pytest.raises(SnapshotError, match="read-only"):
        publish(filled, tmp_path / "home")
    assert not any((tmp_path / "home" / SNAPSHOTS).iterdir())


def test_publish_refuses_an_unmigrated_warehouse(tmp_path: Path) -> None:
    connect(tmp_path / "bare.duckdb").close()
    with pytest.raises(SnapshotError, match="migrate"):
        publish(tmp_path / "bare.duckdb", tmp_path / "home")


@pytest.mark.parametrize("content", ["../../etc", "20251218T071502Z-zzzz", "20251218T071502Z-3fa2"])
def test_latest_snapshot_rejects_a_bad_pointer(tmp_path: Path, content: str) -> None:
    (tmp_path / SNAPSHOTS).mkdir()
    (tmp_path / SNAPSHOTS / LATEST).write_text(content, encoding="utf-8")
    with pytest.raises(SnapshotError):
        latest_snapshot(tmp_path)


def test_not_published_edition_is_published(db_path: Path, tmp_path: Path) -> None:
    with connect(db_path) as con:
        load_edition(con, dataclasses.replace(make_record(0, pages=0, status="not_published"), issues=()))
    folder = publish(db_path, tmp_path / "home")
    rows = sql(f"SELECT edition_date, status FROM '{folder}/editions/*.parquet'")
    assert rows == [(DAY, "not_published")]
