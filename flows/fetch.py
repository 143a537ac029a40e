"""Polite, bounded HTTP fetching from one newspaper host.

Every request has timeouts, a size cap and a User-Agent naming us; transient failures (connection
errors, timeouts, dropped or truncated responses, 429, 5xx) are retried with exponential backoff
and jitter; redirects are followed only on the allowed host; request starts are spaced to a
per-host rate, across threads. A URL off the allowed host raises `OffHostError` before any I/O.

On first use the host's ``/robots.txt`` is fetched once (same manners): a path it disallows for us raises
`DisallowedByRobots` without being requested, and its Crawl-delay (capped) widens the request spacing.
Callers that stored an ETag or Last-Modified pass them back to get a ``304 Not Modified`` instead of a body.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import NamedTuple, Self
from urllib.robotparser import RobotFileParser

import httpx

__all__ = [
    "BACKOFF_BASE_S",
    "BACKOFF_CAP_S",
    "CONNECT_TIMEOUT_S",
    "CRAWL_DELAY_CAP_S",
    "JITTER_FRACTION",
    "MAX_ATTEMPTS",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_REDIRECTS",
    "READ_TIMEOUT_S",
    "REQUESTS_PER_SECOND",
    "RETRY_AFTER_CAP_S",
    "ROBOTS_AGENT",
    "ROBOTS_PATH",
    "USER_AGENT",
    "DisallowedByRobots",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "OffHostError",
    "RobotsRules",
]

# Say who we are, so a paper's operators can recognise us and ask us to slow down.
USER_AGENT = "epaper-etl/0.1 (+local newspaper archive)"
CONNECT_TIMEOUT_S = 10.0  # a host that cannot accept a connection in 10 s is down, not slow
READ_TIMEOUT_S = 30.0  # between two bytes; small e-paper servers render pages and PDFs slowly
MAX_ATTEMPTS = 3  # first try and two retries: rides out a restart or a burst limit, not an outage
BACKOFF_BASE_S = 1.0  # wait 1 s before the first retry, then 2 s, 4 s …
BACKOFF_CAP_S = 30.0  # never wait longer than this between two tries of one URL
JITTER_FRACTION = 0.5  # add up to 50 % at random so threads that failed together do not retry together
RETRY_AFTER_CAP_S = 60.0  # honour Retry-After up to a minute; a longer ask is for the next scheduled run
MAX_BODY_BYTES = 20 * 1024 * 1024  # pages are ~100 KB and page PDFs a few MB; more is a mistake or a trap
MAX_REDIRECTS = 5  # e-paper sites redirect index → today's first page; five hops is already a loop
REQUESTS_PER_SECOND = 2.0  # politeness towards small newspaper servers
MAX_CONNECTIONS = 4  # simultaneous connections to the one host
ROBOTS_PATH = "/robots.txt"  # where a host states its rules for crawlers (RFC 9309)
ROBOTS_AGENT = "epaper-etl"  # the product token of USER_AGENT: the User-agent line in robots.txt that names us
CRAWL_DELAY_CAP_S = 30.0  # honour Crawl-delay up to 30 s between requests; a longer ask would stall a run for hours
_ROBOTS_FORBIDDEN = frozenset({401, 403})  # robots.txt refused to us: take it as "crawl nothing"
_DISALLOW_ALL = ("User-agent: *", "Disallow: /")  # the rules we assume when robots.txt is refused
_BODILESS_STATUSES = frozenset({204, 304})  # no body, whatever Content-Length says (RFC 9110 §8.6)
_RETRY_STATUSES = frozenset({429})  # plus every 5xx: the server may answer if asked again later
_SERVER_ERROR = range(500, 600)
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})  # statuses whose Location we follow
_WEB_SCHEMES = frozenset({"http", "https"})  # nothing else is ever fetched
_HOST_PORT = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")  # host, IPv4 or [IPv6], port
_DEFAULT_PORTS = {"http": 80, "https": 443}  # httpx reports a default port as None
# Failures of the exchange itself that a second try can cure (not e.g. UnsupportedProtocol).
_TRANSIENT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

_log = logging.getLogger(__name__)


class FetchError(Exception):
    """A URL could not be fetched (after the retries it deserved)."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, attempts: int = 0) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts


class OffHostError(FetchError):
    """A URL outside the allowed host (or not http/https) was refused before any network traffic."""


class DisallowedByRobots(FetchError):
    """The host's robots.txt disallows the URL (or a redirect target) for us; it was not requested."""


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners for one host; papers.toml may override rate and connections per paper."""

    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    max_attempts: int = MAX_ATTEMPTS
    backoff_base: float = BACKOFF_BASE_S
    backoff_cap: float = BACKOFF_CAP_S
    jitter_fraction: float = JITTER_FRACTION
    retry_after_cap: float = RETRY_AFTER_CAP_S
    max_bytes: int = MAX_BODY_BYTES
    max_redirects: int = MAX_REDIRECTS
    requests_per_second: float | None = REQUESTS_PER_SECOND  # None or 0: no spacing
    max_connections: int = MAX_CONNECTIONS
    user_agent: str = USER_AGENT
    obey_robots: bool = True  # fetch robots.txt on first use; honour its Disallow and Crawl-delay
    crawl_delay_cap: float = CRAWL_DELAY_CAP_S

    def timeout(self) -> httpx.Timeout:
        """Connect/read/write limits; no pool limit, as waiting for our own pool is bounded by the others'."""
        return httpx.Timeout(
            connect=self.connect_timeout, read=self.read_timeout, write=self.connect_timeout, pool=None
        )


@dataclass(frozen=True)
class FetchResult:
    """A final HTTP answer: 2xx, 304 to a conditional request, or a status not worth retrying (404, 410, 4xx)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(repr=False)  # lower-case names
    body: bytes = field(repr=False)
    elapsed: float  # seconds from the first try to the last byte, retries included
    attempts: int

    @property
    def ok(self) -> bool:
        """Whether the server answered 2xx."""
        return 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        """Whether the server answered 304: the caller's stored copy is current (the body is empty)."""
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        """The Content-Type header, for charset detection."""
        return self.headers.get("content-type")


@dataclass(frozen=True)
class RobotsRules:
    """What a host's robots.txt allows us, and the Crawl-delay it asks of us."""

    url: str
    status: int | None  # HTTP status of robots.txt; None when it could not be fetched at all
    crawl_delay: float | None  # seconds between requests, as asked of us (or of *)
    crawl_delay_applied: float  # seconds we keep between request starts for it: the ask, capped
    parser: RobotFileParser = field(repr=False, compare=False)

    @classmethod
    def from_response(
        cls, url: str, status: int | None, body: bytes, *, crawl_delay_cap: float = CRAWL_DELAY_CAP_S
    ) -> RobotsRules:
        """Rules from a robots.txt answer (RFC 9309 §2.3.1): 2xx is parsed; 401/403 allow nothing;
        other 4xx mean no rules; 5xx or no answer after retries mean the site is unreachable: nothing."""
        parser = RobotFileParser(url)
        if status is None or status in _SERVER_ERROR or status in _ROBOTS_FORBIDDEN:
            parser.parse(_DISALLOW_ALL)
        elif 200 <= status < 300:
            parser.parse(body.decode("utf-8-sig", errors="replace").splitlines())  # RFC 9309: UTF-8
        else:  # 404, 410, other 4xx: the site has no rules
            parser.parse(())
        asked = parser.crawl_delay(ROBOTS_AGENT)  # typeshed says str; the parser returns an int
        delay = float(asked) if asked is not None else None
        return cls(url, status, delay, min(delay or 0.0, crawl_delay_cap), parser)

    @property
    def crawl_delay_capped(self) -> bool:
        """Whether the Crawl-delay asked for was longer than we wait."""
        return self.crawl_delay is not None and self.crawl_delay_applied < self.crawl_delay

    def allows(self, url: str) -> bool:
        """Whether the rules let us (product token ``epaper-etl``, else ``*``) fetch ``url``."""
        return self.parser.can_fetch(ROBOTS_AGENT, url)


class _Answer(NamedTuple):
    """One HTTP exchange, body read."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes


class _Retry(Exception):
    """A transient failure: the whole fetch may be tried again (after ``delay`` if the server said)."""

    def __init__(self, reason: str, *, status: int | None = None, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.delay = delay


class Fetcher:
    """Fetches URLs of one allowed host with retries, caps, redirects on-host and a rate limit."""

    def __init__(
        self,
        allowed_host: str,
        *,
        policy: FetchPolicy | None = None,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        if client is not None and transport is not None:
            raise ValueError("pass either a client or a transport, not both")
        self.allowed_host = allowed_host
        self.policy = policy or FetchPolicy()
        self._host, self._port = _parse_host(allowed_host)
        self._owns_client = client is None
        self._client = client or _make_client(self.policy, transport)
        self._sleep, self._clock, self._jitter = sleep, clock, jitter
        self._lock = threading.Lock()
        self._interval = _rate_interval(self.policy.requests_per_second)  # seconds between request starts
        self._last_start = float("-inf")
        self._retries = 0
        self._robots_lock = threading.Lock()  # held while robots.txt is fetched: other threads wait for it
        self._robots: RobotsRules | None = None

    @property
    def retries(self) -> int:
        """How many retries this fetcher has made, over all URLs."""
        with self._lock:
            return self._retries

    @property
    def robots(self) -> RobotsRules | None:
        """The host's robots.txt rules, once fetched (never, when ``obey_robots`` is off)."""
        return self._robots  # set once, under _robots_lock; reading it does not wait for the fetch

    def is_allowed(self, url: str) -> bool:
        """Whether ``url`` is http(s) on the allowed host and port, without user info."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            return False
        if parsed.scheme not in _WEB_SCHEMES or parsed.userinfo or parsed.host.lower() != self._host:
            return False
        port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
        return port == self._port if self._port is not None else parsed.port is None

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET ``url``, following on-host redirects, retrying transient failures; raise FetchError.

        With a stored ``etag`` or ``last_modified`` the request is conditional, and an unchanged
        resource comes back as a 304 result with an empty body. A URL that robots.txt disallows
        raises DisallowedByRobots before it is requested.
        """
        if not self.is_allowed(url):
            raise OffHostError(url, f"not on the allowed host {self.allowed_host}")
        rules = self._robots_for(url) if self.policy.obey_robots else None
        if rules is not None and not rules.allows(url):
            raise DisallowedByRobots(url, f"disallowed for {ROBOTS_AGENT} by {rules.url}")
        return self._get(url, _conditional_headers(etag, last_modified), rules)

    def close(self) -> None:
        """Close the HTTP client if this fetcher created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        """Use as a context manager that closes the client."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close on leaving the block."""
        self.close()

    def _get(self, url: str, headers: dict[str, str], rules: RobotsRules | None) -> FetchResult:
        """The fetch itself: tries, each following redirects, with backoff in between."""
        started = self._clock()
        attempts = self.policy.max_attempts
        for attempt in range(1, attempts + 1):
            try:
                answer = self._follow(url, headers, rules)
            except FetchError as error:
                error.attempts = attempt
                raise
            except _Retry as retry:
                if attempt == attempts:
                    raise FetchError(url, retry.reason, status=retry.status, attempts=attempt) from retry
                self._wait_before_retry(url, attempt, retry)
                continue
            return FetchResult(
                url, answer.url, answer.status, answer.headers, answer.body, self._clock() - started, attempt
            )
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _robots_for(self, url: str) -> RobotsRules:
        """The host's robots.txt rules, fetched on first use; threads arriving meanwhile wait for them."""
        with self._robots_lock:
            if self._robots is None:
                self._robots = self._load_robots(str(httpx.URL(url).join(ROBOTS_PATH)))
                with self._lock:
                    self._interval = max(self._interval, self._robots.crawl_delay_applied)
            return self._robots

    def _load_robots(self, robots_url: str) -> RobotsRules:
        """Fetch and read robots.txt with the usual manners; unreachable after retries means no rules."""
        cap = self.policy.crawl_delay_cap
        try:
            result = self._get(robots_url, {}, None)
        except FetchError as error:
            _log.warning("%s unreachable (%s): proceeding as if there were no rules", robots_url, error.reason)
            return RobotsRules.from_response(robots_url, None, b"", crawl_delay_cap=cap)
        rules = RobotsRules.from_response(robots_url, result.status, result.body, crawl_delay_cap=cap)
        if rules.crawl_delay_capped:
            _log.warning("%s asks for a Crawl-delay of %g s; waiting %g s", robots_url, rules.crawl_delay, cap)
        _log.info("%s: HTTP %d, crawl delay %g s", robots_url, result.status, rules.crawl_delay_applied)
        return rules

    def _follow(self, url: str, headers: dict[str, str], rules: RobotsRules | None) -> _Answer:
        """One try: GET and follow redirects on the allowed host, at most ``max_redirects`` hops."""
        current = str(httpx.URL(url))
        seen = {current}
        for _hop in range(self.policy.max_redirects + 1):
            answer = self._exchange(current, headers)
            location = answer.headers.get("location")
            if answer.status not in _REDIRECT_STATUSES or not location:
                return _classify(answer)
            current = str(httpx.URL(current).join(location))  # httpx has already vetted the Location
            if not self.is_allowed(current):
                raise FetchError(url, f"redirect off the allowed host to {current}", status=answer.status)
            if current in seen:
                raise FetchError(url, f"redirect loop at {current}", status=answer.status)
            if rules is not None and not rules.allows(current):
                raise DisallowedByRobots(url, f"redirect to {current}, disallowed by {rules.url}", status=answer.status)
            seen.add(current)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _exchange(self, url: str, conditional: dict[str, str]) -> _Answer:
        """One HTTP request, after waiting for this host's next free slot; body read within the cap."""
        self._throttle()
        headers = {"User-Agent": self.policy.user_agent, **conditional}
        try:
            with self._client.stream("GET", url, headers=headers, timeout=self.policy.timeout()) as response:
                body = self._read_body(url, response)
                _check_complete(response, body)
                return _Answer(str(response.url), response.status_code, dict(response.headers.items()), body)
        except _TRANSIENT_ERRORS as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """The (decoded) body, aborting as soon as it is known to exceed ``max_bytes``."""
        cap = self.policy.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > cap:
            raise FetchError(url, f"Content-Length {declared} exceeds the {cap}-byte cap", status=response.status_code)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"body exceeds the {cap}-byte cap", status=response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)

    def _throttle(self) -> None:
        """Reserve the next request slot for this host and sleep until it comes (thread-safe)."""
        with self._lock:
            now = self._clock()
            start = max(now, self._last_start + self._interval)
            self._last_start = start
        if start > now:
            self._sleep(start - now)

    def _wait_before_retry(self, url: str, attempt: int, retry: _Retry) -> None:
        """Count the retry and sleep: the server's Retry-After (capped), else exponential backoff."""
        with self._lock:
            self._retries += 1
        policy = self.policy
        if retry.delay is not None:
            delay = min(retry.delay, policy.retry_after_cap)
        else:
            base = min(policy.backoff_cap, policy.backoff_base * 2 ** (attempt - 1))
            delay = base * (1.0 + policy.jitter_fraction * self._jitter())
        _log.warning(
            "retrying %s in %.2f s (attempt %d/%d): %s",
            url,
            delay,
            attempt + 1,
            policy.max_attempts,
            retry.reason,
        )
        self._sleep(delay)


def _parse_host(allowed_host: str) -> tuple[str, int | None]:
    """(host, port or None) of ``host[:port]``; ValueError when it is not one."""
    if not _HOST_PORT.match(allowed_host):
        raise ValueError(f"not a host[:port]: {allowed_host!r}")
    try:
        parsed = httpx.URL(f"http://{allowed_host}")
    except httpx.InvalidURL as exc:
        raise ValueError(f"not a host[:port]: {allowed_host!r}") from exc
    if not parsed.host or parsed.userinfo or parsed.path not in ("", "/") or parsed.query:
        raise ValueError(f"not a host[:port]: {allowed_host!r}")
    return parsed.host.lower(), parsed.port


def _make_client(policy: FetchPolicy, transport: httpx.BaseTransport | None) -> httpx.Client:
    """A client for one host: connection limits, no redirects or proxies of its own."""
    limits = httpx.Limits(max_connections=policy.max_connections, max_keepalive_connections=policy.max_connections)
    return httpx.Client(
        transport=transport or httpx.HTTPTransport(limits=limits, retries=0),
        timeout=policy.timeout(),
        headers={"User-Agent": policy.user_agent},
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: we talk to the allowed host only
    )


def _rate_interval(requests_per_second: float | None) -> float:
    """Seconds between request starts for a rate; 0 for None or 0 (no spacing)."""
    return 1.0 / requests_per_second if requests_per_second else 0.0


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from validators the caller stored from an earlier answer."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _content_length(response: httpx.Response) -> int | None:
    """The declared body length, if the header is a number."""
    value = response.headers.get("content-length", "")
    return int(value) if value.strip().isdigit() else None


def _check_complete(response: httpx.Response, body: bytes) -> None:
    """Raise a retry when fewer bytes arrived than Content-Length announced (a truncated body)."""
    if response.status_code in _BODILESS_STATUSES:  # a 304's Content-Length is that of the stored copy
        return
    declared = _content_length(response)
    encoded = response.headers.get("content-encoding", "identity").lower() != "identity"
    received = response.num_bytes_downloaded if encoded else len(body)  # the header counts wire bytes
    if declared is not None and received < declared:
        raise _Retry(f"truncated body: {received} of {declared} bytes", status=response.status_code)


def _classify(answer: _Answer) -> _Answer:
    """The answer itself, or a retry for 429 and 5xx (with the server's Retry-After)."""
    if answer.status in _RETRY_STATUSES or answer.status in _SERVER_ERROR:
        delay = _retry_after(answer.headers.get("retry-after"))
        raise _Retry(f"HTTP {answer.status}", status=answer.status, delay=delay)
    return answer


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
