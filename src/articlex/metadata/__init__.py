"""Metadata from the pristine tree: every source read once, each field resolved by precedence.

Sources: JSON-LD (``json-ld``), OpenGraph and ``article:*`` (``og``), other
``<meta>`` tags (``meta``), microdata (``microdata``), breadcrumbs
(``breadcrumb``) and what the page shows around its headline (``dom``). The
order per field is data (:data:`articlex.rules.metadata.PRECEDENCE`); the
winning source is recorded, and values are never blended across sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html

from articlex.dom import absolute
from articlex.limits import LimitHit, reached
from articlex.metadata.authors import unique
from articlex.metadata.dates import parse_date
from articlex.metadata.jsonld import read_jsonld
from articlex.metadata.meta import meta_tags, read_meta, read_microdata
from articlex.metadata.page import Hints, read_page
from articlex.metadata.titles import strip_site_name
from articlex.model import Image
from articlex.options import Options
from articlex.rules.metadata import PRECEDENCE
from articlex.rules.vocab import GENRE_LABELS


@dataclass(frozen=True, slots=True)
class Metadata:
    """Resolved metadata fields, their sources, and the page texts they came from."""

    fields: dict[str, Any]
    sources: dict[str, str]
    shown_texts: frozenset[str] = field(default_factory=frozenset)
    #: Limits that fired while reading (a JSON-LD block or a date string skipped).
    warnings: tuple[str, ...] = ()


def read_metadata(root: html.HtmlElement, url: str | None, options: Options | None = None) -> Metadata:
    """Collect candidates from every source and resolve each field."""
    options = options or Options()
    tags = meta_tags(root)
    jsonld = read_jsonld(root, url, options)
    warnings: list[str] = list(jsonld.pop("warnings", ()))
    candidates: dict[str, dict[str, Any]] = {
        "json-ld": jsonld,
        "og": read_meta(tags, "og"),
        "meta": read_meta(tags, "meta"),
        "microdata": read_microdata(root),
    }
    hints = Hints(
        headlines=tuple(c["headline"] for c in candidates.values() if "headline" in c),
        descriptions=tuple(c["description"] for c in candidates.values() if "description" in c),
        dated=any(parse_date(c.get("published"), strict=True) for c in candidates.values()),
    )
    page = read_page(root, url, hints)
    candidates["dom"] = page.values
    crumbs = candidates["json-ld"].get("breadcrumbs", ())
    candidates["breadcrumb"] = {"section": _crumb_section(crumbs, list(hints.headlines))} if crumbs else {}
    warnings += [reached(hit, options) for hit in _long_dates(candidates, options.max_date_chars)]
    fields, sources = _resolve(candidates, options.max_date_chars)
    _finish(fields, sources, candidates, url)
    return Metadata(fields, sources, page.shown_texts, tuple(warnings))


def _resolve(candidates: dict[str, dict[str, Any]], max_date_chars: int) -> tuple[dict[str, Any], dict[str, str]]:
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name, order in PRECEDENCE.items():
        for source in order:
            value = _valid(name, candidates.get(source, {}).get(name), max_date_chars)
            if value:
                fields[name], sources[name] = value, source
                break
    return fields, sources


_DATE_FIELDS = ("published", "modified")


def _valid(name: str, value: Any, max_date_chars: int) -> Any:
    if name in _DATE_FIELDS:
        return parse_date(value, dateparser_max_chars=max_date_chars) if isinstance(value, str) else None
    return value


def _long_dates(candidates: dict[str, dict[str, Any]], max_chars: int) -> list[LimitHit]:
    """Date strings too long for dateparser that the standard formats do not read either."""
    hits = []
    for source, values in candidates.items():
        for name in _DATE_FIELDS:
            value = values.get(name)
            if isinstance(value, str) and len(value.strip()) > max_chars and not parse_date(value, strict=True):
                consequence = f"the {name} date string from {source} was not parsed"
                hits.append(LimitHit("max_date_chars", max_chars, len(value.strip()), consequence))
    return hits


def _finish(
    fields: dict[str, Any], sources: dict[str, str], candidates: dict[str, dict[str, Any]], url: str | None
) -> None:
    dom = candidates["dom"]
    site = fields.get("site_name")
    if "headline" not in fields and dom.get("title"):
        fields["headline"], sources["headline"] = dom["title"], "dom"
    if fields.get("headline"):
        fields["headline"] = strip_site_name(fields["headline"], site, dom.get("headline"))
    if "authors" in fields:
        fields["authors"] = unique(list(fields["authors"]), site)
    for key in ("dek", "labels"):
        if dom.get(key):
            fields[key], sources[key] = dom[key], "dom"
    if "section" not in fields and fields.get("labels"):
        section = next((label for label in fields["labels"] if label.lower() not in GENRE_LABELS), None)
        if section:
            fields["section"], sources["section"] = section, "dom"
    fields["lead_image"] = _lead_image(fields, dom.get("lead_figure"), url)
    # "image" is a candidate URL, not a field of the result: its source moves to lead_image.
    image_source = sources.pop("image", "dom")
    if fields["lead_image"] is not None:
        sources["lead_image"] = image_source


def _crumb_section(crumbs: tuple[str, ...], hints: list[str]) -> str | None:
    wanted = {hint.lower() for hint in hints}
    inner = [c for c in crumbs[1:] if c.lower() not in wanted]
    return inner[-1] if inner else None


def _lead_image(fields: dict[str, Any], figure: Image | None, base: str | None) -> Image | None:
    url = fields.get("image")
    if url is None:
        return figure
    url = absolute(url, base) or url
    if figure is not None and _same_image(figure.url, url):
        return Image(url, figure.alt, figure.caption, figure.credit)
    return Image(url)


_SIZE_SUFFIX = re.compile(r"(?:-\d+x\d+|-scaled|@\dx|_\d+x\d+)+$")


def _image_stem(url: str) -> str:
    """The file name of an image URL without extension or CMS size suffix."""
    name = url.split("?", maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _SIZE_SUFFIX.sub("", name).lower()


def _same_image(a: str, b: str) -> bool:
    return _image_stem(a) == _image_stem(b)
