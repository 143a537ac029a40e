"""Text cleaning: indentation, padding inside names, white space, where sentences end."""

from __future__ import annotations

import pytest

from transforms.clean import clean_line, ends_mid_sentence, has_unclosed_open, has_unopened_close, strip_padding

CLEAN_LINE_CASES = [
    ("\u3000\u300012月16日，区委十三届八次全会举行。", "12月16日，区委十三届八次全会举行。"),
    ("记者\u00a0徐潇", "记者 徐潇"),
    ("记者\u3000\u3000徐潇", "记者 徐潇"),
    ("  区民政局 \t\n", "区民政局"),
    ("\ufeff锐意进取 实干争先", "锐意进取 实干争先"),
    ("数字\u200b经济", "数字 经济"),
    ("Cafe\u0301", "Café"),  # NFC: a combining accent joins its letter
    ("他说：“好！”（完）", "他说：“好！”（完）"),  # full-width punctuation is content
    ("李 一", "李 一"),  # names are only unpadded by strip_padding
    ("", ""),
]

STRIP_PADDING_CASES = [
    ("李 一", "李一"),
    ("胡\u3000榕", "胡榕"),
    ("李\u00a0一", "李一"),
    (" 刘  侃 ", "刘侃"),
    ("欧 阳 娜 娜", "欧阳娜娜"),
    ("阿依古丽 · 买买提", "阿依古丽·买买提"),
    ("姚延洋", "姚延洋"),
    ("John Smith", "John Smith"),
    ("John  Smith ", "John Smith"),
    ("Tom 李", "Tom 李"),
    ("", ""),
]

ENDS_MID_SENTENCE_CASES = [
    ("在有限的物", True),
    ("打造了70余个“江崖街", True),
    ("统筹推进，", True),
    ("《重庆市城市更新条例", True),
    ("让发展成果惠及更多居民。", False),
    ("让发展成果惠及更多居民。\u3000 ", False),
    ("渝中正加速将生态“含绿量”转化为发展“含金量”", False),
    ("他说：“要持续用力。”", False),
    ("怎样才能赢得未来？", False),
    ("以下三点：", False),
    ("", False),
]

UNCLOSED_OPEN_CASES = [
    ("…打造了70余个“江崖街", True),
    ("《人民日报", True),
    ("“他说‘走", True),
    ("区精神卫生中心（简称", True),
    ("洞天”特色消费场景", False),
    ("发挥“三个作用”", False),
    ("“两大定位”和（三个作用）", False),
    ("", False),
]

UNOPENED_CLOSE_CASES = [
    ("洞天”特色消费场景持续升级", True),
    ("简称精卫中心）将持续", True),
    ("作用”“四个全面”", True),
    ("…打造了70余个“江崖街", False),
    ("发挥“三个作用”", False),
    ("“「文明有范儿”", False),  # a closer pops the inner opener it skipped over
    ("", False),
]


@pytest.mark.parametrize(("raw", "expected"), CLEAN_LINE_CASES)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), STRIP_PADDING_CASES)
def test_strip_padding(raw: str, expected: str) -> None:
    assert strip_padding(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), ENDS_MID_SENTENCE_CASES)
def test_ends_mid_sentence(raw: str, expected: bool) -> None:
    assert ends_mid_sentence(raw) is expected


@pytest.mark.parametrize(("raw", "expected"), UNCLOSED_OPEN_CASES)
def test_has_unclosed_open(raw: str, expected: bool) -> None:
    assert has_unclosed_open(raw) is expected


@pytest.mark.parametrize(("raw", "expected"), UNOPENED_CLOSE_CASES)
def test_has_unopened_close(raw: str, expected: bool) -> None:
    assert has_unopened_close(raw) is expected
