"""Reading back what a run wrote: the ids already done, and where the last whole row ends.

``--resume`` skips the inputs whose ids :func:`done_ids` finds and appends to
the same file. A run that was killed may have left its last row cut short:
that row is not counted as done, and :func:`truncate_partial` removes it
before appending, so the new rows start on a clean line. A row is whole when:

* jsonl: its line ends with a newline (each row is written and flushed as one
  line, and a JSON row holds no raw newline);
* csv: it parses, with every column, up to its terminating newline (an open
  quote at the end of the file means the row was cut);
* txt / md: its page end marker follows its header (see :mod:`articlex.writers.text`);
* parquet: the file has its footer (a killed run leaves none, and then no id
  can be read: :class:`~articlex.errors.OutputError`).

Error rows count as done: they are rows of the output like any other.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from articlex.errors import OutputError
from articlex.schema import COLUMN_NAMES
from articlex.writers.directory import ERRORS_FILE, PAGE_FORMATS
from articlex.writers.text import MD_END, TXT_END, md_header_id, txt_header_id

#: Python's csv module refuses fields over 128 KiB by default; an article's text
#: or body JSON can be far longer (inputs run to 50 MiB). This is the largest
#: limit every platform's C long accepts; it is set only while reading and then restored.
CSV_FIELD_LIMIT = 2**31 - 1
#: Ids are read from Parquet in batches of this many rows (only the id column).
PARQUET_ID_BATCH_ROWS = 65_536

#: One whole row of a file: its id (None for a header or a line that is no row) and the byte offset after it.
Record = tuple[str | None, int]


def done_ids(fmt: str, path: str) -> set[str]:
    """The ids of the rows already in ``path`` (a file, or an ``--output-dir`` directory), whole rows only.

    A path that does not exist has none. Raises :class:`~articlex.errors.OutputError`
    for ``json`` (an array is not resumable) and for a Parquet file without its footer.
    """
    if os.path.isdir(path):
        return _directory_ids(fmt, path)
    if not os.path.exists(path):
        return set()
    if fmt == "parquet":
        return _parquet_ids(path)
    return {page_id for page_id, _ in _records(fmt, path) if page_id is not None}


def truncate_partial(fmt: str, path: str) -> None:
    """Cut from ``path`` whatever follows its last whole row (a row a killed run left unfinished)."""
    end = max((offset for _, offset in _records(fmt, path)), default=0)  # offsets only grow: the last
    if end < os.path.getsize(path):
        with open(path, "r+b") as stream:
            stream.truncate(end)


def _records(fmt: str, path: str) -> Iterator[Record]:
    scanners: dict[str, Callable[[BinaryIO], Iterator[Record]]] = {
        "jsonl": _jsonl_records,
        "csv": _csv_records,
        "txt": lambda stream: _framed_records(stream, txt_header_id, TXT_END),
        "md": lambda stream: _framed_records(stream, md_header_id, MD_END),
    }
    if fmt not in scanners:
        raise OutputError(f"cannot resume {fmt} output: resuming needs jsonl, csv, md or txt")
    with open(path, "rb") as stream:
        yield from scanners[fmt](stream)


def _jsonl_records(stream: BinaryIO) -> Iterator[Record]:
    end = 0
    for line in stream:
        if not line.endswith(b"\n"):
            return
        end += len(line)
        yield _jsonl_id(line), end


def _jsonl_id(line: bytes) -> str | None:
    try:
        row = json.loads(line)
    except ValueError:  # JSONDecodeError, or bytes that are not UTF-8
        return None
    page_id = row.get("id") if isinstance(row, dict) else None
    return page_id if isinstance(page_id, str) else None


def _framed_records(stream: BinaryIO, header_id: Callable[[str], str | None], end_marker: str) -> Iterator[Record]:
    current: str | None = None
    end = 0
    for line in stream:
        if not line.endswith(b"\n"):
            return
        end += len(line)
        text = line[:-1].decode("utf-8", "replace")
        page_id = header_id(text)
        if page_id is not None:
            current = page_id  # a header before the last page's end: that page was cut
        elif text == end_marker and current is not None:
            yield current, end
            current = None


@contextmanager
def _csv_field_limit() -> Iterator[None]:
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_records(stream: BinaryIO) -> Iterator[Record]:
    consumed = 0
    whole_line = True

    def lines() -> Iterator[str]:
        nonlocal consumed, whole_line
        for line in stream:
            consumed += len(line)
            whole_line = line.endswith(b"\n")
            yield line.decode("utf-8", "replace")

    with _csv_field_limit():
        rows = csv.reader(lines(), strict=True)
        try:
            header = next(rows, None)
            if header is None or not whole_line:
                return
            if tuple(header) != COLUMN_NAMES:
                raise OutputError("the CSV file has other columns than this version of articlex writes")
            yield None, consumed
            for row in rows:
                if not whole_line or len(row) != len(COLUMN_NAMES):
                    return
                yield row[0], consumed
        except csv.Error:  # an open quote at the end: the last row was cut
            return


def _parquet_ids(path: str) -> set[str]:
    from articlex.writers.parquet import _parquet

    pq = _parquet()
    import pyarrow

    ids: set[str] = set()
    try:
        for batch in pq.ParquetFile(path).iter_batches(columns=["id"], batch_size=PARQUET_ID_BATCH_ROWS):
            ids.update(value for value in batch.column(0).to_pylist() if value is not None)
    except (pyarrow.ArrowException, OSError) as error:
        raise OutputError(
            f"cannot read the ids in {path}: {error} (a Parquet file is readable only once the run that wrote it"
            " finished; it cannot be resumed)"
        ) from error
    return ids


def _directory_ids(fmt: str, directory: str) -> set[str]:
    if fmt not in PAGE_FORMATS:
        raise OutputError(f"one file per page needs json, jsonl, md or txt, not {fmt}")
    extension = PAGE_FORMATS[fmt][0]
    ids: set[str] = set()
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name == ERRORS_FILE:
                ids.update(page_id for page_id, _ in _records("jsonl", entry.path) if page_id is not None)
            elif entry.name.endswith(extension) and entry.is_file():
                ids.update(_page_file_ids(fmt, entry.path))
    return ids


def _page_file_ids(fmt: str, path: str) -> set[str]:
    if fmt in ("md", "txt"):
        return {page_id for page_id, _ in _records(fmt, path) if page_id is not None}
    with open(path, "rb") as stream:
        page_id = _jsonl_id(stream.read())
    return {page_id} if page_id is not None else set()
