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

__all__ = ["RawArchive"]


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
