"""Images with their caption and credit, for body figures and the lead image."""

from __future__ import annotations

import re

from lxml import html

from articlex.dom import absolute, class_tokens, squash, text_content
from articlex.model import Block, Image
from articlex.rules.vocab import (
    CAPTION_SUFFIXES,
    CREDIT_PATTERNS,
    CREDIT_WORDS,
    IMAGE_SOURCE_ATTRIBUTES,
    PICTURE_BOX_SUFFIXES,
)
from articlex.rules.weights import CAPTION_BOX_LEVELS

# Images declared smaller than this (pixels, either side) are icons or tracking pixels.
MIN_IMAGE_SIDE = 50

_CREDIT_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in CREDIT_PATTERNS)
_CREDIT_WORDS = frozenset(CREDIT_WORDS)
_CAPTION_SUFFIXES = tuple(CAPTION_SUFFIXES)
_PICTURE_SUFFIXES = tuple(PICTURE_BOX_SUFFIXES)
# Tags that may carry a caption's class: the containers and inline wrappers
# templates use (a <p class="caption"> is one too).
_CAPTION_HOSTS = frozenset(["div", "span", "p", "small", "em", "i", "cite"])


def is_caption_named(el: html.HtmlElement) -> bool:
    """An element of a caption's tag whose class/id word ends in "caption"."""
    return el.tag in _CAPTION_HOSTS and any(token.endswith(_CAPTION_SUFFIXES) for token in class_tokens(el))


def is_loose_caption(el: html.HtmlElement) -> bool:
    """A picture's caption that no image ``<figure>`` holds: a ``<figcaption>`` outside
    any figure, or an element named like a caption (``wp-caption-text``,
    ``newsCaption``) beside a picture, that is, whose parent holds an image.

    The picture must be there because design systems also name a type size
    "caption" (``caption-s``) and shops name product-card text so; those stand
    apart from the card's image, a picture's caption stands with it. A caption
    holding a link is a card's text (the link goes to the item), so it stays.
    """
    tag = el.tag
    if tag == "figcaption":
        return next(el.iterancestors("figure"), None) is None
    if not is_caption_named(el):
        return False
    if el.find(".//img") is not None or el.find(".//a[@href]") is not None:
        return False  # a card: its own picture, or a link to the item it shows
    parent = el.getparent()
    if parent is not None and parent.find(".//img") is not None:
        return True
    return _in_picture_box(parent)


def _in_picture_box(el: html.HtmlElement | None) -> bool:
    """An ancestor close above is named like a picture or a player: the image is a
    lazy-loading placeholder or a background, or the caption is a video's (players
    are scripts and iframes, gone by now)."""
    for _ in range(CAPTION_BOX_LEVELS):
        if el is None:
            return False
        if any(token.endswith(_PICTURE_SUFFIXES) for token in class_tokens(el)):
            return True
        el = el.getparent()
    return False


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
