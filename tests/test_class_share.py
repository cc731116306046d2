"""Class words weigh an element against the text left once menus are gone, however the menus are named."""

from __future__ import annotations

import articlex

_STORY = [
    f"Paragraph {n} of the story tells, with a comma or two, how the council rebuilt the old bridge in spring."
    for n in range(6)
]
_HERO = (
    "The banner section states the service: we inspect, repair and repaint steel bridges, "
    "with a written report, a fixed price and a crew that works at night so that traffic keeps moving."
)
_PROMO = "Save ten percent with code SPRING"


def _menu(tag: str, attributes: str, links: int) -> str:
    items = "".join(f"<li><a href='/section/{n}'>Section number {n} of the site</a></li>" for n in range(links))
    return f"<{tag} {attributes}><ul>{items}</ul></{tag}>"


def _page(menu: str) -> str:
    story = "".join(f"<p>{s}</p>" for s in _STORY)
    hero = f"<div class='hero-banner'><p>{_HERO}</p></div>"
    promo = f"<div class='promo'>{_PROMO}</div>"
    return f"<html><body>{menu}<div class='content'>{hero}{story}{promo}</div></body></html>"


def test_a_menu_named_by_its_class_does_not_make_a_named_section_look_small() -> None:
    # The menu (a div named "menu", mostly links) holds most of the page's text; once it
    # is gone the banner-named section is a large share of what is left, and stays.
    text = articlex.extract(_page(_menu("div", "class='menu'", links=60))).text
    assert _HERO in text
    assert "Section number 3" not in text


def test_a_menu_removed_for_its_tag_inside_a_class_named_drawer_is_counted_once() -> None:
    # A <nav> (removed for its tag: under half of the page) inside a drawer named "menu"
    # (removed for its class): counting the nav's text twice would leave almost nothing,
    # and every small promo would look large beside it.
    drawer = f"<div class='menu-drawer'>{_menu('nav', '', links=25)}</div>"
    text = articlex.extract(_page(drawer)).text
    assert _PROMO not in text
    assert _STORY[0] in text
