"""The whole-fetch deadline: one clock for every hop, retry, wait and read of a fetch."""

from __future__ import annotations

import time
from dataclasses import dataclass

from articlex.errors import FetchTimeoutError


@dataclass(frozen=True, slots=True)
class Deadline:
    """A point on the monotonic clock, ``seconds`` after the fetch began."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds)

    def left(self) -> float:
        """Seconds until the deadline (negative once it has passed)."""
        return self.at - time.monotonic()

    def allows(self, wait: float) -> bool:
        """True when waiting ``wait`` seconds still ends before the deadline."""
        return wait < self.left()

    def error(self, url: str) -> FetchTimeoutError:
        """The error for ``url`` when the deadline has passed."""
        return FetchTimeoutError(url, f"no complete response within the {self.seconds:g} s deadline")

    def check(self, url: str) -> None:
        """Raise :class:`FetchTimeoutError` for ``url`` if the deadline has passed."""
        if self.left() <= 0:
            raise self.error(url)
