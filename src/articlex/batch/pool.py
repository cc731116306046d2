"""Worker processes that extract pages: started on demand, killed at a deadline, replaced, recycled.

Each worker has its own pipe, so the parent always knows which task a worker
holds. The parent waits on all the pipes at once
(:func:`multiprocessing.connection.wait`) for no longer than the nearest
deadline; a worker still busy at its deadline is killed (terminate, then kill)
and its task gets an :class:`~articlex.errors.ExtractionTimeoutError` result. A
worker whose pipe closes without an answer died (a segfault, an out-of-memory
kill): its task gets a :class:`~articlex.errors.WorkerCrashedError` result.
Either way the next task that needs a worker starts a fresh one.

Workers are started with the ``spawn`` method: a fresh interpreter that imports
articlex (about 0.1 s here), never a fork of a parent that may run fetch
threads. A caller that knows its process is a plain single-threaded one (a
Spark task's Python worker) may ask for ``fork``: the worker is then a copy of
the caller, ready in milliseconds with everything imported. The pool still
spawns whenever the caller has other threads at that moment, or the platform
cannot fork, since a fork copies locks other threads may hold.

After ``recycle_after`` pages a worker is told to exit and a fresh one takes
its place: lxml keeps every tag and attribute name it has seen for
the life of a process, so a long-lived worker's memory grows with the variety
of pages it has read.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from articlex.batch.tasks import Extractor, Task
from articlex.batch.worker import READY, worker_main
from articlex.errors import ExtractionTimeoutError, WorkerCrashedError, WorkerStartError
from articlex.options import Options
from articlex.results import Result

logger = logging.getLogger(__name__)

# A killed worker gets this long to die after SIGTERM before SIGKILL; lxml's C
# code does not block SIGTERM, so it is normally gone at once.
TERMINATE_GRACE_SECONDS = 1.0
# At the end of a batch, idle workers get this long to exit on their own.
STOP_GRACE_SECONDS = 2.0
# Workers that die before they are ready this many times in a row mean the
# environment is broken (articlex cannot be imported, no memory): stop there
# rather than respawn forever.
MAX_START_FAILURES = 3
# The start methods (multiprocessing's names): the default, and the fast one
# for single-threaded callers.
SPAWN = "spawn"
FORK = "fork"
# A process whose only thread is the caller's: nothing another thread holds
# can be copied into a forked worker.
ONE_THREAD = 1


class _Worker:
    """One worker process and the task it holds (internal bookkeeping of the pool)."""

    __slots__ = ("conn", "deadline", "key", "pages", "process", "ready", "task")

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.key: int | None = None
        self.task: Task | None = None
        self.deadline: float | None = None
        self.pages = 0

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None

    def take(self) -> tuple[int, Task]:
        """The task this worker held, which it no longer holds."""
        key, task = self.key, self.task
        self.key, self.task, self.deadline = None, None, None
        if key is None or task is None:  # pragma: no cover - the pool asks only busy workers
            raise RuntimeError("worker holds no task")
        return key, task


class PoolStats:
    """Counts of what happened to workers, for progress reports."""

    __slots__ = ("crashed", "recycled", "started", "timed_out")

    def __init__(self) -> None:
        self.started = 0
        self.recycled = 0
        self.timed_out = 0
        self.crashed = 0


class WorkerPool:
    """Up to ``jobs`` worker processes; tasks go in with a key and come back as ``(key, Result)``.

    Use as a context manager: leaving it stops every worker, killing busy ones.
    With ``fork``, workers are forked from this process whenever it has no
    other thread at that moment, and spawned otherwise (see the module notes).
    """

    def __init__(
        self,
        jobs: int,
        extractor: Extractor,
        options: Options,
        *,
        timeout: float | None,
        recycle_after: int,
        fork: bool = False,
    ) -> None:
        self._jobs = jobs
        self._extractor = extractor
        self._options = options
        self._timeout = timeout
        self._recycle_after = recycle_after
        self._fork = fork and FORK in multiprocessing.get_all_start_methods()
        self._workers: list[_Worker] = []
        self._retiring: list[BaseProcess] = []
        self._start_failures = 0
        self.stats = PoolStats()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def dispatch(self, tasks: deque[tuple[int, Task]]) -> None:
        """Hand tasks from the left of ``tasks`` to idle workers; start workers for the rest, up to ``jobs``."""
        for worker in self._workers:
            if not tasks:
                return
            if worker.idle:
                self._send(worker, *tasks.popleft())
        starting = sum(1 for w in self._workers if not w.ready)
        while len(self._workers) < self._jobs and starting < len(tasks):
            self._start()
            starting += 1

    def wait(self, extra: Sequence[Any] = (), timeout: float | None = None) -> list[tuple[int, Result]]:
        """Wait for answers, a deadline, or one of ``extra`` (waitables of the caller) to be ready.

        Returns the results that came in or were made for killed and dead workers.
        Waits at most ``timeout`` seconds (``None``: until something happens).
        """
        self._reap()
        waitables: list[Any] = [w.conn for w in self._workers]
        ready = set(wait([*waitables, *extra], _sooner(timeout, self._until_deadline())))
        finished: list[tuple[int, Result]] = []
        for worker in list(self._workers):
            if worker.conn in ready:
                self._receive(worker, finished)
        self._expire(finished)
        return finished

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        for worker in self._workers:
            if worker.task is None:
                self._ask_to_stop(worker)
            else:
                _kill(worker.process)
            self._retiring.append(worker.process)
            worker.conn.close()
        self._workers.clear()
        limit = time.monotonic() + STOP_GRACE_SECONDS
        for process in self._retiring:
            process.join(max(0.0, limit - time.monotonic()))
            if process.is_alive():
                _kill(process)
        self._retiring.clear()

    def _context(self) -> BaseContext:
        """How the next worker starts: forked when asked and safe right now, else spawned."""
        if self._fork and threading.active_count() == ONE_THREAD:
            return multiprocessing.get_context(FORK)
        return multiprocessing.get_context(SPAWN)

    def _start(self) -> None:
        context = self._context()
        parent_end, child_end = context.Pipe(duplex=True)
        # typeshed gives BaseContext no Process; every concrete context has one.
        process = context.Process(  # type: ignore[attr-defined]
            target=worker_main,
            args=(child_end, self._extractor, self._options),
            name="articlex-worker",
            daemon=True,
        )
        process.start()
        child_end.close()  # only the child holds it now: the parent sees EOF when the child dies
        self._workers.append(_Worker(process, parent_end))
        self.stats.started += 1
        logger.debug("started worker pid %s", process.pid)

    def _send(self, worker: _Worker, key: int, task: Task) -> None:
        worker.key, worker.task = key, task
        worker.deadline = None if self._timeout is None else time.monotonic() + self._timeout
        try:
            worker.conn.send(task)
        except OSError:
            return  # the worker died: wait() sees its pipe close and reports the task
        except BaseException:
            worker.take()  # unsendable (unpicklable) task: the worker never saw it
            raise

    def _receive(self, worker: _Worker, finished: list[tuple[int, Result]]) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._lost(worker, finished)
            return
        if message == READY:
            worker.ready = True
            self._start_failures = 0
            return
        key, _task = worker.take()
        finished.append((key, message))
        worker.pages += 1
        if worker.pages >= self._recycle_after:
            self._retire(worker)

    def _lost(self, worker: _Worker, finished: list[tuple[int, Result]]) -> None:
        """The worker's pipe closed: it died. Its task, if any, fails; a worker that never got ready counts."""
        self._remove(worker)
        worker.process.join(TERMINATE_GRACE_SECONDS)
        code = worker.process.exitcode
        if worker.task is not None:
            key, task = worker.take()
            self.stats.crashed += 1
            logger.warning("worker pid %s died (exit code %s) on %s", worker.process.pid, code, task.id)
            finished.append((key, task.failed(WorkerCrashedError(code, task.id))))
        elif not worker.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise WorkerStartError(f"{self._start_failures} worker processes died before they were ready")

    def _expire(self, finished: list[tuple[int, Result]]) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.deadline is not None and worker.deadline <= now:
                key, task = worker.take()
                self._remove(worker)
                _kill(worker.process)
                self.stats.timed_out += 1
                seconds = self._timeout or 0.0
                logger.warning("killed worker pid %s after %g s on %s", worker.process.pid, seconds, task.id)
                finished.append((key, task.failed(ExtractionTimeoutError(seconds, task.id))))

    def _retire(self, worker: _Worker) -> None:
        self._ask_to_stop(worker)
        self._remove(worker)
        self._retiring.append(worker.process)
        self.stats.recycled += 1
        logger.debug("recycled worker pid %s after %d pages", worker.process.pid, worker.pages)

    def _remove(self, worker: _Worker) -> None:
        """Forget ``worker`` and close the parent's end of its pipe (say goodbye first if needed)."""
        self._workers.remove(worker)
        worker.conn.close()

    def _ask_to_stop(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except OSError:
            return  # already gone

    def _reap(self) -> None:
        """Forget retired workers that have exited (``is_alive`` collects their exit status)."""
        self._retiring = [p for p in self._retiring if p.is_alive()]

    def _until_deadline(self) -> float | None:
        deadlines = [w.deadline for w in self._workers if w.deadline is not None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None


def _sooner(a: float | None, b: float | None) -> float | None:
    """The smaller of two waits, where ``None`` is forever."""
    if a is None:
        return b
    return a if b is None else min(a, b)


def _kill(process: BaseProcess) -> None:
    process.terminate()
    process.join(TERMINATE_GRACE_SECONDS)
    if process.is_alive():
        process.kill()
        process.join()
