"""The edition summary shown in the Prefect UI: newspaper text is escaped, warnings link to their pages."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from flows.pipeline import Edition
from flows.report import artifact_key, edition_markdown, edition_table, escape_markdown
from transforms.records import EditionRecord, PageRow, QualityIssue


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("渝中区“暖冬行动”", "渝中区“暖冬行动”"),
        ("*重要* [链接](javascript:x)", "\\*重要\\* \\[链接\\]\\(javascript:x\\)"),
        ("# 标题\n第二行", "\\# 标题 第二行"),
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
        ("a|b", "a\\|b"),
    ],
)
def test_escape_markdown(raw: str, expected: str) -> None:
    assert escape_markdown(raw) == expected


def test_artifact_key_is_safe_and_stable() -> None:
    assert artifact_key("YZB_1", "2025-12-18") == "edition-yzb-1-2025-12-18"


def test_warnings_link_to_their_pages() -> None:
    record = EditionRecord(
        "yzb", dt.date(2025, 12, 18), "partial", dt.datetime(2025, 12, 18, tzinfo=dt.UTC), "r",
        pages=(PageRow(3, "社会", "http://127.0.0.1/node_3.htm", None, "failed"),),
    )
    issue = QualityIssue("page_fetch_failed", "page 3 *could not* be read", 3, "error")
    markdown = edition_markdown(Edition(record, 0, 0, 2, (issue,)))
    assert "[page 3](http://127.0.0.1/node_3.htm)" in markdown
    assert "page 3 \\*could not\\* be read" in markdown
    assert edition_table(Edition(record, 0, 0)) == []


def test_an_article_printed_twice_is_flagged() -> None:
    from flows.pipeline import _duplicate_issues
    from tests.warehouse.factories import make_article

    article = make_article(1)
    twice = (article, dataclasses.replace(article, article_id="other", page_no=3,
                                          paragraphs=article.paragraphs * 10))
    assert _duplicate_issues(twice) == []  # different bodies
    body = ("本报讯 这是一篇足够长的正文，" * 5,)
    same = (dataclasses.replace(article, paragraphs=body), dataclasses.replace(article, page_no=3, paragraphs=body))
    assert [i.code for i in _duplicate_issues(same)] == ["duplicate_article"]
