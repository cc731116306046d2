"""Extractors and pages for the batch tests: module-level, so worker processes can unpickle them.

Each extractor stands in for ``articlex.extract`` with its signature and
behaves badly only on a page carrying its marker, so a test can put one bad
page among good ones and check that the batch carries on.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from articlex import extract
from articlex.model import Article
from articlex.options import Options

HANG_MARKER = b"<!-- hang the parser -->"
CRASH_MARKER = b"<!-- crash the worker -->"
SLOW_MARKER = b"<!-- slow page -->"
# A slow page takes this long: long enough for the pages after it to finish first.
SLOW_SECONDS = 1.5
# Each page of pid_article takes this long, so that a second worker starts
# before the first has done them all.
PID_PAGE_SECONDS = 0.05


def page_html(title: str, marker: bytes = b"") -> bytes:
    """A small article page titled ``title``, with ``marker`` in it."""
    paragraph = f"<p>{title} is what this page is about, in words long enough to count as prose here.</p>"
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraph * 4}</article></body></html>"
    ).encode() + marker


def write_pages(directory: Path, count: int, marker_at: dict[int, bytes] | None = None) -> list[str]:
    """``count`` page files ``page-000.html``... in ``directory`` (with markers where asked); their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = directory / f"page-{n:03d}.html"
        path.write_bytes(page_html(f"Page {n}", (marker_at or {}).get(n, b"")))
        paths.append(str(path))
    return paths


def _data(html: str | bytes) -> bytes:
    return html if isinstance(html, bytes) else html.encode()


def hang_on_marker(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """``extract``, except that a page with :data:`HANG_MARKER` never returns (as a parser stuck in C would)."""
    if HANG_MARKER in _data(html):
        while True:
            time.sleep(60)
    return extract(html, url, options=options, content_type=content_type)


def crash_on_marker(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """``extract``, except that a page with :data:`CRASH_MARKER` kills the process (as a segfault would)."""
    if CRASH_MARKER in _data(html):
        os.kill(os.getpid(), signal.SIGKILL)
    return extract(html, url, options=options, content_type=content_type)


def slow_on_marker(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """``extract``, except that a page with :data:`SLOW_MARKER` first waits :data:`SLOW_SECONDS`."""
    if SLOW_MARKER in _data(html):
        time.sleep(SLOW_SECONDS)
    return extract(html, url, options=options, content_type=content_type)


# Read by mark_article when it runs: a test changes it in the parent, so a
# worker forked from the parent sees the change and a spawned worker, which
# imports this module afresh, sees this value.
MARK = "as imported"


def mark_article(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """An article whose headline is :data:`MARK` as the process that made it sees it."""
    return Article(url=url, headline=MARK)


def pid_article(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """An article whose headline is the id of the process that made it (which worker did which page)."""
    time.sleep(PID_PAGE_SECONDS)
    return Article(url=url, headline=str(os.getpid()))


def unpicklable_article(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """An "article" holding a lambda: what a careless custom extractor might return."""
    return Article(url=url, headline=lambda: None)  # type: ignore[arg-type]


class _PageHandler(http.server.BaseHTTPRequestHandler):
    """Answers from the server's ``pages``: path -> (status, content type, body)."""

    server: _PageServer

    def do_GET(self) -> None:
        status, content_type, body = self.server.pages.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests check what the client got."""


class _PageServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, tuple[int, str, bytes]]


@contextlib.contextmanager
def serving(pages: dict[str, tuple[int, str, bytes]]) -> Iterator[str]:
    """A web server on 127.0.0.1 (a free port) answering ``pages``; yields its base URL."""
    server = _PageServer(("127.0.0.1", 0), _PageHandler)
    server.pages = pages
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
