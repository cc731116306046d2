"""WARC files for the Spark and Dask tests, written with warcio from the repository's own pages.

Also the extractors the timeout tests hand to workers: they must be importable
by name in a worker process, so they live here and not in a test module.
"""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from articlex import Article, Options, extract
from articlex.results import Failure, Page, Result
from articlex.schema import to_row
from articlex.warc import iter_file

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT / "fixtures"
SAMPLE = ROOT / "benchmark_sample"
DATE = "2024-05-06T07:08:09Z"
# A page whose text holds this marker makes hanging_extract sleep past any test's timeout.
HANG_MARKER = b"articlex-test-hang-here"
HANG_SECONDS = 60.0


@dataclass(frozen=True)
class SamplePage:
    """A page to put in a WARC: its URL and its bytes."""

    url: str
    data: bytes


def sample_pages() -> list[SamplePage]:
    """The fixture pages and the benchmark sample pages, in name order, each with a made-up URL."""
    pages = [
        SamplePage(f"https://fixtures.example/{case.name}", (case / "source.html").read_bytes())
        for case in sorted(FIXTURES.iterdir())
        if (case / "source.html").is_file()
    ]
    pages += [
        SamplePage(f"https://sample.example/{path.name.split('.')[0][:16]}", gzip.decompress(path.read_bytes()))
        for path in sorted(SAMPLE.glob("*/html/*.html.gz"))
    ]
    return pages


def hang_page() -> SamplePage:
    """A page that :func:`hanging_extract` never finishes."""
    body = b"<html><body><p>" + HANG_MARKER + b"</p></body></html>"
    return SamplePage("https://hang.example/", body)


def hanging_extract(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """:func:`articlex.extract`, except that a page holding :data:`HANG_MARKER` hangs."""
    marker = HANG_MARKER if isinstance(html, bytes) else HANG_MARKER.decode()
    if marker in html:  # type: ignore[operator]
        time.sleep(HANG_SECONDS)
    return extract(html, url, options=options, content_type=content_type)


def main_module_article(
    html: str | bytes, url: str | None = None, *, options: Options | None = None, content_type: str | None = None
) -> Article:
    """An article whose headline is the ``__name__`` of the process's ``__main__``.

    A forked process keeps its parent's main module (``__main__``); a spawned
    one imports it again under ``__mp_main__``.
    """
    return Article(url=url, headline=sys.modules["__main__"].__name__)


class WarcBuilder:
    """Writes a WARC the way a crawler does: request, response, and a record now and then that is no page."""

    def __init__(self, *, use_gzip: bool = True) -> None:
        self._buffer = io.BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=use_gzip)
        self._writer.write_record(self._writer.create_warcinfo_record("test.warc", {"software": "articlex tests"}))

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        record = self._writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
        self._writer.write_record(record)

    def response(self, url: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": DATE}
        )
        self._writer.write_record(record)

    def pages(self, pages: Iterable[SamplePage]) -> WarcBuilder:
        """A request and a response for each page, and an image response after every third."""
        for number, page in enumerate(pages, 1):
            self.request(page.url)
            self.response(page.url, page.data)
            if number % 3 == 0:
                self.response(f"{page.url}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        return self

    def data(self) -> bytes:
        return self._buffer.getvalue()

    def write(self, path: Path, *, cut: int = 0) -> Path:
        """Write the WARC to ``path``, less its last ``cut`` bytes (a file cut short)."""
        data = self.data()
        path.write_bytes(data[: len(data) - cut] if cut else data)
        return path


def write_warcs(directory: Path, pages: Sequence[SamplePage], files: int, *, cut_last: bool) -> list[Path]:
    """``pages`` spread over ``files`` gzipped WARCs; with ``cut_last``, the last file loses its end."""
    paths = []
    for number in range(files):
        builder = WarcBuilder().pages(pages[number::files])
        last = cut_last and number == files - 1
        if last:  # a last response cut in its payload: a truncated record
            builder.response("https://cut.example/", pages[0].data)
        paths.append(builder.write(directory / f"crawl-{number}.warc.gz", cut=200 if last else 0))
    return paths


def _by_id(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: str(row["id"]))


def _result(item: Page | Result) -> Result:
    if isinstance(item, Result):
        return item
    try:
        article = extract(item.data, item.url, content_type=item.content_type)
    except Exception as error:  # noqa: BLE001 - the reference records every failure, as the runner does
        return Result(item.id, error=Failure.from_exception(error), url=item.url, fetched=item.fetched)
    return Result(item.id, article=article, url=item.url, fetched=item.fetched)


def reference_rows(paths: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of ``paths`` the plain way: each file read in order, each page extracted here, sorted by id."""
    return _by_id(to_row(_result(item)) for path in paths for item in iter_file(path))


def read_parquet_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a Parquet file or dataset directory, sorted by id."""
    import pyarrow.parquet as pq

    return _by_id(pq.read_table(path).to_pylist())


def cli_rows(paths: Sequence[str], output: Path) -> list[dict[str, Any]]:
    """The rows the ``articlex`` command writes for ``paths`` as Parquet, sorted by id."""
    command = [sys.executable, "-m", "articlex", *paths, "-f", "parquet", "-o", str(output), "-q"]
    subprocess.run(command, check=False, capture_output=True, timeout=600)
    return read_parquet_rows(output)
