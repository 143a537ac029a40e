"""The golden-corpus gate: per-field accuracy of segmentation may not drop below the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.transforms.segment_eval import CORPUS, FIELDS, Score, score_corpus

FLOORS = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))
# Every folder of pages with expectations, each with its own floors in floors.json.
SETS = {name: CORPUS / name if name != "corpus" else CORPUS for name in FLOORS}


@pytest.fixture(scope="module")
def totals() -> dict[str, Score]:
    return {name: score_corpus(folder)[0] for name, folder in SETS.items()}


@pytest.mark.parametrize("name", FIELDS)
@pytest.mark.parametrize("corpus", sorted(SETS))
def test_field_accuracy_at_or_above_floor(totals: dict[str, Score], corpus: str, name: str) -> None:
    total = totals[corpus]
    assert total.accuracy(name) >= FLOORS[corpus]["fields"][name], "\n".join(total.misses)


@pytest.mark.parametrize("corpus", sorted(SETS))
def test_spurious_articles_at_most_pinned(totals: dict[str, Score], corpus: str) -> None:
    assert totals[corpus].spurious <= FLOORS[corpus]["max_spurious"], "\n".join(totals[corpus].misses)


@pytest.mark.parametrize("folder", list(SETS.values()))
def test_every_page_has_expectations(folder: Path) -> None:
    pages = {p.name.removesuffix(".txt") for p in folder.glob("*.txt")}
    expected = {p.name.removesuffix(".expected.json") for p in folder.glob("*.expected.json")}
    assert pages and pages == expected
