"""The values articlex returns: frozen dataclasses with a stable ``to_dict``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from articlex.trace import Step

BlockType = Literal["paragraph", "heading", "list", "quote", "figure", "table", "code"]

#: Block types whose text is part of ``Article.text`` (a figure is an image, not prose).
TEXT_BLOCK_TYPES = frozenset({"paragraph", "heading", "list", "quote", "table", "code"})


@dataclass(frozen=True, slots=True)
class InlineLink:
    """A link inside a body block: its anchor text and absolute URL."""

    text: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: ``text`` and ``url``."""
        return {"text": self.text, "url": self.url}


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the body.

    ``text`` is always set (a list's items joined by newlines, a table's cells by
    tabs and its rows by newlines, a figure's caption). The other fields belong to
    some types only: ``level`` to headings, ``items`` to lists, ``ordered`` to
    lists, ``url``/``caption``/``credit``/``alt`` to figures, ``rows`` to tables,
    ``language`` to code.
    """

    type: BlockType
    text: str
    level: int | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    url: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    language: str | None = None
    links: tuple[InlineLink, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: ``type``, ``text``, the keys of this block's type, then ``links``."""
        out: dict[str, Any] = {"type": self.type, "text": self.text}
        if self.type == "heading":
            out["level"] = self.level
        elif self.type == "list":
            out["items"] = list(self.items)
            out["ordered"] = self.ordered
        elif self.type == "figure":
            out.update(url=self.url, alt=self.alt, caption=self.caption, credit=self.credit)
        elif self.type == "table":
            out["rows"] = [list(row) for row in self.rows]
        elif self.type == "code":
            out["language"] = self.language
        out["links"] = [link.to_dict() for link in self.links]
        return out


@dataclass(frozen=True, slots=True)
class Author:
    """A person credited with the article."""

    name: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: ``name`` and ``url``."""
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True, slots=True)
class Image:
    """An image with what the page says about it."""

    url: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: ``url``, ``alt``, ``caption`` and ``credit``."""
        return {"url": self.url, "alt": self.alt, "caption": self.caption, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Link:
    """A related link: a teaser card or an entry of a related-stories list."""

    url: str
    title: str
    section: str | None = None
    summary: str | None = None
    image: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: ``url``, ``title``, ``section``, ``summary`` and ``image``."""
        return {
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "summary": self.summary,
            "image": self.image,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A structured article. Build one with :func:`articlex.extract`."""

    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    headline: str | None = None
    dek: str | None = None
    description: str | None = None
    section: str | None = None
    labels: tuple[str, ...] = ()
    authors: tuple[Author, ...] = ()
    published: str | None = None
    modified: str | None = None
    tags: tuple[str, ...] = ()
    lead_image: Image | None = None
    body: tuple[Block, ...] = ()
    related: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    #: 0..1, how far to trust the body (see ``docs/explain.md``).
    confidence: float = 0.0
    #: Every removal and choice, in order, when ``Options(trace=True)`` (not in ``to_dict``).
    trace: tuple[Step, ...] = ()

    @property
    def text(self) -> str:
        """The body as plain text, one blank line between blocks (figures left out)."""
        return "\n\n".join(b.text for b in self.body if b.type in TEXT_BLOCK_TYPES and b.text)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the stable keys of the public schema."""
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "site_name": self.site_name,
            "language": self.language,
            "headline": self.headline,
            "dek": self.dek,
            "description": self.description,
            "section": self.section,
            "labels": list(self.labels),
            "authors": [a.to_dict() for a in self.authors],
            "published": self.published,
            "modified": self.modified,
            "tags": list(self.tags),
            "lead_image": self.lead_image.to_dict() if self.lead_image else None,
            "body": [b.to_dict() for b in self.body],
            "related": [link.to_dict() for link in self.related],
            "text": self.text,
            "warnings": list(self.warnings),
            "sources": dict(self.sources),
            "confidence": self.confidence,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string (UTF-8 kept, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The article as Markdown: YAML front matter with the metadata, then the body."""
        from articlex.markdown import render_markdown

        return render_markdown(self)
