"""A price standing alone is a price, not a date line: in a shop's cards it is content,
beside a declared product's description it is the buy box."""

from __future__ import annotations

import json

import articlex

CARDS = [("Harbor linen shirt", "$48.00"), ("Quay canvas trousers", "€ 72,50"), ("Pier wool jumper", "£95")]


def _collection() -> str:
    cards = "".join(
        f"<div class='card'><h3><a href='/p/{n}'>{name}</a></h3><p>{price}</p></div>"
        for n, (name, price) in enumerate(CARDS)
    )
    intro = (
        "<p>Clothes for the coast, cut from linen, canvas and wool that the sea air does not ruin.</p>"
        "<p>Every piece is sewn in our workshop by the harbour, and mended there for free when it tears.</p>"
    )
    return f"<html><body><main><h1>Coastal clothing</h1>{intro}<div>{cards}</div></main></body></html>"


def _product() -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": "Harbor linen shirt",
        "description": "A loose shirt of washed linen, cut long enough to tuck in.",
        "offers": {"@type": "Offer", "price": "48.00", "priceCurrency": "USD"},
    }
    description = (
        "<p>A loose shirt of washed linen, cut long enough to tuck in and light enough for a July afternoon.</p>"
        "<p>The buttons are corozo nut, the seams are flat-felled, and the collar keeps its shape after washing.</p>"
    )
    return (
        f"<html><head><script type='application/ld+json'>{json.dumps(data)}</script></head><body><main>"
        f"<h1>Harbor linen shirt</h1><div><p>$48.00</p></div>{description}</main></body></html>"
    )


def test_a_cards_price_is_kept() -> None:
    texts = [block.text for block in articlex.extract(_collection()).body]
    for _, price in CARDS:
        assert price in texts, texts


def test_a_date_line_still_goes() -> None:
    page = _collection().replace("<div class='card'>", "<p>November 20, 2019</p><div class='card'>", 1)
    texts = [block.text for block in articlex.extract(page).body]
    assert "November 20, 2019" not in texts
    assert "$48.00" in texts


def test_a_price_beside_a_declared_product_is_its_buy_box() -> None:
    article = articlex.extract(_product(), options=articlex.Options(trace=True))
    texts = [block.text for block in article.body]
    assert "$48.00" not in texts
    assert any(text.startswith("A loose shirt of washed linen") for text in texts)
    assert any("buy box" in step.rule for step in article.trace if step.stage == "filter")


def _ranking() -> str:
    rows = "".join(
        f"<div class='row'><p>{rank}.</p><p><a href='/tools/{rank}'>{name}</a></p><p>{score}</p></div>"
        for rank, name, score in [(1, "Tabula", "9.1"), (2, "Quire", "8.8"), (3, "Ledger", "8.3"), (4, "Folio", "7.9")]
    )
    return f"<html><body><main><h1>Top ranked note-taking tools</h1>{rows}</main></body></html>"


def test_a_listings_ranks_and_scores_are_not_date_lines() -> None:
    texts = [block.text for block in articlex.extract(_ranking()).body]
    assert "Quire" in texts
    assert "2." in texts
    assert "8.8" in texts
