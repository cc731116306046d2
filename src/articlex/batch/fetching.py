"""Downloads for a batch: a pool of threads in the parent, separate from the extraction workers.

Fetching is waiting on sockets, so threads suit it (no lxml runs here). Each
finished download rings a bell: a byte on a socket pair that the batch loop
waits on alongside the workers' pipes, so it wakes as soon as a page arrives.
"""

from __future__ import annotations

import contextlib
import socket
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from articlex.results import Failure, Page, Result

if TYPE_CHECKING:
    import requests

# Bytes drained from the bell at a time; each finished download writes one.
BELL_DRAIN_BYTES = 4096


def fetch_page(url: str, session: requests.Session, *, allow_private: bool) -> Page | Result:
    """The page at ``url``, or an error result with the URL as its id (``session`` made with ``allow_private``)."""
    from articlex.fetching import fetch  # lazy: the HTTP stack is needed only when a URL is given

    try:
        page = fetch(url, session=session, allow_private=allow_private).to_page()
    # A download's failure is that input's result, never the batch's end: the
    # typed FetchError kinds and anything unforeseen alike are recorded.
    except Exception as error:  # noqa: BLE001
        return Result(url, error=Failure.from_exception(error), url=url)
    return replace(page, id=url)  # the id is what was asked for, even after redirects


class Downloads:
    """Up to ``threads`` URLs fetched at once; :meth:`finished` collects the pages by key."""

    def __init__(self, threads: int, *, allow_private: bool) -> None:
        self._threads = threads
        self._allow_private = allow_private
        self._executor: ThreadPoolExecutor | None = None  # started at the first URL
        self._session: requests.Session | None = None  # connections and cookies shared by the threads
        self._pending: dict[Future[Page | Result], int] = {}
        self._bell_in, self._bell_out = socket.socketpair()
        self._bell_in.setblocking(False)
        self._bell_out.setblocking(False)

    def __enter__(self) -> Downloads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def bell(self) -> socket.socket:
        """Readable when a download has finished (for :func:`multiprocessing.connection.wait`)."""
        return self._bell_in

    def __len__(self) -> int:
        return len(self._pending)

    def submit(self, key: int, url: str) -> None:
        """Start fetching ``url``; its page comes back from :meth:`finished` under ``key``."""
        if self._executor is None or self._session is None:
            from articlex.fetching import new_session

            self._session = new_session(allow_private=self._allow_private, pool_size=self._threads)
            self._executor = ThreadPoolExecutor(self._threads, thread_name_prefix="articlex-fetch")
        future = self._executor.submit(fetch_page, url, self._session, allow_private=self._allow_private)
        self._pending[future] = key
        future.add_done_callback(self._ring)

    def finished(self) -> list[tuple[int, Page | Result]]:
        """The downloads done since the last call, with their keys."""
        try:
            while self._bell_in.recv(BELL_DRAIN_BYTES):
                pass
        except BlockingIOError:
            pass  # drained
        done = [future for future in self._pending if future.done()]
        return [(self._pending.pop(future), future.result()) for future in done]

    def close(self) -> None:
        """Drop the downloads not yet started and wait for those running."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        if self._session is not None:
            self._session.close()
        self._bell_in.close()
        self._bell_out.close()

    def _ring(self, _future: Future[Page | Result]) -> None:
        # A full buffer means the bell is already ringing; a closed one, shutdown.
        with contextlib.suppress(OSError):
            self._bell_out.send(b"\0")
