"""Project-level checks: the architecture's import rules, docs that cover the interface, deployments."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import re
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
TABLES = ("papers", "editions", "pages", "articles", "article_authors", "fragments", "quality_issues", "runs")
COMMANDS = ("ingest", "reprocess", "publish", "segment", "sql", "demo")
# What each package must not import: transforms are pure, the warehouse knows no network or orchestration.
FORBIDDEN_IMPORTS = {
    "transforms": {"prefect", "duckdb", "httpx", "flows", "warehouse"},
    "warehouse": {"prefect", "httpx", "flows"},
}


def _imports(path: Path) -> set[str]:
    """Top-level module names a file imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN_IMPORTS))
def test_package_import_rules(package: str) -> None:
    for path in (REPO / package).rglob("*.py"):
        bad = _imports(path) & FORBIDDEN_IMPORTS[package]
        assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


def test_readme_shows_the_two_commands_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_every_command(command: str) -> None:
    assert re.search(rf"`epaper {command}\b", (REPO / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", TABLES)
def test_data_dictionary_documents_every_table(table: str) -> None:
    assert f"## `{table}`" in (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_deployments_match_the_registry() -> None:
    config = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    deployments = {d["name"]: d for d in config["deployments"]}
    assert [d["name"] for d in config["deployments"]].count("daily") == 1
    assert {"daily", "backfill"} <= set(deployments)
    papers = tomllib.loads((REPO / "papers.toml").read_text(encoding="utf-8"))["papers"]
    schedules = deployments["daily"]["schedules"]
    assert sorted(s["parameters"]["paper"] for s in schedules) == sorted(papers)
    for schedule in schedules:
        paper = papers[schedule["parameters"]["paper"]]
        assert schedule["timezone"] == paper["timezone"]
        assert schedule["cron"] == paper.get("schedule", "0 7 * * *")


def test_range_flows_take_typed_dates() -> None:
    from flows.ingest import ingest_range, reprocess_range

    for flow in (ingest_range, reprocess_range):
        parameters = inspect.signature(flow.fn).parameters
        assert list(parameters)[:3] == ["paper", "start", "end"]
        assert {parameters["start"].annotation, parameters["end"].annotation} <= {dt.date, "dt.date"}


def test_data_dictionary_documents_every_column() -> None:
    from warehouse.schema import connect, migrate

    doc = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"## `(\w+)`.*?\n(.*?)(?=\n## |\Z)", doc, re.S))
    with connect(":memory:") as con:
        migrate(con)
        for table in TABLES:
            first_cells = re.findall(r"^\| ([^|]+?) \|", sections[table], re.M)
            documented = {name.strip() for cell in first_cells for name in cell.split(",")}
            for (column,) in con.execute(f"SELECT column_name FROM (DESCRIBE {table})").fetchall():
                assert column in documented, f"{table}.{column} is not in docs/data-dictionary.md"
