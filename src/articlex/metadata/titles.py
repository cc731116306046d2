"""Headlines without the " | Site Name" that <title> and og:title often carry."""

from __future__ import annotations

import re

from articlex.dom import squash
from articlex.rules.metadata import TITLE_SEPARATORS

_SPLIT = re.compile("|".join(re.escape(sep) for sep in TITLE_SEPARATORS))
_WORD = re.compile(r"\w+")
# Share of the shown headline's words that a metadata title must also have for the
# two to be the same headline (one reworded for search engines, "9 Food Myths
# Debunked" against "Debunking Common Food Myths | Site"). A logo or section name
# in an <h1> shares none.
SAME_HEADLINE_MIN_SHARE = 0.6


def shared_words(a: str, b: str) -> int:
    """How many distinct words two titles have in common (case-insensitive)."""
    return len(set(_WORD.findall(a.casefold())) & set(_WORD.findall(b.casefold())))


def same_headline(shown: str, title: str) -> bool:
    """Whether the headline the page shows and a metadata title name the same article."""
    shown_words = set(_WORD.findall(shown.casefold()))
    return bool(shown_words) and shared_words(shown, title) >= SAME_HEADLINE_MIN_SHARE * len(shown_words)


def strip_site_name(title: str, site_name: str | None, shown: str | None) -> str:
    """The headline part of a title: the site name is cut from either end when known,
    and a title that contains the headline the page shows is cut down to it."""
    title = squash(title)
    if shown:
        shown = squash(shown)
        if shown and shown != title and shown.lower() in title.lower() and _SPLIT.search(title):
            segments = [s.strip() for s in _SPLIT.split(title)]
            if any(shown.lower() == s.lower() for s in segments) or title.lower().startswith(shown.lower()):
                return shown
    if not site_name:
        return title
    site = site_name.lower()
    segments = _SPLIT.split(title)
    if len(segments) == 1:
        return title
    if site in segments[-1].lower():
        return squash(title[: title.rfind(segments[-1])].rstrip()).rstrip("|-\u2013\u2014:\u00b7\u2022/ ")
    if site in segments[0].lower():
        return squash(title[len(segments[0]) :]).lstrip("|-\u2013\u2014:\u00b7\u2022/ ")
    return title
