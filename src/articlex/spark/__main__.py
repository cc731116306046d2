"""The Spark job: ``python -m articlex.spark --warc 'crawl/*.warc.gz' --output articles.parquet``.

Runs in local mode on every core unless ``--master`` names a cluster (or the
job was started by ``spark-submit``, whose master it keeps). Prints a progress
line on stderr from Spark's status tracker, and a summary at the end. Exit
codes are the ``articlex`` command's: 0 every record extracted, 1 some records
failed (their rows say why), 2 usage.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import importlib.util
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from articlex.errors import MissingDependencyError
from articlex.options import Options
from articlex.spark.storage import local_path

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from articlex.spark import Tally

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

# Every core of this machine: the "local mode by default".
DEFAULT_MASTER = "local[*]"
# In local mode the driver and executors talk over loopback only: nothing is
# exposed on the machine's other addresses.
LOOPBACK = "127.0.0.1"
# In local mode the JVM only carries rows from the Python workers to Parquet,
# and its optimising (C2) compiler costs more CPU than its code saves in a job
# of minutes: CPU taken from the workers on the same cores. With C1 alone the
# JVM used 6.5 CPU seconds instead of 13.1 for 1,000 records (docs/spark.md).
# A --conf spark.driver.extraJavaOptions=... replaces it.
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"
# pyspark connects to the JVM that spark-submit started when this is set; the
# master then comes from spark-submit and is not overridden.
SUBMITTED_MARKER = "PYSPARK_GATEWAY_PORT"
# The interpreter Spark starts its Python workers with.
PYTHON_FOR_WORKERS = "PYSPARK_PYTHON"
# One task per file when there are at least this many files per core:
# reading each file once beats splitting it. Fewer files than that are split
# into runs of records so every core has work.
FILES_PER_CORE_TO_SPLIT_BELOW = 2
# 8 MiB of gzipped WARC is about 180 pages, some four seconds of extraction:
# short enough to balance two cores on one 227 MB file (28 tasks, the last
# leaves the other core idle for at most one task), long enough that a task's
# start (and its timeout worker's, about 0.2 s) is a small part of it.
DEFAULT_SPLIT = "8M"
# --split-size's units: bytes, or binary multiples.
SIZE_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
SIZE = re.compile(r"(\d+)([kmg]?)", re.IGNORECASE)
# The per-record deadline: the benchmark pages take well under a second each,
# and the CLI's default (articlex --timeout) is of the same order.
DEFAULT_TIMEOUT = 30.0
# Progress: redrawn in place every second on a terminal; a line every ten
# seconds in a log, so a long job's log stays readable.
TERMINAL_INTERVAL = 1.0
LOG_INTERVAL = 10.0
# Spark jobs of one run are grouped under this name for the status tracker.
JOB_GROUP = "articlex"
# Characters that make a local pattern a glob.
GLOB_CHARACTERS = frozenset("*?[")


def build_parser() -> argparse.ArgumentParser:
    """The job's command-line parser."""
    parser = argparse.ArgumentParser(
        prog="python -m articlex.spark",
        description="Extract articles from WARC files with Apache Spark into a Parquet dataset.",
    )
    parser.add_argument(
        "--warc",
        action="append",
        default=[],
        metavar="PATH",
        help="a WARC file, a quoted glob of local files, or a URI (s3://, s3a://, gs://, hdfs://); repeatable",
    )
    parser.add_argument(
        "--warc-list",
        metavar="FILE",
        help="a file of WARC paths or URIs, one a line (.gz read as gzip), e.g. Common Crawl's warc.paths.gz",
    )
    parser.add_argument("--prefix", default="", help="put before each --warc-list line (e.g. s3://commoncrawl/)")
    parser.add_argument("-o", "--output", required=True, help="the Parquet dataset to write (a directory)")
    parser.add_argument(
        "--mode",
        choices=("error", "overwrite", "append"),
        default="error",
        help="when the output exists: fail (default), replace it, or add to it",
    )
    parser.add_argument("--master", help=f"Spark master URL (default: spark-submit's, else {DEFAULT_MASTER})")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds one record may take; 0 for no limit (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--split-size",
        type=_size,
        metavar="SIZE",
        help="bytes of a gzipped WARC per task, e.g. 64M (split files); 0 for one task per file "
        f"(default: {DEFAULT_SPLIT} with fewer than {FILES_PER_CORE_TO_SPLIT_BELOW} files a core, else 0)",
    )
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting; repeatable")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    return parser


def _size(text: str) -> int:
    """A size in bytes from ``8M``, ``512K``, ``1G`` or a plain number of bytes."""
    found = SIZE.fullmatch(text.strip())
    if found is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 8M, 512K, 1G, or bytes)")
    return int(found.group(1)) * SIZE_UNITS[found.group(2).upper()]


def _read_list(path: str, prefix: str) -> Iterator[str]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = line.strip()
            if entry and not entry.startswith("#"):
                yield prefix + entry


def _expand(pattern: str) -> list[str]:
    """Local globs expanded as a shell would (so ids match ``articlex`` run on the same files); others kept."""
    local = local_path(pattern)
    if local is None or not GLOB_CHARACTERS & set(local):
        return [pattern]
    return sorted(glob.glob(local))


def warc_paths(patterns: Sequence[str], listing: str | None, prefix: str) -> list[str]:
    """Every WARC path the arguments name, in order."""
    paths = [path for pattern in patterns for path in _expand(pattern)]
    if listing is not None:
        paths.extend(_read_list(listing, prefix))
    return paths


def _missing_requirement(master: str | None) -> str | None:
    """Why the job cannot start here (pyspark not installed, no Java for local mode), or None."""
    if importlib.util.find_spec("pyspark") is None:
        return str(MissingDependencyError("the Spark job", "pyspark", "spark"))
    local = (master or DEFAULT_MASTER).startswith("local") and SUBMITTED_MARKER not in os.environ
    if local and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Spark needs a Java runtime (17 works): e.g. apt-get install openjdk-17-jre-headless"
    return None


def _session(master: str | None, settings: Sequence[str]) -> SparkSession:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("articlex").config("spark.ui.showConsoleProgress", "false")
    if master is None and SUBMITTED_MARKER not in os.environ:
        master = DEFAULT_MASTER
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        builder = builder.config("spark.driver.host", LOOPBACK).config("spark.driver.bindAddress", LOOPBACK)
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
        # Local Python workers run this interpreter (pyspark's default is
        # "python3" on PATH, which may lack articlex); PYSPARK_PYTHON still wins.
        os.environ.setdefault(PYTHON_FOR_WORKERS, sys.executable)
    for setting in settings:
        key, _, value = setting.partition("=")
        builder = builder.config(key.strip(), value.strip())
    return builder.getOrCreate()


@contextmanager
def _progress(session: SparkSession, tally: Tally, started: float, quiet: bool) -> Iterator[None]:
    """Print the progress line on stderr while the body runs (nothing with ``quiet``)."""
    from articlex.spark.progress import snapshot

    stop = threading.Event()
    terminal = sys.stderr.isatty()
    interval = TERMINAL_INTERVAL if terminal else LOG_INTERVAL

    def report() -> None:
        while not stop.wait(interval):
            now = snapshot(session.sparkContext, JOB_GROUP, tally, time.monotonic() - started)
            line = f"articlex.spark: {now.line()}"
            print(f"\r{line}" if terminal else line, end="" if terminal else "\n", file=sys.stderr, flush=True)

    thread = threading.Thread(target=report, name="articlex-progress", daemon=True)
    if not quiet:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        if thread.is_alive():
            thread.join()
            if terminal:
                print(file=sys.stderr)


def _bytes_per_task(asked: int | None, files: int, cores: int) -> int | None:
    if asked is None:
        asked = _size(DEFAULT_SPLIT) if files < FILES_PER_CORE_TO_SPLIT_BELOW * cores else 0
    return asked or None


def run(session: SparkSession, paths: Sequence[str], args: argparse.Namespace) -> int:
    """Extract ``paths`` into ``args.output``; return the exit code."""
    from articlex.spark import Tally, WarcSlice, extract_slices
    from articlex.spark.partition import split_file

    context = session.sparkContext
    context.setJobGroup(JOB_GROUP, f"articlex: {len(paths):,} WARC files to {args.output}")
    tally = Tally.create(context)
    started = time.monotonic()
    with _progress(session, tally, started, args.quiet):
        per_task = _bytes_per_task(args.split_size, len(paths), context.defaultParallelism)
        if per_task is None:
            slices = [WarcSlice(path) for path in paths]
        else:  # cut on the driver, from each file's size and first bytes (few files)
            slices = [piece for path in paths for piece in split_file(path, per_task)]
        articles = extract_slices(session, slices, timeout=args.timeout or None, options=Options(), tally=tally)
        articles.write.mode(args.mode).parquet(args.output)
    seconds = time.monotonic() - started
    records, errors = tally.pages.value, tally.errors.value
    if not args.quiet:
        rate = records / seconds if seconds > 0 else 0.0
        print(
            f"articlex.spark: {records:,} records ({errors:,} errors) in {seconds:.1f} s, "
            f"{rate:.1f} records/s -> {args.output}",
            file=sys.stderr,
        )
    return EXIT_SOME_FAILED if errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.warc_list is not None and not Path(args.warc_list).is_file():
        parser.error(f"--warc-list: no such file: {args.warc_list}")
    paths = warc_paths(args.warc, args.warc_list, args.prefix)
    if not paths:
        parser.error("no WARC files: give --warc PATH (a glob matching something) or --warc-list FILE")
    if any("=" not in setting for setting in args.conf):
        parser.error("--conf takes KEY=VALUE")
    if args.timeout < 0:
        parser.error("--timeout takes 0 or more")
    missing = _missing_requirement(args.master)
    if missing:
        print(f"articlex.spark: {missing}", file=sys.stderr)
        return EXIT_USAGE
    from pyspark.errors import AnalysisException

    session = _session(args.master, args.conf)
    try:
        return run(session, paths, args)
    except AnalysisException as error:  # what was asked cannot be done: the output exists, say
        print(f"articlex.spark: {str(error).splitlines()[0]}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        session.stop()


if __name__ == "__main__":
    sys.exit(main())
