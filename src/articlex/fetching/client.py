"""``fetch(url)``: one HTML page over HTTP(S), within a deadline, a size cap and an address policy.

The client follows redirects itself, one hop at a time, so that every hop gets
the scheme check, the address check and a place in the redirect count; retries
429 and 5xx answers with backoff; and hands the final response to ``body.py``.
The connections under it (``transport.py``) check their peer and stop reading
at the deadline.
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import requests
from requests.cookies import extract_cookies_to_jar
from requests.utils import requote_uri
from urllib3 import Timeout
from urllib3.util import make_headers

from articlex.errors import (
    ForbiddenAddressError,
    HTTPStatusError,
    MalformedResponseError,
    TooManyRedirectsError,
    UnsupportedURLError,
)
from articlex.fetching.addresses import AddressPolicy
from articlex.fetching.body import check_headers, read_body
from articlex.fetching.deadline import Deadline
from articlex.fetching.failures import TRANSPORT_ERRORS, translate
from articlex.fetching.response import Response
from articlex.fetching.retry import retry_wait, retryable
from articlex.fetching.transport import GuardedAdapter, RefusedPeer, new_session


def _version() -> str:
    try:
        return importlib.metadata.version("articlex")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


# Names the software and its version, and points at a page about the crawler,
# as well-behaved crawlers do. The URL is a placeholder (example.org is reserved
# for that): whoever runs a crawl should pass user_agent= with their own page or
# e-mail address, so that a site owner can reach them.
DEFAULT_USER_AGENT = f"articlex/{_version()} (+https://example.org/articlex-crawler)"
# Seconds for the whole fetch, redirects, retries and body included: a slow
# site's page arrives well within it, and a stalled one frees its worker.
DEFAULT_DEADLINE = 30.0
# 16 MiB of decoded body: three times the largest page of our 1,539 benchmark
# pages (5.3 MB) and under Options.max_input_bytes (50 MiB), so a fetched page
# is never refused by extract() for its size.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
# Browsers follow 20; chains of news sites (http -> https -> www -> canonical
# path) take three or four, so five is enough and a loop stops early.
DEFAULT_MAX_REDIRECTS = 5
# Two retries with a 0.5 s backoff wait 0.5 s then 1 s: enough for a hiccup,
# short enough to stay inside the default deadline.
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 0.5
# The statuses that redirect a GET (300 and 304 do not name a new URL to fetch).
REDIRECT_STATUSES = frozenset(
    {
        HTTPStatus.MOVED_PERMANENTLY,
        HTTPStatus.FOUND,
        HTTPStatus.SEE_OTHER,
        HTTPStatus.TEMPORARY_REDIRECT,
        HTTPStatus.PERMANENT_REDIRECT,
    }
)
# Only the web's own schemes: file:, ftp:, data: and the like would read the
# local disk or other services.
SCHEMES = frozenset({"http", "https"})
# The port a URL without one connects to, per scheme.
DEFAULT_PORTS = {"http": 80, "https": 443}
# HTML first; anything else is accepted at a low weight so that a server with
# only a JSON or PDF variant still answers (and is then refused by its type).
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(frozen=True, slots=True)
class _Plan:
    """One fetch's settings, fixed when it starts."""

    url: str
    policy: AddressPolicy
    clock: Deadline
    max_bytes: int
    max_redirects: int
    retries: int
    backoff: float
    headers: dict[str, str]


def fetch(
    url: str,
    *,
    deadline: float = DEFAULT_DEADLINE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    allow_private: bool = False,
    allow_hosts: Iterable[str] = (),
    user_agent: str = DEFAULT_USER_AGENT,
    session: requests.Session | None = None,
) -> Response:
    """Fetch one HTML page with GET.

    - Only ``http`` and ``https`` URLs with a host, checked before any I/O and
      again for every redirect target.
    - ``deadline`` seconds for everything: each hop, retry, backoff wait and the
      whole body. Every socket read ends at the deadline, so a server that
      trickles its headers or body cannot hold the fetch past it.
    - At most ``max_redirects`` redirects (301, 302, 303, 307, 308), followed
      here one hop at a time; a loop ends as :class:`~articlex.TooManyRedirectsError`.
    - 429 and 5xx answers are asked again up to ``retries`` times, after
      ``backoff``, then twice that, and so on, or after the ``Retry-After`` the
      server gives when that is longer (up to 10 s); never past the deadline.
      Other 4xx answers raise at once.
    - The host's addresses are resolved before connecting, and the fetch is
      refused if any is loopback, private, link-local, shared, reserved,
      multicast or unspecified; the connected peer is checked again (a name that
      resolves differently the second time), before anything is sent.
      ``allow_private=True`` lifts this; ``allow_hosts`` lifts it for the hosts
      named (as written in URLs: ``"127.0.0.1"``, ``"intranet.example"``).
    - The final response must be HTML or XHTML by its ``Content-Type``; one
      without a content type is accepted when its body starts like markup.
    - The body is decoded from its content-coding (gzip, deflate; Brotli with
      the ``brotli`` package installed) as it streams, and the fetch stops once
      more than ``max_bytes`` have come out (a gzip bomb stops early); a
      ``Content-Length`` over the cap is refused before reading.
    - Requests name articlex in ``User-Agent``: see ``articlex.fetching.DEFAULT_USER_AGENT``
      and replace its placeholder URL with your own contact.

    Args:
        url: the page's address.
        session: a session from :func:`~articlex.fetching.new_session`, made with the same
            ``allow_private`` and ``allow_hosts``, to reuse connections and cookies
            across fetches and threads. Without one, the fetch makes its own and
            closes it. ``fetch`` keeps no other state, so it is safe to call from
            many threads at once.

    Returns:
        The final response's status, content type, body and URLs, and when it
        arrived; ``Response.to_page()`` makes it a :class:`~articlex.results.Page`.

    Raises:
        UnsupportedURLError: not an http(s) URL with a host (or a redirect to one).
        ForbiddenAddressError: the host, or a redirect's host, is off limits.
        FetchTimeoutError: the deadline passed.
        TooManyRedirectsError: more than ``max_redirects`` redirects.
        HTTPStatusError: a 4xx or 5xx answer (429 and 5xx once retries are spent),
            or another status that is neither a success nor a redirect.
        UnsupportedContentError: the page is not HTML (a PDF, an image, JSON...).
        ResponseTooLargeError: more than ``max_bytes`` of decoded body.
        MalformedResponseError: a redirect without ``Location``, a body that does
            not decode as its ``Content-Encoding`` says.
        FetchConnectionError: DNS, refused or reset connections, TLS.
        ValueError: a negative or zero limit; or a ``session`` made with another policy.
        TypeError: a ``session`` not made by :func:`~articlex.fetching.new_session`.
    """
    _check_limits(deadline, max_bytes, max_redirects, retries, backoff)
    plan = _Plan(
        url=url,
        policy=AddressPolicy.of(allow_private, allow_hosts),
        clock=Deadline.after(deadline),
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        retries=retries,
        backoff=backoff,
        headers={
            "User-Agent": user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": make_headers(accept_encoding=True)["accept-encoding"],
        },
    )
    _check_url(url, url)
    if session is not None:
        return _follow(plan, session)
    with new_session(allow_private=plan.policy.allow_private, allow_hosts=plan.policy.allow_hosts) as own:
        return _follow(plan, own)


def _check_limits(deadline: float, max_bytes: int, max_redirects: int, retries: int, backoff: float) -> None:
    if deadline <= 0 or max_bytes <= 0:
        raise ValueError(f"deadline and max_bytes must be positive (got {deadline!r} and {max_bytes!r})")
    if max_redirects < 0 or retries < 0 or backoff < 0:
        raise ValueError("max_redirects, retries and backoff cannot be negative")


def _check_url(asked: str, target: str) -> None:
    """Refuse ``target`` (``asked`` or a redirect's target) unless it is an http(s) URL with a host."""
    try:
        parts = urlsplit(target)
        parts.port  # noqa: B018 - parsing the port is what raises ValueError for a bad one
    except ValueError as error:
        raise UnsupportedURLError(asked, f"{target!r} is not a valid URL: {error}") from error
    if parts.scheme.lower() not in SCHEMES:
        raise UnsupportedURLError(asked, f"{target!r} is not an http or https URL")
    if not parts.hostname:
        raise UnsupportedURLError(asked, f"{target!r} has no host")


def _follow(plan: _Plan, session: requests.Session) -> Response:
    """The final response, after following at most ``plan.max_redirects`` redirects."""
    hop = plan.url
    for _ in range(plan.max_redirects + 1):
        with _answer(plan, session, hop) as answer:
            target = _redirect_target(plan, answer)
            if target is None:
                return _finish(plan, answer)
        hop = target
    raise TooManyRedirectsError(plan.url, f"more than {plan.max_redirects} redirects (the last to {hop})")


def _answer(plan: _Plan, session: requests.Session, hop: str) -> requests.Response:
    """The response for ``hop``, asked again after 429 and 5xx while retries and time remain."""
    for attempt in range(plan.retries + 1):
        answer = _send(plan, session, hop)
        if not retryable(answer.status_code):
            return answer
        answer.close()
        wait = retry_wait(answer.headers, attempt, plan.backoff)
        if attempt == plan.retries or wait is None or not plan.clock.allows(wait):
            break
        time.sleep(wait)
    raise HTTPStatusError(plan.url, answer.status_code)


def _send(plan: _Plan, session: requests.Session, hop: str) -> requests.Response:
    """One GET of ``hop``: headers read, body not; the address checked before connecting."""
    left = plan.clock.left()
    if left <= 0:
        raise plan.clock.error(plan.url)
    try:
        request = session.prepare_request(requests.Request("GET", hop, headers=plan.headers))
    except TRANSPORT_ERRORS as error:
        raise translate(plan.url, error, plan.clock) from error
    prepared = urlsplit(request.url or hop)  # IDNA-encoded and quoted by requests
    if _origin(prepared.scheme, prepared.netloc) != _origin(*urlsplit(plan.url)[:2]):
        request.headers.pop("Authorization", None)  # credentials stay with the site they were given for
    adapter = _adapter(session, prepared.geturl(), plan.policy)
    plan.policy.check(plan.url, prepared.hostname or "", prepared.port or _default_port(prepared.scheme))
    try:
        answer = adapter.send(
            request,
            stream=True,
            # requests takes urllib3's Timeout too (its stubs say otherwise): total= makes the
            # read timeout what is left after connecting, which transport.py turns into the deadline.
            timeout=Timeout(total=left),  # type: ignore[arg-type]
            verify=True if session.verify is None else session.verify,
            cert=session.cert,
            proxies={},
        )
    except RefusedPeer as refused:
        raise ForbiddenAddressError(plan.url, refused.host, refused.address, refused.kind) from None
    except TRANSPORT_ERRORS as error:
        raise translate(plan.url, error, plan.clock) from error
    extract_cookies_to_jar(session.cookies, request, answer.raw)  # type: ignore[no-untyped-call]  # untyped in stubs
    return answer


def _adapter(session: requests.Session, url: str, policy: AddressPolicy) -> GuardedAdapter:
    """The session's adapter for ``url``, which must be a guarded one with the fetch's policy."""
    adapter = session.get_adapter(url)
    if not isinstance(adapter, GuardedAdapter):
        raise TypeError("fetch needs a session made by articlex.fetching.new_session() (its connections are checked)")
    if adapter.address_policy != policy:
        raise ValueError("the session was made with other allow_private/allow_hosts than this fetch was given")
    return adapter


def _origin(scheme: str, netloc: str) -> tuple[str, str]:
    """A URL's scheme and host:port, compared to decide whether credentials go along."""
    return scheme.lower(), netloc.rpartition("@")[2].lower()


def _default_port(scheme: str) -> int:
    return DEFAULT_PORTS[scheme.lower()]


def _redirect_target(plan: _Plan, answer: requests.Response) -> str | None:
    """Where a redirect points, checked; ``None`` when ``answer`` is no redirect."""
    if answer.status_code not in REDIRECT_STATUSES:
        return None
    location = answer.headers.get("Location", "").strip()
    if not location:
        raise MalformedResponseError(plan.url, f"a {answer.status_code} redirect from {answer.url} has no Location")
    target = requote_uri(urljoin(answer.url, _header_text(location)))
    _check_url(plan.url, target)
    return target


def _header_text(value: str) -> str:
    """A header value as sent: http.client reads headers as Latin-1, servers send UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _finish(plan: _Plan, answer: requests.Response) -> Response:
    """The page from a final (non-redirect) answer."""
    arrived = datetime.now(UTC).isoformat(timespec="seconds")
    if not HTTPStatus.OK <= answer.status_code < HTTPStatus.MULTIPLE_CHOICES:
        raise HTTPStatusError(plan.url, answer.status_code)
    check_headers(plan.url, answer, plan.max_bytes)
    body = read_body(plan.url, answer, plan.max_bytes, plan.clock)
    return Response(
        url=plan.url,
        final_url=answer.url,
        status=answer.status_code,
        content_type=answer.headers.get("Content-Type"),
        body=body,
        fetched=arrived,
    )
