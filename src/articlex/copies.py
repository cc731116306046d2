"""Drop the second copy of a block that the page writes once per screen size.

Responsive pages often write a block twice (or three times), once for phones
and once for larger screens, and let the stylesheet show one of them: the
classes say so (``md:hidden`` beside ``hidden md:block``, ``hidden-xs`` beside
``visible-xs``, ``div.desktop`` beside ``div.mobile``; ``RESPONSIVE_CLASSES``).
A reader sees the block once, so within the located body an element marked
like that whose text equals an earlier marked element's is removed. Text shown
on one screen size only (a mobile-only menu, a desktop-only banner) has no twin
and stays. It runs after the body is located: the copies count in the page's
prose as they count for every other block, and a copy whose twin lies outside
the body (a sidebar's specifications shown in the column on phones) is the
body's only one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from articlex.filters import phrase_pattern
from articlex.rules.vocab import (
    RESPONSIVE_CLASSES,
    RESPONSIVE_HIDDEN_CLASSES,
    RESPONSIVE_HINTS,
    RESPONSIVE_SHOWN_CLASSES,
)
from articlex.rules.weights import RESPONSIVE_COPY_MIN_CHARS
from articlex.trace import Trace, describe

_RESPONSIVE = phrase_pattern(RESPONSIVE_CLASSES)
_SHOWN = phrase_pattern(RESPONSIVE_SHOWN_CLASSES)
# A word that every responsive class holds: one search of the class string before a match a word.
_HINT = re.compile("|".join(RESPONSIVE_HINTS), re.IGNORECASE)
_HIDDEN = frozenset(RESPONSIVE_HIDDEN_CLASSES)
_RULE = "a copy of an earlier block, shown on other screen sizes (chars)"


def drop_responsive_copies(body: Sequence[html.HtmlElement], trace: Trace | None = None) -> None:
    """Remove (in place) each element of ``body`` marked for some screen sizes whose text an earlier one shows."""
    first: dict[str, html.HtmlElement] = {}
    copies: list[tuple[html.HtmlElement, int]] = []
    for el in (el for root in body for el in root.xpath("descendant-or-self::*[@class]")):
        if not _responsive(el.get("class")):
            continue
        text = " ".join(el.text_content().split())
        if len(text) < RESPONSIVE_COPY_MIN_CHARS:
            continue
        twin = first.setdefault(text, el)
        if twin is not el and not _contains(twin, el):
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
    if not classes or _HINT.search(classes) is None:
        return False
    words = classes.lower().split()
    if any(_RESPONSIVE.fullmatch(word) for word in words):
        return True
    return not _HIDDEN.isdisjoint(words) and any(_SHOWN.fullmatch(word) for word in words)


def _contains(outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())
