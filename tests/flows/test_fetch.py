"""The Fetcher against a real HTTP server on 127.0.0.1 with scripted faults."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flows.fetch import (
    CRAWL_DELAY_CAP_S,
    ROBOTS_AGENT,
    USER_AGENT,
    DisallowedByRobots,
    Fetcher,
    FetchError,
    FetchPolicy,
    OffHostError,
    RobotsRules,
)
from tests.httpserver import Server, serve

SITE = Path(__file__).parents[1] / "fixtures" / "layouts" / "founder"
PAGE = "/html/2025-12/18/node_2.htm"  # a 60 KB GBK page
SMALL = "/html/2025-12/18/content_1003.htm"
# Tests fail fast rather than hang. Tests of other behaviour leave robots.txt alone, so that the
# server's request log holds only what they asked for; the robots tests at the end use POLITE.
FAST = FetchPolicy(read_timeout=2.0, connect_timeout=2.0, obey_robots=False)
POLITE = FetchPolicy(read_timeout=2.0, connect_timeout=2.0)


class FakeTime:
    """A clock that only moves when someone sleeps; records the sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        """Current fake time."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Advance instantly."""
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[Server]:
    """The founder fixture site on a free port."""
    with serve(SITE) as running:
        yield running


@pytest.fixture
def fake() -> FakeTime:
    """Fake clock and sleep."""
    return FakeTime()


@pytest.fixture
def fetcher(server: Server, fake: FakeTime) -> Iterator[Fetcher]:
    """Default-policy fetcher (2 requests/s, 3 attempts) on fake time."""
    with Fetcher(server.netloc, policy=FAST, sleep=fake.sleep, clock=fake.clock, jitter=lambda: 0.0) as f:
        yield f


def test_fetches_file_with_user_agent_and_no_charset(server: Server, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url(PAGE))
    assert (result.status, result.attempts, result.ok) == (200, 1, True)
    assert result.body == (SITE / PAGE.lstrip("/")).read_bytes()
    assert result.content_type == "text/html"
    assert result.final_url == server.url(PAGE)
    assert server.requests[0].headers["user-agent"] == USER_AGENT == "epaper-etl/0.1 (+local newspaper archive)"


def test_retries_503_then_succeeds(server: Server, fetcher: Fetcher, fake: FakeTime) -> None:
    server.add_fault(PAGE, "503", "502")
    result = fetcher.fetch(server.url(PAGE))
    assert (result.status, result.attempts, fetcher.retries) == (200, 3, 2)
    assert fake.sleeps == [1.0, 2.0]  # exponential backoff, jitter off
    assert result.elapsed == 3.0


def test_backoff_has_jitter(server: Server, fake: FakeTime) -> None:
    server.add_fault(SMALL, "500")
    with Fetcher(server.netloc, policy=FAST, sleep=fake.sleep, clock=fake.clock, jitter=lambda: 1.0) as f:
        f.fetch(server.url(SMALL))
    assert fake.sleeps == [1.5]


def test_429_honours_retry_after(server: Server, fetcher: Fetcher, fake: FakeTime) -> None:
    server.add_fault(PAGE, "429:2")
    result = fetcher.fetch(server.url(PAGE))
    assert (result.status, result.attempts) == (200, 2)
    assert fake.sleeps == [2.0]


def test_retry_after_is_capped(server: Server, fake: FakeTime) -> None:
    server.add_fault(SMALL, "503:3600")
    policy = FetchPolicy(retry_after_cap=5.0, read_timeout=2.0, obey_robots=False)
    with Fetcher(server.netloc, policy=policy, sleep=fake.sleep, clock=fake.clock) as f:
        assert f.fetch(server.url(SMALL)).status == 200
    assert fake.sleeps == [5.0]


@pytest.mark.parametrize("fault", ["reset", "close", "truncate"])
def test_dropped_or_truncated_answer_is_retried(server: Server, fetcher: Fetcher, fault: str) -> None:
    server.add_fault(PAGE, fault)
    result = fetcher.fetch(server.url(PAGE))
    assert (result.attempts, len(result.body)) == (2, (SITE / PAGE.lstrip("/")).stat().st_size)


def test_truncated_every_time_fails(server: Server, fetcher: Fetcher) -> None:
    server.add_fault(PAGE, "truncate", "truncate", "truncate")
    with pytest.raises(FetchError, match="complete message body") as caught:
        fetcher.fetch(server.url(PAGE))
    assert (caught.value.attempts, len(server.requests)) == (3, 3)


def test_content_length_mismatch_is_detected_without_h11() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "100"}, content=b"short")

    transport = httpx.MockTransport(handler)
    with (
        Fetcher("paper.test", policy=FAST, transport=transport, sleep=lambda s: None) as f,
        pytest.raises(FetchError, match="truncated body: 5 of 100 bytes") as caught,
    ):
        f.fetch("http://paper.test/node_1.htm")
    assert (caught.value.attempts, f.retries) == (3, 2)


@pytest.mark.parametrize("status", ["404", "410", "403", "400"])
def test_client_errors_are_not_retried(server: Server, fetcher: Fetcher, status: str) -> None:
    server.add_fault(PAGE, status)
    result = fetcher.fetch(server.url(PAGE))
    assert (result.status, result.attempts, result.ok, fetcher.retries) == (int(status), 1, False, 0)
    assert len(server.requests) == 1


def test_missing_file_is_a_404_result(server: Server, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url("/html/2099-01/01/node_1.htm"))
    assert (result.status, result.attempts) == (404, 1)


def test_server_errors_exhaust_attempts(server: Server, fetcher: Fetcher) -> None:
    server.add_fault(PAGE, "503", "503", "503", "503")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url(PAGE))
    assert (caught.value.status, caught.value.attempts, len(server.requests)) == (503, 3, 3)
    assert not isinstance(caught.value, OffHostError)


def test_read_timeout_is_retried(server: Server, fake: FakeTime) -> None:
    server.add_fault(SMALL, "slow:5")
    policy = FetchPolicy(read_timeout=0.2, obey_robots=False)
    with Fetcher(server.netloc, policy=policy, sleep=fake.sleep, clock=fake.clock) as f:
        result = f.fetch(server.url(SMALL))
    assert (result.status, result.attempts) == (200, 2)


def test_connection_refused_is_retried_then_fails(fake: FakeTime) -> None:
    with socket.socket() as probe:  # find a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        Fetcher(f"127.0.0.1:{port}", policy=FAST, sleep=fake.sleep, clock=fake.clock) as f,
        pytest.raises(FetchError, match="ConnectError") as caught,
    ):
        f.fetch(f"http://127.0.0.1:{port}/node_1.htm")
    assert (caught.value.attempts, f.retries) == (3, 2)


def test_oversize_declared_body_is_refused_once(server: Server, fake: FakeTime) -> None:
    policy = FetchPolicy(max_bytes=10_000, read_timeout=2.0, obey_robots=False)
    with (
        Fetcher(server.netloc, policy=policy, sleep=fake.sleep, clock=fake.clock) as f,
        pytest.raises(FetchError, match="Content-Length 62901 exceeds"),
    ):
        f.fetch(server.url(PAGE))
    assert len(server.requests) == 1


def test_oversize_streamed_body_is_aborted(server: Server, fake: FakeTime) -> None:
    server.add_fault(PAGE, "nolength")
    policy = FetchPolicy(max_bytes=10_000, read_timeout=2.0, obey_robots=False)
    with (
        Fetcher(server.netloc, policy=policy, sleep=fake.sleep, clock=fake.clock) as f,
        pytest.raises(FetchError, match="body exceeds the 10000-byte cap"),
    ):
        f.fetch(server.url(PAGE))
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/html/2025-12/18/node_2.htm",
        "https://127.0.0.1.example.com/",
        "http://127.0.0.1:1/node_2.htm",  # same address, other port
        "http://127.0.0.1:{port}@example.com/",  # user info trick
        "ftp://127.0.0.1:{port}/node_2.htm",
        "javascript:void(0)",
        "mailto:epaper@example.com",
        "not a url",
    ],
)
def test_off_host_urls_are_never_requested(server: Server, url: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"network used for {request.url}")

    url = url.format(port=server.port)
    with Fetcher(server.netloc, transport=httpx.MockTransport(refuse)) as f:
        assert not f.is_allowed(url)
        with pytest.raises(OffHostError):
            f.fetch(url)
    assert server.requests == []


@pytest.mark.parametrize(
    ("allowed", "url", "expected"),
    [
        ("127.0.0.1:8765", "http://127.0.0.1:8765/a", True),
        ("127.0.0.1:8765", "https://127.0.0.1:8765/a", True),
        ("Paper.Example.cn", "http://paper.example.cn/a", True),
        ("paper.example.cn", "https://PAPER.example.cn:443/a", True),
        ("paper.example.cn", "http://paper.example.cn:8080/a", False),
        ("paper.example.cn:8080", "http://paper.example.cn/a", False),
        ("paper.example.cn", "http://www.paper.example.cn/a", False),
    ],
)
def test_is_allowed(allowed: str, url: str, expected: bool) -> None:
    with Fetcher(allowed) as f:
        assert f.is_allowed(url) is expected


@pytest.mark.parametrize("allowed", ["", "http://x/", "a b", "host/path"])
def test_bad_allowed_host_is_refused(allowed: str) -> None:
    with pytest.raises(ValueError, match="host"):
        Fetcher(allowed)


def test_same_host_redirect_is_followed(server: Server, fetcher: Fetcher) -> None:
    server.add_fault("/index.htm", f"redirect:{PAGE}")
    result = fetcher.fetch(server.url("/index.htm"))
    assert (result.status, result.final_url, result.url) == (200, server.url(PAGE), server.url("/index.htm"))
    assert server.paths() == ["/index.htm", PAGE]


def test_redirect_loop_fails(server: Server, fetcher: Fetcher) -> None:
    server.add_fault("/a.htm", *["redirect:/b.htm"] * 3)
    server.add_fault("/b.htm", *["redirect:/a.htm"] * 3)
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch(server.url("/a.htm"))
    assert server.paths() == ["/a.htm", "/b.htm"]


def test_too_many_redirects_fail(server: Server, fetcher: Fetcher) -> None:
    for hop in range(8):
        server.add_fault(f"/r{hop}.htm", f"redirect:/r{hop + 1}.htm")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch(server.url("/r0.htm"))
    assert len(server.requests) == 6  # the first request and five redirects, no more


def test_off_host_redirect_fails_without_following(server: Server, fetcher: Fetcher) -> None:
    server.add_fault("/away.htm", "redirect:http://example.com/node_1.htm")
    with pytest.raises(FetchError, match="redirect off the allowed host"):
        fetcher.fetch(server.url("/away.htm"))
    assert server.paths() == ["/away.htm"]


def test_redirect_to_invalid_location_fails(server: Server, fetcher: Fetcher) -> None:
    server.add_fault("/bad.htm", *["redirect:http://[::1"] * 3)  # httpx calls it a protocol error: retried
    with pytest.raises(FetchError, match="Invalid URL in location header") as caught:
        fetcher.fetch(server.url("/bad.htm"))
    assert caught.value.attempts == 3


def test_requests_are_spaced_by_rate(server: Server, fake: FakeTime) -> None:
    policy = FetchPolicy(requests_per_second=2.0, read_timeout=2.0, obey_robots=False)
    with Fetcher(server.netloc, policy=policy, sleep=fake.sleep, clock=fake.clock) as f:
        for _ in range(3):
            f.fetch(server.url(SMALL))
    assert fake.sleeps == [0.5, 0.5]


def test_rate_limit_holds_across_threads(server: Server) -> None:
    interval = 0.1
    policy = FetchPolicy(requests_per_second=1 / interval, read_timeout=2.0, max_connections=4, obey_robots=False)
    with Fetcher(server.netloc, policy=policy) as f:
        threads = [threading.Thread(target=f.fetch, args=(server.url(SMALL),)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    arrivals = sorted(record.time for record in server.requests)
    assert len(arrivals) == 6
    # Six starts need five intervals; arrivals carry connection noise on a busy machine (a late first
    # connect shortens the span), hence the margin. A burst would take a fraction of one interval.
    assert arrivals[-1] - arrivals[0] >= 5 * interval * 0.7
    # No three requests land within one interval.
    assert all(later - earlier >= interval * 0.9 for earlier, later in zip(arrivals, arrivals[2:], strict=False))


def test_client_and_transport_together_are_refused() -> None:
    with httpx.Client() as client, pytest.raises(ValueError, match="either"):
        Fetcher("paper.test", client=client, transport=httpx.MockTransport(lambda r: httpx.Response(200)))


def test_passed_in_client_gets_user_agent_and_is_left_open(server: Server) -> None:
    with httpx.Client() as client:
        with Fetcher(server.netloc, client=client, policy=FAST) as f:
            f.fetch(server.url(SMALL))
        assert not client.is_closed
    assert server.requests[0].headers["user-agent"] == USER_AGENT


# --- robots.txt ---------------------------------------------------------------------------------

OPEN = "/a.htm"
PRIVATE = "/private/b.htm"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A two-page site to which a test adds its own robots.txt."""
    for path in (OPEN, PRIVATE):
        target = tmp_path / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<html><body>{path}</body></html>", encoding="utf-8")
    return tmp_path


def test_user_agent_begins_with_the_robots_product_token() -> None:
    assert USER_AGENT.startswith(ROBOTS_AGENT + "/")


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        ("User-agent: *\nDisallow: /private/\n", PRIVATE, False),
        ("User-agent: *\nDisallow: /private/\n", OPEN, True),
        ("\ufeffUser-agent: *\nDisallow: /private/\n", PRIVATE, False),  # a UTF-8 byte order mark
        ("user-agent: *\ndisallow: /private/ # staff only\n", PRIVATE, False),
        ("User-agent: *\nAllow: /private/b.htm\nDisallow: /private/\n", PRIVATE, True),
        ("User-agent: *\nDisallow:\n", PRIVATE, True),  # an empty Disallow allows everything
        ("User-agent: otherbot\nDisallow: /\n", OPEN, True),  # a group for someone else
        ("User-agent: Epaper-ETL\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", OPEN, True),  # ours wins
        ("User-agent: epaper-etl\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n", PRIVATE, False),
        ("", OPEN, True),
    ],
)
def test_robots_rules(robots: str, path: str, allowed: bool) -> None:
    rules = RobotsRules.from_response("http://paper.test/robots.txt", 200, robots.encode())
    assert rules.allows("http://paper.test" + path) is allowed


@pytest.mark.parametrize(
    ("status", "allowed"),
    [(404, True), (410, True), (400, True), (None, False), (503, False), (401, False), (403, False)],
)
def test_robots_status_decides_when_there_is_no_file(status: int | None, allowed: bool) -> None:
    rules = RobotsRules.from_response("http://paper.test/robots.txt", status, b"User-agent: *\nDisallow: /\n")
    assert rules.allows("http://paper.test/a.htm") is allowed
    assert (rules.crawl_delay, rules.crawl_delay_applied, rules.crawl_delay_capped) == (None, 0.0, False)


@pytest.mark.parametrize(
    "robots",
    [
        "User-agent: *\nDisallow: /private/\n",
        "User-agent: otherbot\nDisallow: /\n\nUser-agent: epaper-etl\nDisallow: /private/\n",
    ],
)
def test_robots_disallow_is_respected(site: Path, fake: FakeTime, robots: str) -> None:
    (site / "robots.txt").write_text(robots)
    with serve(site) as server, Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock) as f:
        assert f.fetch(server.url(OPEN)).status == 200
        with pytest.raises(DisallowedByRobots, match="disallowed for epaper-etl") as caught:
            f.fetch(server.url(PRIVATE))
    assert isinstance(caught.value, FetchError)
    assert server.paths() == ["/robots.txt", OPEN]  # the disallowed page was never requested


def test_redirect_into_a_disallowed_path_is_not_followed(site: Path, fake: FakeTime) -> None:
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    with (
        serve(site, {OPEN: [f"redirect:{PRIVATE}"]}) as server,
        Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock) as f,
        pytest.raises(DisallowedByRobots, match="redirect to"),
    ):
        f.fetch(server.url(OPEN))
    assert server.paths() == ["/robots.txt", OPEN]


def test_crawl_delay_widens_request_spacing(site: Path, fake: FakeTime) -> None:
    (site / "robots.txt").write_text("User-agent: *\nCrawl-delay: 3\n")
    with serve(site) as server, Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock) as f:
        f.fetch(server.url(OPEN))
        f.fetch(server.url(OPEN))
        rules = f.robots
    assert fake.sleeps == [3.0, 3.0]  # robots.txt at 0 s, the page at 3 s, again at 6 s; not 0.5 s apart
    assert rules is not None and (rules.crawl_delay, rules.crawl_delay_capped) == (3.0, False)


def test_crawl_delay_is_capped(site: Path, fake: FakeTime, caplog: pytest.LogCaptureFixture) -> None:
    (site / "robots.txt").write_text("User-agent: epaper-etl\nCrawl-delay: 86400\n")
    with serve(site) as server, Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock) as f:
        f.fetch(server.url(OPEN))
        rules = f.robots
    assert fake.sleeps == [CRAWL_DELAY_CAP_S] == [30.0]
    assert rules is not None and (rules.crawl_delay, rules.crawl_delay_applied) == (86400.0, 30.0)
    assert rules.crawl_delay_capped
    assert "Crawl-delay of 86400 s; waiting 30 s" in caplog.text


@pytest.mark.parametrize("faults", [[], ["410"]])
def test_missing_robots_allows_everything(server: Server, fake: FakeTime, faults: list[str]) -> None:
    server.add_fault("/robots.txt", *faults)  # no fault: the fixture site has no robots.txt, a 404
    with Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock, jitter=lambda: 0.0) as f:
        assert f.fetch(server.url(SMALL)).status == 200
    assert server.paths() == ["/robots.txt", SMALL]


@pytest.mark.parametrize("faults", [["503", "503", "503"], ["reset", "reset", "reset"]])
def test_unreachable_robots_allows_nothing(server: Server, fake: FakeTime, faults: list[str]) -> None:
    server.add_fault("/robots.txt", *faults)  # RFC 9309: a server error means complete disallow
    with (
        Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock, jitter=lambda: 0.0) as f,
        pytest.raises(DisallowedByRobots),
    ):
        f.fetch(server.url(SMALL))
    assert server.paths() == ["/robots.txt"] * len(faults)


@pytest.mark.parametrize("status", ["401", "403"])
def test_forbidden_robots_allows_nothing(server: Server, fake: FakeTime, status: str) -> None:
    server.add_fault("/robots.txt", status)
    with Fetcher(server.netloc, policy=POLITE, sleep=fake.sleep, clock=fake.clock) as f:
        for _ in range(2):
            with pytest.raises(DisallowedByRobots):
                f.fetch(server.url(SMALL))
    assert server.paths() == ["/robots.txt"]


def test_robots_is_fetched_once_across_threads(site: Path) -> None:
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    policy = FetchPolicy(read_timeout=2.0, connect_timeout=2.0, requests_per_second=None)
    with serve(site, {"/robots.txt": ["slow:0.2"]}) as server, Fetcher(server.netloc, policy=policy) as f:
        threads = [threading.Thread(target=f.fetch, args=(server.url(OPEN),)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        f.fetch(server.url(OPEN))
    assert server.paths() == ["/robots.txt"] + [OPEN] * 5


def test_robots_switched_off_is_never_requested(site: Path) -> None:
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    with serve(site) as server, Fetcher(server.netloc, policy=FAST) as f:
        assert f.fetch(server.url(OPEN)).status == 200
        assert f.robots is None
    assert server.paths() == [OPEN]


# --- conditional GET ----------------------------------------------------------------------------

VALIDATORS = {"etag": ("etag", None), "last-modified": (None, "last-modified"), "both": ("etag", "last-modified")}


def _validators(result_headers: dict[str, str], which: str) -> dict[str, str | None]:
    """The stored validators a caller would send back: ETag, Last-Modified or both."""
    etag, last_modified = VALIDATORS[which]
    return {
        "etag": result_headers[etag] if etag else None,
        "last_modified": result_headers[last_modified] if last_modified else None,
    }


@pytest.mark.parametrize("which", VALIDATORS)
def test_unchanged_file_answers_304(site: Path, fake: FakeTime, which: str) -> None:
    with serve(site) as server, Fetcher(server.netloc, policy=FAST, sleep=fake.sleep, clock=fake.clock) as f:
        first = f.fetch(server.url(OPEN))
        again = f.fetch(server.url(OPEN), **_validators(first.headers, which))
    assert (again.status, again.not_modified, again.ok, again.body, again.attempts) == (304, True, False, b"", 1)
    assert again.headers.get("etag", first.headers["etag"]) == first.headers["etag"]
    sent = server.requests[1].headers
    assert (sent.get("if-none-match"), sent.get("if-modified-since")) == tuple(
        _validators(first.headers, which).values()
    )


@pytest.mark.parametrize("which", VALIDATORS)
def test_changed_file_answers_200(site: Path, fake: FakeTime, which: str) -> None:
    page = site / OPEN.lstrip("/")
    with serve(site) as server, Fetcher(server.netloc, policy=FAST, sleep=fake.sleep, clock=fake.clock) as f:
        first = f.fetch(server.url(OPEN))
        page.write_text("<html><body>changed</body></html>", encoding="utf-8")
        later = page.stat().st_mtime + 60  # Last-Modified counts whole seconds
        os.utime(page, (later, later))
        again = f.fetch(server.url(OPEN), **_validators(first.headers, which))
    assert (again.status, again.body) == (200, page.read_bytes())
    assert again.headers["etag"] != first.headers["etag"]
    assert again.headers["last-modified"] != first.headers["last-modified"]


def test_304_with_content_length_is_not_a_truncated_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["if-none-match"] == '"v1"'
        return httpx.Response(304, headers={"Content-Length": "100", "ETag": '"v1"'})

    with Fetcher("paper.test", policy=FAST, transport=httpx.MockTransport(handler), sleep=lambda _: None) as f:
        result = f.fetch("http://paper.test/node_1.htm", etag='"v1"')
    assert (result.status, result.attempts, result.body, f.retries) == (304, 1, b"", 0)
