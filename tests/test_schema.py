"""The flat row schema: every Article field has a column, error rows have the error columns, docs agree."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from articlex import schema
from articlex.errors import MissingDependencyError
from articlex.model import Article
from articlex.results import Failure, Result
from articlex.schema import COLUMN_NAMES, COLUMNS, arrow_schema, to_row
from sample_results import full_article

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schema.md"

#: The columns of schema version 1, in order: a published contract. New columns go
#: after these (with SCHEMA_VERSION raised); none of these may be renamed or moved.
VERSION_1 = [
    "id",
    "url",
    "fetched",
    "error_type",
    "error_message",
    "canonical_url",
    "site_name",
    "language",
    "headline",
    "dek",
    "description",
    "section",
    "labels",
    "authors",
    "author_urls",
    "published",
    "modified",
    "tags",
    "lead_image_url",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
    "text",
    "body",
    "related",
    "warnings",
    "confidence",
    "sources",
]
INPUT_COLUMNS = {"id", "url", "fetched"}
ERROR_COLUMNS = {"error_type", "error_message"}


def test_every_article_field_has_columns_or_a_reason_to_be_left_out() -> None:
    fields = {field.name for field in dataclasses.fields(Article)}
    covered = set(schema.ARTICLE_FIELD_COLUMNS) | set(schema.ARTICLE_FIELDS_NOT_IN_ROWS)
    assert fields == covered, f"map new Article fields in schema.ARTICLE_FIELD_COLUMNS: {fields ^ covered}"
    keys = set(full_article().to_dict())
    assert keys - {"text"} <= set(schema.ARTICLE_FIELD_COLUMNS)  # text is a property, carried with body
    assert not keys & set(schema.ARTICLE_FIELDS_NOT_IN_ROWS)


def test_every_column_is_an_input_error_or_article_column() -> None:
    mapped = {name for names in schema.ARTICLE_FIELD_COLUMNS.values() for name in names}
    assert mapped <= set(COLUMN_NAMES)
    assert set(COLUMN_NAMES) == INPUT_COLUMNS | ERROR_COLUMNS | mapped
    assert len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in COLUMN_NAMES)


def test_version_1_columns_keep_their_names_and_places() -> None:
    assert list(COLUMN_NAMES[: len(VERSION_1)]) == VERSION_1
    assert schema.SCHEMA_VERSION >= 1


def test_an_article_row_carries_every_field() -> None:
    article = full_article()
    row = to_row(Result("a.html", article=article, url="https://example.org/news/story", fetched="2024-05-08"))
    assert list(row) == list(COLUMN_NAMES)
    assert row["error_type"] is None and row["error_message"] is None
    assert row["authors"] == ["Ann Writer", "Bo Reporter"]
    assert row["author_urls"] == ["https://example.org/ann", None]
    assert (row["lead_image_url"], row["lead_image_credit"]) == ("https://example.org/i.jpg", "Photo: X")
    data = article.to_dict()
    assert json.loads(row["body"]) == data["body"]
    assert json.loads(row["related"]) == data["related"]
    assert json.loads(row["sources"]) == data["sources"]
    for key in ("canonical_url", "headline", "dek", "labels", "tags", "published", "text", "warnings", "confidence"):
        assert row[key] == data[key], key


def test_an_error_row_has_the_input_and_error_columns_and_nothing_else() -> None:
    result = Result("crawl.warc.gz#1234", error=Failure("NotHTMLError", "input is not HTML"), url="https://x.org/")
    row = to_row(result)
    assert list(row) == list(COLUMN_NAMES)
    assert row["id"] == "crawl.warc.gz#1234"
    assert row["url"] == "https://x.org/"
    assert (row["error_type"], row["error_message"]) == ("NotHTMLError", "input is not HTML")
    assert all(row[name] is None for name in COLUMN_NAMES if name not in INPUT_COLUMNS | ERROR_COLUMNS)


def test_the_row_url_falls_back_to_the_articles() -> None:
    row = to_row(Result("page.html", article=full_article()))
    assert row["url"] == "https://example.org/news/story"
    assert row["fetched"] is None


def test_the_arrow_schema_has_every_column_with_its_type_and_the_version() -> None:
    arrow = arrow_schema()
    assert arrow.names == list(COLUMN_NAMES)
    types = {"string": pa.string(), "list<string>": pa.list_(pa.string()), "double": pa.float64()}
    for column in COLUMNS:
        field = arrow.field(column.name)
        assert field.type == types[column.type]
        assert field.nullable
        assert field.metadata[b"description"] == column.description.encode()
    assert arrow.metadata[schema.SCHEMA_VERSION_KEY.encode()] == str(schema.SCHEMA_VERSION).encode()
    rows = [
        to_row(Result("a", article=full_article())),
        to_row(Result("b", error=Failure("OSError", "gone"))),
        to_row(Result("c", article=Article())),
    ]
    table = pa.Table.from_pylist(rows, schema=arrow)
    assert table.to_pylist() == rows


def _documented_columns() -> list[tuple[str, str, str]]:
    rows = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `([a-z_]+)` \| (\S+) \| (.+) \|", line.strip())
        if match:
            rows.append((match[1], match[2], match[3]))
    return rows


def test_docs_list_every_column_as_the_code_does() -> None:
    expected = [(c.name, c.type, c.description) for c in COLUMNS]
    table = "\n".join(f"| `{name}` | {kind} | {text} |" for name, kind, text in expected)
    assert _documented_columns() == expected, f"docs/schema.md's columns table should read:\n{table}"


def test_arrow_schema_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` raise ImportError
    with pytest.raises(MissingDependencyError, match=r"articlex\[parquet\]"):
        arrow_schema()
