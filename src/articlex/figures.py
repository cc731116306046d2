"""Images with their caption and credit, for body figures and the lead image."""

from __future__ import annotations

import re

from lxml import html

from articlex.dom import absolute, class_tokens, squash, text_content
from articlex.model import Block, Image
from articlex.rules.vocab import CREDIT_PATTERNS, CREDIT_WORDS, IMAGE_SOURCE_ATTRIBUTES

# Images declared smaller than this (pixels, either side) are icons or tracking pixels.
MIN_IMAGE_SIDE = 50

_CREDIT_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in CREDIT_PATTERNS)
_CREDIT_WORDS = frozenset(CREDIT_WORDS)


def image_url(img: html.HtmlElement, base: str | None) -> str | None:
    """The real URL of an ``<img>`` (lazy-loading attributes first, then ``srcset``)."""
    for attribute in IMAGE_SOURCE_ATTRIBUTES:
        value = img.get(attribute)
        if value and not value.startswith("data:"):
            return absolute(value, base)
    srcset = img.get("srcset") or img.get("data-srcset")
    first = srcset.split(",")[0].split() if srcset else []
    return absolute(first[0], base) if first else None


def is_tiny(img: html.HtmlElement) -> bool:
    """True for images declared as icons or tracking pixels."""
    for side in ("width", "height"):
        value = (img.get(side) or "").removesuffix("px")
        if _is_number_below(value, MIN_IMAGE_SIDE):
            return True
    return False


def _is_number_below(value: str, limit: int) -> bool:
    """ASCII digits (as HTML reads a dimension) making a number below ``limit``.

    ``str.isdigit`` also accepts "²" and other digits ``int`` refuses, and
    ``int`` refuses more than 4,300 digits: both raised from here on hostile pages.
    """
    if not (value.isascii() and value.isdigit()):
        return False
    significant = value.lstrip("0")
    return len(significant) <= len(str(limit)) and int(significant or "0") < limit


def caption_and_credit(figure: html.HtmlElement) -> tuple[str | None, str | None]:
    """Split a figure's caption from its credit (a marked element, or a written credit)."""
    caption_el = figure.find(".//figcaption")
    if caption_el is None:
        return None, None
    credit = None
    for el in caption_el.iter():
        if el is not caption_el and not class_tokens(el).isdisjoint(_CREDIT_WORDS):
            credit = squash(text_content(el)) or None
            break
    caption = squash(text_content(caption_el))
    if credit:
        caption = squash(caption.replace(credit, ""))
    else:
        caption, credit = split_credit(caption)
    return caption or None, credit


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a written credit ("Photo: A. Name") off the end of a caption."""
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(text)
        if match:
            return squash(text[: match.start()]), squash(match.group(0)).strip("()") or None
    return text, None


def figure_image(figure: html.HtmlElement, base: str | None) -> Image | None:
    """The image of a ``<figure>`` (or a bare ``<img>``) with its caption and credit."""
    img = figure if figure.tag == "img" else figure.find(".//img")
    if img is None or is_tiny(img):
        return None
    url = image_url(img, base)
    if url is None:
        return None
    caption, credit = caption_and_credit(figure) if figure.tag != "img" else (None, None)
    return Image(url, squash(img.get("alt")) or None, caption, credit)


def figure_block(figure: html.HtmlElement, base: str | None) -> Block | None:
    """A figure block, or None for a figure without a usable image."""
    image = figure_image(figure, base)
    if image is None:
        return None
    return Block(
        "figure", image.caption or "", url=image.url, alt=image.alt, caption=image.caption, credit=image.credit
    )
