"""Fetching pages over HTTP(S) for extraction: :func:`fetch` and the session it can share.

::

    from articlex.fetching import fetch

    response = fetch("https://example.org/news/story")
    article = articlex.extract(response.body, url=response.final_url, content_type=response.content_type)

========================  ====================================================
module                    job
========================  ====================================================
``client.py``             ``fetch()``: hops, redirects, retries, the result
``addresses.py``          which addresses may be reached (``AddressPolicy``)
``transport.py``          connections that check their peer and stop at the deadline
``body.py``               the final response's headers judged, its body read within the cap
``retry.py``              which statuses are retried and how long to wait
``deadline.py``           the whole-fetch deadline
``failures.py``           requests' and urllib3's errors as articlex fetch errors
``response.py``           ``Response``, what a fetch returns
========================  ====================================================
"""

from __future__ import annotations

from articlex.fetching.client import (
    DEFAULT_BACKOFF,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_RETRIES,
    DEFAULT_USER_AGENT,
    fetch,
)
from articlex.fetching.response import Response
from articlex.fetching.transport import new_session

__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "DEFAULT_RETRIES",
    "DEFAULT_USER_AGENT",
    "Response",
    "fetch",
    "new_session",
]
