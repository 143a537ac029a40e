"""Page numbers as papers print them: arabic, full-width and Chinese numerals."""

from __future__ import annotations

__all__ = ["parse_number"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(text: str) -> int | None:
    """`2`, `０２`, `二`, `十二`, `二十` -> int; None when the text is not a number."""
    text = text.strip().translate(_FULLWIDTH)
    if text.isdecimal():  # not isdigit(): int() refuses superscripts such as ²
        return int(text)
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_DIGITS[ch]) for ch in text))
    tens, _, units = text.partition("十")
    if any(part and part not in _DIGITS for part in (tens, units)):  # 十十, 十二三: not a number below 100
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
