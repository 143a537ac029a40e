"""A paper with lettered sections (A1…A2, B1…B2): pages that share a number stay apart, and jumps
with and without a section letter are stitched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_registry
from tests.httpserver import serve
from tests.sitebuilder import Article, Page, write_edition

pytestmark = pytest.mark.slow

DATE = dt.date(2025, 3, 4)
TO_B = Article(11, "新区建设提速 重点工程全面复工", (
    "本报讯（记者 王 静）新区12个重点工程日前全面复工，施工现场塔吊林立、车辆往来。",
    "据介绍，今年新区计划完成投资120亿元，重点工程复工率已达100%，一批道路、学校和医院项目(下转B2版)",
))
TO_A2 = Article(12, "春季植树活动启动", (
    "本报讯（记者 徐 潇）春季义务植树活动日前启动，全区将新增绿地30公顷，栽植乔木1.2万株，",
    "各街道陆续组织党员、志愿者和居民参与植树，(下转2版)",
))
A2_TAIL = Article(21, "", ("(上接1版)在公园、河岸和社区空地上种下香樟、银杏等树苗，为城市增添一抹新绿。",))
B1_OTHER = Article(31, "社区图书馆周末延时开放", ("本报讯（通讯员 周 颖）社区图书馆即日起周末延时至晚上8点。",))
B2_TAIL = Article(41, "新区建设提速 重点工程全面复工", (
    "（上接A1版）将于年内建成投用。新区管委会相关负责人表示，将全力保障重点工程建设，加快形成新的增长点。",
))
PAGES = (
    Page(1, "要闻", (TO_B, TO_A2), label="A1"),
    Page(2, "综合", (A2_TAIL,), label="A2"),
    Page(3, "社区", (B1_OTHER,), label="B1"),
    Page(4, "城建", (B2_TAIL,), label="B2"),
)


def test_lettered_pages_stay_apart_and_jumps_stitch(prefect_harness: None, tmp_path: Path) -> None:
    from flows.ingest import ingest_range

    write_edition(tmp_path / "site", "tst", DATE, PAGES)
    with serve(tmp_path / "site") as server:
        papers = write_registry(tmp_path / "papers.toml", server.base_url, site_path="tst")
        (summary,) = ingest_range("yzb", DATE, DATE, home=str(tmp_path / "home"), papers=str(papers))
    assert summary["status"] == "complete"
    with duckdb.connect(str(tmp_path / "home" / "warehouse.duckdb"), read_only=True) as con:
        pages = con.execute("SELECT page_no, page_name FROM pages ORDER BY page_no").fetchall()
        stitched = dict(con.execute("SELECT title, pages FROM articles WHERE continuation = 'stitched'").fetchall())
    assert pages == [(101, "A1 要闻"), (102, "A2 综合"), (201, "B1 社区"), (202, "B2 城建")]
    assert stitched == {TO_B.title: [101, 202], TO_A2.title: [101, 102]}
