"""The golden-corpus gate: per-field accuracy of segmentation may not drop below the pinned floors."""

from __future__ import annotations

import json

import pytest

from tests.transforms.segment_eval import CORPUS, FIELDS, Score, score_corpus

FLOORS = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def total() -> Score:
    return score_corpus()[0]


@pytest.mark.parametrize("name", FIELDS)
def test_field_accuracy_at_or_above_floor(total: Score, name: str) -> None:
    assert total.accuracy(name) >= FLOORS["fields"][name], "\n".join(total.misses)


def test_spurious_articles_at_most_pinned(total: Score) -> None:
    assert total.spurious <= FLOORS["max_spurious"], "\n".join(total.misses)


def test_every_page_has_expectations() -> None:
    pages = {p.name.removesuffix(".txt") for p in CORPUS.glob("*.txt")}
    expected = {p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json")}
    assert pages == expected
