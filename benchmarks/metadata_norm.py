"""Normalisation and matching of metadata values for the metadata benchmark (pure, no I/O).

WCXB's ground truth holds, per page, ``title`` (a string), ``author`` (one
string of names as the page shows them: "A, B and C", "Jane Doe, MD") and
``publish_date`` ("YYYY-MM-DD", once "YYYY-MM"); a field is ``null`` or ``""``
when the annotator recorded none. Every system's output goes through exactly
the same functions as the truth:

Text (titles and names)
    Unicode NFKC, accents removed (NFKD without combining marks), case-folded,
    typographic quotes/dashes/ampersands treated as punctuation, every run of
    non-word characters replaced by one space, trimmed. "Don't Panic — A Guide"
    and "don't panic: a guide" are equal; "Panic" and "Panic!" are equal.

Titles
    Exact match of the normalised strings: a title that still carries
    " | Site Name", or that lost a word, does not match.

Authors
    A value (the truth string, or each name a system returns) is split into
    names on commas, semicolons, ampersands and the word "and", after dropping
    text in parentheses ("(Behavior)"). From each name,
    honorifics at the start ("Dr", "Prof") and credentials at the end
    ("PhD", "M.D.", "RD"; any all-capital token of 2 to 5 letters unless the whole
    value is written in capitals) are dropped; a
    part that is only credentials ("Jane Doe, MS, RD") disappears. Names are then
    normalised as text and compared as a *set*: order and repeats do not count,
    every name must be there and no other. Roles ("Jane Doe, Staff Writer") are
    not guessed away: they count as a name on both sides.

Dates
    Compared as calendar dates, as written in the page's own offset (no
    conversion to UTC): the first "YYYY-MM-DD" of an ISO string, or
    ``date()`` of a datetime. A truth of "YYYY-MM" matches any day of that month.

A field is scored on the pages whose truth has a value (``match`` / ``pages``).
Pages without a truth value are reported apart: how often a system returned a
value there anyway (``spurious``), since WCXB leaves some fields unannotated
rather than asserting there is none.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

_NON_WORD = re.compile(r"[\W_]+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
# Credentials and degrees written after a name (lower-case, dots removed).
CREDENTIALS = frozenset(
    {
        "phd", "md", "do", "dvm", "vmd", "rd", "rdn", "ms", "msc", "ma", "mba", "mph", "bsc", "ba", "bs",
        "rn", "np", "pa", "cpa", "cfp", "cfa", "jd", "esq", "jr", "sr", "ii", "iii", "iv", "lvt", "facp",
        "faclm", "fand", "dacvb", "cpp", "psp", "mrcp", "frcp", "pharmd", "dds", "dmd", "lcsw", "lpc",
    }
)  # fmt: skip
# Titles written before a name.
HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"})
# An all-capital token this long is an acronym of a credential ("FACLM", "CEPF").
CREDENTIAL_CAPS_MIN = 2
CREDENTIAL_CAPS_MAX = 5


def normalize_text(text: str | None) -> str:
    """Case-folded words without accents or punctuation, one space apart."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def _is_credential(token: str, *, caps_acronyms: bool) -> bool:
    """A degree or credential: a known one written as such ("PhD", "M.D.", not the name "Ma"),
    or (in a name not written all in capitals) an acronym of 2 to 5 capitals."""
    plain = token.replace(".", "").replace("®", "").rstrip(",")
    if plain.casefold() in CREDENTIALS and ("." in token or plain != plain.capitalize()):
        return True
    return (
        caps_acronyms
        and plain.isalpha()
        and plain.isupper()
        and CREDENTIAL_CAPS_MIN <= len(plain) <= CREDENTIAL_CAPS_MAX
    )


def _bare_name(part: str, *, caps_acronyms: bool) -> str:
    tokens = part.split()
    if all(_is_credential(token, caps_acronyms=caps_acronyms) for token in tokens):
        return ""
    while len(tokens) > 1 and normalize_text(tokens[0]) in HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and _is_credential(tokens[-1], caps_acronyms=caps_acronyms):
        tokens.pop()
    return normalize_text(" ".join(tokens))


def author_names(values: str | list[str] | tuple[str, ...] | None) -> frozenset[str]:
    """The set of normalised names in an author string or list of names."""
    if not values:
        return frozenset()
    items = [_PARENTHESES.sub(" ", v) for v in ([values] if isinstance(values, str) else values)]
    names = (_bare_name(part, caps_acronyms=item != item.upper()) for item in items for part in _NAME_SPLIT.split(item))
    return frozenset(name for name in names if name)


def normalize_date(value: str | date | None) -> str | None:
    """The "YYYY-MM-DD" (or "YYYY-MM") of a date, datetime or ISO-like string; None if none."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def titles_match(truth: str | None, predicted: str | None) -> bool:
    """Exact match of normalised titles (an empty prediction never matches)."""
    wanted = normalize_text(truth)
    return bool(wanted) and wanted == normalize_text(predicted)


def authors_match(truth: str | None, predicted: list[str] | tuple[str, ...] | None) -> bool:
    """The same set of normalised names (an empty prediction never matches)."""
    wanted = author_names(truth)
    return bool(wanted) and wanted == author_names(predicted)


def dates_match(truth: str | None, predicted: str | date | None) -> bool:
    """The same calendar date; a "YYYY-MM" truth matches any day of that month."""
    wanted = normalize_date(truth)
    got = normalize_date(predicted)
    if not wanted or not got:
        return False
    return got == wanted or (len(wanted) == len("2020-01") and got.startswith(wanted + "-"))


@dataclass(frozen=True)
class Prediction:
    """One system's metadata for one page, as plain values."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Truth:
    """WCXB's metadata for one page (None where the annotator recorded nothing)."""

    title: str | None
    author: str | None
    date: str | None


def has_value(value: str | None) -> bool:
    """Whether a ground-truth field holds something to score against."""
    return bool(value and value.strip())
