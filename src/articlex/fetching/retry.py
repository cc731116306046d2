"""When a fetch asks again: which statuses, and how long it waits first."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime
from http import HTTPStatus

# Each wait is this many times the one before (exponential backoff).
BACKOFF_GROWTH = 2.0
# A server asking to be retried later than this is not waited for: a fetch would
# hold a worker that long, and the caller can come back to the URL later.
MAX_RETRY_AFTER = 10.0


def retryable(status: int) -> bool:
    """True for 429 and every 5xx: the server is busy or broken now and may answer later."""
    return status == HTTPStatus.TOO_MANY_REQUESTS or status >= HTTPStatus.INTERNAL_SERVER_ERROR


def retry_wait(headers: Mapping[str, str], attempt: int, backoff: float) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``, or ``None`` when the server asks for too long.

    The wait is ``backoff * 2 ** attempt``, or the response's ``Retry-After``
    when that is longer and at most :data:`MAX_RETRY_AFTER`.
    """
    wait = backoff * BACKOFF_GROWTH**attempt
    asked = retry_after(headers.get("Retry-After"))
    if asked is None:
        return wait
    return max(wait, asked) if asked <= MAX_RETRY_AFTER else None


def retry_after(value: str | None) -> float | None:
    """A ``Retry-After`` value (seconds, or an HTTP date) as seconds from now; ``None`` if absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
