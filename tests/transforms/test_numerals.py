"""Page numbers as printed: arabic, full-width and Chinese numerals."""

from __future__ import annotations

import pytest

from transforms.numerals import parse_number

CASES = [
    ("2", 2),
    ("02", 2),
    ("12", 12),
    (" 3 ", 3),
    ("２", 2),
    ("０２", 2),
    ("１２", 12),
    ("一", 1),
    ("二", 2),
    ("两", 2),
    ("〇", 0),
    ("零", 0),
    ("十", 10),
    ("十二", 12),
    ("二十", 20),
    ("二十三", 23),
    ("九十九", 99),
    ("一二", 12),  # digit by digit, as years are printed (二〇二五)
    ("二〇二五", 2025),
    # not numbers
    ("", None),
    ("  ", None),
    ("A3", None),
    ("3a", None),
    ("百", None),
    ("一百", None),
    ("-1", None),
    ("²", None),  # str.isdigit() is true for superscripts, int() refuses them
    ("十十", None),
    ("二十十", None),
    ("十二三", None),
    ("二十二十", None),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse_number(raw: str, expected: int | None) -> None:
    assert parse_number(raw) == expected
