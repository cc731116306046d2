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


def _section(title: str, sentences: list[str]) -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    return f"<section><div class='container'><h2>{title}</h2><div class='text'>{paragraphs}</div></div></section>"


def test_a_service_page_of_sibling_sections_keeps_every_section() -> None:
    # No wrapper: the page's sections sit right under <body>, the longest holding
    # two fifths of the prose. Each section is the service's content.
    lines = [f"Line {n} of the service, with a comma, describes what the team does for its clients." for n in range(15)]
    page = (
        "<html><body>"
        + _section("What we do", lines[:3])
        + _section("Questions", lines[3:9])
        + _section("How it works", lines[9:12])
        + _section("Why us", lines[12:])
        + "</body></html>"
    )
    text = articlex.extract(page).text
    for line in lines:
        assert line in text


def test_an_article_holding_most_of_the_prose_is_not_widened_to_the_page() -> None:
    # The article holds more than half of the prose; the loose remarks beside it
    # (a comment column without a wrapper) stay out.
    story = [f"Sentence {n} of the story, long enough to be prose, with a comma or two, says more." for n in range(8)]
    remarks = [f"Remark {n} from a reader, with a comma, who had a view on the story, and said so." for n in range(5)]
    page = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{s}</p>" for s in story)
        + "</div>"
        + "".join(f"<div class='remark'><p>{r}</p></div>" for r in remarks)
        + "</body></html>"
    )
    text = articlex.extract(page).text
    assert story[0] in text
    assert story[7] in text
    assert "Remark" not in text


def _service_main(link_text: str) -> str:
    faq = "".join(
        f"<p>Question {n} answered: the team, with care, plans the work and delivers it on time for you.</p>"
        for n in range(4)
    )
    cards = "".join(
        f"<div class='card'><h3>Service {n}</h3>"
        f"<p>Service {n} covers planning, with a workshop, and the delivery that follows it.</p>"
        f"<p><a href='/s/{n}'>{link_text.format(n=n)}</a></p></div>"
        for n in range(3)
    )
    main = f"<main><div class='faq'><div class='text'>{faq}</div></div><div class='cards'>{cards}</div></main>"
    return f"<html><body>{main}</body></html>"


def test_widening_enters_the_main_landmark_when_it_is_not_a_teaser_grid() -> None:
    # The FAQ holds three fifths of the prose; <main> also holds the service cards,
    # and their "learn more" links make it a little link-dense (0.23), not a grid of teasers.
    text = articlex.extract(_service_main("Learn more about service number {n} today, and book a first call")).text
    assert "Question 0 answered" in text
    assert "Service 2 covers planning" in text


def test_widening_stays_out_of_a_main_landmark_that_is_mostly_links() -> None:
    link = "Learn more about service number {n} today, book a first call, and read every case study we wrote"
    text = articlex.extract(_service_main(link)).text
    assert "Question 0 answered" in text
    assert "Service 2 covers planning" not in text
