"""A shop's grid of products: on a collection page, the items are the content.

A category page of a shop shows a grid of product cards (a linked name and a
price each) and, around it, a paragraph or two written for search engines.
Paragraph scoring finds the paragraphs; the cards, short and linked, score
little. A run of sibling cards of one tag, nearly all of them linking a
product and showing a price of their own (a short element that is the price,
not a promotion's sentence mentioning one), is the grid; when the located
body misses it, its blocks join the body in page order. It runs only where the
located body stands: a body short for the page was already replaced by the
whole cleaned page, grid and all.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree, html

from articlex.annex import Joining, annex
from articlex.dom import class_tokens, elements, text_content
from articlex.filters import Selection
from articlex.rules.vocab import CAROUSEL_WORDS, CURRENCY_CODES, CURRENCY_SIGNS
from articlex.rules.weights import GRID_CARD_MAX_CHARS, GRID_MIN_CARDS, GRID_PRICE_MAX_CHARS, GRID_PRICED_SHARE

_SIGNS = re.escape("".join(CURRENCY_SIGNS))
_PRICE = re.compile(rf"[{_SIGNS}]\s?\d|\d\s?[{_SIGNS}]|\b(?:{'|'.join(CURRENCY_CODES)})\s?\d")
_CAROUSEL = frozenset(CAROUSEL_WORDS)
# ARIA's name for a carousel (aria-roledescription="carousel", the APG pattern).
_CAROUSEL_ROLE = "carousel"
_RULE = "a grid of priced product cards that the body missed (cards)"
# The elements with GRID_MIN_CARDS children or more: "a child at that position", where
# count(*) counts them all; compiled once (0.29 to 0.25 ms a page on ScrapingHub's trees).
_MANY_CHILDREN = etree.XPath(f"descendant-or-self::*[*[{GRID_MIN_CARDS}]]")


def with_product_grid(page: Joining) -> Selection:
    """The body's selection with the page's product grid's blocks, in page order."""
    found = _product_grid(page.tree)
    return annex(page, [(found[1], found[0])] if found else [], rule=_RULE)


def sells(tree: html.HtmlElement) -> bool:
    """Whether the page shows a grid of priced product cards (a shop's category page)."""
    return _product_grid(tree) is not None


def _product_grid(tree: html.HtmlElement) -> tuple[int, html.HtmlElement] | None:
    """The element with the most priced cards among its children (GRID_MIN_CARDS or more)."""
    best: tuple[int, html.HtmlElement] | None = None
    for parent in elements(_MANY_CHILDREN(tree)):
        cards = _priced_cards(parent)
        if cards >= GRID_MIN_CARDS and (best is None or cards > best[0]) and not _in_carousel(parent):
            best = (cards, parent)
    return best


def _in_carousel(el: html.HtmlElement) -> bool:
    """``el`` is, or is inside, a carousel: its cards are other products slid past."""
    for node in (el, *el.iterancestors()):
        if node.get("aria-roledescription") == _CAROUSEL_ROLE or not class_tokens(node).isdisjoint(_CAROUSEL):
            return True
    return False


def _priced_cards(parent: html.HtmlElement) -> int:
    tags = Counter(child.tag for child in parent if isinstance(child.tag, str))
    if not tags:
        return 0
    tag, count = tags.most_common(1)[0]
    if count < GRID_MIN_CARDS:
        return 0
    spare = count - GRID_PRICED_SHARE * count  # children of the tag that may be something else
    priced = 0
    for child in parent:
        if child.tag != tag:
            continue
        if _is_card(child):
            priced += 1
        else:
            spare -= 1
            if spare < 0:
                return 0
    return priced


def _is_card(el: html.HtmlElement) -> bool:
    text = text_content(el)
    # Its characters that are not white space, counted by a split (a call of isspace()
    # for each character took longer) and only when the text could pass the limit.
    if len(text) > GRID_CARD_MAX_CHARS and sum(map(len, text.split())) > GRID_CARD_MAX_CHARS:
        return False
    if _PRICE.search(text) is None:
        return False
    linked = (el.tag == "a" and el.get("href") is not None) or el.find(".//a[@href]") is not None
    return linked and any(_is_price(part) for part in el.iter())


def _is_price(el: html.HtmlElement) -> bool:
    """An element that shows a price and little else ("$36", "From €19,99")."""
    if not isinstance(el.tag, str):
        return False
    text = " ".join(text_content(el).split())
    return len(text) <= GRID_PRICE_MAX_CHARS and _PRICE.search(text) is not None
