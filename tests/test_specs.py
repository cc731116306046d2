"""A product page's specification tables, printed away from the description, join its body."""

from __future__ import annotations

import json

import articlex

DESCRIPTION = [
    "This graphics card runs the newest games at high frame rates, with three fans that stay quiet under load.",
    "Its vapor chamber spreads the heat of the chip across a large fin stack, so the clocks hold in long sessions.",
    "A metal backplate stiffens the board, and a switch on its edge picks a quiet or a performance fan profile.",
]
SPECS = {"Memory": [("Memory Size", "16GB"), ("Memory Type", "GDDR6X")], "Ports": [("HDMI", "2 x HDMI 2.1")]}


def _table(caption: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f"<table><caption>{caption}</caption>{body}</table>"


def _page(product: bool) -> str:
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Card", "offers": {"price": "999"}}
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>" if product else ""
    tables = "".join(_table(caption, rows) for caption, rows in SPECS.items())
    return (
        f"<html><head>{head}</head><body><main><div class='product-main'><h1>Card</h1>"
        + "".join(f"<p>{p}</p>" for p in DESCRIPTION)
        + f"</div><div class='tab-pane'><div class='specs'>{tables}</div></div></main></body></html>"
    )


def test_specification_tables_join_a_product_page_body() -> None:
    text = articlex.extract(_page(product=True)).text
    assert all(p in text for p in DESCRIPTION[1:])
    assert "Memory Size" in text
    assert "16GB" in text
    assert text.index(DESCRIPTION[2]) < text.index("Memory Size")  # in page order
    assert "HDMI" not in text  # a one-row table is a note, not a group of specifications


def test_tables_beside_an_article_are_left_where_they_are() -> None:
    text = articlex.extract(_page(product=False)).text
    assert "Memory Size" not in text
