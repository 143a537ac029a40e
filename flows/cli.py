"""The `epaper` command line: ingest, reprocess, publish, segment, sql, demo.

Bad input (unknown paper, malformed date, unreadable file) exits 2 with one line on stderr.
Prefect is imported only by the commands that run flows, and configured for offline use first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from flows.locks import PaperLocked
from flows.registry import RegistryError, get_paper, papers_file, resolve_home, resolve_keep

__all__ = ["main"]

# Prefect settings for a machine with no network beyond the paper's site: no telemetry, a quiet
# ephemeral server, time to start it on a slow machine. A user's own settings win.
OFFLINE_PREFECT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}
# The demo site's editions, and the port it prefers (papers.toml's yzb entry points there).
DEMO_DATES = (dt.date(2025, 12, 18), dt.date(2025, 12, 19))
DEMO_PORT = 8765
USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad input as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """One clear line, no usage dump."""
        _fail(f"{self.prog}: {message}")


def _fail(message: str) -> NoReturn:
    """Print one line to stderr and exit 2."""
    print(f"error: {message}" if not message.startswith("epaper") else message, file=sys.stderr)
    raise SystemExit(USAGE_ERROR)


def _date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly (impossible dates such as 2025-02-30 are refused)."""
    if len(text) != len("YYYY-MM-DD"):  # fromisoformat would also take the basic form 20251218
        _bad_date(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _bad_date(text)


def _positive(text: str) -> int:
    """A whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"invalid count {text!r}: expected a whole number of at least 1")
    return int(text)


def _bad_date(text: str) -> NoReturn:
    """Reject a date argument."""
    raise argparse.ArgumentTypeError(f"invalid date {text!r}: expected YYYY-MM-DD, a real calendar date")


def _common(parser: argparse.ArgumentParser) -> None:
    """--home and --papers on every command, in any order with its other options."""
    parser.add_argument("--home", help="data folder (default: $EPAPER_HOME, else ./data)")
    parser.add_argument("--papers", help="paper registry (default: $EPAPER_PAPERS, else papers.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Prefect's own logs")


def _parser() -> _Parser:
    """The argument parser for every command."""
    parser = _Parser(prog="epaper", description="Ingest Chinese local newspapers' e-paper editions.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ingest = commands.add_parser("ingest", help="fetch, segment, stitch, load and publish editions")
    ingest.add_argument("paper")
    ingest.add_argument("--date", type=_date, help="one edition (default: today in the paper's time zone)")
    ingest.add_argument("--from", dest="start", type=_date, help="first date of a range")
    ingest.add_argument("--to", dest="end", type=_date, help="last date of a range (inclusive)")
    reprocess = commands.add_parser("reprocess", help="rebuild editions from the raw archive, no network")
    reprocess.add_argument("paper")
    reprocess.add_argument("--from", dest="start", type=_date, required=True)
    reprocess.add_argument("--to", dest="end", type=_date, required=True)
    publish = commands.add_parser("publish", help="publish a fresh Parquet snapshot")
    publish.add_argument("--keep", type=_positive, help="keep only the newest N snapshots "
                         "(default: $EPAPER_KEEP_SNAPSHOTS, else all)")
    segment = commands.add_parser("segment", help="segment one page's plain text into articles (JSON lines)")
    segment.add_argument("file")
    segment.add_argument("--page", type=int, help="the page's number (for continuation links)")
    sql = commands.add_parser("sql", help="query the latest snapshot (read-only)")
    sql.add_argument("query")
    commands.add_parser("demo", help="serve the bundled demo site, ingest it, publish, summarise")
    for sub in commands.choices.values():
        _common(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `epaper` command."""
    args = _parser().parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "ingest": _ingest,
        "reprocess": _reprocess,
        "publish": _publish,
        "segment": _segment,
        "sql": _sql,
        "demo": _demo,
    }
    try:
        return handlers[args.command](args)
    except RegistryError as exc:
        _fail(str(exc))
    except PaperLocked as exc:  # not bad input: the paper is busy; the run did nothing
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _configure_prefect(verbose: bool) -> None:
    """Offline-friendly Prefect defaults, set before Prefect is imported."""
    for key, value in OFFLINE_PREFECT.items():
        if key == "PREFECT_LOGGING_LEVEL" and verbose:
            value = "INFO"
        os.environ.setdefault(key, value)


def _date_range(args: argparse.Namespace, today: Callable[[], dt.date]) -> tuple[dt.date, dt.date]:
    """--date, or --from/--to, or today; with clear errors for combinations that make no sense."""
    if args.date and (args.start or args.end):
        _fail("give either --date or --from/--to, not both")
    if args.date:
        return args.date, args.date
    if bool(args.start) != bool(args.end):
        _fail("--from and --to go together")
    if args.start and args.end:
        if args.end < args.start:
            _fail(f"--to {args.end} is before --from {args.start}")
        return args.start, args.end
    day = today()
    return day, day


def _ingest(args: argparse.Namespace) -> int:
    """Run the ingest flow for a date or a range; exit 1 when any edition is partial or failed."""
    paper = get_paper(args.paper, args.papers)
    start, end = _date_range(args, paper.today)
    _configure_prefect(args.verbose)
    from flows.ingest import ingest_range

    home = resolve_home(args.home)
    summaries = ingest_range(args.paper, start, end, home=str(home), papers=str(papers_file(args.papers)),
                             progress=True)
    _print_summaries(summaries, home)
    return 0 if all(s["status"] in ("complete", "not_published") for s in summaries) else 1


def _reprocess(args: argparse.Namespace) -> int:
    """Rebuild editions from the raw archive without touching the network."""
    paper = get_paper(args.paper, args.papers)
    if args.end < args.start:
        _fail(f"--to {args.end} is before --from {args.start}")
    _configure_prefect(args.verbose)
    from flows.ingest import reprocess_range

    home = resolve_home(args.home)
    summaries = reprocess_range(paper.paper_id, args.start, args.end, home=str(home),
                                papers=str(papers_file(args.papers)))
    _print_summaries(summaries, home)
    return 0 if all(s["status"] in ("complete", "not_published") for s in summaries) else 1


def _publish(args: argparse.Namespace) -> int:
    """Publish a fresh snapshot."""
    home = resolve_home(args.home)
    if not (home / "warehouse.duckdb").exists():
        _fail(f"no warehouse at {home / 'warehouse.duckdb'}: run `epaper ingest` first")
    from warehouse.snapshot import publish

    print(publish(home / "warehouse.duckdb", home, keep=resolve_keep(args.keep)))
    return 0


def _segment(args: argparse.Namespace) -> int:
    """Print one JSON object per article of a page's plain text."""
    from transforms.segment import segment_text

    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {args.file}: {getattr(exc, 'strerror', None) or exc}")
    for segment in segment_text(text, page_no=args.page).segments:
        record = {
            "kicker": segment.kicker,
            "title": segment.title,
            "subtitle": segment.subtitle,
            "byline": segment.byline,
            "authors": [{"name": a.name, "role": a.role} for a in segment.authors],
            "subheads": list(segment.subheads),
            "captions": list(segment.captions),
            "body": segment.body,
            "continues_from_page": segment.continues_from_page,
            "continues_to_page": segment.continues_to_page,
        }
        print(json.dumps(record, ensure_ascii=False))
    return 0


def _sql(args: argparse.Namespace) -> int:
    """Run a read-only query against the latest snapshot and print a table."""
    from warehouse.query import QueryRejected, query_snapshot
    from warehouse.snapshot import SnapshotError

    try:
        columns, rows = query_snapshot(resolve_home(args.home), args.query)
    except (SnapshotError, QueryRejected) as exc:
        _fail(str(exc))
    except Exception as exc:  # DuckDB's parser and binder errors: the user's SQL, one line
        _fail(str(exc).splitlines()[0])
    print(_table(columns, rows))
    return 0


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: object, limit: int = 60) -> str:
    """One table cell, cut to `limit` columns."""
    text = "NULL" if value is None else str(value).replace("\n", "⏎")
    out, width = "", 0
    for ch in text:
        width += _width(ch)
        if width > limit:
            return out + "…"
        out += ch
    return out


def _table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table that lines up CJK text."""
    cells = [[_cell(c) for c in columns], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        " | ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _print_summaries(summaries: Sequence[dict[str, Any]], home: Path) -> None:
    """One line per edition, then totals and where the data is."""
    for s in summaries:
        print(f"{s['paper_id']} {s['edition_date']}: {s['status']:<13} {s['pages']:>3} pages "
              f"{s['articles']:>4} articles {s['stitched']:>3} stitched {s['orphans']:>3} orphans "
              f"{s['warnings']:>3} warnings")
    print(f"warehouse: {home / 'warehouse.duckdb'}")
    latest = home / "snapshots" / "LATEST"
    if latest.exists():
        print(f"snapshot:  {home / 'snapshots' / latest.read_text().strip()}")


def _free_port(preferred: int) -> int:
    """The preferred port when it is free on 127.0.0.1, else 0 (any free port)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            return 0
    return preferred


def _demo(args: argparse.Namespace) -> int:
    """Serve the bundled demo site, ingest both editions through Prefect, publish, summarise."""
    _configure_prefect(args.verbose)
    from flows.ingest import ingest_range
    from flows.siteserver import DEMO_SITE, serve_site

    home = resolve_home(args.home)
    home.mkdir(parents=True, exist_ok=True)
    print(f"Serving the demo e-paper site from {DEMO_SITE} on 127.0.0.1 …")
    with serve_site(DEMO_SITE, port=_free_port(DEMO_PORT)) as site:
        registry = home / "demo-papers.toml"
        registry.write_text(_demo_registry(site.base_url), encoding="utf-8")
        print(f"Ingesting 渝中报 (yzb) {DEMO_DATES[0]} … {DEMO_DATES[-1]} from {site.base_url} "
              "through the Prefect flow (ephemeral mode) …")
        summaries = ingest_range("yzb", DEMO_DATES[0], DEMO_DATES[-1], home=str(home), papers=str(registry))
    print()
    _print_summaries(summaries, home)
    _print_demo_totals(summaries, home)
    return 0 if all(s["status"] == "complete" for s in summaries) else 1


def _demo_registry(base_url: str) -> str:
    """papers.toml for the demo site at the port it was served on."""
    return (
        "[papers.yzb]\n"
        'name = "渝中报"\n'
        'layout = "founder"\n'
        f'edition_url = "{base_url}/yzb/html/{{date:%Y-%m}}/{{date:%d}}/node_1.htm"\n'
        'timezone = "Asia/Shanghai"\n'
        "requests_per_second = 50\n"
    )


def _print_demo_totals(summaries: Sequence[dict[str, Any]], home: Path) -> None:
    """The demo's closing summary: totals and how to query."""
    total = {key: sum(int(s[key]) for s in summaries) for key in ("pages", "articles", "stitched", "warnings")}
    print()
    print(f"Summary: {len(summaries)} editions, {total['pages']} pages, {total['articles']} articles, "
          f"{total['stitched']} stitched continuations, {total['warnings']} warnings")
    print()
    print("Query the snapshot:")
    print('  .venv/bin/epaper sql "SELECT edition_date, page_no, pages, title FROM articles ORDER BY 1, 2"')
    print("or the Parquet files directly, from Python:")
    snapshot = home / "snapshots" / (home / "snapshots" / "LATEST").read_text().strip()
    print(f"  .venv/bin/python -c \"import duckdb; duckdb.sql(\\\"SELECT title, pages FROM read_parquet("
          f"'{snapshot}/articles/**/*.parquet', hive_partitioning=true)\\\").show()\"")
