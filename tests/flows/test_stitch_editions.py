"""Cross-page stitching on editions built as fixture sites and ingested through the real flow.

Three editions: one with reversed untitled tails, a shortened continuation title, Chinese-numeral
markers and a 1→2→3 chain; one whose inner page cannot be fetched (orphan heads); one whose page-1
articles cannot be fetched (orphan tails). Precision and recall of the stitch links are computed
over all of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import write_registry
from tests.httpserver import serve
from tests.sitebuilder import Article, Page, write_edition

pytestmark = pytest.mark.slow

STITCH, MISSING_INNER, MISSING_HEADS = dt.date(2025, 1, 6), dt.date(2025, 1, 7), dt.date(2025, 1, 8)
MISSING_FRONT = dt.date(2025, 1, 9)

HOUSING = Article(101, "南纪门街道老旧小区改造全面完工", (
    "本报讯（记者 王 静）日前，南纪门街道12个老旧小区改造项目全面完工，惠及居民2300余户。",
    "改造中，街道统筹推进加装电梯、雨污分流、管网更新和外墙整治，小区面貌焕然一新。居民们纷纷表示，(下转2版)",
))
CULTURE = Article(102, "区文旅委推出冬季文旅消费季活动", (
    "本报讯（记者 徐 潇）为激发冬季文旅消费活力，区文旅委日前推出冬季文旅消费季，推出演出、展览、夜游等活动80余场。",
    "消费季期间，全区各大景区(下转2版)",
))
SCIENCE = Article(103, "我区科技型企业数量突破三千家 创新主体活力持续增强", (
    "本报讯（记者 李佳佳）记者从区科技局获悉，截至11月底，我区科技型企业数量达3012家，同比增长18%。",
    "一批科技型企业加大研发投入，研发经费支出持续增长，科技成果转化步伐加快，（下转第三版）",
))
RIVER = Article(104, "两江四岸治理提升工程加快推进", (
    "本报讯（记者 黄清娟）两江四岸治理提升工程加快推进，滨江步道、消落带生态修复和江岸绿化同步实施。",
    "目前，嘉陵江滨江步道已完成主体施工，长江沿线消落带修复工程进入(下转2版)",
))
BRIEF = Article(105, "区图书馆延长冬季开放时间", (
    "本报讯（记者 陈 曦）即日起，区图书馆每日开放时间延长至晚上9点，方便市民冬夜阅读。",
))
CULTURE_TAIL = Article(201, "", (
    "(上接1版)推出门票优惠，部分景区对持本地身份证的市民免票开放。演出、展览、夜游等文旅活动将贯穿整个冬季，",
    "区文旅委相关负责人表示，将持续丰富文旅消费场景，让市民游客在冬季文旅消费季中乐享山城冬日。",
))
HOUSING_TAIL = Article(202, "", (
    "(上接1版)“电梯装好了，雨污分流也做了，老小区住得越来越舒心。”南纪门街道居民刘大爷说。",
    "下一步，南纪门街道将建立老旧小区改造后的长效管理机制，引导居民参与小区自治。",
))
RIVER_MIDDLE = Article(203, "", (
    "（上接第一版）收尾阶段。两江四岸治理提升工程将江岸绿化与消落带生态修复结合，新增滨江步道4公里，",
    "沿线还将配套建设观景平台和休闲驿站，(下转3版)",
))
OTHER_2 = Article(204, "区人社局开展就业援助月活动", (
    "本报讯（记者 姚延洋）区人社局日前启动就业援助月活动，为困难群体提供岗位信息。",
))
SCIENCE_TAIL = Article(301, "我区科技型企业数量突破三千家", (
    "（上接第一版）科技型企业已成为我区经济高质量发展的重要力量。区科技局将继续加大研发投入支持力度，",
    "推动更多科技型企业成长为高新技术企业。",
))
RIVER_END = Article(302, "", (
    "(上接2版)让市民在滨江步道上近距离感受两江四岸的山水之美。两江四岸治理提升工程预计明年全面完工。",
))
OTHER_3 = Article(303, "社区医院开设夜间门诊", (
    "本报讯（通讯员 周 颖）大坪社区医院日前开设夜间门诊，方便上班族就医。",
))

EDITION = (
    Page(1, "要闻", (HOUSING, CULTURE, SCIENCE, RIVER, BRIEF)),
    Page(2, "综合", (CULTURE_TAIL, HOUSING_TAIL, RIVER_MIDDLE, OTHER_2)),  # tails in the reverse order of heads
    Page(3, "社会", (SCIENCE_TAIL, RIVER_END, OTHER_3)),
)
# The links a careful reader makes: head title -> pages of the whole article.
EXPECTED = {
    HOUSING.title: [1, 2],
    CULTURE.title: [1, 2],
    SCIENCE.title: [1, 3],
    RIVER.title: [1, 2, 3],
}


def _query(home: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def ingested(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Build the three editions, serve them with faults, ingest them in one range run."""
    from flows.ingest import ingest_range

    site = tmp_path_factory.mktemp("site")
    for date in (STITCH, MISSING_INNER, MISSING_HEADS, MISSING_FRONT):
        write_edition(site, "tst", date, EDITION)
    inner = f"/tst/html/{MISSING_INNER:%Y-%m/%d}/node_2.htm"
    heads = [f"/tst/html/{MISSING_HEADS:%Y-%m/%d}/content_{a.id}.htm" for a in (HOUSING, CULTURE, RIVER)]
    front = f"/tst/html/{MISSING_FRONT:%Y-%m/%d}/node_1.htm"
    faults = {inner: ["503"] * 3, front: ["503"] * 3, **{path: ["404"] for path in heads}}
    home = tmp_path_factory.mktemp("home")
    with serve(site, faults=faults) as server:
        papers = write_registry(home / "papers.toml", server.base_url, site_path="tst")
        summaries = ingest_range("yzb", STITCH, MISSING_FRONT, home=str(home), papers=str(papers))
    return {"home": home, "summaries": {s["edition_date"]: s for s in summaries}}


def _articles(home: Path, date: dt.date) -> dict[str, tuple[list[int], str]]:
    rows = _query(home, f"SELECT title, pages, continuation, body FROM articles WHERE edition_date = '{date}'")
    return {title or body[:12]: (pages, continuation) for title, pages, continuation, body in rows}


def test_every_jump_is_stitched_whatever_the_order_on_the_page(ingested: dict[str, Any]) -> None:
    articles = _articles(ingested["home"], STITCH)
    for title, pages in EXPECTED.items():
        assert articles[title] == (pages, "stitched"), title
    assert ingested["summaries"][STITCH.isoformat()]["status"] == "complete"
    assert not any(c.startswith("orphan") for _, c in articles.values())


def test_stitched_bodies_follow_their_own_heads(ingested: dict[str, Any]) -> None:
    bodies = dict(_query(ingested["home"], f"SELECT title, body FROM articles WHERE edition_date = '{STITCH}'"))
    assert "居民们纷纷表示，“电梯装好了" in bodies[HOUSING.title]
    assert "全区各大景区推出门票优惠" in bodies[CULTURE.title]
    assert "进入收尾阶段" in bodies[RIVER.title] and "配套建设观景平台和休闲驿站，让市民" in bodies[RIVER.title]
    assert not any(marker in body for body in bodies.values() for marker in ("上接", "下转"))


def test_chain_has_a_fragment_per_page(ingested: dict[str, Any]) -> None:
    fragments = _query(
        ingested["home"],
        f"SELECT f.page_no, f.kind FROM fragments f JOIN articles a USING (article_id) "
        f"WHERE a.edition_date = '{STITCH}' AND a.title = '{RIVER.title}' ORDER BY f.seq",
    )
    assert fragments == [(1, "head"), (2, "continuation"), (3, "continuation")]


def test_missing_inner_page_leaves_orphan_heads_and_a_partial_edition(ingested: dict[str, Any]) -> None:
    articles = _articles(ingested["home"], MISSING_INNER)
    assert ingested["summaries"][MISSING_INNER.isoformat()]["status"] == "partial"
    assert articles[HOUSING.title] == ([1], "orphan_head")
    assert articles[CULTURE.title] == ([1], "orphan_head")
    assert articles[SCIENCE.title] == ([1, 3], "stitched")  # page 3 was there
    codes = _query(ingested["home"], f"SELECT code, count(*) FROM quality_issues WHERE edition_date = "
                   f"'{MISSING_INNER}' AND code LIKE 'unmatched%' GROUP BY code ORDER BY code")
    assert codes == [("unmatched_jump_head", 3), ("unmatched_jump_tail", 1)]  # 3 heads to page 2; page 3's river end


def test_missing_heads_leave_orphan_tails(ingested: dict[str, Any]) -> None:
    articles = _articles(ingested["home"], MISSING_HEADS)
    assert ingested["summaries"][MISSING_HEADS.isoformat()]["status"] == "partial"
    orphans = sorted(pages for pages, kind in articles.values() if kind == "orphan_tail")
    assert orphans == [[2], [2], [2, 3]]  # housing and culture tails; the river's page-2 part chained to page 3
    assert articles[SCIENCE.title] == ([1, 3], "stitched")


def test_missing_front_page_still_loads_the_inner_pages_with_orphan_tails(ingested: dict[str, Any]) -> None:
    articles = _articles(ingested["home"], MISSING_FRONT)
    assert ingested["summaries"][MISSING_FRONT.isoformat()]["status"] == "partial"
    assert not any(1 in pages for pages, _ in articles.values())
    orphans = sorted(pages for pages, kind in articles.values() if kind == "orphan_tail")
    assert orphans == [[2], [2], [2, 3], [3]]  # three tails on page 2 (one chained on to 3), science's on 3
    assert {title for title, (_, kind) in articles.items() if kind == "none"} == {OTHER_2.title, OTHER_3.title}


def test_stitch_precision_and_recall(ingested: dict[str, Any]) -> None:
    """Links (head -> next part) found vs the links a reader makes, over the complete edition."""
    expected = {(title, a, b) for title, pages in EXPECTED.items() for a, b in itertools.pairwise(pages)}
    found = {
        (title, a, b)
        for title, (pages, kind) in _articles(ingested["home"], STITCH).items()
        if kind == "stitched"
        for a, b in itertools.pairwise(pages)
    }
    precision = len(found & expected) / len(found)
    recall = len(found & expected) / len(expected)
    print(f"stitch links: {len(expected)} expected, {len(found)} found, precision {precision:.2f}, recall {recall:.2f}")
    assert (precision, recall) == (1.0, 1.0)
