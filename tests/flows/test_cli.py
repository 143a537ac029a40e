"""The `epaper` command line: clear one-line errors with exit status 2, JSON lines from `segment`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import main
from tests.conftest import SEED, write_registry

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return write_registry(tmp_path / "papers.toml", "http://127.0.0.1:9")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ingest", "nope", "--date", "2025-12-18"], "unknown paper 'nope'"),
        (["ingest", "yzb", "--date", "2025-13-01"], "invalid date '2025-13-01'"),
        (["ingest", "yzb", "--date", "2025-02-30"], "invalid date '2025-02-30'"),
        (["ingest", "yzb", "--date", "20251218"], "invalid date '20251218'"),
        (["ingest", "yzb", "--from", "2025-12-19", "--to", "2025-12-18"], "--to 2025-12-18 is before --from"),
        (["ingest", "yzb", "--from", "2025-12-19"], "--from and --to go together"),
        (["ingest", "yzb", "--date", "2025-12-18", "--from", "2025-12-18", "--to", "2025-12-19"], "either --date"),
        (["reprocess", "yzb", "--from", "2025-12-19", "--to", "2025-12-18"], "is before --from"),
        (["segment", "/no/such/file.txt"], "cannot read /no/such/file.txt"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--papers", str(registry)] if argv[0] != "frobnicate" else argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_unreadable_registry_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "papers.toml"
    bad.write_text("[papers.yzb\nname=", encoding="utf-8")
    for papers in (bad, tmp_path / "missing.toml"):
        with pytest.raises(SystemExit) as exit_info:
            main(["ingest", "yzb", "--date", "2025-12-18", "--papers", str(papers)])
        assert exit_info.value.code == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_options_in_any_order(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--papers", str(registry), "nope", "--home", "/tmp/x", "--date", "2025-12-18"])
    assert "unknown paper 'nope'" in capsys.readouterr().err


def test_segment_prints_one_json_object_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(SEED), "--page", "2"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 6
    assert set(records[0]) == {
        "kicker", "title", "subtitle", "byline", "authors", "subheads", "captions", "body",
        "continues_from_page", "continues_to_page",
    }
    assert records[1]["authors"] == [{"name": "徐潇", "role": "记者"}]
    assert [r["continues_from_page"] for r in records] == [None, None, None, 1, 1, 1]


def test_installed_command_reports_errors_without_traceback(registry: Path) -> None:
    script = Path(sys.executable).parent / "epaper"
    result = subprocess.run(
        [str(script), "ingest", "yzb", "--date", "2025-02-30", "--papers", str(registry)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sql_without_snapshot_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sql", "SELECT 1", "--home", str(tmp_path)])
    assert exit_info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_publish_keeps_the_newest_snapshots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from warehouse.schema import connect, migrate

    with connect(tmp_path / "warehouse.duckdb") as con:
        migrate(con)
    for _ in range(3):
        assert main(["publish", "--home", str(tmp_path), "--keep", "2"]) == 0
    snapshots = [p for p in (tmp_path / "snapshots").iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(snapshots) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["publish", "--home", str(tmp_path), "--keep", "0"])
    assert exit_info.value.code == 2
