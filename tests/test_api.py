"""The public contract: names, types, errors, serialisations."""

from __future__ import annotations

import gzip
import json

import pytest

import articlex

ARTICLE = (
    "<html><head><title>A test page</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>A test page</h1>"
    + "".join(f"<p>Paragraph {n} says something, at some length, about the subject at hand here.</p>" for n in range(6))
    + "</article><footer>Follow us on social</footer></body></html>"
)


def test_public_names_are_pinned() -> None:
    assert sorted(articlex.__all__) == sorted(
        [
            "ArchiveError",
            "Article",
            "ArticlexError",
            "Author",
            "Block",
            "EmptyInputError",
            "ExtractionTimeoutError",
            "Failure",
            "FetchConnectionError",
            "FetchError",
            "FetchTimeoutError",
            "ForbiddenAddressError",
            "HTTPStatusError",
            "Image",
            "InlineLink",
            "InputError",
            "InputTooLargeError",
            "Link",
            "MalformedResponseError",
            "MissingDependencyError",
            "NotHTMLError",
            "Options",
            "OutputError",
            "Page",
            "ParseError",
            "ResourceLimitError",
            "ResponseTooLargeError",
            "Result",
            "TooManyRedirectsError",
            "TruncatedRecordError",
            "UnsupportedContentError",
            "UnsupportedURLError",
            "WorkerCrashedError",
            "WorkerStartError",
            "__version__",
            "extract",
            "extract_many",
            "fetch",
        ]
    )


def test_to_dict_has_exactly_the_documented_keys() -> None:
    data = articlex.extract(ARTICLE).to_dict()
    assert list(data) == [
        "url",
        "canonical_url",
        "site_name",
        "language",
        "headline",
        "dek",
        "description",
        "section",
        "labels",
        "authors",
        "published",
        "modified",
        "tags",
        "lead_image",
        "body",
        "related",
        "text",
        "warnings",
        "sources",
        "confidence",
    ]


def test_str_and_bytes_give_the_same_article() -> None:
    assert articlex.extract(ARTICLE) == articlex.extract(ARTICLE.encode("utf-8"))


def test_text_is_the_body_with_blank_lines_between_blocks() -> None:
    article = articlex.extract(ARTICLE)
    assert len(article.body) == 6
    assert article.text == "\n\n".join(b.text for b in article.body)
    assert "Follow us" not in article.text
    assert "Home" not in article.text


def test_article_is_frozen() -> None:
    article = articlex.extract(ARTICLE)
    with pytest.raises(AttributeError):
        article.headline = "changed"  # type: ignore[misc]


def test_to_json_round_trips_and_keeps_unicode() -> None:
    article = articlex.extract(ARTICLE.replace("subject", "café"))
    text = article.to_json()
    assert "café" in text
    assert json.loads(text) == article.to_dict()


def test_to_markdown_has_front_matter_and_body() -> None:
    md = articlex.extract(ARTICLE).to_markdown()
    assert md.startswith('---\nheadline: "A test page"\n')
    assert "\n# A test page\n" in md
    assert "Paragraph 5 says something" in md


def test_relative_links_are_resolved_against_the_url() -> None:
    page = ARTICLE.replace("Paragraph 3 says", "Paragraph 3 <a href='/other'>links</a> says")
    article = articlex.extract(page, url="https://example.org/news/a")
    links = [link.url for block in article.body for link in block.links]
    assert links == ["https://example.org/other"]


def test_page_without_article_gives_empty_body_and_warning() -> None:
    page = "<html><body><nav>" + "".join(f"<a href='/{n}'>Section {n}</a>" for n in range(20)) + "</nav></body></html>"
    article = articlex.extract(page)
    assert article.body == ()
    assert article.text == ""
    assert any("no article" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", articlex.EmptyInputError),
        (b"   \n\t ", articlex.EmptyInputError),
        ("", articlex.EmptyInputError),
        (b"%PDF-1.7\n1 0 obj", articlex.NotHTMLError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", articlex.NotHTMLError),
        (gzip.compress(b"<html></html>"), articlex.NotHTMLError),
        (b'{"headline": "not a page"}', articlex.NotHTMLError),
        (b"just some words, with no markup at all", articlex.NotHTMLError),
        (bytes(range(256)) * 8, articlex.NotHTMLError),
    ],
)
def test_non_html_input_raises_a_typed_error(data: bytes | str, error: type[Exception]) -> None:
    with pytest.raises(error):
        articlex.extract(data)


def test_input_errors_are_value_errors_and_articlex_errors() -> None:
    with pytest.raises(ValueError, match="not HTML"):
        articlex.extract(b"%PDF-1.4")
    assert issubclass(articlex.NotHTMLError, articlex.ArticlexError)


def test_too_large_input_raises() -> None:
    options = articlex.Options(max_input_bytes=100)
    with pytest.raises(articlex.InputTooLargeError, match="over the limit of 100"):
        articlex.extract(ARTICLE, options=options)


def test_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        articlex.extract(12345)  # type: ignore[arg-type]


def test_options_turn_off_related_and_figures() -> None:
    page = ARTICLE.replace(
        "<h1>A test page</h1>",
        "<h1>A test page</h1><figure><img src='/a.jpg' width='800'><figcaption>A caption</figcaption></figure>",
    ).replace("</footer>", "</footer><div class='related'><h3><a href='/r'>Another story</a></h3></div>")
    full = articlex.extract(page)
    assert [link.title for link in full.related] == ["Another story"]
    lean = articlex.extract(page, options=articlex.Options(include_related=False, include_figures=False))
    assert lean.related == ()
    assert all(block.type != "figure" for block in lean.body)
