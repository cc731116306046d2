"""Batch scaling: pages/s of ``extract_many`` with 1 and 2 workers on 10,000 files, and their memory.

Example::

    nice -n 5 python benchmarks/batch_scaling.py --pages 10000 --jobs 1 2

Builds a directory of ``--pages`` HTML files from the benchmark pages (both
sets; decompressed once, then hard-linked under new names, so the
directory costs the disk of one copy of the set), then runs the directory
through :func:`articlex.extract_many` as the ``articlex`` command does
(:func:`articlex.batch.expand`, then the workers), once per ``--jobs`` value.

Reported per run: wall-clock seconds and pages/s, the workers' CPU seconds,
and memory: the peak RSS of the parent and of the workers over the first and
the last ``--window`` pages: the largest of the RSS samples taken every
``--sample-every`` results (the parent's, and each worker's). The last window
holds the same pages as the first (see :func:`page_order`). The run passes
(exit 0) when ``-j 2`` reaches ``--min-speedup`` times the pages/s of ``-j 1``
and each peak over the last window is within ``--tolerance`` of the first.
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
# Memory is sampled after every this many results: often enough to see each
# worker of a window alive (a worker lives 1,000 pages by default), cheap (a
# few /proc reads).
DEFAULT_SAMPLE_EVERY = 25
BYTES_PER_MB = 1024 * 1024
# The comparison of -j 2 with -j 1.
TWO_JOBS = 2


@dataclass
class Window:
    """Peak memory seen over a range of results, in MB."""

    parent_mb: float = 0.0
    worker_mb: float = 0.0
    workers: dict[int, float] = field(default_factory=dict)  # pid -> its largest RSS sample in the window


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


def page_order(sources: int, pages: int, window: int) -> list[int]:
    """Which source page each of ``pages`` files holds: the last window repeats the first, the middle cycles all.

    Peak memory follows the largest page a process has read, so the two windows
    compared must hold the same pages for a difference to mean growth.
    """
    if pages < 2 * window:
        return [n % sources for n in range(pages)]
    first = [n % sources for n in range(window)]
    middle = [n % sources for n in range(window, pages - window)]
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
    directory = target / f"pages-{pages}-{window}"
    directory.mkdir(exist_ok=True)
    for n, source_index in enumerate(page_order(len(plain), pages, window)):
        link = directory / f"{n:05d}.html"
        if not link.exists():
            os.link(plain[source_index], link)
    return directory


class Sampler:
    """An on_progress callback that records peak memory in the first and last windows of a run."""

    def __init__(self, total: int, window: int, every: int) -> None:
        self._process = psutil.Process()
        self._total = total
        self._window = window
        self._every = every
        self._next = 0
        self.first = Window()
        self.last = Window()
        self.recycled = 0

    def __call__(self, progress: Progress) -> None:
        self.recycled = progress.recycled
        if progress.done < self._next:
            return
        self._next = progress.done + self._every
        if progress.done <= self._window:
            self._sample(self.first)
        if progress.done >= self._total - self._window:
            self._sample(self.last)

    def _sample(self, window: Window) -> None:
        window.parent_mb = max(window.parent_mb, self._process.memory_info().rss / BYTES_PER_MB)
        for child in self._process.children():
            try:
                if "spawn_main" not in " ".join(child.cmdline()):
                    continue  # multiprocessing's resource tracker, not a worker
                rss = child.memory_info().rss / BYTES_PER_MB
            except psutil.Error:
                continue  # a worker that has just exited (recycled)
            window.workers[child.pid] = max(rss, window.workers.get(child.pid, 0.0))
        window.worker_mb = max(window.workers.values(), default=0.0)


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
