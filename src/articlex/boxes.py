"""White space between the boxes of a page, as a browser lays them out.

``text_content()`` joins the text of sibling elements with nothing between
them: ``<div>#1</div><h3>Scream 7</h3><div>2026</div>`` reads ``#1Scream 72026``,
though a browser shows three lines. Each block-level element is given a
space at its start and after its end (unless white space is already there),
so that a list item, a table cell or a card read whole keeps its words apart.
Cleaning calls :func:`space_box` from the walk it makes anyway: a walk of its
own would cost 2-3% of an extraction.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import html

from articlex.rules.vocab import BOX_TAGS

#: The tags given spaces (a set: asked once per element of the page).
BOXES = frozenset(BOX_TAGS)


def preformatted(root: html.HtmlElement) -> Collection[html.HtmlElement]:
    """The elements inside a ``<pre>``, whose white space is content and stays as written."""
    if root.find(".//pre") is None:
        return ()  # most pages: no set built
    return {d for pre in root.iter("pre") for d in pre.iterdescendants()}


def space_box(el: html.HtmlElement) -> None:
    """Give a block-level element a space at the start of its text and at the start of its tail.

    Only the element's own text and tail change: neither its neighbours nor
    its parent are touched, so a walk may call this on each element it passes.
    """
    text = el.text
    if text:
        if not text[0].isspace():
            el.text = " " + text
    elif len(el):
        el.text = " "
    tail = el.tail
    if not tail:
        el.tail = " "
    elif not tail[0].isspace():
        el.tail = " " + tail
