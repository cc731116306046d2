"""Throughput and memory of WARC reading and of each output writer (not extraction).

Example::

    nice -n 19 python benchmarks/warc_io.py --copies 400

Builds a gzipped WARC of the sample benchmark pages (``tests/benchmark_sample``)
repeated ``--copies`` times, each page with a request record before it as a
crawler writes them; reads it back with :func:`articlex.warc.iter_file`,
sampling the resident set size; then writes the same number of results (the
sample pages extracted once each) in every output format and reports rows per
second and file size. Extraction is left out on purpose: it is measured by
``bench.py``, and here it would hide the cost of reading and writing.
"""

import argparse
import gzip
import io
import sys
import tempfile
import time
from pathlib import Path

# ``python benchmarks/warc_io.py`` puts benchmarks/ itself on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warcio.statusandheaders import StatusAndHeaders  # after the path fix above
from warcio.warcwriter import WARCWriter

from articlex import extract
from articlex.results import Page, Result
from articlex.warc import iter_file
from articlex.writers import FORMATS, open_writer
from benchmarks.worker import current_rss_mb

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "benchmark_sample"
DEFAULT_COPIES = 400
# Sample the resident set size every this many records while reading.
RSS_EVERY = 500
BYTES_PER_MB = 1024 * 1024


def sample_pages() -> list[tuple[str, bytes]]:
    """(name, html) of every sample benchmark page."""
    return [(path.name, gzip.decompress(path.read_bytes())) for path in sorted(SAMPLE.glob("*/html/*.html.gz"))]


def build_warc(path: Path, pages: list[tuple[str, bytes]], copies: int) -> int:
    """Write the pages ``copies`` times as request + response records; return the payload bytes."""
    payload = 0
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for copy in range(copies):
            for name, html in pages:
                url = f"https://example.org/{copy}/{name}"
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                writer.write_record(
                    writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
                )
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
                writer.write_record(record)
                payload += len(html)
    return payload


def measure_reading(path: Path, payload: int) -> None:
    start_rss = current_rss_mb()
    peak = start_rss
    pages = errors = 0
    started = time.perf_counter()
    for count, item in enumerate(iter_file(str(path)), 1):
        if isinstance(item, Page):
            pages += 1
        else:
            errors += 1
        if count % RSS_EVERY == 0:
            peak = max(peak, current_rss_mb())
    seconds = time.perf_counter() - started
    size = path.stat().st_size / BYTES_PER_MB
    print(f"read: {pages} pages, {errors} errors from {size:.1f} MB gzipped ({payload / BYTES_PER_MB:.1f} MB of HTML)")
    print(
        f"      {seconds:.2f} s: {pages / seconds:,.0f} pages/s, {payload / BYTES_PER_MB / seconds:.1f} MB/s of HTML;"
        f" RSS {start_rss:.0f} MB before, {peak:.0f} MB at most while reading"
    )


def measure_writers(results: list[Result], directory: Path) -> None:
    for fmt in FORMATS:
        path = directory / f"out.{fmt}"
        started = time.perf_counter()
        with open_writer(fmt, str(path)) as writer:
            for result in results:
                writer.write(result)
        seconds = time.perf_counter() - started
        size = path.stat().st_size / BYTES_PER_MB
        print(f"write {fmt:8}: {len(results) / seconds:8,.0f} rows/s, {size:7.1f} MB for {len(results)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=DEFAULT_COPIES, help="times each sample page is repeated")
    args = parser.parse_args()
    pages = sample_pages()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "sample.warc.gz"
        payload = build_warc(warc, pages, args.copies)
        measure_reading(warc, payload)
        articles = [extract(html, url=f"https://example.org/{name}") for name, html in pages]
        results = [
            Result(f"{copy}/{name}", article=article, url=article.url)
            for copy in range(args.copies)
            for (name, _), article in zip(pages, articles, strict=True)
        ]
        measure_writers(results, Path(tmp))


if __name__ == "__main__":
    main()
