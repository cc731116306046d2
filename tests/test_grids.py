"""A shop's category page: its grid of priced product cards is content."""

from __future__ import annotations

from lxml import html

import articlex
from articlex.grids import sells

GUIDE = [
    "Our socks are knitted from combed cotton and merino wool in a small mill, then finished by hand. "
    "Choose a height, a cushion and a colour: every pair is made to last for years of daily wear, "
    "and every pair comes with a promise that we mend it for free, however old it is by then.",
    "Crew socks reach the middle of the calf, so they stay put under boots and trousers alike. "
    "The heel is knitted in a Y shape that cups the foot, and the toe seam is linked flat by a machine "
    "that closes each stitch one at a time, so nothing rubs on a long walk or a long day.",
    "Wool keeps feet warm when it is wet and cool when it is hot; cotton is softer and dries faster. "
    "Our blends take the best of both: wool on the sole where it cushions, cotton on the instep "
    "where it breathes, and a little nylon in the heel and toe, where socks wear through first.",
    "Wash them inside out at forty degrees, dry them flat, and they keep their shape for years. "
    "If a pair wears through anyway, send it back with the form in the parcel and we mend it, "
    "or knit you a new pair from the yarn we save from the offcuts of every run in the mill.",
]
INTRO = GUIDE[0]
NAMES = [f"Harbour Crew Sock No. {n}" for n in range(24)]


def _card(n: int, price: str) -> str:
    return f"<li class='card'><a href='/products/sock-{n}'>{NAMES[n]}</a><span class='price'>{price}</span></li>"


def _page(cards: int, price: str = "$18.00", head: str = "") -> str:
    grid = "".join(_card(n, price) for n in range(cards))
    return (
        f"<html><head>{head}</head><body><main><h1>Crew socks</h1><ul class='grid'>{grid}</ul>"
        "<div class='seo-text'>" + "".join(f"<p>{p}</p>" for p in GUIDE) + "</div></main></body></html>"
    )


def test_a_category_page_keeps_its_grid_of_products() -> None:
    text = articlex.extract(_page(24)).text
    assert INTRO in text
    assert all(name in text for name in NAMES)
    assert text.count("$18.00") == len(NAMES)
    assert text.index(NAMES[0]) < text.index(INTRO)  # in page order


def test_a_few_priced_cards_are_not_a_category_grid() -> None:
    # A deals box beside an article or a "bought together" strip shows a handful of products.
    text = articlex.extract(_page(8)).text
    assert INTRO in text
    assert NAMES[0] not in text


def test_cards_without_a_price_of_their_own_are_not_products() -> None:
    # A promotion's sentence that mentions a price is not a card's price.
    promo = "Free delivery on every order over $50 this week only, in all stores"
    article = articlex.extract(_page(24, price=promo), options=articlex.Options(trace=True))
    assert not any("grid of priced product cards" in str(step) for step in article.trace)


def test_beside_a_product_a_grid_is_other_products() -> None:
    head = "<meta property='og:type' content='product'>"
    text = articlex.extract(_page(24, head=head)).text
    assert NAMES[0] not in text


def test_the_trace_says_why_the_grid_joined() -> None:
    article = articlex.extract(_page(24), options=articlex.Options(trace=True))
    assert any("grid of priced product cards" in str(step) for step in article.trace)


def test_products_in_a_carousel_are_not_the_page_grid() -> None:
    # Slid past sideways, they are other products ("Customers also bought"), named by class or by ARIA.
    by_class = _page(24).replace("<ul class='grid'>", "<div class='carousel'><ul class='grid'>")
    by_class = by_class.replace("</ul><div class='seo-text'>", "</ul></div><div class='seo-text'>")
    by_aria = _page(24).replace("<ul class='grid'>", "<ul class='grid' aria-roledescription='carousel'>")
    for page in (by_class, by_aria):
        text = articlex.extract(page).text
        assert INTRO in text
        assert NAMES[0] not in text


def test_a_card_is_measured_by_its_characters_not_its_indentation() -> None:
    # Source indentation pads each card past the limit in raw characters; what shows stays under it.
    indent = "\n" + " " * 500
    padded = "".join(
        f"<li class='card'>{indent}<a href='/products/sock-{n}'>{NAMES[n]}</a>{indent}<span>$18.00</span></li>"
        for n in range(24)
    )
    prose = GUIDE[1] + GUIDE[2]  # past the limit with no padding at all
    described = "".join(
        f"<li class='card'><a href='/products/sock-{n}'>{NAMES[n]}</a><span>$18.00</span><p>{prose}</p></li>"
        for n in range(24)
    )
    for cards, grid in ((padded, True), (described, False)):
        page = _page(0).replace("<ul class='grid'></ul>", f"<ul class='grid'>{cards}</ul>")
        assert sells(html.document_fromstring(page)) is grid
