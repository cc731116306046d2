"""articlex.fetching against a server on 127.0.0.1 that each test starts, misbehaving on purpose.

No test may reach any other address: an autouse fixture makes every
``socket.connect`` to a non-loopback address, and every name lookup other than
``localhost`` and IP literals, fail the test (tests that need a name patch the
resolver themselves), and records the connections made.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import ipaddress
import pickle
import socket
import ssl
import sys
import threading
import time
import tracemalloc
import urllib.parse
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

import articlex
from articlex.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    ForbiddenAddressError,
    HTTPStatusError,
    MalformedResponseError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    UnsupportedContentError,
    UnsupportedURLError,
)
from articlex.fetching import DEFAULT_USER_AGENT, Response, fetch, new_session
from articlex.fetching.addresses import AddressPolicy, forbidden_kind
from articlex.fetching.body import markup_verdict
from articlex.fetching.retry import MAX_RETRY_AFTER, retry_after, retry_wait

PAGE_TEXT = "Le café du coin ouvre à sept heures, et les habitués arrivent tôt. " * 8
# Latin-1 bytes with no <meta charset>: only the Content-Type header says how to decode them.
PAGE = (
    "<!doctype html><html><head><title>Le café</title></head><body><article>"
    f"<h1>Le café du coin</h1><p>{PAGE_TEXT}</p><p>{PAGE_TEXT}</p></article></body></html>"
).encode("latin-1")
PAGE_TYPE = "text/html; charset=iso-8859-1"
# One gzip member of 16 MiB of zeros (about 16 KB); the bomb repeats it (a gzip
# stream may hold many members), so it is cheap to make and endless to decode.
BOMB_MEMBER = gzip.compress(bytes(16 * 1024 * 1024), compresslevel=9)
BOMB_MEMBERS = 2048  # 32 GiB decoded, about 32 MB sent if nobody stops reading

# A test certificate authority and a server certificate it signed for 127.0.0.1,
# localhost and news.example, valid until 2126 (made with openssl for these tests;
# the key protects nothing else).
TEST_CA = """\
-----BEGIN CERTIFICATE-----
MIIBnjCCAUOgAwIBAgIUb58aQvPjjCb5VRiFqtsl+YtXr38wCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQYXJ0aWNsZXggdGVzdCBDQTAgFw0yNjExMjUwNTU3NTFaGA8y
MTI2MTEwMTA1NTc1MVowGzEZMBcGA1UEAwwQYXJ0aWNsZXggdGVzdCBDQTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABGay3uShhjEXoPdUPLQcVgPd6NIwFYffe5+r
3KvZqe79s/nJB2g9BQr4cZnBVXvPKbyKsNaHqb506FjLxXRy8i+jYzBhMB0GA1Ud
DgQWBBT8EN5kpg5LR1B+mFWbw2FKHadNXzAfBgNVHSMEGDAWgBT8EN5kpg5LR1B+
mFWbw2FKHadNXzAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggq
hkjOPQQDAgNJADBGAiEA8YKl2xyxObqnBXijxbb5A6XlnGIXgsGkVMyfDhhGvZkC
IQD+t4oZ+ZejEkP4I5OKTRGuLKX1fd6EX/CfG5kHe7nefw==
-----END CERTIFICATE-----
"""
TEST_CERT = """\
-----BEGIN CERTIFICATE-----
MIIB1DCCAXqgAwIBAgIUKabWnl1Q9uC/vFC4gCGO3/3pCEkwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQYXJ0aWNsZXggdGVzdCBDQTAgFw0yNjExMjUwNTU3NTFaGA8y
MTI2MTEwMTA1NTc1MVowFDESMBAGA1UEAwwJMTI3LjAuMC4xMFkwEwYHKoZIzj0C
AQYIKoZIzj0DAQcDQgAED0TR0NHbkXBTC+zAmRa2GOv48ObbdETx7WA3NHNExcvJ
7T25Y94CrggsW1g29aSQMJC/VGDvokYsOHz1cb/f3KOBoDCBnTAoBgNVHREEITAf
hwR/AAABgglsb2NhbGhvc3SCDG5ld3MuZXhhbXBsZTAMBgNVHRMBAf8EAjAAMA4G
A1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAfBgNVHSMEGDAWgBT8
EN5kpg5LR1B+mFWbw2FKHadNXzAdBgNVHQ4EFgQUyd/S/rXm4coBSlHtVdWvRewE
g3QwCgYIKoZIzj0EAwIDSAAwRQIhALpTdHUMAacjqpWlVAFZlNwKdbkW4ez3I+Ww
0yqXCFVEAiBBVMZUtQV6Mpvxb2Wadg1S9LUewQqOjtwkq1qLRpfEaQ==
-----END CERTIFICATE-----
"""
TEST_KEY = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgh4nwmb5LlzYcg5e6
ec8ta7v33m3MVP6oWgqpUJoMxqihRANCAAQPRNHQ0duRcFML7MCZFrYY6/jw5tt0
RPHtYDc0c0TFy8ntPblj3gKuCCxbWDb1pJAwkL9UYO+iRiw4fPVxv9/c
-----END PRIVATE KEY-----
"""


@dataclass
class ServerState:
    """What the server saw: hits per path, request headers, connections, bytes of bombs sent."""

    hits: Counter[str] = field(default_factory=Counter)
    headers: list[dict[str, str]] = field(default_factory=list)
    client_ports: set[int] = field(default_factory=set)
    hellos: list[str | None] = field(default_factory=list)  # TLS handshakes begun, by the name they asked for
    bomb_bytes_sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so sessions can reuse connections
    # Headers and body go out in separate writes: without this, Nagle's algorithm holds the
    # body for the client's delayed ACK (40 ms) on every reused connection.
    disable_nagle_algorithm = True
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        state = self.server.state
        path, _, query = self.path.partition("?")
        with state.lock:
            state.hits[path] += 1
            state.headers.append(dict(self.headers))
            state.client_ports.add(self.client_address[1])
            hits = state.hits[path]
        route = ROUTES.get("/chain/" if path.startswith("/chain/") else path)
        if route is None:
            self.reply(404, b"<html><body>no such page</body></html>")
        else:
            route(self, query, hits)

    def reply(self, status: int, body: bytes, content_type: str | None = "text/html", **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, data: bytes, interval: float) -> None:
        """Send ``data`` a byte at a time until the client hangs up."""
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(interval)
        except OSError:
            self.close_connection = True


def _page(handler: Handler, query: str, hits: int) -> None:
    handler.reply(200, PAGE, PAGE_TYPE)


def _echo_path(handler: Handler, query: str, hits: int) -> None:
    handler.reply(200, f"<html><body><p>{query}</p></body></html>".encode())


def _set_cookie(handler: Handler, query: str, hits: int) -> None:
    handler.reply(200, b"<html></html>", Set_Cookie="visit=yes; Path=/")


def _trickle_body(handler: Handler, query: str, hits: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.trickle(b"<html>" + b"a" * 50, 0.2)  # 11 s in all, if it were read to the end
    handler.close_connection = True


def _trickle_headers(handler: Handler, query: str, hits: int) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    handler.trickle(b"X-Slow: " + b"a" * 50, 0.2)
    handler.close_connection = True


def _bomb(handler: Handler, query: str, hits: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Encoding", "gzip")
    chunked = query == "chunked"
    if chunked:
        handler.send_header("Transfer-Encoding", "chunked")
    else:  # no Content-Length (its 32 MB would be refused up front): the body ends when the connection does
        handler.send_header("Connection", "close")
    handler.end_headers()
    try:
        for _ in range(BOMB_MEMBERS):
            data = b"%x\r\n%b\r\n" % (len(BOMB_MEMBER), BOMB_MEMBER) if chunked else BOMB_MEMBER
            handler.wfile.write(data)
            with handler.server.state.lock:
                handler.server.state.bomb_bytes_sent += len(BOMB_MEMBER)
    except OSError:
        pass
    handler.close_connection = True


def _truncated(handler: Handler, query: str, hits: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(b"<html><body>and then the server went away")
    handler.close_connection = True


def _huge_length(handler: Handler, query: str, hits: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(10**9))
    handler.end_headers()
    handler.wfile.write(b"<html>")
    handler.close_connection = True


def _redirect(location: str, status: int = 302) -> Callable[[Handler, str, int], None]:
    def route(handler: Handler, query: str, hits: int) -> None:
        handler.reply(status, b"", None, Location=location.replace("QUERY", urllib.parse.unquote(query)))

    return route


def _chain(handler: Handler, query: str, hits: int) -> None:
    left = int(handler.path.rsplit("/", 1)[1])
    if left == 0:
        _page(handler, query, hits)
    else:
        handler.reply(301, b"moved", Location=f"/chain/{left - 1}")


def _flaky(handler: Handler, query: str, hits: int) -> None:
    if hits == 1:
        handler.reply(500, b"<html>oops</html>")
    else:
        _page(handler, query, hits)


def _busy(handler: Handler, query: str, hits: int) -> None:
    if hits == 1:
        handler.reply(429, b"slow down", Retry_After=query or "0")
    else:
        _page(handler, query, hits)


def _gzip_page(handler: Handler, query: str, hits: int) -> None:
    handler.reply(200, gzip.compress(PAGE), PAGE_TYPE, Content_Encoding="gzip")


def _brotli_page(handler: Handler, query: str, hits: int) -> None:
    import brotli

    handler.reply(200, brotli.compress(PAGE), PAGE_TYPE, Content_Encoding="br")


ROUTES: dict[str, Callable[[Handler, str, int], None]] = {
    "/page": _page,
    "/echo": _echo_path,
    "/set-cookie": _set_cookie,
    "/trickle": _trickle_body,
    "/trickle-headers": _trickle_headers,
    "/bomb": _bomb,
    "/huge-length": _huge_length,
    "/truncated": _truncated,
    "/loop": _redirect("/loop"),
    "/chain/": _chain,
    "/redirect": _redirect("QUERY"),
    "/redirect-no-location": lambda h, q, n: h.reply(302, b""),
    "/flaky": _flaky,
    "/busy": _busy,
    "/always-503": lambda h, q, n: h.reply(503, b"down", Retry_After="0"),
    "/not-modified": lambda h, q, n: h.reply(304, b""),
    "/pdf": lambda h, q, n: h.reply(200, b"%PDF-1.7\n...", "application/pdf"),
    "/json": lambda h, q, n: h.reply(200, b'{"a": 1}', "application/json"),
    "/png": lambda h, q, n: h.reply(200, b"\x89PNG\r\n\x1a\n....", "image/png"),
    "/xhtml": lambda h, q, n: h.reply(200, b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "application/xhtml+xml"),
    "/untyped-html": lambda h, q, n: h.reply(200, b"\xef\xbb\xbf\n  <!DOCTYPE html><p>hi</p>", None),
    "/untyped-binary": lambda h, q, n: h.reply(200, b"\x00\x01binary stuff", None),
    "/gzip": _gzip_page,
    "/brotli": _brotli_page,
    "/corrupt-gzip": lambda h, q, n: h.reply(200, b"this is not gzip at all", Content_Encoding="gzip"),
    "/unknown-coding": lambda h, q, n: h.reply(200, b"\x1f\x9d....", Content_Encoding="compress"),
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    state: ServerState
    tls: ssl.SSLContext | None = None

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        if self.tls is not None:  # the handshake happens in the handler's thread, on its first read
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hang up mid-request on purpose here (refused peers, bombs, deadlines); other errors show."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def _serving(tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.state = ServerState()
    httpd.tls = tls
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    with _serving() as httpd:
        yield httpd


@pytest.fixture
def test_ca(tmp_path: Path) -> str:
    """The path of the test CA's certificate, to verify the TLS server with."""
    path = tmp_path / "ca.pem"
    path.write_text(TEST_CA)
    return str(path)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[Server]:
    (tmp_path / "cert.pem").write_text(TEST_CERT)
    (tmp_path / "key.pem").write_text(TEST_KEY)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    with _serving(context) as httpd:
        context.sni_callback = lambda _connection, name, _context: httpd.state.hellos.append(name)
        yield httpd


@pytest.fixture
def base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a test connects to; a non-loopback address or a real DNS lookup fails the test."""
    made: list[tuple[str, int]] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        host, port = address[0], address[1]
        if not ipaddress.ip_address(host).is_loopback:
            raise AssertionError(f"a test tried to connect to {host}:{port}")
        made.append((host, port))
        real_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "localhost" and not _numeric(str(host)):
            raise AssertionError(f"a test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: pytest.fail("connect_ex"))
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return made


def _numeric(host: str) -> bool:
    """True for an address the C library reads without DNS: an IP literal, or IPv4 as 2130706433 or 127.1."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        try:
            socket.inet_aton(host)
        except OSError:
            return False
    return True


def _resolver(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[list[str]]]) -> None:
    """Make each name resolve to the next list of addresses in ``answers`` (the last list repeats)."""
    real = socket.getaddrinfo
    calls: Counter[str] = Counter()

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = str(host).rstrip(".").lower()  # as DNS compares names
        if name not in answers:
            return real(host, port, *args, **kwargs)
        turn = answers[name][min(calls[name], len(answers[name]) - 1)]
        calls[name] += 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port))) for address in turn]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


LOCAL = {"allow_private": True}


# --- a normal page ---------------------------------------------------------------------------


def test_fetches_a_page_that_extract_reads_with_the_header_charset(base: str) -> None:
    response = fetch(f"{base}/page", **LOCAL)
    assert response.status == 200
    assert response.body == PAGE
    assert response.content_type == PAGE_TYPE
    assert response.url == response.final_url == f"{base}/page"
    page = response.to_page()
    assert (page.id, page.url, page.data, page.content_type) == (response.url, response.final_url, PAGE, PAGE_TYPE)
    assert page.fetched == response.fetched and response.fetched.endswith("+00:00")
    article = articlex.extract(page.data, url=page.url, content_type=page.content_type)
    assert article.headline == "Le café du coin"
    assert "Le café du coin ouvre à sept heures" in article.text


def test_sends_a_user_agent_naming_articlex(server: Server, base: str) -> None:
    fetch(f"{base}/page", **LOCAL)
    fetch(f"{base}/page", user_agent="my-crawler/2 (+mailto:me@example.org)", **LOCAL)
    first, second = (headers["User-Agent"] for headers in server.state.headers)
    assert first == DEFAULT_USER_AGENT
    assert first.startswith(f"articlex/{articlex.__version__} (+http")
    assert second == "my-crawler/2 (+mailto:me@example.org)"
    assert "gzip" in server.state.headers[0]["Accept-Encoding"]
    assert server.state.headers[0]["Accept"].startswith("text/html")


def test_gzip_body_is_decoded(base: str) -> None:
    assert fetch(f"{base}/gzip", **LOCAL).body == PAGE


def test_brotli_body_is_decoded_when_brotli_is_installed(server: Server, base: str) -> None:
    pytest.importorskip("brotli")
    assert fetch(f"{base}/brotli", **LOCAL).body == PAGE
    assert "br" in server.state.headers[0]["Accept-Encoding"]


def test_xhtml_and_untyped_markup_are_accepted(base: str) -> None:
    assert fetch(f"{base}/xhtml", **LOCAL).body.startswith(b"<html")
    untyped = fetch(f"{base}/untyped-html", **LOCAL)
    assert untyped.content_type is None
    assert b"<!DOCTYPE html>" in untyped.body


# --- the deadline --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_a_trickle_stops_at_the_deadline(base: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="1 s deadline") as caught:
        fetch(f"{base}{path}", deadline=1.0, **LOCAL)
    elapsed = time.monotonic() - started
    assert 0.9 < elapsed < 1.0 + 2.0  # the trickle would take 11 s; per-read timeouts never fire
    assert isinstance(caught.value, TimeoutError)
    assert caught.value.url == f"{base}{path}"


def test_retries_that_would_pass_the_deadline_are_not_waited_for(server: Server, base: str) -> None:
    started = time.monotonic()
    with pytest.raises(HTTPStatusError) as caught:
        fetch(f"{base}/always-503", deadline=1.0, retries=10, backoff=0.4, **LOCAL)
    assert caught.value.status == 503
    assert time.monotonic() - started < 1.0 + 0.5
    assert 2 <= server.state.hits["/always-503"] <= 3  # waits of 0.4 s, then 0.8 s would pass the deadline


# --- size ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "chunked"])
def test_a_gzip_bomb_stops_early_in_little_memory(server: Server, base: str, query: str) -> None:
    limit = 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match="decoded body is over"):
            fetch(f"{base}/bomb?{query}", max_bytes=limit, **LOCAL)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * limit  # the bomb decodes to 32 GiB
    time.sleep(0.1)  # let the server notice the hang-up
    assert server.state.bomb_bytes_sent < len(BOMB_MEMBER) * BOMB_MEMBERS / 4


def test_a_content_length_over_the_cap_is_refused_before_reading(base: str) -> None:
    with pytest.raises(ResponseTooLargeError, match="Content-Length 1,000,000,000"):
        fetch(f"{base}/huge-length", **LOCAL)


def test_a_body_just_under_the_cap_is_kept(base: str) -> None:
    assert fetch(f"{base}/page", max_bytes=len(PAGE), **LOCAL).body == PAGE
    with pytest.raises(ResponseTooLargeError):
        fetch(f"{base}/page", max_bytes=len(PAGE) - 1, **LOCAL)


# --- redirects -------------------------------------------------------------------------------


def test_a_redirect_loop_is_too_many_redirects(server: Server, base: str) -> None:
    with pytest.raises(TooManyRedirectsError, match="more than 5 redirects"):
        fetch(f"{base}/loop", **LOCAL)
    assert server.state.hits["/loop"] == 6  # the first request and five redirects


def test_five_redirects_are_followed_and_six_are_too_many(base: str) -> None:
    response = fetch(f"{base}/chain/5", **LOCAL)
    assert (response.url, response.final_url, response.body) == (f"{base}/chain/5", f"{base}/chain/0", PAGE)
    with pytest.raises(TooManyRedirectsError):
        fetch(f"{base}/chain/6", **LOCAL)
    assert fetch(f"{base}/chain/6", max_redirects=6, **LOCAL).body == PAGE


def test_a_redirect_without_location_is_malformed(base: str) -> None:
    with pytest.raises(MalformedResponseError, match="no Location"):
        fetch(f"{base}/redirect-no-location", **LOCAL)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x", "data:text/html,<p>hi"])
def test_a_redirect_to_another_scheme_is_refused(base: str, target: str, connections: list[tuple[str, int]]) -> None:
    with pytest.raises(UnsupportedURLError, match="not an http or https URL"):
        fetch(f"{base}/redirect?{target}", **LOCAL)
    assert len(connections) == 1  # the test server only


# --- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "host"),
    [
        ("http://10.1.2.3/", "10.1.2.3"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),
        ("http://[::1]:80/", "::1"),
        ("http://0.0.0.0/", "0.0.0.0"),  # noqa: S104 - an address to refuse, not one to bind
    ],
)
def test_a_redirect_to_a_private_address_is_refused_without_connecting(
    server: Server, base: str, target: str, host: str, connections: list[tuple[str, int]]
) -> None:
    with pytest.raises(ForbiddenAddressError) as caught:
        fetch(f"{base}/redirect?{target}", allow_hosts=["127.0.0.1"])
    assert caught.value.host == caught.value.address == host
    assert caught.value.url == f"{base}/redirect?{target}"
    assert connections == [("127.0.0.1", server.server_port)]
    assert server.state.hits["/redirect"] == 1


def test_a_redirect_to_a_name_with_a_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch, base: str, connections: list[tuple[str, int]]
) -> None:
    # One public and one private address: any forbidden address refuses the host.
    _resolver(monkeypatch, {"intranet.example": [["93.184.215.14", "10.0.0.5"]]})
    with pytest.raises(ForbiddenAddressError, match="private") as caught:
        fetch(f"{base}/redirect?http://intranet.example/admin", allow_hosts=["127.0.0.1"])
    assert (caught.value.host, caught.value.address) == ("intranet.example", "10.0.0.5")
    assert len(connections) == 1


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "127.1"])
def test_loopback_in_any_spelling_is_refused_before_connecting(
    server: Server, host: str, connections: list[tuple[str, int]]
) -> None:
    with pytest.raises(ForbiddenAddressError, match="loopback"):
        fetch(f"http://{host}:{server.server_port}/page")
    assert connections == []
    assert server.state.hits["/page"] == 0


def test_a_name_that_rebinds_to_loopback_is_refused_before_sending(
    monkeypatch: pytest.MonkeyPatch, server: Server, connections: list[tuple[str, int]]
) -> None:
    # The check before connecting sees a public address; the connection then gets 127.0.0.1.
    _resolver(monkeypatch, {"news.example": [["93.184.215.14"], ["127.0.0.1"]]})
    with pytest.raises(ForbiddenAddressError, match="loopback") as caught:
        fetch(f"http://news.example:{server.server_port}/page")
    assert caught.value.address == "127.0.0.1"
    assert connections == [("127.0.0.1", server.server_port)]  # connected, then refused...
    assert server.state.hits["/page"] == 0  # ...before a request was sent


def test_allow_hosts_names_hosts_not_addresses(
    monkeypatch: pytest.MonkeyPatch, server: Server, connections: list[tuple[str, int]]
) -> None:
    _resolver(monkeypatch, {"news.example": [["127.0.0.1"]]})
    with pytest.raises(ForbiddenAddressError):
        fetch(f"http://news.example:{server.server_port}/page", allow_hosts=["127.0.0.1"])
    assert connections == []
    response = fetch(f"http://News.Example.:{server.server_port}/page", allow_hosts=["news.example"])
    assert response.body == PAGE


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fd00::1", "private"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 - an address to classify, not one to bind
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "private"),
        ("100.64.0.1", "non-global"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 carrying 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 carrying 169.254.169.254
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert forbidden_kind(address) == kind


def test_allow_hosts_must_be_a_list(base: str) -> None:
    with pytest.raises(TypeError, match="list of hosts"):
        fetch(f"{base}/page", allow_hosts="127.0.0.1")


def test_address_policy_exemptions() -> None:
    assert AddressPolicy.of(True, ()).refusal("x", "127.0.0.1") is None
    policy = AddressPolicy.of(False, ["Wiki.Internal.", "[::1]"])
    assert policy.refusal("wiki.internal", "10.0.0.1") is None
    assert policy.refusal("::1", "::1") is None
    assert policy.refusal("other.internal", "10.0.0.1") == "private"


# --- content ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"), [("/pdf", "application/pdf"), ("/json", "application/json"), ("/png", "image/png")]
)
def test_non_html_is_refused(base: str, path: str, kind: str) -> None:
    with pytest.raises(UnsupportedContentError) as caught:
        fetch(f"{base}{path}", **LOCAL)
    assert caught.value.content_type == kind


def test_an_untyped_body_that_is_not_markup_is_refused(base: str) -> None:
    with pytest.raises(UnsupportedContentError, match="no content type") as caught:
        fetch(f"{base}/untyped-binary", **LOCAL)
    assert caught.value.content_type is None


def test_markup_verdict() -> None:
    assert markup_verdict(b"\xef\xbb\xbf <html>") is True
    assert markup_verdict(b"\xff\xfe<\x00h\x00") is True
    assert markup_verdict(b" \n\t") is None
    assert markup_verdict(b"%PDF-1.7") is False


@pytest.mark.parametrize(("path", "message"), [("/corrupt-gzip", "does not decode"), ("/unknown-coding", "compress")])
def test_a_body_that_does_not_decode_is_malformed(base: str, path: str, message: str) -> None:
    with pytest.raises(MalformedResponseError, match=message):
        fetch(f"{base}{path}", **LOCAL)


# --- statuses and retries --------------------------------------------------------------------


def test_404_raises_at_once(server: Server, base: str) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        fetch(f"{base}/missing", **LOCAL)
    assert caught.value.status == 404
    assert server.state.hits["/missing"] == 1


def test_304_is_not_a_page(base: str) -> None:
    with pytest.raises(HTTPStatusError, match="304"):
        fetch(f"{base}/not-modified", **LOCAL)


def test_500_then_200_succeeds_after_a_retry(server: Server, base: str) -> None:
    assert fetch(f"{base}/flaky", backoff=0.01, **LOCAL).body == PAGE
    assert server.state.hits["/flaky"] == 2


def test_retries_are_counted(server: Server, base: str) -> None:
    with pytest.raises(HTTPStatusError, match="503"):
        fetch(f"{base}/always-503", retries=3, backoff=0.01, **LOCAL)
    assert server.state.hits["/always-503"] == 4
    with pytest.raises(HTTPStatusError, match="500"):
        fetch(f"{base}/flaky", retries=0, **LOCAL)  # its first answer is a 500, and no retry is allowed


def test_429_with_a_short_retry_after_is_retried(server: Server, base: str) -> None:
    assert fetch(f"{base}/busy?0", backoff=0.01, **LOCAL).body == PAGE
    assert server.state.hits["/busy"] == 2


def test_429_with_a_long_retry_after_gives_up_at_once(server: Server, base: str) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        fetch(f"{base}/busy?3600", **LOCAL)
    assert caught.value.status == 429
    assert server.state.hits["/busy"] == 1


def test_retry_wait() -> None:
    assert [retry_wait({}, attempt, 0.5) for attempt in range(3)] == [0.5, 1.0, 2.0]
    assert retry_wait({"Retry-After": "3"}, 0, 0.5) == 3.0
    assert retry_wait({"Retry-After": "0"}, 1, 0.5) == 1.0
    assert retry_wait({"Retry-After": str(int(MAX_RETRY_AFTER) + 1)}, 0, 0.5) is None
    assert retry_wait({"Retry-After": "soon"}, 0, 0.5) == 0.5
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after(None) is None


# --- URLs, connections, sessions -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/",
        "data:text/html,hi",
        "http:///path",
        "example.org/page",
        "http://host:99999/",
    ],
)
def test_urls_that_are_not_http_are_refused_before_any_io(url: str, connections: list[tuple[str, int]]) -> None:
    with pytest.raises(UnsupportedURLError):
        fetch(url, **LOCAL)
    assert connections == []


def test_a_refused_connection_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound but not listening: connections are refused
        with pytest.raises(FetchConnectionError):
            fetch(f"http://127.0.0.1:{port}/", **LOCAL)


def test_a_body_that_breaks_off_is_a_connection_error(base: str) -> None:
    with pytest.raises(FetchConnectionError, match="IncompleteRead"):
        fetch(f"{base}/truncated", **LOCAL)


def test_a_name_that_does_not_resolve_is_a_connection_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    for allow_private in (False, True):  # checked by fetch, or met by urllib3 when connecting
        with pytest.raises(FetchConnectionError, match=r"nowhere\.example"):
            fetch("http://nowhere.example/", allow_private=allow_private)


def test_a_shared_session_reuses_connections_and_keeps_cookies(server: Server, base: str) -> None:
    with new_session(allow_private=True) as session:
        fetch(f"{base}/set-cookie", session=session, **LOCAL)
        fetch(f"{base}/page", session=session, **LOCAL)
    assert server.state.headers[1].get("Cookie") == "visit=yes"
    assert len(server.state.client_ports) == 1


def test_fetch_is_safe_from_many_threads_on_one_session(server: Server, base: str) -> None:
    with new_session(allow_private=True, pool_size=4) as session, ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda n: fetch(f"{base}/echo?{n}", session=session, **LOCAL).body, range(24)))
    assert bodies == [f"<html><body><p>{n}</p></body></html>".encode() for n in range(24)]


def test_a_session_must_be_guarded_and_match_the_policy(base: str) -> None:
    with requests.Session() as plain, pytest.raises(TypeError, match="new_session"):
        fetch(f"{base}/page", session=plain, **LOCAL)
    with new_session(allow_private=True) as lenient, pytest.raises(ValueError, match="allow_private"):
        fetch(f"{base}/page", session=lenient)


def test_a_session_pickles_with_its_policy(server: Server, base: str) -> None:
    with new_session(allow_hosts=["127.0.0.1"]) as session:
        copy = pickle.loads(pickle.dumps(session))  # noqa: S301 - our own object
    with copy:
        assert fetch(f"{base}/page", session=copy, allow_hosts=["127.0.0.1"]).body == PAGE
        with pytest.raises(ValueError, match="allow_hosts"):
            fetch(f"{base}/page", session=copy)


@pytest.mark.parametrize(
    "limits", [{"deadline": 0}, {"max_bytes": 0}, {"max_redirects": -1}, {"retries": -1}, {"backoff": -0.5}]
)
def test_bad_limits_are_value_errors(base: str, limits: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"positive|negative"):
        fetch(f"{base}/page", **LOCAL, **limits)  # type: ignore[arg-type]


# --- TLS ---------------------------------------------------------------------------------------


def test_https_page_with_a_verified_certificate(tls_server: Server, test_ca: str) -> None:
    with new_session(allow_private=True) as session:
        session.verify = test_ca
        response = fetch(f"https://127.0.0.1:{tls_server.server_port}/page", session=session, **LOCAL)
    assert response.body == PAGE


def test_https_trickle_stops_at_the_deadline(tls_server: Server, test_ca: str) -> None:
    started = time.monotonic()
    with new_session(allow_private=True) as session, pytest.raises(FetchTimeoutError):
        session.verify = test_ca
        fetch(f"https://127.0.0.1:{tls_server.server_port}/trickle", deadline=1.0, session=session, **LOCAL)
    assert time.monotonic() - started < 1.0 + 2.0


def test_https_with_an_untrusted_certificate_is_a_connection_error(tls_server: Server) -> None:
    with pytest.raises(FetchConnectionError, match="TLS"):
        fetch(f"https://127.0.0.1:{tls_server.server_port}/page", **LOCAL)
    assert tls_server.state.hits["/page"] == 0


def test_https_names_are_verified_and_rebinding_refused_before_the_handshake(
    monkeypatch: pytest.MonkeyPatch, tls_server: Server, test_ca: str
) -> None:
    _resolver(monkeypatch, {"news.example": [["127.0.0.1"]]})
    url = f"https://news.example:{tls_server.server_port}/page"
    with new_session(allow_hosts=["news.example"]) as session:
        session.verify = test_ca  # the certificate names news.example: checked against the name, not the address
        assert fetch(url, session=session, allow_hosts=["news.example"]).body == PAGE
    _resolver(monkeypatch, {"news.example": [["93.184.215.14"], ["127.0.0.1"]]})
    with new_session() as session, pytest.raises(ForbiddenAddressError, match="loopback"):
        session.verify = test_ca
        fetch(url, session=session)
    assert tls_server.state.hits["/page"] == 1
    assert tls_server.state.hellos == ["news.example"]  # the refused connection sent no ClientHello


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ForbiddenAddressError("http://a/", "a", "10.0.0.1", "private"),
        UnsupportedContentError("http://a/", "application/pdf"),
        UnsupportedURLError("ftp://a/", "not http"),
        MalformedResponseError("http://a/", "no Location"),
    ],
)
def test_fetch_errors_pickle_with_their_attributes(error: FetchError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(copy) is type(error)
    assert copy.__dict__ == error.__dict__
    assert str(copy) == str(error)
    assert isinstance(copy, OSError)


def test_response_is_frozen() -> None:
    response = Response("u", "v", 200, None, b"", "2024-01-01T00:00:00+00:00")
    with pytest.raises(AttributeError):
        response.status = 500  # type: ignore[misc]


def test_zlib_is_what_the_bomb_needs() -> None:
    # The bomb really is one: each 16 KB member decodes to 16 MiB.
    assert len(BOMB_MEMBER) < 64 * 1024
    assert len(zlib.decompress(BOMB_MEMBER, 16 + zlib.MAX_WBITS)) == 16 * 1024 * 1024
