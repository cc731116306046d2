"""requests' and urllib3's exceptions, translated into articlex's fetch errors.

No exception of theirs leaves :func:`~articlex.fetching.fetch`: each one that
sending a request or reading a body can raise is mapped here to a
:class:`~articlex.errors.FetchError` subclass, the original kept as its cause.
"""

from __future__ import annotations

import requests
import urllib3.exceptions

from articlex.errors import (
    FetchConnectionError,
    FetchError,
    MalformedResponseError,
    UnsupportedURLError,
)
from articlex.fetching.deadline import Deadline

# The errors of requests that say a URL cannot be sent at all, whatever the network does.
_BAD_URL = (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema)
# Everything that can go wrong on the wire: what ``translate`` accepts.
TRANSPORT_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError)


def translate(url: str, error: requests.RequestException | urllib3.exceptions.HTTPError, clock: Deadline) -> FetchError:
    """The fetch error for ``error``, raised while fetching ``url`` under ``clock``."""
    if _is_timeout(error):
        return clock.error(url)
    if isinstance(error, _BAD_URL):
        return UnsupportedURLError(url, f"not a URL that can be fetched: {error}")
    if isinstance(error, requests.exceptions.ContentDecodingError | urllib3.exceptions.DecodeError):
        return MalformedResponseError(url, f"the body does not decode as its Content-Encoding says: {error}")
    if isinstance(error, requests.exceptions.SSLError | urllib3.exceptions.SSLError):
        return FetchConnectionError(url, f"TLS failed: {error}")
    return FetchConnectionError(url, str(error))


def _is_timeout(error: BaseException) -> bool:
    """True when ``error`` is, or wraps, a timeout (requests wraps urllib3's in a ConnectionError)."""
    seen: BaseException | None = error
    while seen is not None:
        # urllib3 files a refused connection (NewConnectionError) under its timeouts.
        refused = isinstance(seen, urllib3.exceptions.NewConnectionError)
        if isinstance(seen, requests.Timeout | urllib3.exceptions.TimeoutError) and not refused:
            return True
        wrapped = seen.args[0] if seen.args else None
        if isinstance(wrapped, urllib3.exceptions.MaxRetryError):
            wrapped = wrapped.reason
        seen = wrapped if isinstance(wrapped, BaseException) else None
    return False
