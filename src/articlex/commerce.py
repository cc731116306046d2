"""Drop a shop's furniture from a product page: the body is the product's description.

A product page (schema.org Product on sale, or a product ``og:type``) surrounds
the description with customer reviews and ratings, shipping and pay-later
notes, wish-list buttons and carousels of other products. These are named by
their class words (``COMMERCE_WORDS``) in every shop system, and on a product
page they can hold more text than the description itself (a page of reviews),
so the size protection of ``clean`` does not apply. The element that shows the structured description is kept,
with its ancestors (``clean`` keeps them too: shops put the description in a
collapsed tab or drawer, hidden or in an ``aside``), and so is the element
that holds the product's name.

The product's name opens the body (``with_product_name``): on a shop's page it
is the first fact of the product's record, where an article's headline is a
field of its own.
"""

from __future__ import annotations

from lxml import html

from articlex.dom import SUBHEADINGS, class_tokens, comparable, short_text, showing
from articlex.filters import phrase_pattern
from articlex.metadata import ProductPage
from articlex.model import Block
from articlex.rules.vocab import BUY_BOX_WORDS, COMMERCE_WORDS, RECOMMENDATION_HEADINGS
from articlex.rules.weights import RELATED_HEADING_MAX_CHARS
from articlex.trace import Trace, describe

_COMMERCE_WORDS = frozenset(COMMERCE_WORDS)
_BUY_BOX_WORDS = frozenset(BUY_BOX_WORDS)
_RECOMMENDATION = phrase_pattern(RECOMMENDATION_HEADINGS)
_CAROUSEL_RULE = "opens with a heading over other products (chars)"


def strip_commerce(tree: html.HtmlElement, product: ProductPage, trace: Trace | None = None) -> html.HtmlElement:
    """Remove commerce widgets from the cleaned ``tree`` (in place) and return it.

    The elements that show the product's structured description are never
    removed. Buy-box words count only where schema.org data declares the
    product: a product ``og:type`` alone is also found on collection pages,
    whose prices are content.
    """
    kept = showing(tree, product.description)
    words = _COMMERCE_WORDS | _BUY_BOX_WORDS if product.structured else _COMMERCE_WORDS
    removed: dict[html.HtmlElement, None] = {}  # ordered, and a fast membership test
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        tokens = class_tokens(el)
        if not tokens or tokens.isdisjoint(words):
            continue
        if any(ancestor in removed for ancestor in el.iterancestors()):
            continue
        if el in kept or el.get("itemprop") == "description" or el.find(".//h1") is not None:
            continue
        removed[el] = None
        if trace is not None:
            named = ", ".join(sorted(tokens & words))
            trace.add("clean", "removed", describe(el), f"commerce widget on a product page: {named}")
    for el in removed:
        el.drop_tree()
    _drop_recommendations(tree, kept, trace)
    return tree


def _drop_recommendations(tree: html.HtmlElement, kept: set[html.HtmlElement], trace: Trace | None) -> None:
    """Remove each section that opens with a heading over other products ("Similar items").

    The section is the outermost ancestor that the heading opens (nothing
    before it), short of one that holds the product's description or name.
    """
    sections: dict[html.HtmlElement, None] = {}
    for heading in tree.iter(*SUBHEADINGS):
        text = short_text(heading, RELATED_HEADING_MAX_CHARS)
        if text is None or not _RECOMMENDATION.fullmatch(text.strip().rstrip(":").strip()):
            continue
        section = _opened_by(heading, kept)
        sections[section] = None
        if trace is not None:
            trace.add("clean", "removed", describe(section), _CAROUSEL_RULE, len(text))
    for section in sections:
        if section.getparent() is not None:
            section.drop_tree()


def _opened_by(heading: html.HtmlElement, kept: set[html.HtmlElement]) -> html.HtmlElement:
    section = heading
    parent = section.getparent()
    while parent is not None and parent.tag not in ("body", "html") and parent not in kept:
        if (parent.text or "").strip() or section.getprevious() is not None or parent.find(".//h1") is not None:
            break
        section, parent = parent, parent.getparent()
    return section


def with_product_name(blocks: list[Block], name: str | None) -> list[Block]:
    """The body of a product page, opening with the product's ``name`` (its headline).

    The filters drop a block repeating the headline, as on an article; a shop's
    page lists the name with the product's facts, so it is put back at the top,
    unless a block of the body already opens with it. An empty body stays empty.
    """
    wanted = comparable(name)
    if not wanted or not blocks or any(comparable(block.text).startswith(wanted) for block in blocks):
        return blocks
    return [Block(type="heading", text=" ".join((name or "").split()), level=1), *blocks]
