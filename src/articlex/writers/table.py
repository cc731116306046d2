"""CSV output: the columns of :mod:`articlex.schema`, a header line, then one row per input.

Cells: text as is; null as an empty cell; lists as JSON arrays (``["Analysis",
"World"]``), which, unlike joining with ``"; "``, reads back exactly whatever
the items hold; numbers in Python's shortest round-trip form. Rows end with
``\\n``; fields holding newlines, commas or quotes are quoted (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from articlex.results import Result
from articlex.schema import COLUMN_NAMES, to_row
from articlex.writers.base import TextWriter

#: Row terminator: a newline, as Unix tools and pandas expect (RFC 4180's CRLF reads the same).
CSV_LINE_END = "\n"


def csv_cells(row: dict[str, Any]) -> list[str]:
    """A schema row's values as CSV cells, in column order."""
    return [_cell(row[name]) for name in COLUMN_NAMES]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class CsvWriter(TextWriter):
    """One CSV row per result; the header line first unless ``header`` is False (appending)."""

    def __init__(self, output: str | None, *, append: bool = False, header: bool = True) -> None:
        super().__init__(output, append=append)
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator=CSV_LINE_END)
        if header:
            self._emit_row(list(COLUMN_NAMES))

    def write(self, result: Result) -> None:
        self._emit_row(csv_cells(to_row(result)))

    def _emit_row(self, cells: list[str]) -> None:
        self._csv.writerow(cells)
        self.emit(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()
