"""Remove what is never article text from a copy of the tree.

Cleaning works on tags, ARIA roles, visibility and class/id words. Wording
("Follow us", "keep reading") is judged later, on blocks, where the text of a
unit is known. Cleaning never removes an element that holds most of the
page's text, whatever its class says.
"""

from __future__ import annotations

import copy
import re

from lxml import etree, html

from articlex.dom import BREAK_MARK, class_tokens
from articlex.rules.vocab import (
    BOILERPLATE_ROLES,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    CONTENT_WORDS,
    DROP_TAGS,
    RELATED_WORDS,
)
from articlex.rules.weights import PROTECT_TEXT_SHARE

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_REMOVABLE_WORDS = frozenset(BOILERPLATE_WORDS) | frozenset(RELATED_WORDS)
_CONTENT_WORDS = frozenset(CONTENT_WORDS)


def clean(root: html.HtmlElement) -> html.HtmlElement:
    """Return a cleaned copy of ``root``; ``root`` itself is not touched."""
    tree = copy.deepcopy(root)
    etree.strip_elements(tree, *DROP_TAGS, with_tail=False)
    for br in tree.iter("br"):
        br.tail = BREAK_MARK + (br.tail or "")
    body = tree.find("body")
    scope = body if body is not None else tree
    total = len(scope.text_content())
    doomed = [el for el in scope.iterdescendants() if _is_boilerplate(el)]
    for el in doomed:
        if not _large(el, total):
            el.drop_tree()  # the tail is text of the parent: drop_tree keeps it
    return tree


def _is_boilerplate(el: html.HtmlElement) -> bool:
    tag = el.tag
    if not isinstance(tag, str):
        return False
    if tag in BOILERPLATE_TAGS or el.get("role") in BOILERPLATE_ROLES:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    tokens = class_tokens(el)
    if not tokens or tokens.isdisjoint(_REMOVABLE_WORDS):
        return False
    # "post-content sidebar-left": a content word beside a boilerplate word is
    # usually a layout modifier on the article wrapper; let the text decide.
    return tokens.isdisjoint(_CONTENT_WORDS) or tag in ("aside", "nav", "footer")


def _large(el: html.HtmlElement, total: int) -> bool:
    return total > 0 and len(el.text_content()) > PROTECT_TEXT_SHARE * total
