"""End to end: the demo site served on 127.0.0.1 -> real Prefect flow runs -> DuckDB file -> Parquet snapshot."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import write_registry
from tests.httpserver import Server

pytestmark = pytest.mark.slow

DATES = (dt.date(2025, 12, 18), dt.date(2025, 12, 19))
SEED_HEADS = {
    "渝中区青年联合会第八届委员会第一次全体会议召开",
    "立足极核担当聚势 夯实区域发展基石 渝中锻造现代服务业高质量发展“强引擎”",
    "全市唯一 渝中区建设“文明有范儿”示范治理空间入选全国城市文明建设优秀案例",
}
TABLES = ("papers", "editions", "pages", "articles", "article_authors", "fragments", "quality_issues", "runs")


@pytest.fixture(scope="module")
def ingested(prefect_harness: None, demo_site: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Ingest both demo dates once through the range flow; keep the summaries and the home folder."""
    from flows.ingest import ingest_range

    home = tmp_path_factory.mktemp("home")
    papers = write_registry(home / "papers.toml", demo_site.base_url)
    summaries = ingest_range("yzb", DATES[0], DATES[1], home=str(home), papers=str(papers))
    return {"home": home, "papers": papers, "summaries": summaries}


def _rows(home: Path, sql: str) -> list[tuple[Any, ...]]:
    """Query the warehouse file read-only."""
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_both_editions_complete(ingested: dict[str, Any]) -> None:
    assert [s["status"] for s in ingested["summaries"]] == ["complete", "complete"]
    assert _rows(ingested["home"], "SELECT edition_date, status FROM editions ORDER BY 1") == [
        (DATES[0], "complete"),
        (DATES[1], "complete"),
    ]


def test_seed_continuations_stitched_to_page_one_heads(ingested: dict[str, Any]) -> None:
    rows = _rows(
        ingested["home"],
        "SELECT title, pages, continuation FROM articles WHERE edition_date = DATE '2025-12-18' AND len(pages) > 1",
    )
    assert {r[0] for r in rows} == SEED_HEADS
    assert all(r[1] == [1, 2] and r[2] == "stitched" for r in rows)


def test_stitched_body_joins_the_sentence_broken_by_the_jump(ingested: dict[str, Any]) -> None:
    (body,) = _rows(ingested["home"], "SELECT body FROM articles WHERE title LIKE '渝中区青年联合会%'")[0]
    assert "(下转" not in body and "(上接" not in body
    assert "不断汇聚促进发展“正能量”" in body
    fragments = _rows(
        ingested["home"],
        "SELECT f.seq, f.page_no, f.kind FROM fragments f JOIN articles a USING (article_id) "
        "WHERE a.title LIKE '渝中区青年联合会%' ORDER BY f.seq",
    )
    assert fragments == [(0, 1, "head"), (1, 2, "continuation")]


def test_interleaved_continuations_reassembled(ingested: dict[str, Any]) -> None:
    (body,) = _rows(ingested["home"], "SELECT body FROM articles WHERE title LIKE '立足极核%'")[0]
    assert "70余个“江崖街洞天”特色消费场景" in body
    assert "在有限的物理空间里" in body
    assert "立足极核担当聚势" not in body
    (civil,) = _rows(ingested["home"], "SELECT body FROM articles WHERE title LIKE '全市唯一%'")[0]
    assert civil.count("这套制度既能引导居民参与空间设计") == 1
    assert "管理制度，这套制度" in civil and "空间微改造" in civil


def test_every_article_of_the_page_is_loaded(ingested: dict[str, Any]) -> None:
    titles = {r[0] for r in _rows(ingested["home"], "SELECT title FROM articles WHERE page_no = 2 AND "
                                  "edition_date = DATE '2025-12-18'")}
    assert "全市首个数字经济与现代服务产业学院在渝中成立" in titles
    assert "锐意进取 实干争先 久久为功 把全会蓝图转化为渝中高质量发展的生动实践" in titles


def test_names_stored_without_padding(ingested: dict[str, Any]) -> None:
    names = {r[0] for r in _rows(ingested["home"], "SELECT name FROM article_authors")}
    assert {"李一", "刘侃", "胡榕", "徐潇"} <= names
    assert not any(" " in n or "\u3000" in n for n in names)


def test_gbk_edition_decoded(ingested: dict[str, Any]) -> None:
    bodies = "".join(r[0] for r in _rows(ingested["home"], "SELECT body FROM articles WHERE "
                                         "edition_date = DATE '2025-12-18'"))
    assert "薈蕊之家" in bodies
    assert "\ufffd" not in bodies


def test_snapshot_published_with_every_table(ingested: dict[str, Any]) -> None:
    home = ingested["home"]
    snapshot = home / "snapshots" / (home / "snapshots" / "LATEST").read_text().strip()
    manifest = json.loads((snapshot / "manifest.json").read_text())
    assert set(TABLES) <= set(manifest["tables"])
    [(count,)] = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{snapshot}/articles/**/*.parquet', hive_partitioning=true)"
    ).fetchall()
    assert count == manifest["tables"]["articles"]["rows"] == _rows(
        home, "SELECT count(*) FROM articles"
    )[0][0]


def test_reingest_changes_nothing(ingested: dict[str, Any], demo_site: Server) -> None:
    from flows.ingest import ingest_edition

    home: Path = ingested["home"]
    already = len(demo_site.requests)
    queries = ("SELECT * EXCLUDE (run_id) FROM articles ORDER BY ALL", "SELECT * FROM fragments ORDER BY ALL",
               "SELECT * FROM article_authors ORDER BY ALL")
    before = [_rows(home, q) for q in queries]
    ingest_edition("yzb", DATES[0], home=str(home), papers=str(ingested["papers"]))
    after = [_rows(home, q) for q in queries]
    assert before == after
    again = [r for r in demo_site.requests[already:] if r.path != "/robots.txt"]
    assert again and all("if-none-match" in r.headers for r in again)  # revalidated, answered 304


def test_reprocess_from_archive_matches_ingest(ingested: dict[str, Any], demo_site: Server) -> None:
    from flows.ingest import reprocess_range

    home: Path = ingested["home"]
    query = "SELECT * EXCLUDE (run_id) FROM articles ORDER BY ALL"
    before = _rows(home, query)
    requests_before = len(demo_site.requests)
    reprocess_range("yzb", DATES[0], DATES[1], home=str(home), papers=str(ingested["papers"]))
    assert len(demo_site.requests) == requests_before  # not one request: everything came from the archive
    assert _rows(home, query) == before


def test_not_published_edition(prefect_harness: None, demo_site: Server, tmp_path: Path) -> None:
    from flows.ingest import ingest_edition

    papers = write_registry(tmp_path / "papers.toml", demo_site.base_url)
    summary = ingest_edition("yzb", dt.date(2025, 12, 25), home=str(tmp_path), papers=str(papers))
    assert summary["status"] == "not_published"


def test_cli_sql_reads_the_latest_snapshot(ingested: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from flows.cli import main

    assert main(["sql", "SELECT page_no, pages, title FROM articles WHERE len(pages) > 1 ORDER BY title",
                 "--home", str(ingested["home"])]) == 0
    out = capsys.readouterr().out
    assert "渝中区青年联合会第八届委员会第一次全体会议召开" in out
    assert out.rstrip().endswith("(4 rows)")


def test_cli_ingest_exit_status(ingested: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from flows.cli import main

    home, papers = str(ingested["home"]), str(ingested["papers"])
    assert main(["ingest", "yzb", "--date", "2025-12-19", "--home", home, "--papers", papers]) == 0
    assert "yzb 2025-12-19: complete" in capsys.readouterr().out


def test_missing_page_makes_the_edition_partial_and_a_later_run_fills_it(
    prefect_harness: None, tmp_path: Path
) -> None:
    from flows.ingest import ingest_edition
    from flows.siteserver import DEMO_SITE
    from tests.httpserver import serve

    page3 = "/yzb/html/2025-12/18/node_3.htm"
    with serve(DEMO_SITE, faults={page3: ["503", "503", "503"]}) as site:
        papers = write_registry(tmp_path / "papers.toml", site.base_url)
        first = ingest_edition("yzb", DATES[0], home=str(tmp_path), papers=str(papers))
        issues = _rows(tmp_path, "SELECT code, page_no FROM quality_issues WHERE severity = 'error'")
        loaded = _rows(tmp_path, "SELECT DISTINCT page_no FROM articles ORDER BY 1")
        second = ingest_edition("yzb", DATES[0], home=str(tmp_path), papers=str(papers))
    assert first["status"] == "partial"
    assert issues == [("page_fetch_failed", 3)]
    assert loaded == [(1,), (2,), (4,)]  # the rest of the edition is still loaded
    assert second["status"] == "complete"
    assert _rows(tmp_path, "SELECT DISTINCT page_no FROM articles ORDER BY 1") == [(1,), (2,), (3,), (4,)]


def test_fragments_account_for_every_character_of_every_body(ingested: dict[str, Any]) -> None:
    rows = _rows(
        ingested["home"],
        "SELECT a.article_id, any_value(a.body), string_agg(f.text, '' ORDER BY f.seq) FROM articles a "
        "JOIN fragments f USING (article_id) GROUP BY a.article_id",
    )
    assert len(rows) == _rows(ingested["home"], "SELECT count(*) FROM articles")[0][0]
    for _, body, fragments in rows:
        assert "".join(body.split()) == "".join(fragments.split())


def test_continuation_from_two_zones_has_a_fragment_per_zone(ingested: dict[str, Any]) -> None:
    parts = _rows(
        ingested["home"],
        "SELECT f.page_no, f.kind, regexp_extract(f.source_url, 'content_\\d+') FROM fragments f "
        "JOIN articles a USING (article_id) WHERE a.title LIKE '全市唯一%' ORDER BY f.seq",
    )
    assert parts == [
        (1, "head", "content_418603"),
        (2, "continuation", "content_418610"),  # the untitled zone holding the interleaved pieces
        (2, "continuation", "content_418611"),  # the zone under the repeated header
    ]


def test_a_second_run_of_the_same_paper_is_refused(ingested: dict[str, Any]) -> None:
    from flows.ingest import ingest_edition
    from flows.locks import PaperLocked, paper_lock

    home: Path = ingested["home"]
    before = _rows(home, "SELECT count(*), max(fetched_at) FROM editions")
    with paper_lock(home, "yzb"), pytest.raises(PaperLocked, match="another run of 'yzb'"):
        ingest_edition("yzb", DATES[0], home=str(home), papers=str(ingested["papers"]))
    assert _rows(home, "SELECT count(*), max(fetched_at) FROM editions") == before


def test_each_edition_run_leaves_markdown_and_table_artifacts(ingested: dict[str, Any]) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.report import artifact_key

    key = artifact_key("yzb", "2025-12-18")
    with get_client(sync_client=True) as client:
        keys = ArtifactFilterKey(any_=[key, f"{key}-articles"])
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=keys))
    assert {(a.key, a.type) for a in found} == {(key, "markdown"), (f"{key}-articles", "table")}
    # Several runs of this edition leave artifacts under the same key; the first, complete run's is among them.
    summaries = [str(a.data) for a in found if a.key == key]
    title = "渝中区青年联合会第八届委员会第一次全体会议召开"
    assert any("complete" in m and "pages 1, 2" in m and title in m for m in summaries)


def test_an_edition_far_smaller_than_usual_is_flagged(tmp_path: Path) -> None:
    from flows.ingest import store_editions
    from flows.pipeline import Edition
    from flows.registry import get_paper
    from tests.warehouse.factories import make_record
    from warehouse.schema import connect, migrate

    papers = write_registry(tmp_path / "papers.toml", "http://127.0.0.1:9")
    paper = get_paper("yzb", str(papers))
    usual = [Edition(make_record(20, edition_date=DATES[0] - dt.timedelta(days=n)), 0, 0) for n in range(1, 11)]
    thin = Edition(make_record(2, edition_date=DATES[0]), 0, 0)
    with connect(tmp_path / "warehouse.duckdb") as con:
        migrate(con)
        store_editions(con, paper, usual)
        store_editions(con, paper, [thin])
        codes = con.execute("SELECT edition_date, code FROM quality_issues WHERE code = 'small_edition'").fetchall()
    assert codes == [(DATES[0], "small_edition")]


def test_the_data_dictionary_example_queries_run(ingested: dict[str, Any]) -> None:
    import re

    from warehouse.query import query_snapshot

    doc = (Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert len(queries) >= 5
    for sql in queries:
        columns, rows = query_snapshot(ingested["home"], sql)
        assert columns and rows, sql


def test_one_edition_failing_never_stops_the_others(
    prefect_harness: None, demo_site: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import flows.ingest
    from flows.ingest import ingest_range

    real = flows.ingest.assemble_edition

    def broken_on_the_first_date(paper: Any, date: dt.date, *args: Any, **kwargs: Any) -> Any:
        if date == DATES[0]:
            raise RuntimeError("a bug met on one edition")
        return real(paper, date, *args, **kwargs)

    monkeypatch.setattr(flows.ingest, "assemble_edition", broken_on_the_first_date)
    papers = write_registry(tmp_path / "papers.toml", demo_site.base_url)
    summaries = ingest_range("yzb", DATES[0], DATES[1], home=str(tmp_path), papers=str(papers), progress=True)
    assert [s["status"] for s in summaries] == ["failed", "complete"]
    assert _rows(tmp_path, "SELECT edition_date FROM editions") == [(DATES[1],)]
    assert _rows(tmp_path, "SELECT status, editions_failed, editions_complete FROM runs") == [("partial", 1, 1)]
    assert "2/2 yzb 2025-12-19 complete" in capsys.readouterr().err
