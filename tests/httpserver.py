"""A real HTTP server on 127.0.0.1 for tests: serves a directory tree, injects scripted faults.

    with serve(Path("tests/fixtures/layouts/founder"), faults={"/a.htm": ["503", "reset"]}) as server:
        httpx.get(server.url("/a.htm"))          # 503, then a reset connection, then the file
        server.requests[0].headers["user-agent"]

Fault specs, consumed one per request to that path (query ignored):

- ``"503"``, ``"404"`` … any status: answer it with a short text body
- ``"429:2"`` (any ``STATUS:VALUE``): answer the status with ``Retry-After: VALUE``
- ``"reset"``: close the connection with a TCP RST, no answer; ``"close"``: close it cleanly, no answer
- ``"slow:5"``: wait 5 s (cut short when the server stops), then serve normally
- ``"truncate"``: announce the full Content-Length, send half the body, close
- ``"nolength"``: serve the body without Content-Length, ending it by closing the connection
- ``"redirect:/other.htm"``: 302 to that location

``.htm``/``.html`` go out as ``text/html`` with no charset (like many real e-paper sites) unless
``charset=`` is given. Files carry ``Last-Modified`` and a strong ``ETag`` (a hash of their bytes); a
request whose ``If-None-Match`` names the current ETag, or (without ``If-None-Match``) whose
``If-Modified-Since`` is not older than the file, gets ``304 Not Modified``.
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["RequestRecord", "Server", "serve"]

HOST = "127.0.0.1"  # tests never listen beyond the loopback interface
LOOPBACK_PREFIX = "127."  # a second listener (another host of the test world) takes another 127.x address
_STATUS_FAULT = re.compile(r"^(?P<status>\d{3})(?::(?P<retry_after>.+))?$")  # "503", "429:2"
_HTML_SUFFIXES = frozenset({".htm", ".html"})
_POLL_INTERVAL_S = 0.05  # how quickly serve_forever notices shutdown: keeps test teardown fast
_JOIN_TIMEOUT_S = 5.0  # upper bound on waiting for the server thread at teardown
_ETAG_HEX_DIGITS = 16  # 64 bits of the content's SHA-256: distinct enough for fixture files


@dataclass(frozen=True)
class RequestRecord:
    """One request the server received."""

    method: str
    path: str  # as requested, query included
    headers: dict[str, str]  # lower-case names
    time: float  # time.monotonic() on arrival


@dataclass
class Server:
    """A running test server: where it is, what it will do wrong, what it was asked."""

    root: Path
    host: str
    port: int
    charset: str | None = None
    faults: dict[str, list[str]] = field(default_factory=dict)
    requests: list[RequestRecord] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, no trailing slash."""
        return f"http://{self.netloc}"

    @property
    def netloc(self) -> str:
        """``127.0.0.1:PORT``: what a Fetcher's ``allowed_host`` should be."""
        return f"{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + "/" + path.lstrip("/")

    def paths(self) -> list[str]:
        """The requested paths, in arrival order."""
        with self.lock:
            return [record.path for record in self.requests]

    def add_fault(self, path: str, *specs: str) -> None:
        """Queue more faults for a path while the server runs."""
        with self.lock:
            self.faults.setdefault(path, []).extend(specs)

    def _record(self, record: RequestRecord) -> str | None:
        """Log a request and pop the next fault for its path, if any."""
        path = urlsplit(record.path).path
        with self.lock:
            self.requests.append(record)
            queue = self.faults.get(path)
            return queue.pop(0) if queue else None


class _Handler(SimpleHTTPRequestHandler):
    """Static files plus fault injection."""

    protocol_version = "HTTP/1.1"  # keep-alive like real servers; every answer carries a length or closes
    state: Server
    _etag: str | None = None  # of the file being served normally by the current request

    def __init__(self, request: Any, client_address: Any, server: _FixtureServer) -> None:
        self.state = server.state
        super().__init__(request, client_address, server, directory=str(server.state.root))

    def do_GET(self) -> None:
        """Serve (or answer 304), unless a fault takes over."""
        if not self._inject(self._arrive()) and not self._not_modified():
            super().do_GET()

    def do_HEAD(self) -> None:
        """Serve headers (or answer 304), unless a fault takes over."""
        if not self._inject(self._arrive()) and not self._not_modified():
            super().do_HEAD()

    def end_headers(self) -> None:
        """Add the served file's ETag (to 200 and 304 answers) before ending the headers."""
        if self._etag is not None:
            self.send_header("ETag", self._etag)
        super().end_headers()

    def guess_type(self, path: str | Any) -> str:
        """text/html for .htm/.html, with a charset only if the server was told one."""
        if Path(str(path)).suffix.lower() in _HTML_SUFFIXES:
            return f"text/html; charset={self.state.charset}" if self.state.charset else "text/html"
        return super().guess_type(path)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def _arrive(self) -> str | None:
        """Record this request; the fault to apply to it, if any."""
        self._etag = None  # a kept-alive connection serves several requests with one handler
        headers = {name.lower(): value for name, value in self.headers.items()}
        return self.state._record(RequestRecord(self.command, self.path, headers, time.monotonic()))

    def _not_modified(self) -> bool:
        """Note the file's ETag; answer 304 when If-None-Match names it (weak comparison, RFC 9110 §13.1.2).

        If-Modified-Since is left to SimpleHTTPRequestHandler, which ignores it when If-None-Match is sent.
        """
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return False
        self._etag = f'"{hashlib.sha256(path.read_bytes()).hexdigest()[:_ETAG_HEX_DIGITS]}"'
        wanted = self.headers.get("If-None-Match")
        if wanted is None:
            return False
        tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
        if "*" not in tags and self._etag not in tags:
            return False
        self.send_response(304)
        self.end_headers()
        return True

    def _inject(self, fault: str | None) -> bool:
        """Apply a fault; True when it has answered (or refused) the request entirely."""
        if fault is None:
            return False
        kind, _, arg = fault.partition(":")
        status = _STATUS_FAULT.match(fault)
        if status:
            self._answer_status(int(status["status"]), status["retry_after"])
        elif kind == "reset":
            self._reset()
        elif kind == "close":
            self.close_connection = True
        elif kind == "slow":
            self.state.stopping.wait(float(arg))
            return False
        elif kind == "truncate":
            self._send_file(truncate=True)
        elif kind == "nolength":
            self._send_file(truncate=False)
        elif kind == "redirect":
            self._redirect(arg)
        else:
            raise ValueError(f"unknown fault {fault!r}")
        return True

    def _answer_status(self, status: int, retry_after: str | None) -> None:
        """A bare status answer with a short body."""
        body = f"{status}\n".encode()
        self.send_response(status)
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _reset(self) -> None:
        """Abort the connection with a RST (SO_LINGER 0) instead of answering."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _redirect(self, location: str) -> None:
        """302 to ``location``."""
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _file_bytes(self) -> bytes:
        """The requested file's bytes, or a stand-in body when there is no such file."""
        path = Path(self.translate_path(self.path))
        return path.read_bytes() if path.is_file() else b"x" * 1024

    def _send_file(self, *, truncate: bool) -> None:
        """The file with a lying Content-Length (truncate) or none at all, then close."""
        body = self._file_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.translate_path(self.path)))
        if truncate:
            self.send_header("Content-Length", str(len(body)))
            body = body[: len(body) // 2]
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


class _FixtureServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the test's state and stays quiet about dropped clients."""

    daemon_threads = True

    def __init__(self, state: Server) -> None:
        self.state = state
        super().__init__((state.host, state.port), _Handler)
        state.port = self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that went away (a timed-out test client); report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    root: Path, faults: dict[str, list[str]] | None = None, *, charset: str | None = None, host: str = HOST
) -> Iterator[Server]:
    """Serve ``root`` on a loopback address (127.0.0.1 unless told; a free port) for the duration of the block."""
    if not host.startswith(LOOPBACK_PREFIX):
        raise ValueError(f"tests listen on loopback addresses only, not {host}")
    state = Server(root=root, host=host, port=0, charset=charset, faults=faults if faults is not None else {})
    httpd = _FixtureServer(state)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": _POLL_INTERVAL_S}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(_JOIN_TIMEOUT_S)
