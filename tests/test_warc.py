"""Reading pages from WARC and ARC files written here with warcio's own writer."""

from __future__ import annotations

import gzip
import io
import pickle
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from articlex import extract
from articlex.errors import ArchiveError, TruncatedRecordError
from articlex.results import Page, Result
from articlex.warc import is_warc, iter_file, iter_pages, sniffs_as_html

DATE = "2024-05-06T07:08:09Z"


def _html(title: str) -> bytes:
    paragraph = f"<p>{title} is the subject of this story, told in plain words, at length, for readers. </p>"
    head = f"<!DOCTYPE html><html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{paragraph * 6}</article></body></html>".encode()


def _chunked(data: bytes, size: int = 100) -> bytes:
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


@dataclass
class Archive:
    """A WARC written in a test, with what its records were."""

    data: bytes
    gzip: bool


class _Builder:
    def __init__(self, *, use_gzip: bool) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=use_gzip)
        self.use_gzip = use_gzip

    def response(
        self,
        url: str,
        body: bytes,
        headers: list[tuple[str, str]] | None = None,
        *,
        status: str = "200 OK",
        date: str = DATE,
    ) -> None:
        http = StatusAndHeaders(status, headers or [], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
        self.writer.write_record(record)

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        self.writer.write_record(
            self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
        )

    def revisit(self, url: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(url, "sha1:AAAA", url, DATE, http_headers=http)
        self.writer.write_record(record)

    def metadata(self, url: str) -> None:
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(b"outlink: https://example.org/x\r\n"),
            warc_content_type="application/warc-fields",
        )
        self.writer.write_record(record)

    def warcinfo(self) -> None:
        self.writer.write_record(self.writer.create_warcinfo_record("test.warc", {"software": "tests"}))

    def archive(self) -> Archive:
        return Archive(self.buffer.getvalue(), self.use_gzip)


def _full_archive(*, use_gzip: bool) -> Archive:
    """Every kind of record the reader must tell apart, in one file."""
    b = _Builder(use_gzip=use_gzip)
    b.warcinfo()
    b.request("https://example.org/a")
    b.response("https://example.org/a", _html("Alpha"), [("Content-Type", "text/html")])
    b.metadata("https://example.org/a")
    b.response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, [("Content-Type", "image/png")])
    b.response("https://example.org/api", b'{"a": 1}', [("Content-Type", "application/json")])
    b.revisit("https://example.org/a")
    b.response(
        "https://example.org/a", _html("Alpha again"), [("Content-Type", "text/html")], date="2024-05-07T00:00:00Z"
    )
    b.response(
        "https://example.org/chunked",
        _chunked(gzip.compress(_html("Chunked"))),
        [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
    )
    b.response(
        "https://example.org/latin",
        _html("Café crème").decode().encode("iso-8859-1"),
        [("Content-Type", "text/html; charset=ISO-8859-1")],
    )
    b.response(
        "https://example.org/old",
        b"<html><body>Moved</body></html>",
        [("Content-Type", "text/html")],
        status="301 Moved Permanently",
    )
    b.response(
        "https://example.org/gone",
        b"<html><body>Not found</body></html>",
        [("Content-Type", "text/html")],
        status="404 Not Found",
    )
    return b.archive()


#: (url, fetched, content type, headline) of the pages in ``_full_archive``, in order.
EXPECTED_PAGES = [
    ("https://example.org/a", DATE, "text/html", "Alpha"),
    ("https://example.org/a", "2024-05-07T00:00:00Z", "text/html", "Alpha again"),
    ("https://example.org/chunked", DATE, "text/html", "Chunked"),
    ("https://example.org/latin", DATE, "text/html; charset=ISO-8859-1", "Café crème"),
]


def _read(data: bytes, name: str = "t.warc") -> list[Page | Result]:
    return list(iter_pages(io.BytesIO(data), name))


def _record_start(archive: Archive, offset: int) -> bytes:
    """The first bytes of the record at ``offset``, decompressed when the file is gzipped."""
    head = archive.data[offset : offset + 4096]
    if archive.gzip:
        assert head[:2] == b"\x1f\x8b"
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    return head


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_one_page_per_html_response_with_its_url_date_and_type(use_gzip: bool) -> None:
    archive = _full_archive(use_gzip=use_gzip)
    items = _read(archive.data)
    assert all(isinstance(item, Page) for item in items), items
    pages = [item for item in items if isinstance(item, Page)]
    assert [(p.url, p.fetched, p.content_type) for p in pages] == [e[:3] for e in EXPECTED_PAGES]
    for page, (_, _, _, headline) in zip(pages, EXPECTED_PAGES, strict=True):
        article = extract(page.data, url=page.url, content_type=page.content_type)
        assert article.headline == headline
        assert article.url == page.url


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_ids_are_the_name_and_the_byte_offset_of_each_record(use_gzip: bool) -> None:
    archive = _full_archive(use_gzip=use_gzip)
    pages = _read(archive.data, "crawl/x.warc")
    ids = [page.id for page in pages]
    assert len(set(ids)) == len(ids)  # the same URL captured twice gives two rows
    for page in pages:
        name, _, offset = page.id.rpartition("#")
        assert name == "crawl/x.warc"
        start = _record_start(archive, int(offset))
        assert start.startswith(b"WARC/1.")
        assert b"WARC-Type: response\r\n" in start
        assert f"WARC-Target-URI: {page.url}\r\n".encode() in start


def test_payload_is_decoded_from_chunks_and_gzip() -> None:
    pages = _read(_full_archive(use_gzip=True).data)
    chunked = next(p for p in pages if isinstance(p, Page) and p.url == "https://example.org/chunked")
    assert chunked.data == _html("Chunked")


def test_charset_in_the_content_type_decodes_the_page() -> None:
    pages = _read(_full_archive(use_gzip=False).data)
    latin = next(p for p in pages if isinstance(p, Page) and p.url == "https://example.org/latin")
    assert isinstance(latin.data, bytes)
    assert "Café".encode("iso-8859-1") in latin.data
    assert "Café crème" in extract(latin.data, content_type=latin.content_type).text


def _cut_archive(*, use_gzip: bool) -> tuple[Archive, int]:
    """Two pages, then a third record cut in the middle of its payload; and the third's size."""
    b = _Builder(use_gzip=use_gzip)
    b.response("https://example.org/1", _html("One"), [("Content-Type", "text/html")])
    b.response("https://example.org/2", _html("Two"), [("Content-Type", "text/html")])
    before = len(b.buffer.getvalue())
    b.response("https://example.org/3", _html("Three") * 4, [("Content-Type", "text/html")])
    archive = b.archive()
    return archive, len(archive.data) - before


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_a_truncated_last_record_is_an_error_row_after_the_intact_pages(use_gzip: bool) -> None:
    archive, last_size = _cut_archive(use_gzip=use_gzip)
    cut = archive.data[: len(archive.data) - last_size // 3]
    items = _read(cut)
    assert [type(item) for item in items] == [Page, Page, Result]
    assert [item.url for item in items] == ["https://example.org/1", "https://example.org/2", "https://example.org/3"]
    error = items[2]
    assert isinstance(error, Result) and error.error is not None
    assert error.error.type == "TruncatedRecordError"
    assert error.fetched == DATE
    assert error.id == f"t.warc#{len(archive.data) - last_size}"
    intact = _read(archive.data)
    assert items[:2] == intact[:2]


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_a_file_cut_inside_a_record_header_is_an_error_row(use_gzip: bool) -> None:
    archive, last_size = _cut_archive(use_gzip=use_gzip)
    start = len(archive.data) - last_size
    # A few bytes into the last record: inside its WARC headers (or its gzip member's first block).
    items = _read(archive.data[: start + 40])
    assert [type(item) for item in items] == [Page, Page, Result]
    error = items[2]
    assert isinstance(error, Result) and error.error is not None
    assert error.id == f"t.warc#{start}"
    assert error.error.type in {"TruncatedRecordError", "ArchiveError"}


def test_damaged_bytes_in_the_middle_end_the_file_with_one_error_row() -> None:
    archive, last_size = _cut_archive(use_gzip=False)
    start = len(archive.data) - last_size
    damaged = archive.data[:start] + b"GARBAGE NOT A RECORD\r\n" + archive.data[start:]
    items = _read(damaged)
    assert [type(item) for item in items] == [Page, Page, Result]
    error = items[2]
    assert isinstance(error, Result) and error.error is not None
    assert error.error.type == "ArchiveError"
    assert error.id == f"t.warc#{start}"
    assert "GARBAGE" in error.error.message


def test_not_an_archive_at_all_is_one_error_row() -> None:
    items = _read(b"<html><body>hello</body></html>\n" * 10, "page.html")
    assert len(items) == 1
    assert isinstance(items[0], Result) and items[0].error is not None
    assert items[0].id == "page.html#0"
    assert items[0].error.type == "ArchiveError"


def test_an_over_large_record_is_an_error_row_and_reading_goes_on() -> None:
    b = _Builder(use_gzip=True)
    b.response("https://example.org/big", _html("Big") * 50, [("Content-Type", "text/html")])
    b.response("https://example.org/small", _html("Small"), [("Content-Type", "text/html")])
    items = list(iter_pages(io.BytesIO(b.archive().data), "t", max_bytes=len(_html("Small")) + 10))
    assert [type(item) for item in items] == [Result, Page]
    big = items[0]
    assert isinstance(big, Result) and big.error is not None
    assert big.error.type == "InputTooLargeError"
    assert big.url == "https://example.org/big"
    assert items[1].url == "https://example.org/small"


def test_a_response_without_content_type_is_kept_only_when_it_sniffs_as_html() -> None:
    b = _Builder(use_gzip=False)
    b.response("https://example.org/untyped", b"\n  " + _html("Untyped"))
    b.response("https://example.org/blob", b"just some bytes, no markup")
    pages = _read(b.archive().data)
    assert [(p.url, p.content_type) for p in pages] == [("https://example.org/untyped", None)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <HTML lang=en>", True),
        (b"<p>text</p>", True),
        (b"<!-- comment -->", True),
        (b"<pre>x</pre>", False),  # <p must be followed by a space or >
        (b"<?xml version='1.0'?><feed/>", False),
        (b"%PDF-1.7", False),
        (b"", False),
    ],
)
def test_html_sniffing_follows_the_whatwg_patterns(data: bytes, expected: bool) -> None:
    assert sniffs_as_html(data) is expected


def test_is_warc_reads_plain_and_gzipped_archives_and_arc_files() -> None:
    plain = _full_archive(use_gzip=False).data
    gzipped = _full_archive(use_gzip=True).data
    assert is_warc(plain[:512])
    assert is_warc(gzipped[:512])
    assert is_warc(b"filedesc://crawl.arc 0.0.0.0 20240506070809 text/plain 76\n")
    assert not is_warc(b"<!DOCTYPE html><html>")
    assert not is_warc(gzip.compress(b"<!DOCTYPE html><html>"))
    assert not is_warc(b"\x1f\x8b garbage that is not deflate")
    assert not is_warc(b"")


def test_an_arc_file_gives_its_html_pages() -> None:
    body = _html("Archived")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    info = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://test.arc 0.0.0.0 20240506070809 text/plain %d\n" % len(info) + info + b"\n"
    record = b"https://example.org/arc 192.0.2.1 20240506070809 text/html %d\n" % len(http) + http + b"\n"
    data = gzip.compress(header) + gzip.compress(record)
    assert is_warc(data[:512])
    pages = _read(data, "t.arc.gz")
    assert len(pages) == 1
    page = pages[0]
    assert isinstance(page, Page)
    assert page.url == "https://example.org/arc"
    assert page.fetched == "2024-05-06T07:08:09Z"
    assert page.data == body
    assert page.id == f"t.arc.gz#{len(gzip.compress(header))}"


class _Pipe(io.RawIOBase):
    """A stream that can only be read, like standard input, and counts what was read."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._data.read(len(buffer))
        buffer[: len(data)] = data
        self.consumed += len(data)
        return len(data)

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        raise OSError("not seekable")


def test_an_unseekable_stream_is_read_one_record_at_a_time() -> None:
    b = _Builder(use_gzip=True)
    for i in range(200):
        b.response(f"https://example.org/{i}", _html(f"Page {i}"), [("Content-Type", "text/html")])
    data = b.archive().data
    pipe = _Pipe(data)
    pages = iter_pages(pipe, "-")  # type: ignore[arg-type]
    first = next(pages)
    assert isinstance(first, Page) and first.id == "-#0"
    # Streaming: the first page comes after a buffer's worth, not after the whole file.
    assert pipe.consumed < len(data) / 4
    rest = list(pages)
    assert len(rest) == 199
    assert [p.id for p in rest] == [p.id for p in _read(data, "-")[1:]]


def test_iter_file_reads_a_path_and_reports_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_full_archive(use_gzip=True).data)
    pages = list(iter_file(str(path)))
    assert len(pages) == len(EXPECTED_PAGES)
    assert all(page.id.startswith(f"{path}#") for page in pages)
    missing = list(iter_file(str(tmp_path / "nope.warc")))
    assert len(missing) == 1
    assert isinstance(missing[0], Result) and missing[0].error is not None
    assert missing[0].id == str(tmp_path / "nope.warc")
    assert missing[0].error.type == "FileNotFoundError"


@pytest.mark.parametrize("error", [ArchiveError("cannot be read", 12), TruncatedRecordError("cut", 34)])
def test_archive_errors_pickle_with_their_offset(error: ArchiveError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, the round trip is the point
    assert type(copy) is type(error)
    assert (str(copy), copy.offset) == (str(error), error.offset)
    assert isinstance(copy, ValueError)


class _FailingStream(io.RawIOBase):
    """A file whose disk fails after ``good`` bytes: every later read raises OSError."""

    def __init__(self, data: bytes, good: int) -> None:
        self._data = io.BytesIO(data)
        self._good = good

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._data.tell() >= self._good:
            raise OSError(5, "Input/output error")
        data = self._data.read(min(len(buffer), self._good - self._data.tell()))
        buffer[: len(data)] = data
        return len(data)


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_a_read_error_is_one_error_row_after_the_pages_read(use_gzip: bool) -> None:
    b = _Builder(use_gzip=use_gzip)
    for i in range(6):
        b.response(f"https://example.org/{i}", _html(f"Page {i}") * 40, [("Content-Type", "text/html")])
    data = b.archive().data
    intact = _read(data)
    for good in (len(data) // 3, len(data) // 2, len(data) - 10):
        items = list(iter_pages(_FailingStream(data, good), "t.warc"))  # type: ignore[arg-type]
        pages = [item for item in items if isinstance(item, Page)]
        errors = [item for item in items if isinstance(item, Result)]
        assert pages == intact[: len(pages)]
        assert len(errors) == 1, items
        assert errors[0].error is not None and "Input/output error" in errors[0].error.message
        assert len({item.id for item in items}) == len(items)


@pytest.mark.parametrize("use_gzip", [False, True], ids=["plain", "gzip"])
def test_every_kind_of_record_and_a_cut_one_give_a_row_per_page_and_one_error(use_gzip: bool) -> None:
    b = _Builder(use_gzip=use_gzip)
    b.buffer.write(_full_archive(use_gzip=use_gzip).data)
    before = len(b.buffer.getvalue())
    b.response("https://example.org/cut", _html("Cut") * 3, [("Content-Type", "text/html")])
    data = b.archive().data
    items = _read(data[: before + (len(data) - before) * 2 // 3])
    assert [item.url for item in items] == [*(e[0] for e in EXPECTED_PAGES), "https://example.org/cut"]
    assert all(isinstance(item, Page) for item in items[:-1])
    last = items[-1]
    assert isinstance(last, Result) and last.error is not None
    assert (last.id, last.error.type) == (f"t.warc#{before}", "TruncatedRecordError")
