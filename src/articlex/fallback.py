"""The cleaned page as a whole, when the located body comes out nearly empty.

Scoring finds the container with the most paragraph prose. A page whose
content is not paragraphs (job boards, product grids, man pages in ``<pre>``,
service pages built from cards) can give a container that is tiny or filtered
away, while the page, once navigation and footers are cleaned off, still holds
the content. trafilatura falls back to a baseline extraction for the same
reason. The fallback is taken only when it brings much more text.
"""

from __future__ import annotations

from lxml import html

from articlex.blocks import build_blocks
from articlex.dom import link_density
from articlex.filters import Exclusions, Selection, select_body
from articlex.model import Block
from articlex.rules.vocab import BOILERPLATE_TAGS
from articlex.rules.weights import (
    CLASS_REMOVAL_LINK_DENSITY,
    FALLBACK_COVERAGE,
    FALLBACK_GAIN,
    FALLBACK_LOW_COVERAGE,
    FALLBACK_SHORT_CHARS,
    FALLBACK_WEAK_SHORT_CHARS,
)
from articlex.trace import Trace


def body_or_page(
    cleaned: html.HtmlElement,
    selection: Selection,
    coverage: float,
    exclusions: Exclusions,
    *,
    base: str | None,
    trace: Trace | None = None,
) -> tuple[Selection, float]:
    """The located body and its coverage, or the cleaned page's when the body is short for the page.

    ``coverage`` is the share of the page's paragraph prose inside the body
    (0 when the page has none to measure).
    """
    weak = not selection.is_article or 0 < coverage < FALLBACK_LOW_COVERAGE
    if chars(selection.blocks) >= (FALLBACK_WEAK_SHORT_CHARS if weak else FALLBACK_SHORT_CHARS):
        return selection, coverage
    whole = _whole_page(cleaned, selection, exclusions, base, trace)
    return (selection, coverage) if whole is None else (whole, FALLBACK_COVERAGE)


def _whole_page(
    cleaned: html.HtmlElement,
    selection: Selection,
    exclusions: Exclusions,
    base: str | None,
    trace: Trace | None = None,
) -> Selection | None:
    """The cleaned page's blocks, filtered, when they hold much more text than ``selection``.

    ``cleaned`` is changed: the navigation that cleaning kept because it held
    most of the page's text (a page of nothing but menus) is dropped here.
    """
    for el in list(cleaned.iter(*BOILERPLATE_TAGS)):
        if el.getparent() is not None and link_density(el) >= CLASS_REMOVAL_LINK_DENSITY:
            el.drop_tree()
    body = cleaned.find("body")
    whole = select_body(build_blocks([body if body is not None else cleaned], base), exclusions)
    found, had = chars(whole.blocks), chars(selection.blocks)
    if found <= FALLBACK_GAIN * max(1, had):
        return None
    if trace is not None:
        trace.add("locate", "fallback", "body", "the located body was short: the cleaned page instead (chars)", found)
    return whole


def chars(blocks: list[Block]) -> int:
    """The blocks' text length."""
    return sum(len(block.text) for block in blocks)
