"""Text of sibling boxes is read apart, as a browser lays the boxes out."""

from __future__ import annotations

from lxml import html

import articlex
from articlex.boxes import BOXES, preformatted, space_box
from articlex.dom import squash, text_content

INTRO = (
    "<p>The films our readers rated highest this year, with a line on each of them, its year and its"
    " running time, ranked by the votes of thousands of readers.</p>"
)


def _chart(entries: int) -> str:
    items = "".join(
        f"<li><div class='rank'>#{n}</div><div class='title'><a href='/film/{n}'><h3>Film {n}</h3></a></div>"
        f"<div class='meta'><span>19{n}0</span></div></li>"
        for n in range(1, entries + 1)
    )
    return f"<html><body><main><h1>Top films</h1>{INTRO}<ul>{items}</ul></main></body></html>"


def _spaced(root: html.HtmlElement) -> html.HtmlElement:
    verbatim = preformatted(root)
    for el in root.iter():
        if el.tag in BOXES and el not in verbatim:
            space_box(el)
    return root


def test_list_items_built_of_boxes_keep_their_words_apart() -> None:
    article = articlex.extract(_chart(5))
    lists = [block for block in article.body if block.type == "list"]
    assert lists, article.body
    assert lists[0].items[0] == "#1 Film 1 1910"
    assert "Film 21920" not in article.text


def test_inline_text_before_a_box_is_kept_apart() -> None:
    root = _spaced(html.fromstring("<li><span>Price</span><div>$5</div>Sold out<div><b>New</b></div></li>"))
    assert squash(text_content(root)) == "Price $5 Sold out New"


def test_inline_elements_still_join_as_written() -> None:
    root = _spaced(html.fromstring("<div><p><span>T</span>his is <b>bold</b>ly written.</p><div>Next</div></div>"))
    assert squash(text_content(root)) == "This is boldly written. Next"


def test_preformatted_text_is_untouched() -> None:
    code = "x = 1\ny = 2"
    root = _spaced(html.fromstring(f"<div><pre><div>{code}</div></pre></div>"))
    inner = root.find(".//pre/div")
    assert inner is not None
    assert inner.text == code
    assert inner.tail is None
