"""A one-line progress bar for ranges on the command line (stderr, redrawn in place)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

__all__ = ["Progress"]

# Characters of the bar itself.
BAR_WIDTH = 24


@dataclass
class Progress:
    """Counts editions done out of `total` and redraws one line; prints nothing when `total` is 1."""

    total: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0

    def advance(self, label: str) -> None:
        """One more edition finished: redraw the bar with its label."""
        self.done += 1
        if self.total <= 1:
            return
        filled = BAR_WIDTH * self.done // self.total
        end = "\n" if self.done == self.total else ""
        self.stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} {label}\x1b[K{end}")
        self.stream.flush()
