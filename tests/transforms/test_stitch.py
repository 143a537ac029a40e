"""Stitching heads to their continuations across an edition's pages."""

from __future__ import annotations

import pytest

from transforms.records import Author, Segment, StitchedArticle
from transforms.stitch import score_pair, stitch

SCOPE = "yzb/2025-12-18"


def _seg(
    page: int,
    title: str,
    *paragraphs: str,
    url: str,
    to: int | None = None,
    frm: int | None = None,
    authors: tuple[Author, ...] = (),
) -> Segment:
    """A segment as the segmenter would hand it over, markers already parsed."""
    return Segment(
        title=title,
        paragraphs=paragraphs,
        page_no=page,
        continues_to_page=to,
        continues_from_page=frm,
        authors=authors,
        source_urls=(url,),
    )


# Two heads on page 1; their untitled tails sit on page 2 in the other order.
FIN_HEAD = _seg(
    1, "渝中绿色金融加速集聚",
    "在解放碑至朝天门沿线，绿色金融机构加速集聚，绿色贷款余额五年激增。",
    "从绿色债券到绿色保险，金融机构创新产品层出不穷，一条“重庆绿色金融",
    url="p1/fin", to=2,
)
CIV_HEAD = _seg(
    1, "渝中“文明有范儿”示范治理空间入选优秀案例",
    "渝中区建设“文明有范儿”示范治理空间，推动居民文明自治。",
    "示范治理空间注重硬件设施改造和文化氛围营造，协同推动管理机制",
    url="p1/civ", to=2,
)
CIV_TAIL = _seg(
    2, "", "建设，让示范治理空间成为居民身边的文明阵地，提升居民文明自治水平。", url="p2/civ", frm=1
)
FIN_TAIL = _seg(
    2, "", "大道”正焕发勃勃生机，绿色金融机构和绿色贷款持续增长，金融创新产品不断涌现。", url="p2/fin", frm=1
)

# The continuation repeats a shortened title; the other repeats its title in full.
KEY_TITLE = "立足极核担当聚势 夯实区域发展基石 渝中锻造现代服务业高质量发展“强引擎”"
KEY_HEAD = _seg(
    1, KEY_TITLE, "面对高质量发展的时代命题，渝中深知，唯有创新才能赢得未来。在有限的物", url="p1/key", to=2
)
KEY_TAIL = _seg(
    2, "立足极核担当聚势", "理空间里，一场以科技创新和产业创新为核心的“内生裂变”正在发生。", url="p2/key", frm=1
)
YOUTH_TITLE = "渝中区青年联合会第八届委员会第一次全体会议召开"
YOUTH_HEAD = _seg(
    1, YOUTH_TITLE,
    "12月17日，渝中区青年联合会第八届委员会第一次全体会议召开。",
    "会议指出，五年来，区青联团结带领全区各族各界青年",
    url="p1/youth", to=2,
)
YOUTH_TAIL = _seg(
    2, YOUTH_TITLE, "不断汇聚促进发展“正能量”，努力拓展青年最大“同心圆”，持续提升渝中青联“战斗力”。",
    url="p2/youth", frm=1,
)

# A chain over three pages: the page-2 part both continues and jumps on.
CHAIN_1 = _seg(1, "渝中城市更新提速", "今年以来，渝中城市更新项目加快推进，老旧小区改造", url="p1/chain", to=2)
CHAIN_2 = _seg(
    2, "", "全面铺开，城市更新项目惠及居民两万余户。", "下一步，渝中将继续推进城市更新",
    url="p2/chain", frm=1, to=3,
)
CHAIN_3 = _seg(3, "", "行动，让老旧小区焕发新活力。", url="p3/chain", frm=2)

PLAIN = _seg(2, "全市首个数字经济与现代服务产业学院在渝中成立", "日前，产业学院揭牌成立。", url="p2/plain")
LONE_HEAD = _seg(1, "渝中打造消费新场景", "打造了70余个“江崖街", url="p1/lone", to=2)
LONE_TAIL = _seg(3, "", "洞天”特色消费场景，吸引游客打卡。", url="p3/lone", frm=2)
HEAD_TO_3 = _seg(1, "渝中打造消费新场景", "打造了70余个“江崖街", url="p1/to3", to=3)
TAIL_FROM_1_ON_2 = _seg(2, "", "洞天”特色消费场景，吸引游客打卡。", url="p2/from1", frm=1)

Summary = tuple[str, tuple[int, ...], str, tuple[tuple[str, int | None, str], ...]]


def _summary(article: StitchedArticle) -> Summary:
    """Title, pages, continuation and where each fragment came from."""
    fragments = tuple((f.kind, f.page_no, f.source_url) for f in article.fragments)
    return article.title, article.pages, article.continuation, fragments


STITCH_CASES = [
    (
        "one head, one tail",
        [FIN_HEAD, PLAIN, FIN_TAIL],
        [
            ("渝中绿色金融加速集聚", (1, 2), "stitched", (("head", 1, "p1/fin"), ("continuation", 2, "p2/fin"))),
            (PLAIN.title, (2,), "none", (("head", 2, "p2/plain"),)),
        ],
        [],
    ),
    (
        "untitled tails in reversed order",
        [FIN_HEAD, CIV_HEAD, CIV_TAIL, FIN_TAIL],
        [
            ("渝中绿色金融加速集聚", (1, 2), "stitched", (("head", 1, "p1/fin"), ("continuation", 2, "p2/fin"))),
            (CIV_HEAD.title, (1, 2), "stitched", (("head", 1, "p1/civ"), ("continuation", 2, "p2/civ"))),
        ],
        [],
    ),
    (
        "shortened continuation title",
        [KEY_HEAD, YOUTH_HEAD, YOUTH_TAIL, KEY_TAIL],
        [
            (KEY_TITLE, (1, 2), "stitched", (("head", 1, "p1/key"), ("continuation", 2, "p2/key"))),
            (YOUTH_TITLE, (1, 2), "stitched", (("head", 1, "p1/youth"), ("continuation", 2, "p2/youth"))),
        ],
        [],
    ),
    (
        "chain over three pages",
        [CHAIN_1, CHAIN_2, CHAIN_3],
        [
            (
                "渝中城市更新提速", (1, 2, 3), "stitched",
                (("head", 1, "p1/chain"), ("continuation", 2, "p2/chain"), ("continuation", 3, "p3/chain")),
            ),
        ],
        [],
    ),
    (
        "head without a tail",
        [LONE_HEAD, PLAIN],
        [
            ("渝中打造消费新场景", (1,), "orphan_head", (("head", 1, "p1/lone"),)),
            (PLAIN.title, (2,), "none", (("head", 2, "p2/plain"),)),
        ],
        [("unmatched_jump_head", 1)],
    ),
    (
        "tail without a head",
        [PLAIN, LONE_TAIL],
        [
            (PLAIN.title, (2,), "none", (("head", 2, "p2/plain"),)),
            ("", (3,), "orphan_tail", (("continuation", 3, "p3/lone"),)),
        ],
        [("unmatched_jump_tail", 3)],
    ),
    (
        "pages disagree",
        [HEAD_TO_3, TAIL_FROM_1_ON_2],
        [
            ("渝中打造消费新场景", (1,), "orphan_head", (("head", 1, "p1/to3"),)),
            ("", (2,), "orphan_tail", (("continuation", 2, "p2/from1"),)),
        ],
        [("unmatched_jump_head", 1), ("unmatched_jump_tail", 2)],
    ),
]


@pytest.mark.parametrize(
    ("segments", "expected", "issues"), [case[1:] for case in STITCH_CASES], ids=[case[0] for case in STITCH_CASES]
)
def test_stitch(segments: list[Segment], expected: list[Summary], issues: list[tuple[str, int]]) -> None:
    result = stitch(segments, SCOPE)
    assert [_summary(a) for a in result.articles] == expected
    assert [(i.code, i.page_no) for i in result.issues] == issues


SCORE_CASES = [
    # (head, its own tail, another page-compatible tail)
    (FIN_HEAD, FIN_TAIL, CIV_TAIL),
    (CIV_HEAD, CIV_TAIL, FIN_TAIL),
    (KEY_HEAD, KEY_TAIL, YOUTH_TAIL),
    (YOUTH_HEAD, YOUTH_TAIL, KEY_TAIL),
]


@pytest.mark.parametrize(("head", "right", "wrong"), SCORE_CASES)
def test_score_pair_prefers_the_right_tail(head: Segment, right: Segment, wrong: Segment) -> None:
    assert score_pair(head, right)[0] > score_pair(head, wrong)[0]


@pytest.mark.parametrize(
    ("head", "tail", "title_evidence"),
    [(YOUTH_HEAD, YOUTH_TAIL, "title=1.00"), (KEY_HEAD, KEY_TAIL, "title=0.90"), (FIN_HEAD, FIN_TAIL, "title=0.00")],
)
def test_score_pair_explains_title_evidence(head: Segment, tail: Segment, title_evidence: str) -> None:
    score, evidence = score_pair(head, tail)
    assert 0.0 <= score <= 1.0
    assert evidence.startswith(title_evidence)


def test_broken_sentence_is_rejoined_into_one_paragraph() -> None:
    (article,) = stitch([KEY_HEAD, KEY_TAIL], SCOPE).articles
    assert article.paragraphs == (
        "面对高质量发展的时代命题，渝中深知，唯有创新才能赢得未来。在有限的物理空间里，"
        "一场以科技创新和产业创新为核心的“内生裂变”正在发生。",
    )


def test_finished_sentence_keeps_paragraphs_apart() -> None:
    (article,) = stitch([CHAIN_1, CHAIN_2, CHAIN_3], SCOPE).articles
    assert article.paragraphs == (
        "今年以来，渝中城市更新项目加快推进，老旧小区改造全面铺开，城市更新项目惠及居民两万余户。",
        "下一步，渝中将继续推进城市更新行动，让老旧小区焕发新活力。",
    )


def test_byline_in_the_tail_belongs_to_the_whole_article() -> None:
    head = _seg(
        1, "渝中打造消费新场景", "打造了70余个“江崖街", url="p1/lone", to=2, authors=(Author("李一", "首席记者"),)
    )
    tail = _seg(
        2, "", "洞天”特色消费场景，吸引游客打卡。", url="p2/lone", frm=1,
        authors=(Author("李一", "首席记者"), Author("徐潇", "记者")),
    )
    (article,) = stitch([head, tail], SCOPE).articles
    assert article.authors == (Author("李一", "首席记者"), Author("徐潇", "记者"))
    assert article.byline == "首席记者 李一 记者 徐潇"
    assert article.body == "打造了70余个“江崖街洞天”特色消费场景，吸引游客打卡。"


def test_article_ids_are_stable_and_unique_within_an_edition() -> None:
    same_url = [_seg(2, f"简讯{n}", f"第{n}条简讯。", url="p2/briefs") for n in range(3)]
    no_url = [Segment(title=f"无链接{n}", paragraphs=(f"第{n}条。",), page_no=3) for n in range(2)]
    edition = [FIN_HEAD, CIV_HEAD, CIV_TAIL, FIN_TAIL, LONE_HEAD, *same_url, *no_url]
    first = [a.article_id for a in stitch(edition, SCOPE).articles]
    assert first == [a.article_id for a in stitch(edition, SCOPE).articles]
    assert len(set(first)) == len(first) == 8
    assert set(first).isdisjoint(a.article_id for a in stitch(edition, "yzb/2025-12-19").articles)
