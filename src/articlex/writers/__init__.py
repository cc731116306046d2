"""Writers of batch results: one row per :class:`~articlex.results.Result`, in any output format.

>>> from articlex.writers import open_writer
>>> with open_writer("jsonl", "out.jsonl") as writer:  # doctest: +SKIP
...     for result in results:
...         writer.write(result)

Formats (``docs/schema.md`` describes each): ``jsonl`` and ``json`` (the
article's ``to_dict()`` with the input's id, url and fetch time, or an
``error: {type, message}``), ``md`` and ``txt`` (each page under a header with
its id), ``csv`` and ``parquet`` (the flat columns of :mod:`articlex.schema`).
``output=None`` writes to standard output (Parquet to its byte stream).
``output_dir`` writes one file per page instead, with errors in
``errors.jsonl``. ``append=True`` continues a file a killed or earlier run
wrote (jsonl, csv, md, txt), after :func:`done_ids` has said which inputs it
already holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from articlex.errors import OutputError
from articlex.writers.base import Writer
from articlex.writers.directory import DirectoryWriter, page_filename
from articlex.writers.jsonrows import JsonArrayWriter, JsonLinesWriter, json_row
from articlex.writers.parquet import ParquetWriter
from articlex.writers.resume import done_ids, truncate_partial
from articlex.writers.table import CsvWriter
from articlex.writers.text import MarkdownWriter, TxtWriter

__all__ = ["APPENDABLE_FORMATS", "FORMATS", "Writer", "done_ids", "json_row", "open_writer", "page_filename"]

#: Every output format, by its ``-f`` name.
FORMATS = ("jsonl", "json", "md", "txt", "csv", "parquet")
#: The formats a run can append to (``--resume``): each row is whole on its own.
#: A JSON array ends with ``]`` and a Parquet file with its footer, so neither
#: can take more rows once written.
APPENDABLE_FORMATS = ("jsonl", "csv", "md", "txt")

#: Per format: a writer to ``output``, given whether to append and whether the file already holds rows.
_FILE_WRITERS: dict[str, Callable[[str | None, bool, bool], Writer]] = {
    "jsonl": lambda output, append, _: JsonLinesWriter(output, append=append),
    "json": lambda output, _, __: JsonArrayWriter(output),
    "md": lambda output, append, _: MarkdownWriter(output, append=append),
    "txt": lambda output, append, _: TxtWriter(output, append=append),
    "csv": lambda output, append, has_rows: CsvWriter(output, append=append, header=not has_rows),
    "parquet": lambda output, _, __: ParquetWriter(output),
}


def open_writer(fmt: str, output: str | None, *, output_dir: str | None = None, append: bool = False) -> Writer:
    """A writer of ``fmt`` rows to the file ``output`` (None: standard output) or to ``output_dir``.

    ``append=True`` keeps what ``output`` holds: a row a killed run left cut
    short is removed first, and a CSV file's header is not written again.
    Raises :class:`~articlex.errors.OutputError` for an unknown format, for
    both ``output`` and ``output_dir``, for one file per page in ``csv`` or
    ``parquet``, and for appending to ``json`` or ``parquet``;
    :class:`~articlex.errors.MissingDependencyError` for ``parquet`` without
    pyarrow; ``OSError`` when the output cannot be opened.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if output_dir is not None:
        if output is not None:
            raise OutputError("give an output file or an output directory, not both")
        return DirectoryWriter(fmt, output_dir, append=append)
    if append and fmt not in APPENDABLE_FORMATS:
        raise OutputError(
            f"cannot append to {fmt} output (resume needs {', '.join(APPENDABLE_FORMATS)}):"
            " a finished JSON array or Parquet file takes no more rows"
        )
    has_rows = False
    if append and output is not None and _nonempty_file(output):
        truncate_partial(fmt, output)
        has_rows = _nonempty_file(output)
    return _FILE_WRITERS[fmt](output, append, has_rows)


def _nonempty_file(path: str) -> bool:
    return os.path.isfile(path) and os.path.getsize(path) > 0
