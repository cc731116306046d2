"""Turning what a user names (files, directories, URLs, ``-``, WARC files) into a lazy stream of inputs.

:func:`expand` is where a directory is walked and a WARC file is opened;
:func:`~articlex.extract_many` takes the stream it makes. Nothing is read
ahead: a directory of a million files or a 50 GB WARC costs the memory of one
directory listing or one record at a time.

* A URL (``http://``, ``https://``) passes through, to be fetched by ``extract_many``.
* A file is sniffed by its first bytes: a WARC or ARC file (gzipped or not,
  whatever its name) becomes one :class:`~articlex.results.Page` per HTML
  response record; any other file passes through as its path (the worker reads
  it, so a missing or unreadable file becomes that input's error result there).
* A directory is walked recursively, in name order, for files whose name matches
  one of the patterns (case-insensitive); symbolic links to directories are not
  followed (no loops). A directory that cannot be listed yields an error result.
* ``-`` is standard input: a WARC stream, or one page with the id ``-``.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from typing import BinaryIO

from articlex.batch.runner import Input, is_url
from articlex.errors import InputTooLargeError
from articlex.options import DEFAULT_MAX_INPUT_BYTES
from articlex.results import Failure, Page, Result
from articlex.warc import SNIFF_BYTES, is_warc, iter_file, iter_pages  # warcio itself is imported on use

#: The files taken from a directory unless other patterns are given: pages and web archives.
DEFAULT_PATTERNS = ("*.html", "*.htm", "*.xhtml", "*.shtml", "*.warc", "*.warc.gz", "*.arc", "*.arc.gz")
#: The name that stands for standard input.
STDIN = "-"


def expand(
    specs: Iterable[str],
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> Iterator[Input]:
    """The inputs that ``specs`` (paths, directories, URLs, ``-``) name, lazily, in order.

    Args:
        specs: what the user named, one input each.
        patterns: shell patterns for the file names taken from directories.
        stdin: the stream ``-`` stands for (standard input's bytes if ``None``).
        max_bytes: a page read here (standard input, an archive's record) may be no
            larger: a larger one gives an error result. Files are read by the workers.
    """
    wanted = tuple(p.lower() for p in patterns)
    for spec in specs:
        if spec == STDIN:
            yield from _stdin(stdin, max_bytes)
        elif is_url(spec):
            yield spec
        elif os.path.isdir(spec):
            for path in _walk(spec, wanted):
                if isinstance(path, Result):
                    yield path
                else:
                    yield from _file(path, max_bytes)
        else:
            yield from _file(spec, max_bytes)


def count(specs: Iterable[str], *, patterns: Iterable[str] = DEFAULT_PATTERNS) -> int | None:
    """How many inputs ``specs`` make, or ``None`` when that cannot be known without reading them.

    Standard input and web archives (whose records are counted only by reading
    them) make the count unknown. Walks directories but reads no file beyond
    its first bytes.
    """
    wanted = tuple(p.lower() for p in patterns)
    total = 0
    for spec in specs:
        if spec == STDIN:
            return None
        if is_url(spec):
            total += 1
            continue
        paths: Iterable[str | Result] = _walk(spec, wanted) if os.path.isdir(spec) else (spec,)
        for path in paths:
            if isinstance(path, str) and _is_archive(path):
                return None
            total += 1
    return total


def input_id(item: Input) -> str:
    """The id an input's result will carry."""
    if isinstance(item, Page | Result):
        return item.id
    return os.fspath(item)


def read_input_list(stream: Iterable[str]) -> Iterator[str]:
    """The inputs named in a list, one a line; blank lines are skipped, spaces around a name dropped."""
    for line in stream:
        name = line.strip()
        if name:
            yield name


def _file(path: str, max_bytes: int) -> Iterator[Input]:
    if _is_archive(path):
        yield from iter_file(path, max_bytes=max_bytes)
    else:
        yield path


def _is_archive(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False  # not readable here: the worker reports why
    return is_warc(head)


def _walk(top: str, patterns: tuple[str, ...]) -> Iterator[str | Result]:
    """Files under ``top`` whose lower-cased name matches a pattern, depth first in name order."""
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield Result(directory, error=Failure.from_exception(error))
            continue
        subdirectories = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                subdirectories.append(entry.path)
            elif entry.is_file() and any(fnmatchcase(entry.name.lower(), p) for p in patterns):
                yield entry.path
        stack.extend(reversed(subdirectories))


def _stdin(stream: BinaryIO | None, max_bytes: int) -> Iterator[Input]:
    source: BinaryIO = stream if stream is not None else sys.stdin.buffer
    head = source.read(SNIFF_BYTES)
    if is_warc(head):
        yield from iter_pages(io.BufferedReader(_Prefixed(head, source)), STDIN, max_bytes=max_bytes)
        return
    rest = source.read(max_bytes + 1 - len(head))
    data = head + rest
    if len(data) > max_bytes:
        yield Result(STDIN, error=Failure.from_exception(InputTooLargeError(len(data), max_bytes)))
        return
    yield Page(STDIN, data)


class _Prefixed(io.RawIOBase):
    """A stream that gives ``head`` and then the rest of ``rest``: sniffed bytes put back."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        size = len(buffer)
        if self._head:
            chunk, self._head = self._head[:size], self._head[size:]
        else:
            chunk = self._rest.read(size)
        buffer[: len(chunk)] = chunk
        return len(chunk)
