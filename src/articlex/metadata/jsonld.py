"""Metadata candidates from JSON-LD (schema.org) blocks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from typing import Any

from lxml import html

from articlex.dom import squash
from articlex.limits import LimitHit, reached
from articlex.metadata.authors import split_names
from articlex.model import Author
from articlex.options import Options
from articlex.rules.metadata import (
    ARTICLE_TYPES,
    LISTING_TYPES,
    ORGANIZATION_TYPES,
    PAGE_TYPES,
    PRODUCT_PART_TYPES,
    PRODUCT_TYPES,
    SITE_TYPES,
)

_MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
#: JSON strings (skipped whole) and brackets, to measure nesting without parsing.
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[\]{}]')
_SKIPPED = "a JSON-LD block was skipped"


Values = dict[str, Any]


def read_jsonld(root: html.HtmlElement, base: str | None, options: Options | None = None) -> Values:
    """Field values from the page's JSON-LD: the article object, breadcrumbs, the site,
    and ``product`` or ``not_product`` (see ``_product``).

    A block over ``options.max_jsonld_chars`` or ``options.max_jsonld_depth`` is
    skipped, and ``values["warnings"]`` says so (or ResourceLimitError is raised,
    per ``options.on_limit``).
    """
    options = options or Options()
    loaded = [_load(text, options) for text in _blocks(root)]
    objects = [obj for data in loaded if not isinstance(data, LimitHit) for obj in _flatten(data, depth=0)]
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    values: Values = {}
    article = _first_of(objects, ARTICLE_TYPES) or _first_of(objects, PAGE_TYPES)
    if article is not None:
        values.update(_article_values(article, by_id))
    site = _first_of(objects, SITE_TYPES)
    if site is not None and _text(site.get("name")):
        values.setdefault("site_name", _text(site.get("name")))
    values.update(_product(objects))
    crumbs = _breadcrumbs(objects)
    if crumbs:
        values["breadcrumbs"] = crumbs
    hits = [data for data in loaded if isinstance(data, LimitHit)]
    if hits:
        values["warnings"] = tuple(reached(hit, options) for hit in hits)
    return values


def _blocks(root: html.HtmlElement) -> Iterator[str]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            yield script.text or ""


def _load(text: str, options: Options) -> Any:
    """The block's data, None when it is empty or not JSON, or the limit it is over."""
    if not text.strip():
        return None
    if len(text) > options.max_jsonld_chars:
        return LimitHit("max_jsonld_chars", options.max_jsonld_chars, len(text), _SKIPPED)
    # Nesting cannot exceed the number of opening brackets: most blocks need no count.
    if text.count("[") + text.count("{") > options.max_jsonld_depth:
        depth = _nesting(text)
        if depth > options.max_jsonld_depth:
            return LimitHit("max_jsonld_depth", options.max_jsonld_depth, depth, _SKIPPED)
    try:
        return _parse_json(text)
    except RecursionError:
        consequence = f"{_SKIPPED} (it reached Python's recursion limit)"
        return LimitHit("max_jsonld_depth", options.max_jsonld_depth, _nesting(text), consequence)


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        pass
    return _lenient(text)


def _lenient(text: str) -> Any:
    """What a broken block still says: wrappers (<!-- -->, CDATA) and trailing commas
    removed, raw newlines in strings as spaces, and objects written one after
    another read as a list."""
    cleaned = _WRAPPERS.sub("", text).strip().rstrip(";")
    cleaned = _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", cleaned))
    decoder = json.JSONDecoder()
    found: list[Any] = []
    position = 0
    while position < len(cleaned):
        start = cleaned.find("{", position) if cleaned[position] not in "[{" else position
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(cleaned, start)
        except (ValueError, RecursionError):
            break
        found.append(value)
        while position < len(cleaned) and cleaned[position] in " \t\r\n,;":
            position += 1
    return found or None


def _nesting(text: str) -> int:
    """How deep brackets nest in the JSON text, strings aside."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        token = match.group(0)
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


# Metadata sits in the first few levels; deeper structures are content data.
MAX_DEPTH = 4


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict):
            yield from _flatten(main, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _first_of(objects: list[dict[str, Any]], types: frozenset[str]) -> dict[str, Any] | None:
    return next((obj for obj in objects if not _types(obj).isdisjoint(types)), None)


def _text(value: Any) -> str | None:
    """A string value; HTML entities decoded, since CMSs write "&amp;" and "&#8217;" into JSON-LD."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return squash(unescape(value)) if isinstance(value, str) and value.strip() else None


def _article_values(obj: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> Values:
    values: Values = {
        "headline": _text(obj.get("headline")) or _text(obj.get("name")),
        "description": _text(obj.get("description")),
        "published": _text(obj.get("datePublished")) or _text(obj.get("dateCreated")),
        "modified": _text(obj.get("dateModified")),
        "section": _text(obj.get("articleSection")),
        "language": _text(obj.get("inLanguage")),
        "tags": _keywords(obj.get("keywords")),
        "authors": _authors(obj.get("author"), by_id),
        "image": _image(obj.get("image"), by_id),
    }
    publisher = _resolve(obj.get("publisher"), by_id)
    if isinstance(publisher, dict):
        values["site_name"] = _text(publisher.get("name"))
    return {k: v for k, v in values.items() if v}


def _product(objects: list[dict[str, Any]]) -> Values:
    """``product``: the description ("" if none) when the page describes one product;
    ``not_product`` when it names products but is an article (a buying guide) or a
    listing (a collection, several products)."""
    # A Product without offers is not on sale here: service and business pages
    # give one to carry their star rating.
    products = [obj for obj in objects if not _types(obj).isdisjoint(PRODUCT_TYPES) and obj.get("offers")]
    if not products:
        return {}
    others = ARTICLE_TYPES - PRODUCT_TYPES - PRODUCT_PART_TYPES
    names = {_text(obj.get("name")) for obj in products}
    if len(names) > 1 or _first_of(objects, others | LISTING_TYPES) is not None:
        return {"not_product": True}
    description = _text(products[0].get("description")) or ""
    # Shops write the description's HTML into JSON-LD ("<b>Nikon's D750</b> is...").
    return {"product": squash(_MARKUP.sub(" ", description))}


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _authors(value: Any, by_id: dict[str, dict[str, Any]]) -> tuple[Author, ...]:
    """People credited as authors; an organisation given as author is the publisher, not a person."""
    items = value if isinstance(value, list) else [value]
    out: list[Author] = []
    for raw in items:
        item = _resolve(raw, by_id)
        if isinstance(item, dict) and not _types(item).isdisjoint(ORGANIZATION_TYPES):
            continue
        text: str | None = item if isinstance(item, str) else None
        url: str | None = None
        if isinstance(item, dict):
            text, url = _text(item.get("name")), _text(item.get("url"))
        names = split_names(text) if text else []
        # "Jane Doe - Staff Writer" splits into one name, which keeps the url; "A and B" into two, which do not.
        out.extend(Author(name, url if len(names) == 1 else None) for name in names)
    return tuple(out)


def _image(value: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    value = _resolve(value[0] if isinstance(value, list) and value else value, by_id)
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("contentUrl"))
    return _text(value)


def _keywords(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list):
        parts = [v for v in value if isinstance(v, str)]
    else:
        return ()
    return tuple(dict.fromkeys(squash(p) for p in parts if squash(p)))


def _position(item: dict[str, Any]) -> int:
    position = item.get("position")
    return position if isinstance(position, int) else 0


def _breadcrumbs(objects: list[dict[str, Any]]) -> tuple[str, ...]:
    crumbs = _first_of(objects, frozenset({"BreadcrumbList"}))
    if crumbs is None or not isinstance(crumbs.get("itemListElement"), list):
        return ()
    items = [i for i in crumbs["itemListElement"] if isinstance(i, dict)]
    items.sort(key=_position)
    names = []
    for item in items:
        inner = item.get("item")
        name = _text(item.get("name")) or (_text(inner.get("name")) if isinstance(inner, dict) else None)
        if name:
            names.append(name)
    return tuple(names)
