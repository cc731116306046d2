"""A shop's faceted-search filters beside its product grid are controls, not content."""

from __future__ import annotations

import articlex

LENSES = [
    ("Wide zoom 16-35mm", "A wide zoom for landscapes and interiors, sharp to the corners from its widest setting."),
    ("Standard prime 50mm", "A light standard lens with a bright aperture, for portraits and street photographs."),
    ("Macro 100mm", "A macro lens that focuses close enough to fill the frame with a bee on a flower."),
    ("Telephoto 70-200mm", "A telephoto zoom for sport and wildlife, with stabilisation worth four stops."),
]


def _page() -> str:
    facets = (
        "<div class='facets-wrapper'><h2>Filter by</h2><ul><li><label><input type='checkbox'> Canon</label></li>"
        "<li><label><input type='checkbox'> Nikon</label></li><li><label><input type='checkbox'> Sony</label></li>"
        "</ul><h3>Price range</h3><ul><li>Under 500</li><li>500 to 1000</li></ul></div>"
    )
    cards = "".join(f"<div class='card'><h3>{name}</h3><p>{text}</p></div>" for name, text in LENSES)
    return (
        f"<html><body><main><h1>Mirrorless lenses</h1>{facets}<div class='products'>{cards}</div></main></body></html>"
    )


def test_facets_go_and_the_products_stay() -> None:
    text = articlex.extract(_page()).text
    assert "Macro 100mm" in text
    assert "A telephoto zoom for sport and wildlife" in text
    assert "Price range" not in text
    assert "Nikon" not in text


def test_the_removal_names_the_word() -> None:
    article = articlex.extract(_page(), options=articlex.Options(trace=True))
    assert any(step.stage == "clean" and "facets" in step.rule for step in article.trace)
