"""The work one Spark task does, in plain Python: no pyspark import, so Dask and the tests reuse it.

A task gets WARC *slices* (a file, or a run of its records) or HTML records,
and yields one flat row (:func:`articlex.schema.to_row`) per HTML response
record or HTML value: the article, or the error that stopped it.

- :func:`plan_slices` reads a WARC's record headers once and cuts it into
  runs of response records, so one large file can be spread over many tasks;
  a slice starts at a record's byte offset, where a gzipped WARC can be
  entered (each record is its own gzip member).
- :func:`read_slice` opens a file, seeks to the slice and reads its records
  with :func:`articlex.warc.iter_pages`, the reader the CLI uses, so ids,
  URLs, dates and the choice of records are the CLI's.
- :func:`extract_items` turns pages into results with the CLI's runner,
  :func:`articlex.extract_many`: in this process, or, with a timeout, in its
  killable worker, since a page that hangs lxml cannot be stopped from inside
  the process that runs it.
- :func:`warc_rows`, :func:`slice_rows` and :func:`html_rows` chain those for
  one partition.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from articlex.api import extract
from articlex.batch import Extractor, extract_many
from articlex.options import Options
from articlex.results import Failure, Page, Result
from articlex.schema import to_row
from articlex.spark.storage import open_binary
from articlex.warc import iter_pages

Row = dict[str, object]
OnResult = Callable[[Result], None]

# Record ids are "FILE#OFFSET" (articlex.warc); the offset follows the last "#".
OFFSET_MARK = "#"
# The WARC record type of an HTTP response: the only records that can hold pages.
RESPONSE = "response"
# extract_many's jobs: 0 extracts in the task's own process (a Spark task is
# already one core's worth of work); 1 adds the killable worker a timeout needs.
IN_PROCESS = 0
ONE_WORKER = 1


@dataclass(frozen=True, slots=True)
class WarcSlice:
    """The records of one WARC file whose byte offsets lie in ``start`` (inclusive) to ``stop`` (exclusive).

    ``start`` is 0 or a record's offset; ``stop`` None reads to the end of the file.
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


def read_slice(piece: WarcSlice) -> Iterator[Page | Result]:
    """The pages (and error results for broken records) of one slice; an unopenable file is one error result."""
    try:
        stream = open_binary(piece.path)
    except (OSError, ValueError) as error:
        yield Result(piece.path, error=Failure.from_exception(error))
        return
    with stream:
        stream.seek(piece.start)
        for item in iter_pages(stream, piece.path):
            shifted = _shifted(item, piece.start)
            offset = record_offset(shifted)
            if piece.stop is not None and offset is not None and offset >= piece.stop:
                return
            yield shifted


def response_offsets(path: str) -> Iterator[int]:
    """The byte offsets of the ``response`` records of the WARC at ``path``, as far as it can be read.

    Only the record headers are looked at (a gzipped file is still inflated
    to find where each record ends), which makes this about twice as fast as
    reading the pages. Stops quietly at damage or a file that cannot be
    opened: reading the slices reports those, as the CLI does.
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        stream = open_binary(path)
    except (OSError, ValueError):
        return
    with stream:
        records = ArchiveIterator(stream, arc2warc=True)  # as articlex.warc reads them
        try:
            for record in records:
                if record.rec_type == RESPONSE:
                    yield records.get_record_offset()
        # warcio raises whatever its parsing hits on damaged bytes; the plan
        # ends there and the last slice runs to the end of the file.
        except Exception:  # noqa: BLE001
            return
        finally:
            records.close()


def plan_slices(path: str, records_per_slice: int) -> Iterator[WarcSlice]:
    """Cut ``path`` into slices of at most ``records_per_slice`` response records (one pass over the file).

    Every slice but the first starts at a response record, where the file can
    be entered; the last runs to the end of the file, so what comes after the
    last record the plan could read (damage, a cut record) is read, and
    reported, by that slice. A file that cannot be opened is one slice, which
    reports the error when read.
    """
    if records_per_slice < 1:
        raise ValueError("records_per_slice must be at least 1")
    start = 0
    count = 0
    for offset in response_offsets(path):
        if count == records_per_slice:
            yield WarcSlice(path, start, offset)
            start, count = offset, 0
        count += 1
    yield WarcSlice(path, start, None)


def extract_items(
    items: Iterable[Page | Result],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
) -> Iterator[Result]:
    """One result per item, in order: pages extracted, results (broken records) passed on.

    This is :func:`articlex.extract_many`, the CLI's runner: without a timeout
    in this process (``jobs=0``, no start-up cost); with one in a worker
    process that is killed and replaced when a page runs past ``timeout``
    seconds, the page's result then being an ``ExtractionTimeoutError``.
    ``extractor`` replaces :func:`articlex.extract` (a module-level function).
    """
    jobs = IN_PROCESS if timeout is None else ONE_WORKER
    return extract_many(items, jobs=jobs, timeout=timeout, options=options, extractor=extractor)


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
) -> Iterator[Row]:
    """The flat rows of every HTML response record in ``slices`` (a partition's worth)."""
    items = (item for piece in slices for item in read_slice(piece))
    return _rows(extract_items(items, options=options, timeout=timeout, extractor=extractor), on_result)


def warc_rows(
    paths: Iterable[str],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    on_result: OnResult | None = None,
) -> Iterator[Row]:
    """The flat rows of every HTML response record in the WARC files ``paths``, file by file.

    The function to give ``dask.bag.from_sequence(paths).map_partitions``; see docs/spark.md.
    """
    slices = (WarcSlice(path) for path in paths)
    return slice_rows(slices, options=options, timeout=timeout, extractor=extractor, on_result=on_result)


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
) -> Iterator[Row]:
    """The flat rows of HTML values from a table (a null or empty value is an error row)."""
    items = (_page(record) for record in records)
    return _rows(extract_items(items, options=options, timeout=timeout, extractor=extractor), on_result)
