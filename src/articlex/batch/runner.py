"""``extract_many``: many inputs in, exactly one result per input out, in parallel and in bounded memory.

The loop pulls inputs only while fewer than a window's worth are in flight
(taken, not yet handed back), so a stream of millions of inputs costs no more
memory than a window of them. Each input becomes a task for a worker process
(a path is sent as a path, read by the worker), a download first (a URL), or is
already a result (an error found while enumerating). Results go back to the
caller in input order, or as they come with ``ordered=False``.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from articlex.api import extract
from articlex.batch.fetching import Downloads
from articlex.batch.inline import InlinePool
from articlex.batch.pool import WorkerPool
from articlex.batch.progress import Progress
from articlex.batch.tasks import Extractor, Task
from articlex.options import Options
from articlex.results import Page, Result

#: What ``extract_many`` takes: a path, a URL, a page in memory, or an input already resolved to a result.
Input = str | os.PathLike[str] | Page | Result

# Workers are replaced after this many pages. lxml's name dictionary grows with
# every new tag and attribute name a process sees; benchmarks/batch_scaling.py
# measured a worker's RSS over 10,000 benchmark pages, and recycling every
# 1,000 keeps it flat for about 0.1 s of start-up per 1,000 pages (under 1%).
DEFAULT_RECYCLE_AFTER = 1_000
# Concurrent downloads: enough to hide a slow server's latency behind others,
# few enough not to hammer one host when a list holds many of its URLs.
DEFAULT_FETCH_JOBS = 8
# Inputs in flight per worker: one being extracted, one queued behind it, and
# room for results waiting for an earlier input (ordered output). More only
# holds more pages in memory.
WINDOW_PER_JOB = 4
# How often on_progress hears from a batch that has produced no new result.
PROGRESS_INTERVAL_SECONDS = 0.5

URL_SCHEMES = ("http://", "https://")


def extract_many(
    inputs: Iterable[Input],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    options: Options | None = None,
    ordered: bool = True,
    recycle_after: int = DEFAULT_RECYCLE_AFTER,
    fetch_jobs: int = DEFAULT_FETCH_JOBS,
    allow_private: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
    extractor: Extractor = extract,
    fork: bool = False,
) -> Iterator[Result]:
    """Extract many pages: yields exactly one :class:`~articlex.results.Result` per input.

    Inputs are pulled lazily, a few per worker at a time, so ``inputs`` may be a
    generator over millions of pages. A failure is that input's result (missing
    file, not HTML, fetch error, timeout, worker crash), never an exception; the
    error's class and message are in ``Result.error``.

    Args:
        inputs: paths (read by the worker), ``http(s)://`` URLs (fetched here, in
            ``fetch_jobs`` threads), :class:`~articlex.results.Page` objects, or
            results (passed through in their place: errors met while enumerating).
            Directories and WARC files are expanded by :func:`articlex.batch.expand`.
        jobs: worker processes. ``0`` extracts in the calling process: no start-up
            cost, but no timeout and no protection from a page that crashes lxml.
        timeout: seconds a page may take before its worker is killed and replaced
            (an ``ExtractionTimeoutError`` result); ``None``: no limit.
        options: extraction options for every page.
        ordered: yield in input order (a slow page holds back those after it,
            within the window); ``False`` yields each result as it comes.
        recycle_after: pages a worker extracts before a fresh one replaces it.
        fetch_jobs: concurrent downloads, separate from the extraction workers.
        allow_private: let URLs reach private, loopback and link-local addresses.
        on_progress: called with a :class:`~articlex.batch.Progress` after each result and every
            half second while waiting; the last call has ``finished=True``.
        extractor: what extracts one page, :func:`articlex.extract` by default; must
            pickle (a module-level function) when ``jobs >= 1``.
        fork: start workers as copies of this process (ready in milliseconds,
            everything already imported) rather than fresh interpreters, for a
            caller that runs no other thread, such as a Spark task's Python
            worker. Whenever this process has another thread (URL downloads
            start some), or cannot fork, workers are spawned all the same.

    Raises:
        ValueError: an argument is out of range (raised at once, not on iteration).
        TypeError: an input is of none of the accepted types.
        articlex.WorkerStartError: worker processes keep dying before they are ready.
    """
    if jobs < 0 or recycle_after < 1 or fetch_jobs < 1:
        raise ValueError("jobs must be >= 0, recycle_after and fetch_jobs >= 1")
    if timeout is not None and timeout <= 0:
        raise ValueError("timeout must be a positive number of seconds, or None")
    if jobs == 0 and timeout is not None:
        raise ValueError("a timeout needs worker processes (jobs >= 1): a hang cannot be interrupted in-process")
    settings = _Settings(
        jobs=jobs,
        timeout=timeout,
        options=options or Options(),
        ordered=ordered,
        recycle_after=recycle_after,
        fetch_jobs=fetch_jobs,
        allow_private=allow_private,
        fork=fork,
    )
    return _Batch(iter(inputs), settings, extractor, on_progress).run()


@dataclass(frozen=True, slots=True)
class _Settings:
    """The arguments of one ``extract_many`` call, checked."""

    jobs: int
    timeout: float | None
    options: Options
    ordered: bool
    recycle_after: int
    fetch_jobs: int
    allow_private: bool
    fork: bool


def is_url(text: str) -> bool:
    """True for an ``http://`` or ``https://`` address (the scheme in any case)."""
    return text[:8].lower().startswith(URL_SCHEMES)


class _Batch:
    """The state of one ``extract_many`` run (what is queued, downloading, finished, handed back)."""

    def __init__(
        self,
        source: Iterator[Input],
        settings: _Settings,
        extractor: Extractor,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self._source = source
        self._settings = settings
        self._extractor = extractor
        self._on_progress = on_progress
        self._window = WINDOW_PER_JOB * max(settings.jobs, 1) + settings.fetch_jobs
        self._exhausted = False
        self._taken = 0  # inputs taken from the source; also the next input's key
        self._handed = 0  # results handed to the caller
        self._failed = 0
        self._next_out = 0  # with ordered output: the key of the next result to hand back
        self._queue: deque[tuple[int, Task]] = deque()
        self._results: dict[int, Result] = {}
        self._start = time.monotonic()
        self._last_report = self._start

    def run(self) -> Iterator[Result]:
        settings = self._settings
        interval = PROGRESS_INTERVAL_SECONDS if self._on_progress else None
        with Downloads(settings.fetch_jobs, allow_private=settings.allow_private) as downloads, self._pool() as pool:
            while True:
                self._fill(downloads)
                pool.dispatch(self._queue)
                yield from self._hand_back(pool)
                if self._exhausted and self._handed == self._taken:
                    break
                if self._room():
                    continue  # results handed back made room: take more inputs before waiting
                for key, result in pool.wait([downloads.bell], interval):
                    self._results[key] = result
                for key, item in downloads.finished():
                    self._place(key, item, downloads)
                if self._on_progress and time.monotonic() - self._last_report >= PROGRESS_INTERVAL_SECONDS:
                    self._report(pool)
            self._report(pool, finished=True)

    def _pool(self) -> WorkerPool | InlinePool:
        s = self._settings
        if s.jobs == 0:
            return InlinePool(self._extractor, s.options)
        return WorkerPool(
            s.jobs, self._extractor, s.options, timeout=s.timeout, recycle_after=s.recycle_after, fork=s.fork
        )

    def _room(self) -> bool:
        """True when more inputs may be taken: the source has more and the window is not full."""
        return not self._exhausted and self._taken - self._handed < self._window

    def _fill(self, downloads: Downloads) -> None:
        """Take inputs while the window has room."""
        while self._room():
            try:
                item = next(self._source)
            except StopIteration:
                self._exhausted = True
                return
            key = self._taken
            self._taken += 1
            self._place(key, item, downloads)

    def _place(self, key: int, item: Input, downloads: Downloads) -> None:
        """Send an input where it goes next: the results, a download, or the workers' queue."""
        if isinstance(item, Result):
            self._results[key] = item
        elif isinstance(item, Page):
            self._queue.append((key, Task(item.id, page=item)))
        elif isinstance(item, str | os.PathLike):
            name = os.fspath(item)
            if isinstance(item, str) and is_url(name):
                downloads.submit(key, name)
            else:
                self._queue.append((key, Task(name, path=name)))
        else:
            raise TypeError(f"extract_many takes paths, URLs, Page and Result objects, not {type(item).__name__}")

    def _hand_back(self, pool: WorkerPool | InlinePool) -> Iterator[Result]:
        """Yield the results that may go now: the next in order, or all with ``ordered=False``."""
        if self._settings.ordered:
            keys: Iterable[int] = _run_from(self._next_out, self._results)
        else:
            keys = sorted(self._results)
        for key in list(keys):
            result = self._results.pop(key)
            self._next_out = key + 1
            self._handed += 1
            self._failed += not result.ok
            if self._on_progress:
                self._report(pool)
            yield result

    def _report(self, pool: WorkerPool | InlinePool, *, finished: bool = False) -> None:
        if self._on_progress is None:
            return
        now = time.monotonic()
        self._last_report = now
        stats = pool.stats
        self._on_progress(
            Progress(
                done=self._handed,
                failed=self._failed,
                elapsed=now - self._start,
                in_flight=self._taken - self._handed,
                timed_out=stats.timed_out,
                crashed=stats.crashed,
                recycled=stats.recycled,
                finished=finished,
            )
        )


def _run_from(first: int, results: dict[int, Any]) -> list[int]:
    """The keys ``first, first + 1, ...`` present in ``results``, up to the first gap."""
    keys = []
    while first in results:
        keys.append(first)
        first += 1
    return keys
