"""What batch work passes around: a page ready to extract, and one result per input.

The batch runner (:func:`articlex.extract_many`), the WARC reader, the output
writers and the Spark job all speak these types, so an input's identity
travels with it from the moment it is read to the row that reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from articlex.model import Article


@dataclass(frozen=True, slots=True)
class Page:
    """One page's bytes, with where they came from.

    Attributes:
        id: the input's identity, unique within a run and stable across runs: a path,
            a URL, ``-`` for standard input, or ``WARCFILE#OFFSET`` for a WARC record
            (the byte offset of the record in the file).
        data: the page as the server sent it (undecoded bytes) or as text.
        url: the page's address (a WARC record's target URI, a fetch's final URL).
        fetched: when the page was captured, ISO 8601 (WARC-Date, or the fetch time).
        content_type: the ``Content-Type`` the server sent, for decoding.
    """

    id: str
    data: bytes | str
    url: str | None = None
    fetched: str | None = None
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """Why an input gave no article: the error's class name and its message."""

    type: str
    message: str

    @classmethod
    def from_exception(cls, error: BaseException) -> Failure:
        """The failure that ``error`` describes."""
        return cls(type(error).__name__, str(error))


@dataclass(frozen=True, slots=True)
class Result:
    """One input's outcome: exactly one of ``article`` and ``error`` is set.

    ``id``, ``url`` and ``fetched`` are those of the input, so a failed input
    can be joined back to what was asked for.
    """

    id: str
    article: Article | None = None
    error: Failure | None = None
    url: str | None = None
    fetched: str | None = None

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError("a Result holds an article or an error, not both or neither")

    @property
    def ok(self) -> bool:
        """True when the input gave an article."""
        return self.article is not None
