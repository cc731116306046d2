"""The measuring side: runs one system over one dataset in its own process.

``run_worker`` is meant to be the only thing a fresh (spawned) process does:

1. pin the process to one CPU core;
2. read every page's gzip file into memory (file I/O out of the way);
3. import and build the adapter, then record the baseline RSS;
4. one warm-up call (not recorded);
5. per page: decompress and decode (untimed), then time only the adapter
   call; any exception counts as a failure with empty text;
6. record the peak RSS of the process.

The time that counts is the CPU time the process spent in the call
(``time.process_time``), not the wall-clock time (``time.perf_counter``,
kept alongside): on a shared machine the worker may wait for its core, and
that wait is not the extractor's. The extractors are single-threaded, so on
an idle core the two agree; their ratio shows how contended a run was.

Peak RSS is read from ``VmHWM`` in ``/proc/self/status``, not from
``getrusage(RUSAGE_SELF).ru_maxrss``: on Linux ``ru_maxrss`` survives
fork+exec, so a spawned worker reports at least its *parent's* high-water
mark (measured: a parent holding 300 MB made an idle spawned child report
313 MB of ru_maxrss against 15 MB of VmHWM). ``ru_maxrss`` remains the
fallback where ``/proc`` is missing, and is stored alongside for reference.

Pages stay gzip-compressed in memory until their turn so that the peak RSS
measures the extractor, not 400 MB of decompressed benchmark HTML.
"""

import gc
import gzip
import importlib
import logging
import os
import resource
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import systems

# CPU core the worker is pinned to (falls back to the first allowed core).
PIN_CORE = 0
# ru_maxrss unit: KiB on Linux, bytes on macOS.
MAXRSS_UNIT_BYTES = 1 if sys.platform == "darwin" else 1024
BYTES_PER_MB = 1024 * 1024
KIB_PER_MB = 1024
PROC_STATUS = Path("/proc/self/status")
MS_PER_S = 1000.0
# Library log records at or below this level are dropped (they flood stderr);
# library warnings (e.g. newspaper4k's "nltk is not installed") likewise.
SILENCED_LOG_LEVEL = logging.ERROR


@dataclass(frozen=True)
class PageInput:
    """What the worker needs to run one page."""

    page_id: str
    html_path: str
    url: str | None


@dataclass(frozen=True)
class WorkerTask:
    """One system on one dataset."""

    system: str
    dataset: str
    pages: list[PageInput]


@dataclass(frozen=True)
class PageRun:
    """Outcome of one timed extract call."""

    page_id: str
    text: str
    ms: float  # CPU time of the call
    wall_ms: float
    error: str | None = None


@dataclass
class WorkerResult:
    """Everything the worker measured; ``error`` set if the system never ran."""

    system: str
    dataset: str
    version: str = ""
    error: str | None = None
    pinned_core: int | None = None
    baseline_mb: float = 0.0
    peak_mb: float = 0.0
    ru_maxrss_mb: float = 0.0
    runs: list[PageRun] = field(default_factory=list)


def pin_to_one_core(preferred: int = PIN_CORE) -> int | None:
    """Pin this process to one core; None where affinity is unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = os.sched_getaffinity(0)
    core = preferred if preferred in allowed else min(allowed)
    os.sched_setaffinity(0, {core})
    return core


def _proc_status_mb(key: str) -> float | None:
    """A ``kB`` field of /proc/self/status in MB (None if unavailable)."""
    try:
        lines = PROC_STATUS.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name == key:
            return int(value.split()[0]) / KIB_PER_MB
    return None


def ru_maxrss_mb() -> float:
    """getrusage's peak RSS (inherits the parent's peak across exec on Linux)."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss * MAXRSS_UNIT_BYTES / BYTES_PER_MB


def current_rss_mb() -> float:
    """Resident set size now."""
    rss = _proc_status_mb("VmRSS")
    if rss is not None:
        return rss
    try:
        psutil = importlib.import_module("psutil")
    except ImportError:
        return ru_maxrss_mb()
    return float(psutil.Process().memory_info().rss) / BYTES_PER_MB


def peak_rss_mb() -> float:
    """Peak resident set size of this process image so far."""
    peak = _proc_status_mb("VmHWM")
    return ru_maxrss_mb() if peak is None else peak


def prepare_input(compressed: bytes, wants_bytes: bool) -> bytes | str:
    """Decompress one page; decode to str unless the adapter wants bytes."""
    raw = gzip.decompress(compressed)
    return raw if wants_bytes else raw.decode("utf-8", errors="replace")


def timed_extract(adapter: systems.Adapter, page_id: str, html: Any, url: str | None) -> PageRun:
    """Call the adapter once, timing only that call."""
    error = None
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    try:
        text = adapter.extract(html, url)
    except Exception as exc:  # noqa: BLE001 - any failure is a data point
        text, error = "", f"{type(exc).__name__}: {exc}"
    cpu_ms = (time.process_time() - cpu_start) * MS_PER_S
    wall_ms = (time.perf_counter() - wall_start) * MS_PER_S
    return PageRun(page_id, text if isinstance(text, str) else "", cpu_ms, wall_ms, error)


def _measure(adapter: systems.Adapter, task: WorkerTask, blobs: list[bytes]) -> list[PageRun]:
    """Warm up once (result discarded), then run every page."""
    if task.pages:
        first = task.pages[0]
        warm_up_html = prepare_input(blobs[0], adapter.wants_bytes)
        timed_extract(adapter, first.page_id, warm_up_html, first.url)
    runs = []
    for page, blob in zip(task.pages, blobs, strict=True):
        html = prepare_input(blob, adapter.wants_bytes)
        runs.append(timed_extract(adapter, page.page_id, html, page.url))
    return runs


def run_worker(task: WorkerTask) -> WorkerResult:
    """Entry point of the worker process (see the module docstring)."""
    logging.disable(SILENCED_LOG_LEVEL)
    warnings.simplefilter("ignore")
    result = WorkerResult(task.system, task.dataset, pinned_core=pin_to_one_core())
    blobs = [Path(page.html_path).read_bytes() for page in task.pages]
    try:
        adapter = systems.build_adapter(task.system)
    except Exception as exc:  # noqa: BLE001 - e.g. articlex not importable yet
        result.error = f"cannot load {task.system}: {type(exc).__name__}: {exc}"
        return result
    result.version = adapter.version
    gc.collect()
    result.baseline_mb = current_rss_mb()
    result.runs = _measure(adapter, task, blobs)
    result.peak_mb = peak_rss_mb()
    result.ru_maxrss_mb = ru_maxrss_mb()
    return result
