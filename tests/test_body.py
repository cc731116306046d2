"""Finding the body in markup the parser bent: unclosed tags, loose text."""

from __future__ import annotations

import articlex

SENTENCES = [f"Sentence {n} of the story, long enough to be prose, with a comma or two, says more." for n in range(8)]


def test_an_unclosed_button_does_not_swallow_the_article() -> None:
    page = (
        "<html><body><header><div class='menu-top'><button class='menu-button'>Menu"
        "<main><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article></main>"
        "</body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(SENTENCES)


def test_a_small_button_is_still_dropped() -> None:
    page = (
        "<html><body><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "<button>Show more comments</button>"
        "</article></body></html>"
    )
    assert "Show more" not in articlex.extract(page).text


def test_loose_text_beside_an_image_div_is_the_body() -> None:
    text = "<br><br>".join(SENTENCES)
    page = (
        "<html><body><div class='sidebar'><p>Short links</p></div><div class='post'><h1>Title</h1>"
        f"<div class='post-body'>{SENTENCES[0]}<div class='separator'><img src='a.jpg'></div>{text}</div>"
        "</div></body></html>"
    )
    body = articlex.extract(page).text
    assert all(s in body for s in SENTENCES)
    assert "Short links" not in body
