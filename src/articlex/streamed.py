"""Content a React server streamed after its placeholder, put where the browser shows it.

React's streaming server render (``renderToPipeableStream``, used by Next.js)
sends a page's slow parts later in the same response: in the page a
``<template id="B:0">`` marks the place (a fallback such as "Loading..." after
it; inside streamed content a ``P:0`` marks a later segment), and at the end of
the body a ``<div hidden id="S:0">`` holds the content, which a script moves
into place. Without the script the content is a hidden element at the end of
the page, and cleaning drops hidden elements. Each such pair is resolved here
as the script does, the content put in the placeholder's place, when the
placeholder sits in the article's own container (a class word such as
``article-body``, ``post``, ``entry``): pages also stream product carousels,
recommendation lists and menus, which stay hidden, and go. The fallback cannot
be told apart once the parser has dropped the boundary's comments; its wording
("Loading paragraph...") is left to the block filters.
"""

from __future__ import annotations

import re

from lxml import html

from articlex.dom import class_tokens, contains
from articlex.rules.vocab import CONTENT_WORDS

#: A boundary's placeholder (``B:n``) and a segment's (``P:n``, inside streamed
#: content, filled by a later ``S:n``).
_PLACEHOLDER_ID = re.compile(r"[BP]:[0-9a-fA-F]+")
#: Content words that name a page's whole main column ("main-content"), carousels
#: and all, rather than the article's text: not enough to place streamed content.
_PAGE_WIDE_WORDS = frozenset({"content", "main"})
_ARTICLE_WORDS = frozenset(CONTENT_WORDS) - _PAGE_WIDE_WORDS


def place_streamed(root: html.HtmlElement) -> None:
    """Move each streamed ``S:n`` block's content into its ``B:n`` or ``P:n`` placeholder, in place.

    Placeholders are taken in page order: a segment's ``P:n`` inside streamed
    content is reached after that content has been put in place.
    """
    placeholders = [t for t in root.iter("template") if _PLACEHOLDER_ID.fullmatch(t.get("id") or "")]
    if not placeholders:
        return
    streamed = {el.get("id"): el for el in root.iter("div") if el.get("hidden") is not None}
    for template in placeholders:
        content = streamed.get("S:" + (template.get("id") or "")[2:])
        if content is None or template.getparent() is None or contains(content, template):
            continue
        if not any(not _ARTICLE_WORDS.isdisjoint(class_tokens(a)) for a in template.iterancestors()):
            continue  # streamed into a widget, not into the article
        if content.text:
            _append_text(template, content.text)
        for child in list(content):
            template.addprevious(child)  # moves it, tail and all
        content.drop_tree()
        template.drop_tree()  # drop_tree keeps the tail in the parent


def _append_text(template: html.HtmlElement, text: str) -> None:
    previous = template.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent = template.getparent()
        parent.text = (parent.text or "") + text
