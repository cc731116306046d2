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
from dataclasses import dataclass

from lxml import html

from articlex.blocks import build_blocks
from articlex.dom import contains
from articlex.filters import Exclusions, Selection, select_body
from articlex.model import Block
from articlex.trace import Trace, describe


@dataclass(frozen=True, slots=True)
class Joining:
    """What a rule that joins elements to the located body reads: the body's blocks
    (``selection``) and elements (``body``, never empty), the cleaned tree, and how
    the joined elements are read into blocks and filtered."""

    selection: Selection
    body: list[html.HtmlElement]
    tree: html.HtmlElement
    exclusions: Exclusions
    base: str | None
    trace: Trace | None = None


def overlaps(el: html.HtmlElement, body: Sequence[html.HtmlElement]) -> bool:
    """``el`` is an element of ``body``, holds one, or lies inside one: its blocks are
    read with the body's already, or hold them."""
    return any(el is root or contains(root, el) or contains(el, root) for root in body)


def annex(page: Joining, extras: Sequence[tuple[html.HtmlElement, int]], *, rule: str) -> Selection:
    """``page.selection`` with the blocks of each element of ``extras`` that is not the
    body's already (:func:`overlaps`) joined in page order; ``page.selection`` itself
    when none is.

    Each extra is an element and the count its ``rule`` names (cards, rows),
    which the trace records with the rule.
    """
    extras = [(el, count) for el, count in extras if not overlaps(el, page.body)]
    if not page.body or not extras:
        return page.selection
    order = {el: n for n, el in enumerate(page.tree.iter())}
    start = order.get(page.body[0], 0)
    before: list[Block] = []
    after: list[Block] = []
    for el, count in extras:
        if page.trace is not None:
            page.trace.add("locate", "added", describe(el), rule, count)
        blocks = select_body(build_blocks([el], page.base), page.exclusions, page.trace).blocks
        (before if order.get(el, 0) < start else after).extend(blocks)
    return Selection([*before, *page.selection.blocks, *after], page.selection.is_article)
