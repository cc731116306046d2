"""Labels of call-to-action buttons standing alone are controls, not content."""

from __future__ import annotations

import articlex

SERVICES = [
    ("Brand strategy", "We study your market, your rivals and your customers, and write down who you are for them."),
    ("Packaging design", "Boxes, labels and bottles that stand out on a shelf, printed by partners we have tested."),
    ("Web design", "Sites that load fast, read well on a phone, and turn a visitor into a customer who calls."),
]


def _page() -> str:
    sections = "".join(
        f"<section><h2>{name}</h2><p>{text}</p><div class='cta'><span>Book Now</span></div>"
        f"<p><a href='/services/{n}'>Learn more &gt;</a></p></section>"
        for n, (name, text) in enumerate(SERVICES)
    )
    closing = (
        "<p>Call us to learn more about the studio, or book now for a first meeting: it is free and lasts an"
        " hour, and we will tell you what we would do.</p><p>Get a quote</p>"
    )
    return f"<html><body><main><h1>Our services</h1>{sections}{closing}</main></body></html>"


def test_button_labels_are_dropped_and_sentences_using_their_words_stay() -> None:
    article = articlex.extract(_page())
    texts = [block.text for block in article.body]
    assert "Packaging design" in texts
    assert not any(text.lower() in ("book now", "learn more >", "get a quote") for text in texts), texts
    assert any(text.startswith("Call us to learn more about the studio, or book now") for text in texts)


def test_the_label_drop_is_traced() -> None:
    article = articlex.extract(_page(), options=articlex.Options(trace=True))
    reasons = [str(step) for step in article.trace if step.stage == "filter"]
    assert any("Book Now" in reason and "call-to-action" in reason for reason in reasons), reasons


PRODUCTS = [
    ("Harbor linen shirt", "$48.00"),
    ("Quay canvas trousers", "$72.00"),
    ("Pier wool jumper", "$95.00"),
]


def _shop_page() -> str:
    cards = "".join(
        f"<div class='card'><h3><a href='/p/{n}'>{name}</a></h3><p>{price}</p>"
        "<div><a href='#'>Quick view</a></div><div><label><input type='checkbox'> Compare</label></div>"
        "<p>Add to cart</p></div>"
        for n, (name, price) in enumerate(PRODUCTS)
    )
    intro = (
        "<p>Clothes for the coast, cut from linen, canvas and wool that the sea air does not ruin.</p>"
        "<p>Compare the weights in the table on each product page before you order, and ask us when in doubt.</p>"
    )
    return f"<html><body><main><h1>Coastal clothing</h1>{intro}<div class='grid'>{cards}</div></main></body></html>"


def test_a_product_cards_controls_go_and_its_name_stays() -> None:
    texts = [block.text for block in articlex.extract(_shop_page()).body]
    joined = "\n".join(texts)
    assert "Quay canvas trousers" in joined
    assert "Quick view" not in joined
    assert "Add to cart" not in joined
    assert not any(text.strip().lower() == "compare" for text in texts), texts
    assert "Compare the weights in the table" in joined  # a sentence using the word stays
