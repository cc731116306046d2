"""The flat row schema of batch output: one row per input, the same columns in CSV, Parquet and Spark.

Published as ``articlex.schema``. :data:`COLUMNS` is the contract: a column may
be added (and :data:`SCHEMA_VERSION` raised), none is renamed, retyped or
removed. ``docs/schema.md`` documents every column and a test keeps it in step.

A row holds the input's identity (``id``, ``url``, ``fetched``), the error
columns (set only when the input gave no article) and the article's fields,
flattened: authors as two parallel lists, the lead image as four columns, and
the nested parts that have no flat form (``body``, ``related``, ``sources``)
as JSON text in the same shape as :meth:`articlex.Article.to_dict`, so nothing
is lost. An error row has the input and error columns set and every article
column null.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from articlex.errors import MissingDependencyError
from articlex.model import Article
from articlex.results import Result

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "ARTICLE_FIELDS_NOT_IN_ROWS",
    "ARTICLE_FIELD_COLUMNS",
    "COLUMNS",
    "COLUMN_NAMES",
    "SCHEMA_VERSION",
    "SCHEMA_VERSION_KEY",
    "Column",
    "ColumnType",
    "arrow_schema",
    "to_row",
]

#: Raised by one each time a column is added; columns are never renamed or removed.
SCHEMA_VERSION = 1
#: The key under which Parquet files (and Arrow schemas) carry :data:`SCHEMA_VERSION`.
SCHEMA_VERSION_KEY = "articlex.schema_version"

#: The types a column can have, by Arrow's names (text, a list of texts, a 64-bit float).
ColumnType = Literal["string", "list<string>", "double"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the row schema. Every column may be null (error rows have no article)."""

    name: str
    type: ColumnType
    description: str


#: The columns of a row, in order; they are the contract. Descriptions are plain
#: text, as they also go into Parquet files as field metadata.
COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "the input's identity: a path, a URL, - for standard input, or WARCFILE#OFFSET"),
    Column("url", "string", "the page's address: the WARC target URI or fetched URL, else the URL given to extract()"),
    Column("fetched", "string", "when the page was captured, ISO 8601 (WARC-Date, or the fetch time)"),
    Column("error_type", "string", "the error's class name (NotHTMLError...) when the input gave no article"),
    Column("error_message", "string", "the error's message when the input gave no article"),
    Column("canonical_url", "string", "the page's canonical URL"),
    Column("site_name", "string", "the publication's name"),
    Column("language", "string", "the page's language, a BCP 47 tag"),
    Column("headline", "string", "the article's own headline"),
    Column("dek", "string", "the standfirst shown under the headline"),
    Column("description", "string", "the publisher's summary from meta tags or JSON-LD"),
    Column("section", "string", "the article's section"),
    Column("labels", "list<string>", "the label trail as shown (Analysis, Middle East)"),
    Column("authors", "list<string>", "the authors' names, in page order"),
    Column("author_urls", "list<string>", "each author's profile URL (null where none), parallel to authors"),
    Column("published", "string", "when the article was published, ISO 8601 (offset kept when given)"),
    Column("modified", "string", "when the article was last modified, ISO 8601"),
    Column("tags", "list<string>", "the article's tags"),
    Column("lead_image_url", "string", "the lead image's URL"),
    Column("lead_image_alt", "string", "the lead image's alternative text"),
    Column("lead_image_caption", "string", "the lead image's caption"),
    Column("lead_image_credit", "string", "the lead image's credit"),
    Column("text", "string", "the body as plain text, one blank line between blocks"),
    Column("body", "string", "the body blocks as a JSON array, as in Article.to_dict()['body']"),
    Column("related", "string", "the related links as a JSON array of {url, title, section, summary, image}"),
    Column("warnings", "list<string>", "what was odd or cut on the page"),
    Column("confidence", "double", "0 to 1: how far to trust the body"),
    Column("sources", "string", "where each metadata field came from, a JSON object {field: source}"),
)

#: The column names, in order.
COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)

#: Which columns hold each :class:`~articlex.Article` field (the test that every
#: field is represented reads this, so a new field cannot be dropped silently).
ARTICLE_FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "url": ("url",),
    "canonical_url": ("canonical_url",),
    "site_name": ("site_name",),
    "language": ("language",),
    "headline": ("headline",),
    "dek": ("dek",),
    "description": ("description",),
    "section": ("section",),
    "labels": ("labels",),
    "authors": ("authors", "author_urls"),
    "published": ("published",),
    "modified": ("modified",),
    "tags": ("tags",),
    "lead_image": ("lead_image_url", "lead_image_alt", "lead_image_caption", "lead_image_credit"),
    "body": ("body", "text"),
    "related": ("related",),
    "warnings": ("warnings",),
    "sources": ("sources",),
    "confidence": ("confidence",),
}
#: Article fields deliberately left out of rows, with the reason.
ARTICLE_FIELDS_NOT_IN_ROWS: dict[str, str] = {
    "trace": "a debugging record (Options(trace=True)), not data; not in to_dict() either",
}


def to_row(result: Result) -> dict[str, Any]:
    """``result`` as a flat row: every column of :data:`COLUMNS`, in order, null where there is no value.

    ``url`` is the input's URL, or the article's when the input had none.
    """
    row: dict[str, Any] = dict.fromkeys(COLUMN_NAMES)
    row.update(id=result.id, url=result.url, fetched=result.fetched)
    if result.error is not None:
        row.update(error_type=result.error.type, error_message=result.error.message)
    if result.article is not None:
        row.update(_article_columns(result.article))
        row["url"] = result.url or result.article.url
    return row


def _article_columns(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    image = data["lead_image"] or {}
    return {
        "canonical_url": article.canonical_url,
        "site_name": article.site_name,
        "language": article.language,
        "headline": article.headline,
        "dek": article.dek,
        "description": article.description,
        "section": article.section,
        "labels": list(article.labels),
        "authors": [author.name for author in article.authors],
        "author_urls": [author.url for author in article.authors],
        "published": article.published,
        "modified": article.modified,
        "tags": list(article.tags),
        "lead_image_url": image.get("url"),
        "lead_image_alt": image.get("alt"),
        "lead_image_caption": image.get("caption"),
        "lead_image_credit": image.get("credit"),
        "text": data["text"],
        "body": _json(data["body"]),
        "related": _json(data["related"]),
        "warnings": list(article.warnings),
        "confidence": article.confidence,
        "sources": _json(data["sources"]),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def arrow_schema() -> pyarrow.Schema:
    """:data:`COLUMNS` as a pyarrow schema, with the descriptions and :data:`SCHEMA_VERSION` as metadata.

    Raises ``articlex.errors.MissingDependencyError`` when pyarrow (the
    ``parquet`` extra) is not installed.
    """
    try:
        import pyarrow as pa
    except ImportError as error:
        raise MissingDependencyError("the Arrow schema (Parquet output)", "pyarrow", "parquet") from error
    types = {"string": pa.string(), "list<string>": pa.list_(pa.string()), "double": pa.float64()}
    fields = [
        pa.field(column.name, types[column.type], nullable=True, metadata={"description": column.description})
        for column in COLUMNS
    ]
    return pa.schema(fields, metadata={SCHEMA_VERSION_KEY: str(SCHEMA_VERSION)})
