"""Jump markers: `(下转2版)` at the end of a head, `(上接1版)` at the start of its continuation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from transforms.numerals import parse_number

__all__ = ["SECTION_STRIDE", "JumpMarker", "page_key", "section_of", "split_jump_from", "split_jump_to"]

# Papers with lettered sections number pages A1…A8, B1…B4; a page key keeps A3 and B3 apart
# (A3 = 103, B3 = 203). Unlettered pages keep their number.
SECTION_STRIDE = 100

_NUM = r"[0-9０-９零〇一二两三四五六七八九十]{1,3}"
_SECTION = r"[A-Za-zＡ-Ｚ]?"
_PAGE = rf"(?:第\s*)?(?P<section>{_SECTION})\s*(?P<num>{_NUM})\s*版"
# (下转2版) / （下转第二版） / (转A3版) / 下转第3版 / 转A3版, at the very end of a paragraph.
JUMP_TO = re.compile(rf"\s*[(（]?\s*(?:下\s*)?转\s*{_PAGE}\s*[)）]?\s*$")
# (上接1版) / （上接第一版） / （接1版） / 上接第1版 / 接1版, at the very start of a paragraph.
JUMP_FROM = re.compile(rf"^\s*[(（]?\s*(?:上\s*)?接\s*{_PAGE}\s*[)）]?\s*")


@dataclass(frozen=True)
class JumpMarker:
    """A parsed marker: the page it points to and the text it was printed as."""

    page_no: int
    section: str  # "A" for 转A3版, "" when the paper has no lettered sections
    printed: str


def _marker(match: re.Match[str]) -> JumpMarker | None:
    """Build a JumpMarker from a match, or None when the number does not parse."""
    page = parse_number(match.group("num"))
    if page is None:
        return None
    section = unicodedata.normalize("NFKC", match.group("section")).upper()  # full-width Ｂ/Ｋ -> B/K
    return JumpMarker(page_no=page, section=section, printed=match.group(0).strip())


def page_key(section: str, number: int) -> int:
    """The page number stored for page `number` of a lettered `section` (`""` for unlettered papers)."""
    if not section:
        return number
    return (ord(section.upper()) - ord("A") + 1) * SECTION_STRIDE + number


def section_of(page_no: int | None) -> str:
    """The section letter a page key carries (`""` for unlettered pages)."""
    if page_no is None or page_no < SECTION_STRIDE:
        return ""
    return chr(ord("A") + page_no // SECTION_STRIDE - 1)


def split_jump_to(text: str) -> tuple[str, JumpMarker | None]:
    """Strip a trailing jump-to marker: `…坚持(下转2版)` -> (`…坚持`, marker to page 2)."""
    match = JUMP_TO.search(text)
    marker = _marker(match) if match else None
    if match is None or marker is None:
        return text, None
    return text[: match.start()].rstrip(), marker


def split_jump_from(text: str) -> tuple[JumpMarker | None, str]:
    """Strip a leading continuation marker: `(上接1版)不断…` -> (marker from page 1, `不断…`)."""
    match = JUMP_FROM.match(text)
    marker = _marker(match) if match else None
    if match is None or marker is None:
        return None, text
    return marker, text[match.end() :].lstrip()
