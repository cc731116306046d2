"""The page's language: as declared (normalised to BCP 47 form), else told from its text."""

from __future__ import annotations

import re

from articlex.rules.languages import FUNCTION_WORDS, MAX_WORDS, MIN_HITS, MIN_LEAD

# Characters read per word wanted: words average well under this, so the sample
# still holds MAX_WORDS words on any real text.
SAMPLE_CHARS_PER_WORD = 16

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_WORD = re.compile(r"\w+")
# Region subtags are two letters ("US" in "en-US") and written in capitals.
REGION_CHARS = 2


def normalize_language(value: str | None) -> str | None:
    """ "en_US" and "EN-us" -> "en-US"; the first of "en, fr"; None for what is not a tag."""
    if not value:
        return None
    first = value.split(",")[0].split(";")[0].strip()
    if not _TAG.match(first):
        return None
    primary, *rest = re.split("[-_]", first)
    return "-".join([primary.lower(), *(part.upper() if len(part) == REGION_CHARS else part for part in rest)])


def detect_language(text: str) -> str | None:
    """The language whose function words the text uses most, when it clearly leads."""
    # Cut before tokenising: a 50 MB body would otherwise become a list of millions of words.
    words = _WORD.findall(text[: MAX_WORDS * SAMPLE_CHARS_PER_WORD].casefold())[:MAX_WORDS]
    hits = sorted(((sum(w in vocab for w in words), lang) for lang, vocab in FUNCTION_WORDS.items()), reverse=True)
    (best, lang), (second, _) = hits[0], hits[1]
    if best < MIN_HITS or best < MIN_LEAD * second:
        return None
    return lang
