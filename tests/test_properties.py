"""Property tests: random HTML-ish input gives an Article or an ArticlexError, quickly.

The strategy builds pages from the pieces that have broken extractors before:
unbalanced and deep tags, crowded and odd attributes (sizes in superscript
digits, empty srcsets), comments left open, scripts and JSON-LD of any shape,
charset declarations naming anything, entities, and stray bytes, then encodes
them in an encoding that may not be the declared one. The limits are set low
so that every limit's path is exercised. ``-m slow`` runs many more examples.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlex
from articlex.dom import comparable, squash

# No example may run longer than this (a hang in Python code is interrupted).
EXAMPLE_SECONDS = 20
# Hypothesis' per-example deadline: a slow example is reported, with its input.
DEADLINE = timedelta(seconds=5)
DEFAULT_EXAMPLES = 150
SLOW_EXAMPLES = 3_000

TAGS = ["html", "head", "body", "div", "p", "span", "b", "a", "article", "main", "section", "h1", "h2", "ul", "li"]
TAGS += ["table", "tr", "td", "figure", "figcaption", "img", "br", "script", "style", "nav", "footer", "aside"]
TAGS += ["blockquote", "pre", "code", "time", "meta", "title", "noscript", "svg", "template", "textarea", "iframe"]
ATTRIBUTES = ["class", "id", "href", "src", "srcset", "width", "height", "itemprop", "role", "hidden", "style"]
ATTRIBUTES += ["property", "name", "content", "charset", "datetime", "type", "data-src", "lang", "aria-hidden"]
VALUES = ["related", "share", "article-body", "post-content", "byline", "dek", "articleBody", "author", "x"]
VALUES += ["/a.jpg", "https://example.org/b", "javascript:void(0)", "2\u00b25", "1" * 50, " , ", "display:none"]
VALUES += ["utf-7", "base64", "\x01", "x-user-defined", "og:title", "article:published_time", "2021-02-03", "<>"]
VALUES += ["application/ld+json", "navigation", "true", "", '"', "'", "\u202e", "\ud800", "&amp;", "&#0;", "&#x110000;"]
CHARSETS = ["utf-8", "cp1252", "utf-16", "shift_jis", "koi8-r", "latin-1"]
CONTENT_TYPES = [None, "text/html; charset=utf-8", "windows-1252", "text/html;charset=x-bogus", "utf-16", ""]
OPTIONS = [
    articlex.Options(),
    articlex.Options(max_tree_depth=6, max_nodes=40, max_attributes=3, max_text_volume=2_000, max_jsonld_depth=2),
    articlex.Options(max_jsonld_chars=40, max_date_chars=5, on_limit="raise"),
]
URL = "https://example.org/news/story.html"

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "headline",
                    "author",
                    "datePublished",
                    "@graph",
                    "name",
                    "image",
                    "@id",
                    "mainEntity",
                    "keywords",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@st.composite
def _tag(draw: Callable[..., Any]) -> str:
    name = draw(st.sampled_from(TAGS))
    pairs = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=4))
    attributes = "".join(f' {key}="{value}"' for key, value in pairs)
    return draw(st.sampled_from([f"<{name}{attributes}>", f"</{name}>", f"<{name}{attributes}/>"]))


_piece = st.one_of(
    _tag(),
    _tag(),
    st.text(max_size=60),
    st.sampled_from(["<!--", "-->", "<!-- c -->", "<![CDATA[", "&nbsp;", "&amp;", "<!DOCTYPE html>", "<?xml ?>"]),
    st.sampled_from(["Related: ", "Follow us", "By Jane Doe", "March 3, 2020", "Updated 5:27 am", ", , ,"]),
    _json.map(lambda data: f'<script type="application/ld+json">{json.dumps(data)}</script>'),
    st.integers(1, 30).map(lambda depth: "<div>" * depth),
    st.integers(1, 8).map(lambda n: "<p>A paragraph long enough to count as prose, with commas, here.</p>" * n),
)


@st.composite
def html_ish(draw: Callable[..., Any]) -> str | bytes:
    """A page-like string, often encoded to bytes, sometimes with stray bytes or a BOM."""
    text = "".join(draw(st.lists(_piece, max_size=40)))
    if draw(st.booleans()):
        return text
    data = text.encode(draw(st.sampled_from(CHARSETS)), errors="replace")
    if draw(st.booleans()):
        spot = draw(st.integers(0, len(data)))
        data = data[:spot] + draw(st.binary(max_size=8)) + data[spot:]
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""])) + data
    return data


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Interrupt the block (in Python code) after ``seconds``; a no-op where there is no SIGALRM."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _hung(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"example ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(data: str | bytes, options: articlex.Options, content_type: str | None) -> None:
    with _time_limit(EXAMPLE_SECONDS):
        try:
            article = articlex.extract(data, URL, options=options, content_type=content_type)
        except articlex.ArticlexError:
            return
        json.loads(article.to_json())
        article.to_markdown()
    assert article.text == "\n\n".join(block.text for block in article.body if block.type != "figure")


_SETTINGS = {"deadline": DEADLINE, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@settings(max_examples=DEFAULT_EXAMPLES, **_SETTINGS)
@given(html_ish(), st.sampled_from(OPTIONS), st.sampled_from(CONTENT_TYPES))
def test_html_ish_input_gives_an_article_or_an_articlex_error(
    data: str | bytes, options: articlex.Options, content_type: str | None
) -> None:
    _check(data, options, content_type)


@settings(max_examples=DEFAULT_EXAMPLES, **_SETTINGS)
@given(st.binary(max_size=2_000), st.sampled_from(OPTIONS))
def test_any_bytes_give_an_article_or_an_articlex_error(data: bytes, options: articlex.Options) -> None:
    _check(data, options, None)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES, **_SETTINGS)
@given(html_ish(), st.sampled_from(OPTIONS), st.sampled_from(CONTENT_TYPES))
def test_many_more_html_ish_inputs(data: str | bytes, options: articlex.Options, content_type: str | None) -> None:
    _check(data, options, content_type)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\u00a0", "\u3000", "\ue000", "\x1f"]), max_size=80))
def test_chunked_squash_and_comparable_equal_the_plain_ones(text: str) -> None:
    plain = " ".join(text.replace("\ue000", " ").split()), "".join(text.split()).lower()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("articlex.dom.SQUASH_CHUNK_CHARS", 5)
        assert (squash(text), comparable(text)) == plain
