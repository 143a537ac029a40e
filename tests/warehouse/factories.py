"""Records to load: small, deterministic, and as many as a test asks for."""

from __future__ import annotations

import datetime as dt

from transforms.records import Author, EditionRecord, Fragment, PageRow, QualityIssue, StitchedArticle

PAPER = "yzb"
DAY = dt.date(2025, 12, 18)
FETCHED_AT = dt.datetime(2025, 12, 18, 6, 30, tzinfo=dt.UTC)
HOST = "https://epaper.example/yzb/html/2025-12/18"


def make_article(
    number: int, *, paper_id: str = PAPER, edition_date: dt.date = DAY, fragments: int = 2, authors: int = 2
) -> StitchedArticle:
    """An article spanning `fragments` pages, credited to `authors` people."""
    pages = tuple(range(1, fragments + 1))
    return StitchedArticle(
        article_id=f"{paper_id}-{edition_date:%Y%m%d}-{number:04d}",
        page_no=pages[0],
        pages=pages,
        kicker="聚焦" if number % 2 else None,
        title=f"第{number}篇：渝中区推进城市更新",
        subtitle=None,
        byline=f"本报记者 李一 王二 {number}",
        authors=tuple(Author(name=f"记者{number}-{i}", role="记者") for i in range(authors)),
        subheads=("一、背景",),
        captions=("▲ 解放碑夜景",),
        paragraphs=("一、背景", f"正文第{number}段。", "第二段，含全角标点！"),
        continuation="stitched" if fragments > 1 else "none",
        source_urls=tuple(f"{HOST}/content_{number}_{page}.htm" for page in pages),
        fragments=tuple(
            Fragment(
                seq=seq,
                page_no=page,
                kind="head" if seq == 0 else "continuation",
                text=f"片段{seq}",
                source_url=f"{HOST}/content_{number}_{page}.htm",
            )
            for seq, page in enumerate(pages)
        ),
        confidence=0.9 if fragments > 1 else None,
    )


def make_record(
    articles: int = 3,
    *,
    paper_id: str = PAPER,
    edition_date: dt.date = DAY,
    status: str = "complete",
    run_id: str = "run-1",
    pages: int = 4,
) -> EditionRecord:
    """An edition with `pages` pages, `articles` articles and one quality issue."""
    return EditionRecord(
        paper_id=paper_id,
        edition_date=edition_date,
        status=status,
        fetched_at=FETCHED_AT,
        run_id=run_id,
        pages=tuple(
            PageRow(page_no=n, page_name=f"第{n}版", url=f"{HOST}/node_{n}.htm", pdf_url=None, status="ok")
            for n in range(1, pages + 1)
        ),
        articles=tuple(
            make_article(n, paper_id=paper_id, edition_date=edition_date) for n in range(articles)
        ),
        issues=(QualityIssue(code="short_body", message="正文过短", page_no=2),),
    )
