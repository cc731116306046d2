"""Small read-only questions about lxml elements: their text, links and class words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast
from urllib.parse import urljoin

from lxml import etree, html

from articlex.rules.vocab import NEGATING_CLASS_PREFIXES
from articlex.rules.weights import SHOWN_TEXT_PROBE_CHARS

#: Cleaning marks each <br> with this private-use character so that block text can
#: keep the line break while ordinary source newlines collapse to spaces.
BREAK_MARK = "\ue000"

#: Headings below the page's title: what opens a section of it.
SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")

_TOKEN_WORDS = re.compile(r"[a-z0-9]+")
_NEGATIONS = frozenset(NEGATING_CLASS_PREFIXES)


# Above this length, squash() works a chunk at a time: splitting a 50 MB text
# into words at once would hold some ten million word objects (half a gigabyte).
SQUASH_CHUNK_CHARS = 1_000_000


def squash(text: str | None) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    if not text:
        return ""
    if len(text) > SQUASH_CHUNK_CHARS:
        return _squash_by_chunks(text)
    # str.split() is C-fast and knows every Unicode space; the mark is not one.
    return " ".join(text.replace(BREAK_MARK, " ").split())


def is_blank(text: str | None) -> bool:
    """Whether ``squash(text)`` is empty (only white space and break marks), without building it."""
    if not text or text.isspace():
        return True
    # str.isspace() and str.split() know the same white space; the mark is not part of it.
    return BREAK_MARK in text and text.replace(BREAK_MARK, " ").isspace()


def _squash_by_chunks(text: str) -> str:
    """squash() for long texts, with memory bounded by the chunk size."""
    parts: list[str] = []
    space_before = False
    for start in range(0, len(text), SQUASH_CHUNK_CHARS):
        chunk = text[start : start + SQUASH_CHUNK_CHARS].replace(BREAK_MARK, " ")
        words = chunk.split()
        if words:
            if parts and (space_before or chunk[0].isspace()):
                parts.append(" ")
            parts.append(" ".join(words))
            space_before = chunk[-1].isspace()
        else:
            space_before = True
    return "".join(parts)


def text_content(el: html.HtmlElement) -> str:
    """``el.text_content()``: all the text under the element, comments' and PIs' excepted.

    An element with no child nodes (most links, most leaves) holds only its own
    text, read directly: ``text_content()`` runs an XPath evaluation for it,
    four times the cost, and readers ask it hundreds of times a page. Another
    element's text is serialised as text: libxml2 gathers it with the same
    function as XPath's ``string()``, without setting up an XPath evaluation
    (a quarter less time a call).
    """
    if len(el) == 0:
        return el.text or ""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


# Raw text may carry this many times its collapsed length in indentation and
# newlines; beyond that an element is certainly longer than the limit asked for.
RAW_TEXT_SLACK = 4


def short_text(el: html.HtmlElement, limit: int) -> str | None:
    """The element's collapsed text if at most ``limit`` characters, else None.

    Cheap on large elements: the raw length is checked before any regex runs.
    """
    raw = text_content(el)
    if len(raw) > limit * RAW_TEXT_SLACK:
        return None
    text = squash(raw)
    return text if len(text) <= limit else None


def comparable(text: str | None) -> str:
    """The form in which texts are compared across readings: lower case, no white
    space (a ``<br>`` that one reading turned into a line break and another into
    nothing still compares equal)."""
    if not text:
        return ""
    if len(text) <= SQUASH_CHUNK_CHARS:
        return "".join(text.split()).lower()
    # Chunked like squash(): white space never spans the removal, so this is exact.
    chunks = (text[start : start + SQUASH_CHUNK_CHARS] for start in range(0, len(text), SQUASH_CHUNK_CHARS))
    return "".join("".join(chunk.split()) for chunk in chunks).lower()


#: Tags that a table of data never holds in a cell: a table holding one lays out a page.
_LAYOUT_TABLE_MARKERS = ("table", "div", "p", "article", "section", "h1", "h2", "h3")


def is_layout_table(table: html.HtmlElement) -> bool:
    """A table used to lay out a page (it holds nested tables, boxes, paragraphs or
    headings), not a table of data."""
    return any(table.find(f".//{marker}") is not None for marker in _LAYOUT_TABLE_MARKERS)


def contains(ancestor: html.HtmlElement, el: html.HtmlElement) -> bool:
    """Whether ``el`` lies inside ``ancestor`` (an element does not contain itself)."""
    return any(a is ancestor for a in el.iterancestors())


def text_of(el: html.HtmlElement) -> str:
    """The element's whole text, white space collapsed."""
    return squash(text_content(el))


def link_text_length(el: html.HtmlElement) -> int:
    """Characters of text inside links under (or at) the element."""
    if el.tag == "a":
        return len(text_of(el))
    return sum(len(text_of(a)) for a in el.iter("a"))


def link_density(el: html.HtmlElement, text: str | None = None) -> float:
    """The share of the element's text that sits inside links (0 for an empty element)."""
    full = text if text is not None else text_of(el)
    if not full:
        return 0.0
    return min(1.0, link_text_length(el) / len(full))


def class_tokens(el: html.HtmlElement) -> frozenset[str]:
    """Lower-cased words of the element's class and id (``post-Body_2`` -> post, body, 2),
    plus each hyphen/underscore compound joined (``share-bar`` also gives ``sharebar``)."""
    classes, ident = el.get("class"), el.get("id")
    if not ident:
        if not classes:
            return _NO_TOKENS
        raw = classes  # most elements: a class and no id, split as it is
    else:
        raw = f"{classes} {ident}" if classes else ident
    return _tokens(raw) if len(raw) <= TOKEN_CACHE_MAX_CHARS else _split_tokens(raw)


_NO_TOKENS: frozenset[str] = frozenset()
# Only short class strings are memoised: the cache outlives the call, and 8,192
# entries of a hostile page's 10 MB class attribute would stay in memory for
# the rest of a long-running process. Real class strings are well under this.
TOKEN_CACHE_MAX_CHARS = 512


# A pure function of the attribute text, memoised: pages repeat the same class
# strings on hundreds of elements, and the cache cannot change any result.
@lru_cache(maxsize=8192)
def _tokens(raw: str) -> frozenset[str]:
    return _split_tokens(raw)


def _split_tokens(raw: str) -> frozenset[str]:
    words: list[str] = []
    joined: list[str] = []
    for name in raw.lower().split():
        if name.isascii() and name.isalnum():  # most class names: one plain word, no regex needed
            words.append(name)
            joined.append(name)
            continue
        parts = _TOKEN_WORDS.findall(name)
        joined.append("".join(parts))
        if len(parts) > 1 and parts[0] in _NEGATIONS:
            continue  # "hide-read-more-ad", "without-sidebar": the element is not one
        words.extend(parts)
    return frozenset(words + joined)


def link_holders(root: html.HtmlElement) -> frozenset[html.HtmlElement]:
    """The elements (``root`` and above included) that hold an ``<a>`` among their descendants.

    One walk up from each link, stopping where an earlier walk passed: linear in
    the size of the page. XPath's ``[descendant::a]`` on every element costs
    several times more in libxml2, and readers ask it of most of the page.
    """
    holders: set[html.HtmlElement] = set()
    for link in root.iter("a"):
        el = link.getparent()
        while el is not None and el not in holders:
            holders.add(el)
            el = el.getparent()
    return frozenset(holders)


#: The microdata attributes themselves: libxml2 finds attribute nodes several times
#: faster than it tests elements for them (``//*[@itemprop]``). From the elements of the
#: whole document (``/descendant::*``), not from every node as ``//`` would: the text
#: nodes have no attributes to look at (67 -> 51 us a ScrapingHub page, 103 -> 73 WCXB).
_ITEM_ATTRIBUTES = etree.XPath("/descendant::*/@itemscope | /descendant::*/@itemtype | /descendant::*/@itemprop")


def item_elements(root: html.HtmlElement) -> tuple[html.HtmlElement, ...]:
    """The elements carrying microdata (``itemscope``, ``itemtype`` or ``itemprop``), in document order.

    Three readers (the discussion check, microdata metadata, the marked body)
    each searched the whole page for one of these attributes; the matches are
    few, so one search serves them all.
    """
    found = cast("list[etree._ElementUnicodeResult]", _ITEM_ATTRIBUTES(root))
    # Attributes come in document order, an element's own in a row: its first keeps its place.
    return tuple(dict.fromkeys(el for attribute in found if isinstance(el := attribute.getparent(), html.HtmlElement)))


def document_iter(root: html.HtmlElement, *tags: str) -> Iterator[html.HtmlElement]:
    """The elements with these tags in ``root``'s whole document, in document order: what
    XPath's ``//tag`` finds. libxml2 can leave elements beside the root (an unclosed
    ``<script>`` after ``</html>`` goes into a second ``<html>``), which ``root.iter()`` misses."""
    for top in (*reversed(list(root.itersiblings(etree.Element, preceding=True))), root):
        yield from top.iter(*tags)
    for top in root.itersiblings(etree.Element):
        yield from top.iter(*tags)


def following(el: html.HtmlElement, root: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements after ``el`` in ``root``'s document order, its own descendants first.

    Lazy: a reader of the neighbourhood stops after a few dozen, where listing
    the whole page made a Python object of every element.
    """
    yield from el.iterdescendants(etree.Element)
    node = el
    while node is not root and (parent := node.getparent()) is not None:
        for sibling in node.itersiblings(etree.Element):
            yield from sibling.iter(etree.Element)
        node = parent


def preceding(el: html.HtmlElement, root: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements before ``el`` in ``root``'s document order, nearest first (its ancestors among them)."""
    node = el
    while node is not root and (parent := node.getparent()) is not None:
        for sibling in node.itersiblings(etree.Element, preceding=True):
            yield from reversed(list(sibling.iter(etree.Element)))
        yield parent
        node = parent


#: XPath's white space (XML's four characters), as ``normalize-space()`` sees it.
_XML_SPACE = str.maketrans("\t\r\n", "   ")


def xml_words(text: str | None) -> list[str]:
    """The words of ``text`` split as XPath's ``normalize-space()`` splits them: at XML
    white space only (a no-break space joins words)."""
    return [word for word in (text or "").translate(_XML_SPACE).split(" ") if word]


def elements(result: object) -> list[html.HtmlElement]:
    """The elements of an element-selecting XPath result (typed for mypy --strict)."""
    return [el for el in cast("list[object]", result) if isinstance(el, html.HtmlElement)]


def absolute(url: str | None, base: str | None) -> str | None:
    """Resolve ``url`` against ``base``; keep it as it is when there is no base."""
    if not url:
        return None
    url = url.strip()
    if url.startswith(("javascript:", "data:", "mailto:", "#")):
        return None
    if base:
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url


def showing(tree: html.HtmlElement, text: str) -> set[html.HtmlElement]:
    """The element that shows ``text`` (its start and its end, compared without
    spaces or case), with its ancestors; empty when the page does not show it.

    Found by descending from the root into the child that still holds both: a
    text spread over several paragraphs is held by their parent.
    """
    whole = comparable(text)
    probes = (whole[:SHOWN_TEXT_PROBE_CHARS], whole[-SHOWN_TEXT_PROBE_CHARS:])
    if not whole or not _holds(tree, probes):
        return set()
    held = {tree}
    node = tree
    while True:
        inner = next((child for child in node if _holds(child, probes)), None)
        if inner is None:
            return held
        held.add(inner)
        node = inner


def _holds(el: html.HtmlElement, probes: tuple[str, str]) -> bool:
    if not isinstance(el.tag, str) or el.tag in _NOT_SHOWN:
        return False
    shown = comparable(text_content(el))
    return all(probe in shown for probe in probes)


# Elements whose text is not shown on the page.
_NOT_SHOWN = frozenset({"script", "style", "template", "head", "title", "noscript"})
