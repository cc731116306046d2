"""Text to an lxml tree, without losing content silently.

libxml2 stops building the tree below 256 levels of nesting (2,048 with
``huge_tree``) and drops everything under that point. We parse with
``huge_tree`` and read the parser's error log: when a resource limit fired,
the page is flattened (wrappers beyond a safe depth are removed, their content
kept) and parsed again, and the result carries a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from articlex.errors import ParseError

# libxml2's hard depth limit with XML_PARSE_HUGE is 2,048; flattening keeps the
# tree well under it while preserving every real page's structure (the deepest
# page in our benchmark sets nests under 100 levels).
FLATTEN_MAX_DEPTH = 1024

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
#: Tags that carry structure the body needs; flattening removes only the others
#: (wrappers such as div, span, section, font and inline formatting).
_STRUCTURAL = frozenset(
    {
        "p",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "blockquote",
        "figure",
        "figcaption",
        "a",
        "html",
        "head",
        "body",
        "title",
        "script",
        "style",
    }
)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """The document tree and what parsing noticed."""

    root: html.HtmlElement
    warnings: tuple[str, ...] = ()


def parse(text: str) -> Parsed:
    """Parse an HTML document; raise :class:`~articlex.ParseError` if no tree comes out."""
    root, limit_hit = _parse_once(text)
    if not limit_hit:
        return Parsed(root)
    root, limit_hit = _parse_once(flatten(text, FLATTEN_MAX_DEPTH))
    warning = f"nesting deeper than the parser allows; wrappers below depth {FLATTEN_MAX_DEPTH} were flattened"
    if limit_hit:
        warning = "parser resource limit reached even after flattening; some content may be missing"
    return Parsed(root, (warning,))


def _parse_once(text: str) -> tuple[html.HtmlElement, bool]:
    parser = html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"no HTML tree could be built: {exc}") from exc
    limit_hit = any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)
    return root, limit_hit


def flatten(text: str, max_depth: int) -> str:
    """Remove start and end tags nested deeper than ``max_depth``, keeping their content."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    pos = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        keep = True
        if closing:
            keep = _close(stack, name)
        elif name not in _VOID and not self_closing:
            keep = len(stack) < max_depth or name in _STRUCTURAL
            stack.append((name, keep))
        out.append(text[pos : match.start()])
        if keep:
            out.append(match.group(0))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def _close(stack: list[tuple[str, bool]], name: str) -> bool:
    """Pop up to the matching start tag; return whether that start tag was kept."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            kept = stack[index][1]
            del stack[index:]
            return kept
    return True
