"""What every layout adapter offers, and how it fails."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from transforms.records import ArticleZone, PageListing

__all__ = ["Layout", "LayoutError", "UnknownLayout"]


@runtime_checkable
class Layout(Protocol):
    """Reads one e-paper system's pages: a page listing from a page, an article zone from an article."""

    @property
    def name(self) -> str:
        """The name papers.toml uses for this layout."""
        ...

    def parse_page(self, html: str, url: str) -> PageListing:
        """The page's number, name, PDF, sibling pages and article links."""
        ...

    def parse_article(self, html: str, url: str, page_no: int) -> ArticleZone:
        """The headings, byline and body paragraphs of one article page."""
        ...

    def guess_page_url(self, first_url: str, page_no: int) -> str | None:
        """Where page `page_no` should be when the first page cannot be read to list it; None if unknown."""
        ...


class LayoutError(ValueError):
    """A page does not look like the layout says it should (e.g. no page number anywhere)."""


class UnknownLayout(KeyError):
    """papers.toml names a layout no adapter is registered for."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        """One clear line instead of KeyError's quoted repr."""
        return f"unknown layout {self.name!r}; known layouts: {', '.join(self.known) or 'none'}"
