"""Metadata candidates from what the page shows around its headline (the "dom" source)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from lxml import html

from articlex.dom import (
    BREAK_MARK,
    absolute,
    class_tokens,
    comparable,
    following,
    link_holders,
    preceding,
    short_text,
    squash,
    text_content,
)
from articlex.figures import figure_image
from articlex.metadata.authors import BYLINE_START, clean_name, other_credit, split_names
from articlex.metadata.datelines import dates_anywhere, dates_near
from articlex.metadata.dates import DATE_IN_TEXT
from articlex.metadata.titles import same_headline, shared_words
from articlex.metadata.trails import shown_tags
from articlex.model import Author
from articlex.rules.vocab import (
    AUTHOR_PATH_WORDS,
    BYLINE_WORDS,
    DEK_WORDS,
    HEADER_WORDS,
    LABEL_SEPARATORS,
    LABEL_WORDS,
    NOT_LABELS,
)

# The neighbourhood of the headline, in elements of document order: kickers,
# figures and deks sit a few dozen elements away at most.
WINDOW_BEFORE = 40
WINDOW_AFTER = 60
# Date lines and bylines: the neighbourhood measured in characters of text, since
# icon-heavy pages put hundreds of empty elements (SVG paths, wrappers) between
# a headline and its date line. A dek, a byline and a caption fit in 1,000.
TEXT_WINDOW_AFTER = 1000
TEXT_WINDOW_BEFORE = 400
# Label trails sit right above or under the headline.
LABEL_WINDOW_AFTER = 12
# A standfirst is a sentence or two.
DEK_MIN_CHARS = 20
DEK_MAX_CHARS = 400
# A label is a word or three; a trail has a few of them.
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 4
TRAIL_MAX_LABELS = 4
TRAIL_MAX_CHARS = 80
# A byline is a line, not a paragraph.
BYLINE_MAX_CHARS = 200
# A header group holds a headline and a few lines, not the body's paragraphs.
HEADER_MAX_CHILDREN = 5

Values = dict[str, Any]
_DEK = frozenset(DEK_WORDS)
_LABEL = frozenset(LABEL_WORDS)
_BYLINE = frozenset(BYLINE_WORDS)
_HEADER = frozenset(HEADER_WORDS)
_BY_PREFIX = re.compile(BYLINE_START.pattern + r"\w", re.IGNORECASE)
#: The letters a byline opens with: the first letters of the words of BYLINE_START ("By",
#: "Written by", "Author:"; not the letters of its escapes), matched as _BY_PREFIX matches them.
_BYLINE_WORDS = re.findall(r"(?<!\\)[A-Za-z]+", BYLINE_START.pattern)
_BYLINE_OPENING = re.compile("[" + "".join(sorted({word[0].lower() for word in _BYLINE_WORDS})) + "]", re.IGNORECASE)
_SEPARATORS_ONLY = re.compile(f"^[\\s{re.escape(LABEL_SEPARATORS)}]*$")
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_NOT_LABELS = frozenset(NOT_LABELS)
# A trail is not one of its own links, nor a navigation menu or list, nor a date.
_NOT_TRAIL_TAGS = frozenset({"a", "nav", "ul", "ol", "time"})


@dataclass(frozen=True, slots=True)
class PageReading:
    """What the page shows, and the texts of the elements read (kept out of the body)."""

    values: Values
    shown_texts: frozenset[str]


@dataclass(frozen=True, slots=True)
class Hints:
    """What the other sources already said, to guide and spare the page reading."""

    headlines: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    #: A structured source gave a publication date: no need to read dates from text.
    dated: bool = False
    #: The page's language as declared, to read its dates.
    language: str | None = None


def read_page(
    root: html.HtmlElement, base: str | None, hints: Hints, holders: frozenset[html.HtmlElement] | None = None
) -> PageReading:
    """Read the headline and what surrounds it: dek, label trail, byline, dates, lead figure.

    ``holders``: :func:`articlex.dom.link_holders` of ``root``, when the caller has them.
    """
    values: Values = {"title": _title(root), "language": root.get("lang")}
    canonical = next((link for link in root.iterdescendants("link") if link.get("rel") == "canonical"), None)
    if canonical is not None:
        values["canonical_url"] = absolute(canonical.get("href"), base)
    if holders is None:
        holders = link_holders(root)
    values["tags"] = shown_tags(root, holders)
    h1 = _headline_element(root, list(hints.headlines))
    if h1 is None:
        values.update({} if hints.dated else dates_anywhere(root, hints.language))
        return PageReading({k: v for k, v in values.items() if v}, frozenset())
    # The neighbours, walked out from the headline only as far as the readers go.
    later, earlier = following(h1, root), preceding(h1, root)
    next_ones, last_ones = list(islice(later, WINDOW_AFTER)), list(islice(earlier, WINDOW_BEFORE))
    before = last_ones[::-1]
    # The headline's own elements, gathered once: a walk up from every neighbour costs more.
    in_h1 = set(h1.iterdescendants())
    after = [el for el in next_ones if el not in in_h1]
    shown: dict[str, html.HtmlElement] = {"headline": h1}
    _find_byline(after + before[::-1], shown)
    _find_dek(h1, _until_heading(after), {squash(d).lower() for d in hints.descriptions}, shown)
    _find_trail(before, after[:LABEL_WINDOW_AFTER], shown, holders)
    near = _by_text(chain(next_ones, later), TEXT_WINDOW_AFTER)
    near += _by_text(chain(last_ones, earlier), TEXT_WINDOW_BEFORE)
    dates, lines = dates_near([el for el in near if el not in in_h1], hints.language, read_text=not hints.dated)
    values.update(dates or ({} if hints.dated else dates_anywhere(root, hints.language)))
    values["headline"] = squash(text_content(h1))
    values.update(_shown_values(shown, base))
    figure = next((el for el in before[::-1] + after if el.tag == "figure"), None)
    if figure is not None:
        values["lead_figure"] = figure_image(figure, base)
    texts = frozenset(comparable(text_content(el)) for el in [*shown.values(), *lines])
    return PageReading({k: v for k, v in values.items() if v}, texts)


def _by_text(elements: Iterable[html.HtmlElement], limit: int) -> list[html.HtmlElement]:
    """The leading elements of a run, up to ``limit`` characters of their own text."""
    total = 0
    taken = []
    for el in elements:
        total += len((el.text or "").strip()) + len((el.tail or "").strip())
        if total > limit:
            break
        taken.append(el)
    return taken


def _until_heading(after: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """The elements after the headline up to the first subheading: where a dek can be."""
    for i, el in enumerate(after):
        if el.tag in _SUBHEADINGS:
            return after[:i]
    return after


def _title(root: html.HtmlElement) -> str | None:
    title = next(root.iterdescendants("title"), None)  # a C walk, where find() runs ElementPath
    return squash(text_content(title)) or None if title is not None else None


def _headline_element(root: html.HtmlElement, hints: list[str]) -> html.HtmlElement | None:
    """The <h1> that metadata titles name (exactly, else sharing the most words), else the first.

    Word counts, not substrings: "The Courier" is inside "Bridge repairs | The
    Courier" but shares two words with it where the real headline shares five.
    """
    wanted = {squash(h).lower() for h in hints if h}
    first = best = None
    best_shared = 0
    for h1 in root.iter("h1"):
        text = squash(text_content(h1)).lower()
        if not text:
            continue
        if text in wanted:
            return h1
        shared = max((shared_words(text, hint) for hint in wanted if same_headline(text, hint)), default=0)
        if shared > best_shared:
            best, best_shared = h1, shared
        first = first if first is not None else h1
    return best if best is not None else first


def _find_dek(
    h1: html.HtmlElement, after: list[html.HtmlElement], descriptions: set[str], shown: dict[str, html.HtmlElement]
) -> None:
    """A marked standfirst, the page's own description shown under the headline, or
    the line right under the headline inside a header group."""
    byline = shown.get("byline")
    # The byline, what holds it and what it holds, gathered once: asking contains() of
    # every element walked up from both, twice each.
    around_byline = {byline, *byline.iterancestors(), *byline.iterdescendants()} if byline is not None else set()
    for el in after:
        if el in around_byline:
            continue
        marked = not class_tokens(el).isdisjoint(_DEK)
        if not marked and not descriptions:
            continue  # neither marked nor able to show a description: its text is not read
        text = short_text(el, DEK_MAX_CHARS)
        if text and (marked or text.lower() in descriptions) and _dek_sized(el):
            shown["dek"] = el
            return
    candidate = h1.getnext()
    parent = h1.getparent()
    if candidate is None and parent is not None and _is_header_group(parent):
        candidate = parent.getnext()
    if (
        candidate is not None
        and candidate is not byline
        and candidate.tag in ("p", "h2", "div")
        and _dek_sized(candidate)
        and parent is not None
        and _is_header_group(parent)
        and not _BY_PREFIX.match(text_content(candidate))
    ):
        shown["dek"] = candidate


def _dek_sized(el: html.HtmlElement) -> bool:
    text = short_text(el, DEK_MAX_CHARS)
    if text is None or len(text) < DEK_MIN_CHARS or DATE_IN_TEXT.search(text):
        return False
    return not any(isinstance(c.tag, str) and c.tag in _SUBHEADINGS for c in el.iter())


def _is_header_group(el: html.HtmlElement) -> bool:
    if el.tag in ("header", "hgroup") or not class_tokens(el).isdisjoint(_HEADER):
        return True
    return len(el) <= HEADER_MAX_CHILDREN


def _find_trail(
    before: list[html.HtmlElement],
    after: list[html.HtmlElement],
    shown: dict[str, html.HtmlElement],
    holders: frozenset[html.HtmlElement],
) -> None:
    for el in before[::-1] + after:
        if _is_trail(el, holders):
            shown["labels"] = el
            return


def _is_trail(el: html.HtmlElement, holders: frozenset[html.HtmlElement]) -> bool:
    """A marked label line, or two or more label links apart only by separators.

    ``holders``: the elements that hold a link; an unmarked element must be one, and
    most elements around a headline are told so before their text is serialised.
    """
    marked = not class_tokens(el).isdisjoint(_LABEL)
    if el.tag in _NOT_TRAIL_TAGS or (not marked and el not in holders):
        return False
    text = short_text(el, TRAIL_MAX_CHARS)
    if not text:
        return False
    links = [squash(text_content(a)) for a in el.iter("a")]
    if any(not _is_label(link) for link in links):
        return False
    if marked and not _BY_PREFIX.match(text):
        return bool(links) or any(sep in text for sep in LABEL_SEPARATORS) or len(text) <= LABEL_MAX_CHARS
    if not links or len(links) > TRAIL_MAX_LABELS or any(len(t) > LABEL_MAX_CHARS for t in links):
        return False
    rest = text
    for link in links:
        rest = rest.replace(link, "", 1)
    return len(links) > 1 and bool(_SEPARATORS_ONLY.match(rest))


def _is_label(text: str) -> bool:
    """A label is a word or a few, not site chrome ("Sign in") nor an arrow link ("« Back")."""
    if not text or len(text) > LABEL_MAX_CHARS or len(text.split()) > LABEL_MAX_WORDS:
        return False
    return text.lower() not in _NOT_LABELS and text[0].isalnum()


def _find_byline(elements: list[html.HtmlElement], shown: dict[str, html.HtmlElement]) -> None:
    found = next((el for el in elements if _is_byline(el)), None)
    # The innermost "by ..." line: a header row "by Jane Doe 18th Dec 2025 3 min read"
    # often wraps the element that holds only "by Jane Doe". (Not the innermost marked
    # element: in a marked box that is as likely the role or the avatar.)
    while found is not None:
        shown["byline"] = found
        found = next((d for d in found.iterdescendants() if _is_byline(d, prefixed=True)), None)


def _is_byline(el: html.HtmlElement, *, prefixed: bool = False) -> bool:
    """A short element marked as a byline, or starting "By ..." (only the latter when ``prefixed``)."""
    if not isinstance(el.tag, str) or el.tag in ("a", "img", "time"):
        return False
    marked = not prefixed and not class_tokens(el).isdisjoint(_BYLINE)
    if not marked and not _may_open_byline(el.text):
        return False  # decided before the whole text is serialised
    text = short_text(el, BYLINE_MAX_CHARS)
    if not text:
        return False
    if _BY_PREFIX.match(text):
        return True
    return marked and next(el.iterancestors("a"), None) is None


def _may_open_byline(text: str | None) -> bool:
    """Whether an element whose own text (before its children) is ``text`` may start "By ...".

    That text opens the element's whole text: its first letter rules out most of the
    elements around a headline before their text is serialised.
    """
    opening = (text or "").replace(BREAK_MARK, " ").lstrip()  # what squash() drops first
    return not opening or _BYLINE_OPENING.match(opening) is not None


def _shown_values(shown: dict[str, html.HtmlElement], base: str | None) -> Values:
    values: Values = {}
    if "dek" in shown:
        values["dek"] = squash(text_content(shown["dek"]))
    if "labels" in shown:
        values["labels"] = _labels(shown["labels"])
    if "byline" in shown:
        values["authors"] = _byline_authors(shown["byline"], base)
    return values


def _labels(el: html.HtmlElement) -> tuple[str, ...]:
    links = [t for a in el.iter("a") if (t := squash(text_content(a)))]
    if links:
        return tuple(links)
    parts = re.split(f"[{re.escape(LABEL_SEPARATORS)}]", squash(text_content(el)))
    return tuple(p for part in parts if (p := squash(part)))


def _text_before(el: html.HtmlElement, target: html.HtmlElement) -> str:
    """The text of ``el`` that comes before ``target`` in document order."""
    ancestors = set(target.iterancestors())
    parts = []
    for node in el.iter():
        if node is target:
            break
        parts.append(node.text or "")
        if node is not el and node not in ancestors:
            parts.append(node.tail or "")
    return " ".join(parts)


def _byline_authors(el: html.HtmlElement, base: str | None) -> tuple[Author, ...]:
    linked = []
    for a in el.iter("a"):
        if other_credit(_text_before(el, a)):
            break  # "Reviewed by <a>...</a>": the rest credits other work
        href = a.get("href") or ""
        if "author" in (a.get("rel") or "").split() or any(word in href.lower() for word in AUTHOR_PATH_WORDS):
            name = clean_name(text_content(a))
            if name:
                linked.append(Author(name, absolute(href, base)))
    if linked:
        return tuple(linked)
    # Children joined with spaces: "<span>By</span><a>Jane Doe</a>" must not read "ByJane Doe".
    parts = [squash(el.text)] + [squash(" ".join(c.itertext())) + " " + squash(c.tail) for c in el if c.tag != "time"]
    text = DATE_IN_TEXT.sub(" ", " ".join(parts))
    return tuple(Author(name) for name in split_names(text))
