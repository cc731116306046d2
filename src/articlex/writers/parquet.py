"""Parquet output: the :mod:`articlex.schema` columns, written in row groups as results come.

Rows are buffered up to :data:`ROW_GROUP_ROWS` and written as one row group,
so memory holds one group, whatever the run's size. The file is complete (its
footer written) when the writer is closed; a killed run leaves a file without
a footer, which no reader accepts, so Parquet output cannot be resumed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from articlex.errors import MissingDependencyError
from articlex.results import Result
from articlex.schema import arrow_schema, to_row
from articlex.writers.base import Writer

if TYPE_CHECKING:
    import pyarrow.parquet

#: Rows per row group. Readers skip and parallelise by row group; the sample
#: benchmark pages carry 22 KB of text and body JSON a row, so a group of 1,000
#: is some 20 MB before compression: large enough to compress well, small
#: enough to hold in memory while it fills.
ROW_GROUP_ROWS = 1_000
#: zstd: the 24 sample benchmark pages' rows take 207 KB, against 283 KB with
#: pyarrow's default (snappy) and 192 KB with the much slower gzip; pandas,
#: DuckDB, Spark 3.2+ and Polars all read it.
COMPRESSION = "zstd"


def _parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise MissingDependencyError("Parquet output", "pyarrow", "parquet") from error
    return pq


class ParquetWriter(Writer):
    """Rows in Parquet, to a file path or (``output=None``) to standard output's byte stream."""

    def __init__(self, output: str | None, *, row_group_rows: int = ROW_GROUP_ROWS) -> None:
        pq = _parquet()
        import pyarrow as pa

        self._table = pa.Table.from_pylist
        self._schema = arrow_schema()
        sink = output if output is not None else sys.stdout.buffer
        self._writer: pyarrow.parquet.ParquetWriter = pq.ParquetWriter(sink, self._schema, compression=COMPRESSION)
        self._group = row_group_rows
        self._rows: list[dict[str, Any]] = []
        self._closed = False

    def write(self, result: Result) -> None:
        self._rows.append(to_row(result))
        if len(self._rows) >= self._group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._table(self._rows, schema=self._schema), row_group_size=len(self._rows))
            self._rows = []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._flush()
        finally:
            self._writer.close()
