"""articlex: turn scraped web pages into structured articles.

>>> import articlex
>>> article = articlex.extract("<html><body><h1>Hi</h1><p>" + "Some text, " * 20 + "</p></body></html>")
>>> article.headline
'Hi'
"""

from __future__ import annotations

from articlex.api import extract
from articlex.errors import (
    ArticlexError,
    EmptyInputError,
    ExtractionTimeoutError,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputError,
    InputTooLargeError,
    NotHTMLError,
    ParseError,
    ResourceLimitError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from articlex.model import Article, Author, Block, Image, InlineLink, Link
from articlex.options import Options

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlexError",
    "Author",
    "Block",
    "EmptyInputError",
    "ExtractionTimeoutError",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "Image",
    "InlineLink",
    "InputError",
    "InputTooLargeError",
    "Link",
    "NotHTMLError",
    "Options",
    "ParseError",
    "ResourceLimitError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
    "__version__",
    "extract",
]
