"""Benchmark `epaper reprocess`: replay N editions from the raw archive and print pages per second.

    .venv/bin/python tools/bench_reprocess.py --editions 365 [--workers 2]

It ingests the bundled demo site once (two editions, through Prefect), then copies the fetch logs
of those editions to N consecutive dates (bodies are content-addressed, so nothing is duplicated),
and times the reprocess flow over them: parse, segment, stitch and load, with no network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

DEMO_DATES = (dt.date(2025, 12, 18), dt.date(2025, 12, 19))
FIRST_COPY = dt.date(2030, 1, 1)  # far from the demo dates


def _copy_logs(home: Path, editions: int) -> tuple[dt.date, dt.date, int]:
    """Write fetch logs for `editions` dates from the demo editions' logs; return the range and page count."""
    logs = home / "raw" / "log" / "yzb"
    sources = [(d, (logs / f"{d}.jsonl").read_text(encoding="utf-8")) for d in DEMO_DATES]
    pages = 0
    for n in range(editions):
        source_date, text = sources[n % len(sources)]
        date = FIRST_COPY + dt.timedelta(days=n)
        moved = text.replace(f"/{source_date:%Y-%m}/{source_date:%d}/", f"/{date:%Y-%m}/{date:%d}/")
        (logs / f"{date}.jsonl").write_text(moved, encoding="utf-8")
        pages += sum(1 for line in moved.splitlines() if "/node_" in json.loads(line)["url"])
    return FIRST_COPY, FIRST_COPY + dt.timedelta(days=editions - 1), pages


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--editions", type=int, default=365)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    args = parser.parse_args()

    from flows.ingest import ingest_range, reprocess_range
    from flows.siteserver import DEMO_SITE, serve_site

    home = Path(tempfile.mkdtemp(prefix="epaper-bench-"))
    with serve_site(DEMO_SITE) as site:
        papers = home / "papers.toml"
        papers.write_text(
            f'[papers.yzb]\nname = "渝中报"\nlayout = "founder"\ntimezone = "Asia/Shanghai"\n'
            f'edition_url = "{site.base_url}/yzb/html/{{date:%Y-%m}}/{{date:%d}}/node_1.htm"\n'
            "requests_per_second = 100\n",
            encoding="utf-8",
        )
        ingest_range("yzb", DEMO_DATES[0], DEMO_DATES[1], home=str(home), papers=str(papers))
    start, end, pages = _copy_logs(home, args.editions)
    began = time.perf_counter()
    summaries = reprocess_range("yzb", start, end, home=str(home), papers=str(papers), workers=args.workers)
    elapsed = time.perf_counter() - began
    articles = sum(s["articles"] for s in summaries)
    print(f"reprocessed {len(summaries)} editions, {pages} pages, {articles} articles in {elapsed:.1f} s "
          f"with {args.workers or os.cpu_count()} workers: {pages / elapsed:.0f} pages/s")
    print(f"at this rate 255,000 pages take {255_000 / (pages / elapsed) / 60:.0f} min")
    print(f"statuses: { {s['status'] for s in summaries} }; home: {home}")


if __name__ == "__main__":
    main()
