"""The segmentation engine on the real seed page, and conservation of text on generated variants."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.bylines import split_dateline
from transforms.markers import split_jump_from, split_jump_to
from transforms.records import ArticleZone, Author, Segment
from transforms.segment import SegmentedPage, segment_text, segment_zones

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "segment" / "seed_yzb_2025-12-18_p2.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> tuple[Segment, ...]:
    return segment_text(SEED_TEXT, page_no=2).segments


def test_seed_has_six_articles_in_reading_order(seed: tuple[Segment, ...]) -> None:
    assert [s.title for s in seed] == [
        "锐意进取 实干争先 久久为功 把全会蓝图转化为渝中高质量发展的生动实践",
        "全市首个数字经济与现代服务产业学院在渝中成立",
        "渝中区归国华侨联合会九届八次全委(扩大)会暨侨联界别政协委员述职大会举行",
        "渝中区青年联合会第八届委员会第一次全体会议召开",
        "立足极核担当聚势 夯实区域发展基石 渝中锻造现代服务业高质量发展“强引擎”",
        "全市唯一 渝中区建设“文明有范儿”示范治理空间入选全国城市文明建设优秀案例",
    ]


def test_seed_article_one_headings_subheads_authors(seed: tuple[Segment, ...]) -> None:
    first = seed[0]
    assert first.kicker == "学习贯彻区委十三届八次全会精神"
    assert first.subtitle == "我区各级各部门传达学习贯彻区委十三届八次全会精神②"
    assert first.subheads == ("区民政局", "区人力社保局", "区住房城市建设委", "石油路街道", "区精神卫生中心")
    assert list(first.authors) == [
        Author("李一", "首席记者"), Author("刘侃", "首席记者"), Author("姚延洋", "记者"),
        Author("李佳佳", "记者"), Author("胡榕", "记者"), Author("晏艳辉", "记者"),
    ]
    assert "强化岗位信息的精准匹配" in first.body
    assert "研究部署贯彻落实举措" in first.body
    assert "首席记者" not in first.body


@pytest.mark.parametrize(("index", "name"), [(1, "徐潇"), (2, "黄清娟")])
def test_seed_datelines_become_authors_not_body(seed: tuple[Segment, ...], index: int, name: str) -> None:
    article = seed[index]
    assert article.authors == (Author(name, "记者"),)
    assert article.body.startswith("日前，")
    assert "本报讯" not in article.body


def test_seed_continuations_link_to_page_one(seed: tuple[Segment, ...]) -> None:
    assert [s.continues_from_page for s in seed] == [None, None, None, 1, 1, 1]
    assert all(s.continues_to_page is None for s in seed)
    assert not any("上接" in s.body for s in seed)


def test_seed_interleaved_continuation_reassembled(seed: tuple[Segment, ...]) -> None:
    engine = seed[4]
    assert "70余个“江崖街洞天”特色消费场景" in engine.body
    assert "在有限的物理空间里" in engine.body
    assert "立足极核担当聚势" not in engine.body
    assert engine.subheads[0] == "消费“新地标”崛起"
    assert {"创新“策源地”涌动", "记者手记"} <= set(engine.subheads)
    assert engine.authors == (Author("刘侃", "首席记者"),)


def test_seed_duplicate_fragment_appears_once(seed: tuple[Segment, ...]) -> None:
    civil = seed[5]
    assert civil.body.count("这套制度既能引导居民参与空间设计") == 1
    assert "管理制度，这套制度" in civil.body
    assert "空间微改造" in civil.body
    assert "举措落实施地" in civil.body
    assert civil.body.startswith("协同推动硬件设施改造")


def test_zones_give_the_same_articles_as_plain_text(seed: tuple[Segment, ...]) -> None:
    zones = _zones_from_text(SEED_TEXT)
    from_zones = segment_zones(zones, page_no=2).segments
    assert [(s.title, s.body) for s in from_zones] == [(s.title, s.body) for s in seed]


def _zones_from_text(text: str) -> list[ArticleZone]:
    """Cut the seed into the zones an operator would draw (titles left inside the zone text)."""
    parts = re.split(r"\n(?=全市首个数字经济|渝中区归国华侨|渝中区青年联合会 |\(上接1版\)\n|全市唯一 )", text)
    assert len(parts) == 6
    return [ArticleZone(url=f"z{i}", page_no=2, kicker="", title="", subtitle="", author="",
                        paragraphs=tuple(part.splitlines()))
            for i, part in enumerate(parts)]


# ---- conservation: no body text lost or duplicated -------------------------------------------

def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def _body_content(text: str, kind: str) -> str:
    """The part of an input line that must reach some article's body."""
    if kind in ("body", "subhead"):
        return _squeeze(text)
    if kind in ("marker", "dateline"):
        text = split_jump_from(text)[1]
        text = split_jump_to(text)[0]
        dateline = split_dateline(text)
        return _squeeze(dateline[2] if dateline else text)
    return ""


def assert_conserved(page: SegmentedPage) -> None:
    """Every input line has a disposition and the body characters in equal those out."""
    expected = Counter("".join(_body_content(d.text, d.kind) for d in page.dispositions))
    actual = Counter(_squeeze("".join(s.body for s in page.segments)))
    assert actual == expected
    headers = {h for s in page.segments for h in (s.kicker, s.title, s.subtitle) if h}
    for d in page.dispositions:
        if d.kind in ("kicker", "title", "subtitle"):
            assert any(_squeeze(d.text) in _squeeze(h) or _squeeze(h) in _squeeze(d.text) for h in headers)


def test_seed_conserves_text() -> None:
    page = segment_text(SEED_TEXT, page_no=2)
    lines = [line for line in SEED_TEXT.splitlines() if line.strip()]
    assert len(page.dispositions) == len(lines)
    assert {d.kind for d in page.dispositions if "度，这套制度" in d.text} == {"body", "duplicate"}
    assert_conserved(page)


SEED_LINES = SEED_TEXT.splitlines()
MARKER_FORMS = ["(上接1版)", "（上接第一版）", "（接1版）", "(上接第1版)", "上接1版 "]


@st.composite
def seed_variants(draw: st.DrawFn) -> str:
    """The seed with paragraphs split at random points, names re-padded and marker forms swapped."""
    lines = []
    for line in SEED_LINES:
        if len(line) > 40 and draw(st.booleans()):
            cut = draw(st.integers(min_value=5, max_value=len(line) - 5))
            lines.extend([line[:cut], "", line[cut:]])
            continue
        lines.append(line)
    text = "\n".join(lines)
    form = draw(st.sampled_from(MARKER_FORMS))
    text = text.replace("(上接1版)", form)
    if draw(st.booleans()):
        text = text.replace("李 一", "李一").replace("胡 榕", "胡\u3000榕")
    return text


@settings(max_examples=60, deadline=None)
@given(seed_variants())
def test_variants_conserve_text(text: str) -> None:
    assert_conserved(segment_text(text, page_no=2))


@settings(max_examples=40, deadline=None)
@given(st.permutations(list(range(4))))
def test_shuffled_zones_conserve_text(order: list[int]) -> None:
    parts = re.split(r"\n(?=全市首个数字经济|渝中区归国华侨|渝中区青年联合会 )", SEED_TEXT)
    zones = [ArticleZone(f"z{i}", 2, "", "", "", "", tuple(parts[i].splitlines())) for i in order]
    assert_conserved(segment_zones(zones, page_no=2))


def test_segmentation_is_fast() -> None:
    import time

    started = time.perf_counter()
    for _ in range(20):
        segment_text(SEED_TEXT, page_no=2)
    per_page_ms = (time.perf_counter() - started) / 20 * 1000
    assert per_page_ms < 50, f"{per_page_ms:.1f} ms per page"
