"""A <header> outside every article, section, aside, nav and main is the page's banner."""

from __future__ import annotations

import articlex

BANNER = "Harbour Books ships every order within two days, and returns are free for a whole month."
INTRO = "Our reading group meets monthly to talk over one novel, chosen by a vote of the members."
PARAGRAPHS = [
    "This month the group read a long novel about a lighthouse keeper who keeps a diary of storms.",
    "Most members liked the slow start, though a few said the middle chapters dragged on for too long.",
    "Next month we turn to a short collection of stories set in the mountain villages of the north.",
]


def _page(wrapper: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    header = f"<header><a href='/'>Harbour Books</a><p>{BANNER}</p><p>{INTRO}</p></header>"
    inner = f"<{wrapper}>{header}{body}</{wrapper}>" if wrapper else header + body
    return f"<html><head><title>Reading group</title></head><body><div class='layout'>{inner}</div></body></html>"


def test_page_banner_header_is_not_body_text() -> None:
    text = articlex.extract(_page("")).text
    assert BANNER not in text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_header_inside_an_article_or_section_is_kept() -> None:
    for wrapper in ("article", "section", "main"):
        text = articlex.extract(_page(wrapper)).text
        assert INTRO in text, wrapper
        assert all(paragraph in text for paragraph in PARAGRAPHS), wrapper


def test_header_inside_a_region_role_is_kept() -> None:
    page = _page("").replace("<div class='layout'>", "<div class='layout' role='main'>")
    assert INTRO in articlex.extract(page).text
