"""A link taken out of the accessibility tree and the tab order (aria-hidden="true"
tabindex="-1") is a card's second link to a page: shown to readers, so not hidden."""

from __future__ import annotations

import articlex

STORIES = [
    ("Open headphones reviewed", "Six pairs that leave your ears free, worn on a run, a train and a long flight."),
    ("Noise cancelling compared", "We measured how much of a bus engine's hum each pair takes away, and at what cost."),
    ("Earbuds for small ears", "The fit matters more than the drivers: five pairs that stay put in a small ear."),
]


def _page() -> str:
    cards = "".join(
        f"<div class='river'><h2><a href='/s/{n}'>{title}</a></h2>"
        f"<p><a href='/s/{n}' aria-hidden='true' tabindex='-1'>{excerpt}</a></p></div>"
        for n, (title, excerpt) in enumerate(STORIES)
    )
    hidden = "<div aria-hidden='true'><p>Menu Home Reviews Deals Newsletter Sign in to your account here</p></div>"
    return f"<html><body>{hidden}<main><h1>Headphones</h1>{cards}</main></body></html>"


def test_a_cards_redundant_link_is_shown_text() -> None:
    text = articlex.extract(_page()).text
    for title, excerpt in STORIES:
        assert title in text
        assert excerpt in text


def test_other_aria_hidden_elements_still_go() -> None:
    assert "Sign in to your account" not in articlex.extract(_page()).text
