"""Metadata from the pristine tree: every source read once, each field resolved by precedence.

Sources: JSON-LD (``json-ld``), OpenGraph and ``article:*`` (``og``), other
``<meta>`` tags: Twitter, Parse.ly, Sailthru, Dublin Core, Highwire (``meta``),
microdata of the main item (``microdata``), breadcrumbs from JSON-LD or the
page (``breadcrumb``), what the page shows around its headline (``dom``), the
date in the URL path (``url``) and, for the language only, the body text
(``text``). The order per field is data
(:data:`articlex.rules.metadata.PRECEDENCE`); junk is dropped per source before
the order is applied, the winning source is recorded, and values are never
blended across sources. Two rules sit on top: the headline the page shows wins
over a metadata title that names the same article, and a modified date earlier
than the published one is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import html

from articlex.dom import absolute
from articlex.limits import LimitHit, reached
from articlex.metadata.authors import unique
from articlex.metadata.datelines import url_date
from articlex.metadata.dates import parse_date
from articlex.metadata.jsonld import read_jsonld
from articlex.metadata.language import detect_language, normalize_language
from articlex.metadata.meta import meta_tags, read_meta, read_microdata
from articlex.metadata.page import Hints, read_page
from articlex.metadata.titles import same_headline, strip_site_name
from articlex.metadata.trails import dom_breadcrumbs
from articlex.model import Image
from articlex.options import Options
from articlex.rules.metadata import BUY_FORM_PATTERN, PRECEDENCE, PRODUCT_OG_TYPES
from articlex.rules.vocab import GENRE_LABELS, NOT_LEAD_IMAGE_WORDS


@dataclass(frozen=True, slots=True)
class ProductPage:
    """A page about one product: its structured description ("" when none is
    given), and whether schema.org data declares it (a Product on sale) rather
    than only a product ``og:type``, which some shop themes also put on their
    collection pages."""

    description: str
    structured: bool


@dataclass(frozen=True, slots=True)
class Metadata:
    """Resolved metadata fields, their sources, and the page texts they came from."""

    fields: dict[str, Any]
    sources: dict[str, str]
    shown_texts: frozenset[str] = field(default_factory=frozenset)
    #: Limits that fired while reading (a JSON-LD block or a date string skipped).
    warnings: tuple[str, ...] = ()
    #: On a product page, what says so (see :class:`ProductPage`); None on any other page.
    product: ProductPage | None = None


def read_metadata(
    root: html.HtmlElement,
    url: str | None,
    options: Options | None = None,
    *,
    holders: frozenset[html.HtmlElement] | None = None,
    items: Sequence[html.HtmlElement] | None = None,
) -> Metadata:
    """Collect candidates from every source and resolve each field.

    ``holders``: :func:`articlex.dom.link_holders` of ``root``, when the caller has them;
    ``items``: :func:`articlex.dom.item_elements` of ``root``, likewise.
    """
    options = options or Options()
    tags = meta_tags(root)
    jsonld = read_jsonld(root, url, options)
    warnings: list[str] = list(jsonld.pop("warnings", ()))
    candidates: dict[str, dict[str, Any]] = {
        "json-ld": jsonld,
        "og": read_meta(tags, "og"),
        "meta": read_meta(tags, "meta"),
        "microdata": read_microdata(root, items),
    }
    language = normalize_language(root.get("lang")) or normalize_language(candidates["meta"].get("language"))
    hints = Hints(
        headlines=tuple(c["headline"] for c in candidates.values() if "headline" in c),
        descriptions=tuple(c["description"] for c in candidates.values() if "description" in c),
        dated=any(parse_date(c.get("published"), strict=True) for c in candidates.values()),
        language=language,
    )
    page = read_page(root, url, hints, holders)
    candidates["dom"] = page.values
    crumbs: tuple[str, ...] = candidates["json-ld"].get("breadcrumbs") or ()
    if not crumbs and _crumbs_can_speak(candidates):
        crumbs = dom_breadcrumbs(root)
    candidates["breadcrumb"] = _crumb_values(crumbs, [*hints.headlines, page.values.get("headline") or ""])
    candidates["url"] = {"published": url_date(url)}
    warnings += [reached(hit, options) for hit in _long_dates(candidates, options.max_date_chars)]
    fields, sources = _resolve(candidates, language, options.max_date_chars)
    _finish(fields, sources, candidates, url)
    product = _product(candidates, tags, root)
    return Metadata(fields, sources, page.shown_texts, tuple(warnings), product)


def _product(
    candidates: dict[str, dict[str, Any]], tags: dict[str, list[str]], root: html.HtmlElement
) -> ProductPage | None:
    """What makes this a product page, or None when it is not one."""
    structured = (candidates["json-ld"], candidates["microdata"])
    if any(c.get("not_product") for c in structured):
        return None
    described: list[str] = [c["product"] for c in structured if "product" in c]
    if described:
        return ProductPage(max(described, key=len), structured=True)
    kinds = {kind.lower() for kind in tags.get("og:type", ())}
    if not kinds.isdisjoint(PRODUCT_OG_TYPES) or _one_buy_form(root):
        return ProductPage("", structured=False)
    return None


_BUY_FORM = re.compile(BUY_FORM_PATTERN, re.IGNORECASE)


def _one_buy_form(root: html.HtmlElement) -> bool:
    """Whether the page has exactly one add-to-cart form: it sells one thing (a
    collection has one per card). Shops without structured data (Amazon) have one."""
    named = (
        " ".join(filter(None, (form.get(a) for a in ("id", "name", "class", "action")))) for form in root.iter("form")
    )
    return sum(1 for words in named if _BUY_FORM.search(words)) == 1


def _resolve(
    candidates: dict[str, dict[str, Any]], language: str | None, max_date_chars: int
) -> tuple[dict[str, Any], dict[str, str]]:
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    site = next(
        (c["site_name"] for s in PRECEDENCE["site_name"] if (c := candidates.get(s, {})).get("site_name")), None
    )
    for name, order in PRECEDENCE.items():
        for source in order:
            value = _valid(name, candidates.get(source, {}).get(name), language, max_date_chars)
            if name == "authors" and value:
                # Junk is dropped per source, so that a source naming only the site gives way
                # to the next; JSON-LD names people apart from organisations (see jsonld.py).
                value = unique(list(value), None if source == "json-ld" else site)
            if value:
                fields[name], sources[name] = value, source
                break
    if _before(fields.get("modified"), fields.get("published")):
        # A page cannot be modified before it was published: the modified value is a
        # different date (a copyright year, a related item), so it is not reported.
        del fields["modified"], sources["modified"]
    return fields, sources


_DATE_FIELDS = ("published", "modified")


def _valid(name: str, value: Any, language: str | None, max_date_chars: int) -> Any:
    if name in _DATE_FIELDS:
        if not isinstance(value, str):
            return None
        return parse_date(value, language=language, dateparser_max_chars=max_date_chars)
    if name == "language":
        return normalize_language(value) if isinstance(value, str) else None
    if name == "image" and isinstance(value, str) and _is_furniture(value):
        return None
    return value


def with_detected_language(meta: Metadata, texts: Iterable[str]) -> Metadata:
    """The metadata with a language told from the body's texts when the page declares none."""
    if meta.fields.get("language"):
        return meta
    detected = detect_language("\n".join(texts))
    if detected is None:
        return meta
    fields = {**meta.fields, "language": detected}
    return replace(meta, fields=fields, sources={**meta.sources, "language": "text"})


def _before(modified: str | None, published: str | None) -> bool:
    """Whether a modification date falls on an earlier day than the publication date."""
    if not modified or not published:
        return False
    day = len("2020-01-01")
    return modified[:day] < published[:day]


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
    shown = dom.get("headline")
    title = fields.get("headline")
    if title and shown and shown.casefold() != title.casefold() and same_headline(shown, title):
        # The headline readers see wins over a metadata title for the same article:
        # metadata titles carry SEO rewordings and site names. A shown <h1> that is a
        # logo or section name shares no words with them and stays out.
        fields["headline"], sources["headline"] = shown, "dom"
    if fields.get("headline"):
        fields["headline"] = strip_site_name(fields["headline"], site, shown)
    for key in ("dek", "labels"):
        if dom.get(key):
            fields[key], sources[key] = dom[key], "dom"
    if "labels" not in fields and candidates["breadcrumb"].get("labels"):
        fields["labels"], sources["labels"] = candidates["breadcrumb"]["labels"], "breadcrumb"
    if "section" not in fields and fields.get("labels"):
        section = next((label for label in fields["labels"] if label.lower() not in GENRE_LABELS), None)
        if section:
            fields["section"], sources["section"] = section, "dom"
    fields["lead_image"] = _lead_image(fields, dom.get("lead_figure"), url)
    # "image" is a candidate URL, not a field of the result: its source moves to lead_image.
    image_source = sources.pop("image", "dom")
    if fields["lead_image"] is not None:
        sources["lead_image"] = image_source


def _crumbs_can_speak(candidates: dict[str, dict[str, Any]]) -> bool:
    """Whether the page's breadcrumb trail could give a field: the labels, when the page shows
    none by its headline, or the section, when no source ranked above the trail gives one.
    (The page's trail is searched for on most of a page's boxes: 7% of reading metadata.)"""
    if not candidates["dom"].get("labels"):
        return True
    ranked_above = PRECEDENCE["section"][: PRECEDENCE["section"].index("breadcrumb")]
    return not any(candidates.get(source, {}).get("section") for source in ranked_above)


def _crumb_values(crumbs: tuple[str, ...], headlines: list[str]) -> dict[str, Any]:
    """Section and labels from a breadcrumb trail: its levels between the home page and the article."""
    wanted = {h.lower() for h in headlines}
    inner = [c for c in crumbs[1:] if c.lower() not in wanted and c.lower() not in _HOME]
    return {"section": inner[-1], "labels": tuple(inner)} if inner else {}


# The first level of a trail when it does not link the site by name.
_HOME = frozenset({"home", "homepage", "start", "accueil", "startseite", "inicio"})


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


def _is_furniture(url: str) -> bool:
    """A logo, icon, pixel or placeholder: an image of the site, not of the article."""
    words = set(re.split(r"[^a-z0-9]+", _image_stem(url)))
    return not words.isdisjoint(NOT_LEAD_IMAGE_WORDS) or url.startswith("data:")


def _same_image(a: str, b: str) -> bool:
    return _image_stem(a) == _image_stem(b)
