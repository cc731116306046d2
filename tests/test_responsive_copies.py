"""Blocks a page writes once per screen size are read once (copies.drop_responsive_copies)."""

from __future__ import annotations

import pytest

import articlex

STORY = [
    "The workshop opened in a former bakery, and the ovens still stand along the back wall of the room.",
    "Every chair is built from ash felled within twenty miles, then left to dry for two full winters.",
    "Orders take about six weeks, because each joint is cut and fitted by hand before the oil finish.",
]
CARE = "Wipe the seat with a damp cloth and oil it once a year; keep it away from radiators and direct sun."


def _page(first: str, second: str, between: str = "") -> str:
    return (
        "<html><body><main><article><h1>The ash chair</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"<div class='{first}'><p>{CARE}</p></div>{between}<div class='{second}'><p>{CARE}</p></div>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("md:hidden", "hidden md:block"),  # Tailwind
        ("d-md-none", "d-none d-md-block"),  # Bootstrap 4/5
        ("visible-xs", "hidden-xs"),  # Bootstrap 3
        ("hidden-md-down", "hidden-md-up"),  # Bootstrap 4 alpha
        ("show-for-small-only", "hide-for-small-only"),  # Foundation
        ("care desktop", "care mobile"),  # a layout's wrappers named for their screens
        ("elementor-hidden-mobile", "elementor-hidden-desktop"),  # a page builder
    ],
)
def test_a_block_written_for_two_screen_sizes_is_read_once(first: str, second: str) -> None:
    text = articlex.extract(_page(first, second, between="<p>Dimensions: 45 x 50 x 80 cm.</p>")).text
    assert text.count(CARE) == 1
    assert all(p in text for p in STORY)
    assert "Dimensions" in text


def test_the_same_text_twice_without_screen_size_classes_stays_twice() -> None:
    # A page may repeat itself on purpose (a refrain, a repeated instruction): only the classes say "copy".
    text = articlex.extract(_page("care", "care")).text
    assert text.count(CARE) == 2


def test_a_block_shown_on_one_screen_size_only_stays() -> None:
    page = _page("hidden md:block", "notes").replace(f"<div class='notes'><p>{CARE}</p></div>", "")
    assert CARE in articlex.extract(page).text


def test_a_copy_inside_its_twin_is_not_a_copy() -> None:
    # A marked wrapper around a marked element has the same text: removing the inner one would empty it.
    page = _page("d-none d-md-block", "other").replace(
        f"<div class='d-none d-md-block'><p>{CARE}</p></div>",
        f"<div class='d-none d-md-block'><div class='hidden-xs'><p>{CARE}</p></div></div>",
    )
    assert CARE in articlex.extract(page).text


def test_the_trace_says_why_a_copy_went() -> None:
    article = articlex.extract(_page("md:hidden", "hidden md:block"), options=articlex.Options(trace=True))
    assert any("screen sizes" in str(step) for step in article.trace)
