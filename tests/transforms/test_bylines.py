"""Bylines, datelines and photo credits: names without padding, roles without the outlet prefix."""

from __future__ import annotations

import pytest

from transforms.bylines import (
    MAX_BYLINE_CHARS,
    format_byline,
    parse_byline_line,
    parse_credits,
    split_caption_credit,
    split_dateline,
)
from transforms.records import Author

Credits = list[tuple[str, str]] | None  # [(name, role)], None when the text is not a byline
# Well-formed credits, but longer than a byline line can be.
LONG_CREDITS = "本报记者 " + "、".join(["张三"] * 30)


def _pairs(authors: list[Author] | None) -> Credits:
    return None if authors is None else [(a.name, a.role) for a in authors]


BYLINE_LINE_CASES = [
    (
        "首席记者 李 一 刘 侃 记者 姚延洋 李佳佳 胡 榕 晏艳辉",
        [("李一", "首席记者"), ("刘侃", "首席记者"), ("姚延洋", "记者"),
         ("李佳佳", "记者"), ("胡榕", "记者"), ("晏艳辉", "记者")],
    ),
    ("■ 记者 徐潇", [("徐潇", "记者")]),
    ("记者 徐\u3000潇", [("徐潇", "记者")]),
    ("（记者 徐 潇）", [("徐潇", "记者")]),
    ("通 讯 员 王小明", [("王小明", "通讯员")]),
    ("实习生 张三丰", [("张三丰", "实习生")]),
    ("见习记者 陈 晨", [("陈晨", "见习记者")]),
    ("特约通讯员 刘洋", [("刘洋", "特约通讯员")]),
    ("记者 徐潇 通讯员 王五 实习生 张六", [("徐潇", "记者"), ("王五", "通讯员"), ("张六", "实习生")]),
    ("记者 张三、李四", [("张三", "记者"), ("李四", "记者")]),
    ("记者 张三 李四", [("张三", "记者"), ("李四", "记者")]),
    ("记者 欧阳娜娜", [("欧阳娜娜", "记者")]),
    ("记者 阿依古丽·买买提", [("阿依古丽·买买提", "记者")]),
    # outlet prefixes are dropped, the rank is kept
    ("本报记者 吴蔚", [("吴蔚", "记者")]),
    ("渝中报全媒体记者 吴 蔚", [("吴蔚", "记者")]),
    ("融媒体记者 吴蔚", [("吴蔚", "记者")]),
    ("本报首席记者 李一", [("李一", "首席记者")]),
    ("本报全媒体首席记者 李一", [("李一", "首席记者")]),
    ("本报通讯员 王五", [("王五", "通讯员")]),
    # 文/图 and 图/文, before or after the names: role 记者
    ("文/图 罗晶", [("罗晶", "记者")]),
    ("文／图 罗晶", [("罗晶", "记者")]),
    ("图/文 罗晶", [("罗晶", "记者")]),
    ("罗晶 文/图", [("罗晶", "记者")]),
    ("本报记者 罗 晶 文/图", [("罗晶", "记者")]),
    ("张三 李四 文/图", [("张三", "记者"), ("李四", "记者")]),
    ("◎ 文/图 本报记者 张三 李四", [("张三", "记者"), ("李四", "记者")]),
    # photo credits: role 摄影
    ("本报记者 赵 丹 摄", [("赵丹", "摄影")]),
    ("赵丹 摄", [("赵丹", "摄影")]),
    ("张三、李四 摄", [("张三", "摄影"), ("李四", "摄影")]),
    # not bylines
    ("记者手记", None),
    ("区民政局", None),
    ("记者在现场看到，居民们正在排队领取物资。", None),
    ("区民政局 记者 张三", None),
    ("记者 张三 说", None),
    ("记者 李", None),
    ("记者", None),
    (LONG_CREDITS, None),
    ("", None),
]

CREDITS_CASES = [
    ("记者 徐 潇 通讯员 王五", [("徐潇", "记者"), ("王五", "通讯员")]),
    ("记者徐潇", [("徐潇", "记者")]),  # inside a dateline the space may be missing
    ("渝中报全媒体记者 吴 蔚", [("吴蔚", "记者")]),
    ("本报记者 赵 丹 摄", [("赵丹", "摄影")]),
    ("区民政局", None),
    ("记者", None),
    ("", None),
]

DATELINE_CASES = [
    (
        "本报讯（记者 徐 潇 通讯员 王五）日前，区里举行了活动。",
        ([("徐潇", "记者"), ("王五", "通讯员")], "本报讯（记者 徐 潇 通讯员 王五）", "日前，区里举行了活动。"),
    ),
    (
        "本报讯 （渝中报全媒体记者 吴 蔚）12月17日，会议召开。",
        ([("吴蔚", "记者")], "本报讯 （渝中报全媒体记者 吴 蔚）", "12月17日，会议召开。"),
    ),
    ("本报讯（融媒体记者 吴蔚）近日，", ([("吴蔚", "记者")], "本报讯（融媒体记者 吴蔚）", "近日，")),
    ("本报讯(记者 张三)今天", ([("张三", "记者")], "本报讯(记者 张三)", "今天")),
    (
        "新华社重庆12月17日电（记者 张三）今天",
        ([("张三", "记者")], "新华社重庆12月17日电（记者 张三）", "今天"),
    ),
    ("本报讯 日前，区里举行了活动。", ([], "本报讯", "日前，区里举行了活动。")),
    ("本报讯（区民政局）日前，区里举行了活动。", ([], "本报讯（区民政局）", "日前，区里举行了活动。")),
    ("日前，区里举行了活动。", None),
    ("据悉（记者 张三）", None),
]

CAPTION_CASES = [
    ("居民在社区活动中心跳舞。 本报记者 赵 丹 摄", [("赵丹", "摄影")]),
    ("居民在社区活动中心跳舞。 记者 张三 摄", [("张三", "摄影")]),
    ("居民在社区活动中心跳舞。 通讯员 王五 摄", [("王五", "摄影")]),
    ("居民在社区活动中心跳舞。张三 摄", [("张三", "摄影")]),
    ("居民在社区活动中心跳舞（本报记者 赵 丹 摄）", [("赵丹", "摄影")]),
    ("居民在社区活动中心跳舞。", []),
]

FORMAT_CASES = [
    (
        [("李一", "首席记者"), ("刘侃", "首席记者"), ("姚延洋", "记者"), ("胡榕", "记者")],
        "首席记者 李一 刘侃 记者 姚延洋 胡榕",
    ),
    ([("徐潇", "记者"), ("王五", "通讯员")], "记者 徐潇 通讯员 王五"),
    ([("张三", "记者"), ("赵丹", "摄影"), ("李四", "记者")], "记者 张三 摄影 赵丹 记者 李四"),
    ([], None),
]


@pytest.mark.parametrize(("raw", "expected"), BYLINE_LINE_CASES)
def test_parse_byline_line(raw: str, expected: Credits) -> None:
    assert _pairs(parse_byline_line(raw)) == expected


def test_only_the_length_keeps_long_credits_from_being_a_byline() -> None:
    assert len(LONG_CREDITS) > MAX_BYLINE_CHARS
    assert parse_credits(LONG_CREDITS) is not None


@pytest.mark.parametrize(("raw", "expected"), CREDITS_CASES)
def test_parse_credits(raw: str, expected: Credits) -> None:
    assert _pairs(parse_credits(raw)) == expected


@pytest.mark.parametrize(("raw", "expected"), DATELINE_CASES)
def test_split_dateline(raw: str, expected: tuple[Credits, str, str] | None) -> None:
    result = split_dateline(raw)
    assert (None if result is None else (_pairs(result[0]), result[1], result[2])) == expected


@pytest.mark.parametrize(("raw", "expected"), CAPTION_CASES)
def test_split_caption_credit(raw: str, expected: Credits) -> None:
    caption, photographers = split_caption_credit(raw)
    assert caption == raw  # the caption keeps its printed credit
    assert _pairs(photographers) == expected


@pytest.mark.parametrize(("raw", "expected"), FORMAT_CASES)
def test_format_byline(raw: list[tuple[str, str]], expected: str | None) -> None:
    assert format_byline([Author(name, role) for name, role in raw]) == expected
