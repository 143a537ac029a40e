"""Property: any edition's articles survive DuckDB -> Parquet snapshot -> reading back, unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.records import Author, EditionRecord, Fragment, StitchedArticle
from warehouse.load import load_edition
from warehouse.schema import connect, migrate
from warehouse.snapshot import publish, verify_manifest

EXAMPLES = 30  # each example creates, loads and publishes a warehouse file (~0.1 s)
INT32 = st.integers(-(2**31), 2**31 - 1)
TEXT = st.text(
    st.characters(codec="utf-8"), max_size=30
)  # any code point UTF-8 can carry, NUL and newlines too
SHORT = 4  # list lengths: enough to show order survives
PARTITIONS = pa.schema([("paper_id", pa.string()), ("year", pa.int32())])

fragments = st.lists(
    st.builds(
        Fragment,
        seq=INT32,
        page_no=st.none() | INT32,
        kind=st.sampled_from(["head", "continuation"]),
        text=TEXT,
        source_url=TEXT,
    ),
    unique_by=lambda fragment: fragment.seq,
    max_size=SHORT,
).map(tuple)

articles = st.builds(
    StitchedArticle,
    article_id=TEXT,
    page_no=st.none() | INT32,
    pages=st.lists(INT32, max_size=SHORT).map(tuple),
    kicker=st.none() | TEXT,
    title=TEXT,
    subtitle=st.none() | TEXT,
    byline=st.none() | TEXT,
    authors=st.lists(st.builds(Author, name=TEXT, role=TEXT), max_size=SHORT).map(tuple),
    subheads=st.lists(TEXT, max_size=SHORT).map(tuple),
    captions=st.lists(TEXT, max_size=SHORT).map(tuple),
    paragraphs=st.lists(TEXT, max_size=6).map(tuple),
    continuation=st.sampled_from(["none", "stitched", "orphan_head", "orphan_tail"]),
    source_urls=st.lists(TEXT, max_size=SHORT).map(tuple),
    fragments=fragments,
    confidence=st.none() | st.floats(allow_nan=False),
    evidence=st.none() | TEXT,
)

editions = st.builds(
    EditionRecord,
    paper_id=st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True),
    edition_date=st.dates(),
    status=st.sampled_from(["complete", "partial", "failed"]),
    fetched_at=st.datetimes(timezones=st.just(dt.UTC)),
    run_id=TEXT,
    articles=st.lists(articles, unique_by=lambda article: article.article_id, max_size=5).map(tuple),
)


def expected(record: EditionRecord) -> list[dict[str, Any]]:
    """What reading the snapshot back must give, article by article in reading order."""
    return [
        {
            "article_id": article.article_id,
            "paper_id": record.paper_id,
            "year": record.edition_date.year,
            "edition_date": record.edition_date,
            "page_no": article.page_no,
            "pages": list(article.pages),
            "kicker": article.kicker,
            "title": article.title,
            "subtitle": article.subtitle,
            "byline": article.byline,
            "body": article.body,
            "char_count": article.char_count,
            "continuation": article.continuation,
            "source_urls": list(article.source_urls),
            "confidence": article.confidence,
            "stitch_evidence": article.evidence,
            "subheads": list(article.subheads),
            "captions": list(article.captions),
            "run_id": record.run_id,
            "authors": [(author.name, author.role) for author in article.authors],
            "fragments": sorted((f.seq, f.page_no, f.kind, f.text, f.source_url) for f in article.fragments),
        }
        for article in record.articles
    ]


def read_back(folder: Path) -> list[dict[str, Any]]:
    """The snapshot's articles with their authors and fragments, in reading order."""
    partitioning = ds.partitioning(PARTITIONS, flavor="hive")
    rows = ds.dataset(folder / "articles", format="parquet", partitioning=partitioning).to_table().to_pylist()
    authors = ds.dataset(folder / "article_authors", format="parquet").to_table().to_pylist()
    parts = ds.dataset(folder / "fragments", format="parquet").to_table().to_pylist()
    for row in rows:
        credited = sorted(
            (a["position"], a["name"], a["role"]) for a in authors if a["article_id"] == row["article_id"]
        )
        row["authors"] = [(name, role) for _, name, role in credited]
        row["fragments"] = sorted(
            (f["seq"], f["page_no"], f["kind"], f["text"], f["source_url"])
            for f in parts
            if f["article_id"] == row["article_id"]
        )
    return sorted(rows, key=lambda row: row.pop("reading_order"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(editions)
def test_articles_round_trip_through_a_snapshot(record: EditionRecord) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        with connect(home / "warehouse.duckdb") as con:
            migrate(con)
            load_edition(con, record)
        folder = publish(home / "warehouse.duckdb", home)
        assert verify_manifest(folder) == []
        assert read_back(folder) == expected(record)
        (edition,) = ds.dataset(folder / "editions", format="parquet").to_table().to_pylist()
        assert (edition["edition_date"], edition["fetched_at"]) == (record.edition_date, record.fetched_at)
