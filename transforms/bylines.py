"""Bylines, datelines and photo credits: who wrote or photographed an article, in what role."""

from __future__ import annotations

import re

from transforms.clean import clean_line, strip_padding
from transforms.records import Author

__all__ = [
    "ORGANISATION",
    "ROLES",
    "format_byline",
    "parse_byline_line",
    "parse_credits",
    "split_caption_credit",
    "split_dateline",
    "split_trailing_credit",
]

# Ranks kept as roles, longest first so 首席记者 wins over 记者. Papers space them out (通 讯 员).
ROLES = (
    "首席记者", "见习记者", "特约记者", "特约通讯员", "摄影记者", "实习记者",
    "通讯员", "实习生", "特约评论员", "评论员", "记者", "摄影", "编辑",
)
_SPACED = r"[ \u3000]*"
_ROLE_PATTERN = "|".join(_SPACED.join(role) for role in ROLES)
# Outlet prefixes dropped from a role: 本报记者, 渝中报全媒体记者, 融媒体记者.
_OUTLET = (
    r"(?:本报|[\u4e00-\u9fff]{1,6}?报|[\u4e00-\u9fff]{1,4}?(?=[全融新]媒体))?(?:全媒体|融媒体|新媒体)?(?:中心)?"
)
ROLE_TOKEN = re.compile(rf"{_OUTLET}(?P<role>{_ROLE_PATTERN})")
# 文/ before names: `文/李 响` wrote the piece, role 记者.
TEXT_BY = re.compile(r"^文\s*[/／]\s*")
# 文/图 or 图/文 after (or before) a name: that person wrote and photographed, role 记者.
TEXT_AND_PHOTO = re.compile(r"[文图]\s*[/／]\s*[文图]")
# A photo credit at the end of a caption or byline: `本报记者 赵 丹 摄`.
_CREDIT_NAMES = r"(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff \u3000、]{0,30}?)"
PHOTO_CREDIT = re.compile(rf"(?P<credit>(?:{_OUTLET}(?:{_ROLE_PATTERN}))?\s*{_CREDIT_NAMES}\s*摄)\s*$")
# A credit printed in brackets at the caption's end: `…跳舞（本报记者 赵丹 摄）`.
BRACKETED_CREDIT_END = re.compile(r"[)）]\s*$")
# 本报讯（记者 徐 潇）, 本报讯 （渝中报全媒体记者 X）, 新华社重庆12月17日电（记者 X）.
DATELINE = re.compile(
    r"^(?:本报讯|[\u4e00-\u9fff]{2,8}讯|新华社[^（(]{0,20}电)\s*[（(](?P<credits>[^（）()]{1,80})[)）]\s*"
)
# A department or body credited as a source: 县公安局交巡警大队, 区文旅委.
ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,16}(?:局|委|队|中心|办|部|院|所|站|会|组|处|科|馆|团|社)")
# A bracketed name signs a piece only right after a finished sentence.
SENTENCE_CLOSERS = ("。", "！", "？", "”", "…")
# Credits in brackets closing an article's last paragraph: `…不断线”。（记者 刘 畅）`.
TRAILING_CREDIT = re.compile(r"[（(](?P<credits>[^（）()]{2,60})[)）]\s*$")
# A dateline with no credits at all: `本报讯 日前，…`.
BARE_DATELINE = re.compile(r"^本报讯\s*")
# A name: 2-4 CJK characters (a padded pair is joined before this test), or a foreign name with ·.
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$")
# Separators between names in a credit list.
_NAME_SEPARATORS = re.compile(r"[、，,；;/／]+")
# Leading ornaments before a standalone byline: ■ 记者 X, ◎ 文/图 X.
_ORNAMENT = re.compile(r"^[■□◎●○◆◇★☆▲△\-—]+\s*")
# A standalone byline separates role and names (`记者 姚延洋`); `记者手记` is a subhead, not a byline.
BYLINE_SPACING = re.compile(r"\s|[■◎●/／]")
# A standalone byline line is short: longer lines are sentences.
MAX_BYLINE_CHARS = 80


def _split_names(text: str) -> list[str] | None:
    """Split a run of names; single padded characters pair up (`李 一 刘 侃` -> 李一, 刘侃)."""
    names: list[str] = []
    pending = ""
    for token in (t for part in _NAME_SEPARATORS.split(text) for t in part.split()):
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff":
            pending += token
            if len(pending) == 2:
                names.append(pending)
                pending = ""
            continue
        if pending:
            return None
        names.append(strip_padding(token))
    if pending:
        return None
    return names if all(NAME.match(n) and not ROLE_TOKEN.fullmatch(n) for n in names) else None


def parse_credits(text: str) -> list[Author] | None:
    """Parse `记者 X 通讯员 Y`-style credits; None when the text is not purely credits."""
    ornamented = bool(_ORNAMENT.match(clean_line(text)))
    text = clean_line(_ORNAMENT.sub("", clean_line(text)))
    if not text:
        return None
    names = _split_names(text) if ornamented else None
    if names:  # `□ 张 弛`: a columnist's name under an ornament, no rank printed
        return [Author(n, "记者") for n in names]
    photo = PHOTO_CREDIT.search(text)
    if photo and photo.start() > 0 and not ROLE_TOKEN.search(text[photo.start() :]):
        head = parse_credits(text[: photo.start()])
        tail = _split_names(photo.group("names"))
        if head is None or tail is None:
            return None
        return head + [Author(n, "摄影") for n in tail]
    if photo and photo.start() == 0:
        names = _split_names(photo.group("names"))
        return None if names is None else [Author(n, "摄影") for n in names]
    return _parse_role_runs(text)


def _parse_role_runs(text: str) -> list[Author] | None:
    """Parse alternating role words and name lists; 文/图 marks its names as 记者."""
    text_by = TEXT_BY.match(text)
    if text_by and not TEXT_AND_PHOTO.match(text):  # `文/李 响`
        names = _split_names(text[text_by.end() :])
        return [Author(n, "记者") for n in names] if names else None
    leading = TEXT_AND_PHOTO.match(text)
    if leading:  # `文/图 本报记者 李明` or `文/图 李明`
        rest = text[leading.end() :].strip()
        names = _split_names(rest)
        return [Author(n, "记者") for n in names] if names else _parse_role_runs(rest)
    trailing_photo = TEXT_AND_PHOTO.search(text)
    if trailing_photo:  # `张三 文/图`, `本报记者 罗 晶 文/图`: the role follows the names
        prefix = text[: trailing_photo.start()]
        names = _split_names(prefix) or [a.name for a in _parse_role_runs(prefix) or []]
        return None if not names or text[trailing_photo.end() :].strip() else [Author(n, "记者") for n in names]
    matches = list(ROLE_TOKEN.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return None
    authors: list[Author] = []
    for match, nxt in zip(matches, [*matches[1:], None], strict=True):
        role = re.sub(r"\s", "", match.group("role"))
        names = _split_names(text[match.end() : nxt.start() if nxt else len(text)])
        if not names:
            return None
        authors.extend(Author(n, role) for n in names)
    return authors


def parse_byline_line(line: str) -> list[Author] | None:
    """Authors when a whole paragraph is a byline (`首席记者 李 一 刘 侃 记者 姚延洋`), else None."""
    stripped = clean_line(line).strip("（）()")
    if len(stripped) > MAX_BYLINE_CHARS or not BYLINE_SPACING.search(stripped):
        return None
    return parse_credits(stripped)


def split_trailing_credit(paragraph: str) -> tuple[str, list[Author]] | None:
    """`…服务“不断线”。（记者 刘 畅）` -> (text before the credit, authors); None without one.

    A department credited instead of a person (`（县公安局交巡警大队）`) gives no authors.
    """
    match = TRAILING_CREDIT.search(paragraph)
    if match is None:
        return None
    credits = match.group("credits").strip()
    text = paragraph[: match.start()].rstrip()
    authors = parse_credits(credits)
    if not authors and text.endswith(SENTENCE_CLOSERS):  # `…门槛。（叶 舟）`: a name alone signs the piece
        authors = [Author(name, "记者") for name in _split_names(credits) or []]
    if not authors and not ORGANISATION.fullmatch(credits):
        return None
    return text, authors or []


def split_dateline(paragraph: str) -> tuple[list[Author], str, str] | None:
    """`本报讯（记者 徐 潇）日前，…` -> (authors, printed dateline, rest); None without a dateline."""
    match = DATELINE.match(paragraph)
    if match:  # credits that name no person (`本报讯（区民政局）`) are a source: still a dateline
        authors = parse_credits(match.group("credits")) or []
        return authors, match.group(0).strip(), paragraph[match.end() :].strip()
    bare = BARE_DATELINE.match(paragraph)
    if bare:
        return [], bare.group(0).strip(), paragraph[bare.end() :].strip()
    return None


def split_caption_credit(caption: str) -> tuple[str, list[Author]]:
    """The photographers a caption credits, at its end or in closing brackets: (caption, photographers)."""
    match = PHOTO_CREDIT.search(caption) or PHOTO_CREDIT.search(BRACKETED_CREDIT_END.sub("", caption))
    if not match:
        return caption, []
    authors = parse_credits(match.group("credit"))
    if not authors:
        return caption, []
    return caption, [Author(a.name, "摄影") for a in authors]


def format_byline(authors: list[Author] | tuple[Author, ...]) -> str | None:
    """Render authors as a clean byline grouped by role: `首席记者 李一 刘侃 记者 姚延洋`."""
    parts: list[str] = []
    last_role = None
    for author in authors:
        if author.role != last_role:
            parts.append(author.role)
            last_role = author.role
        parts.append(author.name)
    return " ".join(parts) or None
