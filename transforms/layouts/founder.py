"""The classic Founder (方正) e-paper: ``html/YYYY-MM/DD/node_N.htm`` pages, ``content_*.htm`` articles.

A page (``node_N.htm``) carries the page navigation (``<a id="pageLink">第02版：综合</a>``), the
title list of its articles, an image map (``<map name="PagePicMap">``) of article zones and a PDF
link. An article page carries ``<h3>`` kicker, ``<h1>`` title, ``<h2>`` subtitle, an ``<h4>``
byline and the body in ``<div id="ozoom">`` (``<founder-content>`` on some installs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from transforms.layouts.base import LayoutError
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
from transforms.markers import page_key
from transforms.records import ArticleZone, PageListing, PageRef

__all__ = [
    "CONTENT_FILE",
    "FOUNDER",
    "NODE_FILE",
    "PAGE_LABEL",
    "PAGE_TEXT",
    "FounderLayout",
    "parse_page_label",
]

# Link text of a page in the navigation: 第02版：综合 / 第2版:综合 / 第A3版 / A03版 要闻 (第 and 版
# optional inside #pageLink); the number must not run on into more digits (a year is no page).
PAGE_LABEL = re.compile(
    r"^第?\s*(?P<section>[A-Za-z]{0,2})\s*0*(?P<number>\d{1,3})(?!\d)\s*版?\s*[：:]?\s*(?P<name>.*)$",
    re.DOTALL,
)
# Without any #pageLink, only links saying 第N版 (or 第A3版) are page links: 上一版/下一版 are not.
PAGE_TEXT = re.compile(r"第\s*[A-Za-z]{0,2}\s*0*\d+\s*版")
NODE_FILE = re.compile(r"(?:^|/)node_(?P<number>\d+)\.html?$", re.IGNORECASE)  # a page: node_2.htm
CONTENT_FILE = re.compile(r"(?:^|/)content_[\w-]+\.html?$", re.IGNORECASE)  # an article: content_123.htm
PDF_FILE = re.compile(r"\.pdf$", re.IGNORECASE)  # the page's printable PDF
PAGE_LINK_ID = "pagelink"  # <a id="pageLink">, compared lower-cased (templates spell it both ways)
PAGE_PIC_MAP = "pagepicmap"  # <map name="PagePicMap">: the zones drawn over the page image
ZONE_DIV_PREFIX = "content_"  # <div id="content_123">: zones drawn as positioned divs on some installs
BODY_DIV_ID = "ozoom"  # <div id="ozoom">: the zoomable article body
BODY_TAG = "founder-content"  # the body element of Founder's own templates
BODY_CLASS = "newsdetatext"  # the body class of a later Founder template
AUTHOR_CLASS = "author"  # <span class="author"> byline outside the body
AUTHOR_TAG = "founder-author"  # Founder's own byline element
TITLE_TAG = "founder-title"  # Founder's own title element, on templates without <h1>
TITLE_TABLE_CLASS = "wz"  # <table class="wz">: older templates print 引题/主题/副题 as its rows
KICKER_TITLE_SUBTITLE_ROWS = 3
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_PAGE_TAGS = frozenset({"a", "area", "map", "base"})  # all a node page needs, beside zone divs
_ARTICLE_TAGS = _HEADING_TAGS | {BODY_TAG, AUTHOR_TAG, TITLE_TAG}
_ARTICLE_CLASSES = frozenset({AUTHOR_CLASS, BODY_CLASS, TITLE_TABLE_CLASS})


class _PageLink(NamedTuple):
    """A page link with its section letter, so A1…A8 sort before B1…B4."""

    section: str
    ref: PageRef


class _Link(NamedTuple):
    """A link resolved once: absolute URL, its static form, whether it stays on the page's site."""

    url: str
    canonical: str  # without the query of a static node/content file
    on_site: bool  # http(s) on the page's own host and port
    path: str


_Links = dict[int, _Link]  # by id() of the <a>/<area> tag: bs4 tags compare by content, not identity


@dataclass(frozen=True)
class FounderLayout:
    """The classic Founder layout adapter."""

    name: str = "founder"

    def guess_page_url(self, first_url: str, page_no: int) -> str | None:
        """The `page_no`-th page file of the edition whose first page is `first_url` (node_1, node_2, …)."""
        return sibling_page_url(first_url, page_no, NODE_FILE)

    def parse_page(self, html: str, url: str) -> PageListing:
        """Read a ``node_N.htm`` page: its number and name, sibling pages, articles, PDF, other links."""
        soup = parse_partial(html, _keep_page_tag)
        tags = soup.find_all(["a", "area"])
        links = _resolve_links(tags, _base_url(soup, url), site_of(url))
        anchors = [tag for tag in tags if tag.name == "a"]
        pages = _page_links(anchors, links, _directory(url))
        page_no, page_name = _own_page(pages, url)
        articles = _article_urls(soup, anchors, links)
        pdf = _pdf_url(links)
        followed = {link.ref.url for link in pages} | set(articles) | {pdf}
        return PageListing(
            page_no=page_no,
            page_name=page_name,
            url=url,
            pdf_url=pdf,
            pages=tuple(link.ref for link in pages),
            article_urls=articles,
            other_links=_other_links(links, followed),
        )

    def parse_article(self, html: str, url: str, page_no: int) -> ArticleZone:
        """Read a ``content_*.htm`` page: headings, byline and body paragraphs as printed."""
        soup = parse_text_regions(html, _keep_article_tag)
        body = _article_body(soup)
        kicker, title, subtitle = (_heading(soup, name, body) for name in ("h3", "h1", "h2"))
        if not title:
            kicker, title, subtitle = _title_fallback(soup, body) or (kicker, title, subtitle)
        return ArticleZone(
            url=url,
            page_no=page_no,
            kicker=kicker,
            title=title,
            subtitle=subtitle,
            author=_author(soup, body),
            paragraphs=body_paragraphs(body),
        )


FOUNDER = FounderLayout()


def parse_page_label(text: str) -> tuple[int, str, str] | None:
    """(page number, page name, section code) from link text like ``第A3版：要闻``; None if not a label.

    The name is what follows the colon; a lettered page keeps its section code in front of it
    (``第A3版`` gives ``A3``, ``第A3版：要闻`` gives ``A3 要闻``), and its number is a page key that
    keeps A3 and B3 apart (103 and 203, see ``transforms.markers.page_key``).
    """
    match = PAGE_LABEL.match(" ".join(text.split()))
    if match is None:
        return None
    number = int(match["number"])
    section = match["section"].upper()
    name = match["name"].strip()
    if section:
        name = f"{section}{number} {name}".strip()
    return page_key(section, number), name, section


# --- node pages -----------------------------------------------------------------------------


def _keep_page_tag(name: str, attrs: Mapping[str, str]) -> bool:
    """Links, image maps, <base> and zone divs: everything a node page is read for."""
    if name in _PAGE_TAGS:
        return True
    return name == "div" and attr_text(attrs, "id").startswith(ZONE_DIV_PREFIX)


def _base_url(soup: BeautifulSoup, url: str) -> str:
    """The URL relative links resolve against: a ``<base href>`` if the page has one."""
    base = soup.find("base", href=True)
    return urljoin(url, attr_text(base.attrs, "href")) if isinstance(base, Tag) else url


def _static(url: str) -> str:
    """A node/content URL without its query: static files ignore it (``content_1.htm?div=-1``)."""
    parts = urlsplit(url)
    if NODE_FILE.search(parts.path) or CONTENT_FILE.search(parts.path):
        return urlunsplit(parts._replace(query=""))
    return url


def _resolve_links(tags: Iterable[Tag], base: str, site: tuple[str, int] | None) -> _Links:
    """Every ``<a>``/``<area>`` with a usable href, resolved once, by tag identity, in document order."""
    links: _Links = {}
    for tag in tags:
        url = absolute_url(base, attr_text(tag.attrs, "href"))
        if url is not None:
            path = urlsplit(url).path
            links[id(tag)] = _Link(url, _static(url), site is not None and site_of(url) == site, path)
    return links


def _page_links(anchors: list[Tag], links: _Links, edition_dir: str) -> list[_PageLink]:
    """Page navigation links, deduplicated by URL, in page order (section, then number).

    Without ``#pageLink`` ids, a 第N版 link counts only inside the page's own folder (the edition):
    a 第1版 link to another date's edition is not one of this edition's pages.
    """
    marked = [a for a in anchors if attr_text(a.attrs, "id").lower() == PAGE_LINK_ID]
    labelled = marked or [a for a in anchors if PAGE_TEXT.search(inline_text(a))]
    found: dict[str, _PageLink] = {}
    for anchor in labelled:
        link = links.get(id(anchor))
        fuzzy = not marked
        if link is None or (fuzzy and _directory(link.canonical) != edition_dir):
            continue
        page = _page_link(anchor, link, need_marker=fuzzy)
        if page is not None:
            found.setdefault(page.ref.url, page)
    return sorted(found.values(), key=lambda page: (page.section, page.ref.page_no))


def _directory(url: str) -> str:
    """The URL up to its last slash: the folder a Founder edition's files share."""
    return url.rsplit("/", 1)[0]


def _page_link(anchor: Tag, link: _Link, *, need_marker: bool) -> _PageLink | None:
    """One navigation anchor as a page link, if it points at a page of this site and says which."""
    if not link.on_site or CONTENT_FILE.search(link.path):
        return None
    text = inline_text(anchor)
    if need_marker:
        marker = PAGE_TEXT.search(text)
        text = text[marker.start() :] if marker else ""
    label = parse_page_label(text)
    if label is None:
        return None
    number, name, section = label
    return _PageLink(section, PageRef(page_no=number, page_name=name, url=link.canonical))


def _own_page(pages: list[_PageLink], url: str) -> tuple[int, str]:
    """This page's number and name: its own navigation link, else the ``node_N`` file name."""
    own = _static(absolute_url(url, url) or url)
    for page in pages:
        if page.ref.url == own:
            return page.ref.page_no, page.ref.page_name
    node = NODE_FILE.search(urlsplit(url).path)
    if node is None:
        raise LayoutError(f"cannot tell which page {url} is: no navigation link to it, no node_N name")
    return int(node["number"]), ""


def _article_urls(soup: BeautifulSoup, anchors: list[Tag], links: _Links) -> tuple[str, ...]:
    """Article links in title-list order, then image-map zones, then zone divs, without repeats."""
    zone_divs = soup.find_all("div", id=lambda v: bool(v) and str(v).startswith(ZONE_DIV_PREFIX))
    zone_anchors = [a for div in zone_divs for a in div.find_all("a")]
    in_zone = {id(a) for a in zone_anchors}
    title_list = [a for a in anchors if id(a) not in in_zone]
    found = (links.get(id(tag)) for tag in chain(title_list, _map_areas(soup), zone_anchors))
    articles = (link.canonical for link in found if link and link.on_site and CONTENT_FILE.search(link.path))
    return tuple(dict.fromkeys(articles))


def _map_areas(soup: BeautifulSoup) -> Iterator[Tag]:
    """The ``<area>`` zones of the page image's ``PagePicMap``."""
    for image_map in soup.find_all("map"):
        if attr_text(image_map.attrs, "name").lower() == PAGE_PIC_MAP:
            yield from image_map.find_all("area")


def _pdf_url(links: _Links) -> str | None:
    """The first http(s) link to a ``.pdf`` file (on any host: it is recorded, not fetched here)."""
    for link in links.values():
        if PDF_FILE.search(link.path) and site_of(link.url) is not None:
            return link.url
    return None


def _other_links(links: _Links, followed: set[str | None]) -> tuple[str, ...]:
    """Every other link on the page (off-site, ``javascript:``, calendar, navigation …), no repeats."""
    others = (link.url for link in links.values() if not {link.url, link.canonical} & followed)
    return tuple(dict.fromkeys(others))


# --- article pages --------------------------------------------------------------------------


def _keep_article_tag(name: str, attrs: Mapping[str, str]) -> bool:
    """Headings, bylines and the body container: everything an article page is read for."""
    if name in _ARTICLE_TAGS:
        return True
    if name == "div" and attr_text(attrs, "id") == BODY_DIV_ID:
        return True
    return not _ARTICLE_CLASSES.isdisjoint(class_names(attrs))


def _title_fallback(soup: BeautifulSoup, body: Tag | None) -> tuple[str, str, str] | None:
    """Headings on templates without <h1>: ``<founder-title>``, else the rows of ``table.wz``
    (one row: the title; two: title and subtitle; three: kicker, title, subtitle)."""
    title = first_text(outside(soup.find_all(TITLE_TAG), body))
    if title:
        return "", title, ""
    table = next(outside(soup.find_all("table", class_=TITLE_TABLE_CLASS), body), None)
    rows = [text for row in (table.find_all("tr") if table else []) if (text := inline_text(row))]
    if not rows:
        return None
    if len(rows) >= KICKER_TITLE_SUBTITLE_ROWS:
        return rows[0], rows[1], " ".join(rows[2:])
    return "", rows[0], " ".join(rows[1:])


def _article_body(soup: BeautifulSoup) -> Tag | None:
    """The body container: ``div#ozoom``, else ``<founder-content>``, else ``.newsdetatext``."""
    for found in (soup.find("div", id=BODY_DIV_ID), soup.find(BODY_TAG), soup.find(class_=BODY_CLASS)):
        if isinstance(found, Tag):
            return found
    return None






def _heading(soup: BeautifulSoup, name: str, body: Tag | None) -> str:
    """The first non-empty heading of that level outside the body."""
    return first_text(outside(soup.find_all(name), body))


def _author(soup: BeautifulSoup, body: Tag | None) -> str:
    """The byline printed outside the body: ``<h4>``, then ``.author``, then ``<founder-author>``."""
    candidates = chain(soup.find_all("h4"), soup.find_all(class_=AUTHOR_CLASS), soup.find_all(AUTHOR_TAG))
    return first_text(outside(candidates, body))

