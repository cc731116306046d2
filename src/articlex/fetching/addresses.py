"""Which network addresses a fetch may reach.

A fetcher fed URLs from pages or users can be aimed at the machine's own
services: an admin port on 127.0.0.1, a database's HTTP interface on the
private network, a cloud metadata endpoint at 169.254.169.254. So every address
a host resolves to is classified with :mod:`ipaddress` before connecting, and
the connected peer is classified again (see ``transport.py``). IPv6 forms that
carry an IPv4 address inside (``::ffff:127.0.0.1``, 6to4, Teredo, NAT64) are
judged by the IPv4 address they carry.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from articlex.errors import FetchConnectionError, ForbiddenAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The ipaddress properties that make an address off limits, checked in this
# order, each with the word the error uses for it.
FORBIDDEN_KINDS: tuple[tuple[str, str], ...] = (
    ("is_unspecified", "unspecified"),  # 0.0.0.0 and :: connect to this machine on Linux
    ("is_loopback", "loopback"),  # 127.0.0.0/8 and ::1: this machine's own services
    ("is_link_local", "link-local"),  # 169.254.0.0/16 holds cloud metadata endpoints; fe80::/10
    ("is_multicast", "multicast"),  # no web server lives there; ipaddress counts some of it as global
    ("is_private", "private"),  # RFC 1918, fc00::/7 and the other IANA special-purpose blocks
    ("is_reserved", "reserved"),  # 240.0.0.0/4 and the reserved IPv6 blocks
)
# Whatever else the IANA registry says is not globally reachable (100.64.0.0/10,
# the carrier-grade NAT block, is neither private nor global) gets this word.
NOT_GLOBAL_KIND = "non-global"
# RFC 6052's well-known NAT64 prefix: 64:ff9b::7f00:1 reaches 127.0.0.1 through
# a NAT64 gateway, so the last 32 bits are judged as IPv4.
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")
# The low 32 bits of an IPv6 address: where NAT64 puts the IPv4 address.
IPV4_BITS = 0xFFFFFFFF


def forbidden_kind(address: str) -> str | None:
    """What makes ``address`` off limits ("loopback", "private"...), or ``None`` for a public address.

    ``address`` is an IP literal as ``getaddrinfo`` or ``getpeername`` give it
    (an IPv6 scope such as ``%eth0`` is allowed).
    """
    return _kind(ipaddress.ip_address(address))


def _kind(ip: IPAddress) -> str | None:
    for inner in _embedded_ipv4(ip):
        kind = _kind(inner)
        if kind is not None:
            return kind
    for flag, kind in FORBIDDEN_KINDS:
        if getattr(ip, flag):
            return kind
    return None if ip.is_global else NOT_GLOBAL_KIND


def _embedded_ipv4(ip: IPAddress) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo server and client, NAT64)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return ()
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in NAT64_PREFIX:
        found.append(ipaddress.IPv4Address(int(ip) & IPV4_BITS))
    return tuple(inner for inner in found if inner is not None)


def normal_host(host: str) -> str:
    """A host as it is compared: lower case, no IPv6 brackets, no trailing dot."""
    return host.strip("[]").rstrip(".").lower()


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which hosts a fetch may connect to.

    Attributes:
        allow_private: reach any address at all (a crawler on an intranet, tests).
        allow_hosts: hosts reached whatever their address, matched against the URL's
            host as written (``"127.0.0.1"``, ``"wiki.internal"``), never against what
            another name resolves to; normalised by :func:`normal_host`.
    """

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, allow_private: bool, allow_hosts: Iterable[str]) -> AddressPolicy:
        """A policy from :func:`~articlex.fetching.fetch`'s arguments."""
        if isinstance(allow_hosts, str):  # "a.example" would allow the hosts "a", ".", "e"...
            raise TypeError("allow_hosts is a list of hosts, not one string")
        return cls(allow_private, frozenset(normal_host(host) for host in allow_hosts))

    def exempts(self, host: str) -> bool:
        """True when ``host`` may be reached without looking at its addresses."""
        return self.allow_private or normal_host(host) in self.allow_hosts

    def refusal(self, host: str, address: str) -> str | None:
        """Why connecting to ``host`` at ``address`` is refused (the address's kind), or ``None``."""
        return None if self.exempts(host) else forbidden_kind(address)

    def check(self, url: str, host: str, port: int) -> None:
        """Resolve ``host`` and refuse it if any of its addresses is off limits; no connection is made.

        Every address counts, not only the first: the connection may use any of them.

        Raises:
            ForbiddenAddressError: an address of ``host`` is loopback, private, link-local...
            FetchConnectionError: ``host`` does not resolve.
        """
        if self.exempts(host):
            return
        for address in resolve(url, host, port):
            kind = forbidden_kind(address)
            if kind is not None:
                raise ForbiddenAddressError(url, host, address, kind)


def resolve(url: str, host: str, port: int) -> tuple[str, ...]:
    """Every address ``host`` resolves to for a TCP connection on ``port``.

    Raises:
        FetchConnectionError: the name does not resolve (or is not a valid name).
    """
    try:
        infos = socket.getaddrinfo(normal_host(host), port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchConnectionError(url, f"{host} did not resolve: {error}") from error
    return tuple(dict.fromkeys(str(info[4][0]) for info in infos))
