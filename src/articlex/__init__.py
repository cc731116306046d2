"""articlex: turn scraped web pages into structured articles.

>>> import articlex
>>> article = articlex.extract("<html><body><h1>Hi</h1><p>" + "Some text, " * 20 + "</p></body></html>")
>>> article.headline
'Hi'

Many pages at once, in worker processes, one result per input::

    for result in articlex.extract_many(paths, jobs=4, timeout=60):
        print(result.id, result.article.headline if result.ok else result.error)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from articlex.api import extract
from articlex.batch import extract_many
from articlex.errors import (
    ArchiveError,
    ArticlexError,
    EmptyInputError,
    ExtractionTimeoutError,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    ForbiddenAddressError,
    HTTPStatusError,
    InputError,
    InputTooLargeError,
    MalformedResponseError,
    MissingDependencyError,
    NotHTMLError,
    OutputError,
    ParseError,
    ResourceLimitError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    TruncatedRecordError,
    UnsupportedContentError,
    UnsupportedURLError,
    WorkerCrashedError,
    WorkerStartError,
)
from articlex.model import Article, Author, Block, Image, InlineLink, Link
from articlex.options import Options
from articlex.results import Failure, Page, Result

if TYPE_CHECKING:
    from articlex.fetching import fetch

__version__ = "0.1.0"

__all__ = [
    "ArchiveError",
    "Article",
    "ArticlexError",
    "Author",
    "Block",
    "EmptyInputError",
    "ExtractionTimeoutError",
    "Failure",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeoutError",
    "ForbiddenAddressError",
    "HTTPStatusError",
    "Image",
    "InlineLink",
    "InputError",
    "InputTooLargeError",
    "Link",
    "MalformedResponseError",
    "MissingDependencyError",
    "NotHTMLError",
    "Options",
    "OutputError",
    "Page",
    "ParseError",
    "ResourceLimitError",
    "ResponseTooLargeError",
    "Result",
    "TooManyRedirectsError",
    "TruncatedRecordError",
    "UnsupportedContentError",
    "UnsupportedURLError",
    "WorkerCrashedError",
    "WorkerStartError",
    "__version__",
    "extract",
    "extract_many",
    "fetch",
]


def __getattr__(name: str) -> Any:
    """``articlex.fetch``, imported on first use: the HTTP stack costs 60 ms that extraction never needs."""
    if name == "fetch":
        from articlex.fetching import fetch

        return fetch
    raise AttributeError(f"module 'articlex' has no attribute {name!r}")
