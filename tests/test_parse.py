"""Parsing without silent loss: deep nesting is flattened and reported."""

from __future__ import annotations

import pytest

import articlex
from articlex.options import DEFAULT_MAX_TREE_DEPTH, Options
from articlex.parse import flatten, parse

DEFAULTS = Options()
DEPTH_WARNING = (
    "limit max_tree_depth=512 reached ({found:,} found): markup below level 512 was flattened; its text is kept"
)


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "<p>after</p></body></html>"


def test_300_levels_parse_whole_without_warning() -> None:
    parsed = parse(_nested(300), DEFAULTS)
    text = parsed.root.text_content()
    assert "deep text" in text
    assert "after" in text
    assert parsed.warnings == ()


@pytest.mark.parametrize("depth", [600, 3000, 10000])
def test_beyond_the_depth_limit_content_is_kept_and_a_warning_given(depth: int) -> None:
    parsed = parse(_nested(depth), DEFAULTS)
    text = parsed.root.text_content()
    assert "deep text" in text
    assert "after" in text
    # html, body, the divs and the p, as written
    assert parsed.warnings == (DEPTH_WARNING.format(found=depth + 3),)
    assert not parsed.root.xpath("boolean(/*" + "/*" * DEFAULT_MAX_TREE_DEPTH + ")")


def test_flatten_drops_only_deep_wrappers_and_keeps_text_and_structure() -> None:
    out = flatten("<div><div><div><span>x</span><p>y</p></div></div></div>tail", 2)
    assert out == ("<div><div>\nx<p>y</p>\n</div></div>tail", 4)


def test_flatten_without_structure_drops_every_deep_tag() -> None:
    out = flatten("<div><div><div><span>x</span><p>y</p></div></div></div>tail", 2, keep_structure=False)
    assert out == ("<div><div>\nx\ny\n\n</div></div>tail", 4)


def test_deep_structure_is_reduced_to_text_below_the_limit() -> None:
    lists = "<ul><li>item " * 400 + "</li></ul>" * 400
    parsed = parse(f"<html><body>{lists}</body></html>", Options(max_tree_depth=50))
    assert not parsed.root.xpath("boolean(/*" + "/*" * 50 + ")")
    assert parsed.root.text_content().split() == ["item"] * 400
    assert parsed.warnings == (
        "limit max_tree_depth=50 reached (802 found): markup below level 50 was flattened; its text is kept",
    )


def test_the_depth_limit_can_raise() -> None:
    with pytest.raises(articlex.ResourceLimitError) as caught:
        parse(_nested(600), Options(on_limit="raise"))
    assert (caught.value.option, caught.value.found, caught.value.maximum) == ("max_tree_depth", 603, 512)


def test_deep_article_is_extracted_with_a_warning() -> None:
    body = "".join(f"<p>Paragraph {n}, which is long enough to be prose in an article body.</p>" for n in range(6))
    depth = 3000
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    article = articlex.extract(page)
    assert len(article.body) == 6
    assert article.warnings == (DEPTH_WARNING.format(found=depth + 3),)


@pytest.mark.parametrize("tag", ["script", "style", "textarea", "title"])
def test_an_unclosed_raw_text_element_at_the_end_is_reported(tag: str) -> None:
    parsed = parse(f"<html><body><p>kept</p><{tag}>var a = 1; <p>hidden</p>", DEFAULTS)
    assert parsed.warnings == (
        f"the page ends inside an unclosed <{tag}>: its last 24 characters are read as that element's text, "
        "as in a browser",
    )


def test_a_closed_script_at_the_end_is_not_reported() -> None:
    assert parse("<html><body><p>kept</p><script>var a = 1;</script>", DEFAULTS).warnings == ()
    assert parse("<html><body><p>kept</p><script>var a = 1;</script>\n</body></html>", DEFAULTS).warnings == ()


def test_text_nested_too_deep_for_the_volume_budget_is_flattened() -> None:
    page = "<html><body>" + "<div>" * 200 + "<p>" + "x" * 1000 + "</p>" + "</div>" * 200 + "</body></html>"
    parsed = parse(page, Options(max_text_volume=50_000))
    # 1,000 characters at level 203 (html, body, 200 divs, p): a volume of 203,000
    assert parsed.warnings == (
        "limit max_text_volume=50,000 reached (203,000 found): markup below level 50 was flattened; its text is kept",
    )
    assert not parsed.root.xpath("boolean(/*" + "/*" * 50 + ")")
    assert parsed.root.text_content().split() == ["x" * 1000]


def test_a_shallow_page_over_the_volume_budget_is_left_as_it_is() -> None:
    parsed = parse("<html><body><p>" + "x" * 100_000 + "</p></body></html>", Options(max_text_volume=1_000))
    assert parsed.warnings == ()
    assert len(parsed.root.text_content()) == 100_000


def test_the_volume_limit_can_raise() -> None:
    page = "<html><body>" + "<div>" * 200 + "<p>" + "x" * 1000 + "</p>" + "</div>" * 200 + "</body></html>"
    with pytest.raises(articlex.ResourceLimitError, match="max_text_volume"):
        parse(page, Options(max_text_volume=50_000, on_limit="raise"))


def test_a_blank_script_before_the_final_newlines_is_not_reported() -> None:
    # Two benchmark pages end "<script>\n</script>\n\n </div></body>\n</html>\n".
    page = "<html><body><p>kept</p><script>\n</script>\n\n </div></body>\n</html>\n"
    assert parse(page, DEFAULTS).warnings == ()


def test_content_written_after_the_closing_html_tag_joins_the_body() -> None:
    # A template closed the document after its header; the article follows, as browsers show it.
    story = "The council voted on Tuesday to keep the library open, after a long and lively debate."
    more = "Readers had signed a petition, and the mayor said the budget would find the money."
    page = (
        "<html><head><title>T</title></head><body><header><a href='/'>Home</a></header></body></html>\n"
        f"<div class='post'><h1>Library stays open</h1><p>{story}</p><p>{more}</p></div><footer>Contact</footer>"
        "</body></html>"
    )
    root = parse(page, DEFAULTS).root
    body = root.find("body")
    assert body is not None
    assert [child.tag for child in body] == ["header", "div", "footer"]
    article = articlex.extract(page)
    assert article.headline == "Library stays open"
    assert more in article.text
