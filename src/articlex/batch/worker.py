"""The body of one worker process: announce readiness, then extract task after task.

The protocol on the worker's pipe, one message each way per page:

* worker to parent: :data:`READY` once, when articlex is imported; then one
  :class:`~articlex.results.Result` for each task received.
* parent to worker: a :class:`~articlex.batch.tasks.Task`, or ``None`` to stop.

The parent always knows which task a worker holds, so results carry no sequence
number. A worker ignores Ctrl-C: the parent decides when workers stop.
"""

from __future__ import annotations

import pickle
import signal
from multiprocessing.connection import Connection

from articlex.batch.tasks import Extractor, Task, run_task
from articlex.options import Options

#: The first message of every worker: imports are done, tasks may come.
READY = "ready"


def worker_main(conn: Connection, extractor: Extractor, options: Options) -> None:
    """Serve tasks from ``conn`` until told to stop or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        conn.send(READY)
        while (task := conn.recv()) is not None:
            _answer(conn, task, extractor, options)
    # The parent closed its end (it finished, or stopped early before this
    # worker was needed): nothing more will come and no one is listening.
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return


def _answer(conn: Connection, task: Task, extractor: Extractor, options: Options) -> None:
    result = run_task(task, extractor, options)
    try:
        conn.send(result)
    # A custom extractor may return what cannot be pickled; pickling fails
    # before anything is written, so the pipe is still clean for the error.
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        conn.send(task.failed(error))
