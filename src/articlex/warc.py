"""Pages from WARC and ARC files, read one record at a time with warcio.

:func:`iter_pages` turns an archive into what batch work consumes: a
:class:`~articlex.results.Page` for each HTML page the archive holds, and an
error :class:`~articlex.results.Result` for each record that cannot be read.
Memory stays bounded on a file of any size: one record's payload at a time,
capped at :data:`MAX_RECORD_BYTES`.

Which records become pages, and why:

* ``response`` records with HTTP headers only. ``request`` records are what the
  crawler sent, ``metadata`` and ``warcinfo`` records describe the crawl, and a
  ``revisit`` record says "same payload as an earlier capture" without carrying
  it (the earlier capture has its own row). ``resource`` and ``conversion``
  records hold content fetched without HTTP (no status, no headers) and
  ``dns:`` responses hold no page.
* HTTP status 2xx only: a redirect's body is a "moved" stub whose target is a
  record of its own, and a 4xx/5xx body is the server's error page, not the
  page that was asked for.
* HTML only: the HTTP ``Content-Type`` is ``text/html`` or
  ``application/xhtml+xml``; a response with no ``Content-Type`` is kept when
  its payload starts the way the WHATWG MIME sniffing rules recognise as HTML.

A page's id is ``NAME#OFFSET``, the record's byte offset in the (compressed)
file, so a row can be traced back to its record (``warcio extract`` takes the
same offset). The payload is decoded: chunked transfer encoding and gzip or
deflate content encoding are undone.

A damaged record never stops the iterator with an exception: it becomes one
error Result with that record's id. A record shorter than its declared length
(a file cut short) gives :class:`~articlex.errors.TruncatedRecordError` and
reading goes on; a record whose headers cannot be parsed gives
:class:`~articlex.errors.ArchiveError` and ends the file, since there is no
telling where the next record starts. Everything read before stays yielded.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from articlex.errors import ArchiveError, InputTooLargeError, TruncatedRecordError
from articlex.options import DEFAULT_MAX_INPUT_BYTES
from articlex.results import Failure, Page, Result

#: How many leading bytes :func:`is_warc` needs to decide: a gzip member's
#: header and the first compressed block of its record fit with room to spare.
SNIFF_BYTES = 512
#: A record whose decoded payload is larger than this gives an error row: it is
#: the most :func:`articlex.extract` takes by default, so a larger page would fail
#: there anyway, and the cap bounds memory to one such payload.
MAX_RECORD_BYTES = DEFAULT_MAX_INPUT_BYTES
#: Payloads are read in pieces of this size, so the cap is checked as they grow.
READ_CHUNK_BYTES = 64 * 1024
#: HTTP statuses whose body is the page asked for (see the module docstring).
PAGE_STATUSES = range(200, 300)
#: The HTTP media types of HTML pages (the media type of the header, lower-cased).
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: warcio's messages can run to several paragraphs; an error row keeps this much.
MAX_MESSAGE_CHARS = 300

_GZIP_MAGIC = b"\x1f\x8b"
#: What an archive's first record starts with: a WARC version line, or the
#: ``filedesc://`` line of an ARC file's header record.
_ARCHIVE_STARTS = (b"WARC/1.0", b"WARC/1.1", b"WARC/0.17", b"WARC/0.18", b"filedesc://")
#: The WHATWG MIME sniffing standard's patterns for HTML (section 7.1, "identifying
#: a resource with an unknown MIME type"), lower-cased; each must be followed by a
#: space or ``>``.
_HTML_SNIFF_PATTERNS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
)
#: What the WHATWG rules skip before the patterns, and what may end one.
_SNIFF_WHITESPACE = b" \t\n\x0c\r"
_SNIFF_TERMINATORS = b" >\t\n\x0c\r"
_UTF8_BOM = b"\xef\xbb\xbf"


def is_warc(head: bytes) -> bool:
    """True when ``head`` (the first :data:`SNIFF_BYTES` or so of a file) starts a WARC or ARC file.

    Plain files are recognised by their first line; gzipped ones (``.warc.gz``,
    ``.arc.gz``) by the gzip magic number and then the start of what it
    decompresses to, so a gzipped HTML page is not taken for an archive.
    """
    if head.startswith(_GZIP_MAGIC):
        head = _gunzip_start(head)
    return head.lstrip(b"\r\n").startswith(_ARCHIVE_STARTS)


def _gunzip_start(head: bytes) -> bytes:
    """As much of ``head`` as decompresses (a prefix of a gzip stream is enough)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return decompressor.decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def iter_file(path: str, *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Page | Result]:
    """:func:`iter_pages` over the archive at ``path``, ids ``PATH#OFFSET``.

    A file that cannot be opened gives one error Result with ``id=path``.
    """
    try:
        with open(path, "rb") as stream:
            yield from iter_pages(stream, path, max_bytes=max_bytes)
    except OSError as error:  # iter_pages turns read errors into rows; this is the open failing
        yield Result(path, error=Failure.from_exception(error))


def iter_pages(stream: BinaryIO, name: str, *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Page | Result]:
    """The HTML pages in the WARC or ARC archive read from ``stream``, one record at a time.

    ``stream`` must be positioned at the start of the archive (it need not be
    seekable: standard input works). ``name`` starts each id (``NAME#OFFSET``).
    Yields a :class:`Page` per HTML response record and an error
    :class:`Result` per damaged or over-large record; never raises for the
    archive's sake. See the module docstring for which records are pages.
    """
    from warcio.archiveiterator import ArchiveIterator

    source = _CountingReader(stream)
    # arc2warc: ARC records come out with WARC header names, so both read alike.
    archive = ArchiveIterator(source, arc2warc=True)
    try:
        yield from _read_records(archive, source, name, max_bytes)
    finally:
        archive.close()


def _read_records(archive: Any, source: _CountingReader, name: str, max_bytes: int) -> Iterator[Page | Result]:
    records = iter(archive)
    failed_at: int | None = None
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        # warcio raises whatever its parsing hits on damaged bytes (ArchiveLoadFailed,
        # AttributeError on a header cut short, zlib.error, OSError...), and the
        # contract is one error row, never an exception out of this iterator.
        except Exception as error:  # noqa: BLE001
            if archive.offset != failed_at:
                yield _failed(name, archive.offset, ArchiveError(_unreadable(error), archive.offset))
            return
        start = archive.offset
        try:
            item = _page_or_error(record, archive, name, max_bytes)
        # As above: reading the payload runs warcio's decoders on the record's bytes.
        except Exception as error:  # noqa: BLE001
            failed_at = start
            item = _failed(name, start, ArchiveError(_unreadable(error), start))
        if item is not None:
            yield item
    if source.position > archive.offset and archive.offset != failed_at:
        yield _cut_headers(name, archive.offset, source.position)


def _page_or_error(record: Any, archive: Any, name: str, max_bytes: int) -> Page | Result | None:
    """The page in ``record``, an error Result for it, or None when it holds no HTML page."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    raw = _CountingReader(record.raw_stream)
    record.raw_stream = raw  # content_stream() reads through it, so every record's bytes are counted
    content_type: str | None = record.http_headers.get_header("Content-Type") if record.http_headers else None
    wanted = _is_page_response(record) and (content_type is None or is_html_type(content_type))
    data = _read_capped(record.content_stream(), max_bytes) if wanted else b""
    _drain(raw)
    offset = archive.get_record_offset()
    damage = _damage(record, raw.position, offset)
    if damage is not None:
        return _failed(name, offset, damage, url, fetched)
    if not wanted or (content_type is None and data is not None and not sniffs_as_html(data)):
        return None
    if data is None:
        size = max(record.payload_length, max_bytes + 1)
        return _failed(name, offset, InputTooLargeError(size, max_bytes), url, fetched)
    return Page(f"{name}#{offset}", data, url=url, fetched=fetched, content_type=content_type)


def _damage(record: Any, read: int, offset: int) -> ArchiveError | None:
    """What is wrong with a record whose block gave ``read`` bytes after its HTTP headers, if anything.

    Any record counts, not only pages: a cut record may have been a page, and
    either way the file is damaged at that offset.
    """
    if record.rec_type is None or record.length is None:
        return ArchiveError(
            f"record at offset {offset} has incomplete headers (no WARC-Type or Content-Length)", offset
        )
    # payload_length is the block less its HTTP headers; -1 when there were none to parse.
    expected = record.payload_length if record.payload_length >= 0 else record.length
    if read < expected:
        message = (
            f"record at offset {offset} ends after {read:,} of its {expected:,} bytes: the file is cut short or damaged"
        )
        return TruncatedRecordError(message, offset)
    return None


def _is_page_response(record: Any) -> bool:
    """True for an HTTP response record with a 2xx status (see the module docstring)."""
    if record.rec_type != "response" or not record.http_headers:
        return False
    status = record.http_headers.get_statuscode()
    return bool(status.isdigit() and int(status) in PAGE_STATUSES)


def is_html_type(content_type: str) -> bool:
    """True when a ``Content-Type`` value names an HTML media type (parameters such as charset ignored)."""
    return content_type.split(";", 1)[0].strip().lower() in HTML_MEDIA_TYPES


def sniffs_as_html(data: bytes) -> bool:
    """True when ``data`` starts as the WHATWG MIME sniffing rules recognise HTML."""
    head = data[:SNIFF_BYTES].lstrip(_SNIFF_WHITESPACE)
    if head.startswith(_UTF8_BOM):
        head = head[len(_UTF8_BOM) :].lstrip(_SNIFF_WHITESPACE)
    head = head.lower()
    for pattern in _HTML_SNIFF_PATTERNS:
        after = head[len(pattern) : len(pattern) + 1]
        if head.startswith(pattern) and after and after in _SNIFF_TERMINATORS:
            return True
    return False


def _read_capped(stream: Any, max_bytes: int) -> bytes | None:
    """All of ``stream``, or None as soon as it is longer than ``max_bytes``."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(READ_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _drain(stream: Any) -> None:
    """Read ``stream`` to its end, a piece at a time."""
    while stream.read(READ_CHUNK_BYTES):
        pass


def _failed(name: str, offset: int, error: Exception, url: str | None = None, fetched: str | None = None) -> Result:
    return Result(f"{name}#{offset}", error=Failure.from_exception(error), url=url, fetched=fetched)


def _unreadable(error: Exception) -> str:
    detail = " ".join(str(error).split()) or type(error).__name__
    if len(detail) > MAX_MESSAGE_CHARS:
        detail = detail[:MAX_MESSAGE_CHARS] + "..."
    return f"record cannot be read ({type(error).__name__}: {detail})"


def _cut_headers(name: str, offset: int, end: int) -> Result:
    """The error row for bytes after the last record that warcio read as no record at all."""
    message = (
        f"the file ends inside the headers of the record at offset {offset}"
        f" ({end - offset:,} bytes could not be read as a record): the file is cut short"
    )
    return _failed(name, offset, TruncatedRecordError(message, offset))


class _CountingReader:
    """A read-only view of a binary stream that knows its position, even on a pipe.

    warcio asks its input for ``tell()`` (the record offsets are built on it);
    counting here works for unseekable streams and lets :func:`iter_pages` see
    how far warcio read.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.position = 0

    def read(self, size: int | None = None) -> bytes:
        # warcio's readers take None, not -1, for "to the end"; pass on only what was given.
        data: bytes = self._stream.read() if size is None else self._stream.read(size)
        self.position += len(data)
        return data

    def readline(self, size: int | None = None) -> bytes:
        data: bytes = self._stream.readline() if size is None else self._stream.readline(size)
        self.position += len(data)
        return data

    def tell(self) -> int:
        return self.position
