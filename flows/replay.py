"""Replay an edition from the raw archive: the same answers the site gave, with no network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flows.archive import ArchiveSource, RawArchive
from flows.pipeline import Edition, EditionContext, assemble_edition, fetch_page, fetch_pages
from flows.registry import Paper
from transforms.layouts import get_layout

__all__ = ["replay_edition"]


def replay_edition(home: Path, paper: Paper, date: dt.date, run_id: str) -> Edition:
    """Rebuild one edition from the archive, page by page, with no network and no orchestration.

    Runs in worker processes during a reprocess: its arguments and result are plain picklable values.
    """
    archive = RawArchive(home / "raw")
    source = ArchiveSource.for_edition(archive, paper.paper_id, date, paper.host)
    ctx = EditionContext(source, None, get_layout(paper.layout), paper, date)
    pages = fetch_pages(ctx, lambda refs: [fetch_page(ctx, r.url, r.page_no, r.page_name) for r in refs])
    return assemble_edition(paper, date, run_id, pages, dt.datetime.now(dt.UTC), source.retries)
