"""The raw archive: every response body stored once, content-addressed and compressed, with a fetch log."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from flows.fetch import FetchError, FetchResult

__all__ = ["ArchiveSource", "RawArchive"]


@dataclass(frozen=True)
class RawArchive:
    """`{home}/raw/objects/ab/abcdef….gz` bodies and `{home}/raw/log/{paper}/{date}.jsonl` fetch logs."""

    root: Path
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def put(self, body: bytes) -> str:
        """Store a body once (gzip), return its sha256."""
        digest = hashlib.sha256(body).hexdigest()
        target = self.root / "objects" / digest[:2] / f"{digest}.gz"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
            partial.write_bytes(gzip.compress(body, mtime=0))
            os.replace(partial, target)
        return digest

    def get(self, digest: str) -> bytes:
        """The body stored under a sha256."""
        return gzip.decompress((self.root / "objects" / digest[:2] / f"{digest}.gz").read_bytes())

    def log(self, paper_id: str, date: dt.date, entry: Mapping[str, object]) -> None:
        """Append one fetch to the edition's log (url, status, headers, encoding, sha256, time)."""
        path = self.root / "log" / paper_id / f"{date.isoformat()}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str)
        with self._lock, path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")


@dataclass(frozen=True)
class _Logged:
    """The newest logged answer for one URL."""

    final_url: str
    status: int
    headers: dict[str, str]
    sha256: str


@dataclass(frozen=True)
class ArchiveSource:
    """A page source answering from an edition's fetch log and the archived bodies."""

    archive: RawArchive
    answers: dict[str, _Logged]
    host: str
    retries: int = 0

    @classmethod
    def for_edition(cls, archive: RawArchive, paper_id: str, date: dt.date, host: str) -> ArchiveSource:
        """Read the edition's fetch log; the newest answer per URL wins."""
        path = archive.root / "log" / paper_id / f"{date.isoformat()}.jsonl"
        answers: dict[str, _Logged] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                answers[entry["url"]] = _Logged(entry["final_url"], int(entry["status"]), entry["headers"],
                                                entry["sha256"])
        return cls(archive, answers, host)

    def is_allowed(self, url: str) -> bool:
        """The same rule as live fetching: http(s) on the paper's own host."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host and not parts.username

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """The archived answer for a URL (validators are ignored); FetchError when the archive never saw it."""
        logged = self.answers.get(url)
        if logged is None:
            raise FetchError(url, "not in the raw archive")
        body = self.archive.get(logged.sha256)
        return FetchResult(url, logged.final_url, logged.status, logged.headers, body, 0.0, 0)
