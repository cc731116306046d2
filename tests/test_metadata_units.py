"""Units of the metadata readers: dates, date lines, names, language, lenient JSON-LD, trails."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html

import articlex
from articlex.metadata import dates, read_metadata
from articlex.metadata.authors import split_names
from articlex.metadata.datelines import dates_anywhere, dates_near, url_date
from articlex.metadata.dates import find_dates, parse_date
from articlex.metadata.jsonld import read_jsonld
from articlex.metadata.language import detect_language, normalize_language
from articlex.metadata.trails import dom_breadcrumbs, shown_tags

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def test_slashed_dates_follow_the_page_language() -> None:
    assert parse_date("03/04/2024", now=NOW) == "2024-03-04"
    assert parse_date("03/04/2024", language="en-US", now=NOW) == "2024-03-04"
    assert parse_date("03/04/2024", language="fr", now=NOW) == "2024-04-03"
    assert parse_date("31/12/2024", language="en-US", now=NOW) == "2024-12-31"  # only one reading exists
    assert parse_date("04.03.2024", language="en-US", now=NOW) == "2024-03-04"  # dotted: always day first


def test_dateparser_is_given_the_page_language() -> None:
    assert parse_date("3 mars 2024", language="fr", now=NOW) == "2024-03-03"
    assert parse_date("12. März 2024", language="de-AT", now=NOW) == "2024-03-12"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Fri 6:45 PM, Feb 16, 2018", "en", "2018-02-16T18:45:00"),
        ("Wed, 09/25/2024 - 11:38", "en", "2024-09-25T11:38:00"),
        ("13/11/2024 09:21:40", "en", "2024-11-13T09:21:40"),
        ("Friday December 19, 2024 @08:00PM", "en", "2024-12-19T20:00:00"),
        ("4/24/2000 12:00:00 AM", "en", "2000-04-24T00:00:00"),
        ("Dec 1, 2024 5:00 p.m.", "en", "2024-12-01T17:00:00"),
        ("10:00 Nov 3, 2020", None, "2020-11-03T10:00:00"),
        # A zone: an offset, or an abbreviation that names one zone.
        ("November 19, 2019, 07:47 PM EST", "en", "2019-11-19T19:47:00-05:00"),
        ("2019-11-18 17:19:53 GMT", None, "2019-11-18T17:19:53+00:00"),
        ("Oct 01, 2024T10:00:00+03:00", "en", "2024-10-01T10:00:00+03:00"),
        # IST is India's, Israel's or Ireland's: the time is kept, no offset guessed.
        ("01:38:07 PM IST Nov 20, 2019", None, "2019-11-20T13:38:07"),
    ],
)
def test_a_date_with_a_time_of_day_is_read_without_dateparser(
    text: str, language: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_dateparser(*_: object) -> None:
        raise AssertionError(f"dateparser was asked to read {text!r}")

    monkeypatch.setattr(dates, "_dateparser", no_dateparser)
    assert parse_date(text, language=language, now=NOW) == expected


def test_a_time_that_is_not_a_clock_time_is_not_taken_out() -> None:
    assert dates._with_time("May 5, 2024 13:15 PM", month_first=True) is None  # 13 on a 12-hour clock
    assert dates._with_time("May 5, 2024 10:75", month_first=True) is None
    assert dates._with_time("10:00 Nov 3", month_first=True) is None  # no year: not a whole date
    assert dates._with_time("Posted 10:00 XYZ Nov 3, 2020", month_first=True) is None  # an unknown word stays


def test_strict_reading_takes_no_time_out_of_a_line() -> None:
    # A body line such as a post's date stamp is a date only in a standard format.
    assert parse_date("September 5, 2024, 11:15pm", strict=True, now=NOW) is None
    assert parse_date("September 5, 2024, 11:15pm", now=NOW) == "2024-09-05T23:15:00"


def test_implausible_dates_are_rejected() -> None:
    assert parse_date("2099-01-01", now=NOW) is None
    assert parse_date("1970-01-01", now=NOW) is None
    assert parse_date("1995-01-01", now=NOW) == "1995-01-01"


def test_dates_are_found_inside_lines_of_text() -> None:
    found = [iso for _, _, iso in find_dates("Dec. 19, 2025 · Niko Matsakis, updated 20 December, 2025")]
    assert found == ["2025-12-19", "2025-12-20"]
    assert [iso for _, _, iso in find_dates("Posted on the 15/12/2025 at 19:00")] == ["2025-12-15"]
    assert find_dates("Version 1.2.3 of 2024") == []


def _elements(markup: str) -> list[html.HtmlElement]:
    root = html.fromstring(markup)
    return [el for el in root.iter() if isinstance(el.tag, str)]


def test_date_lines_are_labelled_by_their_words_not_their_order() -> None:
    els = _elements("<div><p>Updated: May 5, 2024</p><p>Published: May 1, 2024</p></div>")[1:]
    dates, lines = dates_near(els, "en", read_text=True)
    assert dates == {"modified": "2024-05-05", "published": "2024-05-01"}
    assert [el.tag for el in lines] == ["p", "p"]


def test_a_label_in_the_element_before_a_bare_date_counts() -> None:
    els = _elements("<div><div>Last updated:</div><div>Dec 12, 2025</div></div>")
    assert dates_near(els[1:], "en", read_text=True)[0] == {"modified": "2025-12-12"}


def test_a_paragraph_that_mentions_a_date_is_not_a_date_line() -> None:
    text = "On March 3, 2020 the council voted to close the terminal after a long and heated debate."
    assert dates_near(_elements(f"<div><p>{text}</p></div>"), "en", read_text=True)[0] == {}


def test_dates_anywhere_skips_navigation_and_teasers() -> None:
    root = html.fromstring(
        "<html><body><nav><p>May 1, 2020</p></nav><ul><li><a>Other story</a> May 2, 2021</li></ul>"
        "<div><p>Some text</p><p>Posted May 3, 2022</p></div></body></html>"
    )
    assert dates_anywhere(root, "en") == {"published": "2022-05-03"}


def test_url_dates_need_year_month_and_day() -> None:
    assert url_date("https://x.example/2022/11/08/slug") == "2022-11-08"
    assert url_date("https://x.example/2022/11/slug") is None
    assert url_date(None) is None


def test_bylines_drop_other_credits_roles_and_leftovers() -> None:
    assert split_names("By Scott Levine Reviewed by Frank Bass") == ["Scott Levine"]
    assert split_names("Audrey Huang, Print Managing Editor") == ["Audrey Huang"]
    assert split_names("Written by Matt Eland on") == ["Matt Eland"]
    assert split_names("Authors: Ana Ruiz, Tom Berg and Mei Chen") == ["Ana Ruiz", "Tom Berg", "Mei Chen"]


def test_language_tags_are_normalised() -> None:
    assert normalize_language("en_US") == "en-US"
    assert normalize_language("EN-gb") == "en-GB"
    assert normalize_language("de, en;q=0.5") == "de"
    assert normalize_language("english") is None


def test_language_is_told_from_function_words_only_when_clear() -> None:
    french = "Le musée rouvre ses portes avec une salle pour les ateliers et des outils qui sont dans la ville."
    assert detect_language(french) == "fr"
    assert detect_language("Nginx 1.25, Python 3.12, TLS") is None


def test_broken_jsonld_is_read_leniently() -> None:
    page = html.fromstring(
        '<html><head><script type="application/ld+json">//<![CDATA[\n'
        '{"@type": "NewsArticle", "headline": "Line\none", "author": {"@type": "Person", "name": "Ines Duarte",},}\n'
        '{"@type": "WebSite", "name": "The Courier"}\n//]]></script></head><body></body></html>'
    )
    values = read_jsonld(page, None)
    assert values["headline"] == "Line one"
    assert [a.name for a in values["authors"]] == ["Ines Duarte"]
    assert values["site_name"] == "The Courier"


def test_jsonld_organisation_authors_are_not_people() -> None:
    page = html.fromstring(
        '<html><head><script type="application/ld+json">{"@type": "Article", "headline": "H",'
        '"author": [{"@type": "Organization", "name": "Acme"}, {"@type": "Person", "name": "Jo Park"}]}'
        "</script></head><body></body></html>"
    )
    assert [a.name for a in read_jsonld(page, None)["authors"]] == ["Jo Park"]


def test_tag_lists_and_breadcrumbs_in_the_page() -> None:
    root = html.fromstring(
        '<html><body><nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/a">News</a></li>'
        "<li>Story</li></ol></nav><aside class='widget tagcloud'><a>Everything</a></aside>"
        "<p>Filed under: <a>Harbour</a>, <a>Parks</a></p></body></html>"
    )
    assert dom_breadcrumbs(root) == ("Home", "News", "Story")
    assert shown_tags(root) == ("Harbour", "Parks")


def test_a_modified_date_before_the_published_one_is_not_reported() -> None:
    page = (
        '<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        '"datePublished": "2023-10-02", "dateModified": "2019-01-01"}</script></head><body><h1>H</h1></body></html>'
    )
    article = articlex.extract(page)
    assert (article.published, article.modified) == ("2023-10-02", None)
    assert "modified" not in article.sources


def _trail_page(head: str) -> html.HtmlElement:
    return html.document_fromstring(
        f"<html><head>{head}</head><body><nav class='breadcrumbs'><a href='/'>Home</a> <a href='/world'>World</a>"
        "</nav><article><div class='kicker'><a href='/a'>Analysis</a> | <a href='/m'>Middle East</a></div>"
        "<h1>Talks resume in Doha</h1><p>" + "Envoys met again on Monday. " * 20 + "</p></article></body></html>"
    )


def test_the_page_breadcrumbs_give_the_section_only_when_no_source_above_them_does() -> None:
    # The shown label trail is the labels either way; the breadcrumb trail is read for the
    # section only while no source ranked above it gives one.
    plain = read_metadata(_trail_page(""), None)
    assert (plain.fields["section"], plain.sources["section"]) == ("World", "breadcrumb")
    assert plain.fields["labels"] == ("Analysis", "Middle East")
    og = read_metadata(_trail_page("<meta property='article:section' content='Diplomacy'>"), None)
    assert (og.fields["section"], og.sources["section"]) == ("Diplomacy", "og")
    assert og.fields["labels"] == ("Analysis", "Middle East")
