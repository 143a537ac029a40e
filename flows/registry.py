"""The paper registry: `papers.toml` read into typed Paper records, with clear errors."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_PAPERS_FILE", "Paper", "RegistryError", "get_paper", "load_papers", "papers_file", "resolve_home",
    "resolve_keep",
]

# The registry at the repository root, used when neither --papers nor $EPAPER_PAPERS says otherwise.
DEFAULT_PAPERS_FILE = Path(__file__).resolve().parent.parent / "papers.toml"
# Politeness defaults for a small paper's server.
DEFAULT_REQUESTS_PER_SECOND = 2.0
DEFAULT_MAX_CONNECTIONS = 2
DEFAULT_SCHEDULE = "0 7 * * *"  # 07:00 in the paper's time zone, after the morning edition is up


class RegistryError(ValueError):
    """The registry file is missing, malformed, or does not name the paper asked for."""


@dataclass(frozen=True)
class Paper:
    """One paper's registry entry."""

    paper_id: str
    name: str
    layout: str
    edition_url: str
    timezone: str
    encoding: str | None = None
    requests_per_second: float = DEFAULT_REQUESTS_PER_SECOND
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    schedule: str = DEFAULT_SCHEDULE

    def url_for(self, date: dt.date) -> str:
        """The first page of the edition of `date`."""
        return self.edition_url.format(date=date)

    @property
    def host(self) -> str:
        """host[:port] of the paper's site: the only place fetching may go."""
        return urlsplit(self.edition_url).netloc

    def today(self) -> dt.date:
        """Today's date in the paper's time zone."""
        return dt.datetime.now(zoneinfo.ZoneInfo(self.timezone)).date()


def papers_file(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--papers, else $EPAPER_PAPERS, else papers.toml at the repository root."""
    return Path(explicit or os.environ.get("EPAPER_PAPERS") or DEFAULT_PAPERS_FILE)


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--home, else $EPAPER_HOME, else ./data."""
    return Path(explicit or os.environ.get("EPAPER_HOME") or "data")


def resolve_keep(explicit: int | None = None) -> int | None:
    """How many snapshots to keep: --keep, else $EPAPER_KEEP_SNAPSHOTS, else all (None)."""
    if explicit is not None:
        return explicit
    value = os.environ.get("EPAPER_KEEP_SNAPSHOTS", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise RegistryError(f"EPAPER_KEEP_SNAPSHOTS must be a whole number of at least 1, not {value!r}")
    return int(value)


def load_papers(path: Path) -> dict[str, Paper]:
    """Read and validate every paper in the registry."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"cannot read papers file {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RegistryError(f"papers file {path} is not valid TOML: {exc}") from exc
    entries = raw.get("papers")
    if not isinstance(entries, dict) or not entries:
        raise RegistryError(f"papers file {path} has no [papers.<id>] tables")
    return {paper_id: _paper(paper_id, entry, path) for paper_id, entry in entries.items()}


def get_paper(paper_id: str, papers: str | os.PathLike[str] | None = None) -> Paper:
    """One paper from the registry (--papers, $EPAPER_PAPERS or papers.toml); RegistryError names the known ones."""
    registry = load_papers(papers_file(papers))
    if paper_id not in registry:
        raise RegistryError(f"unknown paper {paper_id!r}; known papers: {', '.join(sorted(registry))}")
    return registry[paper_id]


def _paper(paper_id: str, entry: object, path: Path) -> Paper:
    """Validate one [papers.<id>] table."""
    if not isinstance(entry, dict):
        raise RegistryError(f"{path}: papers.{paper_id} must be a table")
    missing = [key for key in ("name", "layout", "edition_url", "timezone") if not entry.get(key)]
    if missing:
        raise RegistryError(f"{path}: papers.{paper_id} lacks {', '.join(missing)}")
    try:
        zoneinfo.ZoneInfo(entry["timezone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise RegistryError(f"{path}: papers.{paper_id} has unknown timezone {entry['timezone']!r}") from exc
    url = str(entry["edition_url"])
    if urlsplit(url).scheme not in ("http", "https") or "{date" not in url:
        raise RegistryError(f"{path}: papers.{paper_id}.edition_url must be an http(s) URL with a {{date:…}} field")
    return Paper(
        paper_id=paper_id,
        name=str(entry["name"]),
        layout=str(entry["layout"]),
        edition_url=url,
        timezone=str(entry["timezone"]),
        encoding=entry.get("encoding"),
        requests_per_second=float(entry.get("requests_per_second", DEFAULT_REQUESTS_PER_SECOND)),
        max_connections=int(entry.get("max_connections", DEFAULT_MAX_CONNECTIONS)),
        schedule=str(entry.get("schedule", DEFAULT_SCHEDULE)),
    )
