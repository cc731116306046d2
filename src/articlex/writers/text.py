"""Markdown and plain-text output: each page framed by a header carrying its id and an end marker.

``txt``::

    ==> "pages/a.html" <==
    The article's text...
    <form feed>

``md``::

    <!-- articlex {"id": "pages/a.html", "url": "...", "fetched": null} -->
    ---
    headline: "..."
    ---
    ...
    <!-- /articlex -->

An input that gave no article has its error in place of the text. Ids are
JSON strings, so any id (a path with spaces, a URL with ``#``) reads back
exactly. The end marker says a page was written whole: resuming counts a page
as done only when its end marker is there. A form feed ends a text page
because extracted text never holds one (control characters are scrubbed).
"""

from __future__ import annotations

import json
import re
from typing import Any

from articlex.results import Result
from articlex.writers.base import TextWriter

#: The line that ends each text page: a form feed, the classic page break of plain text.
TXT_END = "\f"
#: The line that ends each Markdown page: an HTML comment, invisible when rendered.
MD_END = "<!-- /articlex -->"

_TXT_HEADER = re.compile(r'==> ("(?:[^"\\]|\\.)*") <==')
_MD_HEADER = re.compile(r"<!-- articlex (\{.*\}) -->")


def _json_string(value: Any) -> str:
    # "<" and ">" escaped so that no value can close the HTML comment it sits in.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def txt_page(result: Result) -> str:
    """The text written for ``result``: header, text (or the error), end marker."""
    if result.article is not None:
        body = result.article.text
    elif result.error is not None:
        body = f"[error] {result.error.type}: {result.error.message}"
    else:
        body = ""
    return f"==> {_json_string(result.id)} <==\n{body}\n{TXT_END}\n"


def md_page(result: Result) -> str:
    """The Markdown written for ``result``: header comment, the article's Markdown (or the error), end marker."""
    header = _json_string({"id": result.id, "url": result.url, "fetched": result.fetched})
    if result.article is not None:
        body = result.article.to_markdown()
    elif result.error is not None:
        body = f"> **Error** `{result.error.type}`: {result.error.message}\n"
    else:
        body = ""
    return f"<!-- articlex {header} -->\n{body}{MD_END}\n"


def txt_header_id(line: str) -> str | None:
    """The id in a text page's header line, or None when ``line`` is not one."""
    match = _TXT_HEADER.fullmatch(line)
    return _loads_str(match[1]) if match else None


def md_header_id(line: str) -> str | None:
    """The id in a Markdown page's header comment, or None when ``line`` is not one."""
    match = _MD_HEADER.fullmatch(line)
    if not match:
        return None
    try:
        header = json.loads(match[1])
    except json.JSONDecodeError:
        return None
    page_id = header.get("id") if isinstance(header, dict) else None
    return page_id if isinstance(page_id, str) else None


def _loads_str(text: str) -> str | None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


class TxtWriter(TextWriter):
    """Each page's plain text under a ``==> "id" <==`` header."""

    def write(self, result: Result) -> None:
        self.emit(txt_page(result))


class MarkdownWriter(TextWriter):
    """Each page's Markdown (front matter and body) between an id comment and an end comment."""

    def write(self, result: Result) -> None:
        self.emit(md_page(result))
