"""Segment one page's text into articles: titles, bylines, bodies, subheads, captions, jump links.

The input is either a page's plain text (one paragraph per line, as PDF text layers and the seed
page give it) or the article zones an e-paper site serves for the page. Both become one stream of
lines that a single pass assigns to article drafts. Every input line gets a disposition, so a test
can prove that no text is lost or duplicated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from transforms.bylines import (
    ORGANISATION,
    format_byline,
    parse_byline_line,
    split_caption_credit,
    split_dateline,
    split_trailing_credit,
)
from transforms.clean import clean_line, ends_mid_sentence, has_unclosed_open, has_unopened_close
from transforms.markers import split_jump_from, split_jump_to
from transforms.records import ArticleZone, Author, Segment

__all__ = [
    "DISPOSITIONS",
    "LineDisposition",
    "SegmentedPage",
    "normalise_headline",
    "segment_text",
    "segment_zones",
]

# What can become of an input line.
DISPOSITIONS = frozenset(
    {
        "kicker", "title", "subtitle", "subhead", "body", "byline", "dateline", "marker",
        "caption", "duplicate", "title_repeat", "furniture",
    }
)
# A headline line is short; longer lines without sentence punctuation are still body text.
MAX_HEADING_CHARS = 48
# Punctuation a headline does not print (it uses spaces between phrases instead).
_NOT_IN_HEADLINE = re.compile(r"[。；;]")
# Headlines print at most one comma, in a short line (`稳字当头，进中求新`); longer lines with a comma are prose.
MAX_HEADLINE_COMMAS = 1
MAX_COMMA_HEADLINE_CHARS = 20
# Clause ends a headline never stops on (`嘉陵江畔冬泳人：在寒风中挑战自我` has its colon inside).
_NOT_HEADLINE_END = ("，", "、", ",", "：", ":")
# A standalone headline after a finished article is longer than a subhead (区民政局, 记者手记, 消费“新地标”崛起).
MIN_TITLE_CHARS = 12
# Column and section labels printed on the page, not in any article: 简讯, 综合新闻, 要闻.
SECTION_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:新闻|要闻|简讯|快讯|短讯|资讯|副刊|专版|专刊|综合)$|^(?:导读|相关链接|背景链接|延伸阅读)$"
    r"|^[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}$"  # a series label: 民生实事·岚江行动
)
# Masthead and sponsor lines (`中共澄州市岚江区委主办`, `…宣传部 岚江报社 联合推出`) and a front page's
# pointers to inner pages (`新塘街道“共享菜园”种出邻里情 3版`): the page's, not an article's.
PAGE_BANNER = re.compile(
    r"(?:主办|协办|承办|联合推出|联合主办)$|^.{4,40}\s+[A-Za-z]?\d{1,2}\s*版$"
    r"|^[\u4e00-\u9fff]{1,5}报$|^第\s*\d+\s*期(?:\s|$)"  # the masthead's name and issue number
)
MAX_BANNER_CHARS = 40
# The role a photo credit gives.
PHOTOGRAPHER = "摄影"
# Of two headline lines, the one reporting an event is the title; the other is a slogan kicker or a subtitle.
EVENT_TITLE = re.compile(r"召开|举行|开幕|闭幕|启动|启幕|成立|揭牌|落幕|发布|会议$|大会$")
# Four or more short unpunctuated lines in a row inside an article are verse or a list, not headings.
MIN_VERSE_LINES = 4
# Three headline lines are 引题, 主题, 副题 whatever their lengths; otherwise the longest is the title.
KICKER_TITLE_SUBTITLE = 3
# A header line printed inside a continuation's text is a long headline, not a short subhead.
MIN_INTERRUPTING_HEADER_CHARS = 10
# A repeated passage (printed twice across zones) is long enough to be sure it is a repeat.
MIN_DUPLICATE_CHARS = 12
# Words that open a paragraph: a line starting with one does not continue a broken sentence.
_OPENER_WORDS = "据统计|据了解|据介绍|据悉|近年来|目前|此外|同时|另外|与此同时|下一步|接下来|会上|会议指出|会议强调"
PARAGRAPH_OPENERS = re.compile(rf"^(?:{_OPENER_WORDS})[，,]")
# A space in a headline followed by one of these is a line break, not a phrase break:
# `全市首个数字经济 与现代服务产业学院…`, `渝中区青年联合会 第八届委员会…`.
_HEADLINE_LINE_BREAK = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[与和及暨的之第并])")
# Running heads: `渝中报 2025年12月18日 星期四 第2版`.
_DATE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.\-/]\d{1,2}[.\-/]\d{1,2})")
_RUNNING_HEAD_HINT = re.compile(r"星期[一二三四五六日天]|第\s*[A-Za-z]?\d+\s*版|[^\s]{1,8}报")
MAX_RUNNING_HEAD_CHARS = 50
# Production credits printed on the page: `责任编辑：X 校对：Y 美编：Z`.
EDITOR_LINE = re.compile(
    r"^(?:本版)?(?:(?:责任|美术|图片|文字)?编辑|责编|校对|美编|版式|组版|审读|审核|值班编委|值班主任|主编|版面设计"
    r"|投稿邮箱)\s*[:：]"
)
# A page's own label or number printed as a line: `第02版：要闻`, `A2`, `2`.
PAGE_LABEL = re.compile(r"^(?:第\s*[A-Za-z]?\d{1,3}\s*版(?:\s*[:：]\s*[\u4e00-\u9fff]{0,8})?|[A-Za-z]?\d{1,3})$")
MAX_EDITOR_LINE_CHARS = 60
# Photo captions start with a triangle: `▲ 改造后的商业街区… 本报记者 X 摄`.
CAPTION_START = re.compile(r"^[▲△]\s*")
# …or end in a photo credit, bracketed or not: `市民在观景休憩。（本报记者 林 风 摄）`; captions are short.
CAPTION_CREDIT_END = re.compile(r"摄\s*[)）]?\s*$")
MAX_CAPTION_CHARS = 120
# A subtitle printed with a leading dash under the title: `——记区供电公司配电抢修班班长刘建国`.
# An interview's subtitle names whom it visits: `访大溪沟街道双溪社区党委书记王强`.
DASH_SUBTITLE = re.compile(r"^(?:[—－-]{1,2}\s*|(?=访[\u4e00-\u9fff]{4}))")
# Q&A paragraphs open with a speaker label (`记者：`, `王 强：`, `主持人：`): body text, never a headline.
SPEAKER_LABEL = re.compile(r"^(?:记者|主持人|[\u4e00-\u9fff]{1,2} ?[\u4e00-\u9fff]{1,2})[：:]")
# Lines that credit a source, not a person, and close an article: a reprint (`据重庆日报`, `来源：新华网`),
# a department in brackets (`（县公安局交巡警大队）`), an author's note (`（作者系县作家协会会员）`).
SOURCE_CREDIT = re.compile(
    r"^(?:据|来源[：:]\s*)[\u4e00-\u9fff]{2,12}(?:报|网|社|台|客户端)$"
    rf"|^[（(]{ORGANISATION.pattern}[)）]$"
    r"|^[（(]作者(?:系|单位[：:])[^（）()]{2,40}[)）]$"
)
# A signature alone on a line, padded as bylines are (`顾 青`): the piece's author.
PADDED_SIGNATURE = re.compile(r"^[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]$")
# A line of at most this many characters above a new article's headline is a column label (渝中观察, 三言两语),
# not a kicker: kickers are phrases (学习贯彻区委十三届八次全会精神).
MAX_COLUMN_LABEL_CHARS = 4


@dataclass(frozen=True)
class LineDisposition:
    """What became of one input line: its kind and the article (index into segments) it went to."""

    zone: int
    line: int
    text: str
    kind: str
    article: int | None


@dataclass(frozen=True)
class SegmentedPage:
    """A page's articles in reading order, with the disposition of every input line."""

    segments: tuple[Segment, ...]
    dispositions: tuple[LineDisposition, ...]


@dataclass
class _Draft:
    """An article being assembled; becomes a frozen Segment at the end."""

    zone: int
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    from_page: int | None = None
    to_page: int | None = None
    from_section: str = ""
    to_section: str = ""
    closed: bool = False  # a byline or a jump-to marker ended it
    source_urls: list[str] = field(default_factory=list)
    merged_into: _Draft | None = None
    spans: list[tuple[int, str]] = field(default_factory=list)  # (zone, body text) in body order

    def add_paragraph(self, zone: int, text: str, subhead: bool = False) -> None:
        """Append a paragraph (or a subhead in place), remembering which zone it came from."""
        self.paragraphs.append(text)
        if subhead:
            self.subheads.append(text)
        self._record(zone, text, "\n")

    def extend_last(self, zone: int, text: str) -> None:
        """Join text to the last paragraph (a sentence broken across lines or zones)."""
        self.paragraphs[-1] += text
        self._record(zone, text, "")

    def _record(self, zone: int, text: str, separator: str) -> None:
        """Extend the provenance spans: one span per run of text from the same zone."""
        if self.spans and self.spans[-1][0] == zone:
            self.spans[-1] = (zone, self.spans[-1][1] + separator + text)
        else:
            self.spans.append((zone, text))

    def open_tail(self) -> bool:
        """True when the last paragraph breaks off mid-sentence and nothing has closed the draft."""
        return (
            bool(self.paragraphs)
            and not self.closed
            and not self.last_is_subhead
            and ends_mid_sentence(self.paragraphs[-1])
        )

    @property
    def last_is_subhead(self) -> bool:
        """True when the newest paragraph is a subhead (which never continues into the next line)."""
        return bool(self.subheads) and self.paragraphs[-1] is self.subheads[-1]

    def text(self) -> str:
        """Body text without white space, for duplicate checks."""
        return "".join(self.paragraphs).replace(" ", "")


@dataclass(frozen=True)
class _Line:
    """One non-empty input line with its position and the zone it came from."""

    zone: int
    line: int
    text: str


@dataclass
class _State:
    """The pass's working state: drafts in reading order and where each line went."""

    page_no: int | None
    drafts: list[_Draft] = field(default_factory=list)
    current: _Draft | None = None
    dispositions: list[tuple[_Line, str, _Draft | None]] = field(default_factory=list)
    zone_urls: dict[int, str] = field(default_factory=dict)

    def new_draft(self, zone: int) -> _Draft:
        """Start an article and make it current."""
        draft = _Draft(zone=zone)
        self._add_url(draft, zone)
        self.drafts.append(draft)
        self.current = draft
        return draft

    def attach(self, draft: _Draft, zone: int) -> None:
        """Make a draft current again (an interleaved piece resumes it)."""
        self._add_url(draft, zone)
        self.current = draft

    def _add_url(self, draft: _Draft, zone: int) -> None:
        """Record the zone's source URL on the draft once."""
        url = self.zone_urls.get(zone)
        if url and url not in draft.source_urls:
            draft.source_urls.append(url)

    def mark(self, line: _Line, kind: str, draft: _Draft | None) -> None:
        """Record a line's disposition."""
        self.dispositions.append((line, kind, draft))


def normalise_headline(text: str) -> str:
    """Clean a headline, joining line breaks but keeping spaces that separate phrases."""
    return _HEADLINE_LINE_BREAK.sub("", clean_line(text))


def _is_furniture(text: str) -> bool:
    """Running heads and editor credits that belong to the page, not to an article."""
    if (len(text) <= MAX_EDITOR_LINE_CHARS and EDITOR_LINE.match(text)) or PAGE_LABEL.match(text):
        return True
    if len(text) <= MAX_BANNER_CHARS and PAGE_BANNER.search(text) and not _NOT_IN_HEADLINE.search(text):
        return True
    return (
        len(text) <= MAX_RUNNING_HEAD_CHARS
        and bool(_DATE.search(text))
        and bool(_RUNNING_HEAD_HINT.search(text))
        and "，" not in text
        and "。" not in text
    )


def _is_section_label(text: str, following: str | None) -> bool:
    """A column label (简讯, 综合新闻) standing over a headline or a dateline, not over body text."""
    return bool(SECTION_LABEL.match(text)) and (
        following is None or _follows_headline(following) or _is_heading(following)
    )


def _is_heading(text: str) -> bool:
    """A line that can be a headline or subhead: short, no sentence punctuation."""
    commas = text.count("，") + text.count(",")
    return (
        len(text) <= MAX_HEADING_CHARS
        and not _NOT_IN_HEADLINE.search(text)
        and (commas == 0 or (commas <= MAX_HEADLINE_COMMAS and len(text) <= MAX_COMMA_HEADLINE_CHARS))
        and not text.endswith(_NOT_HEADLINE_END)
        and not has_unclosed_open(text)
        and not CAPTION_START.match(text)
        and not SPEAKER_LABEL.match(text)
        and not SOURCE_CREDIT.match(text)
    )


def _is_caption(text: str) -> bool:
    """A photo caption: starts with ▲/△, or is a short paragraph ending in a photographer's credit."""
    if CAPTION_START.match(text):
        return True
    return (
        len(text) <= MAX_CAPTION_CHARS
        and bool(CAPTION_CREDIT_END.search(text))
        and bool(split_caption_credit(text)[1])
        and parse_byline_line(text) is None
    )


def _starts_article(text: str) -> bool:
    """True for lines that begin an article's body: a dateline or a continuation marker."""
    return split_jump_from(text)[0] is not None or split_dateline(text) is not None


def _follows_headline(text: str) -> bool:
    """Lines that only come right under a headline: a dateline, a continuation marker, a byline."""
    return _starts_article(text) or parse_byline_line(text) is not None


def _same_title(a: str, b: str) -> bool:
    """Compare titles ignoring spaces and punctuation differences."""
    def key(s: str) -> str:
        return re.sub(r"[\s“”\"'‘’《》()（）·—-]", "", s)

    return bool(a) and key(a) == key(b)


def segment_text(text: str, page_no: int | None = None) -> SegmentedPage:
    """Segment a page given as plain text, one paragraph per line."""
    lines = [clean_line(raw) for raw in text.splitlines()]
    zone = ArticleZone(url="", page_no=page_no or 0, kicker="", title="", subtitle="", author="",
                       paragraphs=tuple(lines))
    return segment_zones([zone], page_no=page_no)


def segment_zones(zones: Sequence[ArticleZone], page_no: int | None = None) -> SegmentedPage:
    """Segment a page given as the article zones of an e-paper site, in reading order."""
    state = _State(page_no=page_no, zone_urls={i: z.url for i, z in enumerate(zones) if z.url})
    for index, zone in enumerate(zones):
        _start_zone(state, index, zone)
        lines = [_Line(index, n, clean_line(p)) for n, p in enumerate(zone.paragraphs)]
        lines = [line for line in lines if line.text]
        position = 0
        while position < len(lines):
            position = _consume(state, lines, position)
    return _finish(state)


def _start_zone(state: _State, index: int, zone: ArticleZone) -> None:
    """A zone with a header starts an article; an untitled zone starts one at its first line."""
    state.current = None
    kicker, title, subtitle = (normalise_headline(t) for t in (zone.kicker, zone.title, zone.subtitle))
    if not (kicker or title or subtitle):
        return
    draft = state.new_draft(index)
    draft.kicker, draft.title, draft.subtitle = kicker, title, subtitle
    credits = parse_byline_line(zone.author) if zone.author else None
    draft.authors.extend(credits or [])


def _consume(state: _State, lines: list[_Line], position: int) -> int:
    """Dispose of the line at `position` (and any headline lines grouped with it); return the next position."""
    line = lines[position]
    text = line.text
    following = lines[position + 1].text if position + 1 < len(lines) else None
    if _is_furniture(text) or _is_section_label(text, following):
        state.mark(line, "furniture", None)
        return position + 1
    if _is_caption(text):
        _take_caption(state, line)
        return position + 1
    authors = parse_byline_line(text)
    if authors is None and SOURCE_CREDIT.match(text):
        authors = []
    if authors is None and PADDED_SIGNATURE.match(text) and state.current and state.current.paragraphs:
        authors = [Author(text.replace(" ", "").replace("\u3000", ""), "记者")]
    if authors is not None:
        _take_byline(state, line, authors)
        return position + 1
    if _is_heading(text) and not _starts_article(text) and split_jump_to(text)[1] is None:
        group_end = position
        while group_end + 1 < len(lines) and _continues_group(lines, group_end + 1):
            group_end += 1
        following = _next_text(lines, group_end + 1)
        if _take_headings(state, lines[position : group_end + 1], following):
            return group_end + 1
    _take_text(state, line)
    return position + 1


def _continues_group(lines: list[_Line], position: int) -> bool:
    """Whether the line at `position` joins the headline group above it (page furniture and bylines end it)."""
    text = lines[position].text
    following = lines[position + 1].text if position + 1 < len(lines) else None
    return (
        _is_heading(text)
        and not _starts_article(text)
        and parse_byline_line(text) is None
        and not _is_furniture(text)
        and not _is_section_label(text, following)
    )


def _next_text(lines: list[_Line], position: int) -> str | None:
    """The first line at or after `position` that is not a photo caption (captions float between blocks)."""
    while position < len(lines) and _is_caption(lines[position].text):
        position += 1
    return lines[position].text if position < len(lines) else None


def _take_caption(state: _State, line: _Line) -> None:
    """Move a photo caption to the current article's captions; its photographer becomes an author."""
    draft = state.current or state.new_draft(line.zone)
    caption, photographers = split_caption_credit(CAPTION_START.sub("", line.text))
    draft.captions.append(caption)
    _add_authors(draft, photographers)
    state.mark(line, "caption", draft)


def _take_byline(state: _State, line: _Line, authors: list[Author]) -> None:
    """A standalone byline ends the current article (or the last one on the page)."""
    draft = state.current or (state.drafts[-1] if state.drafts else state.new_draft(line.zone))
    _add_authors(draft, authors)
    state.mark(line, "byline", draft)
    if draft.paragraphs:  # a trailing byline ends the article; one under the headline does not
        draft.closed = True
        state.current = None


def _add_authors(draft: _Draft, authors: Sequence[Author]) -> None:
    """Add authors once each, in order."""
    for author in authors:
        if author not in draft.authors:
            draft.authors.append(author)


def _take_headings(state: _State, group: list[_Line], following: str | None) -> bool:
    """Place a run of headline-like lines; False when they turn out to be body text."""
    current = state.current
    texts = [normalise_headline(line.text) for line in group]
    if current and current.open_tail():
        return _take_interrupting_header(state, group, texts)
    if current and not current.closed and (_introduces_list(current) or len(group) >= MIN_VERSE_LINES):
        return _take_verse(state, group, following)
    if current and _same_title(current.title, "".join(texts)):
        for line in group:
            state.mark(line, "title_repeat", current)
        return True
    if current and not current.paragraphs and not current.closed:
        _fill_header(state, current, group, texts)
        return True
    starts = (
        current is None
        or current.closed
        or (following is not None and _follows_headline(following))
        or len(texts[0]) >= MIN_TITLE_CHARS
        or (len(texts) >= 2 and len(texts[0]) <= MAX_COLUMN_LABEL_CHARS and len(texts[1]) >= MIN_TITLE_CHARS)
    )
    if not starts:
        assert current is not None
        for line, text in zip(group, texts, strict=True):
            current.add_paragraph(line.zone, text, subhead=True)
            state.mark(line, "subhead", current)
        return True
    draft = state.new_draft(group[0].zone)
    _fill_header(state, draft, group, texts)
    return True


def _introduces_list(draft: _Draft) -> bool:
    """True when the article's last paragraph ends with a colon: the short lines after it are its items."""
    return bool(draft.paragraphs) and not draft.last_is_subhead and draft.paragraphs[-1].rstrip().endswith(("：", ":"))


def _take_verse(state: _State, group: list[_Line], following: str | None) -> bool:
    """Short lines that are a poem's verses or a list's items: body paragraphs as printed.

    When a byline follows, the last line is the next piece's title (a poem, then the next poem).
    """
    current = state.current
    assert current is not None
    next_title = 1 if following is not None and _follows_headline(following) and len(group) > 1 else 0
    for line in group[: len(group) - next_title]:
        current.add_paragraph(line.zone, line.text)
        state.mark(line, "body", current)
    if next_title:
        draft = state.new_draft(group[-1].zone)
        _fill_header(state, draft, group[-1:], [normalise_headline(group[-1].text)])
    return True


def _take_interrupting_header(state: _State, group: list[_Line], texts: list[str]) -> bool:
    """A header printed inside a broken sentence titles the untitled continuation it interrupts."""
    current = state.current
    assert current is not None
    if len(group) != 1 or len(texts[0]) < MIN_INTERRUPTING_HEADER_CHARS:
        return False
    if current.title and not _same_title(current.title, texts[0]):
        return False
    kind = "title_repeat" if current.title else "title"
    current.title = current.title or texts[0]
    state.mark(group[0], kind, current)
    return True


def _fill_header(state: _State, draft: _Draft, group: list[_Line], texts: list[str]) -> None:
    """Assign kicker, title and subtitle: the longest line is the title (引题 above, 副题 below)."""
    if draft.title:  # the zone already named the title: these lines add a subtitle or subheads
        for line, text in zip(group, texts, strict=True):
            if _same_title(draft.title, text):
                state.mark(line, "title_repeat", draft)
            elif not draft.subtitle:
                draft.subtitle = text
                state.mark(line, "subtitle", draft)
            else:
                draft.add_paragraph(line.zone, text, subhead=True)
                state.mark(line, "subhead", draft)
        return
    labelled = len(texts) >= 2 and len(texts[0]) <= MAX_COLUMN_LABEL_CHARS and not DASH_SUBTITLE.match(texts[1])
    label = 1 if labelled else 0
    heads = [DASH_SUBTITLE.sub("", t) if i else t for i, t in enumerate(texts[label:])]
    title = label + _title_index(texts[label:])
    draft.kicker = " ".join(heads[: title - label]) or draft.kicker
    draft.title = heads[title - label]
    draft.subtitle = " ".join(heads[title - label + 1 :]) or draft.subtitle
    for i, line in enumerate(group):
        kind = "furniture" if i < label else "kicker" if i < title else "title" if i == title else "subtitle"
        state.mark(line, kind, None if kind == "furniture" else draft)


def _title_index(texts: list[str]) -> int:
    """Which headline line is the title (主题): above a dashed subtitle; the middle of three; the one
    line of two that reports an event (`县政府召开第56次常务会议`); else the longest."""
    dashed = next((i for i, t in enumerate(texts) if i and DASH_SUBTITLE.match(t)), None)
    if dashed is not None:
        return dashed - 1
    if len(texts) == KICKER_TITLE_SUBTITLE:
        return 1
    events = [i for i, t in enumerate(texts) if EVENT_TITLE.search(t)]
    if len(texts) == 2 and len(events) == 1:
        return events[0]
    return max(range(len(texts)), key=lambda i: (len(texts[i]), -i))


def _take_text(state: _State, line: _Line) -> None:
    """Body text: markers and datelines come off, then the rest joins or follows the right article."""
    text = line.text
    marker_from, text = split_jump_from(text)
    if marker_from is not None:
        current = state.current
        if current is None or current.paragraphs or current.closed or current.from_page is not None:
            current = state.new_draft(line.zone)
        current.from_page, current.from_section = marker_from.page_no, marker_from.section
    text, marker_to = split_jump_to(text)
    trailing = split_trailing_credit(text) if marker_to is None else None
    if trailing is not None:
        text, credited = trailing
    dateline = split_dateline(text)
    if dateline is not None:
        authors, _printed, text = dateline
        current = state.current
        if current is None or current.paragraphs or current.closed:
            current = state.new_draft(line.zone)
        _add_authors(current, authors)
    kind = "marker" if marker_from or marker_to else "dateline" if dateline else "body"
    target = state.current
    if text:
        target, placed = _place_body(state, line, text)
        kind = "duplicate" if placed == "duplicate" else kind
    if marker_to is not None:
        target = target or state.current or state.new_draft(line.zone)
        target.to_page, target.to_section = marker_to.page_no, marker_to.section
        target.closed = True
        state.current = None
    if trailing is not None:  # credits in brackets end the article they close
        target = target or state.current or state.new_draft(line.zone)
        _add_authors(target, credited)
        target.closed = True
        state.current = None
        kind = "byline" if not text else kind
    state.mark(line, kind, target)


def _place_body(state: _State, line: _Line, text: str) -> tuple[_Draft, str]:
    """Append or join body text to the article it continues; returns that article and `body` or `duplicate`."""
    current = state.current
    squeezed = text.replace(" ", "")
    if len(squeezed) >= MIN_DUPLICATE_CHARS:
        original = next((d for d in state.drafts if d is not current and squeezed in d.text()), None)
        if original is None and current is not None and squeezed in current.text():
            original = current
        if original is not None:
            return _take_duplicate(state, line, original), "duplicate"
    if current is None or current.closed:
        resumed = _resumable(state, text)
        if resumed is not None:
            state.attach(resumed, line.zone)
            resumed.extend_last(line.zone, text)
            return resumed, "body"
        current = state.new_draft(line.zone)
    elif current.open_tail():
        target = current
        if has_unopened_close(text) and not has_unclosed_open(current.paragraphs[-1]):
            target = _resumable(state, text) or current
        if not PARAGRAPH_OPENERS.match(text):
            state.attach(target, line.zone)
            target.extend_last(line.zone, text)
            return target, "body"
    elif has_unopened_close(text):
        resumed = _resumable(state, text)
        if resumed is not None:
            state.attach(resumed, line.zone)
            resumed.extend_last(line.zone, text)
            return resumed, "body"
    current.add_paragraph(line.zone, text)
    return current, "body"


def _resumable(state: _State, text: str) -> _Draft | None:
    """An open article on this page whose broken-off tail this text completes (an unclosed quote)."""
    needs_opener = has_unopened_close(text)
    for draft in reversed(state.drafts):
        if draft is state.current or draft.merged_into or not draft.open_tail():
            continue
        if needs_opener and has_unclosed_open(draft.paragraphs[-1]):
            return draft
    return None


def _take_duplicate(state: _State, line: _Line, original: _Draft) -> _Draft:
    """A passage printed twice: drop the repeat; a titled zone that starts with it continues the original."""
    current = state.current
    fresh = current is not None and current is not original and not current.paragraphs and not current.closed
    if fresh and current is not None and not original.title and original.open_tail():
        original.kicker = original.kicker or current.kicker
        original.title = current.title
        original.subtitle = original.subtitle or current.subtitle
        _add_authors(original, current.authors)
        current.merged_into = original
        state.drafts.remove(current)
        state.attach(original, line.zone)
        for url in current.source_urls:
            if url not in original.source_urls:
                original.source_urls.append(url)
    return original


def _finish(state: _State) -> SegmentedPage:
    """Freeze drafts into Segments and resolve each line's article index."""
    drafts = [d for d in state.drafts if _has_content(d)]
    index = {id(d): i for i, d in enumerate(drafts)}
    segments = tuple(_freeze(d, state.page_no, state.zone_urls) for d in drafts)
    dispositions = []
    for line, kind, draft in state.dispositions:
        while draft is not None and draft.merged_into is not None:
            draft = draft.merged_into
        dispositions.append(
            LineDisposition(line.zone, line.line, line.text, kind, index.get(id(draft)) if draft else None)
        )
    return SegmentedPage(segments=segments, dispositions=tuple(dispositions))


def _has_content(draft: _Draft) -> bool:
    """Drafts with neither title nor body nor captions (an empty zone) are not articles."""
    return bool(draft.title or draft.paragraphs or draft.captions or draft.kicker)


def _spans(draft: _Draft, zone_urls: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """(source URL, text) runs of the body, neighbouring zones of the same URL merged."""
    merged: list[tuple[str, str]] = []
    for zone, text in draft.spans:
        url = zone_urls.get(zone, "")
        if merged and merged[-1][0] == url:
            merged[-1] = (url, merged[-1][1] + "\n" + text)
        else:
            merged.append((url, text))
    return tuple(merged)


def _writers_first(authors: list[Author]) -> tuple[Author, ...]:
    """Writers in printed order, then photographers (a caption may be printed above the dateline)."""
    return tuple(sorted(authors, key=lambda a: a.role == PHOTOGRAPHER))


def _freeze(draft: _Draft, page_no: int | None, zone_urls: dict[int, str]) -> Segment:
    """Turn a draft into an immutable Segment."""
    return Segment(
        title=draft.title,
        paragraphs=tuple(draft.paragraphs),
        page_no=page_no,
        kicker=draft.kicker or None,
        subtitle=draft.subtitle or None,
        byline=format_byline(_writers_first(draft.authors)),
        authors=_writers_first(draft.authors),
        subheads=tuple(draft.subheads),
        captions=tuple(draft.captions),
        continues_from_page=draft.from_page,
        continues_to_page=draft.to_page,
        from_section=draft.from_section,
        to_section=draft.to_section,
        source_urls=tuple(draft.source_urls),
        spans=_spans(draft, zone_urls),
    )
