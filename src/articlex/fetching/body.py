"""A final response's body: what its headers must say, and reading it within the size cap and deadline.

The headers are judged before a byte of the body is read: a content type that
is not HTML, a content-coding urllib3 cannot undo, a ``Content-Length`` over the
cap. The body is then read in chunks decoded as they arrive (urllib3 undoes
gzip, deflate and, when installed, Brotli and Zstandard, never producing more
than a chunk at a time), counting *decoded* bytes, so a gzip bomb stops one
chunk past the cap.
"""

from __future__ import annotations

from collections.abc import Iterator

import requests
from urllib3.response import HTTPResponse as Urllib3Response

from articlex.errors import MalformedResponseError, ResponseTooLargeError, UnsupportedContentError
from articlex.fetching.deadline import Deadline
from articlex.fetching.failures import TRANSPORT_ERRORS, translate

# The media types a page is accepted as; extract() reads HTML and XHTML.
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Bytes read (and decoded) at a time: a typical page arrives in a few reads,
# and the size cap and deadline are checked between them.
CHUNK_BYTES = 64 * 1024
# Content-codings that change nothing.
IDENTITY_CODINGS = frozenset({"", "identity"})
# What may precede the first "<" of a page that came without a content type:
# byte-order marks (UTF-8, UTF-16), white space and the NULs of UTF-16 text.
MARKUP_PREFIX_BYTES = b"\xef\xbb\xbf\xff\xfe \t\r\n\x0c\x00"


def media_type(content_type: str | None) -> str | None:
    """The media type of a ``Content-Type`` value, lower case, without parameters; ``None`` when empty."""
    if content_type is None:
        return None
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind or None


def check_headers(url: str, response: requests.Response, max_bytes: int) -> None:
    """Refuse a final response by its headers alone, before its body is read.

    Raises:
        UnsupportedContentError: a content type that is not HTML or XHTML.
        MalformedResponseError: a content-coding that cannot be undone.
        ResponseTooLargeError: a ``Content-Length`` over ``max_bytes``.
    """
    content_type = response.headers.get("Content-Type")
    kind = media_type(content_type)
    if kind is not None and kind not in HTML_MEDIA_TYPES:
        raise UnsupportedContentError(url, content_type)
    codings = [coding.strip().lower() for coding in response.headers.get("Content-Encoding", "").split(",")]
    unknown = [coding for coding in codings if coding not in IDENTITY_CODINGS | set(Urllib3Response.CONTENT_DECODERS)]
    if unknown:
        raise MalformedResponseError(url, f"content-coding {', '.join(unknown)} was not asked for")
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise ResponseTooLargeError(url, f"Content-Length {int(length):,} is over the limit of {max_bytes:,} bytes")


def markup_verdict(chunk: bytes) -> bool | None:
    """Whether a body starting with ``chunk`` looks like markup: its first byte past BOMs and white space is ``<``.

    ``None`` when ``chunk`` holds nothing but those: the next chunk decides.
    """
    rest = chunk.lstrip(MARKUP_PREFIX_BYTES)
    return rest.startswith(b"<") if rest else None


def read_body(url: str, response: requests.Response, max_bytes: int, clock: Deadline) -> bytes:
    """The decoded body, read within ``max_bytes`` and the deadline, then the response closed.

    A response without a content type is accepted when its first bytes look
    like markup.

    Raises:
        ResponseTooLargeError: more than ``max_bytes`` once decoded.
        UnsupportedContentError: no content type, and the body does not start like markup.
        FetchTimeoutError: the deadline passed while reading.
        FetchConnectionError, MalformedResponseError: the body broke off or does not decode.
    """
    sniff = media_type(response.headers.get("Content-Type")) is None
    parts: list[bytes] = []
    total = 0
    try:
        for chunk in _chunks(response):
            total += len(chunk)
            if total > max_bytes:
                raise ResponseTooLargeError(url, f"the decoded body is over the limit of {max_bytes:,} bytes")
            if sniff:
                verdict = markup_verdict(chunk)
                if verdict is False:
                    raise UnsupportedContentError(url, None)
                sniff = verdict is None
            parts.append(chunk)
            clock.check(url)
    except TRANSPORT_ERRORS as error:
        raise translate(url, error, clock) from error
    finally:
        response.close()
    return b"".join(parts)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    """The body in decoded chunks of at most ``CHUNK_BYTES``, from urllib3 (whose errors are not wrapped)."""
    raw = response.raw
    if not isinstance(raw, Urllib3Response):
        raise TypeError("fetch reads the body of a urllib3 response; the session's adapter gave something else")
    yield from raw.stream(CHUNK_BYTES, decode_content=True)
