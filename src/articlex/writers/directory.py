"""One file per page in a directory (``--output-dir``), and the errors in ``errors.jsonl`` beside them.

A page's file is named from its id: a readable slug (the id with the URL
scheme dropped and every run of characters other than letters, digits, ``.``,
``_`` and ``-`` made one ``-``, cut to :data:`SLUG_CHARS`) and a hash of the
whole id, so two ids never share a name even when their slugs agree or differ
only in case. Names cannot climb out of the directory, hide (no leading dot) or
hold characters a file system refuses.

Each file is written under a temporary name and renamed, so a file that exists
is whole. Inputs that gave no article are rows of ``errors.jsonl`` (the jsonl
error row: id, url, fetched, error), so no input goes unrecorded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable

from articlex.errors import OutputError
from articlex.results import Result
from articlex.writers.base import Writer
from articlex.writers.jsonrows import JSON_INDENT, JsonLinesWriter, json_row
from articlex.writers.text import md_page, txt_page

#: The file holding the error rows in an output directory.
ERRORS_FILE = "errors.jsonl"
#: A slug longer than this is cut: with the hash and extension a name stays far
#: below the 255-byte limit of common file systems, and stays readable.
SLUG_CHARS = 80
#: Hex digits of the id's SHA-256 kept in the name: 48 bits, so a collision is
#: unlikely below some ten million pages in one directory.
HASH_CHARS = 12
#: A temporary file's suffix while it is written.
PARTIAL_SUFFIX = ".partial"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
_UNSAFE = re.compile(r"[^A-Za-z0-9._\-]+")
#: Characters a slug may not start or end with (no hidden files, no "..").
_SLUG_TRIM = ".-_"


def _json_page(result: Result) -> str:
    return json.dumps(json_row(result), ensure_ascii=False, indent=JSON_INDENT) + "\n"


#: Per format: the file extension of its pages and how one page is rendered.
PAGE_FORMATS: dict[str, tuple[str, Callable[[Result], str]]] = {
    "json": (".json", _json_page),
    "jsonl": (".json", _json_page),
    "md": (".md", md_page),
    "txt": (".txt", txt_page),
}


def page_filename(page_id: str, extension: str) -> str:
    """The file name of the page with id ``page_id``: ``SLUG-HASH.EXT``, unique per id and safe."""
    slug = _UNSAFE.sub("-", _SCHEME.sub("", page_id))[:SLUG_CHARS].strip(_SLUG_TRIM) or "page"
    digest = hashlib.sha256(page_id.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
    return f"{slug}-{digest}{extension}"


class DirectoryWriter(Writer):
    """Writes each article to its own file in ``directory`` and each error to ``errors.jsonl`` there."""

    def __init__(self, fmt: str, directory: str, *, append: bool = False) -> None:
        if fmt not in PAGE_FORMATS:
            raise OutputError(f"one file per page needs json, jsonl, md or txt, not {fmt} (a table is one file)")
        self._extension, self._render = PAGE_FORMATS[fmt]
        self._directory = directory
        os.makedirs(directory, exist_ok=True)
        self._errors = JsonLinesWriter(os.path.join(directory, ERRORS_FILE), append=append)

    def write(self, result: Result) -> None:
        if result.article is None:
            self._errors.write(result)
            return
        path = os.path.join(self._directory, page_filename(result.id, self._extension))
        partial = path + PARTIAL_SUFFIX
        with open(partial, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            stream.write(self._render(result))
        os.replace(partial, path)

    def close(self) -> None:
        self._errors.close()
