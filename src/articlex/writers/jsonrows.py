"""JSON output: one object per line (``jsonl``) or one array streamed row by row (``json``).

A row is ``{"id", "url", "fetched", **article.to_dict()}`` for an article and
``{"id", "url", "fetched", "error": {"type", "message"}}`` for an input that
gave none. ``url`` is the input's URL, or the article's when the input had none.
"""

from __future__ import annotations

import json
from typing import Any

from articlex.results import Result
from articlex.writers.base import TextWriter

#: Rows of a JSON array are indented this much: the array is for reading, jsonl is the compact one.
JSON_INDENT = 2


def json_row(result: Result) -> dict[str, Any]:
    """``result`` as the JSON object written for it."""
    row: dict[str, Any] = {"id": result.id, "url": result.url, "fetched": result.fetched}
    if result.article is not None:
        data = result.article.to_dict()
        article_url = data.pop("url")
        row["url"] = result.url or article_url
        row.update(data)
    elif result.error is not None:
        row["error"] = {"type": result.error.type, "message": result.error.message}
    return row


class JsonLinesWriter(TextWriter):
    """One compact JSON object per line."""

    def write(self, result: Result) -> None:
        self.emit(json.dumps(json_row(result), ensure_ascii=False) + "\n")


class JsonArrayWriter(TextWriter):
    """One JSON array, written as rows come: ``[``, the rows separated by commas, ``]`` on close.

    Only one row is in memory at a time. The array is complete only once the
    writer is closed, so this format cannot be appended to or resumed.
    """

    def __init__(self, output: str | None) -> None:
        super().__init__(output)
        self._rows = 0

    def write(self, result: Result) -> None:
        opening = "[\n" if self._rows == 0 else ",\n"
        self.emit(opening + json.dumps(json_row(result), ensure_ascii=False, indent=JSON_INDENT))
        self._rows += 1

    def finish(self) -> None:
        self.emit("\n]\n" if self._rows else "[]\n")
