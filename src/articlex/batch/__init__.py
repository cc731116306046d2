"""Batch extraction: many inputs, worker processes, one result per input.

* :func:`extract_many` runs pages through worker processes and yields one
  :class:`~articlex.results.Result` per input (``runner.py``; the processes in
  ``pool.py`` and ``worker.py``, downloads in ``fetching.py``).
* :func:`expand` turns what a user names (files, directories, URLs, ``-``, WARC
  files) into the lazy stream of inputs ``extract_many`` takes (``inputs.py``).
* :class:`Progress` is what ``on_progress`` callbacks receive (``progress.py``).
"""

from __future__ import annotations

from articlex.batch.inputs import DEFAULT_PATTERNS, count, expand, input_id, read_input_list
from articlex.batch.progress import Progress
from articlex.batch.runner import DEFAULT_FETCH_JOBS, DEFAULT_RECYCLE_AFTER, Input, extract_many
from articlex.batch.tasks import Extractor

__all__ = [
    "DEFAULT_FETCH_JOBS",
    "DEFAULT_PATTERNS",
    "DEFAULT_RECYCLE_AFTER",
    "Extractor",
    "Input",
    "Progress",
    "count",
    "expand",
    "extract_many",
    "input_id",
    "read_input_list",
]
