"""Jump markers as papers print them, and look-alike text that must stay body text."""

from __future__ import annotations

import pytest

from transforms.markers import JumpMarker, split_jump_from, split_jump_to

Parsed = tuple[str, int, str] | None  # (text left over, page, section), None when no marker


def _to(raw: str) -> Parsed:
    """split_jump_to reduced to (text, page, section); asserts a non-marker leaves the text alone."""
    text, marker = split_jump_to(raw)
    return _reduce(raw, text, marker)


def _from(raw: str) -> Parsed:
    """split_jump_from reduced to (text, page, section); asserts a non-marker leaves the text alone."""
    marker, text = split_jump_from(raw)
    return _reduce(raw, text, marker)


def _reduce(raw: str, text: str, marker: JumpMarker | None) -> Parsed:
    if marker is None:
        assert text == raw
        return None
    return text, marker.page_no, marker.section


JUMP_TO_CASES = [
    ("坚持以人民为中心(下转2版)", ("坚持以人民为中心", 2, "")),
    ("坚持以人民为中心（下转2版）", ("坚持以人民为中心", 2, "")),
    ("坚持以人民为中心（下转第二版）", ("坚持以人民为中心", 2, "")),
    ("坚持以人民为中心下转第3版", ("坚持以人民为中心", 3, "")),
    ("坚持以人民为中心(转A3版)", ("坚持以人民为中心", 3, "A")),
    ("坚持以人民为中心转A3版", ("坚持以人民为中心", 3, "A")),
    ("坚持以人民为中心(转a3版)", ("坚持以人民为中心", 3, "A")),
    ("坚持以人民为中心（转Ｂ3版）", ("坚持以人民为中心", 3, "B")),
    ("坚持以人民为中心（转Ｋ3版）", ("坚持以人民为中心", 3, "K")),
    ("坚持以人民为中心（下转第２版）", ("坚持以人民为中心", 2, "")),
    ("坚持以人民为中心（下转第十二版）", ("坚持以人民为中心", 12, "")),
    ("坚持以人民为中心( 下转 2 版 )", ("坚持以人民为中心", 2, "")),
    ("坚持以人民为中心 （下转2版） ", ("坚持以人民为中心", 2, "")),
    ("（下转2版）", ("", 2, "")),
    # look-alikes: a marker only counts at the very end of the paragraph
    ("他转3版了", None),
    ("（下转2版）坚持以人民为中心", None),
    ("积极推动现代建筑业向工业化、数字化、绿色化转型升级", None),
    ("推动数字报客户端发布新版本", None),
    ("坚持以人民为中心。", None),
    ("", None),
]

JUMP_FROM_CASES = [
    ("(上接1版)不断汇聚促进发展“正能量”", ("不断汇聚促进发展“正能量”", 1, "")),
    ("（上接1版）不断汇聚", ("不断汇聚", 1, "")),
    ("（上接第一版）不断汇聚", ("不断汇聚", 1, "")),
    ("（接1版）不断汇聚", ("不断汇聚", 1, "")),
    ("接1版不断汇聚", ("不断汇聚", 1, "")),
    ("上接第1版 不断汇聚", ("不断汇聚", 1, "")),
    ("（上接第１版）不断汇聚", ("不断汇聚", 1, "")),
    ("（上接第十二版）不断汇聚", ("不断汇聚", 12, "")),
    ("( 上接 1 版 )不断汇聚", ("不断汇聚", 1, "")),
    ("(上接A1版)不断汇聚", ("不断汇聚", 1, "A")),
    ("(上接1版)", ("", 1, "")),
    # look-alikes: a marker only counts at the very start of the paragraph
    ("接着，区青联将实施五大行动。", None),
    ("版本更新后，读者可在线阅读。", None),
    ("不断汇聚(上接1版)", None),
    ("他说上接1版的内容", None),
    ("", None),
]


@pytest.mark.parametrize(("raw", "expected"), JUMP_TO_CASES)
def test_split_jump_to(raw: str, expected: Parsed) -> None:
    assert _to(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), JUMP_FROM_CASES)
def test_split_jump_from(raw: str, expected: Parsed) -> None:
    assert _from(raw) == expected


def test_marker_keeps_its_printed_form() -> None:
    assert split_jump_to("坚持 （下转第二版）")[1] == JumpMarker(page_no=2, section="", printed="（下转第二版）")
