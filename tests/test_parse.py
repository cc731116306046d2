"""Parsing without silent loss: deep nesting is flattened and reported."""

from __future__ import annotations

import pytest

import articlex
from articlex.parse import FLATTEN_MAX_DEPTH, flatten, parse


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "<p>after</p></body></html>"


def test_300_levels_parse_whole_without_warning() -> None:
    parsed = parse(_nested(300))
    text = parsed.root.text_content()
    assert "deep text" in text
    assert "after" in text
    assert parsed.warnings == ()


@pytest.mark.parametrize("depth", [3000, 10000])
def test_beyond_the_parser_limit_content_is_kept_and_a_warning_given(depth: int) -> None:
    parsed = parse(_nested(depth))
    text = parsed.root.text_content()
    assert "deep text" in text
    assert "after" in text
    assert any("flattened" in w for w in parsed.warnings)


def test_flatten_drops_only_deep_wrappers_and_keeps_text_and_structure() -> None:
    out = flatten("<div><div><div><span>x</span><p>y</p></div></div></div>tail", 2)
    assert out == "<div><div>x<p>y</p></div></div>tail"


def test_deep_article_is_extracted_with_a_warning() -> None:
    body = "".join(f"<p>Paragraph {n}, which is long enough to be prose in an article body.</p>" for n in range(6))
    depth = FLATTEN_MAX_DEPTH * 3
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    article = articlex.extract(page)
    assert len(article.body) == 6
    assert any("flattened" in w for w in article.warnings)
