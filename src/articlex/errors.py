"""The errors articlex raises.

Every error is an :class:`ArticlexError`. Errors about the input also subclass
:class:`ValueError`, and errors about fetching also subclass :class:`OSError`,
so ``except ValueError`` and ``except OSError`` keep working for callers that
do not know articlex. ``docs/errors.md`` says when each is raised.

::

    ArticlexError
    ├── InputError (ValueError)          the input cannot be read as an HTML document
│   ├── ArchiveError                 a WARC/ARC file or record cannot be read     (.offset)
│   │   └── TruncatedRecordError     a record ends before its declared length (a cut file)
    │   ├── EmptyInputError              nothing but whitespace
    │   ├── NotHTMLError                 a PDF, an image, JSON, gzip, binary...   (.kind)
    │   └── ResourceLimitError           a limit in Options fired, with on_limit="raise"
    │       │                            (.option, .found, .maximum)
    │       └── InputTooLargeError       more than Options.max_input_bytes (always raised)
    ├── ParseError                       lxml could not build a tree at all
├── OutputError (ValueError)         output cannot be written as asked (format, resume)
├── MissingDependencyError (ImportError)  an optional library a feature needs is absent
    ├── ExtractionTimeoutError           a worker ran past its deadline and was killed
    │                                    (raised by batch runners, never by extract())
    ├── WorkerCrashedError               a worker process died while extracting a page (.exitcode)
    ├── WorkerStartError                 worker processes cannot be started at all
    └── FetchError (OSError)             a page could not be fetched        (.url)
        ├── FetchConnectionError         DNS, refused, reset, TLS
        ├── FetchTimeoutError            the whole-fetch deadline passed (also TimeoutError)
        ├── HTTPStatusError              the server answered 4xx/5xx         (.status)
        ├── TooManyRedirectsError        a redirect chain longer than the limit
        ├── ResponseTooLargeError        the body, or its decompressed form, is over the limit
        ├── UnsupportedURLError          not an http(s) URL with a host, asked for or redirected to
        ├── ForbiddenAddressError        the host is loopback, private, link-local...  (.host, .address)
        ├── UnsupportedContentError      the server sent something other than HTML     (.content_type)
        └── MalformedResponseError       a response that breaks HTTP or its own content-coding

:func:`articlex.extract` raises only :class:`InputError` subclasses and
:class:`ParseError` (plus :class:`TypeError` for an argument that is neither
``str`` nor ``bytes``: a programming error, not bad input). A page that *is*
HTML but holds no article is not an error: ``extract`` returns an
:class:`~articlex.Article` with an empty body and a warning.

Every error pickles with its attributes intact, so process-based batch runners
can send them back from workers.
"""

from __future__ import annotations

from typing import Any


def _rebuild(cls: type[ArticlexError], args: tuple[Any, ...], state: dict[str, Any]) -> ArticlexError:
    """Recreate a pickled error without calling ``__init__`` (whose signature differs from ``args``)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ArticlexError(Exception):
    """Base class of every error raised by articlex."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__))


class InputError(ArticlexError, ValueError):
    """The input cannot be read as an HTML document."""


class EmptyInputError(InputError):
    """The input is empty or only whitespace."""


class NotHTMLError(InputError):
    """The input is some other kind of data (PDF, image, JSON, archive, binary)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"input is not HTML: it looks like {kind}")
        self.kind = kind


class ResourceLimitError(InputError):
    """A limit in :class:`~articlex.Options` fired and ``Options.on_limit`` is ``"raise"``.

    Attributes:
        option: the name of the ``Options`` field whose limit fired, e.g. ``"max_tree_depth"``.
        found: what the input had (a count of levels, elements, attributes, characters);
            for limits checked while scanning it is the first value over the maximum.
        maximum: the limit's value.
    """

    def __init__(self, option: str, found: int, maximum: int, detail: str = "") -> None:
        message = f"limit {option}={maximum:,} exceeded: {found:,} found"
        super().__init__(f"{message} ({detail})" if detail else message)
        self.option = option
        self.found = found
        self.maximum = maximum


class ArchiveError(InputError):
    """A WARC or ARC file, or one of its records, cannot be read (damaged, not an archive).

    ``offset`` is the byte offset in the file of the record that could not be
    read, when known.
    """

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


class TruncatedRecordError(ArchiveError):
    """A WARC or ARC record ends before the length its headers declare: the file was cut short."""


class InputTooLargeError(ResourceLimitError):
    """The input is larger than ``Options.max_input_bytes``.

    Raised whatever ``Options.on_limit`` says: nothing has been read yet, and a
    prefix of the bytes is a different document.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__("max_input_bytes", size, limit)
        self.args = (f"input is {size:,} bytes, over the limit of {limit:,} (Options.max_input_bytes)",)
        self.size = size
        self.limit = limit


class ParseError(ArticlexError):
    """The HTML parser produced no tree."""


class OutputError(ArticlexError, ValueError):
    """Results cannot be written as asked: an unknown format, or a format that cannot do what was asked
    (append to a JSON array or a Parquet file, one file per page in CSV or Parquet)."""


class MissingDependencyError(ArticlexError, ImportError):
    """A feature needs an optional library that is not installed; the message names the extra to install."""

    def __init__(self, feature: str, module: str, extra: str) -> None:
        super().__init__(f"{feature} needs {module}: pip install 'articlex[{extra}]'")
        self.feature = feature
        self.module = module
        self.extra = extra


class ExtractionTimeoutError(ArticlexError):
    """Extraction of one page ran past its deadline and its worker was killed.

    ``extract()`` itself never raises this: a deadline cannot interrupt lxml's C
    code in-process, so batch runners run pages in killable worker processes and
    raise (or record) this error for a page whose worker they had to kill.
    """

    def __init__(self, seconds: float, source: str | None = None) -> None:
        where = f" ({source})" if source else ""
        super().__init__(f"extraction took longer than {seconds:g} s and was stopped{where}")
        self.seconds = seconds
        self.source = source


class WorkerCrashedError(ArticlexError):
    """The worker process extracting a page died (a segfault, an out-of-memory kill) before answering.

    Recorded by batch runners for the page that worker held; ``extract()`` never raises it.
    ``exitcode`` is the process's exit code (negative: the signal that ended it), or ``None``.
    """

    def __init__(self, exitcode: int | None, source: str | None = None) -> None:
        where = f" ({source})" if source else ""
        super().__init__(f"the worker process died (exit code {exitcode}) while extracting this page{where}")
        self.exitcode = exitcode
        self.source = source


class WorkerStartError(ArticlexError):
    """Worker processes die before they are ready, again and again: the environment is broken, not a page.

    The one error a batch runner raises rather than records, since no input could be processed.
    """


class FetchError(ArticlexError, OSError):
    """A page could not be fetched. ``url`` is the address asked for."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"could not fetch {url}: {reason}")
        self.url = url
        self.reason = reason


class FetchConnectionError(FetchError):
    """No usable connection: the name did not resolve, the connection was refused or reset, TLS failed."""


class FetchTimeoutError(FetchError, TimeoutError):
    """The fetch did not finish within its deadline (a deadline for the whole fetch, not per read)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (4xx or 5xx)."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(url, f"HTTP status {status}")
        self.status = status


class TooManyRedirectsError(FetchError):
    """The redirect chain was longer than the fetcher allows."""


class ResponseTooLargeError(FetchError):
    """The response body, or what it decompresses to, is larger than the fetcher allows (a bomb)."""


class UnsupportedURLError(FetchError):
    """The URL, or a redirect's target, is not an ``http``/``https`` URL with a host.

    Raised before any I/O for that URL: ``file:``, ``ftp:``, ``data:`` and the like are never fetched.
    """


class ForbiddenAddressError(FetchError):
    """The host is, or resolves to, an address a fetch may not reach (unless ``allow_private``).

    Loopback, private, link-local, shared, reserved, multicast and unspecified
    addresses are refused before connecting, and again if the connected peer
    turns out to be one (a name that resolved differently the second time).

    Attributes:
        host: the host name or literal of the URL refused.
        address: the address it resolved or connected to.
    """

    def __init__(self, url: str, host: str, address: str, kind: str) -> None:
        super().__init__(url, f"{host} is a {kind} address ({address}); pass allow_private=True to reach it")
        self.host = host
        self.address = address


class UnsupportedContentError(FetchError):
    """The server answered with something other than HTML (a PDF, an image, JSON...).

    Attributes:
        content_type: the ``Content-Type`` the server sent, or ``None`` when it sent
            none and the first bytes did not look like markup.
    """

    def __init__(self, url: str, content_type: str | None) -> None:
        what = f"content type {content_type!r}" if content_type else "no content type, and the body is not markup"
        super().__init__(url, f"{what} is not HTML")
        self.content_type = content_type


class MalformedResponseError(FetchError):
    """The response breaks HTTP or its own encoding.

    For example a redirect with no ``Location``, a corrupt gzip body, or a
    content-coding that was not asked for.
    """
