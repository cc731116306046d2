"""Extraction in the calling process (``jobs=0``): the worker pool's interface without processes.

No start-up cost and no pickling, but no isolation either: a page that hangs
the parser hangs the caller, so no timeout can be asked for here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from multiprocessing.connection import wait
from typing import Any

from articlex.batch.pool import PoolStats
from articlex.batch.tasks import Extractor, Task, run_task
from articlex.options import Options
from articlex.results import Result


class InlinePool:
    """Runs each task as it is dispatched; :meth:`wait` hands the results over."""

    def __init__(self, extractor: Extractor, options: Options) -> None:
        self._extractor = extractor
        self._options = options
        self._finished: list[tuple[int, Result]] = []
        self.stats = PoolStats()

    def __enter__(self) -> InlinePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._finished.clear()

    def dispatch(self, tasks: deque[tuple[int, Task]]) -> None:
        """Extract every task in ``tasks``, here and now."""
        while tasks:
            key, task = tasks.popleft()
            self._finished.append((key, run_task(task, self._extractor, self._options)))

    def wait(self, extra: Sequence[Any] = (), timeout: float | None = None) -> list[tuple[int, Result]]:
        """The results made since the last call; if none, wait for ``extra`` (or ``timeout``)."""
        if not self._finished:
            wait(list(extra), timeout)
        finished, self._finished = self._finished, []
        return finished
