"""Hostile inputs, each generated here (no stored blobs), with the exact outcome expected.

A case is run by ``run_case.py`` in a subprocess under its wall-time and memory
ceilings (``test_adversarial.py``). The outcome is either the error raised
(its class and message) or a summary of the Article: headline, number of body
blocks, length and ends of ``text``, and the warnings, all compared exactly.

Ceilings are three to ten times what the case takes on one core of the
development machine, so a shared CI box passes while a regression to
quadratic time or a memory blow-up fails.
"""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MIB = 1024 * 1024
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story says something, at some length, about the subject at hand.</p>" for n in range(6)
)
TEXT_OF_PARAGRAPHS = "\n\n".join(
    f"Paragraph {n} of the story says something, at some length, about the subject at hand." for n in range(6)
)
WESTERN = "Crème brûlée in Zürich costs 9 € — “cheap”, said Señor Muñoz, naïvely, after the show…"


def western(head: str = "", extra: str = "") -> str:
    """An article whose last paragraph is Western European text (to see how it was decoded)."""
    return page(f"{PARAGRAPHS}<p>{WESTERN}{extra}</p>", head=head)


def page(body: str = PARAGRAPHS, head: str = "<title>The headline</title>", before: str = "") -> str:
    """An article page: ``before`` sits in the body ahead of the article."""
    return f"<html><head>{head}</head><body>{before}<article><h1>The headline</h1>{body}</article></body></html>"


@dataclass(frozen=True)
class Case:
    """One hostile input, how to call extract() with it, and its ceilings."""

    make: Callable[[], Any]
    seconds: float
    megabytes: int
    options: dict[str, Any] = field(default_factory=dict)
    content_type: str | None = None
    #: Not in the default run (``-m slow`` runs it).
    slow: bool = False


def _random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)  # noqa: S311 - reproducible test data, not a secret


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", page())
    return buffer.getvalue()


def _crowded(count: int, value: str = "v", separator: str = " ") -> str:
    return "<p " + separator.join(f"a{n}={value}" for n in range(count)) + ">A crowded paragraph, still read.</p>"


def _jsonld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def _ten_mb_article() -> str:
    # 8,000 paragraphs of 1,300 characters: a long report, 10.4 MB.
    sentence = "The committee heard evidence, at length, from witnesses across the region. " * 17
    return page("".join(f"<p>{n}. {sentence}</p>" for n in range(8_000)))


def _xxe() -> str:
    doctype = '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY local "expanded">]>'
    return doctype + page(PARAGRAPHS + "<p>Entity here: &xxe; and &local; end of the line.</p>")


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
    )
    return f"<!DOCTYPE html [{entities}]>" + page(PARAGRAPHS + "<p>Laughs: &lol9; end of the line.</p>")


CASES: dict[str, Case] = {
    # -- not a page at all
    "empty bytes": Case(lambda: b"", 5, 150),
    "empty str": Case(lambda: "", 5, 150),
    "whitespace only": Case(lambda: b" \n\t\r\x0c" * 200_000, 5, 150),
    "wrong type: int": Case(lambda: 12345, 5, 150),
    "wrong type: None": Case(lambda: None, 5, 150),
    "PDF": Case(lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 100, 5, 150),
    "PNG": Case(lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(50_000), 5, 150),
    "JPEG": Case(lambda: b"\xff\xd8\xff\xe0" + _random_bytes(50_000), 5, 150),
    "gzip payload": Case(lambda: gzip.compress(page().encode("utf-8")), 5, 150),
    "zip archive": Case(_zip, 5, 150),
    "JSON object": Case(lambda: b'{"headline": "Not a page", "body": "text"}', 5, 150),
    "JSON holding HTML strings": Case(lambda: b'[{"html": "<p>a paragraph</p>"}, {"html": "<b>x</b>"}]', 5, 150),
    "1 MB of random bytes": Case(lambda: _random_bytes(MIB), 5, 150),
    "plain text": Case(lambda: ("Just words, no markup at all. " * 10_000).encode("ascii"), 5, 150),
    "UTF-16 without a BOM": Case(lambda: page().encode("utf-16-le"), 5, 150),
    # -- pages with nothing, or too much
    "a page with no article": Case(
        lambda: (
            "<html><body><nav>" + "".join(f"<a href='/{n}'>Section {n}</a>" for n in range(30)) + "</nav></body></html>"
        ),
        5,
        150,
    ),
    "50 MB page (over the limit)": Case(lambda: b"<html><body><p>" + b"a" * (50 * MIB) + b"</p></body></html>", 5, 400),
    "10 MB article": Case(_ten_mb_article, 10, 400),
    "50 MB text node": Case(lambda: page("<p>" + "word " * 10_000_000 + "</p>" + PARAGRAPHS), 30, 800),
    "1M sibling paragraphs": Case(lambda: page("<p>A short line of text, again.</p>" * 1_000_000), 30, 500),
    "10 MB script before the article": Case(
        lambda: page(before="<script>" + "var a = [1, 2, 3]; // </p> <div>\n" * 300_000 + "</script>"), 15, 400
    ),
    # -- bytes and encodings
    "NUL bytes": Case(lambda: page(PARAGRAPHS.replace("story", "st\x00ory")).encode(), 5, 150),
    "control bytes": Case(lambda: page(PARAGRAPHS.replace("says", "sa\x07y\x1bs\x0c")).encode(), 5, 150),
    'meta charset="\\x01"': Case(lambda: western('<meta charset="\x01">').encode(), 5, 150),
    "unknown charset label": Case(lambda: western('<meta charset="x-klingon">').encode(), 5, 150),
    "a Python codec as charset (base64)": Case(lambda: western('<meta charset="base64">').encode(), 5, 150),
    "a Python codec as charset (undefined)": Case(lambda: western('<meta charset="undefined">').encode(), 5, 150),
    "UTF-7 declared": Case(
        lambda: page(
            PARAGRAPHS + "<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- stays as written.</p>",
            head='<meta charset="utf-7">',
        ).encode(),
        5,
        150,
    ),
    "invalid UTF-8 in a UTF-8 page": Case(lambda: western().encode().replace(b"\xc3\xa8", b"\xc3\x28"), 5, 150),
    "invalid UTF-8 in an ASCII page": Case(
        lambda: page(PARAGRAPHS + "<p>Broken XX here.</p>").encode().replace(b"XX", b"\xc3\x28\xff"), 5, 150
    ),
    "undeclared windows-1252": Case(lambda: western().encode("cp1252"), 5, 150),
    "undeclared UTF-8": Case(lambda: western().encode(), 5, 150),
    "declared UTF-8, bytes windows-1252": Case(lambda: western('<meta charset="utf-8">').encode("cp1252"), 5, 150),
    "UTF-8 with stray windows-1252 bytes": Case(
        lambda: western(extra=" Pasted: ").encode().replace(b"Pasted: ", b"Pasted: \x93caf\xe9\x94"), 5, 150
    ),
    "transport charset outranks meta": Case(
        lambda: page(
            PARAGRAPHS + "<p>日本語のテキスト、ここにあります。</p>", head='<meta charset="windows-1252">'
        ).encode("shift_jis"),
        5,
        150,
        content_type="text/html; charset=Shift_JIS",
    ),
    "a BOM outranks the transport": Case(
        lambda: b"\xef\xbb\xbf" + western().encode(), 5, 150, content_type="text/html; charset=iso-8859-1"
    ),
    "UTF-16 with a BOM": Case(lambda: western().encode("utf-16"), 5, 150),
    "lone surrogates in str": Case(lambda: page(PARAGRAPHS.replace("story", "st\ud800ory\udfff")), 5, 150),
    # -- structure
    "300-level nesting": Case(
        lambda: "<html><body>" + "<div>" * 300 + PARAGRAPHS + "</div>" * 300 + "</body></html>", 5, 150
    ),
    "10,000-level nesting": Case(
        lambda: "<html><body>" + "<div>" * 10_000 + PARAGRAPHS + "</div>" * 10_000 + "</body></html>", 10, 200
    ),
    "100k unclosed <b>": Case(lambda: page("<p>Bold start " + "<b>word " * 100_000 + "</p>" + PARAGRAPHS), 15, 300),
    "100k unclosed <span>": Case(
        lambda: page("<span>Span text, long enough to be a paragraph in a text container here. " * 100_000), 15, 300
    ),
    "deeply nested lists": Case(
        lambda: page("<ul><li><a href=/x>link</a> item text, long enough to count " * 30_000), 20, 300
    ),
    "deeply nested tables": Case(
        lambda: page("<table><tr><td>Cell text, long enough to be a paragraph. " * 30_000), 20, 300
    ),
    "100k attributes on one tag": Case(lambda: page(_crowded(100_000) + PARAGRAPHS), 10, 200),
    "attributes hiding behind quoted >": Case(lambda: page(_crowded(100_000, value='">"') + PARAGRAPHS), 10, 200),
    "attributes without separators": Case(
        lambda: page(_crowded(100_000, value='"v"', separator="") + PARAGRAPHS), 10, 200
    ),
    "9 MB of tag-like text, a '<' before every word": Case(
        lambda: page(PARAGRAPHS + "<p>" + ("<x " * 1_000 + ">") * 3_000 + "</p>"), 10, 400
    ),
    "50,000 stray end tags after 50,000 levels": Case(
        lambda: "<html><body>" + "<div>" * 50_000 + PARAGRAPHS + "</b>" * 50_000 + "</body></html>", 10, 200
    ),
    "a 10 MB attribute": Case(
        lambda: page(PARAGRAPHS.replace("<p>", '<p class="' + "x" * 10_000_000 + '">', 1)), 15, 400
    ),
    "an unclosed comment": Case(lambda: page(PARAGRAPHS[:300]) + "<!-- never closed " + PARAGRAPHS * 50, 5, 150),
    "an unclosed script at the end": Case(lambda: page() + "<script>var tracker = 1; <p>Hidden text.</p>", 5, 150),
    "5,000 related boxes": Case(
        lambda: page(before="<div class='related'><h3><a href='/x'>A story title</a></h3></div>" * 5_000), 10, 200
    ),
    "20,000 'Related:' lines beside 5,000 related boxes": Case(
        lambda: page(
            before="<div class='related'><h3><a href='/x'>A story</a></h3></div>" * 5_000
            + "<p>Related: <a href='/y'>Another story</a></p>" * 20_000
        ),
        10,
        300,
    ),
    "XXE payload": Case(_xxe, 5, 150),
    "billion laughs": Case(_billion_laughs, 5, 150),
    # -- metadata
    "1,000-deep JSON-LD": Case(lambda: page(head=_jsonld("[" * 1_000 + "]" * 1_000)), 5, 150),
    "100,000-deep JSON-LD": Case(lambda: page(head=_jsonld('{"a":' * 100_000 + "1" + "}" * 100_000)), 10, 200),
    "a 2 MB JSON-LD block": Case(
        lambda: page(head=_jsonld('{"@type": "NewsArticle", "x": "' + "y" * 2 * MIB + '"}')), 5, 200
    ),
    "a 5 KB date string": Case(
        lambda: page(head='<meta property="article:published_time" content="' + "March 3, 2020 " * 360 + '">'), 5, 150
    ),
    # -- found by the fuzzer, and their kin
    'fuzz: <img width="2²5">': Case(
        lambda: page("<figure><img width='2\u00b25' src='/a.jpg'><figcaption>Cap</figcaption></figure>" + PARAGRAPHS),
        5,
        150,
    ),
    "an image width of 5,000 digits": Case(
        lambda: page(f"<figure><img width='{'9' * 5000}' src='/a.jpg'></figure>" + PARAGRAPHS), 5, 150
    ),
    "hypothesis: U+FFFE and U+FFFF beside a removed element": Case(
        lambda: (
            b"\xfe\xff"
            + page(PARAGRAPHS + "<div>Odd \ufffe<aside class=share>Share</aside> \uffff here.</div>").encode(
                "utf-16-be"
            )
        ),
        5,
        150,
    ),
    "references to control characters and non-characters": Case(
        lambda: page(PARAGRAPHS + "<div>a&#x1;b<aside class=share>Share</aside> tail &#65535; &#11 end</div>"), 5, 150
    ),
    "an empty srcset": Case(lambda: page("<figure><img srcset=' , '></figure>" + PARAGRAPHS), 5, 150),
}
