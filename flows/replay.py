"""Replay an edition from the raw archive: the same answers the site gave, with no network."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flows.archive import RawArchive
from flows.fetch import FetchError, FetchResult
from flows.pipeline import Edition, EditionContext, assemble_edition, fetch_page, fetch_pages
from flows.registry import Paper
from transforms.layouts import get_layout

__all__ = ["ArchiveSource", "replay_edition"]


@dataclass(frozen=True)
class _Logged:
    """The newest logged answer for one URL."""

    final_url: str
    status: int
    headers: dict[str, str]
    sha256: str


@dataclass(frozen=True)
class ArchiveSource:
    """A page source answering from an edition's fetch log and the archived bodies."""

    archive: RawArchive
    answers: dict[str, _Logged]
    host: str
    retries: int = 0

    @classmethod
    def for_edition(cls, archive: RawArchive, paper_id: str, date: dt.date, host: str) -> ArchiveSource:
        """Read the edition's fetch log; the newest answer per URL wins."""
        path = archive.root / "log" / paper_id / f"{date.isoformat()}.jsonl"
        answers: dict[str, _Logged] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                answers[entry["url"]] = _Logged(entry["final_url"], int(entry["status"]), entry["headers"],
                                                entry["sha256"])
        return cls(archive, answers, host)

    def is_allowed(self, url: str) -> bool:
        """The same rule as live fetching: http(s) on the paper's own host."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host and not parts.username

    def fetch(self, url: str) -> FetchResult:
        """The archived answer for a URL; FetchError when the archive never saw it."""
        logged = self.answers.get(url)
        if logged is None:
            raise FetchError(url, "not in the raw archive")
        body = self.archive.get(logged.sha256)
        return FetchResult(url, logged.final_url, logged.status, logged.headers, body, 0.0, 0)


def replay_edition(home: Path, paper: Paper, date: dt.date, run_id: str) -> Edition:
    """Rebuild one edition from the archive, page by page, with no network and no orchestration.

    Runs in worker processes during a reprocess: its arguments and result are plain picklable values.
    """
    archive = RawArchive(home / "raw")
    source = ArchiveSource.for_edition(archive, paper.paper_id, date, paper.host)
    ctx = EditionContext(source, None, get_layout(paper.layout), paper, date)
    pages = fetch_pages(ctx, lambda refs: [fetch_page(ctx, r.url, r.page_no, r.page_name) for r in refs])
    return assemble_edition(paper, date, run_id, pages, dt.datetime.now(dt.UTC), source.retries)
