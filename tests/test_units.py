"""Small pure functions: dates, names, titles, credits, class words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html

from articlex.dom import class_tokens, comparable, squash
from articlex.figures import image_url, is_tiny, split_credit
from articlex.metadata.authors import split_names
from articlex.metadata.dates import parse_date
from articlex.metadata.titles import strip_site_name

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2022-08-05T10:00:00-04:00", "2022-08-05T10:00:00-04:00"),
        ("2022-08-05T14:00:00Z", "2022-08-05T14:00:00+00:00"),
        ("2022-08-05", "2022-08-05"),
        ("August 5, 2022", "2022-08-05"),
        ("Aug. 5, 2022", "2022-08-05"),
        ("5 August 2022", "2022-08-05"),
        ("Published: March 3rd, 2023", "2023-03-03"),
        ("Fri, 05 Aug 2022 10:00:00 +0200", "2022-08-05T10:00:00+02:00"),
    ],
)
def test_dates_to_iso(raw: str, iso: str) -> None:
    assert parse_date(raw, now=NOW) == iso


@pytest.mark.parametrize("raw", ["1970-01-01", "2099-05-01", "not a date", "", "1 minute read"])
def test_implausible_or_non_dates(raw: str) -> None:
    assert parse_date(raw, strict=True, now=NOW) is None


def test_dateparser_is_the_last_resort_for_other_languages() -> None:
    assert parse_date("5 de agosto de 2022", now=NOW) == "2022-08-05"
    assert parse_date("5 de agosto de 2022", strict=True, now=NOW) is None


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Maria Lopez, Kwame Mensah and Li Wei", ["Maria Lopez", "Kwame Mensah", "Li Wei"]),
        ("by Jane Doe", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe / March 3, 2023", ["Jane Doe"]),
        ("@handle", []),
    ],
)
def test_bylines_split_into_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


@pytest.mark.parametrize(
    ("title", "site", "shown", "headline"),
    [
        ("Library ends late fees | The Daily Example", "The Daily Example", None, "Library ends late fees"),
        ("The Daily Example - Library ends late fees", "The Daily Example", None, "Library ends late fees"),
        ("Library ends late fees | Local | Example", None, "Library ends late fees", "Library ends late fees"),
        ("Review: A - B", None, None, "Review: A - B"),
    ],
)
def test_site_name_is_cut_from_titles(title: str, site: str | None, shown: str | None, headline: str) -> None:
    assert strip_site_name(title, site, shown) == headline


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("A ferry at dawn. Photo: Ana Ruiz / Agency", ("A ferry at dawn.", "Photo: Ana Ruiz / Agency")),
        ("A ferry at dawn (Photo by Ana Ruiz)", ("A ferry at dawn", "Photo by Ana Ruiz")),
        ("A ferry at dawn. © Agency 2023", ("A ferry at dawn.", "© Agency 2023")),
        ("A ferry at dawn", ("A ferry at dawn", None)),
    ],
)
def test_credits_split_from_captions(caption: str, expected: tuple[str, str | None]) -> None:
    assert split_credit(caption) == expected


def test_class_tokens_split_and_join() -> None:
    el = html.fromstring('<div class="social-Share_bar" id="post2"></div>')
    assert {"social", "share", "bar", "socialsharebar", "post2"} <= class_tokens(el)
    assert "ad" not in class_tokens(html.fromstring('<div class="header download"></div>'))


def test_class_names_that_negate_a_word_do_not_carry_it() -> None:
    tokens = class_tokens(html.fromstring('<div class="grid-items hide-read-more-ad without-sidebar"></div>'))
    assert {"ad", "sidebar", "read", "more"}.isdisjoint(tokens)
    assert {"grid", "items", "hidereadmoread", "withoutsidebar"} <= tokens
    assert "ad" in class_tokens(html.fromstring('<div class="ad-slot"></div>'))


@pytest.mark.parametrize(
    ("width", "tiny"),
    [
        ("1", True),
        ("49px", True),
        ("0000010", True),
        ("50", False),
        ("2\u00b25", False),  # "2²5": str.isdigit() says yes, int() raised (found by the fuzzer)
        ("\u0662\u0660", False),  # Arabic-Indic digits are not an HTML dimension
        ("1" * 5000, False),  # more digits than int() parses (it raised)
        ("0" * 5000 + "7", True),
    ],
)
def test_tiny_images_by_declared_size(width: str, tiny: bool) -> None:
    assert is_tiny(html.fragment_fromstring(f'<img width="{width}" src="/a.jpg">')) is tiny


@pytest.mark.parametrize(
    ("srcset", "url"),
    [("/a.jpg 1x, /b.jpg 2x", "https://example.org/a.jpg"), (" , /b.jpg", None), (",", None), ("  ", None)],
)
def test_image_url_from_srcset(srcset: str, url: str | None) -> None:
    img = html.fragment_fromstring(f'<img srcset="{srcset}">')
    assert image_url(img, "https://example.org/news/") == url


@pytest.mark.parametrize(
    "text",
    ["", "   ", "one", " a  b ", "ab cd\u00a0ef\u3000gh", "abcdefghij", "abc\ue000def", "a\n\n\tb c  ", "x" * 23],
)
def test_long_texts_are_squashed_in_chunks_exactly(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    expected = (squash(text), comparable(text))
    monkeypatch.setattr("articlex.dom.SQUASH_CHUNK_CHARS", 3)
    assert (squash(text), comparable(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Para text, long enough to be a paragraph.", "Room 1234 is on the left", "Monday, March 3, 2020, at 10"],
)
def test_text_that_is_no_plain_date_is_refused_without_strptime(text: str) -> None:
    assert parse_date(text, strict=True, now=NOW) is None


def test_long_class_strings_are_split_without_being_cached() -> None:
    from articlex.dom import TOKEN_CACHE_MAX_CHARS, _tokens

    long_class = "share-bar " + "x" * TOKEN_CACHE_MAX_CHARS
    before = _tokens.cache_info().currsize
    tokens = class_tokens(html.fragment_fromstring(f'<div class="{long_class}">a</div>'))
    assert {"share", "bar", "sharebar"} <= tokens
    assert _tokens.cache_info().currsize == before
