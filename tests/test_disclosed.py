"""Hidden panels that a control on the page opens (an accordion's steps) are content."""

from __future__ import annotations

import articlex

STEPS = [
    "Gather a year of electric bills so installers can size the system to what the house uses.",
    "Check the roof: its age, its angle to the sun and the shade that trees cast over it.",
    "Compare three quotes, and ask each installer how long the permits take in your town.",
]


def _accordion(controlled: bool) -> str:
    panels = "".join(
        f"<div><button aria-controls='{'step-' + str(n) if controlled else ''}'>Step {n}</button>"
        f"<div id='step-{n}' role='region' style='display:none'><p>{step}</p></div></div>"
        for n, step in enumerate(STEPS, 1)
    )
    intro = "Installing solar panels takes a few weeks, from the first quote to the day the utility switches it on."
    return f"<html><body><article><h1>How to install solar</h1><p>{intro}</p>{panels}</article></body></html>"


def test_accordion_panels_a_button_controls_are_kept() -> None:
    text = articlex.extract(_accordion(controlled=True)).text
    assert all(step in text for step in STEPS)


def test_hidden_panels_no_control_names_still_go() -> None:
    text = articlex.extract(_accordion(controlled=False)).text
    assert not any(step in text for step in STEPS)


def _collapsed(wrappers: int) -> str:
    """Accordion panels inside ``wrappers`` hidden boxes of a collapse animation."""
    panels = ""
    for n, step in enumerate(STEPS, 1):
        panel = f"<div id='step-{n}' role='region'><p>{step}</p></div>"
        for _ in range(wrappers):
            panel = f"<div class='collapse' style='display:none'>{panel}</div>"
        panels += f"<div><button aria-controls='step-{n}'>Step {n}</button>{panel}</div>"
    intro = "Installing solar panels takes a few weeks, from the first quote to the day the utility switches it on."
    return f"<html><body><article><h1>How to install solar</h1><p>{intro}</p>{panels}</article></body></html>"


def test_a_hidden_collapse_box_around_a_disclosed_panel_is_kept() -> None:
    text = articlex.extract(_collapsed(wrappers=1)).text
    assert all(step in text for step in STEPS)


def test_a_hidden_box_holding_more_than_the_panel_still_goes() -> None:
    extra = "<p>A hidden promotion for a heat pump, shown to nobody who reads this guide.</p>"
    page = _collapsed(wrappers=1).replace("<div id='step-1'", f"{extra}<div id='step-1'")
    text = articlex.extract(page).text
    assert STEPS[0] not in text
    assert all(step in text for step in STEPS[1:])
