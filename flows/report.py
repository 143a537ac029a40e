"""What an edition run reports in the Prefect UI: a markdown summary and a table, newspaper text escaped."""

from __future__ import annotations

import re
from typing import Any

from flows.pipeline import Edition

__all__ = ["artifact_key", "edition_markdown", "edition_table", "escape_markdown"]

# Characters that markdown would read as formatting; newspaper text is content and gets them escaped.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
# Artifact keys allow lower-case letters, digits and dashes only.
_KEY_UNSAFE = re.compile(r"[^a-z0-9-]+")
# Warnings listed in full before the summary says "and N more".
MAX_LISTED_WARNINGS = 50


def escape_markdown(text: str) -> str:
    """Text from the newspaper, safe to put into markdown (and one line)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def artifact_key(paper_id: str, date: str) -> str:
    """A stable artifact key per edition, so the UI shows the history of one edition's runs."""
    return _KEY_UNSAFE.sub("-", f"edition-{paper_id}-{date}".lower()).strip("-")


def edition_markdown(edition: Edition) -> str:
    """The run's summary: counts, stitched and orphaned articles, warnings with links to their pages."""
    record = edition.record
    pages = {p.page_no: p.url for p in record.pages}
    lines = [
        f"# {escape_markdown(record.paper_id)} {record.edition_date}: {record.status}",
        "",
        "| pages | articles | stitched | orphans | warnings | retries |",
        "|---|---|---|---|---|---|",
        f"| {len(record.pages)} | {len(record.articles)} | {edition.stitched} | {edition.orphans} "
        f"| {len(edition.warnings)} | {edition.retries} |",
    ]
    joined = [a for a in record.articles if a.continuation != "none"]
    if joined:
        lines += ["", "## Articles across pages", ""]
        lines += [
            f"- {escape_markdown(a.title or '(untitled)')}: pages {', '.join(map(str, a.pages))}, {a.continuation}"
            + (f", confidence {a.confidence:.2f}" if a.confidence is not None else "")
            for a in joined
        ]
    if edition.warnings:
        lines += ["", "## Warnings", ""]
        for issue in edition.warnings[:MAX_LISTED_WARNINGS]:
            where = f"[page {issue.page_no}]({pages[issue.page_no]})" if issue.page_no in pages else "edition"
            lines.append(f"- **{issue.code}** ({issue.severity}, {where}): {escape_markdown(issue.message)}")
        if len(edition.warnings) > MAX_LISTED_WARNINGS:
            lines.append(f"- … and {len(edition.warnings) - MAX_LISTED_WARNINGS} more in `quality_issues`")
    return "\n".join(lines) + "\n"


def edition_table(edition: Edition) -> list[dict[str, Any]]:
    """One row per article: page, pages, continuation, title, byline, characters."""
    return [
        {
            "page": a.page_no,
            "pages": ",".join(map(str, a.pages)),
            "continuation": a.continuation,
            "title": a.title,
            "byline": a.byline or "",
            "chars": a.char_count,
        }
        for a in edition.record.articles
    ]
