"""A body that reads twice (a print or mobile copy in the markup) keeps one copy."""

from __future__ import annotations

import articlex
from articlex.copies import drop_copies
from articlex.model import Block
from articlex.rules.weights import COPY_MIN_RUN_CHARS

STORY = [
    f"Paragraph {n} of the guide explains one more step, with a comma, in plain words for the reader." for n in range(6)
]


def _paragraphs(texts: list[str]) -> list[Block]:
    return [Block("paragraph", text) for text in texts]


def test_a_second_copy_of_the_article_goes() -> None:
    prose = "".join(f"<p>{s}</p>" for s in STORY)
    # A desktop and a mobile layout of the same article, both in the markup.
    page = (
        "<html><body><main><h1>The guide</h1>"
        f"<div class='layout-desktop'>{prose}</div><div class='layout-mobile'>{prose}</div>"
        "</main></body></html>"
    )
    text = articlex.extract(page, url="https://example.org/guide").text
    assert all(text.count(s) == 1 for s in STORY)


def test_the_first_copy_stays_and_what_follows_the_copy_stays() -> None:
    closing = "A closing note that only the second half of the page holds, long enough to count."
    blocks = _paragraphs([*STORY, *STORY, closing])
    assert [b.text for b in drop_copies(blocks)] == [*STORY, closing]


def test_a_line_repeated_under_each_table_stays() -> None:
    note = "*Prices are examples from May and based on a yearly plan for a small household."
    texts = [STORY[0], note, STORY[1], note, STORY[2], note]
    assert [b.text for b in drop_copies(_paragraphs(texts))] == texts


def test_a_run_repeated_in_a_long_body_stays() -> None:
    # The same three meals in each week of a plan: a run, but a small part of the body.
    week = [
        f"{meal}: a plate of grains, greens and beans, with a spoon of olive oil and a piece of fresh fruit after it."
        for meal in ("Breakfast", "Lunch", "Dinner")
    ]
    notes = [f"Week {n}, note {m}: {s}" for n in (1, 2) for m, s in enumerate(STORY + STORY)]
    body = [*week, *notes[:12], *week, *notes[12:]]
    assert sum(map(len, week)) > COPY_MIN_RUN_CHARS
    assert [b.text for b in drop_copies(_paragraphs(body))] == body


def test_figures_and_short_labels_between_copied_blocks_do_not_break_the_run() -> None:
    blocks = [*_paragraphs(STORY[:4]), Block("paragraph", "Share"), *_paragraphs(STORY[:4])]
    blocks.insert(6, Block("figure", "", url="https://example.org/a.jpg"))
    kept = drop_copies(blocks)
    assert [b.text for b in kept if b.type == "paragraph"] == [*STORY[:4], "Share"]


def test_one_paragraph_repeated_is_no_copy_of_itself() -> None:
    # Matched to its first occurrence, a repeated line never lines up as a run.
    blocks = _paragraphs([STORY[0]] * 50)
    assert len(drop_copies(blocks)) == 50
