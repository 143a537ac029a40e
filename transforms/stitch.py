"""Stitch articles across pages: a head ending `(下转2版)` and its `(上接1版)` continuation become one.

Every head and tail whose pages agree is a candidate pair; each pair is scored on evidence one
can explain (the tail's repeated title, sentence continuity across the break, shared vocabulary),
and the edition gets the best one-to-one assignment, not a greedy one. What is left unmatched is
kept as an orphan article with a quality issue: text is never dropped.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.bylines import format_byline
from transforms.clean import ends_mid_sentence, has_unclosed_open, has_unopened_close
from transforms.markers import page_key, section_of
from transforms.records import Author, Fragment, QualityIssue, Segment, StitchedArticle

__all__ = ["StitchDecision", "StitchResult", "article_id", "score_pair", "stitch"]

# Evidence weights when the continuation repeats a title, and when it does not.
TITLE_WEIGHTS = {"title": 0.5, "continuity": 0.2, "vocabulary": 0.3}
UNTITLED_WEIGHTS = {"title": 0.0, "continuity": 0.4, "vocabulary": 0.6}
# Below this score a page-compatible pair is too weak to join: a clean sentence end with no shared
# vocabulary scores 0.12, and pages agreeing is not evidence enough on its own.
MIN_STITCH_SCORE = 0.15
# Exact assignment over subsets of tails up to this many; beyond it, greedy by score.
MAX_EXACT_TAILS = 14
# Characters that do not carry meaning when comparing titles.
_TITLE_NOISE = re.compile(r"[\s\"'“”‘’《》()（）·—\-、，,：:!！?？]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class StitchDecision:
    """One accepted pair: which segment continues which, how sure, and why."""

    head: int  # index into the segments passed to stitch()
    tail: int
    score: float
    evidence: str


@dataclass(frozen=True)
class StitchResult:
    """The edition's whole articles, the decisions made, and issues for what could not be matched."""

    articles: tuple[StitchedArticle, ...]
    decisions: tuple[StitchDecision, ...]
    issues: tuple[QualityIssue, ...]


def article_id(scope: str, page_no: int | None, source_url: str, ordinal: int) -> str:
    """A stable id: the same edition re-ingested gives the same ids."""
    key = f"{scope}|{page_no}|{source_url}|{ordinal}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _title_key(title: str) -> str:
    """A title without spaces and punctuation, for comparison."""
    return _TITLE_NOISE.sub("", title)


def _bigrams(text: str) -> Counter[str]:
    """Character bigrams of the CJK text."""
    chars = "".join(_CJK.findall(text))
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bigram bags."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[gram] for gram, count in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _title_similarity(head: str, tail: str) -> float:
    """1.0 for the same title, high for a shortened one, bigram overlap otherwise."""
    h, t = _title_key(head), _title_key(tail)
    if not h or not t:
        return 0.0
    if h == t:
        return 1.0
    if t in h or h in t:
        return 0.9
    hb, tb = _bigrams(h), _bigrams(t)
    overlap = sum((hb & tb).values())
    return 2 * overlap / max(1, sum(hb.values()) + sum(tb.values()))


def _continuity(head: Segment, tail: Segment) -> float:
    """Does the tail finish the head's broken sentence (and close the quote the head opened)?"""
    if not head.paragraphs or not tail.paragraphs:
        return 0.0
    last, first = head.paragraphs[-1], tail.paragraphs[0]
    score = 0.0
    if ends_mid_sentence(last) and first not in tail.subheads:
        score += 0.6
    if has_unclosed_open(last) and has_unopened_close(first):
        score += 0.4
    elif not ends_mid_sentence(last) and not has_unopened_close(first):
        score += 0.3
    return min(score, 1.0)


def score_pair(head: Segment, tail: Segment) -> tuple[float, str]:
    """Score a page-compatible head/tail pair in [0, 1] and say why."""
    title = _title_similarity(head.title, tail.title) if tail.title else 0.0
    continuity = _continuity(head, tail)
    vocabulary = _cosine(_bigrams(head.body + head.title), _bigrams(tail.body + tail.title))
    weights = TITLE_WEIGHTS if tail.title else UNTITLED_WEIGHTS
    score = weights["title"] * title + weights["continuity"] * continuity + weights["vocabulary"] * vocabulary
    evidence = f"title={title:.2f} continuity={continuity:.2f} vocabulary={vocabulary:.2f}"
    return round(score, 4), evidence


def _compatible(head: Segment, tail: Segment) -> bool:
    """A pair is possible only when the pages agree both ways (section letters included)."""
    if head.continues_to_page is None or tail.continues_from_page is None or head is tail:
        return False
    # A marker without a letter (`下转4版`) on a lettered paper points into the marker's own section.
    target = page_key(head.to_section or section_of(head.page_no), head.continues_to_page)
    source = page_key(tail.from_section or section_of(tail.page_no), tail.continues_from_page)
    return target == tail.page_no and source == head.page_no


def _assign(weights: dict[tuple[int, int], float], heads: list[int], tails: list[int]) -> dict[int, int]:
    """The one-to-one head->tail assignment with the largest total score."""
    if len(tails) > MAX_EXACT_TAILS:
        return _assign_greedy(weights)
    tail_bit = {t: 1 << i for i, t in enumerate(tails)}
    best: dict[int, tuple[float, tuple[tuple[int, int], ...]]] = {0: (0.0, ())}
    for head in heads:
        nxt = dict(best)
        for used, (total, pairs) in best.items():
            for tail in tails:
                w = weights.get((head, tail))
                if w is None or used & tail_bit[tail]:
                    continue
                key = used | tail_bit[tail]
                candidate = (total + w, (*pairs, (head, tail)))
                if key not in nxt or candidate[0] > nxt[key][0]:
                    nxt[key] = candidate
        best = nxt
    _, pairs = max(best.values(), key=lambda item: (item[0], len(item[1])))
    return dict(pairs)


def _assign_greedy(weights: dict[tuple[int, int], float]) -> dict[int, int]:
    """Greedy assignment by descending score, for editions too large for the exact search."""
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for (head, tail), _ in sorted(weights.items(), key=lambda kv: -kv[1]):
        if head not in chosen and tail not in used:
            chosen[head] = tail
            used.add(tail)
    return chosen


def stitch(segments: Sequence[Segment], scope: str) -> StitchResult:
    """Join heads to continuations across the edition's pages; `scope` names the edition for ids."""
    heads = [i for i, s in enumerate(segments) if s.continues_to_page is not None]
    tails = [i for i, s in enumerate(segments) if s.continues_from_page is not None]
    weights: dict[tuple[int, int], float] = {}
    evidence: dict[tuple[int, int], str] = {}
    for h in heads:
        for t in tails:
            if _compatible(segments[h], segments[t]):
                score, why = score_pair(segments[h], segments[t])
                if score >= MIN_STITCH_SCORE:
                    weights[(h, t)], evidence[(h, t)] = score, why
    links = _assign(weights, heads, tails)
    decisions = tuple(StitchDecision(h, t, weights[(h, t)], evidence[(h, t)]) for h, t in sorted(links.items()))
    continued = set(links.values())
    ordinals = _ordinals(segments)
    articles: list[StitchedArticle] = []
    issues: list[QualityIssue] = []
    for start in range(len(segments)):
        if start in continued:
            continue
        chain = [start]
        while chain[-1] in links and links[chain[-1]] not in chain:
            chain.append(links[chain[-1]])
        links_in_chain = list(itertools.pairwise(chain))
        confidence = min((weights[pair] for pair in links_in_chain), default=None)
        why = "; ".join(f"{segments[a].page_no}→{segments[b].page_no}: {evidence[(a, b)]}" for a, b in links_in_chain)
        articles.append(_build([segments[i] for i in chain], scope, ordinals[start], confidence, why or None))
        issues.extend(_orphan_issues(segments[chain[0]], segments[chain[-1]]))
    return StitchResult(articles=tuple(articles), decisions=decisions, issues=tuple(issues))


def _first_url(segment: Segment) -> str:
    """The URL a segment starts in ("" for plain-text input)."""
    return segment.source_urls[0] if segment.source_urls else ""


def _ordinals(segments: Sequence[Segment]) -> list[int]:
    """Each segment's position among the segments sharing its page and first source URL."""
    seen: Counter[tuple[int | None, str]] = Counter()
    ordinals = []
    for segment in segments:
        key = (segment.page_no, _first_url(segment))
        ordinals.append(seen[key])
        seen[key] += 1
    return ordinals


def _orphan_issues(first: Segment, last: Segment) -> list[QualityIssue]:
    """Quality issues for a chain whose start still has a from-marker or whose end a to-marker."""
    issues = []
    if first.continues_from_page is not None:
        issues.append(QualityIssue(
            code="unmatched_jump_tail",
            message=f"continuation from page {first.continues_from_page} "
            f"({first.title or first.body[:20]!r}) has no matching head",
            page_no=first.page_no,
        ))
    if last.continues_to_page is not None:
        issues.append(QualityIssue(
            code="unmatched_jump_head",
            message=f"article {last.title or last.body[:20]!r} jumps to page {last.continues_to_page} "
            f"but no continuation there matches",
            page_no=last.page_no,
        ))
    return issues


def _continuation_kind(chain: Sequence[Segment]) -> str:
    """none, stitched, or orphan_head/orphan_tail for a chain left open at one end."""
    if chain[0].continues_from_page is not None:
        return "orphan_tail"
    if chain[-1].continues_to_page is not None:
        return "orphan_head"
    return "stitched" if len(chain) > 1 else "none"


def _join_paragraphs(chain: Sequence[Segment]) -> tuple[str, ...]:
    """Concatenate the parts' paragraphs, rejoining a sentence broken by the jump."""
    paragraphs: list[str] = []
    for segment in chain:
        parts = list(segment.paragraphs)
        if paragraphs and parts and ends_mid_sentence(paragraphs[-1]) and parts[0] not in segment.subheads:
            paragraphs[-1] += parts.pop(0)
        paragraphs.extend(parts)
    return tuple(paragraphs)


def _parts(chain: Sequence[Segment]) -> list[tuple[int | None, str, str, str]]:
    """(page, kind, source URL, text) for every run of text of every segment, in body order."""
    parts: list[tuple[int | None, str, str, str]] = []
    for position, segment in enumerate(chain):
        kind = "continuation" if position or segment.continues_from_page is not None else "head"
        spans = segment.spans or ((_first_url(segment), segment.body),)
        parts.extend((segment.page_no, kind, url, text) for url, text in spans)
    return parts


def _build(
    chain: Sequence[Segment], scope: str, ordinal: int, score: float | None, evidence: str | None
) -> StitchedArticle:
    """One article from a chain of segments, with a fragment per part."""
    first = chain[0]
    authors: list[Author] = []
    for segment in chain:
        authors.extend(a for a in segment.authors if a not in authors)
    titled = next((s for s in chain if s.title), first)
    fragments = tuple(
        Fragment(seq=seq, page_no=page_no, kind=kind, text=text, source_url=url)
        for seq, (page_no, kind, url, text) in enumerate(_parts(chain))
    )
    pages = tuple(dict.fromkeys(s.page_no for s in chain if s.page_no is not None))
    urls = tuple(dict.fromkeys(u for s in chain for u in s.source_urls))
    return StitchedArticle(
        article_id=article_id(scope, first.page_no, _first_url(first), ordinal),
        page_no=first.page_no,
        pages=pages,
        kicker=titled.kicker or next((s.kicker for s in chain if s.kicker), None),
        title=titled.title,
        subtitle=titled.subtitle or next((s.subtitle for s in chain if s.subtitle), None),
        byline=format_byline(authors),
        authors=tuple(authors),
        subheads=tuple(h for s in chain for h in s.subheads),
        captions=tuple(c for s in chain for c in s.captions),
        paragraphs=_join_paragraphs(chain),
        continuation=_continuation_kind(chain),
        source_urls=urls,
        fragments=fragments,
        confidence=score,
        evidence=evidence,
    )
