"""Dates to ISO 8601: the standard library first, dateparser last and only on short strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

from articlex.options import DEFAULT_MAX_DATE_CHARS
from articlex.rules.metadata import AMBIGUOUS_TIME_ZONES, TIME_ZONE_MINUTES

# The web as a publishing medium for news starts here; earlier dates on a page
# are historical references, not publication dates.
EARLIEST_YEAR = 1995
# A date more than a day ahead of now is a scheduled or mistyped value.
FUTURE_TOLERANCE = timedelta(days=1)
# dateparser takes about a second on long strings; real date strings are short
# (extract() passes Options.max_date_chars, whose default this is).
DATEPARSER_MAX_CHARS = DEFAULT_MAX_DATE_CHARS

# Tried in order on the text with commas, ordinals and abbreviation dots taken out.
_PLAIN_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A %B %d %Y",
    "%a %b %d %Y",
    "%d.%m.%Y",  # dotted dates are day-first wherever they are written
    "%Y%m%d",
)
# Slashed dates: month first in the US, day first elsewhere; the other order is
# tried second, so "31/12/2024" still reads when month-first is preferred.
_SLASHED = ("%m/%d/%Y", "%d/%m/%Y")
#: What each format writes besides its fields: strptime() matches these characters as they
#: are (a space matches any run of white space), so a text lacking one cannot be read with it.
_FORMAT_LITERALS = {fmt: frozenset(re.sub("%.", "", fmt)) for fmt in _PLAIN_FORMATS + _SLASHED}
#: The most words any of the plain formats has ("%A, %B %d, %Y").
PLAIN_MAX_WORDS = 4
_YEAR = re.compile(r"\d{4}")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")
_PUNCTUATION = re.compile(r"(?<=[A-Za-z])\.|,")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
#: A date written inside a line of text ("By Jane Doe / March 3, 2023", "Posted 03.07.2023").
DATE_IN_TEXT = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}/\d{2}/\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})\b",
    re.IGNORECASE,
)
# A time of day ("6:45 PM", "09:21:40", "@08:00PM", "T10:00:00+03:00", "01:38 PM IST")
# and what may follow it: a zone as an offset or an abbreviation.
_TIME_OF_DAY = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?![\d:])"
    r"(?:\s*(?P<half>[ap])\.?m\b\.?)?"
    r"(?:\s*(?:(?P<offset>[+-]\d{2}:?\d{2})\b|(?P<zone>(?-i:[A-Z]{1,4}))\b))?",
    re.IGNORECASE,
)
# What joins a date to its time and is left over once the time is taken out:
# "Thu, 09/25/2025 - 11:38", "December 19, 2025 @08:00PM", "2025-10-01T10:00".
_TIME_JOINERS = re.compile(r"\s[-|@]\s*|@|(?<=\d)T(?=\s|$)|\bat\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*", re.IGNORECASE)
# Hours on a 12-hour clock: "12 AM" is midnight, "12 PM" noon.
HALF_DAY_HOURS = 12
_NOISE = re.compile(r"^(published|updated|posted|modified|on|date)\s*:?\s*", re.IGNORECASE)


def parse_date(
    value: str | None,
    *,
    strict: bool = False,
    now: datetime | None = None,
    language: str | None = None,
    dateparser_max_chars: int = DATEPARSER_MAX_CHARS,
) -> str | None:
    """ISO 8601 for a date string, keeping its offset; None when it is not a plausible date.

    ``strict`` reads only whole standard formats, with no time of day taken
    out of the text and no dateparser: for text that may not be a date at
    all (a line of the body), where only those should count. ``language`` (a BCP 47 tag such as
    "en-US" or "de") says how to read "03/04/2024" and which language dateparser tries first.
    Strings longer than ``dateparser_max_chars`` never reach dateparser.
    """
    if not value:
        return None
    text = _NOISE.sub("", value.strip())
    if not text:
        return None
    month_first = _month_first(language)
    parsed = _iso(text) or _plain(text, month_first=month_first)
    if parsed is None and not strict:
        parsed = _with_time(text, month_first)
    parsed = parsed or _rfc2822(text) or _iso_day(text)
    if parsed is None and not strict:
        parsed = _dateparser(text, language, dateparser_max_chars)
    if parsed is None or not _plausible(parsed, now or datetime.now(UTC)):
        return None
    if isinstance(parsed, datetime) and _HAS_TIME.search(text):
        return parsed.isoformat()
    return (parsed.date() if isinstance(parsed, datetime) else parsed).isoformat()


def _iso(text: str) -> datetime | None:
    if not _ISO_PREFIX.match(text):
        return None
    candidate = text.replace(" ", "T", 1) if len(text) > len("2020-01-01") else text
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _iso_day(text: str) -> datetime | None:
    """The ISO day that opens ``text`` when nothing read the whole of it."""
    if not _ISO_PREFIX.match(text):
        return None
    try:
        return datetime.fromisoformat(text[: len("2020-01-01")])
    except ValueError:
        return None


def find_dates(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Every plausible date written in a line of text: (start, end, ISO date)."""
    if not _YEAR.search(text):
        return []  # every form of DATE_IN_TEXT has a four-digit year: most lines fail here, fast
    found = []
    for match in DATE_IN_TEXT.finditer(text):
        iso = parse_date(match.group(0), strict=True, language=language)
        if iso is not None:
            found.append((match.start(), match.end(), iso))
    return found


def _month_first(language: str | None) -> bool:
    """Slashed dates read month first for US English and when the language is unknown."""
    if not language:
        return True
    tag = language.lower().replace("_", "-")
    return tag in ("en", "en-us") or tag.startswith("en-us")


def _plain(text: str, *, month_first: bool = True) -> datetime | None:
    cleaned = " ".join(_PUNCTUATION.sub(" ", _ORDINAL.sub(r"\1", text)).split()).strip(" .")
    # Every format has a four-digit year and at most four words; strptime costs
    # about 20 us a call, and body filters ask this of every short block.
    if not _YEAR.search(cleaned) or len(cleaned.split(maxsplit=PLAIN_MAX_WORDS)) > PLAIN_MAX_WORDS:
        return None
    slashed = _SLASHED if month_first else _SLASHED[::-1]
    present = set(cleaned)
    for fmt in _PLAIN_FORMATS + slashed:
        if not _FORMAT_LITERALS[fmt] <= present:
            continue  # a separator of the format is missing: a failed strptime() costs a raised error
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    return None


def _with_time(text: str, month_first: bool) -> datetime | None:
    """A date that :func:`_plain` reads, with a time of day before or after it.

    "Fri 6:45 PM, Feb 16, 2018", "13/11/2025 09:21:40", "Friday December 19,
    2025 @08:00PM": the time is taken out, and what is left, less weekday
    names and joiners, must be a whole date. A zone after the time counts
    when it is an offset or an abbreviation of one zone (EST, CET); an
    abbreviation of several (IST, CST) leaves the time without an offset,
    and any other word after the time leaves the text to dateparser.
    """
    found = _TIME_OF_DAY.search(text)
    if found is None:
        return None
    zone = found.group("zone")
    if zone is not None and zone.upper() not in TIME_ZONE_MINUTES and zone.upper() not in AMBIGUOUS_TIME_ZONES:
        return None
    rest = _WEEKDAY.sub(" ", _TIME_JOINERS.sub(" ", text[: found.start()] + " " + text[found.end() :]))
    day = _plain(rest, month_first=month_first)
    moment = _time_of_day(found)
    if day is None or moment is None:
        return None
    hour, minute, second = moment
    return day.replace(hour=hour, minute=minute, second=second, tzinfo=_zone(found))


def _time_of_day(found: re.Match[str]) -> tuple[int, int, int] | None:
    """Hour (0-23), minute and second of a :data:`_TIME_OF_DAY` match, or None when out of range."""
    hour, minute, second = int(found.group("hour")), int(found.group("minute")), int(found.group("second") or 0)
    half = (found.group("half") or "").lower()
    if half:
        if not 1 <= hour <= HALF_DAY_HOURS:
            return None
        hour = hour % HALF_DAY_HOURS + (HALF_DAY_HOURS if half == "p" else 0)
    try:
        time(hour, minute, second)
    except ValueError:
        return None
    return hour, minute, second


def _zone(found: re.Match[str]) -> tzinfo | None:
    """The fixed offset a :data:`_TIME_OF_DAY` match names, or None (no zone, or an ambiguous one)."""
    offset, zone = found.group("offset"), found.group("zone")
    if offset is not None:
        digits = offset[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))
    if zone is not None and zone.upper() in TIME_ZONE_MINUTES:
        return timezone(timedelta(minutes=TIME_ZONE_MINUTES[zone.upper()]))
    return None


def _rfc2822(text: str) -> datetime | None:
    if "," not in text and ":" not in text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(text: str, language: str | None, max_chars: int) -> datetime | None:
    if len(text) > max_chars or not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # lazy: about 135 ms to import and first call

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    settings["DATE_ORDER"] = "MDY" if _month_first(language) else "DMY"
    return dateparser.parse(text, languages=_dateparser_languages(language), settings=settings)


def _dateparser_languages(language: str | None) -> list[str] | None:
    """The page's language and English (sites write dates in English too); None lets
    dateparser guess among all its languages, which is slower and looser."""
    from dateparser.data.languages_info import language_order

    primary = (language or "").split("-")[0].split("_")[0].lower()
    if primary not in language_order:
        return None
    return list(dict.fromkeys((primary, "en")))


def _plausible(parsed: date, now: datetime) -> bool:
    if parsed.year < EARLIEST_YEAR:
        return False
    if isinstance(parsed, datetime):
        moment = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        return moment <= now + FUTURE_TOLERANCE
    return parsed <= (now + FUTURE_TOLERANCE).date()
