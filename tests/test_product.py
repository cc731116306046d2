"""Product pages: the body is the product's description, not the shop around it."""

from __future__ import annotations

import json

import articlex
from articlex.metadata import ProductPage, read_metadata
from articlex.options import Options
from articlex.parse import parse

DESCRIPTION = [
    "This stoneware mug is thrown by hand on the wheel, glazed in a speckled oat colour, and fired twice.",
    "It holds twelve ounces of coffee or tea, keeps its heat, and is safe in the dishwasher and microwave.",
    "Each one is a little different: the glaze pools and breaks over the rim, so no two mugs look alike.",
]
REVIEWS = [
    f"Reviewer {n} says the mug arrived quickly, looks lovely, and is now my favourite cup for mornings."
    for n in range(6)
]


def _ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


PRODUCT_LD = _ld(
    {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": "Oat mug",
        "description": " ".join(DESCRIPTION),
        "offers": {"@type": "Offer", "price": "28.00", "priceCurrency": "USD"},
    }
)


def _page(head: str) -> str:
    reviews = "".join(f"<div class='review-item'><p>{r}</p></div>" for r in REVIEWS)
    return (
        f"<html><head>{head}</head><body><main><div class='product'>"
        "<h1>Oat mug</h1><div class='product-description'>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + "</div><div class='shipping-info'><p>Ships within three working days, free over fifty dollars.</p></div>"
        f"<section id='reviews' class='product-reviews'><h2>Customer reviews</h2>{reviews}</section>"
        "</div></main></body></html>"
    )


def test_reviews_and_shipping_notes_leave_a_product_page() -> None:
    # The reviews hold far more text than the description: size alone would keep them.
    text = articlex.extract(_page(PRODUCT_LD)).text
    assert all(p in text for p in DESCRIPTION)
    assert "Reviewer" not in text
    assert "Ships within" not in text


def test_a_product_og_type_marks_a_product_page() -> None:
    text = articlex.extract(_page("<meta property='og:type' content='product'>")).text
    assert all(p in text for p in DESCRIPTION)
    assert "Reviewer" not in text


def test_reviews_stay_on_a_page_that_is_not_a_product() -> None:
    # A page of reviews that does not declare a product keeps them: on an article,
    # "review" is as likely to name the article itself.
    text = articlex.extract(_page("")).text
    assert "Reviewer 3" in text


def test_a_wrapper_with_shop_state_words_keeps_the_product() -> None:
    # WooCommerce puts "shipping-taxable" on the wrapper of the whole product.
    page = (
        f"<html><head>{PRODUCT_LD}</head><body><div class='product type-product shipping-taxable'>"
        "<h1>Oat mug</h1><p class='price'>$28.00</p><div class='product-details'>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + "</div></div></body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(["Oat mug", *DESCRIPTION])


def test_the_element_showing_the_structured_description_is_kept() -> None:
    # A theme that names the description's tab "reviews-and-details" keeps it.
    page = (
        f"<html><head>{PRODUCT_LD}</head><body><h1>Oat mug</h1><div class='reviews-and-details'>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + "</div></body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(["Oat mug", *DESCRIPTION])


def _product(head: str, body: str = "") -> ProductPage | None:
    return read_metadata(parse(f"<html><head>{head}</head><body>{body}</body></html>", Options()).root, None).product


def test_what_makes_a_product_page() -> None:
    assert _product(PRODUCT_LD) == ProductPage(" ".join(DESCRIPTION), structured=True)
    assert _product("<meta property='og:type' content='product'>") == ProductPage("", structured=False)
    item = "<div itemscope itemtype='https://schema.org/Product'><p itemprop='description'>A mug.</p></div>"
    assert _product("", item) == ProductPage("A mug.", structured=True)
    assert _product("<meta property='og:type' content='article'>") is None
    # A page without structured data that has one add-to-cart form sells one thing...
    buy = "<form id='addToCart' action='/cart'><input type='submit' value='Add to cart'></form>"
    assert _product("", buy) == ProductPage("", structured=False)
    # ...one with a form per card is a collection.
    assert _product("", "<form action='/cart/add'></form>" * 3) is None


def test_pages_that_name_products_but_are_not_one() -> None:
    offer = {"@type": "Offer", "price": "1"}
    guide = _ld([{"@type": "NewsArticle", "headline": "Best mugs"}, {"@type": "Product", "name": "A", "offers": offer}])
    assert _product(guide) is None
    several = _ld([{"@type": "Product", "name": n, "offers": offer} for n in ("A", "B")])
    assert _product(several) is None
    listing = _ld([{"@type": "CollectionPage"}, {"@type": "Product", "name": "A", "offers": offer}])
    assert _product(listing + "<meta property='og:type' content='product'>") is None
    # A business page gives a Product without offers to carry its star rating.
    assert _product(_ld({"@type": "Product", "name": "Pest control", "aggregateRating": {}})) is None
    # Facebook's product.group is a collection of products.
    assert _product("<meta property='og:type' content='product.group'>") is None
    item = "<div itemscope itemtype='https://schema.org/Product'><span itemprop='name'>A</span></div>"
    assert _product("", item * 2) is None


def test_a_description_in_a_hidden_tab_inside_a_drawer_is_kept() -> None:
    # Shops put the description in a collapsed tab (hidden) inside a <dialog>
    # drawer: cleaning drops both on other pages.
    page = (
        f"<html><head>{PRODUCT_LD}</head><body><h1>Oat mug</h1>"
        "<dialog class='drawer'><div class='tab-panel' hidden>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + "</div></dialog></body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(["Oat mug", *DESCRIPTION])


def test_the_description_is_the_body_when_scoring_finds_other_prose() -> None:
    policy = "".join(
        f"<p>Returns policy clause {n}: items may be returned within thirty days, unused, in the box.</p>"
        for n in range(6)
    )
    page = (
        f"<html><head>{PRODUCT_LD}</head><body><h1>Oat mug</h1><div><div class='policy'>{policy}</div></div>"
        "<div><div><div class='desc'>" + "".join(f"<p>{p}</p>" for p in DESCRIPTION) + "</div></div></div>"
        "</body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(["Oat mug", *DESCRIPTION])
    assert "Returns policy" in articlex.extract(page.replace(PRODUCT_LD, "")).text


def test_markup_in_a_structured_description_is_not_text() -> None:
    ld = _ld({"@type": "Product", "name": "A", "description": "<p>A <b>fine</b> mug.</p>", "offers": {"price": "1"}})
    product = _product(ld)
    assert product is not None
    assert product.description == "A fine mug."


def test_prices_go_only_where_structured_data_declares_the_product() -> None:
    # A collection page may carry a product og:type: its cards' prices are content.
    def page(head: str) -> str:
        return (
            f"<html><head>{head}</head><body><h1>Oat mug</h1><div class='about'>"
            "<p class='product-price'>Now only 28 dollars, gift wrapped.</p>"
            + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
            + "</div></body></html>"
        )

    assert "28 dollars" not in articlex.extract(page(PRODUCT_LD)).text
    assert "28 dollars" in articlex.extract(page("<meta property='og:type' content='product'>")).text


def _carousel_page(heading: str) -> str:
    cards = "".join(
        f"<li><div class='card'><span>Hand-thrown stoneware mug number {n} in a glossy glaze</span>"
        f"<span>${20 + n}.00</span><span>Free delivery, sold by another maker</span></div></li>"
        for n in range(12)
    )
    return (
        f"<html><head>{PRODUCT_LD}</head><body><main><h1>Oat mug</h1>"
        "<div class='info'><p>Ships in two days.</p><div class='desc'>"
        + "".join(f"<div>{p}</div>" for p in DESCRIPTION)
        + f"</div></div><div class='carousel'><div><h2>{heading}</h2></div><ul>{cards}</ul></div>"
        "</main></body></html>"
    )


def test_a_carousel_of_other_products_leaves_a_product_page() -> None:
    # The cards, titles and prices, outweigh the description; the heading names them.
    text = articlex.extract(_carousel_page("Similar items")).text
    assert all(p in text for p in DESCRIPTION)
    assert "number 3" not in text


def test_a_section_under_another_heading_stays() -> None:
    text = articlex.extract(_carousel_page("Materials and care")).text
    assert "number 3" in text


def test_a_product_page_body_opens_with_the_product_name() -> None:
    # The name is the first fact of a shop's record; the headline field has it too.
    article = articlex.extract(_page(PRODUCT_LD))
    assert article.headline == "Oat mug"
    assert article.body[0].type == "heading"
    assert article.text.startswith("Oat mug\n\n" + DESCRIPTION[0])


def test_the_product_name_is_not_put_twice() -> None:
    page = (
        f"<html><head>{PRODUCT_LD}</head><body><h1>Oat mug</h1><div class='product-description'>"
        "<h2>Oat mug, thrown by hand</h2>" + "".join(f"<p>{p}</p>" for p in DESCRIPTION) + "</div></body></html>"
    )
    assert articlex.extract(page).text.lower().count("oat mug") == 1


def test_only_a_declared_product_gets_its_name_in_the_body() -> None:
    # A product og:type alone is also on shop themes' blog posts and collection pages:
    # there the headline is an article's or a collection's, a field of its own.
    text = articlex.extract(_page("<meta property='og:type' content='product'><title>Oat mug</title>")).text
    assert text.startswith(DESCRIPTION[0])


def _summary_and_tab_page(head: str) -> str:
    """A shop's product page: the short description beside the gallery, then a
    description tab that opens with the same paragraph and goes on."""
    lead = DESCRIPTION[0]
    return (
        f"<html><head>{head}</head><body><main><article class='product'><h1>Oat mug</h1>"
        f"<div class='summary'><p class='price'>$28.00</p><div class='short-description'><p>{lead}</p></div></div>"
        "<div class='tabs'><div role='tabpanel' id='tab-description'>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + "</div></div></article></main></body></html>"
    )


def test_a_product_description_shown_again_in_its_tab_is_read_once() -> None:
    text = articlex.extract(_summary_and_tab_page(PRODUCT_LD)).text
    assert text.count(DESCRIPTION[0]) == 1
    assert all(p in text for p in DESCRIPTION[1:])


def test_a_passage_repeated_on_a_page_that_declares_no_product_stays_twice() -> None:
    # An article may mean a repeat (a recipe's step, a pull quote): without a product it stays.
    body = "".join(f"<p>{p}</p>" for p in DESCRIPTION) + f"<blockquote><p>{DESCRIPTION[1]}</p></blockquote>"
    page = f"<html><body><article><h1>Oat mug</h1>{body}</article></body></html>"
    assert articlex.extract(page).text.count(DESCRIPTION[1]) == 2


def test_a_review_widget_goes_from_a_page_that_declares_no_product() -> None:
    # A vendor's widget (Judge.me here) draws shoppers' reviews: never the page's own text,
    # however much of it there is, even where no product data marks a product page.
    reviews = "".join(f"<div class='jdgm-rev'><p>{r}</p></div>" for r in REVIEWS)
    page = (
        "<html><body><main><h1>Oat mug</h1>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + f"<div class='jdgm-widget jdgm-review-widget'><h2>Customer reviews</h2>{reviews}</div>"
        "</main></body></html>"
    )
    text = articlex.extract(page).text
    assert all(p in text for p in DESCRIPTION[1:])  # the first is read as the page's description
    assert "Reviewer" not in text


def test_reviews_written_into_the_page_stay_where_no_product_is_declared() -> None:
    # Without a vendor's name, a page's own reviews section may be its subject.
    reviews = "".join(f"<div class='review'><p>{r}</p></div>" for r in REVIEWS)
    page = (
        "<html><body><main><h1>What our readers say</h1>"
        + f"<p>{DESCRIPTION[0]}</p><div class='review-list'>{reviews}</div></main></body></html>"
    )
    assert "Reviewer 3" in articlex.extract(page).text
