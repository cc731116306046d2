"""Elements outside the located body that join it, before or after it as they stand in the page.

A shop's product grid that a category page's paragraphs were scored without
(:mod:`articlex.grids`), a product's specification tables in a tab of their
own (:mod:`articlex.specs`), a blog archive's post cards
(:mod:`articlex.archives`): found elsewhere in the cleaned tree, each is
read into blocks as the body is (blocks, then the filters) and set before or
after the body by its place in the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import html

from articlex.blocks import build_blocks
from articlex.dom import contains
from articlex.filters import Exclusions, Selection, select_body
from articlex.model import Block
from articlex.trace import Trace, describe


def overlaps(el: html.HtmlElement, body: Sequence[html.HtmlElement]) -> bool:
    """``el`` is an element of ``body``, holds one, or lies inside one: its blocks are
    read with the body's already, or hold them."""
    return any(el is root or contains(root, el) or contains(el, root) for root in body)


def annex(
    selection: Selection,
    body: list[html.HtmlElement],
    tree: html.HtmlElement,
    extras: Sequence[tuple[html.HtmlElement, int]],
    exclusions: Exclusions,
    *,
    rule: str,
    base: str | None,
    trace: Trace | None = None,
) -> Selection:
    """``selection`` (the blocks of ``body``) with the blocks of each element of ``extras`` joined in page order.

    Each extra is an element and the count its ``rule`` names (cards, rows),
    which the trace records with the rule.
    """
    if not body or not extras:
        return selection
    order = {el: n for n, el in enumerate(tree.iter())}
    start = order.get(body[0], 0)
    before: list[Block] = []
    after: list[Block] = []
    for el, count in extras:
        if trace is not None:
            trace.add("locate", "added", describe(el), rule, count)
        blocks = select_body(build_blocks([el], base), exclusions, trace).blocks
        (before if order.get(el, 0) < start else after).extend(blocks)
    return Selection([*before, *selection.blocks, *after], selection.is_article)
