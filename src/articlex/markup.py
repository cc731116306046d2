"""Where a page's real tags are, as the HTML standard's tokenizer sees them.

A ``<p`` is a tag only in text: inside a comment, inside a quoted attribute
value (``src="data:image/svg+xml,<svg ...>"``) or inside a script, a style and
the other raw-text elements it is text. Regexes over the whole page cannot
tell, so :func:`scan` walks the page tag by tag. It is a Python loop over every
``<``: the prescan runs it only on the rare pages a fast check flags.

Attributes are tokenized as the standard does (libxml2 2.14 does the same): no
separator is needed after a quoted value, ``/`` separates, ``"``, ``'`` and
``<`` may sit inside a name. Every quantifier is possessive, so no regex here
backtracks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WS = "\t\n\f\r "
#: One attribute, from the "before attribute name" state: separators, a name
#: (which may start with "="), and an optional value, quoted or not.
ATTRIBUTE = (
    rf"(?>[{_WS}/]*+(?:=|[^{_WS}/>])[^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+\"|'[^']*+'|[^{_WS}>]*+))?+)"
)
#: A start tag's opening: "<" and its name.
TAG_NAME = rf"<[a-zA-Z][^{_WS}/>]*+"
#: What a tag opens with: a start or end tag's name, or a comment.
_OPENING = re.compile(rf"<(?:(/?)([a-zA-Z][^{_WS}/>]*+)|!--)")
_REST_OF_TAG = re.compile(rf"(?:{ATTRIBUTE})*+[{_WS}/]*+>?")
_COMMENT_CLOSE = re.compile("--!?>")
#: "<!-->" and "<!--->" are whole (empty) comments.
_ABRUPT_COMMENT_ENDS = (">", "->")
#: Elements whose content is text up to their end tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})


@dataclass(frozen=True, slots=True)
class Markup:
    """The real start tags of a page, and what an unterminated construct hides."""

    #: Offsets of the start tags, in order.
    start_tags: tuple[int, ...]
    #: Where an unclosed comment begins (it runs to the end of the page), if one does.
    unclosed_comment: int | None = None


def scan(text: str) -> Markup:
    """Walk the page tag by tag, skipping comments and raw text."""
    starts: list[int] = []
    pos = 0
    while (opening := _OPENING.search(text, pos)) is not None:
        if opening.group(2) is None:  # a comment
            end = _comment_end(text, opening.end())
            if end is None:
                return Markup(tuple(starts), opening.start())
            pos = end
            continue
        pos = _REST_OF_TAG.match(text, opening.end()).end()  # type: ignore[union-attr]  # *+ always matches
        if opening.group(1):  # an end tag
            continue
        starts.append(opening.start())
        name = opening.group(2).lower()
        if name in RAW_TEXT:
            closer = re.compile(rf"</{name}", re.IGNORECASE).search(text, pos)
            if closer is None:
                break
            pos = closer.start()
    return Markup(tuple(starts))


def _comment_end(text: str, pos: int) -> int | None:
    for abrupt in _ABRUPT_COMMENT_ENDS:
        if text.startswith(abrupt, pos):
            return pos + len(abrupt)
    close = _COMMENT_CLOSE.search(text, pos)
    return close.end() if close is not None else None


def crowded_tags(maximum: int) -> re.Pattern[str]:
    """A pattern whose ``match`` at a tag boundary skips markup up to the next start
    tag with more than ``maximum`` attributes; group ``crowded`` is that tag's name
    and first ``maximum + 1`` attributes.

    It is one left-to-right pass, as the tokenizer reads: text, comments, end
    tags, start tags with at most ``maximum`` attributes and the content of
    raw-text elements are consumed whole and never read again (a search from
    every ``<`` re-read the attributes of the tag around it, quadratic time),
    and a ``<p`` inside a quoted value, a comment or a script is no tag.
    """
    # At most ``maximum`` attributes, then the tag's end: with more, this fails.
    few = rf"(?>{ATTRIBUTE}){{0,{maximum}}}+[{_WS}/]*+(?:>|\Z)"
    # The alternatives are tried in this order at every "<". An end tag ("</") can
    # match no other, so it comes before the eight raw-text names: half the tags
    # of a page are end tags, and each tried and failed all eight (15% of the
    # pass). The comment must stay before the lone "<", the raw-text names before
    # the plain start tag.
    skipped = (
        r"[^<]++",
        rf"</[a-zA-Z][^{_WS}/>]*+(?:{ATTRIBUTE})*+[{_WS}/]*+>?",
        r"<!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>)?)",  # a comment, "<!-->" and "<!--->" included
        # Raw text up to its end tag: one alternative per name, because a group
        # inside a possessive loop trips a CPython bug (SystemError, "The span of
        # capturing group is wrong") on 3.11.
        *(rf"<{name}(?![^{_WS}/>]){few}(?:[^<]++|<(?!/{name}))*+" for name in sorted(RAW_TEXT)),
        rf"{TAG_NAME}{few}",
        r"<(?!/?[a-zA-Z])",  # "<!doctype", "<?xml", a lone "<"
    )
    return re.compile(
        rf"(?:{'|'.join(skipped)})*+(?P<crowded>{TAG_NAME}(?:{ATTRIBUTE}){{{maximum + 1}}})", re.IGNORECASE
    )
