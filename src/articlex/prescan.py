"""Checks on the decoded text before it is parsed: what libxml2 would choke on, or hide.

* A tag with more attributes than ``Options.max_attributes`` keeps its first
  ones: libxml2 compares every attribute with all earlier ones of its tag, so
  its time grows with the square of their number.
* A page with more start tags than ``Options.max_nodes`` is cut before the
  first one over: every later stage walks the tree.
* An unclosed comment hides the rest of the page, in libxml2 as in a browser;
  that is reported, not undone.

Attributes are tokenized the way the HTML standard's tokenizer does (and
libxml2 2.14 with it): no separator is needed after a quoted value, ``/``
separates, ``"``, ``'`` and ``<`` may sit inside a name. Every quantifier is
possessive, so each scan is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from articlex.limits import LimitHit, reached
from articlex.options import Options

_WS = "\t\n\f\r "
#: One attribute, from the "before attribute name" state: separators, a name
#: (which may start with "="), and an optional value, quoted or not.
_ATTRIBUTE = (
    rf"(?>[{_WS}/]*+(?:=|[^{_WS}/>])[^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+\"|'[^']*+'|[^{_WS}>]*+))?+)"
)
_TAG_NAME = rf"<[a-zA-Z][^{_WS}/>]*+"
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_MORE_ATTRIBUTES = re.compile(rf"(?:{_ATTRIBUTE})*+")
_START_TAG = re.compile("<[a-zA-Z]")
#: Elements whose content is text, not markup: a "<p" inside them is no tag.
#: Comments too: what looks like markup inside them is no markup either.
_RAW_TEXT_OPEN = re.compile(
    r"<(?:(script|style|textarea|title|xmp|iframe|noembed|noframes)\b[^>]*>|!--)", re.IGNORECASE
)
_COMMENT_CLOSE = re.compile("--!?>")
_COMMENT_OPEN = "<!--"
#: What ends a comment ("--!>" too, by the standard's tokenizer).
_COMMENT_CLOSES = ("-->", "--!>")


@dataclass(frozen=True, slots=True)
class Scanned:
    """The text to parse, and the limit that fired while preparing it, if any."""

    text: str
    hit: LimitHit | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """The text to parse and the warnings about what was cut or hidden."""

    text: str
    warnings: tuple[str, ...] = ()


def prepare(text: str, options: Options) -> Prepared:
    """Apply ``options.max_nodes`` and ``options.max_attributes``; report an unclosed comment.

    Raises :class:`~articlex.ResourceLimitError` for a limit that fires when
    ``options.on_limit`` is ``"raise"``.
    """
    warnings = []
    for check, maximum in ((cap_nodes, options.max_nodes), (cap_attributes, options.max_attributes)):
        scanned = check(text, maximum)
        if scanned.hit is not None:
            warnings.append(reached(scanned.hit, options))
        text = scanned.text
    hidden = unclosed_comment(text)
    if hidden is not None:
        warnings.append(hidden)
    return Prepared(text, tuple(warnings))


def cap_attributes(text: str, maximum: int) -> Scanned:
    """Drop the attributes after the first ``maximum`` of every tag that has more."""
    crowded = re.compile(rf"{_TAG_NAME}(?:{_ATTRIBUTE}){{{maximum + 1}}}")
    match = crowded.search(text)
    if match is None:
        return Scanned(text)
    spans = _RawTextSpans(text)
    kept_prefix = re.compile(rf"{_TAG_NAME}(?:{_ATTRIBUTE}){{{maximum}}}")
    out: list[str] = []
    pos = most = tags = 0
    while match is not None:
        start = match.start()
        if spans.contains(start):
            match = crowded.search(text, spans.end_of(start))
            continue
        keep = kept_prefix.match(text, start)
        if keep is None:  # pragma: no cover - the longer pattern matched here, so the shorter does
            break
        rest = _MORE_ATTRIBUTES.match(text, keep.end())
        end = rest.end() if rest is not None else keep.end()
        most = max(most, maximum + len(_ATTRIBUTES.findall(text, keep.end(), end)))
        tags += 1
        out += [text[pos : keep.end()]]
        pos = end
        match = crowded.search(text, end)
    if not tags:
        return Scanned(text)
    out.append(text[pos:])
    consequence = f"attributes after the first {maximum:,} were dropped from {tags:,} tag(s)"
    return Scanned("".join(out), LimitHit("max_attributes", maximum, most, consequence))


def cap_nodes(text: str, maximum: int) -> Scanned:
    """Cut the text before its start tag number ``maximum + 1``.

    What looks like a tag inside a comment, a script or another raw-text
    element is text, and is not counted.
    """
    if text.count("<") <= maximum:
        return Scanned(text)
    cut = None
    found = 0
    for start, end in _RawTextSpans(text).outside(len(text)):
        count = len(_START_TAG.findall(text, start, end))
        if cut is None and found + count > maximum:
            # One C-level match skips the start tags this segment may still have.
            skip = re.compile(rf"(?:[^<]*+(?:<(?![a-zA-Z])[^<]*+)*+<[a-zA-Z]){{{maximum - found}}}")
            first = skip.match(text, start, end) if maximum > found else None
            over = _START_TAG.search(text, first.end() if first is not None else start, end)
            cut = over.start() if over is not None else None
        found += count
    if cut is None:
        return Scanned(text)
    consequence = (
        f"the page was cut before start tag {maximum + 1:,}; its last {len(text) - cut:,} characters were not read"
    )
    return Scanned(text[:cut], LimitHit("max_nodes", maximum, found, consequence))


def unclosed_comment(text: str) -> str | None:
    """A warning when an unclosed ``<!--`` hides the end of the page, else None."""
    closed = max((text.rfind(close) + len(close) for close in _COMMENT_CLOSES if close in text), default=0)
    start = text.find(_COMMENT_OPEN, closed)
    if start < 0 or _RawTextSpans(text).contains(start):
        return None
    hidden = len(text) - start
    return (
        f"an unclosed comment at character {start:,} hides the rest of the page "
        f"({hidden:,} characters), as it would in a browser"
    )


class _RawTextSpans:
    """Where comments and the text of script, style and the other raw-text elements lie, found once."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        pos = 0
        while (opener := _RAW_TEXT_OPEN.search(text, pos)) is not None:
            name = opener.group(1)
            close = re.compile(rf"</{name}", re.IGNORECASE) if name else _COMMENT_CLOSE
            closer = close.search(text, opener.end())
            end = closer.start() if closer is not None else len(text)
            self._starts.append(opener.end())
            self._ends.append(end)
            pos = end

    def _index(self, pos: int) -> int | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        return index if index >= 0 and pos < self._ends[index] else None

    def outside(self, length: int) -> Iterator[tuple[int, int]]:
        """The (start, end) ranges of a text of ``length`` that no span covers, in order."""
        pos = 0
        for start, end in zip(self._starts, self._ends, strict=True):
            yield pos, start
            pos = end
        yield pos, length

    def contains(self, pos: int) -> bool:
        return self._index(pos) is not None

    def end_of(self, pos: int) -> int:
        index = self._index(pos)
        return self._ends[index] if index is not None else pos
