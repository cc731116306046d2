"""How far a batch has got: a snapshot handed to ``on_progress`` callbacks.

The library only counts; showing the counts (a bar on a terminal, a line now
and then in a log) is the command's job (``articlex.console``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """A batch's counts at one moment.

    Attributes:
        done: results handed to the caller so far (one per input).
        failed: of those, results holding an error.
        elapsed: seconds since the batch started.
        in_flight: inputs taken from the input stream and not yet handed back.
        timed_out: workers killed at the per-page deadline.
        crashed: workers that died while extracting a page.
        recycled: workers retired after their share of pages.
        finished: the last snapshot of the batch: every input is done.
    """

    done: int = 0
    failed: int = 0
    elapsed: float = 0.0
    in_flight: int = 0
    timed_out: int = 0
    crashed: int = 0
    recycled: int = 0
    finished: bool = False

    @property
    def ok(self) -> int:
        """Results holding an article."""
        return self.done - self.failed

    @property
    def rate(self) -> float:
        """Results per second since the start (0 before the first second's worth is measurable)."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def eta(self, total: int | None) -> float | None:
        """Seconds left at the current rate, when the number of inputs is known and a rate exists."""
        if total is None or self.rate <= 0:
            return None
        return max(0, total - self.done) / self.rate
