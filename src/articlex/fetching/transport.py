"""The connection layer under requests: checked peers and reads that end at the fetch's deadline.

Two things cannot be done from above requests, so they are done in the
connections it uses (a requests ``HTTPAdapter`` whose urllib3 pool makes these
connection classes):

- **The connected peer is checked.** ``fetch`` refuses a host whose addresses
  are off limits before connecting, but a name can resolve differently a moment
  later (DNS rebinding). Right after the TCP connection is made, and before a
  byte is sent, the peer's address is classified; an address the policy refuses
  closes the socket and raises :class:`RefusedPeer`. (It is no ``OSError``, so
  urllib3 and requests let it through unwrapped.)
- **Every read ends at the deadline.** Socket timeouts apply to each ``recv``,
  so a server trickling a byte every few seconds never trips them. The response
  reads its socket through :class:`_DeadlineReader`, which sets the socket's
  timeout to the time left before each ``recv``: headers and body alike stop
  at the deadline. The deadline is the read timeout urllib3 sets on the socket
  just before reading the response, which ``fetch`` makes the time left
  (urllib3's ``Timeout(total=...)`` minus the time spent connecting).
"""

from __future__ import annotations

import http.client
import io
import socket
import time
from collections.abc import Iterable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection

from articlex.fetching.addresses import AddressPolicy

# Connections kept open per host. requests' own default; a batch fetching many
# pages of one site at once should pass its worker count to new_session().
DEFAULT_POOL_SIZE = 10


class RefusedPeer(Exception):  # noqa: N818 - internal signal, turned into ForbiddenAddressError by the client
    """A connection reached an address the policy refuses; raised before anything was sent."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} connected to {address}, a {kind} address")
        self.host = host
        self.address = address
        self.kind = kind


def _checked_peer(sock: socket.socket, host: str, policy: AddressPolicy) -> socket.socket:
    """``sock`` if its peer is an address ``policy`` allows for ``host``; else close it and raise."""
    address = str(sock.getpeername()[0])
    kind = policy.refusal(host, address)
    if kind is not None:
        sock.close()
        raise RefusedPeer(host, address, kind)
    return sock


class _DeadlineReader(io.RawIOBase):
    """A socket read so that no ``recv`` waits past ``deadline`` (a ``time.monotonic`` value)."""

    def __init__(self, sock: socket.socket, deadline: float | None) -> None:
        super().__init__()
        self._sock = sock
        # The socket's own unbuffered file, as http.client would have made: while it is
        # open the descriptor stays open, even after the connection closes the socket
        # (http.client does that at once for a response that ends the connection).
        self._file = sock.makefile("rb", buffering=0)
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        if self._deadline is not None:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the fetch's deadline passed while reading the response")
            self._sock.settimeout(left)
        return self._file.readinto(buffer)

    def close(self) -> None:
        self._file.close()
        super().close()


class _DeadlineSocket:
    """What ``http.client.HTTPResponse`` is given instead of the socket: it only calls ``makefile``."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        # urllib3 has just set the socket's timeout to the read timeout: the time left.
        timeout = sock.gettimeout()
        self._deadline = None if timeout is None else time.monotonic() + timeout

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _DeadlineResponse(http.client.HTTPResponse):
    """An ``http.client`` response whose every read stops at the deadline."""

    def __init__(self, sock: socket.socket, debuglevel: int = 0, method: str | None = None, url: str | None = None):
        # http.client only calls sock.makefile("rb"); the stand-in gives it the bounded reader.
        super().__init__(_DeadlineSocket(sock), debuglevel, method, url)  # type: ignore[arg-type]


class _PeerCheck:
    """Mixed into urllib3's connections: the connected peer is checked before anything is sent
    (for HTTPS, before the TLS handshake: not even a ClientHello goes to a refused peer)."""

    host: str

    def __init__(self, *args: Any, address_policy: AddressPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._address_policy = address_policy

    def _new_conn(self) -> socket.socket:
        return _checked_peer(super()._new_conn(), self.host, self._address_policy)  # type: ignore[misc]


class _GuardedHTTPConnection(_PeerCheck, HTTPConnection):
    response_class = _DeadlineResponse


class _GuardedHTTPSConnection(_PeerCheck, HTTPSConnection):
    response_class = _DeadlineResponse


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedPoolManager(PoolManager):
    """A pool manager whose pools make guarded connections, each given the adapter's policy."""

    def __init__(self, address_policy: AddressPolicy, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._address_policy = address_policy
        self.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}

    def _new_pool(
        self, scheme: str, host: str, port: int, request_context: dict[str, Any] | None = None
    ) -> HTTPConnectionPool:
        # Extra pool arguments reach each new connection; the policy is kept out of the
        # pool key (urllib3 keys pools by a fixed set of fields).
        context = dict(self.connection_pool_kw if request_context is None else request_context)
        context["address_policy"] = self._address_policy
        return super()._new_pool(scheme, host, port, context)


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections check their peer and read only until the deadline."""

    # What pickling keeps (requests rebuilds the pool manager on unpickling, which needs the policy).
    __attrs__ = [*HTTPAdapter.__attrs__, "address_policy"]  # noqa: RUF012 - requests' own attribute, a list

    def __init__(self, address_policy: AddressPolicy, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.address_policy = address_policy  # before HTTPAdapter.__init__, which builds the pool manager
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager = _GuardedPoolManager(
            self.address_policy, num_pools=connections, maxsize=maxsize, block=block, **pool_kwargs
        )


def new_session(
    *, allow_private: bool = False, allow_hosts: Iterable[str] = (), pool_size: int = DEFAULT_POOL_SIZE
) -> requests.Session:
    """A ``requests.Session`` for :func:`~articlex.fetching.fetch` to share between calls and threads.

    Pass it as ``fetch(url, session=...)`` with the same ``allow_private`` and
    ``allow_hosts``: its connections are pooled per host, its cookies kept, and
    every connection it makes checks its peer's address and stops reading at
    the calling fetch's deadline. ``pool_size`` is how many connections it keeps
    open per host: at least the number of threads fetching at once.

    The session ignores proxy and ``.netrc`` settings from the environment: a
    proxy would be the peer of every connection, defeating the address check,
    and ``.netrc`` credentials would go to whatever host a page links to.
    """
    session = requests.Session()
    session.trust_env = False
    adapter = GuardedAdapter(AddressPolicy.of(allow_private, allow_hosts), pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
