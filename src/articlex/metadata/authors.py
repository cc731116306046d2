"""Author names from bylines and metadata: split, cleaned, without junk or repeats."""

from __future__ import annotations

import re

from articlex.model import Author

# Names longer than this are sentences, not names.
MAX_NAME_CHARS = 60
# Real names have at most this many words ("Juan Carlos de la Vega Ruiz").
MAX_NAME_WORDS = 7

#: How a byline starts: "By", "Written by", "Posted by", "Author:", "Authors:".
BYLINE_START = re.compile(
    r"^\s*(?:(?:(?:written|posted|post|words|reported|story|text|published)\s+)?by\b\s*[:\-]?|authors?\s*:)\s*",
    re.IGNORECASE,
)
_BY = BYLINE_START
_SPLIT = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\||/|\u00b7|\u2022|\u00bb|\s-\s|\s\u2013\s|\s\u2014\s)\s*",
    re.IGNORECASE,
)
# "Jane Doe on Friday December 19, 2025 @08:00PM ...": a date or time after the name ends it.
_DATE_TAIL = re.compile(
    r"\s+(?:on|at|@)\s*(?:(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d).*$",
    re.IGNORECASE | re.DOTALL,
)
_JUNK = re.compile(
    r"(\d|@|https?:|www\.|\bstaff\b|\bteam\b|\bupdated\b|\bpublished\b|\bminutes?\b|\bread\b|\bmin\b"
    r"|\bcontributors?\b|\bfollow\b|\bemail\b|\bposted\b|\bphoto\b|\bimage\b|\bprofile\b)",
    re.IGNORECASE,
)
_TRAILING_ROLE = re.compile(
    r"\s*[,\-\u2013\u2014|]\s*(?:\w+\s+){0,3}(?:writer|reporter|editor|correspondent|columnist)\b.*$",
    re.IGNORECASE,
)
# People credited for something else than writing: "Reviewed by", "Edited by",
# "Fact checked by", "Photos by". What follows is cut from a byline.
_OTHER_CREDIT = re.compile(
    r"\b(?:(?:medically\s+)?reviewed|edited|fact[\s-]?checked|illustrat\w*|photo\w*|video)\s+by\b.*$",
    re.IGNORECASE | re.DOTALL,
)
# A word a byline's date or place leaves behind: "Jane Doe on", "Jane Doe in".
_TRAILING_WORD = re.compile(r"\s+(?:on|at|in|for|from|the)$", re.IGNORECASE)


def other_credit(text: str) -> bool:
    """Whether a byline text has moved on to credit other work ("Reviewed by")."""
    return _OTHER_CREDIT.search(text) is not None


def split_names(byline: str) -> list[str]:
    """Names in a byline: "By A, B and C" -> [A, B, C]."""
    text = _TRAILING_ROLE.sub("", _OTHER_CREDIT.sub("", _DATE_TAIL.sub("", _BY.sub("", byline.strip()))))
    return [name for part in _SPLIT.split(text) if (name := clean_name(part))]


def clean_name(name: str) -> str | None:
    """A person's name, or None when the text is not one."""
    text = _BY.sub("", " ".join(name.split())).strip(" ,.;:|-\u2013\u2014\u00bb\u00ab\u203a\u2039")
    text = _TRAILING_WORD.sub("", text)
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return None
    if _JUNK.search(text) or not any(ch.isalpha() for ch in text):
        return None
    return text


def unique(authors: list[Author], site_name: str | None = None) -> tuple[Author, ...]:
    """Drop repeats (same name, case-insensitive) and the site's own name; keep order."""
    seen: set[str] = set()
    site = (site_name or "").casefold()
    out = []
    for author in authors:
        key = author.name.casefold()
        if key in seen or key == site:
            continue
        seen.add(key)
        out.append(author)
    return tuple(out)
