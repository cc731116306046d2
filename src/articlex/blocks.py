"""Turn the located body elements into typed blocks.

One walk in document order (lxml's ``iterwalk``): block-level elements become
blocks, loose text and inline elements between them become paragraphs. Each
block then passes the filters in :mod:`articlex.filters` (boilerplate
wording, link lists, the headline and dek repeated).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree, html

from articlex.dom import BREAK_MARK, absolute, comparable, is_blank, is_layout_table, squash, text_content
from articlex.figures import figure_block, is_caption_named, is_loose_caption
from articlex.model import Block, InlineLink

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "header",
        "span",
        "center",
        "font",
        "body",
        "html",
        "form",
        "details",
        "summary",
        "hgroup",
        "address",
        "dl",
        "dt",
        "dd",
        "tbody",
        "thead",
        "tfoot",
        "fieldset",
        "picture",
        "figure",  # only when it holds a quote, code or a table: see _handler
        "figcaption",
    ]
)
# A <figure> is any self-contained unit: a quotation with its attribution, a
# code listing, a table. Only a figure of an image is an image block; the
# others are walked like containers, so their text is kept.
_FIGURE_CONTENT = etree.XPath(".//blockquote|.//pre|.//table")
_LANGUAGE_CLASS = re.compile(r"(?:lang(?:uage)?-)([a-z0-9+#-]+)", re.IGNORECASE)


@dataclass
class _Walk:
    """Mutable state of one walk: the blocks so far and the inline run being collected."""

    base: str | None
    blocks: list[Block] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    run_links: list[InlineLink] = field(default_factory=list)
    #: Texts of the captions skipped so far: a slideshow repeats each one in
    #: its control panel, away from the picture.
    captions: set[str] = field(default_factory=set)

    def flush(self) -> None:
        if not self.run:  # most flushes: a container's end right after another's
            self.run_links.clear()
            return
        joined = "".join(self.run)
        # Most runs that reach here are the white space between two blocks (8,087
        # of 8,562 on ScrapingHub): told apart without collapsing it.
        text = "" if is_blank(joined) else _lines(joined)
        if text:
            self.blocks.append(Block("paragraph", text, links=tuple(self.run_links)))
        self.run.clear()
        self.run_links.clear()


def build_blocks(elements: Iterable[html.HtmlElement], base: str | None) -> list[Block]:
    """Blocks of the given elements, in order, unfiltered."""
    walk = _Walk(base)
    for element in elements:
        _walk_element(element, walk)
        walk.flush()
    return walk.blocks


def _walk_element(root: html.HtmlElement, walk: _Walk) -> None:
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "end":
            # A container ends its run. An element with a handler flushed at its start and its
            # subtree was skipped, so the run is empty here: its handler is not asked again.
            if tag in _CONTAINERS:
                walk.flush()
            if el is not root and el.tail:
                walk.run.append(el.tail)
        elif _take_whole(el, tag, walk):
            walker.skip_subtree()
        else:
            if tag in _CONTAINERS:
                walk.flush()
            elif tag == "a" and el.get("href"):
                _record_link(el, walk)
            if el.text:
                walk.run.append(el.text)


_LISTS = ("ul", "ol")


def _take_whole(el: html.HtmlElement, tag: str, walk: _Walk) -> bool:
    """Handle an element that is one block, or none (a caption): True when its subtree is done."""
    if _is_caption(el, walk):
        walk.flush()
        return True
    handler = _handler(el, tag)
    if handler is None:
        return False
    walk.flush()
    block = handler(el, walk.base)
    if block is not None:
        walk.blocks.append(block)
    if tag in _LISTS:
        # A sub-list written without its own <li>: a list block of its own.
        for nested in (child for child in el.iterchildren(*_LISTS) if _is_sub_list(child)):
            if not _take_whole(nested, str(nested.tag), walk):
                _walk_element(nested, walk)  # a gallery: walked for its pictures
                walk.flush()
    return True


def _is_sub_list(nested: html.HtmlElement) -> bool:
    """A list written straight inside a list, under an item or a label that the outer
    list shows before it (``<ul><li>Examples:</li><ul>..``, ``<ul><b>Minimum:</b><br><ul>..``):
    editors nest sub-lists so, and browsers show their items. A list that opens the
    outer one, or follows another list, has nothing it belongs under: the outer
    list is a wrapper (a template's lists of lists), left as it was."""
    before = nested.getprevious()
    if before is None:
        parent = nested.getparent()
        return parent is not None and bool((parent.text or "").strip())
    return before.tag not in _LISTS


def _record_link(el: html.HtmlElement, walk: _Walk) -> None:
    url = absolute(el.get("href"), walk.base)
    text = squash(text_content(el))
    if url and text:
        walk.run_links.append(InlineLink(text, url))


Handler = Callable[[html.HtmlElement, str | None], Block | None]


def _handler(el: html.HtmlElement, tag: str) -> Handler | None:
    if tag in _HEADINGS:
        return _heading
    handler: Handler | None = _HANDLERS.get(tag)
    if handler is not None:
        if tag in _LISTS and _is_gallery(el):
            return None  # walked as a container: its pictures become figures
        return None if tag == "figure" and _FIGURE_CONTENT(el) else handler
    if tag == "table" and not is_layout_table(el):
        return _table
    return None


def _paragraph(el: html.HtmlElement, base: str | None) -> Block | None:
    text = _lines(text_content(el))
    return Block("paragraph", text, links=links_in(el, base)) if text else None


def _heading(el: html.HtmlElement, base: str | None) -> Block | None:
    text = squash(text_content(el))
    return Block("heading", text, level=_HEADINGS[el.tag], links=links_in(el, base)) if text else None


def _quote(el: html.HtmlElement, base: str | None) -> Block | None:
    parts = [_lines(text_content(p)) for p in el.iter("p")] or [_lines(text_content(el))]
    text = "\n".join(p for p in parts if p)
    return Block("quote", text, links=links_in(el, base)) if text else None


def _code(el: html.HtmlElement, _base: str | None) -> Block | None:
    text = text_content(el).strip("\n")
    if not text.strip():
        return None
    classes = " ".join(filter(None, [el.get("class"), *(c.get("class") or "" for c in el.iter("code"))]))
    match = _LANGUAGE_CLASS.search(classes)
    return Block("code", text, language=match.group(1).lower() if match else None)


def _list(el: html.HtmlElement, base: str | None) -> Block | None:
    items: list[str] = []
    links: list[InlineLink] = []
    for li in el.iterchildren("li"):  # one pass for the items and their links
        if text := squash(text_content(li)):
            items.append(text)
        links.extend(links_in(li, base))
    if not items:
        return None
    return Block("list", "\n".join(items), items=tuple(items), ordered=el.tag == "ol", links=tuple(links))


def _table(el: html.HtmlElement, base: str | None) -> Block | None:
    rows = []
    for tr in el.iter("tr"):
        cells = tuple(squash(text_content(cell)) for cell in tr if cell.tag in ("td", "th"))
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    text = "\n".join("\t".join(row) for row in rows)
    return Block("table", text, rows=tuple(rows), links=links_in(el, base))


def _figure(el: html.HtmlElement, base: str | None) -> Block | None:
    return figure_block(el, base)


def _is_caption(el: html.HtmlElement, walk: _Walk) -> bool:
    """A picture's caption (not prose): loose beside its picture, or a caption-named
    element repeating one (recorded here with the caption-named parts inside it)."""
    if is_loose_caption(el):
        walk.captions.update(comparable(text_content(d)) for d in el.iter() if d is el or is_caption_named(d))
        return True
    return bool(walk.captions) and is_caption_named(el) and comparable(text_content(el)) in walk.captions


def _is_gallery(el: html.HtmlElement) -> bool:
    """A list whose items are pictures with captions: a gallery, not a list of points."""
    return el.find(".//figure") is not None or any(
        is_loose_caption(d) for d in el.iterdescendants() if isinstance(d.tag, str)
    )


_HANDLERS: dict[str, Handler] = {
    "p": _paragraph,
    "blockquote": _quote,
    "pre": _code,
    "ul": _list,
    "ol": _list,
    "figure": _figure,
    "img": _figure,
}


def links_in(el: html.HtmlElement, base: str | None) -> tuple[InlineLink, ...]:
    """The links inside an element with their text, absolute URLs, in order."""
    out = []
    for a in el.iter("a"):
        url = absolute(a.get("href"), base)
        text = squash(text_content(a))
        if url and text:
            out.append(InlineLink(text, url))
    return tuple(out)


def _lines(text: str) -> str:
    """Collapse white space within lines; keep the line breaks that ``<br>`` made."""
    if BREAK_MARK not in text:
        return squash(text)  # one line: most runs
    return "\n".join(line for line in (squash(part) for part in text.split(BREAK_MARK)) if line)
