"""Batch scaling: pages/s of ``extract_many`` with 1 and 2 workers on 10,000 files, and their memory.

Example::

    nice -n 5 python benchmarks/batch_scaling.py --pages 10000 --jobs 1 2

Builds a directory of ``--pages`` HTML files from the benchmark pages (both
sets; decompressed once, then hard-linked under new names, so the
directory costs the disk of one copy of the set), then runs the directory
through :func:`articlex.extract_many` as the ``articlex`` command does
(:func:`articlex.batch.expand`, then the workers), once per ``--jobs`` value.

Reported per run: wall-clock seconds and pages/s, the workers' CPU seconds,
and memory over the first and the last ``--window`` pages (the last window
holds the same pages as the first, the largest of the set among them: see
:func:`page_order`), sampled every ``--sample-every`` results:

* the parent: the largest RSS sample in each window;
* the workers: the peak RSS (``VmHWM``) over the whole life of each worker
  alive in the window, the largest of them. A worker's memory grows with the
  pages it has read (the largest one, and the heap's fragmentation), so
  comparing a young worker in the first window with an old one in the last
  would show age, not growth; comparing the first generation of workers with
  the last shows whether a worker's life costs more late in a run than early.

The run passes (exit 0) when ``-j 2`` reaches ``--min-speedup`` times the
pages/s of ``-j 1`` and each figure of the last window is within
``--tolerance`` of the first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import psutil  # the bench extra

if TYPE_CHECKING:
    from articlex.batch import Progress

# ``python benchmarks/batch_scaling.py`` puts benchmarks/ on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
# Used when the full benchmark set is absent (a fresh clone): a few pages of each set.
SAMPLE_DATA = REPO / "tests" / "benchmark_sample"
DEFAULT_PAGES = 10_000
# The bar: memory compared between the first and the last thousand pages...
DEFAULT_WINDOW = 1_000
# ... within 10% ...
DEFAULT_TOLERANCE = 0.10
# ... and two workers at 1.8 times the pages/s of one.
DEFAULT_MIN_SPEEDUP = 1.8
# The largest pages of the set are put in the first and last windows (see
# page_order): the ten largest run from 5.3 MB down to 2.7 MB, and each
# lifts a worker's peak by tens of MB.
LARGEST_IN_WINDOWS = 10
# Memory is sampled after every this many results: often enough to see each
# worker of a window alive (a worker lives 1,000 pages by default), cheap (a
# few /proc reads).
DEFAULT_SAMPLE_EVERY = 25
BYTES_PER_MB = 1024 * 1024
# /proc/PID/status gives VmHWM in KiB.
KIB_PER_MB = 1024
# The comparison of -j 2 with -j 1.
TWO_JOBS = 2


@dataclass
class Window:
    """Peak memory seen over a range of results, in MB."""

    parent_mb: float = 0.0
    worker_mb: float = 0.0
    workers: dict[int, float] = field(default_factory=dict)  # pid -> the peak RSS of its life, for workers alive in it


@dataclass
class Run:
    """One run of the directory through extract_many."""

    jobs: int
    pages: int
    failed: int
    seconds: float
    pages_per_s: float
    worker_cpu_s: float
    recycled: int
    first: Window
    last: Window

    def growth(self) -> dict[str, float]:
        """How much each peak rose from the first window to the last, as a share of the first."""
        return {
            "parent": self.last.parent_mb / self.first.parent_mb - 1,
            "worker": self.last.worker_mb / self.first.worker_mb - 1,
        }


def page_order(sizes: Sequence[int], pages: int, window: int) -> list[int]:
    """Which source page each of ``pages`` files holds (indices into ``sizes``, the sources' sizes).

    A process's peak memory follows the largest page it has read. So the last
    window holds the same pages as the first, and both hold the
    :data:`LARGEST_IN_WINDOWS` largest pages of the set, spread out: the pages
    of the middle (all the sources, cycled) cannot lift a worker's peak above
    what the windows reach themselves, and a difference between the windows
    means growth, not other pages.
    """
    sources = len(sizes)
    if pages < 2 * window:
        return [n % sources for n in range(pages)]
    largest = sorted(range(sources), key=lambda n: sizes[n], reverse=True)[: min(LARGEST_IN_WINDOWS, window)]
    others = [n for n in range(sources) if n not in set(largest)]
    first = [others[n % len(others)] for n in range(window - len(largest))]
    step = window // len(largest)
    for rank, index in enumerate(largest):
        first.insert(rank * step, index)
    middle = [n % sources for n in range(pages - 2 * window)]
    return first + middle + first


def build_directory(data: Path, target: Path, pages: int, window: int) -> Path:
    """``target/pages/NNNNN.html``: ``pages`` files from the benchmark pages (:func:`page_order`); the directory."""
    sources = sorted(data.glob("*/html/*.html.gz"))
    if not sources:
        raise SystemExit(f"no benchmark pages (*/html/*.html.gz) under {data}")
    originals = target / "originals"
    originals.mkdir(parents=True, exist_ok=True)
    plain = []
    for n, source in enumerate(sources):
        path = originals / f"{n:05d}.page"  # not *.html: the walk takes only the linked names
        if not path.exists():
            path.write_bytes(gzip.decompress(source.read_bytes()))
        plain.append(path)
    directory = target / "pages"
    shutil.rmtree(directory, ignore_errors=True)  # links from another --pages or --window
    directory.mkdir()
    sizes = [path.stat().st_size for path in plain]
    for n, source_index in enumerate(page_order(sizes, pages, window)):
        link = directory / f"{n:05d}.html"
        os.link(plain[source_index], link)
    return directory


@dataclass
class Life:
    """One worker process as the samples saw it."""

    first_done: int  # results handed back at the first sample that saw it
    last_done: int  # ... and at the last
    peak_mb: float  # its peak RSS (VmHWM) at the last sample: the peak of its life so far


def _peak_mb(process: psutil.Process) -> float:
    """A process's peak RSS since it started (``VmHWM``; its current RSS where /proc has none)."""
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / KIB_PER_MB
    except OSError:
        pass
    return float(process.memory_info().rss) / BYTES_PER_MB


class Sampler:
    """An on_progress callback that samples the parent's RSS and each worker's peak, every few results."""

    def __init__(self, total: int, window: int, every: int) -> None:
        self._process = psutil.Process()
        self._total = total
        self._window = window
        self._every = every
        self._next = 0
        self.first = Window()
        self.last = Window()
        self.lives: dict[int, Life] = {}
        self.recycled = 0

    def __call__(self, progress: Progress) -> None:
        self.recycled = progress.recycled
        if progress.done < self._next:
            return
        self._next = progress.done + self._every
        rss = self._process.memory_info().rss / BYTES_PER_MB
        if progress.done <= self._window:
            self.first.parent_mb = max(self.first.parent_mb, rss)
        if progress.done >= self._total - self._window:
            self.last.parent_mb = max(self.last.parent_mb, rss)
        for child in self._process.children():
            try:
                if "spawn_main" not in " ".join(child.cmdline()):
                    continue  # multiprocessing's resource tracker, not a worker
                peak = _peak_mb(child)
            except psutil.Error:
                continue  # a worker that has just exited (recycled)
            life = self.lives.setdefault(child.pid, Life(progress.done, progress.done, peak))
            life.last_done, life.peak_mb = progress.done, peak

    def finish(self) -> None:
        """Each window's worker figure: the life peak of the workers alive in it (see the module docstring)."""
        for pid, life in self.lives.items():
            if life.first_done < self._window:
                self.first.workers[pid] = life.peak_mb
            if life.last_done > self._total - self._window:
                self.last.workers[pid] = life.peak_mb
        self.first.worker_mb = max(self.first.workers.values(), default=0.0)
        self.last.worker_mb = max(self.last.workers.values(), default=0.0)


def run(directory: Path, jobs: int, *, window: int, every: int, recycle_after: int | None) -> Run:
    """Extract every page of ``directory`` with ``jobs`` workers; time it and watch memory."""
    import resource

    from articlex.batch import DEFAULT_RECYCLE_AFTER, expand, extract_many

    total = sum(1 for _ in directory.iterdir())
    sampler = Sampler(total, window, every)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    failed = done = 0
    results = extract_many(
        expand([str(directory)]),
        jobs=jobs,
        ordered=False,
        recycle_after=recycle_after or DEFAULT_RECYCLE_AFTER,
        on_progress=sampler,
    )
    for result in results:
        done += 1
        failed += not result.ok
    seconds = time.perf_counter() - start
    sampler.finish()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (children.ru_utime + children.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
    return Run(jobs, done, failed, seconds, done / seconds, cpu, sampler.recycled, sampler.first, sampler.last)


def _report(runs: list[Run]) -> str:
    lines = [
        f"{'jobs':>4} {'pages':>6} {'failed':>6} {'s':>7} {'pages/s':>8} {'cpu s':>7} {'recycled':>8}"
        f" {'parent MB first/last':>21} {'worker MB first/last':>21}"
    ]
    for r in runs:
        lines.append(
            f"{r.jobs:>4} {r.pages:>6} {r.failed:>6} {r.seconds:7.1f} {r.pages_per_s:8.1f} {r.worker_cpu_s:7.1f}"
            f" {r.recycled:>8} {r.first.parent_mb:10.1f}/{r.last.parent_mb:<10.1f}"
            f" {r.first.worker_mb:10.1f}/{r.last.worker_mb:<10.1f}"
        )
    return "\n".join(lines)


def verdict(runs: list[Run], *, min_speedup: float, tolerance: float) -> list[str]:
    """What fails the bar (empty: it passes)."""
    problems = []
    by_jobs = {r.jobs: r for r in runs}
    if 1 in by_jobs and TWO_JOBS in by_jobs:
        speedup = by_jobs[TWO_JOBS].pages_per_s / by_jobs[1].pages_per_s
        if speedup < min_speedup:
            problems.append(f"-j 2 is {speedup:.2f}x -j 1, under {min_speedup}x")
    for r in runs:
        for who, growth in r.growth().items():
            if growth > tolerance:
                problems.append(f"-j {r.jobs}: {who} peak RSS grew {growth:.1%} from the first window to the last")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, help="benchmark data (default: ../shared/benchmarks, else the sample)")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="files in the directory")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to run")
    parser.add_argument("--window", type=int, default=DEFAULT_WINDOW, help="pages in the first and last windows")
    parser.add_argument("--sample-every", type=int, default=DEFAULT_SAMPLE_EVERY, help="results between samples")
    parser.add_argument("--recycle-after", type=int, help="pages per worker (default: the library's)")
    parser.add_argument("--min-speedup", type=float, default=DEFAULT_MIN_SPEEDUP)
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)
    parser.add_argument("--workdir", type=Path, help="keep the page directory here (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the runs here")
    args = parser.parse_args(argv)
    data = args.data or (DEFAULT_DATA if DEFAULT_DATA.exists() else SAMPLE_DATA)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="articlex-scaling-"))
    try:
        directory = build_directory(data, workdir, args.pages, args.window)
        runs = []
        for jobs in args.jobs:
            runs.append(
                run(directory, jobs, window=args.window, every=args.sample_every, recycle_after=args.recycle_after)
            )
            print(_report(runs[-1:]).splitlines()[-1], file=sys.stderr)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(_report(runs))
    problems = verdict(runs, min_speedup=args.min_speedup, tolerance=args.tolerance)
    print("\n".join(problems) or "ok: within the bar")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) | {"growth": r.growth()} for r in runs], indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
