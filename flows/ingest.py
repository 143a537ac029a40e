"""Prefect flows: one flow run per edition, a parent flow for a date range, a daily flow, publish.

Tasks are per page (fetching is I/O and runs concurrently within the paper's connection limit),
never per article. The logic lives in `flows.pipeline` and `warehouse`; these wrappers stay thin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import uuid
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows.archive import ArchiveSource, RawArchive
from flows.fetch import Fetcher, FetchPolicy
from flows.locks import paper_lock
from flows.pipeline import Edition, EditionContext, PageResult, assemble_edition, fetch_page, fetch_pages
from flows.progress import Progress
from flows.registry import Paper, get_paper, resolve_home, resolve_keep
from flows.replay import replay_edition
from flows.report import artifact_key, edition_markdown, edition_table
from transforms.layouts import get_layout
from transforms.records import PageRef, QualityIssue
from warehouse.load import finish_run, load_editions, start_run, stored_status, upsert_paper, usual_article_count
from warehouse.schema import connect, migrate
from warehouse.snapshot import publish

__all__ = ["EditionSummary", "daily", "ingest_edition", "ingest_range", "publish_snapshot", "reprocess_range"]

# Editions loaded per transaction when reprocessing: one transaction per edition costs more than parsing it.
REPROCESS_LOAD_BATCH = 64
# Editions handed to a reprocess worker at a time: large enough to amortise process round trips.
REPROCESS_CHUNK = 8
# Pages fetched at once; the Fetcher's per-host limits still apply inside.
PAGE_WORKERS = 4


@dataclass(frozen=True)
class EditionSummary:
    """What one edition run produced, for the CLI summary and the runs table."""

    paper_id: str
    edition_date: dt.date
    status: str
    pages: int
    articles: int
    stitched: int
    orphans: int
    warnings: int
    retries: int

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (Prefect results, CLI output)."""
        return {**self.__dict__, "edition_date": self.edition_date.isoformat()}


@task(name="fetch-page", cache_policy=NO_CACHE, task_run_name="fetch page {page_no}")
def fetch_page_task(ctx: EditionContext, url: str, page_no: int, page_name: str) -> PageResult:
    """Fetch and segment one page (retries happen per request inside the Fetcher)."""
    return fetch_page(ctx, url, page_no, page_name)


# An edition with fewer articles than this share of the median of the paper's recent editions is flagged.
SMALL_EDITION_SHARE = 0.3
USUAL_EDITIONS = 30
# A run that got nothing usable never replaces an edition stored with articles.
KEEP_STORED_OVER = {"failed": {"complete", "partial"}}


# Another paper's run may hold the DuckDB file for a moment; the load is one idempotent transaction.
LOAD_RETRIES = 3
LOAD_RETRY_DELAY_S = 2


@task(name="load-edition", cache_policy=NO_CACHE, retries=LOAD_RETRIES, retry_delay_seconds=LOAD_RETRY_DELAY_S)
def load_task(home: Path, paper: Paper, edition: Edition) -> bool:
    """Load one edition, holding the file only while loading; False when the stored edition is kept."""
    with connect(home / "warehouse.duckdb") as con:
        migrate(con)
        return store_edition(con, paper, edition)


def store_edition(con: duckdb.DuckDBPyConnection, paper: Paper, edition: Edition) -> bool:
    """Load one edition in one transaction unless it would replace a better stored one; False when kept."""
    return not store_editions(con, paper, [edition])


def store_editions(con: duckdb.DuckDBPyConnection, paper: Paper, editions: Sequence[Edition]) -> list[dt.date]:
    """Load editions in one transaction, except those that would replace a better stored one (returned)."""
    upsert_paper(con, paper.paper_id, paper.name, paper.layout, paper.edition_url, paper.timezone)
    editions = [_with_size_check(con, edition) for edition in editions]
    kept = [
        e.record for e in editions
        if stored_status(con, e.record.paper_id, e.record.edition_date) in KEEP_STORED_OVER.get(e.record.status, ())
    ]
    load_editions(con, [e.record for e in editions if e.record not in kept])
    return [record.edition_date for record in kept]


@flow(name="ingest-edition", task_runner=ThreadPoolTaskRunner(max_workers=PAGE_WORKERS),  # type: ignore[arg-type]
      flow_run_name="{paper} {date}")
def ingest_edition(
    paper: str, date: dt.date, home: str | None = None, papers: str | None = None, run_id: str | None = None
) -> dict[str, Any]:
    """Fetch, clean, segment, stitch and load one edition; returns its summary."""
    entry = get_paper(paper, papers)
    root = resolve_home(home)
    if run_id is None:  # a run of its own, not a child of ingest-range (which holds the lock)
        with paper_lock(root, entry.paper_id):
            return _ingest_edition(entry, date, root, _new_run_id())
    return _ingest_edition(entry, date, root, run_id)


def _ingest_edition(entry: Paper, date: dt.date, root: Path, run_id: str) -> dict[str, Any]:
    """The edition flow's work, under the paper's lock."""
    logger = get_run_logger()
    paper = entry.paper_id
    archive = RawArchive(root / "raw")
    fetched_at = dt.datetime.now(dt.UTC)
    policy = FetchPolicy(requests_per_second=entry.requests_per_second, max_connections=entry.max_connections)
    prior = ArchiveSource.for_edition(archive, entry.paper_id, date, entry.host)
    with Fetcher(entry.host, policy=policy) as fetcher:
        results = _fetch_edition(EditionContext(fetcher, archive, get_layout(entry.layout), entry, date, prior))
    edition = assemble_edition(entry, date, run_id, results, fetched_at, fetcher.retries)
    if not load_task(root, entry, edition):
        logger.warning("%s %s: this run got nothing usable; the stored edition is kept", paper, date)
    create_markdown_artifact(edition_markdown(edition), key=artifact_key(paper, date.isoformat()),
                             description=f"{paper} {date}: {edition.record.status}")
    create_table_artifact(edition_table(edition), key=f"{artifact_key(paper, date.isoformat())}-articles",
                          description=f"{paper} {date}: articles")
    summary = _summary(edition)
    logger.info("%s %s: %s, %d pages, %d articles, %d stitched, %d warnings", paper, date, summary.status,
                summary.pages, summary.articles, summary.stitched, summary.warnings)
    return summary.as_dict()


def _fetch_edition(ctx: EditionContext) -> list[PageResult]:
    """Every page of the edition, one task per page, fetched concurrently."""
    def concurrently(refs: Sequence[PageRef]) -> list[PageResult]:
        futures = [fetch_page_task.submit(ctx, ref.url, ref.page_no, ref.page_name) for ref in refs]
        return [future.result() for future in futures]

    return fetch_pages(ctx, concurrently)


def _summary(edition: Edition) -> EditionSummary:
    """Figures of one edition run."""
    record = edition.record
    return EditionSummary(
        paper_id=record.paper_id,
        edition_date=record.edition_date,
        status=record.status,
        pages=len(record.pages),
        articles=len(record.articles),
        stitched=edition.stitched,
        orphans=edition.orphans,
        warnings=len(edition.warnings),
        retries=edition.retries,
    )


def _new_run_id() -> str:
    """A run id: sortable UTC time plus a random suffix."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def _dates(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from start to end inclusive."""
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


@flow(name="ingest-range", flow_run_name="{paper} {start}..{end}")
def ingest_range(
    paper: str, start: dt.date, end: dt.date, home: str | None = None, papers: str | None = None,
    publish_after: bool = True, progress: bool = False,
) -> list[dict[str, Any]]:
    """Ingest every edition from start to end (inclusive), one child flow run each, then publish.

    `progress` draws a progress bar on stderr (the command line asks for it on ranges).
    """
    logger = get_run_logger()
    entry = get_paper(paper, papers)
    root = resolve_home(home)
    dates = _dates(start, end)
    run_id = _new_run_id()
    started = dt.datetime.now(dt.UTC)
    with paper_lock(root, entry.paper_id):
        with connect(root / "warehouse.duckdb") as con:
            migrate(con)
            start_run(con, run_id, str(flow_run.get_id() or ""), entry.paper_id, started)
        summaries: list[dict[str, Any]] = []
        bar = Progress(len(dates) if progress else 0)
        for date in dates:
            try:
                summaries.append(
                    ingest_edition(paper, date, home=str(root), papers=papers, run_id=run_id)
                )
            except Exception as exc:  # one edition failing never stops the others
                logger.error("%s %s failed: %s", paper, date, exc)
                summaries.append(_failed(paper, date))
            bar.advance(f"{paper} {date} {summaries[-1]['status']}")
        status = "complete" if all(s["status"] in ("complete", "not_published") for s in summaries) else "partial"
        with connect(root / "warehouse.duckdb") as con:
            finish_run(con, run_id, dt.datetime.now(dt.UTC), status, _counts(summaries))
    if publish_after:
        publish_snapshot(home=str(root))
    return summaries


def _failed(paper: str, date: dt.date) -> dict[str, Any]:
    """The summary of an edition whose run raised."""
    return EditionSummary(paper, date, "failed", 0, 0, 0, 0, 1, 0).as_dict()


def _counts(summaries: list[dict[str, Any]]) -> dict[str, int]:
    """Totals for the runs table."""
    def count(status: str) -> int:
        return sum(1 for s in summaries if s["status"] == status)

    return {
        "editions_requested": len(summaries),
        "editions_complete": count("complete"),
        "editions_partial": count("partial"),
        "editions_failed": count("failed"),
        "editions_not_published": count("not_published"),
        **{key: sum(int(s[key]) for s in summaries)
           for key in ("pages", "articles", "stitched", "orphans", "warnings", "retries")},
    }


@flow(name="reprocess", flow_run_name="{paper} {start}..{end} from the archive")
def reprocess_range(
    paper: str, start: dt.date, end: dt.date, home: str | None = None, papers: str | None = None,
    workers: int | None = None,
) -> list[dict[str, Any]]:
    """Rebuild editions from the raw archive with no network, in parallel processes, then publish.

    Unlike ingest-range there is no child flow run per edition: a decade of editions is a batch job,
    parsed by `workers` processes (default: one per core) and loaded through one connection.
    """
    logger = get_run_logger()
    entry = get_paper(paper, papers)
    root = resolve_home(home)
    dates = _dates(start, end)
    run_id = _new_run_id()
    summaries: list[dict[str, Any]] = []
    with paper_lock(root, entry.paper_id), connect(root / "warehouse.duckdb") as con:
        migrate(con)
        start_run(con, run_id, str(flow_run.get_id() or ""), entry.paper_id, dt.datetime.now(dt.UTC))
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            jobs = pool.map(replay_edition, *zip(*((root, entry, d, run_id) for d in dates), strict=True),
                            chunksize=REPROCESS_CHUNK)
            for batch in _batched(jobs, REPROCESS_LOAD_BATCH):
                for date in store_editions(con, entry, batch):
                    logger.warning("%s %s: nothing usable in the archive; the stored edition is kept", paper, date)
                summaries.extend(_summary(edition).as_dict() for edition in batch)
        status = "complete" if all(s["status"] in ("complete", "not_published") for s in summaries) else "partial"
        finish_run(con, run_id, dt.datetime.now(dt.UTC), status, _counts(summaries))
    publish_snapshot(home=str(root))
    return summaries


def _with_size_check(con: duckdb.DuckDBPyConnection, edition: Edition) -> Edition:
    """Flag an edition far smaller than the paper's usual (pages or articles lost upstream)."""
    record = edition.record
    if record.status not in ("complete", "partial"):
        return edition
    usual = usual_article_count(con, record.paper_id, record.edition_date, USUAL_EDITIONS)
    if usual is None or len(record.articles) >= usual * SMALL_EDITION_SHARE:
        return edition
    issue = QualityIssue("small_edition", f"{len(record.articles)} articles; the last {USUAL_EDITIONS} editions "
                         f"had {usual:g} at the median")
    return dataclasses.replace(edition, record=dataclasses.replace(record, issues=(*record.issues, issue)),
                               warnings=(*edition.warnings, issue))


def _batched(items: Iterable[Edition], size: int) -> Iterator[list[Edition]]:
    """Lists of up to `size` items, in order (itertools.batched needs Python 3.12)."""
    batch: list[Edition] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@flow(name="publish-snapshot")
def publish_snapshot(home: str | None = None, keep: int | None = None) -> str:
    """Publish a fresh Parquet snapshot of the warehouse, keeping the newest `keep`; returns its folder."""
    root = resolve_home(home)
    return str(publish(root / "warehouse.duckdb", root, keep=resolve_keep(keep)))


@flow(name="daily", flow_run_name="{paper} daily")
def daily(paper: str, home: str | None = None, papers: str | None = None) -> list[dict[str, Any]]:
    """Ingest today's edition (today in the paper's time zone) and publish."""
    entry = get_paper(paper, papers)
    today = entry.today()
    return ingest_range(paper, today, today, home=home, papers=papers)
