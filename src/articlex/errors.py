"""The errors articlex raises.

Every error is an :class:`ArticlexError`. Errors about the input also subclass
:class:`ValueError`, so ``except ValueError`` keeps working for callers that do
not know articlex.

::

    ArticlexError
    ├── InputError (ValueError)          the input cannot be read as an HTML document
    │   ├── EmptyInputError              nothing but whitespace
    │   ├── NotHTMLError                 a PDF, an image, JSON, gzip, binary...
    │   └── InputTooLargeError           more bytes than ``Options.max_input_bytes``
    └── ParseError                       lxml could not build a tree at all

A page that *is* HTML but holds no article is not an error: ``extract`` returns
an :class:`~articlex.Article` with an empty body and a warning.
"""

from __future__ import annotations


class ArticlexError(Exception):
    """Base class of every error raised by articlex."""


class InputError(ArticlexError, ValueError):
    """The input cannot be read as an HTML document."""


class EmptyInputError(InputError):
    """The input is empty or only whitespace."""


class NotHTMLError(InputError):
    """The input is some other kind of data (PDF, image, JSON, archive, binary)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"input is not HTML: it looks like {kind}")
        self.kind = kind


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"input is {size} bytes, over the limit of {limit} (Options.max_input_bytes)")
        self.size = size
        self.limit = limit


class ParseError(ArticlexError):
    """The HTML parser produced no tree."""
