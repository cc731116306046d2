"""The shortcuts decoding, the prescan and parsing take for speed give what the long way gives."""

from __future__ import annotations

import itertools
import random

import pytest

from articlex.decode import _CONTROL_CHARS, _CONTROL_REFERENCES, _scrub, decode
from articlex.markup import scan
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
