"""Dates the page shows: ``<time datetime>`` and date lines ("Updated: Dec 12, 2025").

Near the headline first (nearest element first), each date labelled published or
modified by the words before it, never by its position: a page may show
"Updated" before "Published". When nothing near the headline holds a date, the
first marked date anywhere on the page is read (forum posts, page footers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

from articlex.dom import short_text, squash
from articlex.metadata.dates import DATE_IN_TEXT, find_dates, parse_date
from articlex.rules.vocab import MODIFIED_LABELS

# A date line holds a label, a date or two and perhaps a byline, not a paragraph.
DATELINE_MAX_CHARS = 120
# What is left of a date line without its dates: a label and a name at most.
DATELINE_MAX_OTHER_CHARS = 60
# A label in the element just before a bare date ("Last updated:" | "Dec 12, 2025").
LABEL_MAX_CHARS = 30

Dates = dict[str, str]
_MODIFIED = re.compile("|".join(MODIFIED_LABELS), re.IGNORECASE)
# Page chrome whose dates are not the page's: navigation, teasers, sidebars.
_CHROME_TAGS = frozenset({"nav", "a", "li", "aside", "footer", "header", "menu", "script", "style"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)")


def dates_near(
    elements: Iterable[html.HtmlElement], language: str | None, *, read_text: bool
) -> tuple[Dates, list[html.HtmlElement]]:
    """Published and modified dates from the elements around the headline, nearest first.

    Returns the dates and the date-line elements read (their text is not body text).
    """
    dates: Dates = {}
    lines: list[html.HtmlElement] = []
    for el in elements:
        if el.tag == "time" and el.get("datetime"):
            _add(dates, _time_kind(el), parse_date(el.get("datetime"), language=language))
        elif read_text and el.tag not in _HEADINGS and "published" not in dates:
            found = _dateline(el, language)
            for kind, iso in found:
                _add(dates, kind, iso)
            if found:
                lines.append(el)
        if "published" in dates and "modified" in dates:
            break
    return dates, lines


def dates_anywhere(root: html.HtmlElement, language: str | None) -> Dates:
    """The first ``<time datetime>`` or date line of the page outside its navigation and
    lists of links (teasers carry dates of other pages).

    Text nodes are scanned for a year first, so only the few elements that hold
    one are measured: the scan stays linear in the size of the page.
    """
    dates: Dates = {}
    for el in root.iter(etree.Element):  # elements only, filtered in C
        if el.tag == "time" and el.get("datetime"):
            _add(dates, _time_kind(el), parse_date(el.get("datetime"), language=language))
        if not dates and _has_year(el.text):
            _read_dateline(el, language, dates)
        # A tail is text of the parent: the parent is looked up only for a tail with a year.
        if not dates and _has_year(el.tail) and (parent := el.getparent()) is not None:
            _read_dateline(parent, language, dates)
        if dates:
            return dates
    return dates


def _has_year(text: str | None) -> bool:
    # The substring tests are a cheap necessary condition: most texts hold no "19" or "20".
    if not text or ("20" not in text and "19" not in text):
        return False
    return _YEAR.search(text) is not None


def _read_dateline(holder: html.HtmlElement, language: str | None, dates: Dates) -> None:
    if holder.tag not in _HEADINGS and holder.tag not in _CHROME_TAGS and not _in_chrome(holder):
        for kind, iso in _dateline(holder, language):
            _add(dates, kind, iso)


def _in_chrome(el: html.HtmlElement) -> bool:
    return any(a.tag in _CHROME_TAGS for a in el.iterancestors())


def url_date(url: str | None) -> str | None:
    """A date written in the URL's path (/2024/05/21/slug)."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return parse_date(f"{year:04d}-{month:02d}-{day:02d}", strict=True)


def _add(dates: Dates, kind: str, iso: str | None) -> None:
    if iso is not None:
        dates.setdefault(kind, iso)


def _time_kind(el: html.HtmlElement) -> str:
    """A <time> is a modification date when its markup or the words before it say so."""
    marks = f"{el.get('class')} {el.get('itemprop')} {el.get('id')}"
    return "modified" if _MODIFIED.search(marks) or _MODIFIED.search(_label_before(el)) else "published"


def _label_before(el: html.HtmlElement) -> str:
    """The last words before an element inside its parent ("Updated" in "<p>Updated <b>May 3</b>"),
    else the parent's own words before it; a label is short, so only its tail end counts."""
    for holder in (el, el.getparent()):
        parent = holder.getparent() if holder is not None else None
        if holder is None or parent is None:
            break
        before = squash(parent.text)
        for sibling in parent:
            if sibling is holder:
                break
            if isinstance(sibling.tag, str):
                before += " " + squash(" ".join(sibling.itertext()))
            before += " " + squash(sibling.tail)
        if any(ch.isalpha() for ch in before):
            return before[-LABEL_MAX_CHARS:]
    return ""


def _dateline(el: html.HtmlElement, language: str | None) -> list[tuple[str, str]]:
    """(kind, date) for each date written in a short line, labelled by the words before it."""
    if not short_text(el, DATELINE_MAX_CHARS) or any(t.get("datetime") is not None for t in el.iterdescendants("time")):
        return []  # a <time datetime> inside is read on its own, with its time and offset
    text = squash(" ".join(el.itertext()))  # spaced: "Jane Doe<br>March 3" must not fuse
    found = find_dates(text, language)
    if not found or len(DATE_IN_TEXT.sub("", text)) > DATELINE_MAX_OTHER_CHARS:
        return []
    out = []
    start = 0
    for position, end, iso in found:
        before = text[start:position]
        if start == 0 and not any(ch.isalpha() for ch in before):
            before = _label_before(el)
        out.append(("modified" if _MODIFIED.search(before) else "published", iso))
        start = end
    return out
