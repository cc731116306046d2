"""Fuzz ``articlex.extract`` with atheris (libFuzzer for Python).

The property: for any input, ``extract`` returns an Article or raises an
``ArticlexError``; anything else (another exception, a crash, a hang past
``-timeout``, memory past ``-rss_limit_mb``) is a finding.

The first byte of each input chooses how the rest is handed over: as bytes, as
text (decoded with ``surrogateescape``, so lone surrogates reach the library),
or as bytes with a declared transport charset; and which limits apply (the
defaults, or low ones so that every limit fires, warning or raising). See
``fuzz/README.md`` for the command and the seed corpus.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["articlex"]):
    import articlex

# libFuzzer's inputs are small; these limits keep each run quick and make a
# limit fire often, so the limit paths are fuzzed as much as the happy path.
FUZZ_OPTIONS = (
    articlex.Options(),
    articlex.Options(max_input_bytes=4096, max_tree_depth=16, max_nodes=64, max_attributes=8, on_limit="raise"),
    articlex.Options(
        max_tree_depth=8,
        max_text_volume=500,
        max_nodes=32,
        max_attributes=4,
        max_jsonld_chars=64,
        max_jsonld_depth=3,
        max_date_chars=8,
    ),
)
CONTENT_TYPES = ("text/html; charset=utf-8", "windows-1252", "text/html;charset=utf-16", "x-bogus")
URL = "https://example.org/news/a/story.html"


def test_one_input(data: bytes) -> None:
    """One fuzz case: only an Article or an ArticlexError may come out."""
    if not data:
        return
    mode, rest = data[0], data[1:]
    options = FUZZ_OPTIONS[mode % len(FUZZ_OPTIONS)]
    page: str | bytes = rest
    content_type = None
    if mode & 0x10:
        page = rest.decode("utf-8", errors="surrogateescape")
    elif mode & 0x20:
        content_type = CONTENT_TYPES[(mode >> 6) % len(CONTENT_TYPES)]
    try:
        article = articlex.extract(page, URL, options=options, content_type=content_type)
    except articlex.ArticlexError:
        return
    article.to_json()
    article.to_markdown()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
