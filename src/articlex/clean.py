"""Remove what is never article text from the tree.

The tree is cleaned in place: the readers of the pristine tree (metadata,
related links) run first. Copying the whole tree cost more than any pass of
cleaning itself.

Cleaning works on tags, ARIA roles, visibility and class/id words. Wording
("Follow us", "keep reading") is judged later, on blocks, where the text of a
unit is known. Class words are weak evidence, so an element named like
boilerplate is removed only when it is small or made of links; a large prose
element with a "sidebar" or "comments" class stays, and scoring (which weighs
the same words) decides whether it is the article.
"""

from __future__ import annotations

import re
from enum import Enum

from lxml import etree, html

from articlex.discussion import ORDINARY_BOILERPLATE
from articlex.dom import BREAK_MARK, class_tokens, link_density, text_content
from articlex.rules.vocab import (
    BOILERPLATE_ROLES,
    BOILERPLATE_TAGS,
    CONSENT_WORDS,
    CONTENT_WORDS,
    DROP_TAGS,
    SWALLOWING_TAGS,
)
from articlex.rules.weights import (
    CLASS_REMOVAL_LINK_DENSITY,
    CLASS_REMOVAL_MAX_SHARE,
    NOSCRIPT_KEEP_CHARS,
    PROTECT_TEXT_SHARE,
)
from articlex.trace import Trace, describe

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTENT_WORDS = frozenset(CONTENT_WORDS)
_CONSENT_WORDS = frozenset(CONSENT_WORDS)
# Dropped outright, except the two checked below: an <svg> that the parser left
# open swallows the rest of the page, and a large <noscript> is the page itself
# as served to crawlers (Discourse forums, for one).
_ALWAYS_DROPPED = tuple(tag for tag in DROP_TAGS if tag not in ("svg", "noscript", *SWALLOWING_TAGS))
_SWALLOWING = tuple(SWALLOWING_TAGS)
#: The attributes _marked_as_chrome reads, and those class_tokens reads.
_STRUCTURE_ATTRIBUTES = frozenset({"role", "hidden", "aria-hidden", "style"})
_NAMING_ATTRIBUTES = frozenset({"class", "id"})


class Evidence(Enum):
    """Why an element looks like boilerplate: its tag or state, or only its class words."""

    NONE = 0
    STRUCTURE = 1
    CLASS = 2


def clean(
    root: html.HtmlElement, trace: Trace | None = None, boilerplate: frozenset[str] = ORDINARY_BOILERPLATE
) -> html.HtmlElement:
    """Clean ``root`` in place and return it (read what the pristine tree holds first).

    ``boilerplate`` is the class/id words that mark boilerplate on this page
    (see :func:`articlex.discussion.boilerplate_words`); consent words always do.
    With a ``trace``, each element that looked like boilerplate is recorded as
    removed or kept, with the evidence and its share of the page's text.
    """
    removable = boilerplate | _CONSENT_WORDS
    tree = root
    etree.strip_elements(tree, *_ALWAYS_DROPPED, with_tail=False)
    _drop_leaf_graphics(tree)
    _drop_controls(tree)
    for br in tree.iter("br"):
        br.tail = BREAK_MARK + (br.tail or "")
    body = tree.find("body")
    scope = body if body is not None else tree
    total = len(text_content(scope))
    suspects = [(el, kind) for el in scope.iterdescendants() if (kind := _evidence(el, removable)) is not Evidence.NONE]
    removed: set[html.HtmlElement] = set()
    # Tags and roles are judged first. Class words are then weighed against the
    # text that is left: menus and footers can hold far more (link) text than
    # the article, so a share of the whole page would make the article small.
    left = total
    for evidence in (Evidence.STRUCTURE, Evidence.CLASS):
        for el, kind in suspects:
            if kind is not evidence or any(ancestor in removed for ancestor in el.iterancestors()):
                continue  # goes with its removed ancestor
            verdict = _removable(el, kind, total if kind is Evidence.STRUCTURE else left)
            if trace is not None:
                _record(trace, el, kind, verdict, total, removable=removable)
            if verdict:
                removed.add(el)
                if kind is Evidence.STRUCTURE:
                    left -= len(text_content(el))
    for el in (el for el, _ in suspects if el in removed):
        el.drop_tree()  # the tail is text of the parent: drop_tree keeps it
    return tree


def _record(
    trace: Trace, el: html.HtmlElement, kind: Evidence, removed: bool, total: int, *, removable: frozenset[str]
) -> None:
    share = len(text_content(el)) / total if total else 0.0
    if kind is Evidence.STRUCTURE:
        rule = "boilerplate tag, role or hidden" + ("" if removed else ", but holds much of the page's text")
    else:
        words = ", ".join(sorted(class_tokens(el) & removable))
        rule = f"class/id words {words}" + ("" if removed else ", but holds much prose that is not links")
    trace.add("clean", "removed" if removed else "kept", describe(el), rule + " (share of page text)", share)


def _drop_leaf_graphics(tree: html.HtmlElement) -> None:
    for el in list(tree.iter("svg", "noscript")):
        holds_blocks = el.find(".//p") is not None or el.find(".//div") is not None
        if holds_blocks and (el.tag == "svg" or len(text_content(el)) >= NOSCRIPT_KEEP_CHARS):
            el.drop_tag()  # keep what the parser wrongly nested inside
        else:
            el.drop_tree()


def _drop_controls(tree: html.HtmlElement) -> None:
    controls = list(tree.iter(*_SWALLOWING))
    if not controls:
        return  # most pages: no reason to read the whole page's text
    body = tree.find("body")
    total = len(text_content(body if body is not None else tree))
    for el in controls:
        if len(text_content(el)) > PROTECT_TEXT_SHARE * total:
            el.drop_tag()  # the parser nested the page inside: keep it
        else:
            el.drop_tree()


def _evidence(el: html.HtmlElement, removable: frozenset[str]) -> Evidence:
    tag = el.tag
    if tag in BOILERPLATE_TAGS:
        return Evidence.STRUCTURE
    # The attribute names, read once: most elements carry none of the four that
    # mark structure, and some none at all, so most of the lookups are spared.
    names = el.keys() if isinstance(tag, str) else None
    if not names:
        return Evidence.NONE
    if not _STRUCTURE_ATTRIBUTES.isdisjoint(names) and _marked_as_chrome(el):
        return Evidence.STRUCTURE
    if _NAMING_ATTRIBUTES.isdisjoint(names):
        return Evidence.NONE
    tokens = class_tokens(el)
    if not tokens or tokens.isdisjoint(removable):
        return Evidence.NONE
    # "post-content sidebar-left": a content word beside a boilerplate word is
    # usually a layout modifier on the article wrapper; let the text decide.
    return Evidence.CLASS if tokens.isdisjoint(_CONTENT_WORDS) else Evidence.NONE


def _marked_as_chrome(el: html.HtmlElement) -> bool:
    """A boilerplate ARIA role, or hidden (by attribute, ARIA or inline style)."""
    if el.get("role") in BOILERPLATE_ROLES:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _removable(el: html.HtmlElement, kind: Evidence, total: int) -> bool:
    if total == 0:
        return True
    size = len(text_content(el))
    if kind is Evidence.STRUCTURE:
        return size <= PROTECT_TEXT_SHARE * total
    if not class_tokens(el).isdisjoint(_CONSENT_WORDS):
        return True  # a consent dialog is never the article, however much it says
    return size <= CLASS_REMOVAL_MAX_SHARE * total or link_density(el) >= CLASS_REMOVAL_LINK_DENSITY
