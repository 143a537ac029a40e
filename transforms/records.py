"""Typed records passed between the layers. Pure data: no I/O, no behaviour beyond derivation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "ArticleZone",
    "Author",
    "EditionRecord",
    "Fragment",
    "PageListing",
    "PageRef",
    "PageRow",
    "QualityIssue",
    "Segment",
    "StitchedArticle",
]


@dataclass(frozen=True)
class PageRef:
    """A link from one page of an edition to another page of the same edition."""

    page_no: int
    page_name: str  # "综合", "要闻"; "" when the link text names none
    url: str  # absolute


@dataclass(frozen=True)
class PageListing:
    """What a layout adapter reads off one page of an edition (a `node_N.htm`)."""

    page_no: int
    page_name: str
    url: str
    pdf_url: str | None
    pages: tuple[PageRef, ...]  # every page of the edition this page links to, in page order
    article_urls: tuple[str, ...]  # content links in reading order, absolute, without repeats
    other_links: tuple[str, ...] = ()  # hrefs the adapter saw but does not follow (for safety checks)


@dataclass(frozen=True)
class ArticleZone:
    """One article page (`content_*.htm`): the text of a zone an e-paper operator drew on a page."""

    url: str
    page_no: int
    kicker: str  # <h3>, "" when absent
    title: str  # <h1>, "" when the zone has none
    subtitle: str  # <h2>
    author: str  # a byline the page carries outside the body (<h4>, .author), ""
    paragraphs: tuple[str, ...]  # body paragraphs as printed, indentation included


@dataclass(frozen=True)
class Author:
    """A person credited for an article, with a normalised role (记者, 首席记者, 通讯员, 摄影 …)."""

    name: str
    role: str


@dataclass(frozen=True)
class Segment:
    """One article, or one part of an article, as found on one page."""

    title: str
    paragraphs: tuple[str, ...]  # clean body paragraphs, subheads in place
    page_no: int | None = None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    authors: tuple[Author, ...] = ()
    subheads: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    continues_from_page: int | None = None
    continues_to_page: int | None = None
    from_section: str = ""  # the section letter a marker printed (`（上接A1版）`), "" when none
    to_section: str = ""
    source_urls: tuple[str, ...] = ()
    spans: tuple[tuple[str, str], ...] = ()  # (source URL, text): where each run of the body came from

    @property
    def body(self) -> str:
        """Paragraphs joined by newlines, as the contract stores them."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Fragment:
    """Where one part of an article came from."""

    seq: int
    page_no: int | None
    kind: str  # "head" | "continuation"
    text: str
    source_url: str


@dataclass(frozen=True)
class StitchedArticle:
    """A whole article: one segment, or a head and its continuations joined across pages."""

    article_id: str
    page_no: int | None
    pages: tuple[int, ...]
    kicker: str | None
    title: str
    subtitle: str | None
    byline: str | None
    authors: tuple[Author, ...]
    subheads: tuple[str, ...]
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]
    continuation: str  # "none" | "stitched" | "orphan_head" | "orphan_tail"
    source_urls: tuple[str, ...]
    fragments: tuple[Fragment, ...]
    confidence: float | None = None  # stitch confidence, None when not stitched
    evidence: str | None = None  # why the parts were joined (`1→2: title=0.90 continuity=0.60 …`)

    @property
    def body(self) -> str:
        """Paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def char_count(self) -> int:
        """Characters of body text, newlines excluded."""
        return sum(len(p) for p in self.paragraphs)


@dataclass(frozen=True)
class PageRow:
    """One page of an edition as loaded into `pages`."""

    page_no: int
    page_name: str
    url: str
    pdf_url: str | None
    status: str  # "ok" | "failed"


@dataclass(frozen=True)
class QualityIssue:
    """Something worth an analyst's attention that does not change an edition's status."""

    code: str
    message: str
    page_no: int | None = None
    severity: str = "warning"  # "info" | "warning" | "error"


@dataclass(frozen=True)
class EditionRecord:
    """Everything one run learned about one edition, ready to load in one transaction."""

    paper_id: str
    edition_date: dt.date
    status: str  # "complete" | "partial" | "not_published" | "failed"
    fetched_at: dt.datetime
    run_id: str
    pages: tuple[PageRow, ...] = ()
    articles: tuple[StitchedArticle, ...] = ()
    issues: tuple[QualityIssue, ...] = field(default_factory=tuple)
