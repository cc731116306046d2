"""How deep a page nests, and how to make it shallower without losing its text.

Two measures bound the work every later stage does, since each walks
ancestors and reads the text under elements:

* depth: how many elements deep the tree goes (``<html>`` is level 1);
* text volume: the characters of text under each element, summed over all
  elements, so a character nested ten deep counts ten times. Real pages stay
  under 16 times their length; a page that nests its text hundreds deep costs
  hundreds of times its length in every stage that reads text.

Making a page shallower is done on the text, before parsing again: start and
end tags nested below a depth are removed (wrappers first, then structure too),
their content kept. What the parser still nests too deep afterwards (it adds
html, body and tbody of its own) is reduced to text in the tree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from lxml import etree, html

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
#: Inline elements: their text joins the words around it when structure is reduced to text.
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
    ]
)


def flatten(text: str, max_depth: int, *, keep_structure: bool = True) -> tuple[str, int]:
    """Remove start and end tags nested deeper than ``max_depth``, keeping their content.

    With ``keep_structure`` the tags in :data:`_STRUCTURAL` stay wherever they
    are. A removed tag that is not inline leaves a newline (white space in
    HTML). Returns the new text and the deepest nesting seen, as written.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    # How many of each name are open: an end tag that matches none is answered
    # at once, not by searching the stack (100,000 stray end tags took minutes).
    open_names: Counter[str] = Counter()
    pos = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        keep = True
        if closing:
            keep = _close(stack, open_names, name)
        elif name not in _VOID and not self_closing:
            keep = len(stack) < max_depth or (keep_structure and name in _STRUCTURAL)
            stack.append((name, keep))
            open_names[name] += 1
            deepest = max(deepest, len(stack))
        out.append(text[pos : match.start()])
        # A removed block tag leaves a line break, so the words on either side stay apart.
        out.append(match.group(0) if keep else "" if name in _INLINE else "\n")
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), deepest


def deeper_than(root: html.HtmlElement, depth: int) -> bool:
    """Whether any element sits more than ``depth`` levels down (``<html>`` is level 1)."""
    return bool(root.xpath("boolean(/*" + "/*" * depth + ")"))


def reduce_below(root: html.HtmlElement, depth: int) -> None:
    """Turn everything below level ``depth`` into the text of its level-``depth`` ancestor."""
    for el in root.xpath("/*" * depth):
        etree.strip_elements(el, "script", "style", with_tail=False)
        for inner in el.iterdescendants():
            if inner.tag not in _INLINE:  # keep words of adjacent blocks apart
                inner.tail = "\n" + (inner.tail or "")
        etree.strip_tags(el, "*")


def _close(stack: list[tuple[str, bool]], open_names: Counter[str], name: str) -> bool:
    """Pop up to the matching start tag; return whether that start tag was kept."""
    if not open_names[name]:
        return True
    while stack:
        popped, kept = stack.pop()
        open_names[popped] -= 1
        if popped == name:
            return kept
    return True  # pragma: no cover - open_names said the name is on the stack


def text_by_depth(root: html.HtmlElement) -> dict[int, int]:
    """Characters of text at each level of the tree (an element's text is at its level)."""
    chars: dict[int, int] = defaultdict(int)
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            if el.text:
                chars[depth] += len(el.text)
        else:
            depth -= 1
            if el.tail:
                chars[depth] += len(el.tail)
    return dict(chars)


def volume(chars: dict[int, int], depth: int | None = None) -> int:
    """The text volume of a tree with these characters by level, flattened at ``depth`` if given."""
    return sum(count * (level if depth is None else min(level, depth)) for level, count in chars.items())


def depth_for_volume(chars: dict[int, int], budget: int) -> int:
    """The deepest level to flatten at so that the text volume is at most ``budget`` (at least 1)."""
    deepest = max(chars, default=1)
    low, high = 1, deepest
    while low < high:
        middle = (low + high + 1) // 2
        if volume(chars, middle) <= budget:
            low = middle
        else:
            high = middle - 1
    return low
