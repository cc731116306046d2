"""The limits in Options: each fires at its value, says so, and raises on request."""

from __future__ import annotations

import json
import pickle

import pytest

import articlex
from articlex.limits import LimitHit, reached
from articlex.markup import Markup, scan
from articlex.options import DEFAULT_MAX_DATE_CHARS, Options
from articlex.prescan import Scanned, cap_attributes, cap_nodes, unclosed_comment

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} says something, at some length, about the subject at hand here.</p>" for n in range(6)
)
RAISE = Options(on_limit="raise")


def _page(body: str = PARAGRAPHS, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def _tag(count: int, separator: str = " ", value: str = "v") -> str:
    return "<p " + separator.join(f"a{n}={value}" for n in range(count)) + ">"


# -- reached(): the policy -------------------------------------------------------------------


def test_a_hit_is_a_warning_that_names_the_limit() -> None:
    hit = LimitHit("max_nodes", 1_000, 1_234, "the rest was cut")
    assert reached(hit, Options()) == "limit max_nodes=1,000 reached (1,234 found): the rest was cut"


def test_a_hit_raises_when_asked() -> None:
    with pytest.raises(articlex.ResourceLimitError) as caught:
        reached(LimitHit("max_nodes", 1_000, 1_234, "the rest was cut"), RAISE)
    error = caught.value
    assert (error.option, error.found, error.maximum) == ("max_nodes", 1_234, 1_000)
    assert str(error) == "limit max_nodes=1,000 exceeded: 1,234 found (the rest was cut)"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    "error",
    [
        articlex.ResourceLimitError("max_nodes", 5, 3, "cut"),
        articlex.InputTooLargeError(10, 5),
        articlex.NotHTMLError("a PDF document"),
        articlex.HTTPStatusError("https://example.org/", 404),
        articlex.FetchTimeoutError("https://example.org/", "deadline of 30 s passed"),
        articlex.ExtractionTimeoutError(5.0, "page.html"),
    ],
)
def test_errors_pickle_with_their_attributes(error: articlex.ArticlexError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, the round trip is the point
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


def test_error_bases() -> None:
    assert issubclass(articlex.InputTooLargeError, articlex.ResourceLimitError)
    assert issubclass(articlex.ResourceLimitError, articlex.InputError)
    assert issubclass(articlex.FetchError, OSError)
    assert issubclass(articlex.FetchTimeoutError, TimeoutError)
    assert not issubclass(articlex.ExtractionTimeoutError, OSError | ValueError)
    assert articlex.InputTooLargeError(10, 5).option == "max_input_bytes"


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_nodes", 0), ("max_tree_depth", 1025), ("max_date_chars", -1), ("on_limit", "ignore")],
)
def test_options_refuse_values_that_make_no_sense(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"Options.{field}"):
        Options(**{field: value})  # type: ignore[arg-type]


# -- max_attributes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "description"),
    [
        (_tag(1_500), "space-separated"),
        (_tag(1_500, separator="", value='"v"'), "no separator after quoted values"),
        (_tag(1_500, value='">"'), "a > inside every quoted value"),
        ("<p " + "/".join(f"a{n}" for n in range(1_500)) + ">", "slash-separated names"),
        ("<p " + " ".join(f"'a{n}" for n in range(1_500)) + ">", "quotes inside names"),
    ],
)
def test_crowded_tags_are_found_however_their_attributes_are_written(tag: str, description: str) -> None:
    scanned = cap_attributes(f"<div>{tag}text</p></div>", 1_000)
    assert scanned.hit == LimitHit(
        "max_attributes", 1_000, 1_500, "attributes after the first 1,000 were dropped from 1 tag(s)"
    ), description
    assert scanned.text.endswith(">text</p></div>")


def test_kept_attributes_are_the_first_ones_and_the_parser_sees_them() -> None:
    crowded = _tag(1_200).replace("<p ", "<p class=lead ") + "The lead paragraph, crowded with attributes.</p>"
    text = cap_attributes(crowded, 1_000).text
    assert text == _tag(999).replace("<p ", "<p class=lead ") + "The lead paragraph, crowded with attributes.</p>"
    article = articlex.extract(_page(crowded + PARAGRAPHS))
    assert article.warnings == (
        "limit max_attributes=1,000 reached (1,201 found): attributes after the first 1,000 were dropped from 1 tag(s)",
    )
    assert [block.text for block in article.body][:2] == [
        "The lead paragraph, crowded with attributes.",
        "Paragraph 0 says something, at some length, about the subject at hand here.",
    ]


def test_tags_at_the_attribute_limit_are_left_alone() -> None:
    text = f"<div>{_tag(1_000)}text</p></div>"
    assert cap_attributes(text, 1_000).text == text
    assert cap_attributes(text, 1_000).hit is None


def test_crowded_tags_inside_scripts_are_text_and_left_alone() -> None:
    text = f"<script>var s = '{_tag(1_500)}';</script><p>x</p>"
    assert cap_attributes(text, 1_000).hit is None


def test_the_attribute_limit_can_raise() -> None:
    with pytest.raises(articlex.ResourceLimitError, match="max_attributes"):
        articlex.extract(_page(_tag(1_500) + "x</p>"), options=RAISE)


# -- max_nodes -------------------------------------------------------------------------------


def test_the_page_is_cut_before_the_first_start_tag_over_the_limit() -> None:
    text = "<p>a</p>" * 10 + "<b>tail</b>"
    scanned = cap_nodes(text, 10)
    assert scanned.text == "<p>a</p>" * 10
    assert scanned.hit == LimitHit(
        "max_nodes", 10, 11, "the page was cut before start tag 11; its last 11 characters were not read"
    )


def test_end_tags_and_other_markup_do_not_count_as_nodes() -> None:
    text = "<!doctype html><!-- c --><p>a</p>" * 5
    assert cap_nodes(text, 5) == Scanned(text)


def test_an_article_past_the_node_limit_keeps_its_first_paragraphs() -> None:
    # html, head, body and article, then 36 of the 60 paragraphs (ten parts, each
    # its own words: the same paragraphs over again would read as a copy of the body)
    parts = [PARAGRAPHS.replace("Paragraph ", f"Part {k}, paragraph ") for k in range(10)]
    article = articlex.extract(_page("".join(parts)), options=Options(max_nodes=40))
    assert [block.text[:19] for block in article.body] == [
        f"Part {k}, paragraph {n}" for k in range(6) for n in range(6)
    ]
    cut = len("</article></body></html>") + sum(map(len, parts[6:]))
    assert article.warnings == (
        f"limit max_nodes=40 reached (64 found): the page was cut before start tag 41; "
        f"its last {cut:,} characters were not read",
    )


# -- comments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("<p>a</p><!-- open", 8),
        ("<!-- a --><p>a</p><!-- open <!-- again", 18),
        ("<!-- closed --!><p>a</p><!--", 24),
    ],
)
def test_an_unclosed_comment_is_reported(text: str, start: int) -> None:
    hidden = len(text) - start
    assert unclosed_comment(text) == (
        f"an unclosed comment at character {start} hides the rest of the page ({hidden} characters), "
        "as it would in a browser"
    )


@pytest.mark.parametrize(
    "text",
    [
        "<p>a</p><!-- closed -->",
        "<p>a</p><!-->",
        "<p>a</p><!--->",
        "<script>document.write('<!--');</script><p>a</p>",
        "<p>no comment at all</p>",
    ],
)
def test_closed_comments_are_not_reported(text: str) -> None:
    assert unclosed_comment(text) is None


# -- JSON-LD and dates -----------------------------------------------------------------------


def _jsonld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


GOOD_JSONLD = _jsonld(json.dumps({"@type": "NewsArticle", "headline": "The real headline"}))


def test_a_json_ld_block_over_the_size_limit_is_skipped_with_a_warning() -> None:
    data = json.dumps({"@type": "Dataset", "data": "x" * 200})
    article = articlex.extract(_page(head=_jsonld(data) + GOOD_JSONLD), options=Options(max_jsonld_chars=150))
    assert article.headline == "The real headline"
    assert article.warnings == (f"limit max_jsonld_chars=150 reached ({len(data)} found): a JSON-LD block was skipped",)


@pytest.mark.parametrize("depth", [129, 1_000, 100_000])
def test_a_json_ld_block_nested_too_deep_is_skipped_with_a_warning(depth: int) -> None:
    deep = _jsonld("[" * depth + "]" * depth)
    article = articlex.extract(_page(head=deep + GOOD_JSONLD))
    assert article.headline == "The real headline"
    assert article.warnings == (f"limit max_jsonld_depth=128 reached ({depth:,} found): a JSON-LD block was skipped",)


def test_json_ld_nesting_ignores_brackets_inside_strings() -> None:
    data = json.dumps({"@type": "NewsArticle", "headline": "The real headline", "x": "[" * 500})
    article = articlex.extract(_page(head=_jsonld(data)))
    assert (article.headline, article.warnings) == ("The real headline", ())


def test_json_ld_that_reaches_the_recursion_limit_is_skipped() -> None:
    deep = _jsonld("[" * 5_000 + "]" * 5_000)
    article = articlex.extract(_page(head=deep + GOOD_JSONLD), options=Options(max_jsonld_depth=10_000))
    assert article.warnings == (
        "limit max_jsonld_depth=10,000 reached (5,000 found): a JSON-LD block was skipped "
        "(it reached Python's recursion limit)",
    )


def test_json_ld_limits_can_raise() -> None:
    with pytest.raises(articlex.ResourceLimitError, match="max_jsonld_depth"):
        articlex.extract(_page(head=_jsonld("[" * 200 + "]" * 200)), options=RAISE)


def test_a_long_date_string_is_not_parsed_and_says_so() -> None:
    long_date = "Published on the third day of March in the year two thousand and twenty " * 3
    meta = f'<meta property="article:published_time" content="{long_date}">'
    article = articlex.extract(_page(head=meta))
    assert article.published is None
    assert article.warnings == (
        f"limit max_date_chars={DEFAULT_MAX_DATE_CHARS} reached ({len(long_date.strip())} found): "
        "the published date string from og was not parsed",
    )


def test_a_long_date_string_in_a_standard_format_is_still_read() -> None:
    meta = f'<meta property="article:published_time" content="2020-03-03T10:00:00Z{" " * 100}">'
    article = articlex.extract(_page(head=meta))
    assert (article.published, article.warnings) == ("2020-03-03T10:00:00+00:00", ())


def test_start_tags_inside_scripts_and_comments_are_not_counted() -> None:
    script = "<script>var t = '" + "<div>" * 50 + "';</script>"
    comment = "<!-- " + "<p>" * 50 + " -->"
    text = script + comment + "<p>a</p>" * 5
    assert cap_nodes(text, 6).text == text
    scanned = cap_nodes(text + "<b>over</b>", 6)
    assert scanned.text == text
    assert scanned.hit == LimitHit(
        "max_nodes", 6, 7, "the page was cut before start tag 7; its last 11 characters were not read"
    )


def test_a_script_full_of_tags_does_not_cut_the_article_after_it() -> None:
    script = "<script>var t = '" + "<div>" * 200 + "';</script>"
    article = articlex.extract(_page(head=script), options=Options(max_nodes=50))
    assert (len(article.body), article.warnings) == (6, ())


def test_tag_like_text_inside_attribute_values_is_left_alone() -> None:
    # A real page (wcxb 2846) inlines SVG in data: URIs, with thousands of
    # space-separated path numbers after "<g d=".
    path = " ".join(f"L {n} {n}" for n in range(800))
    text = f'<li><img src="data:image/svg+xml,<svg><g d=&quot;M 0 0 {path}&quot;/></svg>" alt>x</li>'
    assert cap_attributes(text, 1_000) == Scanned(text)
    assert cap_nodes(text * 3, 4).hit == LimitHit(
        "max_nodes", 4, 6, f"the page was cut before start tag 5; its last {len(text):,} characters were not read"
    )


def test_a_comment_opener_inside_an_attribute_value_is_no_comment() -> None:
    assert unclosed_comment('<p title="<!-- not a comment">text</p>') is None


@pytest.mark.parametrize(
    ("text", "starts", "unclosed"),
    [
        ("<p>a</p><b>b</b>", (0, 8), None),
        ("<!-- <p> --><p>a", (12,), None),
        ("<!--><p>a<!---><i>", (5, 15), None),
        ("<script>if (a<b) x = '<p>';</script><p>", (0, 36), None),
        ("<SCRIPT>'</p><p>'</Script><p>", (0, 26), None),
        ("<a title=\"<b>x</b>\" href='<i>'>y</a><u>", (0, 36), None),
        ("<p>a<!-- open <b>", (0,), 4),
        ("<p>a<script>var b = '<p>';", (0, 4), None),
    ],
)
def test_the_markup_walk_finds_real_start_tags_only(text: str, starts: tuple[int, ...], unclosed: int | None) -> None:
    assert scan(text) == Markup(starts, unclosed)
