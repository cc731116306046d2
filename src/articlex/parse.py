"""Text to an lxml tree, without losing content silently.

libxml2 stops building the tree below 2,048 levels of nesting (with
``huge_tree``) and drops everything under that point; and every later stage
walks ancestors and reads the text under elements, so depth costs time. We
parse without ``huge_tree`` first (libxml2 then stops at 256 levels and says
so; nearly every page is far shallower) and again with it when libxml2 hit a
limit of its own, then hold the tree to ``Options.max_tree_depth`` and
``Options.max_text_volume`` (see :mod:`articlex.nesting`): a page over either
is flattened, its text kept, and parsed again, and the result carries the
limit's warning.

A page that ends inside an unclosed ``<script>``, ``<style>``, ``<textarea>``
or ``<title>`` has its rest read as that element's text (as in a browser);
that is reported too.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from lxml import etree, html

from articlex.dom import document_iter
from articlex.errors import ParseError
from articlex.limits import LimitHit, reached
from articlex.nesting import deeper_than, depth_for_volume, flatten, reduce_below, text_by_depth, volume
from articlex.options import Options

#: Elements whose text runs to the end of the page when they are left open.
_RAW_TEXT = ("script", "style", "textarea", "title")
# How much of the page's end is compared with an open element's text.
TAIL_COMPARE_CHARS = 200
# Flattening removes only wrappers first; it is done again, structure and all,
# when that was not enough.
_KEEP_STRUCTURE = (True, False)
# Below this, flattening would leave no structure to find an article in; a
# page whose text is over the volume budget even so is read at this depth.
MIN_FLATTEN_DEPTH = 16
# Flattening counts tags as written; the parser adds elements the text leaves
# out (html, head, body, tbody...), so the text is flattened this much deeper
# inside the limit.
IMPLIED_LEVELS = 8
# The last script, style, textarea or title is nearly always among the last few
# nodes of a page (within 4 on nine benchmark pages in ten): a walk back from the
# end looks at this many before one walk of the whole tree takes over.
BACKWARD_STEPS = 16
# Without huge_tree, libxml2 stops at 256 levels of nesting and at a text node or
# attribute value over 10 MB, and says so (ERR_RESOURCE_LIMIT); below those limits it
# builds the tree huge_tree builds. A page parsed that way without the error is at most
# this deep, so no walk of its tree is needed to prove it within max_tree_depth (0.085 ms
# a page); the rare page that hits a limit is parsed again with huge_tree.
PLAIN_PARSE_DEPTH = 256
# With huge_tree, libxml2 builds no deeper than this (it reports the limit when it is hit).
HUGE_PARSE_DEPTH = 2048
# The libxml2 release whose plain parse was checked (2.14.6) to report every limit it
# hits: depth, text, attribute values, raw text, comments. Older releases parse every
# page with huge_tree.
PLAIN_PARSE_LIBXML2 = (2, 14)
_PLAIN_PARSE_REPORTS_LIMITS = etree.LIBXML_VERSION >= PLAIN_PARSE_LIBXML2
# One element class for every tag, chosen in C. lxml.html's own lookup calls a
# Python method each time an element is touched from Python (some 7,000 times a
# page, a tenth of extract()'s time) only to give form controls their own
# classes, whose form helpers articlex never uses. Immutable, so safe to share.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """The document tree and what parsing noticed."""

    root: html.HtmlElement
    warnings: tuple[str, ...] = ()


def parse(text: str, options: Options) -> Parsed:
    """Parse an HTML document; raise :class:`~articlex.ParseError` if no tree comes out.

    Raises :class:`~articlex.ResourceLimitError` when the page is over
    ``options.max_tree_depth`` or ``options.max_text_volume`` and
    ``options.on_limit`` is ``"raise"``.
    """
    root, libxml2_limit, most_levels = _parse_first(text)
    warnings: list[str] = []
    # A tree no deeper than both the depth limit and the volume's bound is within both
    # limits: one walk of the tree clears nearly every page, where a walk per limit cost
    # a second one on the pages over 195 KB (a quarter of them); and no walk is needed
    # when the parse itself says the tree is no deeper than that.
    shallow = min(options.max_tree_depth, _volume_bound(len(text), options.max_text_volume))
    if libxml2_limit or (most_levels > shallow and deeper_than(root, shallow)):
        root, warnings = _held_to_limits(text, root, libxml2_limit=libxml2_limit, options=options)
    open_tail = _open_raw_text(root, text)
    if open_tail is not None:
        warnings.append(open_tail)
    return Parsed(root, tuple(warnings))


def _held_to_limits(
    text: str, root: html.HtmlElement, *, libxml2_limit: bool, options: Options
) -> tuple[html.HtmlElement, list[str]]:
    """The tree of ``text`` held to ``options.max_tree_depth`` and ``options.max_text_volume``,
    and the warnings of the limits that fired; ``root`` is ``text`` parsed as it is."""
    limit = options.max_tree_depth
    warnings: list[str] = []
    if libxml2_limit or deeper_than(root, limit):
        root, found = _flattened(text, limit)
        warnings.append(reached(LimitHit("max_tree_depth", limit, max(found, limit + 1), _flat(limit)), options))
    heavy = _volume_depth(root, len(text), options.max_text_volume, limit)
    if heavy is not None:
        depth, found = heavy
        root, _ = _flattened(text, depth)
        warnings.append(reached(LimitHit("max_text_volume", options.max_text_volume, found, _flat(depth)), options))
    return root, warnings


def _flat(depth: int) -> str:
    return f"markup below level {depth:,} was flattened; its text is kept"


def _flattened(text: str, depth: int) -> tuple[html.HtmlElement, int]:
    """The tree of ``text`` made at most ``depth`` levels deep; and the deepest nesting as written."""
    for keep_structure in _KEEP_STRUCTURE:
        flat, found = flatten(text, max(1, depth - IMPLIED_LEVELS), keep_structure=keep_structure)
        root, libxml2_limit = _parse_once(flat)
        if not libxml2_limit and not deeper_than(root, depth):
            return root, found
    reduce_below(root, depth)
    return root, found


def _volume_depth(root: html.HtmlElement, length: int, budget: int, depth: int) -> tuple[int, int] | None:
    """The depth to flatten at when the text volume is over ``budget``, and the volume found."""
    bound = _volume_bound(length, budget)
    if bound >= depth or not deeper_than(root, bound):
        return None
    chars = text_by_depth(root)
    found = volume(chars)
    target = max(MIN_FLATTEN_DEPTH, depth_for_volume(chars, budget))
    if found <= budget or not deeper_than(root, target):
        return None  # within budget, or as shallow as flattening goes
    return target, found


def _volume_bound(length: int, budget: int) -> int:
    """The depth a tree of a text this long can reach and stay within the volume ``budget``.

    The volume is at most the text's length times the tree's depth: most pages are
    cleared by one cheap depth check, without counting.
    """
    return budget // max(1, length)


def _parse_first(text: str) -> tuple[html.HtmlElement, bool, int]:
    """``text`` parsed; whether libxml2 hit a limit of its own; and the most levels the tree can have."""
    if _PLAIN_PARSE_REPORTS_LIMITS:
        plain, plain_limit = _parse_once(text, huge_tree=False)
        if not plain_limit:
            return plain, False, PLAIN_PARSE_DEPTH
        del plain  # parsed again below: never hold both trees of a hostile page
    root, libxml2_limit = _parse_once(text)
    return root, libxml2_limit, HUGE_PARSE_DEPTH


def _parse_once(text: str, *, huge_tree: bool = True) -> tuple[html.HtmlElement, bool]:
    # collect_ids=False: libxml2 otherwise hashes every id attribute into a table
    # that only XPath's id() and DTD validation read, and articlex uses neither
    # (lxml's get_element_by_id is an @id XPath); 6% of the parse (0.06 ms a page).
    parser = html.HTMLParser(
        encoding="utf-8", huge_tree=huge_tree, remove_comments=True, remove_pis=True, collect_ids=False
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        root = html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"no HTML tree could be built: {exc}") from exc
    limit_hit = any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)
    _adopt_trailing(root)
    return root, limit_hit


def _adopt_trailing(root: html.HtmlElement) -> None:
    """Move what the page wrote after ``</html>`` into its body, as a browser does.

    A template that closes the document early (``</body></html>`` after the
    header, the article after it) leaves libxml2 building a second top-level
    element beside the root; HTML's "after after body" mode hands that content
    back to the body, so a reader sees it on the page.
    """
    trailing = root.getnext()
    if trailing is None:
        return  # most pages: nothing after </html>
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    while trailing is not None:
        following = trailing.getnext()
        if isinstance(trailing.tag, str):
            children = list(trailing.find("body") if trailing.find("body") is not None else trailing)
            body.extend(child for child in children if child.tag != "head")
        trailing = following


def _open_raw_text(root: html.HtmlElement, text: str) -> str | None:
    """A warning when the page ends inside an unclosed script, style, textarea or title."""
    last = _last_raw_text(root)
    # Only text can be hidden: an empty or blank element at the end hides nothing.
    if not isinstance(last, html.HtmlElement) or not (last.text or "").strip():
        return None
    tail = _newlines(text[-TAIL_COMPARE_CHARS:])
    if not tail.strip() or not tail.endswith(_newlines(last.text[-TAIL_COMPARE_CHARS:])):
        return None
    return (
        f"the page ends inside an unclosed <{last.tag}>: its last {len(last.text):,} characters "
        "are read as that element's text, as in a browser"
    )


def _last_raw_text(root: html.HtmlElement) -> html.HtmlElement | None:
    """The last script, style, textarea or title in the document of ``root``, in document order."""
    # Walking back from the end finds it in a few steps (0.005 ms); the tag-filtered
    # walk of the whole tree took 0.05 ms a page, and an XPath union
    # ("(//script | //style ...)[last()]") walked the page once per tag and then sorted.
    node: html.HtmlElement | None = _deepest_last(_last_top(root))
    for _ in range(BACKWARD_STEPS):
        if node is None:
            return None
        if node.tag in _RAW_TEXT:
            return node
        node = _preceding(node)
    found = deque(document_iter(root, *_RAW_TEXT), maxlen=1)
    return found[0] if found else None


def _last_top(root: html.HtmlElement) -> html.HtmlElement:
    """The last node beside the root (what libxml2 left after ``</html>``), or the root."""
    top = root
    while (after := top.getnext()) is not None:
        top = after
    return top


def _deepest_last(node: html.HtmlElement) -> html.HtmlElement:
    """The last node of ``node``'s subtree in document order."""
    while len(node):
        node = node[-1]
    return node


def _preceding(node: html.HtmlElement) -> html.HtmlElement | None:
    """The node before ``node`` in document order, or None at the document's start."""
    before = node.getprevious()
    return node.getparent() if before is None else _deepest_last(before)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
