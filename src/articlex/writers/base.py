"""What every writer is, and the text output most of them share: a file or standard output."""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self, TextIO, cast

from articlex.results import Result


class Writer(ABC):
    """Writes one row per :class:`~articlex.results.Result`; a context manager that closes itself.

    ``close()`` finishes the output (the closing ``]`` of a JSON array, the last
    Parquet row group and footer) and may be called more than once.
    """

    @abstractmethod
    def write(self, result: Result) -> None:
        """Write ``result``'s row."""

    @abstractmethod
    def close(self) -> None:
        """Finish and close the output (standard output is flushed, not closed)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class TextWriter(Writer):
    """A writer of text rows to a file (created, or appended to) or to standard output.

    Each row is written and flushed at once, so a run that is killed leaves at
    most its last row cut short (which resuming repairs). A character the
    output cannot encode (a lone surrogate from an undecodable file name) is
    written as a backslash escape rather than failing the row.
    """

    def __init__(self, output: str | None, *, append: bool = False) -> None:
        self._stream: TextIO
        if output is None:
            self._stream = sys.stdout
            self._owned = False
        else:
            mode = "a" if append else "w"
            # Closed by close(); a `with` cannot span the writer's life.
            stream = open(output, mode, encoding="utf-8", errors="backslashreplace", newline="")  # noqa: SIM115
            self._stream = cast(TextIO, stream)
            self._owned = True
        self._closed = False

    def emit(self, text: str) -> None:
        """Write ``text`` and flush it."""
        try:
            self._stream.write(text)
        except UnicodeEncodeError:
            encoding = self._stream.encoding or "utf-8"
            self._stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
        self._stream.flush()

    def finish(self) -> None:
        """Write what ends the output; called once, by :meth:`close`."""

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.finish()
            self._stream.flush()
        finally:
            if self._owned:
                self._stream.close()
