"""Score containers by the prose they hold (Readability's idea, no state on the DOM).

Each paragraph-like element with enough text earns points (length, commas) that
flow up to its ancestors, fading with distance. A container starts from a
score given by its tag and its class/id words, and its total is discounted by
its link density. Scores live in a mapping, never on the nodes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from lxml import etree, html

from articlex.discussion import ORDINARY_BOILERPLATE
from articlex.dom import (
    BREAK_MARK,
    SQUASH_CHUNK_CHARS,
    class_tokens,
    is_blank,
    is_layout_table,
    link_density,
    link_text_length,
    squash,
    text_content,
    text_of,
)
from articlex.rules.vocab import CONSENT_WORDS, CONTENT_WORDS
from articlex.rules.weights import (
    ANCESTOR_LEVELS,
    CHARS_PER_POINT,
    CLASS_WEIGHT,
    MAX_LENGTH_POINTS,
    MIN_PARAGRAPH_CHARS,
    PROSE_CELL_MIN_CHARS,
    PROSE_LINK_DENSITY,
    PROSE_MARK_LEVELS,
    TAG_SCORES,
)

#: Elements scored as paragraphs.
PARAGRAPH_TAGS = ("p", "pre", "td", "blockquote", "li", "dd")
#: Block-level tags: a div holding none of them directly is scored as a paragraph.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)
#: List items score (a list can be the content) but are not prose mass: headline
#: lists would pull the body towards sidebars. Table cells are prose mass only in a
#: table of data (link tables are already left out as mostly links).
_NOT_PROSE = frozenset({"li"})
_CONSENT = frozenset(CONSENT_WORDS)
_NEGATIVE = ORDINARY_BOILERPLATE | _CONSENT
_POSITIVE = frozenset(CONTENT_WORDS)

RawScores = dict[html.HtmlElement, float]


class Scores:
    """Link-discounted candidate scores, measured on demand.

    A score is the raw score times (1 - link density). Link density reads the
    whole text of an element, which is costly on the large ancestors near the
    top, and most candidates never matter: since the discount only lowers a
    score, the raw score bounds it, and questions about the best candidates
    stop as soon as no raw score can compete.
    """

    __slots__ = ("_final", "_measures", "_raw")

    def __init__(self, raw: RawScores) -> None:
        self._raw = raw
        self._final: dict[html.HtmlElement, float] = {}
        self._measures = _Measures()

    def __contains__(self, el: object) -> bool:
        return el in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, el: html.HtmlElement) -> float:
        final = self._final.get(el)
        if final is None:
            final = self._final[el] = self._raw[el] * (1 - self._measures.link_density(el))
        return final

    def get(self, el: html.HtmlElement, default: float = 0.0) -> float:
        """The score, or ``default`` for an element that is not a candidate."""
        return self[el] if el in self._raw else default

    def link_density(self, el: html.HtmlElement) -> float:
        """:func:`articlex.dom.link_density` of any element of the tree, measured as the scores are."""
        return self._measures.link_density(el)

    def ceiling(self, el: html.HtmlElement) -> float:
        """The most ``el``'s score can be, known without measuring its links: a score
        lies between 0 and the raw score."""
        return max(self._raw[el], 0.0)

    def best(self, count: int) -> list[html.HtmlElement]:
        """The ``count`` best candidates, best first (ties: document order)."""
        order = {el: i for i, el in enumerate(self._raw)}
        ranked: list[tuple[float, int, html.HtmlElement]] = []
        for el in sorted(self._raw, key=self._raw.__getitem__, reverse=True):
            if len(ranked) >= count and self._raw[el] < ranked[count - 1][0]:
                break
            ranked.append((self[el], order[el], el))
            ranked.sort(key=lambda entry: (-entry[0], entry[1]))
        return [el for _, _, el in ranked[:count]]

    def at_least(self, floor: float) -> list[html.HtmlElement]:
        """The candidates scoring ``floor`` or more, in document order."""
        return [el for el, raw in self._raw.items() if raw >= floor and self[el] >= floor]


# What composing texts needs of one: the length of its collapsed form (len(squash(text))),
# whether it holds a word, and whether it starts and ends with white space (or a break mark).
_Text = tuple[int, bool, bool, bool]
_NO_TEXT: _Text = (0, False, False, False)


class _Measures:
    """:func:`articlex.dom.link_density` of elements that hold one another.

    The candidates asked about are mostly ancestors of ones asked before (a
    climb, the best candidates near the top), and reading an ancestor's whole
    text again costs most of the scores' time on large pages. An element's text
    is composed of its own text, its children's and their tails: a child
    measured before gives its collapsed length and link text, and only the
    rest is read.
    """

    __slots__ = ("_known",)

    def __init__(self) -> None:
        # Each element measured: its text, and the length of the link text in it (its own too when it is a link).
        self._known: dict[html.HtmlElement, tuple[_Text, int]] = {}

    def link_density(self, el: html.HtmlElement) -> float:
        text, linked = self._measure(el)
        if not text[0]:
            return 0.0
        return 1.0 if el.tag == "a" else min(1.0, linked / text[0])

    def _measure(self, el: html.HtmlElement) -> tuple[_Text, int]:
        known = self._known.get(el)
        if known is None:
            known = self._composed(el) if any(child in self._known for child in el) else None
            known = self._known[el] = known or _read(el)
        return known

    def _composed(self, el: html.HtmlElement) -> tuple[_Text, int] | None:
        """The measure of ``el`` from its children's; None when a child is of a kind not composed."""
        text = _text(el.text)
        linked = 0
        for child in el:
            if isinstance(child.tag, str):
                child_text, child_linked = self._known.get(child) or _read(child)
                text = _joined(text, child_text)
                linked += child_linked
            elif child.tag not in _UNREAD_NODES:
                return None  # an entity: read the whole as libxml2 reads it
            text = _joined(text, _text(child.tail))
        return text, linked + (text[0] if el.tag == "a" else 0)


# Nodes whose content is no part of an element's text (their tails are).
_UNREAD_NODES = (etree.Comment, etree.ProcessingInstruction)


def _read(el: html.HtmlElement) -> tuple[_Text, int]:
    """An element measured by reading its whole text."""
    return _text(text_content(el)), sum(len(text_of(a)) for a in el.iter("a"))


def _text(raw: str | None) -> _Text:
    if not raw:
        return _NO_TEXT
    if len(raw) > SQUASH_CHUNK_CHARS:
        # A chunk at a time, as squash() works: memory bounded (texts compose exactly).
        chunks = (raw[start : start + SQUASH_CHUNK_CHARS] for start in range(0, len(raw), SQUASH_CHUNK_CHARS))
        return reduce(_joined, map(_text, chunks), _NO_TEXT)
    spaced = raw.replace(BREAK_MARK, " ")
    words = spaced.split()  # at str.isspace()'s white space, as squash splits
    if not words:
        return (0, False, True, True)
    return (sum(map(len, words)) + len(words) - 1, True, spaced[0].isspace(), spaced[-1].isspace())


def _joined(first: _Text, second: _Text) -> _Text:
    """The measure of two texts, one after the other."""
    if not second[1]:
        return (first[0], first[1], first[2] or (second[2] and not first[1]), first[3] or second[3])
    if not first[1]:
        return (second[0], True, first[2] or second[2], second[3])
    space = 1 if first[3] or second[2] else 0  # otherwise the last word runs on into the first
    return (first[0] + second[0] + space, True, first[2], second[3])


@dataclass(frozen=True, slots=True)
class Scoring:
    """Candidate scores, how much prose each element holds, and the class words scored as boilerplate."""

    scores: Scores
    mass: dict[html.HtmlElement, int]
    negative: frozenset[str] = _NEGATIVE


_PAGE_TAGS = frozenset({"body", "html"})


def class_weight(el: html.HtmlElement, negative: frozenset[str] = _NEGATIVE) -> float:
    """+CLASS_WEIGHT for a content word in class/id, -CLASS_WEIGHT for a boilerplate word (of ``negative``)."""
    tokens = class_tokens(el)
    if not tokens:
        return 0.0
    weight = 0.0
    if not tokens.isdisjoint(negative):
        weight -= CLASS_WEIGHT
    if not tokens.isdisjoint(_POSITIVE):
        weight += CLASS_WEIGHT
    return weight


def loose_text(el: html.HtmlElement) -> tuple[str, int]:
    """A div's (or section's, span's) own prose: its text and inline children,
    without its block children; and how many of those characters are link text.

    Readability wraps such loose runs in paragraphs; a blog post often puts its
    text straight in a div with <br>s, beside an image div. ("", 0) when the
    element has no text of its own.
    """
    if is_blank(el.text) and all(is_blank(child.tail) for child in el):
        return "", 0
    parts = [el.text or ""]
    linked = 0
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            inline = text_content(child)
            parts.append(inline)
            linked += link_text_length(child)
        parts.append(child.tail or "")
    return squash("".join(parts)), linked


def paragraph_points(text: str) -> float:
    """Points a paragraph earns: one, one per comma, one per CHARS_PER_POINT (capped)."""
    commas = text.count(",") + text.count("\uff0c") + text.count("\u060c")
    return 1 + commas + min(len(text) / CHARS_PER_POINT, MAX_LENGTH_POINTS)


def score_candidates(scope: html.HtmlElement, boilerplate: frozenset[str] = ORDINARY_BOILERPLATE) -> Scoring:
    """Score every ancestor of a paragraph in ``scope``; ``boilerplate`` is the page's boilerplate class words.

    Returns the link-discounted scores and each ancestor's prose mass: the
    characters of the paragraphs under it that are not mostly links and not
    inside an element named like boilerplate.
    """
    raw: RawScores = {}
    mass: dict[html.HtmlElement, int] = defaultdict(int)
    # Paragraphs share their ancestors: each one's class words are weighed once (see _weight).
    weights: dict[html.HtmlElement, float] = {}
    negative = boilerplate | _CONSENT
    tables: dict[html.HtmlElement, bool] = {}  # whether each table met holds data, not a layout
    for el in scope.iter(*PARAGRAPH_TAGS, "div", "section", "span"):
        if el.tag in ("div", "section", "span"):
            text, linked = loose_text(el)
            if len(text) < MIN_PARAGRAPH_CHARS:
                continue
            density = linked / len(text)
        else:
            text = squash(text_content(el))
            if len(text) < MIN_PARAGRAPH_CHARS:
                continue
            density = link_density(el, text)
        ancestors = list(el.iterancestors())
        _propagate(raw, ancestors, paragraph_points(text), weights, negative)
        if (
            density < PROSE_LINK_DENSITY
            and _counts_as_prose(el, len(text), tables)
            and _unmarked(ancestors, weights, negative)
        ):
            for ancestor in ancestors:
                mass[ancestor] += len(text)
    return Scoring(Scores(raw), dict(mass), negative)


def _counts_as_prose(el: html.HtmlElement, length: int, tables: dict[html.HtmlElement, bool]) -> bool:
    """Whether a paragraph's characters are prose mass: not a list item's, and a table cell's
    only when it reads as a sentence in a table of data (a table of services with their
    descriptions is content; the cells of a layout table are boxes of a page, posts of an
    old forum among them)."""
    if el.tag in _NOT_PROSE:
        return False
    if el.tag != "td":
        return True
    if length < PROSE_CELL_MIN_CHARS:
        return False
    table = next(el.iterancestors("table"), None)
    if table is None:
        return False
    data = tables.get(table)
    if data is None:
        data = tables[table] = not is_layout_table(table)
    return data


def _unmarked(
    ancestors: list[html.HtmlElement], weights: dict[html.HtmlElement, float], negative: frozenset[str]
) -> bool:
    # A boilerplate-named element wraps its paragraphs closely (a sidebar, a footer); farther up,
    # the words name a layout ("layout-docs--sidebar", an article marked "paywall"), and <body>
    # and <html> classes name the page's template ("site-navigation-left").
    for ancestor in ancestors[:PROSE_MARK_LEVELS]:
        if ancestor.tag in _PAGE_TAGS:
            continue
        if _weight(ancestor, weights, negative) < 0:
            return False
    return True


def _weight(el: html.HtmlElement, weights: dict[html.HtmlElement, float], negative: frozenset[str]) -> float:
    """:func:`class_weight`, kept in ``weights``: paragraphs share ancestors, and both the
    score and the prose mark ask for it."""
    weight = weights.get(el)
    if weight is None:
        weight = weights[el] = class_weight(el, negative)
    return weight


def _propagate(
    raw: RawScores,
    ancestors: list[html.HtmlElement],
    points: float,
    weights: dict[html.HtmlElement, float],
    negative: frozenset[str],
) -> None:
    for level, ancestor in enumerate(ancestors):
        if level >= ANCESTOR_LEVELS or ancestor.tag in ("body", "html"):
            break
        if ancestor not in raw:
            raw[ancestor] = TAG_SCORES.get(ancestor.tag, 0) + _weight(ancestor, weights, negative)
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        raw[ancestor] += points / divider
