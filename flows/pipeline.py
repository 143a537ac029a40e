"""One edition, step by step, without Prefect: fetch pages and articles, parse, segment, stitch.

The Prefect flows in `flows.ingest` wrap these functions in tasks; tests and the reprocess path
call them directly. Fetching goes through a Fetcher (httpx) and every body lands in the raw archive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from flows.archive import ArchiveSource, RawArchive
from flows.fetch import FetchError, FetchResult
from flows.registry import Paper
from transforms.encoding import decode_html
from transforms.layouts import Layout, LayoutError
from transforms.records import (
    ArticleZone,
    EditionRecord,
    PageListing,
    PageRef,
    PageRow,
    QualityIssue,
    Segment,
    StitchedArticle,
)
from transforms.segment import segment_zones
from transforms.stitch import stitch

__all__ = [
    "NOT_PUBLISHED_STATUSES", "Edition", "EditionContext", "PageResult", "Source", "assemble_edition", "fetch_page",
    "fetch_pages",
]

# The edition's first page answering one of these means the paper did not publish that day.
NOT_PUBLISHED_STATUSES = frozenset({404, 410})
# Bodies this long that are identical are the same article printed twice, not two short notices.
MIN_DUPLICATE_BODY_CHARS = 50
# How far to look for a readable page when page 1 cannot be read.
MAX_GUESSED_PAGES = 8
# An article body shorter than this (characters) is flagged: a zone with almost no text.
MIN_BODY_CHARS = 20


class Source(Protocol):
    """Where pages come from: the live site (flows.fetch.Fetcher) or the raw archive (reprocess)."""

    @property
    def retries(self) -> int:
        """Retries made so far."""
        ...

    def is_allowed(self, url: str) -> bool:
        """Whether a URL is on the paper's own host and may be fetched."""
        ...

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """The final answer for a URL (304 when the validators still match), or FetchError."""
        ...


@dataclass(frozen=True)
class PageResult:
    """One page fetched and segmented: its row, its listing, its article parts and its problems."""

    page: PageRow
    listing: PageListing | None
    segments: tuple[Segment, ...]
    issues: tuple[QualityIssue, ...]
    failures: int  # the page itself or its articles that could not be fetched or parsed
    http_status: int | None = None


@dataclass(frozen=True)
class Edition:
    """The record to load and the figures to report."""

    record: EditionRecord
    stitched: int
    orphans: int
    retries: int = 0
    warnings: tuple[QualityIssue, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EditionContext:
    """What every fetch of one edition needs: where pages come from, where bodies go, how to read them."""

    source: Source
    archive: RawArchive | None  # None when replaying from the archive
    layout: Layout
    paper: Paper
    date: dt.date
    prior: ArchiveSource | None = None  # what an earlier run of this edition got: revalidated, not refetched


def _get(ctx: EditionContext, url: str) -> tuple[FetchResult, str | None]:
    """Fetch a URL (conditionally when an earlier run got it), archive its body and log the fetch; decode a 200."""
    known = ctx.prior.answers.get(url) if ctx.prior is not None else None
    validators = (known.headers.get("etag"), known.headers.get("last-modified")) if known else (None, None)
    result = ctx.source.fetch(url, etag=validators[0], last_modified=validators[1])
    revalidated = result.not_modified and ctx.prior is not None and known is not None
    if revalidated:  # 304: the body the archive already holds is still current
        assert ctx.prior is not None
        result = dataclasses.replace(ctx.prior.fetch(url), attempts=result.attempts, elapsed=result.elapsed)
    text, encoding = (None, None)
    if result.status == 200:
        text, encoding = decode_html(result.body, result.content_type, override=ctx.paper.encoding)
    if ctx.archive is None:  # replaying: the archive already holds this answer
        return result, text
    digest = ctx.archive.put(result.body)
    ctx.archive.log(
        ctx.paper.paper_id,
        ctx.date,
        {
            "url": url,
            "final_url": result.final_url,
            "status": result.status,
            "headers": dict(result.headers),
            "encoding": encoding,
            "sha256": digest,
            "attempts": result.attempts,
            "not_modified": revalidated,
            "fetched_at": dt.datetime.now(dt.UTC).isoformat(),
        },
    )
    return result, text


def fetch_page(ctx: EditionContext, url: str, page_no: int, page_name: str = "") -> PageResult:
    """Fetch one page and its articles, segment the page; failures become issues, never exceptions."""
    try:
        result, html = _get(ctx, url)
        listing = ctx.layout.parse_page(html, result.final_url) if html is not None else None
    except (FetchError, LayoutError) as exc:
        return _failed_page(url, page_no, page_name, f"page {page_no} could not be read: {exc}")
    if listing is None or html is None:
        failed = _failed_page(url, page_no, page_name, f"page {page_no} answered HTTP {result.status}")
        return PageResult(failed.page, None, (), failed.issues, 1, http_status=result.status)
    issues = list(_link_issues(ctx.source, listing))
    issues.extend(_decoding_issues(html, listing.page_no, url))
    zones: list[ArticleZone] = []
    failures = 0
    for article_url in listing.article_urls:
        if not ctx.source.is_allowed(article_url):
            continue
        zone, problems = _fetch_article(ctx, article_url, listing.page_no)
        if zone is None:
            failures += 1
        else:
            zones.append(zone)
        issues.extend(problems)
    segmented = segment_zones(zones, page_no=listing.page_no)
    issues.extend(_short_body_issues(segmented.segments))
    if not segmented.segments:
        issues.append(QualityIssue("page_without_articles", f"page {listing.page_no} yielded no articles",
                                   listing.page_no))
    row = PageRow(listing.page_no, listing.page_name or page_name, url, listing.pdf_url,
                  "ok" if failures == 0 else "partial")
    return PageResult(row, listing, segmented.segments, tuple(issues), failures, http_status=result.status)


def fetch_pages(
    ctx: EditionContext, fetch_many: Callable[[Sequence[PageRef]], list[PageResult]]
) -> list[PageResult]:
    """Page 1 first (it lists the others), then every other page through `fetch_many` (sequential or concurrent).

    When page 1 cannot be read (but exists), the next pages are tried where the layout says they
    should be, and the first one that can be read lists the rest: the inner pages' continuations are
    kept as orphans instead of the whole edition being lost.
    """
    first_url = ctx.paper.url_for(ctx.date)
    (first,) = fetch_many([PageRef(1, "", first_url)])
    found = [first]
    listing = first.listing
    if listing is None and first.http_status not in NOT_PUBLISHED_STATUSES:
        for page_no in range(2, MAX_GUESSED_PAGES + 1):
            url = ctx.layout.guess_page_url(first_url, page_no)
            if url is None:
                break
            (page,) = fetch_many([PageRef(page_no, "", url)])
            found.append(page)
            listing = page.listing
            if listing is not None or page.http_status in NOT_PUBLISHED_STATUSES:
                break
    if listing is None:
        return found
    tried_urls = {page.page.url for page in found}
    read_pages = {page.page.page_no for page in found if page.listing is not None}
    others = [p for p in listing.pages if p.url not in tried_urls and p.page_no not in read_pages]
    return [*found, *fetch_many(others)]


def _fetch_article(ctx: EditionContext, url: str, page_no: int) -> tuple[ArticleZone | None, list[QualityIssue]]:
    """Fetch and parse one article page: the zone (None when it could not be had) and its issues."""
    try:
        result, html = _get(ctx, url)
        zone = ctx.layout.parse_article(html, result.final_url, page_no) if html is not None else None
    except (FetchError, LayoutError) as exc:
        return None, [QualityIssue("article_fetch_failed", f"{url}: {exc}", page_no, "error")]
    if zone is None or html is None:
        return None, [QualityIssue("article_fetch_failed", f"{url}: HTTP {result.status}", page_no, "error")]
    return zone, _decoding_issues(html, page_no, url)


def _failed_page(url: str, page_no: int, page_name: str, message: str) -> PageResult:
    """A page that could not be had: a failed row and an error issue."""
    row = PageRow(page_no, page_name, url, None, "failed")
    return PageResult(row, None, (), (QualityIssue("page_fetch_failed", message, page_no, "error"),), 1)


def _link_issues(fetcher: Source, listing: PageListing) -> list[QualityIssue]:
    """Links the page offers that point off the paper's host: recorded, never requested."""
    skipped = [u for u in (*listing.article_urls, *listing.other_links) if not fetcher.is_allowed(u)]
    return [
        QualityIssue("skipped_off_host_link", f"not fetched (off the paper's host): {u}", listing.page_no, "info")
        for u in dict.fromkeys(skipped)
        if urlsplit(u).scheme in ("http", "https", "file", "data", "javascript", "ftp") or not urlsplit(u).scheme
    ]


def _decoding_issues(text: str, page_no: int, url: str) -> list[QualityIssue]:
    """U+FFFD after decoding means bytes were lost to a wrong or broken encoding."""
    count = text.count("\ufffd")
    if not count:
        return []
    return [QualityIssue("replacement_characters", f"{url}: {count} undecodable characters", page_no)]


def _short_body_issues(segments: Sequence[Segment]) -> list[QualityIssue]:
    """Articles with (almost) no body text."""
    return [
        QualityIssue("short_body", f"article {s.title or '(untitled)'!r} has {len(s.body)} characters",
                     s.page_no)
        for s in segments
        if len(s.body) < MIN_BODY_CHARS and s.continues_to_page is None
    ]


def assemble_edition(
    paper: Paper,
    date: dt.date,
    run_id: str,
    pages: Sequence[PageResult],
    fetched_at: dt.datetime,
    retries: int = 0,
) -> Edition:
    """Stitch the pages' segments into articles and decide the edition's status."""
    ordered = sorted(pages, key=lambda p: p.page.page_no)
    first = next((p for p in ordered if p.page.page_no == min(q.page.page_no for q in ordered)), None)
    if first is not None and first.http_status in NOT_PUBLISHED_STATUSES and len(ordered) == 1:
        record = EditionRecord(paper.paper_id, date, "not_published", fetched_at, run_id)
        return Edition(record, 0, 0, retries)
    segments = [s for p in ordered for s in p.segments]
    result = stitch(segments, scope=f"{paper.paper_id}:{date.isoformat()}")
    issues = [i for p in ordered for i in p.issues] + list(result.issues) + _duplicate_issues(result.articles)
    status = _status(ordered, segments)
    record = EditionRecord(
        paper_id=paper.paper_id,
        edition_date=date,
        status=status,
        fetched_at=fetched_at,
        run_id=run_id,
        pages=tuple(p.page for p in ordered),
        articles=result.articles,
        issues=tuple(issues),
    )
    stitched = sum(1 for a in result.articles if a.continuation == "stitched")
    orphans = sum(1 for a in result.articles if a.continuation.startswith("orphan"))
    warnings = tuple(i for i in issues if i.severity != "info")
    return Edition(record, stitched, orphans, retries, warnings)


def _duplicate_issues(articles: Sequence[StitchedArticle]) -> list[QualityIssue]:
    """Articles printed twice in one edition (the same body on two pages, a zone listed twice)."""
    seen: dict[str, StitchedArticle] = {}
    issues = []
    for article in articles:
        key = "".join(article.body.split())
        if len(key) < MIN_DUPLICATE_BODY_CHARS:
            continue
        if key in seen:
            first = seen[key]
            issues.append(QualityIssue(
                "duplicate_article",
                f"{article.title or '(untitled)'!r} on page {article.page_no} repeats the body of "
                f"{first.title or '(untitled)'!r} on page {first.page_no}",
                article.page_no,
            ))
        else:
            seen[key] = article
    return issues


def _status(pages: Sequence[PageResult], segments: Sequence[Segment]) -> str:
    """complete, partial (something could not be fetched) or failed (nothing usable)."""
    if not segments:
        return "failed"
    return "partial" if any(p.failures for p in pages) else "complete"
