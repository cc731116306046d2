"""A blog's archive page: beside its short description, the run of post cards is the content."""

from __future__ import annotations

import articlex

TITLES = [
    "Crispy chickpeas in twelve minutes",
    "Salmon bites with a sticky glaze",
    "Roasted squash without an oven",
    "Falafel that holds together",
    "Sweet potato wedges, three ways",
    "Tofu that is worth eating",
    "Apple chips for a school lunch",
]

DESCRIPTION = (
    "<p>Quick and healthy recipes for the air fryer, from breakfast to snacks to dinners that are ready before"
    " the table is laid.</p><p>We love how it makes everything crisp in record time with little or no oil, and"
    " how little there is to wash up afterwards: one basket, one tray, and a bowl for the marinade.</p>"
    "<p>Every recipe here was cooked in three different machines, a basket, a drawer and an oven-style one, and"
    " we give the time and temperature for each of them, with what to change when yours runs hot.</p>"
)


def _cards() -> str:
    return "".join(
        f"<article class='post'><header><h2><a href='/recipes/{n}'>{title}</a></h2></header></article>"
        for n, title in enumerate(TITLES)
    )


def _archive() -> str:
    return (
        "<html><head><title>Air fryer recipes</title></head><body><div class='archive-description'>"
        f"<h1>Air fryer recipes</h1>{DESCRIPTION}</div><main class='content'>{_cards()}</main></body></html>"
    )


def _dated_article() -> str:
    story = "".join(
        f"<p>Paragraph {n} of a story about the air fryer we tested for a month, with what went well and what"
        " did not, and the dishes that came out better than from the oven.</p>"
        for n in range(4)
    )
    return (
        "<html><head><meta property='article:published_time' content='2025-11-20T08:00:00Z'></head><body>"
        f"<article class='story'><h1>A month with an air fryer</h1>{story}</article>"
        f"<section class='more'>{_cards()}</section></body></html>"
    )


def test_the_post_cards_of_an_archive_join_its_description() -> None:
    text = articlex.extract(_archive()).text
    assert "Every recipe here was cooked in three different machines" in text
    for title in TITLES:
        assert title in text


def test_cards_beside_a_dated_article_stay_out() -> None:
    text = articlex.extract(_dated_article()).text
    assert "Paragraph 3 of a story" in text
    assert not any(title in text for title in TITLES)


def test_too_few_cards_are_not_a_listing() -> None:
    page = _archive().replace(_cards(), "".join(_cards().split("</article>")[:5]) + "</article>")
    text = articlex.extract(page).text
    assert TITLES[0] not in text
