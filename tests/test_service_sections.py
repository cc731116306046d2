"""A service page's sections inside <main>: offers that each end in a link are content."""

from __future__ import annotations

from lxml import html

import articlex
from articlex.locate import locate

_LINK = "Learn more about this offer today, and read the case study with its figures"
_INTRO = [
    f"Paragraph {n} of the overview explains, with a comma or two, how the team runs audits for its clients."
    for n in range(3)
]


def _offer(n: int, link: str, price: str) -> str:
    return (
        f"<div class='tile'><h3>Offer {n}</h3><p>Offer {n} reviews your controls, with a short report.</p>{price}"
        f"<p><a href='/offers/{n}'>{link}</a></p></div>"
    )


def _page(link: str, intro: list[str], price: str = "", tiles: int = 5) -> str:
    prose = "".join(f"<p>{s}</p>" for s in intro)
    overview = f"<section class='overview'><div class='text'>{prose}</div></section>"
    cards = "".join(_offer(n, link, price) for n in range(tiles))
    offers = f"<section class='offers'><div class='grid'>{cards}</div></section>"
    return f"<html><body><main><div class='wrap'><div class='inner'>{overview}{offers}</div></div></main></body></html>"


def test_offers_that_end_in_a_link_join_a_minor_overview_inside_main() -> None:
    # The overview holds about half of the prose; the box holding it and the offers is a
    # third links ("Learn more about this offer"), which is a service page's way, not a teaser grid's.
    text = articlex.extract(_page(_LINK, _INTRO)).text
    assert "Paragraph 0 of the overview" in text
    assert all(f"Offer {n} reviews your controls" in text for n in range(5))


def test_a_long_column_is_not_widened_over_links_by_the_service_rule() -> None:
    # The same offers beside a column that holds two thirds of the prose: an article
    # and its list of links, which the ordinary link-density ceiling keeps apart.
    longer = _INTRO + [s.replace("overview", "story") for s in _INTRO[:2]]
    text = articlex.extract(_page(_LINK, longer)).text
    assert "Paragraph 0 of the overview" in text
    assert "Offer 2 reviews your controls" not in text


def _body_classes(page: str) -> list[str | None]:
    return [el.get("class") for el in locate(html.fromstring(page)).elements]


def test_a_shops_priced_cards_are_not_taken_for_a_service_pages_offers() -> None:
    # A category page: its product grid is joined by the grid rule (articlex.grids),
    # not by widening the shop's copy over the whole of <main>.
    many, link = 24, "Learn more about this offer"  # a grid of cards, as on a shop's category page
    assert _body_classes(_page(link, _INTRO, tiles=many)) == ["inner"]
    assert _body_classes(_page(link, _INTRO, "<span class='price'>$40</span>", tiles=many)) == ["text"]
