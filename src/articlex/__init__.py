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
    InputError,
    InputTooLargeError,
    NotHTMLError,
    ParseError,
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
    "Image",
    "InlineLink",
    "InputError",
    "InputTooLargeError",
    "Link",
    "NotHTMLError",
    "Options",
    "ParseError",
    "__version__",
    "extract",
]
