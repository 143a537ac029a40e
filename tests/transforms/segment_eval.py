"""Score the segmentation engine against the hand-written golden corpus in tests/fixtures/segment/.

`python -m tests.transforms.segment_eval` prints per-field accuracy; `test_segment_eval.py` fails
when any figure drops below the floors pinned in `tests/fixtures/segment/floors.json`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transforms.records import Segment
from transforms.segment import segment_text

__all__ = ["CORPUS", "FIELDS", "Score", "score_corpus", "score_page"]

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "segment"
# Fields compared exactly per expected article, then the body checks (one point per snippet).
EXACT_FIELDS = ("kicker", "title", "subtitle", "authors", "subheads", "captions",
                "continues_from_page", "continues_to_page")
BODY_FIELDS = ("body_starts_with", "body_ends_with", "body_contains", "body_excludes")
FIELDS = ("articles", *EXACT_FIELDS, *BODY_FIELDS)


@dataclass
class Score:
    """Correct and total counts per field, plus spurious articles the engine invented."""

    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    spurious: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str) -> None:
        """Count one check; remember what failed."""
        self.total[name] += 1
        self.correct[name] += ok
        if not ok:
            self.misses.append(detail)

    def accuracy(self, name: str) -> float:
        """Share of checks passed for one field (1.0 when there were none)."""
        return self.correct[name] / self.total[name] if self.total[name] else 1.0

    def merge(self, other: Score) -> None:
        """Add another page's counts."""
        self.correct.update(other.correct)
        self.total.update(other.total)
        self.spurious += other.spurious
        self.misses.extend(other.misses)


def _key(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def _match(expected: dict[str, Any], actual: list[Segment], used: set[int]) -> int | None:
    """The actual article that best corresponds to an expected one (title, then body opening)."""
    def fit(i: int) -> int:
        seg = actual[i]
        return 2 * (bool(expected["title"]) and _key(seg.title) == _key(expected["title"])) + (
            _key(seg.body).startswith(_key(expected["body_starts_with"]))
        ) + sum(_key(s) in _key(seg.body) for s in expected["body_contains"])

    candidates = [i for i in range(len(actual)) if i not in used and fit(i) > 0]
    return max(candidates, key=fit, default=None)


def _value(segment: Segment, name: str) -> Any:
    """A segment's field in the expected file's shape."""
    if name == "authors":
        return [[a.name, a.role] for a in segment.authors]
    if name in ("subheads", "captions"):
        return list(getattr(segment, name))
    return getattr(segment, name)


def score_page(text: str, expected: list[dict[str, Any]], page: str) -> Score:
    """Score one page's segmentation against its expectations."""
    actual = list(segment_text(text).segments)
    score = Score()
    used: set[int] = set()
    for number, want in enumerate(expected):
        label = f"{page}#{number} {want['title'] or want['body_starts_with']}"
        index = _match(want, actual, used)
        score.add("articles", index is not None, f"{label}: no article found")
        if index is None:
            continue
        used.add(index)
        got = actual[index]
        for name in EXACT_FIELDS:
            value = _value(got, name)
            wanted = want[name]
            same = _key(value) == _key(wanted) if name in ("kicker", "title", "subtitle") else value == wanted
            score.add(name, same, f"{label}: {name} {value!r} != {wanted!r}")
        body = _key(got.body)
        score.add("body_starts_with", body.startswith(_key(want["body_starts_with"])), f"{label}: body starts "
                  f"{got.body[:15]!r}")
        score.add("body_ends_with", body.endswith(_key(want["body_ends_with"])), f"{label}: body ends "
                  f"{got.body[-15:]!r}")
        for snippet in want["body_contains"]:
            score.add("body_contains", _key(snippet) in body, f"{label}: body lacks {snippet!r}")
        for snippet in want["body_excludes"]:
            score.add("body_excludes", _key(snippet) not in body, f"{label}: body has {snippet!r}")
    score.spurious = len(actual) - len(used)
    return score


def score_corpus(corpus: Path = CORPUS) -> tuple[Score, dict[str, Score]]:
    """Score every `NAME.txt` that has a `NAME.expected.json`; the total and each page's score."""
    pages: dict[str, Score] = {}
    total = Score()
    for expected_file in sorted(corpus.glob("*.expected.json")):
        name = expected_file.name.removesuffix(".expected.json")
        text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
        pages[name] = score_page(text, json.loads(expected_file.read_text(encoding="utf-8")), name)
        total.merge(pages[name])
    return total, pages


def main() -> int:
    """Print the figures of the tuned corpus and of the held-out pages."""
    for folder in sorted({CORPUS, *(p.parent for p in CORPUS.glob("*/*.expected.json"))}):
        print(f"== {folder.relative_to(CORPUS.parent)} ({_readme_line(folder)})")
        _report(*score_corpus(folder))
        print()
    return 0


def _readme_line(folder: Path) -> str:
    """The first line of a corpus folder's README: what the pages are and whether they were tuned on."""
    readme = folder / "README.md"
    return readme.read_text(encoding="utf-8").splitlines()[0].lstrip("# ") if readme.exists() else ""


def _report(total: Score, pages: dict[str, Score]) -> None:
    """Per field, per page, and every miss."""
    print(f"{'field':<22}{'accuracy':>9}{'correct':>9}{'total':>7}")
    for name in FIELDS:
        print(f"{name:<22}{total.accuracy(name):>9.3f}{total.correct[name]:>9}{total.total[name]:>7}")
    print(f"{'spurious articles':<22}{total.spurious:>25}")
    print()
    for name, score in pages.items():
        checks = sum(score.total.values())
        print(f"{name:<28} {sum(score.correct.values())}/{checks} checks, {score.spurious} spurious")
    if total.misses:
        print("\nmisses:")
        print("\n".join(f"  {miss}" for miss in total.misses))


if __name__ == "__main__":
    sys.exit(main())
