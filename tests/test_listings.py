"""Pages of cards, listings and services: the cards are the content."""

from __future__ import annotations

import articlex

SUMMARIES = [
    f"Course {n} teaches the methods step by step, with exercises, worked examples and a final project to finish."
    for n in range(6)
]


def test_a_card_title_over_its_summary_is_content_and_a_stack_of_linked_headings_is_not() -> None:
    # A course catalogue: each card is a linked title over a summary. Below it a
    # teaser stack of linked headings with nothing under them.
    cards = "".join(
        f"<div class='card'><h3><a href='/course/{n}'>Statistics Module {n}</a></h3><p>{text}</p></div>"
        for n, text in enumerate(SUMMARIES)
    )
    stack = "".join(f"<h4><a href='/story/{n}'>Popular story number {n}</a></h4>" for n in range(3))
    page = f"<html><body><main><h1>Courses</h1><div class='grid'>{cards}</div>{stack}</main></body></html>"
    text = articlex.extract(page).text
    assert "Statistics Module 0" in text
    assert "Statistics Module 5" in text
    assert SUMMARIES[5] in text
    assert "Popular story" not in text
