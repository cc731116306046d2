"""What the ``articlex`` command shows on standard error: progress, failures, the closing summary.

Part of the command, not the library (the library only counts, in
:class:`~articlex.batch.Progress`). On a terminal, a live line is redrawn in
place::

    [##########----------]  52%  5,210 pages  101.3 pages/s  12 errors  ETA 0:00:47

Elsewhere (a log file, CI), one plain line every :data:`PLAIN_INTERVAL_SECONDS`.
The summary line closes every run, unless ``-q``::

    articlex: 10,000 pages: 9,988 ok, 12 failed (NotHTMLError 9, ExtractionTimeoutError 3) in 98.7 s, 101.3 pages/s
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TextIO

from articlex.batch.progress import Progress

# A live line is redrawn at most this often: smooth to the eye, cheap on a
# batch that finishes hundreds of pages a second.
LIVE_REFRESH_SECONDS = 0.2
# Off a terminal, a line this often: a log's tail shows the batch is alive
# without the log filling up (360 lines for an hour's run).
PLAIN_INTERVAL_SECONDS = 10.0
# Characters of the live bar between its brackets.
BAR_WIDTH = 20
# Error kinds named in the summary; the rest are counted as "others".
SUMMARY_ERROR_KINDS = 5
SECONDS_PER_MINUTE = 60
SECONDS_PER_HOUR = 3600
PERCENT = 100

QUIET, NORMAL, VERBOSE = 0, 1, 2


class Console:
    """Progress and messages on ``stream`` (standard error), as loud as ``verbosity`` says.

    Args:
        stream: where to write.
        verbosity: :data:`QUIET` (nothing), :data:`NORMAL` (progress and the
            summary) or :data:`VERBOSE` (also one line per failed input).
        live: redraw a progress line in place (``stream`` is a terminal).
        total: how many inputs the run has, when known (asked again at each redraw:
            counting may finish while the run is under way).
    """

    def __init__(self, stream: TextIO, *, verbosity: int, live: bool, total: Callable[[], int | None]) -> None:
        self._stream = stream
        self._verbosity = verbosity
        self._live = live
        self._total = total
        self._shown_at = 0.0  # Progress.elapsed when a progress line was last written
        self._line = ""  # the live line on screen, to clear before a message

    def progress(self, progress: Progress) -> None:
        """An ``on_progress`` callback: redraw the live line, or write a plain one when it is time."""
        if self._verbosity == QUIET or progress.finished:
            return
        interval = LIVE_REFRESH_SECONDS if self._live else PLAIN_INTERVAL_SECONDS
        if progress.elapsed - self._shown_at < interval:
            return
        self._shown_at = progress.elapsed
        text = describe(progress, self._total())
        if self._live:
            self._draw(text)
        else:
            self._write(f"articlex: {text}\n")

    def failure(self, input_id: str, kind: str, message: str) -> None:
        """One failed input (shown with ``-v`` only)."""
        if self._verbosity >= VERBOSE:
            self.message(f"articlex: {input_id}: {kind}: {message}")

    def message(self, text: str) -> None:
        """A line of text, shown unless quiet; the live line is cleared first and redrawn after."""
        if self._verbosity == QUIET:
            return
        line = self._line
        self._clear()
        self._write(text.rstrip("\n") + "\n")
        if line:
            self._draw(line)

    def summary(self, progress: Progress, errors: Counter[str], skipped: int) -> None:
        """The closing line: counts, the kinds of errors, time and rate."""
        self._clear()
        if self._verbosity == QUIET:
            return
        self._write(f"articlex: {summarize(progress, errors, skipped)}\n")

    def _draw(self, text: str) -> None:
        self._write("\r" + text + " " * max(0, len(self._line) - len(text)))
        self._line = text

    def _clear(self) -> None:
        if self._line:
            self._write("\r" + " " * len(self._line) + "\r")
            self._line = ""

    def _write(self, text: str) -> None:
        self._stream.write(text)
        self._stream.flush()


def describe(progress: Progress, total: int | None) -> str:
    """One progress line: a bar and percentage when the total is known, pages, rate, errors, time left."""
    parts = []
    if total:
        share = min(1.0, progress.done / total)
        filled = round(share * BAR_WIDTH)
        parts.append(f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {share * PERCENT:3.0f}%")
    parts.append(f"{progress.done:,} pages")
    parts.append(f"{progress.rate:.1f} pages/s")
    parts.append(f"{progress.failed:,} errors")
    eta = progress.eta(total)
    if eta is not None:
        parts.append(f"ETA {clock(eta)}")
    return "  ".join(parts)


def summarize(progress: Progress, errors: Counter[str], skipped: int) -> str:
    """The summary line's text (without the ``articlex:`` prefix)."""
    pages = f"{progress.done:,} page" + ("" if progress.done == 1 else "s")
    text = f"{pages}: {progress.ok:,} ok, {progress.failed:,} failed"
    if errors:
        kinds = [f"{kind} {count:,}" for kind, count in errors.most_common(SUMMARY_ERROR_KINDS)]
        others = sum(errors.values()) - sum(count for _, count in errors.most_common(SUMMARY_ERROR_KINDS))
        if others:
            kinds.append(f"others {others:,}")
        text += f" ({', '.join(kinds)})"
    if skipped:
        text += f", {skipped:,} skipped (already in the output)"
    return text + f" in {progress.elapsed:.1f} s, {progress.rate:.1f} pages/s"


def clock(seconds: float) -> str:
    """``seconds`` as H:MM:SS."""
    whole = round(seconds)
    hours, rest = divmod(whole, SECONDS_PER_HOUR)
    minutes, secs = divmod(rest, SECONDS_PER_MINUTE)
    return f"{hours}:{minutes:02d}:{secs:02d}"
