"""HTML helpers shared by layout adapters: partial parsing, text with line breaks, absolute links."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from bs4.filter import SoupStrainer
from lxml import etree

__all__ = [
    "BLOCK_TAGS",
    "KeepTag",
    "TagFilter",
    "absolute_url",
    "attr_text",
    "block_lines",
    "body_paragraphs",
    "class_names",
    "first_text",
    "inline_text",
    "outside",
    "parse_partial",
    "parse_text_regions",
    "sibling_page_url",
    "site_of",
]

# A predicate deciding from a tag's name and raw attributes whether the parser should keep it.
KeepTag = Callable[[str, Mapping[str, str]], bool]

# Elements a browser starts on a new line: their edges separate paragraphs in <p>-less bodies.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "founder-content", "pre"}
)
# The whitespace HTML collapses; U+3000 and NBSP are printed content (paragraph indentation), kept.
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_HTML_SPACE_CHARS = " \t\r\n\f"
# Spaces and tabs only: inside <p>-less bodies the source newlines themselves separate paragraphs.
_HTML_SPACE_IN_LINE = re.compile(r"[ \t\f]+")
_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})  # never printed on the page
_WEB_SCHEMES = frozenset({"http", "https"})  # the only links a fetcher may follow
_DEFAULT_PORTS = {"http": 80, "https": 443}  # so host:80 and host compare equal


class TagFilter(SoupStrainer):
    """A SoupStrainer that keeps a top-level tag (and everything inside it) when ``keep`` says so."""

    def __init__(self, keep: KeepTag) -> None:
        super().__init__(name=True)
        self._keep = keep

    def allow_tag_creation(self, nsprefix: str | None, name: str, attrs: Mapping[str, str] | None) -> bool:
        """Ask the predicate; attribute values arrive as the parser read them."""
        return self._keep(name, attrs or {})

    def allow_string_creation(self, string: str) -> bool:
        """Drop text outside kept tags."""
        return False


def parse_partial(html: str, keep: KeepTag) -> BeautifulSoup:
    """Parse with lxml, building only the tags ``keep`` accepts (and their descendants)."""
    return BeautifulSoup(html, "lxml", parse_only=TagFilter(keep))


def parse_text_regions(html: str, keep: KeepTag) -> BeautifulSoup:
    """Like parse_partial, several times faster, for reading text (not links) from a large page.

    A real e-paper page is 30–100 KB of scripts and navigation around a few KB of text. lxml's C
    parser first cuts the page down to the kept elements; BeautifulSoup then parses only those, so
    its Python-level tree building touches a few KB instead of the whole page. lxml re-serialises
    link attributes percent-encoded, which is why pages read for their links use parse_partial.
    """
    return BeautifulSoup(_kept_markup(html, keep), "lxml", parse_only=TagFilter(keep))


def _kept_markup(html: str, keep: KeepTag) -> str:
    """The markup of the outermost elements ``keep`` accepts, in document order; the page when lxml refuses it."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):  # empty documents, XML declarations in str input
        return html
    parts: list[str] = []
    _collect(root, keep, parts)
    return "".join(parts)


def _collect(element: lxml.html.HtmlElement, keep: KeepTag, parts: list[str]) -> None:
    """Append the markup of kept descendants of ``element``, not descending into kept ones."""
    for child in element.iterchildren(etree.Element):  # elements only: no comments or processing instructions
        if keep(child.tag, child.attrib):
            parts.append(lxml.html.tostring(child, encoding="unicode", with_tail=False))
        else:
            _collect(child, keep, parts)


def class_names(attrs: Mapping[str, str]) -> list[str]:
    """The class names of a tag's raw attributes."""
    return attr_text(attrs, "class").split()


def attr_text(attrs: Mapping[str, object], name: str) -> str:
    """An attribute value as one string, whether the parser gave a string or a list."""
    value = attrs.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def inline_text(tag: Tag | None) -> str:
    """A heading's text on one line: ``<br>`` and every whitespace run become one space, ends stripped."""
    if tag is None:
        return ""
    return " ".join("".join(_text_pieces(tag, line_break=" ")).split())


def block_lines(tag: Tag, *, source_newlines: bool) -> list[str]:
    """Non-empty lines of a block as printed: ``<br>`` and block edges break lines; indentation kept.

    HTML whitespace (ASCII) collapses to one space and is trimmed at line ends; U+3000 and NBSP
    stay. With ``source_newlines`` the newlines of the HTML source break lines too.
    """
    raw = "".join(_text_pieces(tag, line_break="\n", source_newlines=source_newlines))
    space = _HTML_SPACE_IN_LINE if source_newlines else _HTML_SPACE
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = (space.sub(" ", line).strip(_HTML_SPACE_CHARS) for line in lines)
    return [line for line in cleaned if line.strip()]


def _text_pieces(tag: Tag, *, line_break: str, source_newlines: bool = False) -> Iterator[str]:
    """Text of a tag in document order, with ``line_break`` around ``<br>`` and blocks, no scripts."""
    for child in tag.children:
        if isinstance(child, Tag):
            block = child.name in BLOCK_TAGS
            if block:
                yield line_break
            if child.name not in _NO_TEXT_TAGS:
                yield from _text_pieces(child, line_break=line_break, source_newlines=source_newlines)
            if block:
                yield line_break
        elif type(child) is NavigableString:  # not Comment, Script, Stylesheet, Doctype …
            yield str(child) if source_newlines else _HTML_SPACE.sub(" ", str(child))


def absolute_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base`` without its fragment; None for empty or same-page (#…) links."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(urljoin(base, href))
    return urlunsplit(parts._replace(fragment=""))


def site_of(url: str) -> tuple[str, int] | None:
    """(host, port) of an http(s) URL with the default port filled in, else None."""
    parts = urlsplit(url)
    if parts.scheme not in _WEB_SCHEMES or not parts.hostname:
        return None
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:  # a port that is not a number
        return None
    return parts.hostname.lower(), port


def outside(tags: Iterable[Tag], body: Tag | None) -> Iterator[Tag]:
    """The tags that are not inside the body (a subhead <h3> in the body is no kicker)."""
    for tag in tags:
        if body is None or not any(parent is body for parent in tag.parents):
            yield tag


def first_text(tags: Iterable[Tag]) -> str:
    """The first non-empty one-line text among the tags."""
    return next((text for text in map(inline_text, tags) if text), "")


def body_paragraphs(body: Tag | None) -> tuple[str, ...]:
    """Body paragraphs from ``<p>`` (split at ``<br>``), else the body's lines; indentation kept."""
    if body is None:
        return ()
    paragraphs = body.find_all("p")
    if not paragraphs:
        return tuple(block_lines(body, source_newlines=True))
    return tuple(line for p in paragraphs for line in block_lines(p, source_newlines=False))


def sibling_page_url(first_url: str, page_no: int, node: re.Pattern[str]) -> str | None:
    """The URL page `page_no` has when pages are numbered files like the first one (`node_1.htm` ->
    `node_2.htm`, `node_01.html` -> `node_02.html`, keeping the zero padding); None when `node` does not match."""
    parts = urlsplit(first_url)
    match = node.search(parts.path)
    if match is None:
        return None
    digits = match.group("number")
    start, end = match.span("number")
    path = parts.path[:start] + str(page_no).zfill(len(digits)) + parts.path[end:]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
