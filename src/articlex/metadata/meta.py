"""Metadata candidates from <meta> tags (OpenGraph, Twitter, Dublin Core, Parse.ly...) and microdata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import html

from articlex.dom import item_elements, squash, text_content
from articlex.metadata.authors import clean_name, split_names
from articlex.model import Author
from articlex.rules.metadata import (
    ARTICLE_TYPES,
    AUTHOR_META_KEYS,
    META_KEYS,
    PRODUCT_TYPES,
    TAG_META_KEYS,
    WRITTEN_BY,
)

Values = dict[str, Any]


def meta_tags(root: html.HtmlElement) -> dict[str, list[str]]:
    """Every <meta> key (name, property or itemprop, lower-cased) with its contents in page order."""
    tags: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("http-equiv")
        content = squash(meta.get("content"))
        if key and content:
            tags.setdefault(key.strip().lower(), []).append(content)
    return tags


def read_meta(tags: dict[str, list[str]], source: str) -> Values:
    """Field values of one source ("og" or "meta") from the collected <meta> tags."""
    values: Values = {}
    for field, keys in META_KEYS[source].items():
        value = next((tags[key][0] for key in keys if key in tags), None)
        if value:
            values[field] = value
    if source == "og":
        values["tags"] = tuple(dict.fromkeys(tags.get("article:tag", [])))
        authors = [a for a in tags.get("article:author", []) if not a.startswith("http")]
        values["authors"] = _authors(authors)
    else:
        values["tags"] = _tag_list(tags)
        # The first key that names anyone wins: keys are not blended ("author" and
        # "parsely-author" often spell the same people differently).
        named = next((tags[key] for key in AUTHOR_META_KEYS if key in tags), None) or _labelled(tags, WRITTEN_BY)
        values["authors"] = _authors(named or [])
    return {k: v for k, v in values.items() if v}


def _labelled(tags: dict[str, list[str]], labels: frozenset[str]) -> list[str]:
    """Twitter's label/data pairs ("twitter:label1" = "Written by", "twitter:data1" = "Jane Doe")."""
    for key, values in tags.items():
        if key.startswith("twitter:label") and values[0].strip().lower() in labels:
            return tags.get(key.replace("label", "data"), [])
    return []


def _authors(raw: Any) -> tuple[Author, ...]:
    return tuple(Author(name) for text in raw if not text.startswith("http") for name in split_names(text))


def _tag_list(tags: dict[str, list[str]]) -> tuple[str, ...]:
    for key in TAG_META_KEYS:
        if key in tags:
            parts = [squash(p) for value in tags[key] for p in value.split(",")]
            return tuple(dict.fromkeys(p for p in parts if p))
    return ()


def read_microdata(root: html.HtmlElement, items: Sequence[html.HtmlElement] | None = None) -> Values:
    """Field values from schema.org microdata (``itemprop``) of the page's main item.

    A main item of a product type also gives ``product``: its description, or "".
    Several product items give ``not_product``.
    Only the properties of the article (or question) item count: the comments,
    answers and teasers nested in it are items of their own, with their own
    authors and dates. ``items``: :func:`articlex.dom.item_elements` of
    ``root``, when the caller has them.
    """
    if items is None:
        items = item_elements(root)
    scoped = [el for el in items if el.get("itemscope") is not None and el.get("itemtype") is not None]
    main = next((el for el in scoped if _item_type(el) in _MAIN_TYPES), None)
    values: Values = {}
    authors: list[Author] = []
    for el in (el for el in items if el.get("itemprop") is not None):
        if main is not None and _owner(el) is not main:
            continue
        prop = el.get("itemprop")
        if prop == "author":
            author = _microdata_author(el)
            if author is not None:
                authors.append(author)
            continue
        value = el.get("content") or el.get("datetime") or squash(text_content(el))
        if prop in _MICRODATA_FIELDS and value:
            values.setdefault(_MICRODATA_FIELDS[prop], value)
    if authors:
        values["authors"] = tuple(authors)
    values.update(_product(scoped, main, values.get("description", "")))
    return values


def _product(items: list[html.HtmlElement], main: html.HtmlElement | None, description: str) -> Values:
    """``product`` when the main item is the page's one product; ``not_product`` when
    the page holds several product items (a collection)."""
    products = [el for el in items if _item_type(el) in PRODUCT_TYPES]
    tops = [el for el in products if el.get("itemprop") is None]  # not an item's part (isRelatedTo)
    if len(tops) > 1:
        return {"not_product": True}
    return {"product": description} if main is not None and _item_type(main) in PRODUCT_TYPES else {}


def _item_type(el: html.HtmlElement) -> str:
    return (el.get("itemtype") or "").split()[0].rstrip("/").rsplit("/", 1)[-1] if el.get("itemtype") else ""


def _owner(el: html.HtmlElement) -> html.HtmlElement | None:
    """The item a property belongs to: the nearest enclosing element with ``itemscope``."""
    return next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)


def _microdata_author(el: html.HtmlElement) -> Author | None:
    name_el = next(iter(el.xpath(".//*[@itemprop='name']")), None)
    if name_el is not None:
        raw = name_el.get("content") or text_content(name_el)
    else:
        raw = el.get("content") or squash(text_content(el))
    name = clean_name(raw)
    url_el = next(iter(el.xpath(".//*[@itemprop='url']")), None)
    url = el.get("href") or (url_el.get("href") or url_el.get("content") if url_el is not None else None)
    return Author(name, url or None) if name else None


# The item whose properties describe the page: an article type, or the question of a Q&A page.
_MAIN_TYPES = (ARTICLE_TYPES - {"QAPage"}) | {"Question"}
_MICRODATA_FIELDS = {
    "headline": "headline",
    "datePublished": "published",
    "dateCreated": "published",
    "dateModified": "modified",
    "description": "description",
    "articleSection": "section",
}
