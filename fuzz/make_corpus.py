"""Write a seed corpus for the atheris harness: the fixture pages and a few small hand-made ones.

Usage: ``python fuzz/make_corpus.py fuzz/corpus``. Each seed starts with the
mode byte the harness reads (bytes, text, or bytes with a transport charset).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = "".join(f"<p>Paragraph {n} says something, at some length, about the subject.</p>" for n in range(4))
SMALL_PAGES = {
    "jsonld": (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "datePublished": "2021-03-04T05:06:07Z", "author": [{"@type": "Person", "name": "A B"}]}</script>'
        f"</head><body><article><h1>H</h1>{PARAGRAPHS}</article></body></html>"
    ),
    "meta": (
        '<html lang="en"><head><meta charset="windows-1252"><meta property="og:title" content="T">'
        '<meta property="article:published_time" content="March 3, 2020"></head>'
        f"<body><main><h1>T</h1><p class='dek'>A dek line, long enough to be one.</p>{PARAGRAPHS}</main></body></html>"
    ),
    "deep": "<html><body>" + "<div>" * 40 + PARAGRAPHS + "</div>" * 40 + "</body></html>",
    "related": (
        f"<html><body><article>{PARAGRAPHS}<p>Related: <a href='/x'>Another story</a></p></article>"
        "<div class='related'><h3><a href='/r'>Read this</a></h3></div></body></html>"
    ),
    "comment": f"<html><body><!-- a comment --><article>{PARAGRAPHS}<!-- unclosed",
    "table": "<table><tr><td>a</td><td>b</td></tr></table><ul><li>x</li></ul><pre class='lang-py'>x = 1</pre>",
}
MODES = (b"\x00", b"\x01", b"\x02", b"\x10", b"\x20", b"\x60")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    seeds = {path.parent.name: path.read_bytes() for path in (ROOT / "tests" / "fixtures").glob("*/source.html")}
    seeds.update({name: page.encode("utf-8") for name, page in SMALL_PAGES.items()})
    for name, data in sorted(seeds.items()):
        for index, mode in enumerate(MODES):
            (out / f"{name}-{index}").write_bytes(mode + data)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus")
