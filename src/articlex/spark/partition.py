"""The work one Spark task does, in plain Python: no pyspark import, so Dask and the tests reuse it.

A task gets WARC *slices* (a file, or a byte range of one) or HTML records,
and yields one flat row (:func:`articlex.schema.to_row`) per HTML response
record or HTML value: the article, or the error that stopped it.

- :func:`split_file` cuts a gzipped WARC into byte ranges from its size
  alone, so one large file can be spread over many tasks without a pass
  over it first; each range holds the records that start in it.
- :func:`read_slice` opens a file, finds the slice's first record (each
  record of a gzipped WARC is its own gzip member) and reads its records
  with :func:`articlex.warc.iter_pages`, the reader the CLI uses, so ids,
  URLs, dates and the choice of records are the CLI's.
- :func:`extract_items` turns pages into results with the CLI's runner,
  :func:`articlex.extract_many`: in this process, or, with a timeout, in its
  killable worker, since a page that hangs lxml cannot be stopped from inside
  the process that runs it. A Spark task forks that worker (``fork=True``): a
  spawned one would start a fresh interpreter per task that re-imports the
  task's ``__main__``, pyspark's daemon, from pyspark's zip (0.4 s a task).
- :func:`warc_rows`, :func:`slice_rows` and :func:`html_rows` chain those for
  one partition.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from articlex.api import extract
from articlex.batch import Extractor, extract_many
from articlex.options import Options
from articlex.results import Failure, Page, Result
from articlex.schema import arrow_schema, to_row
from articlex.spark.storage import open_binary
from articlex.warc import iter_pages

if TYPE_CHECKING:
    import pyarrow

Row = dict[str, object]
OnResult = Callable[[Result], None]

# Record ids are "FILE#OFFSET" (articlex.warc); the offset follows the last "#".
OFFSET_MARK = "#"
# The bytes that open a gzip member (its magic and the deflate method): where
# a record of a gzipped WARC can start.
GZIP_MEMBER = b"\x1f\x8b\x08"
# zlib's window bits for a gzip wrapper.
GZIP_WBITS = 31
# What the first line of a WARC record starts with ("WARC/1.0", "WARC/1.1").
WARC_MARK = b"WARC/"
# Bytes of a member tried when looking for a record: the gzip header (10
# bytes, more with a file name or extra field) and enough deflate data to
# inflate five bytes.
PROBE_BYTES = 512
# Bytes read at a time while looking for the first record of a slice.
SCAN_BYTES = 1 << 16
# extract_many's jobs: 0 extracts in the task's own process (a Spark task is
# already one core's worth of work); 1 adds the killable worker a timeout needs.
IN_PROCESS = 0
ONE_WORKER = 1
# Rows per Arrow batch a task hands to Spark: a few seconds of extraction, so
# rows reach Parquet steadily, and a few MB of text at most per batch.
ROWS_PER_BATCH = 100


@dataclass(frozen=True, slots=True)
class WarcSlice:
    """The records of one WARC file whose byte offsets lie in ``start`` (inclusive) to ``stop`` (exclusive).

    ``start`` need not be a record's offset: reading begins at the first
    record at or after it. ``stop`` None reads to the end of the file.
    """

    path: str
    start: int = 0
    stop: int | None = None


@dataclass(frozen=True, slots=True)
class HtmlRecord:
    """One HTML value from a table: its id, the page, and the page's URL."""

    id: str
    html: str | bytes | None
    url: str | None = None


def record_offset(item: Page | Result) -> int | None:
    """The byte offset in a record's id (``FILE#OFFSET``), or None for an id without one."""
    _, mark, offset = item.id.rpartition(OFFSET_MARK)
    return int(offset) if mark and offset.isdigit() else None


def _shifted(item: Page | Result, base: int) -> Page | Result:
    """``item`` with the offsets in its id and error message moved by ``base``.

    :func:`~articlex.warc.iter_pages` counts offsets from where its stream
    starts, so the records of a slice entered at ``base`` say ``#0``... until
    moved. Error messages name the offset as "offset N" (articlex.warc); that
    is moved too, so a row reads the same as the CLI's for the same record.
    """
    offset = record_offset(item)
    if not base or offset is None:
        return item
    name = item.id.rpartition(OFFSET_MARK)[0]
    moved = dataclasses.replace(item, id=f"{name}{OFFSET_MARK}{offset + base}")
    if isinstance(moved, Result) and moved.error is not None:
        said = re.compile(rf"\boffset {offset}\b")
        message = said.sub(f"offset {offset + base}", moved.error.message)
        moved = dataclasses.replace(moved, error=Failure(moved.error.type, message))
    return moved


def _opens_record(head: bytes) -> bool:
    """Whether ``head`` (bytes from a file) starts a gzip member whose text starts a WARC record."""
    if not head.startswith(GZIP_MEMBER):
        return False
    try:
        inflated = zlib.decompressobj(GZIP_WBITS).decompress(head, len(WARC_MARK))
    except zlib.error:
        return False
    return inflated == WARC_MARK


def first_record(stream: BinaryIO, start: int) -> int | None:
    """The offset of the first record of a gzipped WARC at or after byte ``start``, or None past the last.

    Each record of a gzipped WARC is its own gzip member, so a record starts
    where a member starts whose inflated text begins ``WARC/``: the three bytes
    that open a member are searched for, and each find is tried by inflating
    its first bytes. A find inside a member's compressed data does not
    inflate to a WARC record line.
    """
    stream.seek(start)
    base, window = start, b""
    while True:
        chunk = stream.read(SCAN_BYTES)
        window += chunk
        searched, found = 0, window.find(GZIP_MEMBER)
        while found != -1 and not (chunk and found > len(window) - PROBE_BYTES):
            if _opens_record(window[found : found + PROBE_BYTES]):
                return base + found
            searched = found + 1
            found = window.find(GZIP_MEMBER, searched)
        if not chunk:
            return None
        kept = found if found != -1 else max(searched, len(window) - len(GZIP_MEMBER) + 1)
        base, window = base + kept, window[kept:]


def read_slice(piece: WarcSlice) -> Iterator[Page | Result]:
    """The pages (and error results for broken records) of one slice; an unopenable file is one error result."""
    try:
        stream = open_binary(piece.path)
    except (OSError, ValueError) as error:
        yield Result(piece.path, error=Failure.from_exception(error))
        return
    with stream:
        start = first_record(stream, piece.start) if piece.start else 0
        if start is None or (piece.stop is not None and start >= piece.stop):
            return
        stream.seek(start)
        for item in iter_pages(stream, piece.path):
            shifted = _shifted(item, start)
            offset = record_offset(shifted)
            if piece.stop is not None and offset is not None and offset >= piece.stop:
                return
            yield shifted


def split_file(path: str, bytes_per_slice: int) -> Iterator[WarcSlice]:
    """Cut a gzipped WARC into slices of ``bytes_per_slice`` bytes; any other file is one slice.

    Only the file's size and first bytes are read: each slice finds its
    first record itself (:func:`first_record`), so a large file is read once,
    by the tasks, and a remote one is not downloaded twice. A plain (not
    gzipped) WARC or an ARC file has no mark a reader can find its records
    by from the middle, and is read whole by one task; so is a file that
    cannot be opened, whose slice reports the error when read.
    """
    if bytes_per_slice < 1:
        raise ValueError("bytes_per_slice must be at least 1")
    try:
        stream = open_binary(path)
    except (OSError, ValueError):
        yield WarcSlice(path)
        return
    with stream:
        head = stream.read(PROBE_BYTES)
        size = stream.seek(0, io.SEEK_END)
    if not _opens_record(head):
        yield WarcSlice(path)
        return
    starts = range(0, size, bytes_per_slice)
    for start in starts:
        stop = start + bytes_per_slice
        yield WarcSlice(path, start, stop if stop < size else None)


def extract_items(
    items: Iterable[Page | Result],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    fork: bool = False,
) -> Iterator[Result]:
    """One result per item, in order: pages extracted, results (broken records) passed on.

    This is :func:`articlex.extract_many`, the CLI's runner: without a timeout
    in this process (``jobs=0``, no start-up cost); with one in a worker
    process that is killed and replaced when a page runs past ``timeout``
    seconds, the page's result then being an ``ExtractionTimeoutError``.
    ``extractor`` replaces :func:`articlex.extract` (a module-level function).
    ``fork`` forks that worker from this process when it runs no other thread
    (see :func:`articlex.extract_many`).
    """
    jobs = IN_PROCESS if timeout is None else ONE_WORKER
    return extract_many(items, jobs=jobs, timeout=timeout, options=options, extractor=extractor, fork=fork)


def _rows(results: Iterable[Result], on_result: OnResult | None) -> Iterator[Row]:
    for result in results:
        if on_result is not None:
            on_result(result)
        yield to_row(result)


def slice_rows(
    slices: Iterable[WarcSlice],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    on_result: OnResult | None = None,
    fork: bool = False,
) -> Iterator[Row]:
    """The flat rows of every HTML response record in ``slices`` (a partition's worth)."""
    items = (item for piece in slices for item in read_slice(piece))
    results = extract_items(items, options=options, timeout=timeout, extractor=extractor, fork=fork)
    return _rows(results, on_result)


def warc_rows(
    paths: Iterable[str],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    on_result: OnResult | None = None,
    fork: bool = False,
) -> Iterator[Row]:
    """The flat rows of every HTML response record in the WARC files ``paths``, file by file.

    The function to give ``dask.bag.from_sequence(paths).map_partitions``; see docs/spark.md.
    """
    slices = (WarcSlice(path) for path in paths)
    return slice_rows(slices, options=options, timeout=timeout, extractor=extractor, on_result=on_result, fork=fork)


def _page(record: HtmlRecord) -> Page:
    """A null HTML value is read as empty, so its row says ``EmptyInputError`` as for an empty page."""
    return Page(record.id, b"" if record.html is None else record.html, url=record.url)


def html_rows(
    records: Iterable[HtmlRecord],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    on_result: OnResult | None = None,
    fork: bool = False,
) -> Iterator[Row]:
    """The flat rows of HTML values from a table (a null or empty value is an error row)."""
    items = (_page(record) for record in records)
    results = extract_items(items, options=options, timeout=timeout, extractor=extractor, fork=fork)
    return _rows(results, on_result)


def arrow_batches(rows: Iterable[Row], rows_per_batch: int = ROWS_PER_BATCH) -> Iterator[pyarrow.RecordBatch]:
    """``rows`` as Arrow record batches of :func:`articlex.schema.arrow_schema`, ``rows_per_batch`` rows each."""
    import pyarrow as pa

    schema = arrow_schema()
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == rows_per_batch:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)
