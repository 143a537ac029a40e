"""One writer per paper: a run holds an advisory lock on `{home}/locks/{paper}.lock` while it writes."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["PaperLocked", "paper_lock"]


class PaperLocked(RuntimeError):
    """Another run of the same paper is writing to this home."""


@contextlib.contextmanager
def paper_lock(home: Path, paper_id: str) -> Iterator[None]:
    """Hold the paper's lock for the block; PaperLocked at once when another process holds it."""
    path = home / "locks" / f"{paper_id}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PaperLocked(f"another run of {paper_id!r} is writing to {home}; try again when it ends") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
