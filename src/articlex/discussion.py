"""Whether a page declares itself a discussion (a forum thread, a question and its answers).

On such a page the replies are the content: the class words that mark reader
comments under an article (``comment``, ``comments``) name the thread's posts.
The declaration is read from schema.org types, in JSON-LD or microdata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree, html

from articlex.dom import document_iter, elements
from articlex.rules.vocab import BOILERPLATE_WORDS, DISCUSSION_TYPES, DISCUSSION_WORDS, RELATED_WORDS

_JSONLD_MIME = "application/ld+json"
_TYPED = etree.XPath("//*[@itemtype]")
_JSONLD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:https?://schema\.org/)?(' + "|".join(DISCUSSION_TYPES) + r')"')

#: Class/id words of boilerplate on ordinary pages.
ORDINARY_BOILERPLATE: frozenset[str] = frozenset(BOILERPLATE_WORDS) | frozenset(RELATED_WORDS)
#: Class/id words of boilerplate on a discussion: the replies are not.
DISCUSSION_BOILERPLATE: frozenset[str] = ORDINARY_BOILERPLATE - frozenset(DISCUSSION_WORDS)


def is_discussion(root: html.HtmlElement, items: Sequence[html.HtmlElement] | None = None) -> bool:
    """True when the page's JSON-LD or microdata declares one of the discussion types.

    ``items``: :func:`articlex.dom.item_elements` of ``root``, when the caller has them.
    """
    # A tag-filtered walk with the type read in Python: libxml2's XPath costs twice as much.
    scripts = (el for el in document_iter(root, "script") if el.get("type") == _JSONLD_MIME)
    if any(_JSONLD_TYPE.search(el.text or "") for el in scripts):
        return True
    typed = elements(_TYPED(root)) if items is None else [el for el in items if el.get("itemtype") is not None]
    kinds = ((el.get("itemtype") or "").split() for el in typed)
    return any(kind.rstrip("/").rsplit("/", 1)[-1] in DISCUSSION_TYPES for listed in kinds for kind in listed)


def boilerplate_words(
    root: html.HtmlElement, items: Sequence[html.HtmlElement] | None = None, *, threaded: bool = False
) -> frozenset[str]:
    """The class/id words that mark boilerplate on this page (``items`` as for :func:`is_discussion`).

    ``threaded``: the page's structure shows a thread of posts (see :mod:`articlex.thread`),
    which makes it a discussion whatever it declares.
    """
    return DISCUSSION_BOILERPLATE if threaded or is_discussion(root, items) else ORDINARY_BOILERPLATE
