"""What the page writes twice, read once.

Two kinds of copy, each met where it can be told from a repeat the page
means:

- **A block written once per screen size** (:func:`drop_responsive_copies`, on
  the located body's elements). Responsive pages often write a block twice
  (or three times), once for phones and once for larger screens, and let the
  stylesheet show one of them: the classes say so (``md:hidden`` beside
  ``hidden md:block``, ``hidden-xs`` beside ``visible-xs``, ``div.desktop``
  beside ``div.mobile``; ``RESPONSIVE_CLASSES``). A reader sees the block
  once, so within the located body an element marked like that whose text
  equals an earlier marked element's is removed. Text shown on one screen
  size only (a mobile-only menu, a desktop-only banner) has no twin and
  stays. It runs after the body is located: the copies count in the page's
  prose as they count for every other block, and a copy whose twin lies
  outside the body (a sidebar's specifications shown in the column on
  phones) is the body's only one.
- **A second copy of the body** (:func:`drop_copies`, on the selected blocks).
  Pages print their content twice: a print or reader copy, a mobile and a
  desktop layout both in the markup, a "full text" modal over the page.
  Cleaning keeps both when neither is marked, and the body then reads twice.
  A run of long blocks that repeats an earlier run block for block is such a
  copy; a single line the page repeats on purpose (a note under each table,
  a feature in each plan card) is not a run, and stays; nor is a run that
  holds little of the body (the days of a meal plan, alike in each week).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree, html

from articlex.dom import contains, elements
from articlex.filters import phrase_pattern
from articlex.model import Block
from articlex.rules.vocab import (
    RESPONSIVE_CLASSES,
    RESPONSIVE_HIDDEN_CLASSES,
    RESPONSIVE_HINTS,
    RESPONSIVE_SHOWN_CLASSES,
)
from articlex.rules.weights import (
    COPY_MIN_BLOCK_CHARS,
    COPY_MIN_BODY_SHARE,
    COPY_MIN_RUN_BLOCKS,
    COPY_MIN_RUN_CHARS,
    RESPONSIVE_COPY_MIN_CHARS,
)
from articlex.trace import Trace, describe, preview

_RESPONSIVE = phrase_pattern(RESPONSIVE_CLASSES)
_SHOWN = phrase_pattern(RESPONSIVE_SHOWN_CLASSES)
# A word that every responsive class holds: one search of the class string before a match a word.
_HINT = re.compile("|".join(RESPONSIVE_HINTS), re.IGNORECASE)
# The same search over an ASCII class string lowered once: 2.4 times faster than the
# case-insensitive one, which folds each character at each position (measured over the
# classed elements of the ScrapingHub pages: 849 -> 359 us a page). Only for ASCII:
# there lower() and IGNORECASE agree (IGNORECASE also folds U+017F, the long s, to "s").
_LOWER_HINT = re.compile("|".join(RESPONSIVE_HINTS))
_CLASSED = etree.XPath("descendant-or-self::*[@class]")
_HIDDEN = frozenset(RESPONSIVE_HIDDEN_CLASSES)
_RULE = "a copy of an earlier block, shown on other screen sizes (chars)"


def drop_responsive_copies(body: Sequence[html.HtmlElement], trace: Trace | None = None) -> None:
    """Remove (in place) each element of ``body`` marked for some screen sizes whose text an earlier one shows."""
    first: dict[str, html.HtmlElement] = {}
    copies: list[tuple[html.HtmlElement, int]] = []
    for el in (el for root in body for el in elements(_CLASSED(root))):
        if not _responsive(el.get("class")):
            continue
        text = " ".join(el.text_content().split())
        if len(text) < RESPONSIVE_COPY_MIN_CHARS:
            continue
        twin = first.setdefault(text, el)
        if twin is not el and not contains(twin, el):
            copies.append((el, len(text)))
    removed: set[html.HtmlElement] = set()
    for el, chars in copies:
        if any(ancestor in removed for ancestor in el.iterancestors()):
            continue
        removed.add(el)
        if trace is not None:
            trace.add("clean", "removed", describe(el), _RULE, chars)
        el.drop_tree()


def _responsive(classes: str | None) -> bool:
    if not classes or not _hinted(classes):
        return False
    words = classes.lower().split()
    if any(_RESPONSIVE.fullmatch(word) for word in words):
        return True
    return not _HIDDEN.isdisjoint(words) and any(_SHOWN.fullmatch(word) for word in words)


def _hinted(classes: str) -> bool:
    if classes.isascii():
        return _LOWER_HINT.search(classes.lower()) is not None
    return _HINT.search(classes) is not None


def drop_copies(blocks: list[Block], trace: Trace | None = None) -> list[Block]:
    """``blocks`` without the runs that repeat an earlier run of the body, in order."""
    # Positions of the blocks compared (long text blocks); figures and short
    # labels between them neither break a run nor count towards one.
    compared = [
        i for i, block in enumerate(blocks) if block.type != "figure" and len(block.text) >= COPY_MIN_BLOCK_CHARS
    ]
    texts = [blocks[i].text for i in compared]
    least = max(COPY_MIN_RUN_CHARS, COPY_MIN_BODY_SHARE * sum(len(b.text) for b in blocks if b.type != "figure"))
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        first.setdefault(text, k)
    copied: set[int] = set()
    k = 0
    while k < len(texts):
        length = _run_length(texts, first, k)
        if length >= COPY_MIN_RUN_BLOCKS and sum(len(t) for t in texts[k : k + length]) >= least:
            copied.update(compared[k : k + length])
        k += max(1, length)  # the run's tails are shorter runs of the same copy: judged with it
    if trace is not None:
        for i in sorted(copied):
            trace.add("filter", "dropped", preview(blocks[i].type, blocks[i].text), "a copy of blocks above it")
    return [block for i, block in enumerate(blocks) if i not in copied]


def _run_length(texts: list[str], first: dict[str, int], start: int) -> int:
    """How many texts from ``start`` on repeat, one for one, the texts from where the
    first of them first came, the copy not reaching into its original.

    Blocks are matched to their first occurrence: a page of one paragraph repeated
    is no copy of itself, and each block is looked at once (the page stays linear).
    """
    origin = first[texts[start]]
    length = 0
    while start + length < len(texts) and origin + length < start and first[texts[start + length]] == origin + length:
        length += 1
    return length
