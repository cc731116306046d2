"""Content a React server streamed after its placeholder (``<template id="B:n">`` / ``<div hidden id="S:n">``)."""

from __future__ import annotations

import articlex

FIRST = "The opening paragraph was sent at once, with a comma or two, and it sets out what the story is about."
LATER = [
    "The second paragraph was streamed later, with a comma, and a script moved it into its place on the page.",
    "The third paragraph came in the same streamed block, and it carries on the story for a few more words.",
]


def _page(container: str, *, comments: bool = True) -> str:
    opening, closing = ("<!--$?-->", "<!--/$-->") if comments else ("", "")
    streamed = "".join(f"<p>{s}</p>" for s in LATER)
    return (
        f"<html><body><main><div class='{container}'><p>{FIRST}</p>"
        f"{opening}<template id='B:0'></template><div>Loading paragraph...</div>{closing}"
        "<p>The closing paragraph was sent at once as well, after the placeholder, and it ends the story.</p>"
        f"</div></main><div hidden id='S:0'>{streamed}</div></body></html>"
    )


def test_streamed_paragraphs_take_their_placeholders_place() -> None:
    text = articlex.extract(_page("article-body")).text
    assert text.split("\n\n")[:3] == [FIRST, *LATER]
    assert "Loading" not in text


def test_without_boundary_comments_the_streamed_paragraphs_still_come_back() -> None:
    text = articlex.extract(_page("post-body", comments=False)).text
    assert all(s in text for s in LATER)


def test_a_streamed_widget_outside_the_article_stays_hidden() -> None:
    # Streamed into the page's main column only ("main-content"): a carousel, not the story.
    text = articlex.extract(_page("main-content")).text
    assert FIRST in text and all(s not in text for s in LATER)


def test_a_segment_inside_streamed_content_is_filled_too() -> None:
    # S:0 fills the boundary and holds a P:1 placeholder, which the later S:1 fills.
    page = (
        f"<html><body><div class='post-body'><p>{FIRST}</p><template id='B:0'></template></div>"
        f"<div hidden id='S:0'><p>{LATER[0]}</p><template id='P:1'></template></div>"
        f"<div hidden id='S:1'><p>{LATER[1]}</p></div></body></html>"
    )
    assert articlex.extract(page).text.split("\n\n") == [FIRST, *LATER]
