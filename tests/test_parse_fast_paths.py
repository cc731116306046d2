"""The shortcuts decoding, the prescan and parsing take for speed give what the long way gives."""

from __future__ import annotations

import itertools
import random

import pytest

from articlex.decode import _CONTROL_CHARS, _CONTROL_REFERENCES, _scrub, decode
from articlex.markup import scan
from articlex.options import Options
from articlex.parse import _RAW_TEXT, BACKWARD_STEPS, PLAIN_PARSE_DEPTH, _last_raw_text, parse
from articlex.prescan import unclosed_comment

LIMIT = 1_000_000


def _scrubbed_the_long_way(text: str) -> str:
    return _CONTROL_REFERENCES.sub("", _CONTROL_CHARS.sub("", text))


@pytest.mark.parametrize(
    "text",
    [
        "<p>plain</p>",
        "<p>caf\u00e9 &#8217; &#x1F600; &#0;</p>",
        "<p>a&#1;b &#x0B; &#65534;c</p>",
        "<p>caf\u00e9&#12</p>",
        "<p>joined &#\x001; after the NUL goes</p>",
        "<p>a\x07b &#x1;\ufffe</p>",
        "<p>\u4e2d\u6587 &#1\u00e9 &#x1f\u00e9</p>",
    ],
)
def test_scrubbing_with_the_utf8_bytes_is_scrubbing_the_text(text: str) -> None:
    expected = _scrubbed_the_long_way(text)
    assert _scrub(text, text.encode("utf-8")) == _scrub(text) == expected
    assert decode(text.encode("utf-8"), max_bytes=LIMIT).text == expected


def _unclosed_the_long_way(text: str) -> str | None:
    """The rule as first written: a "<!--" after the end of the last comment end is walked."""
    closes = ("-->", "--!>")
    closed = max((text.rfind(close) + len(close) for close in closes if close in text), default=0)
    if text.find("<!--", closed) < 0:
        return None
    start = scan(text).unclosed_comment
    return None if start is None else f"{start}"


def test_the_unclosed_comment_check_agrees_with_the_rule_on_random_markup() -> None:
    pieces = ("<!--", "-->", "--!>", "-", "!", ">", "<", "x", "<p>", "<!-->")
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not a secret
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(3000)]
    texts += ["".join(combo) for combo in itertools.product(pieces, repeat=3)]
    flagged = 0
    for text in texts:
        expected = _unclosed_the_long_way(text)
        warning = unclosed_comment(text)
        assert (warning is None) == (expected is None), text
        if warning is not None:
            flagged += 1
            assert f"at character {int(expected or 0):,} " in warning
    assert flagged  # the random texts include unclosed comments


def _divs(depth: int, text: str) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth + "</body></html>"


def test_a_page_deeper_than_its_volume_bound_but_within_both_limits_has_no_warning() -> None:
    # 40 levels of a page of about 500 characters may hold 20,000 of volume (the bound is 20
    # levels), but the text at the bottom is short: the bound is passed, the limits are not.
    page = _divs(40, "deep")
    options = Options(max_text_volume=10_000)
    assert options.max_text_volume // len(page) < 40 < options.max_tree_depth
    parsed = parse(page, options)
    assert parsed.warnings == ()
    assert parsed.root.xpath("boolean(/*" + "/*" * 40 + ")")  # nothing was flattened


def test_the_depth_limit_fires_on_a_page_whose_volume_bound_is_shallower() -> None:
    page = _divs(60, "deep " * 2_000)
    options = Options(max_tree_depth=50, max_text_volume=len(page) * 5)
    parsed = parse(page, options)
    assert parsed.warnings[0].startswith("limit max_tree_depth=50 reached (63 found)")
    assert parsed.warnings[1].startswith("limit max_text_volume=")
    assert "deep" in parsed.root.text_content()


def test_elements_are_found_by_id_without_the_parser_s_id_table() -> None:
    root = parse('<html><body><p id="a">first</p><p id="a">second</p><p id="b">x</p></body></html>', Options()).root
    assert root.get_element_by_id("a").text == "first"
    assert [el.text for el in root.xpath("//*[@id='a']")] == ["first", "second"]


def _random_page(rng: random.Random) -> str:
    """Nested blocks with raw-text elements anywhere, and a tail of plain elements of any length."""
    parts = ["<html><head><title>t</title></head><body>"]
    for _ in range(rng.randrange(1, 30)):
        tag = rng.choice(("div", "p", "span", "script", "style", "textarea", "ul", "li"))
        parts.append({"script": "<script>s()</script>", "style": "<style>p{}</style>"}.get(tag, f"<{tag}>x"))
        if rng.random() < 0.4:
            parts.append("</div></span></p>")
    parts.append("<div><p>tail</p></div>" * rng.randrange(0, 3 * BACKWARD_STEPS))
    parts.append(rng.choice(("</body></html>", "</body></html><p>after the end</p>", "</html><script>x()")))
    return "".join(parts)


def test_the_backward_walk_finds_the_last_raw_text_element_of_the_forward_walk() -> None:
    rng = random.Random(11)  # noqa: S311 - reproducible test data, not a secret
    far = beside = 0
    for _ in range(400):
        root = parse(_random_page(rng), Options()).root
        found = root.xpath("|".join(f"//{tag}" for tag in _RAW_TEXT))
        assert _last_raw_text(root) is (found[-1] if found else None)
        far += bool(found) and found[-1].xpath("count(following::*)") > BACKWARD_STEPS
        beside += bool(list(root.itersiblings()))
    assert far and beside  # both the fallback walk and the nodes beside the root were exercised


@pytest.mark.parametrize("depth", [PLAIN_PARSE_DEPTH - 10, PLAIN_PARSE_DEPTH - 2, PLAIN_PARSE_DEPTH + 40])
def test_pages_about_as_deep_as_the_plain_parse_goes_are_read_whole(depth: int) -> None:
    # html, body, the divs and the p: past 256 levels the plain parse stops, and the page is parsed again.
    parsed = parse(_divs(depth, "deep") + "<p>after</p>", Options())
    assert parsed.warnings == ()
    assert [p.text for p in parsed.root.iter("p")] == ["deep", "after"]
    assert parsed.root.xpath("boolean(/*" + "/*" * (depth + 2) + ")")


def test_a_text_node_over_the_plain_parse_s_limit_is_read_whole() -> None:
    words = "word " * 2_500_000  # 12.5 MB: over libxml2's 10 MB without huge_tree
    parsed = parse(f"<html><body><p>{words}</p><p>after</p></body></html>", Options())
    assert parsed.warnings == ()
    assert [len(p.text) for p in parsed.root.iter("p")] == [len(words), len("after")]


def test_a_page_within_the_plain_parse_but_over_the_depth_limit_is_flattened() -> None:
    parsed = parse(_divs(150, "deep"), Options(max_tree_depth=100))
    assert parsed.warnings == (
        "limit max_tree_depth=100 reached (153 found): markup below level 100 was flattened; its text is kept",
    )
    assert not parsed.root.xpath("boolean(/*" + "/*" * 100 + ")")
    assert "deep" in parsed.root.text_content()
