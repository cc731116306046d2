"""The explain trace and the confidence score."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlex
from articlex.cli import main
from articlex.confidence import confidence
from articlex.model import Block, InlineLink

EXAMPLE = Path(__file__).parent.parent / "examples" / "seed-article.html"

PROSE = "".join(
    f"<p>Paragraph {n} says something, at some length, about the subject at hand here.</p>" for n in range(8)
)
PAGE = (
    "<html><body><nav id='menu'><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    f"<div class='story'><h1>Title</h1>{PROSE}<p>Sign up for our newsletter</p></div>"
    "</body></html>"
)


def _steps(html: str, stage: str, action: str) -> list[articlex.trace.Step]:
    article = articlex.extract(html, options=articlex.Options(trace=True))
    return [s for s in article.trace if s.stage == stage and s.action == action]


def test_no_trace_unless_asked() -> None:
    assert articlex.extract(PAGE).trace == ()


def test_trace_names_the_removed_navigation_with_its_rule() -> None:
    (step,) = _steps(PAGE, "clean", "removed")
    assert step.node == "nav#menu /html/body/nav"
    assert step.rule.startswith("boilerplate tag")
    assert step.score is not None
    assert 0 < step.score < 0.1  # its share of the page's text


def test_trace_names_the_chosen_body_and_the_dropped_block() -> None:
    (chosen,) = _steps(PAGE, "locate", "chosen")
    assert chosen.node.startswith("div.story /html/body/div")
    assert chosen.score is not None
    assert chosen.score > 0
    heading, phrase = _steps(PAGE, "filter", "dropped")
    assert heading.node == 'heading "Title"'
    assert heading.rule == "repeats the headline, dek or another metadata field"
    assert phrase.node == 'paragraph "Sign up for our newsletter"'
    assert phrase.rule == "boilerplate phrase"
    (verdict,) = [s for s in articlex.extract(PAGE, options=articlex.Options(trace=True)).trace if s.stage == "verdict"]
    assert verdict.action == "article"


def test_trace_does_not_change_the_article() -> None:
    plain = articlex.extract(PAGE)
    traced = articlex.extract(PAGE, options=articlex.Options(trace=True))
    assert traced.to_dict() == plain.to_dict()


def test_explain_prints_the_trace_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--explain", "-f", "txt"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f'==> "{EXAMPLE}" <==\nTwo years ago')  # txt rows: a header, then the text
    assert "confidence 0." in captured.err
    assert "clean    removed   aside#secondary" in captured.err
    assert "locate   chosen    div.entry-content" in captured.err


def _paragraphs(words: int, count: int = 1, linked: int = 0) -> list[Block]:
    text = " ".join(["word"] * words)
    links = (InlineLink(text[: linked * 5], "https://example.com/"),) if linked else ()
    return [Block("paragraph", text, links=links) for _ in range(count)]


def test_confidence_is_zero_for_an_empty_body() -> None:
    assert confidence([], 1.0) == 0.0
    assert confidence([Block("figure", "", url="https://example.com/a.jpg")], 1.0) == 0.0


def test_confidence_grows_with_length_and_coverage_and_falls_with_links() -> None:
    short, long = confidence(_paragraphs(5), 1.0), confidence(_paragraphs(100, 8), 1.0)
    assert 0 < short < 0.5 < long < 1
    assert confidence(_paragraphs(100, 8), 0.2) < long
    assert confidence(_paragraphs(100, 8, linked=100), 1.0) < long


def test_an_article_is_trusted_more_than_a_menu() -> None:
    menu = "<html><body><div>" + "".join(f"<a href='/{n}'>Link {n}</a> " for n in range(40)) + "</div></body></html>"
    assert articlex.extract(PAGE).confidence > 0.5 > articlex.extract(menu).confidence
