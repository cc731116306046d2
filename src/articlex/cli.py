"""The ``articlex`` command: extract articles from files, directories, URLs, standard input and WARC files.

The command is a thin layer: :func:`articlex.batch.expand` turns its arguments
into inputs, :func:`articlex.extract_many` extracts them in worker processes,
:mod:`articlex.writers` writes one row per input and :mod:`articlex.console`
shows progress on standard error. ``docs/cli.md`` has examples; the options
are documented by :func:`build_parser` (the docs' reference is generated from it).

Exit codes: 0 every input gave an article, 1 some did not (each has an error
row in the output), 2 the command line was wrong (nothing was extracted).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from articlex.api import extract
from articlex.batch import DEFAULT_FETCH_JOBS, DEFAULT_PATTERNS, DEFAULT_RECYCLE_AFTER, Input, extract_many
from articlex.batch.inputs import STDIN, count, expand, input_id, read_input_list
from articlex.batch.progress import Progress
from articlex.batch.tasks import Extractor, read_file
from articlex.console import NORMAL, QUIET, VERBOSE, Console
from articlex.errors import ArticlexError, MissingDependencyError, OutputError
from articlex.options import Options
from articlex.results import Failure, Page, Result
from articlex.writers import FORMATS, Writer, done_ids, open_writer

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
# The shell's code for a command ended by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
# A page's extraction is stopped after this many seconds by default: real pages
# take well under a second and hostile ones are cut by Options' limits within a
# few seconds, so only a hang (a parser bug) reaches it, even on a busy machine.
DEFAULT_TIMEOUT_SECONDS = 60.0


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser (public: the CLI reference in the docs is generated from it)."""
    parser = argparse.ArgumentParser(
        prog="articlex",
        description="Extract structured articles from web pages: files, directories, URLs, standard input, WARC files.",
        epilog="Exit codes: 0 all inputs extracted, 1 some failed (error rows in the output), 2 usage error.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="an HTML file, a directory (searched recursively), an http(s):// URL, - for standard input, "
        "or a WARC/ARC file (.warc, .warc.gz, .arc.gz: recognised by content)",
    )
    _add_input_options(parser)
    _add_output_options(parser)
    _add_run_options(parser)
    return parser


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("inputs")
    group.add_argument("--input-list", metavar="FILE", help="read more inputs from FILE, one a line (- for stdin)")
    group.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file names to take from directories, case-insensitive; repeat for several "
        f"(default: {' '.join(DEFAULT_PATTERNS)})",
    )
    group.add_argument("-u", "--url", help="the page's URL, to resolve relative links (one file or - only)")
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach loopback, private and link-local addresses (refused by default)",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "-f", "--format", choices=FORMATS, default="json", help="output format (default: json, an indented array)"
    )
    group.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    group.add_argument(
        "--output-dir", metavar="DIR", help="write one file per page into DIR (errors in DIR/errors.jsonl)"
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs whose rows are already in -o/--output-dir and append the rest (jsonl, csv, md, txt)",
    )
    group.add_argument(
        "--ordered", action="store_true", help="write rows in input order (default: as pages finish, which is faster)"
    )
    group.add_argument(
        "--explain",
        action="store_true",
        help="print to stderr why each node and block was removed or kept (the rows still go to the output)",
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("running")
    group.add_argument(
        "-j", "--jobs", type=_positive_int, default=_cpus(), help="worker processes (default: the CPUs available)"
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"stop a page's extraction after this long, killing its worker (default: {DEFAULT_TIMEOUT_SECONDS:g}; "
        "0: never)",
    )
    group.add_argument(
        "--recycle-after",
        type=_positive_int,
        default=DEFAULT_RECYCLE_AFTER,
        metavar="N",
        help=f"replace each worker after N pages, which keeps memory flat (default: {DEFAULT_RECYCLE_AFTER:,})",
    )
    group.add_argument(
        "--fetch-jobs",
        type=_positive_int,
        default=DEFAULT_FETCH_JOBS,
        metavar="N",
        help=f"concurrent downloads of URL inputs (default: {DEFAULT_FETCH_JOBS})",
    )
    loudness = group.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="store_true", help="also report each failed input on stderr")
    loudness.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary on stderr")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class UsageError(Exception):
    """The command line asks for something impossible (exit code 2)."""


def main(argv: Sequence[str] | None = None, *, extractor: Extractor = extract) -> int:
    """Run the command; return its exit code (0 ok, 1 some inputs failed, 2 usage).

    ``extractor`` replaces :func:`articlex.extract` in the workers (a module-level
    function with its signature), for programs that wrap the command.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's usage errors (2) and --help (0)
        return int(stop.code or 0)
    handler = _library_logging(args.verbose)
    try:
        return _run(args, extractor)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"articlex: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\narticlex: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`articlex ... | head`): stop quietly, and keep
        # Python from complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED
    finally:
        logging.getLogger("articlex").removeHandler(handler)


def _library_logging(verbose: bool) -> logging.Handler:
    """Show the library's log records on stderr with ``-v`` (workers killed or dead); nothing otherwise."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("articlex: %(message)s"))
    handler.setLevel(logging.INFO if verbose else logging.CRITICAL + 1)
    logger = logging.getLogger("articlex")
    logger.addHandler(handler)
    if verbose and logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def _run(args: argparse.Namespace, extractor: Extractor) -> int:
    specs = _Specs(args.inputs, args.input_list)
    _check(args, specs)
    patterns = tuple(args.glob or DEFAULT_PATTERNS)
    stream = expand(specs.names(), patterns=patterns)
    if args.url:
        stream = _with_url(stream, args.url)
    skip = _Skip(stream, _done(args) if args.resume else set())
    total = _Total(specs, patterns) if not args.quiet else None
    verbosity = QUIET if args.quiet else VERBOSE if args.verbose else NORMAL
    console = Console(sys.stderr, verbosity=verbosity, live=sys.stderr.isatty(), total=lambda: _left(total, skip))
    recorder = _Recorder(console)
    with _writer(args) as writer:
        results = extract_many(
            skip,
            jobs=args.jobs,
            timeout=args.timeout if args.timeout > 0 else None,
            options=Options(trace=args.explain),
            ordered=args.ordered,
            recycle_after=args.recycle_after,
            fetch_jobs=args.fetch_jobs,
            allow_private=args.allow_private,
            on_progress=recorder,
            extractor=extractor,
        )
        errors = _write_all(results, writer, console, explain=args.explain)
    console.summary(recorder.last, errors, skip.skipped)
    return EXIT_SOME_FAILED if recorder.last.failed else EXIT_OK


class _Specs:
    """What the command line names: the positional inputs, then the lines of ``--input-list``."""

    def __init__(self, inputs: list[str], input_list: str | None) -> None:
        self.inputs = inputs
        self.input_list = input_list
        if input_list not in (None, STDIN) and not os.path.isfile(input_list):
            raise UsageError(f"--input-list {input_list}: no such file")

    def names(self) -> Iterator[str]:
        """Every input named, lazily (a list file is read as it is used)."""
        yield from self.inputs
        if self.input_list == STDIN:
            yield from read_input_list(sys.stdin)
        elif self.input_list is not None:
            with open(self.input_list, encoding="utf-8", errors="surrogateescape") as lines:
                yield from read_input_list(lines)

    @property
    def countable(self) -> bool:
        """True when the inputs can be counted before the run (no standard input in them)."""
        return self.input_list != STDIN and STDIN not in self.inputs


def _check(args: argparse.Namespace, specs: _Specs) -> None:
    """Refuse what cannot work, before anything runs."""
    if not specs.inputs and specs.input_list is None:
        raise UsageError("name at least one input (a file, a directory, a URL, -) or give --input-list")
    if args.inputs.count(STDIN) + (args.input_list == STDIN) > 1:
        raise UsageError("standard input (-) can be read only once")
    if args.url and (len(specs.inputs) != 1 or specs.input_list is not None or os.path.isdir(specs.inputs[0])):
        raise UsageError("--url goes with exactly one input: a file or -")
    if args.resume and not (args.output or args.output_dir):
        raise UsageError("--resume needs the output to continue: -o FILE or --output-dir DIR")


def _with_url(stream: Iterable[Input], url: str) -> Iterator[Input]:
    """The inputs, each a page located at ``url`` (``--url``: there is one)."""
    options = Options()
    for item in stream:
        if isinstance(item, Page):
            yield replace(item, url=url)
        elif isinstance(item, str):
            try:
                yield Page(item, read_file(item, options.max_input_bytes), url=url)
            except (OSError, ArticlexError) as error:
                yield Result(item, error=Failure.from_exception(error), url=url)
        else:
            yield item


class _Skip:
    """The inputs minus those whose ids are in ``done`` (``--resume``), counting what it skipped."""

    def __init__(self, stream: Iterable[Input], done: set[str]) -> None:
        self._stream = stream
        self._done = done
        self.skipped = 0

    def __iter__(self) -> Iterator[Input]:
        for item in self._stream:
            if self._done and input_id(item) in self._done:
                self.skipped += 1
            else:
                yield item


class _Total:
    """The number of inputs, counted in a background thread (for the ETA); ``None`` until known or if unknowable."""

    def __init__(self, specs: _Specs, patterns: tuple[str, ...]) -> None:
        self.value: int | None = None
        if specs.countable:
            # A daemon thread: a count still walking a huge tree must not keep the command alive.
            threading.Thread(target=self._count, args=(specs, patterns), name="articlex-count", daemon=True).start()

    def _count(self, specs: _Specs, patterns: tuple[str, ...]) -> None:
        self.value = count(specs.names(), patterns=patterns)


def _left(total: _Total | None, skip: _Skip) -> int | None:
    """Inputs in the run, less those skipped, when counted."""
    if total is None or total.value is None:
        return None
    return total.value - skip.skipped


class _Recorder:
    """Passes progress to the console and keeps the last report for the summary."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self.last = Progress()

    def __call__(self, progress: Progress) -> None:
        self.last = progress
        self._console.progress(progress)


def _done(args: argparse.Namespace) -> set[str]:
    try:
        return done_ids(args.format, args.output_dir or args.output)
    except (OutputError, OSError) as error:
        raise UsageError(f"--resume: {error}") from error


def _writer(args: argparse.Namespace) -> Writer:
    try:
        return open_writer(args.format, args.output, output_dir=args.output_dir, append=args.resume)
    except (OutputError, MissingDependencyError) as error:
        raise UsageError(str(error)) from error
    except OSError as error:
        raise UsageError(f"cannot write the output: {error}") from error


def _write_all(results: Iterable[Result], writer: Writer, console: Console, *, explain: bool) -> Counter[str]:
    """Write a row per result; report failures (and traces with ``--explain``); count errors by kind."""
    errors: Counter[str] = Counter()
    for result in results:
        writer.write(result)
        if result.error is not None:
            errors[result.error.type] += 1
            console.failure(result.id, result.error.type, result.error.message)
        elif explain and result.article is not None:
            article = result.article
            lines = [f"== {result.id}: confidence {article.confidence:.3f}", *(str(step) for step in article.trace)]
            console.message("\n".join(lines))
    return errors


if __name__ == "__main__":
    sys.exit(main())
