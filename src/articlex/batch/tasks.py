"""One unit of batch work and what doing it means: read the page if needed, extract, wrap the outcome.

A :class:`Task` is what the parent sends a worker: a file's path (the worker
reads it, so only the path crosses the pipe) or a :class:`~articlex.results.Page`
already in memory (standard input, a WARC record, a fetched URL).
:func:`run_task` turns it into exactly one :class:`~articlex.results.Result`
and never raises for the page's sake.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

from articlex.errors import InputTooLargeError
from articlex.model import Article
from articlex.options import Options
from articlex.results import Failure, Page, Result


class Extractor(Protocol):
    """What extracts one page: :func:`articlex.extract`'s signature.

    Batch workers receive it pickled, so it must be a module-level function.
    """

    def __call__(
        self,
        html: str | bytes,
        url: str | None = None,
        *,
        options: Options | None = None,
        content_type: str | None = None,
    ) -> Article: ...


@dataclass(frozen=True, slots=True)
class Task:
    """One input to extract: a path to read, or a page in memory (exactly one is set)."""

    id: str
    path: str | None = None
    page: Page | None = None

    @property
    def url(self) -> str | None:
        """The page's address, when the input carried one."""
        return self.page.url if self.page is not None else None

    @property
    def fetched(self) -> str | None:
        """When the page was captured, when the input said so."""
        return self.page.fetched if self.page is not None else None

    def failed(self, error: BaseException) -> Result:
        """This task's result when it gave ``error`` instead of an article."""
        return Result(self.id, error=Failure.from_exception(error), url=self.url, fetched=self.fetched)


def read_file(path: str, limit: int) -> bytes:
    """The bytes of the file at ``path``; never more than ``limit`` are read.

    Raises:
        InputTooLargeError: the file holds more than ``limit`` bytes.
        OSError: the file cannot be read (missing, a directory, no permission).
    """
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise InputTooLargeError(os.fstat(handle.fileno()).st_size, limit)
    return data


def run_task(task: Task, extractor: Extractor, options: Options) -> Result:
    """Extract ``task``'s page; any error becomes the result's ``error``."""
    try:
        if task.page is not None:
            page = task.page
            article = extractor(page.data, page.url, options=options, content_type=page.content_type)
        else:
            data = read_file(task.path or "", options.max_input_bytes)
            article = extractor(data, None, options=options)
    # One result per input, whatever went wrong: the batch must go on and the
    # error must reach the caller, so every exception is recorded, not raised.
    except Exception as error:  # noqa: BLE001
        return task.failed(error)
    return Result(task.id, article=article, url=task.url, fetched=task.fetched)
