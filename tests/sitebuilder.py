"""Write small Founder-layout e-paper editions for tests: node pages, article pages, page links."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Article", "Page", "write_edition"]


@dataclass(frozen=True)
class Article:
    """One article page (`content_ID.htm`): headings and body paragraphs as printed."""

    id: int
    title: str
    paragraphs: tuple[str, ...]
    kicker: str = ""
    subtitle: str = ""


@dataclass(frozen=True)
class Page:
    """One page of an edition (`node_NO.htm`) and its articles in reading order."""

    no: int
    name: str
    articles: tuple[Article, ...]
    foreign_links: tuple[str, ...] = ()  # absolute links printed in the title list (other hosts)
    label: str = ""  # the printed page label when it is not the number: `A3` on a lettered paper


def _node(page: Page, pages: Sequence[Page], encoding: str) -> str:
    """A page: the edition's page list, this page's title list and image map."""
    links = "\n".join(
        f'<a id="pageLink" href="node_{p.no}.htm">第{p.label or f"{p.no:02d}"}版：{html.escape(p.name)}</a>'
        for p in pages
    )
    titles = "\n".join(
        f'<tr><td><a href="content_{a.id}.htm"><div style="display:inline" id="mp{a.id}">'
        f"{html.escape(a.title)}</div></a></td></tr>"
        for a in page.articles
    ) + "".join(f'<tr><td><a href="{html.escape(url)}">友报推荐</a></td></tr>' for url in page.foreign_links)
    areas = "\n".join(f'<area shape="rect" coords="0,0,10,10" href="content_{a.id}.htm">' for a in page.articles)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}"></head><body>\n'
        f"{links}\n<table>{titles}</table>\n<map name=\"PagePicMap\">{areas}</map>\n"
        f'<a href="http://elsewhere.example/">友情链接</a>\n</body></html>\n'
    )


def _content(article: Article, encoding: str) -> str:
    """An article page: h3 kicker, h1 title, h2 subtitle, body paragraphs in div#ozoom."""
    body = "\n".join(f"<P>\u3000\u3000{html.escape(p)}</P>" for p in article.paragraphs)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}"></head><body>\n'
        f"<h3>{html.escape(article.kicker)}</h3><h1>{html.escape(article.title)}</h1>"
        f"<h2>{html.escape(article.subtitle)}</h2>\n"
        f'<div id="ozoom"><!--enpcontent-->{body}<!--/enpcontent--></div>\n</body></html>\n'
    )


def write_edition(root: Path, paper: str, date: dt.date, pages: Sequence[Page], encoding: str = "utf-8") -> Path:
    """Write one edition under `root/paper/html/YYYY-MM/DD/`; returns that folder."""
    folder = root / paper / "html" / f"{date:%Y-%m}" / f"{date:%d}"
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / f"node_{page.no}.htm").write_bytes(_node(page, pages, encoding).encode(encoding))
        for article in page.articles:
            (folder / f"content_{article.id}.htm").write_bytes(_content(article, encoding).encode(encoding))
    return folder
