"""Idempotent loads: papers upserted, an edition replaced in one transaction, runs recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

from transforms.records import EditionRecord, StitchedArticle

__all__ = [
    "RUNNING", "RUN_COUNTS", "finish_run", "load_edition", "load_editions", "start_run", "stored_status",
    "upsert_paper", "usual_article_count",
]

RUNNING = "running"  # runs.status between start_run and finish_run
RUN_COUNTS = (  # the count columns of `runs`, the only keys finish_run accepts
    "editions_requested",
    "editions_complete",
    "editions_partial",
    "editions_failed",
    "editions_not_published",
    "pages",
    "articles",
    "stitched",
    "orphans",
    "warnings",
    "retries",
)
FIRST_POSITION = 1  # article_authors.position and articles.reading_order count from 1, like SQL lists

_TIMESTAMP = pa.timestamp("us", tz="UTC")
_EDITIONS = pa.schema(
    [
        ("paper_id", pa.string()),
        ("edition_date", pa.date32()),
        ("status", pa.string()),
        ("page_count", pa.int32()),
        ("article_count", pa.int32()),
        ("fetched_at", _TIMESTAMP),
        ("run_id", pa.string()),
    ]
)
_PAGES = pa.schema(
    [
        ("paper_id", pa.string()),
        ("edition_date", pa.date32()),
        ("page_no", pa.int32()),
        ("page_name", pa.string()),
        ("url", pa.string()),
        ("pdf_url", pa.string()),
        ("status", pa.string()),
    ]
)
_ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("paper_id", pa.string()),
        ("edition_date", pa.date32()),
        ("page_no", pa.int32()),
        ("pages", pa.list_(pa.int32())),
        ("kicker", pa.string()),
        ("title", pa.string()),
        ("subtitle", pa.string()),
        ("byline", pa.string()),
        ("body", pa.string()),
        ("char_count", pa.int32()),
        ("continuation", pa.string()),
        ("source_urls", pa.list_(pa.string())),
        ("confidence", pa.float64()),
        ("stitch_evidence", pa.string()),
        ("subheads", pa.list_(pa.string())),
        ("captions", pa.list_(pa.string())),
        ("reading_order", pa.int32()),
        ("run_id", pa.string()),
    ]
)
_AUTHORS = pa.schema(
    [
        ("article_id", pa.string()),
        ("position", pa.int32()),
        ("name", pa.string()),
        ("role", pa.string()),
    ]
)
_FRAGMENTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("seq", pa.int32()),
        ("page_no", pa.int32()),
        ("kind", pa.string()),
        ("text", pa.string()),
        ("source_url", pa.string()),
    ]
)
_ISSUES = pa.schema(
    [
        ("paper_id", pa.string()),
        ("edition_date", pa.date32()),
        ("page_no", pa.int32()),
        ("code", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("run_id", pa.string()),
    ]
)

_KEYS = "_load_keys"  # the (paper_id, edition_date) pairs being replaced, staged as a view
_ARTICLES_OF_EDITIONS = f"SELECT article_id FROM articles JOIN {_KEYS} USING (paper_id, edition_date)"
_OF_EDITIONS = f"USING {_KEYS} k WHERE t.paper_id = k.paper_id AND t.edition_date = k.edition_date"
_DELETE_EDITIONS = (  # children of articles first, while the articles still name them
    f"DELETE FROM article_authors WHERE article_id IN ({_ARTICLES_OF_EDITIONS})",
    f"DELETE FROM fragments WHERE article_id IN ({_ARTICLES_OF_EDITIONS})",
    f"DELETE FROM articles t {_OF_EDITIONS}",
    f"DELETE FROM pages t {_OF_EDITIONS}",
    f"DELETE FROM quality_issues t {_OF_EDITIONS}",
    f"DELETE FROM editions t {_OF_EDITIONS}",
)
_KEY_SCHEMA = pa.schema([("paper_id", pa.string()), ("edition_date", pa.date32())])

_UPSERT_PAPER = """
INSERT INTO papers (paper_id, name, layout, edition_url, timezone, updated_at)
VALUES (?, ?, ?, ?, ?, current_timestamp)
ON CONFLICT (paper_id) DO UPDATE SET
    name = excluded.name, layout = excluded.layout, edition_url = excluded.edition_url,
    timezone = excluded.timezone, updated_at = excluded.updated_at
"""
_START_RUN = """
INSERT INTO runs (run_id, flow_run_id, paper_id, started_at, status) VALUES (?, ?, ?, ?, ?)
"""

Row = dict[str, Any]


def upsert_paper(
    con: duckdb.DuckDBPyConnection, paper_id: str, name: str, layout: str, edition_url: str, timezone: str
) -> None:
    """Insert a paper of the registry, or update it in place when it is already known."""
    con.execute(_UPSERT_PAPER, [paper_id, name, layout, edition_url, timezone])


def load_edition(con: duckdb.DuckDBPyConnection, record: EditionRecord) -> None:
    """Replace everything stored about one edition by `record`, in one transaction."""
    load_editions(con, [record])


def load_editions(con: duckdb.DuckDBPyConnection, records: Sequence[EditionRecord]) -> None:
    """Replace everything stored about these editions, all in one transaction (batch reprocessing)."""
    if not records:
        return
    keys = pa.Table.from_pylist(
        [{"paper_id": r.paper_id, "edition_date": r.edition_date} for r in records], schema=_KEY_SCHEMA
    )
    con.register(_KEYS, keys)
    try:
        with _registered(con, _edition_tables(records)) as staged, _transaction(con):
            for statement in _DELETE_EDITIONS:
                con.execute(statement)
            for table, view in staged.items():
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")
    finally:
        con.unregister(_KEYS)


def stored_status(con: duckdb.DuckDBPyConnection, paper_id: str, edition_date: dt.date) -> str | None:
    """The status of the edition already in the warehouse, or None."""
    row = con.execute(
        "SELECT status FROM editions WHERE paper_id = ? AND edition_date = ?", [paper_id, edition_date]
    ).fetchall()
    return str(row[0][0]) if row else None


def usual_article_count(
    con: duckdb.DuckDBPyConnection, paper_id: str, before: dt.date, editions: int
) -> float | None:
    """The median article count of the paper's last `editions` published editions before a date."""
    rows = con.execute(
        "SELECT median(article_count), count(*) FROM (SELECT article_count FROM editions "
        "WHERE paper_id = ? AND edition_date < ? AND status IN ('complete', 'partial') "
        "ORDER BY edition_date DESC LIMIT ?)",
        [paper_id, before, editions],
    ).fetchall()
    median, count = rows[0]
    return float(median) if count else None


def start_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    flow_run_id: str | None,
    paper_id: str,
    started_at: dt.datetime,
) -> None:
    """Record a run as `running`; starting the same run_id again begins it afresh."""
    with _transaction(con):
        con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])
        con.execute(_START_RUN, [run_id, flow_run_id, paper_id, _utc(started_at), RUNNING])


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    finished_at: dt.datetime,
    status: str,
    counts: Mapping[str, int],
) -> None:
    """Close a run with its status and counts (keys of RUN_COUNTS; those left out stay as they are)."""
    unknown = sorted(set(counts) - set(RUN_COUNTS))
    if unknown:
        raise ValueError(f"unknown run counts {unknown}; expected some of {list(RUN_COUNTS)}")
    assignments = ", ".join(["finished_at = ?", "status = ?", *(f"{key} = ?" for key in counts)])
    parameters = [_utc(finished_at), status, *(int(value) for value in counts.values()), run_id]
    updated = con.execute(
        f"UPDATE runs SET {assignments} WHERE run_id = ? RETURNING run_id", parameters
    ).fetchall()
    if not updated:
        raise LookupError(f"no run {run_id!r} to finish: call start_run first")


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Commit what the block did, or roll all of it back when it raises."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table]) -> Iterator[dict[str, str]]:
    """Expose each non-empty Arrow table as a view `_load_<table>` for the block; {table: view}."""
    staged = {table: f"_load_{table}" for table, rows in tables.items() if rows.num_rows}
    try:
        for table, view in staged.items():
            con.register(view, tables[table])
        yield staged
    finally:
        for view in staged.values():
            con.unregister(view)


def _edition_tables(records: Sequence[EditionRecord]) -> dict[str, pa.Table]:
    """Every row the editions contribute, as one Arrow table per warehouse table."""
    builders: dict[str, tuple[pa.Schema, Callable[[EditionRecord], list[Row]]]] = {
        "editions": (_EDITIONS, _edition_rows),
        "pages": (_PAGES, _page_rows),
        "articles": (_ARTICLES, _article_rows),
        "article_authors": (_AUTHORS, _author_rows),
        "fragments": (_FRAGMENTS, _fragment_rows),
        "quality_issues": (_ISSUES, _issue_rows),
    }
    return {
        name: pa.Table.from_pylist([row for record in records for row in rows(record)], schema=schema)
        for name, (schema, rows) in builders.items()
    }


def _edition_rows(record: EditionRecord) -> list[Row]:
    """The one `editions` row; page_count counts the pages rows (0 when not published)."""
    return [
        {
            "paper_id": record.paper_id,
            "edition_date": record.edition_date,
            "status": record.status,
            "page_count": len(record.pages),
            "article_count": len(record.articles),
            "fetched_at": _utc(record.fetched_at),
            "run_id": record.run_id,
        }
    ]


def _page_rows(record: EditionRecord) -> list[Row]:
    """One `pages` row per page of the edition."""
    edition = {"paper_id": record.paper_id, "edition_date": record.edition_date}
    return [
        {
            **edition,
            "page_no": page.page_no,
            "page_name": page.page_name,
            "url": page.url,
            "pdf_url": page.pdf_url,
            "status": page.status,
        }
        for page in record.pages
    ]


def _article_rows(record: EditionRecord) -> list[Row]:
    """One `articles` row per article, numbered in reading order."""
    return [
        _article_row(record, article, order)
        for order, article in enumerate(record.articles, start=FIRST_POSITION)
    ]


def _article_row(record: EditionRecord, article: StitchedArticle, order: int) -> Row:
    """The `articles` row of one stitched article."""
    return {
        "article_id": article.article_id,
        "paper_id": record.paper_id,
        "edition_date": record.edition_date,
        "page_no": article.page_no,
        "pages": list(article.pages),
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "body": article.body,
        "char_count": article.char_count,
        "continuation": article.continuation,
        "source_urls": list(article.source_urls),
        "confidence": article.confidence,
        "stitch_evidence": article.evidence,
        "subheads": list(article.subheads),
        "captions": list(article.captions),
        "reading_order": order,
        "run_id": record.run_id,
    }


def _author_rows(record: EditionRecord) -> list[Row]:
    """One `article_authors` row per credited person, numbered in byline order."""
    return [
        {"article_id": article.article_id, "position": position, "name": author.name, "role": author.role}
        for article in record.articles
        for position, author in enumerate(article.authors, start=FIRST_POSITION)
    ]


def _fragment_rows(record: EditionRecord) -> list[Row]:
    """One `fragments` row per part of every article."""
    return [
        {
            "article_id": article.article_id,
            "seq": fragment.seq,
            "page_no": fragment.page_no,
            "kind": fragment.kind,
            "text": fragment.text,
            "source_url": fragment.source_url,
        }
        for article in record.articles
        for fragment in article.fragments
    ]


def _issue_rows(record: EditionRecord) -> list[Row]:
    """One `quality_issues` row per issue the run noted about the edition."""
    edition = {"paper_id": record.paper_id, "edition_date": record.edition_date, "run_id": record.run_id}
    return [
        {
            **edition,
            "page_no": issue.page_no,
            "code": issue.code,
            "severity": issue.severity,
            "message": issue.message,
        }
        for issue in record.issues
    ]


def _utc(moment: dt.datetime) -> dt.datetime:
    """An aware datetime in UTC; a naive one is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
