"""Lines that documentation, wikis and newsrooms print under every page: not the page's text."""

from __future__ import annotations

import articlex

SENTENCES = [
    f"Sentence {n} of the guide, long enough to be prose, with a comma or two, explains a step." for n in range(6)
]
PROSE = "".join(f"<p>{s}</p>" for s in SENTENCES)


def _text(after: str) -> str:
    return articlex.extract(f"<html><body><article>{PROSE}{after}</article></body></html>").text


def test_a_documentation_licence_footer_is_not_text() -> None:
    licence = (
        "Except as otherwise noted, the content of this page is licensed under the Creative Commons "
        "Attribution 4.0 License, and code samples are licensed under the Apache 2.0 License. For details, "
        "see the Site Policies. Java is a registered trademark of Oracle and/or its affiliates."
    )
    text = _text(f"<p>{licence}</p>")
    assert "Creative Commons" not in text
    assert all(s in text for s in SENTENCES)


def test_a_paragraph_about_licences_stays() -> None:
    about = "The code is licensed under the Apache 2.0 License, so you may change it and ship it in your product."
    assert about in _text(f"<p>{about}</p>")


def test_wiki_footers_are_not_text() -> None:
    edited = "This page was last edited on 3 May 2024, at 10:12."
    source = 'Retrieved from "https://wiki.example.org/index.php?title=Tuning&oldid=3761"'
    text = _text(f"<p>{edited}</p><p>{source}</p>")
    assert "last edited" not in text
    assert "Retrieved from" not in text
    assert all(s in text for s in SENTENCES)


def test_a_sentence_that_starts_like_a_wiki_footer_but_says_more_stays() -> None:
    said = "The council said the bridge was last updated on paper in 1998, and the plans were lost in a flood."
    assert said in _text(f"<p>{said}</p>")


def test_a_donation_appeal_closing_a_story_is_not_text() -> None:
    appeal = (
        "If you believe stories like the one you just finished matter, please consider pitching in what you can. "
        "This effort helps ensure our reporting and resources stay free and accessible to all."
    )
    text = _text(f"<p>{appeal}</p>")
    assert "pitching in" not in text
    assert all(s in text for s in SENTENCES)


def test_asking_readers_to_consider_something_else_stays() -> None:
    advice = "Before you book, please consider the weather in the mountains: storms come in fast after noon."
    assert advice in _text(f"<p>{advice}</p>")
