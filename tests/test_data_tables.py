"""A table of data holding sentences is prose mass: the body widens to take it."""

from __future__ import annotations

import articlex

INTRO = (
    "<h3>About the training program</h3>"
    "<p>The program manages several contracts between the city and local nonprofit groups that give free"
    " or low-cost training to people looking for steady work, in many trades.</p>"
    "<p>These contracts give the groups funds to train job seekers for trades in demand, such as health"
    " care, information technology, building, plumbing, electrical work and manufacturing.</p>"
    "<p>The city funds the providers listed below, for now, and reviews each contract every year, with the"
    " groups, their students and the employers who hire them, before it is renewed.</p>"
    "<p>Job seekers and employers are encouraged to visit each provider's website to learn more about"
    " its services, its schedule and how to enrol, or to call the office, which answers on weekdays.</p>"
)
PROVIDERS = [
    ("Harbor Skills", "Certificates in welding and pipe fitting and marine electrical work for adults"),
    ("North Side Works", "Support for people returning to work after a long absence with coaching and placement"),
    ("Code Bridge", "Courses in data analysis and software testing and network support in the evening"),
    ("Care Path", "Training as a nursing assistant or pharmacy technician with a paid placement at the end"),
    ("Open Kitchen", "A twelve-week cooking course with a job in a partner restaurant for its graduates"),
    ("Green Trades", "Apprenticeships in solar panel fitting and insulation and heat pump installation work"),
]


def _page(cell_text: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{text}</td><td><a href='https://example.org/{n}'>example.org/{n}</a></td></tr>"
        for n, (name, text) in enumerate(cell_text)
    )
    # Two sibling blocks of a CMS region, each wrapping one field: no element holds both but the region.
    return (
        "<html><body><div class='region'>"
        f"<section class='block'><div class='field'>{INTRO}</div></section>"
        "<section class='block'><div class='field'><h3>Training providers</h3>"
        "<table><tr><td><strong>Provider</strong></td><td><strong>Services</strong></td>"
        f"<td><strong>Website</strong></td></tr>{rows}</table></div></section>"
        "</div></body></html>"
    )


def test_a_table_of_descriptions_beside_the_intro_is_kept() -> None:
    text = articlex.extract(_page(PROVIDERS)).text
    assert "The program manages several contracts" in text
    assert "Apprenticeships in solar panel fitting" in text


def test_a_table_of_short_names_does_not_pull_the_body() -> None:
    names = [(f"Area {n}", f"Computer science topic {n}") for n in range(12)]
    article = articlex.extract(_page(names))
    assert "The program manages several contracts" in article.text
