"""Metadata candidates from <meta> tags (OpenGraph, Twitter, Dublin Core, Parse.ly...) and microdata."""

from __future__ import annotations

from typing import Any

from lxml import html

from articlex.dom import squash
from articlex.metadata.authors import clean_name, split_names
from articlex.model import Author
from articlex.rules.metadata import AUTHOR_META_KEYS, META_KEYS, TAG_META_KEYS

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
        values["authors"] = _authors(a for key in AUTHOR_META_KEYS for a in tags.get(key, []))
    return {k: v for k, v in values.items() if v}


def _authors(raw: Any) -> tuple[Author, ...]:
    return tuple(Author(name) for text in raw if not text.startswith("http") for name in split_names(text))


def _tag_list(tags: dict[str, list[str]]) -> tuple[str, ...]:
    for key in TAG_META_KEYS:
        if key in tags:
            parts = [squash(p) for value in tags[key] for p in value.split(",")]
            return tuple(dict.fromkeys(p for p in parts if p))
    return ()


def read_microdata(root: html.HtmlElement) -> Values:
    """Field values from schema.org microdata (``itemprop``) in the page."""
    values: Values = {}
    authors: list[Author] = []
    for el in root.xpath("//*[@itemprop]"):
        prop = el.get("itemprop")
        value = el.get("content") or el.get("datetime") or squash(el.text_content())
        if prop == "author":
            name_el = next(iter(el.xpath(".//*[@itemprop='name']")), None)
            name = clean_name(name_el.get("content") or name_el.text_content() if name_el is not None else value)
            if name:
                authors.append(Author(name, el.get("href") or None))
        elif prop in _MICRODATA_FIELDS and value:
            values.setdefault(_MICRODATA_FIELDS[prop], value)
    if authors:
        values["authors"] = tuple(authors)
    return values


_MICRODATA_FIELDS = {
    "headline": "headline",
    "datePublished": "published",
    "dateModified": "modified",
    "description": "description",
    "articleSection": "section",
}
