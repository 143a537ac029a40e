"""The newer Founder (方正) e-paper: ``pc/layout/YYYYMM/DD/node_01.html`` pages, ``pc/content/…`` articles.

A page (``node_01.html``) lists the edition's pages (links or ``<select>`` options reading
``01版：要闻`` / ``第02版：综合``), its own articles in a title list (``#titleList``,
``.news-list``), an image map of article zones and the page PDF (``attachment/YYYYMM/DD/….pdf``).
Pages and articles are told apart by URL: a ``node_NN.html`` or ``content_N.html`` of the same
edition (same site, paper folder and date). An article page carries ``#PreTitle`` (kicker),
``#Title``, ``#SubTitle`` (``<h3>``/``<h1>``/``<h2>`` on templates without those ids), a byline
in ``#Author`` or ``.author`` and the body in ``<founder-content>``, ``div.newsdetatext`` or
``div#ozoom``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from transforms.layouts.base import LayoutError
from transforms.layouts.founder import parse_page_label
from transforms.layouts.markup import (
    absolute_url,
    attr_text,
    body_paragraphs,
    class_names,
    first_text,
    inline_text,
    outside,
    parse_partial,
    parse_text_regions,
    sibling_page_url,
    site_of,
)
from transforms.records import ArticleZone, PageListing, PageRef

__all__ = [
    "ATTACHMENT_DIR",
    "CONTENT_FILE",
    "FOUNDER_PC",
    "LAYOUT_FILE",
    "NAV_LABEL",
    "FounderPcLayout",
    "parse_nav_label",
]

# A page: <root>layout/202512/18/node_01.html; root (…/pc/) and date identify the edition.
LAYOUT_FILE = re.compile(
    r"^(?P<root>.*/)layout/(?P<month>\d{6})/(?P<day>\d{2})/node_(?P<number>\d+)\.html?$", re.IGNORECASE
)
# An article: <root>content/202512/18/content_5001.html, beside the edition's layout/ folder.
CONTENT_FILE = re.compile(
    r"^(?P<root>.*/)content/(?P<month>\d{6})/(?P<day>\d{2})/content_[\w-]+\.html?$", re.IGNORECASE
)
# Navigation text that names a page: 01版：要闻 / 第02版：综合 / A01版 / A01：要闻 (版 or a colon after the
# number), so a calendar's "18" linking to today's node_01 is no page 18.
NAV_LABEL = re.compile(r"^第?\s*[A-Za-z]{0,2}\s*\d{1,3}\s*(?:版|[：:])")
# Where page PDFs live: attachment/YYYYMM/DD/ (some installs spell the folder attachement).
ATTACHMENT_DIR = re.compile(r"/attache?ment/(?P<month>\d{6})/(?P<day>\d{2})/", re.IGNORECASE)
PDF_FILE = re.compile(r"\.pdf$", re.IGNORECASE)  # the page's printable PDF
TITLE_LIST_ID = "titleList"  # <div id="titleList">: the page's own articles
TITLE_LIST_CLASS = "news-list"  # <ul class="news-list">: the same list on other templates
KICKER_ID, TITLE_ID, SUBTITLE_ID = "PreTitle", "Title", "SubTitle"  # article headings; ids are case-sensitive
HEADING_IDS = (KICKER_ID, TITLE_ID, SUBTITLE_ID)
HEADING_TAGS = ("h3", "h1", "h2")  # kicker, title, subtitle on templates without the heading ids
BYLINE_TAG = "h4"  # a byline heading on those templates
AUTHOR_ID = "Author"  # <span id="Author">: the byline outside the body
AUTHOR_CLASS = "author"  # <p class="author">: the same on other templates
BODY_TAG = "founder-content"  # the body element of Founder's own templates
BODY_CLASS = "newsdetatext"  # <div class="newsdetatext">: the body wrapper of the pc template
BODY_DIV_ID = "ozoom"  # <div id="ozoom">: the zoomable body of older-style article templates
_PAGE_TAGS = frozenset({"a", "area", "map", "base", "select"})  # <option>s come inside their <select>
_ARTICLE_TAGS = frozenset({*HEADING_TAGS, BYLINE_TAG, BODY_TAG})
_ARTICLE_IDS = frozenset({*HEADING_IDS, AUTHOR_ID, BODY_DIV_ID})
_ARTICLE_CLASSES = frozenset({AUTHOR_CLASS, BODY_CLASS})


class _Edition(NamedTuple):
    """What the page and article files of one edition share: paper folder and date."""

    root: str  # the path up to layout/ or content/, e.g. /rmrb/pc/
    month: str  # 202512
    day: str  # 18


class _Link(NamedTuple):
    """A link resolved once: absolute URL, its static form, whether it stays on the page's site."""

    url: str
    canonical: str  # without the query of a static node/content file
    on_site: bool  # http(s) on the page's own host and port
    path: str  # of the canonical URL


class _PageLink(NamedTuple):
    """A page link with its section letter, so A1…A8 sort before B1…B4."""

    section: str
    ref: PageRef


_Links = dict[int, _Link]  # by id() of the <a>/<area>/<option> tag: bs4 tags compare by content, not identity


@dataclass(frozen=True)
class FounderPcLayout:
    """The Founder pc layout adapter."""

    name: str = "founder-pc"

    def guess_page_url(self, first_url: str, page_no: int) -> str | None:
        """The `page_no`-th page file of the edition whose first page is `first_url` (node_01, node_02, …)."""
        return sibling_page_url(first_url, page_no, LAYOUT_FILE)

    def parse_page(self, html: str, url: str) -> PageListing:
        """Read a ``node_NN.html`` page: its number and name, sibling pages, articles, PDF, other links."""
        own = _static(absolute_url(url, url) or url)  # without fragment or static-file query
        node = LAYOUT_FILE.match(urlsplit(own).path)
        if node is None:
            raise LayoutError(f"cannot tell which page {url} is: not a …/layout/YYYYMM/DD/node_NN.html URL")
        edition = _Edition(node["root"], node["month"], node["day"])
        soup = parse_partial(html, _keep_page_tag)
        tags = soup.find_all(["a", "area", "option"])
        links = _resolve_links(tags, _base_url(soup, url), site_of(url))
        pages = _page_links(tags, links, edition)
        page_no, page_name = _own_page(pages, own, int(node["number"]))
        articles = _article_urls(soup, links, edition)
        pdf = _pdf_url(links, edition)
        followed = {page.ref.url for page in pages} | set(articles) | {pdf}
        return PageListing(
            page_no=page_no,
            page_name=page_name,
            url=url,
            pdf_url=pdf,
            pages=tuple(page.ref for page in pages),
            article_urls=articles,
            other_links=_other_links(links, followed),
        )

    def parse_article(self, html: str, url: str, page_no: int) -> ArticleZone:
        """Read a ``content_N.html`` page: headings, byline and body paragraphs as printed."""
        soup = parse_text_regions(html, _keep_article_tag)
        body = _article_body(soup)
        by_id = any(isinstance(soup.find(id=name), Tag) for name in HEADING_IDS)
        if by_id:
            kicker, title, subtitle = (inline_text(_tag(soup.find(id=name))) for name in HEADING_IDS)
        else:
            kicker, title, subtitle = (first_text(outside(soup.find_all(name), body)) for name in HEADING_TAGS)
        return ArticleZone(
            url=url,
            page_no=page_no,
            kicker=kicker,
            title=title,
            subtitle=subtitle,
            author=_author(soup, body, headings=not by_id),
            paragraphs=body_paragraphs(body),
        )


FOUNDER_PC = FounderPcLayout()


def parse_nav_label(text: str) -> tuple[int, str, str] | None:
    """(page number, page name, section code) from navigation text like ``01版：要闻``; None if no label.

    The text must say 版 or put a colon after the number (NAV_LABEL); the fields are read as the
    classic layout reads them (``parse_page_label``: ``A01版：要闻`` gives ``(1, "A1 要闻", "A")``).
    """
    text = " ".join(text.split())
    return parse_page_label(text) if NAV_LABEL.match(text) else None


# --- layout pages ---------------------------------------------------------------------------


def _keep_page_tag(name: str, attrs: Mapping[str, str]) -> bool:
    """Links, image maps, page dropdowns, <base> and title-list containers."""
    return name in _PAGE_TAGS or _is_title_list(attrs)


def _is_title_list(attrs: Mapping[str, object]) -> bool:
    """Whether a tag's attributes mark it as the page's title list."""
    return attr_text(attrs, "id") == TITLE_LIST_ID or TITLE_LIST_CLASS in attr_text(attrs, "class").split()


def _edition_of(pattern: re.Pattern[str], path: str) -> _Edition | None:
    """The edition a page or article path belongs to, when the path is one."""
    match = pattern.match(path)
    return _Edition(match["root"], match["month"], match["day"]) if match else None


def _static(url: str) -> str:
    """A node/content URL without its query: static files ignore it (``content_1.html?div=-1``)."""
    parts = urlsplit(url)
    if LAYOUT_FILE.match(parts.path) or CONTENT_FILE.match(parts.path):
        return urlunsplit(parts._replace(query=""))
    return url


def _base_url(soup: BeautifulSoup, url: str) -> str:
    """The URL relative links resolve against: a ``<base href>`` if the page has one."""
    base = soup.find("base", href=True)
    return urljoin(url, attr_text(base.attrs, "href")) if isinstance(base, Tag) else url


def _resolve_links(tags: Iterable[Tag], base: str, site: tuple[str, int] | None) -> _Links:
    """Every link with a usable target, resolved once, by tag identity, in document order.

    An ``<option>`` counts only when its value is a page file: dropdowns also carry dates and indexes.
    """
    links: _Links = {}
    for tag in tags:
        option = tag.name == "option"
        url = absolute_url(base, attr_text(tag.attrs, "value" if option else "href"))
        if url is None:
            continue
        canonical = _static(url)
        path = urlsplit(canonical).path
        if option and not LAYOUT_FILE.match(path):
            continue
        links[id(tag)] = _Link(url, canonical, site is not None and site_of(url) == site, path)
    return links


def _in_edition(link: _Link, pattern: re.Pattern[str], edition: _Edition) -> bool:
    """Whether the link is an on-site page (or article) file of this edition."""
    return link.on_site and _edition_of(pattern, link.path) == edition


def _page_links(tags: Iterable[Tag], links: _Links, edition: _Edition) -> list[_PageLink]:
    """Navigation links and options to this edition's pages, one per URL, in page order.

    A link counts when its text is a page label (上一版/下一版 and calendar days are not); when a
    URL is labelled twice, the first label with a page name wins.
    """
    found: dict[str, _PageLink] = {}
    for tag in tags:
        link = links.get(id(tag))
        if tag.name == "area" or link is None or not _in_edition(link, LAYOUT_FILE, edition):
            continue
        label = parse_nav_label(inline_text(tag))
        if label is None:
            continue
        number, name, section = label
        seen = found.get(link.canonical)
        if seen is None or (name and not seen.ref.page_name):
            found[link.canonical] = _PageLink(section, PageRef(number, name, link.canonical))
    return sorted(found.values(), key=lambda page: (page.section, page.ref.page_no))


def _own_page(pages: list[_PageLink], own: str, node_number: int) -> tuple[int, str]:
    """This page's number and name: its own navigation link, else the ``node_NN`` number and no name."""
    for page in pages:
        if page.ref.url == own:
            return page.ref.page_no, page.ref.page_name
    return node_number, ""


def _article_urls(soup: BeautifulSoup, links: _Links, edition: _Edition) -> tuple[str, ...]:
    """This edition's article links in title-list order, then image-map zones, without repeats.

    With a title list on the page, links elsewhere (导读 boxes pointing at other pages' articles)
    are not this page's; without one, every article link counts.
    """
    title_lists = soup.find_all(lambda tag: _is_title_list(tag.attrs))
    listed = [a for found in title_lists for a in found.find_all("a")] if title_lists else soup.find_all("a")
    zones = (area for image_map in soup.find_all("map") for area in image_map.find_all("area"))
    found_links = (links.get(id(tag)) for tag in chain(listed, zones))
    articles = (link.canonical for link in found_links if link and _in_edition(link, CONTENT_FILE, edition))
    return tuple(dict.fromkeys(articles))


def _pdf_url(links: _Links, edition: _Edition) -> str | None:
    """The page PDF: the first under this date's attachment folder, else the first http(s) ``.pdf`` link."""
    pdfs = [link for link in links.values() if PDF_FILE.search(link.path) and site_of(link.url) is not None]
    dated = (link for link in pdfs if _attachment_date(link.path) == (edition.month, edition.day))
    return next((link.url for link in chain(dated, pdfs)), None)


def _attachment_date(path: str) -> tuple[str, str] | None:
    """(YYYYMM, DD) of an attachment-folder path, else None."""
    match = ATTACHMENT_DIR.search(path)
    return (match["month"], match["day"]) if match else None


def _other_links(links: _Links, followed: set[str | None]) -> tuple[str, ...]:
    """Every other link on the page (off-site, ``javascript:``, calendar, other editions …), no repeats."""
    others = (link.url for link in links.values() if not {link.url, link.canonical} & followed)
    return tuple(dict.fromkeys(others))


# --- article pages --------------------------------------------------------------------------


def _keep_article_tag(name: str, attrs: Mapping[str, str]) -> bool:
    """Headings, bylines and body containers: everything an article page is read for."""
    if name in _ARTICLE_TAGS or attr_text(attrs, "id") in _ARTICLE_IDS:
        return True
    return not _ARTICLE_CLASSES.isdisjoint(class_names(attrs))


def _tag(found: object) -> Tag | None:
    """A find() result as a Tag, or None."""
    return found if isinstance(found, Tag) else None


def _article_body(soup: BeautifulSoup) -> Tag | None:
    """The body container: ``<founder-content>``, else ``div.newsdetatext``, else ``div#ozoom``."""
    for found in (soup.find(BODY_TAG), soup.find(class_=BODY_CLASS), soup.find("div", id=BODY_DIV_ID)):
        if isinstance(found, Tag):
            return found
    return None






def _author(soup: BeautifulSoup, body: Tag | None, *, headings: bool) -> str:
    """The byline printed outside the body: ``#Author``, then ``.author``, then ``<h4>`` on heading templates."""
    candidates = chain(
        soup.find_all(id=AUTHOR_ID),
        soup.find_all(class_=AUTHOR_CLASS),
        soup.find_all(BYLINE_TAG) if headings else (),
    )
    return first_text(outside(candidates, body))

