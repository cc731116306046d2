"""The seed article, rendered twice (a CMS page and plain markup), must come back whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlex

ROOT = Path(__file__).parent
SEED_TEXT = ROOT.parent.parent / "shared" / "seed" / "000_c10908fcfe8b7c89.txt"
HEADLINE = "How the killing of Iran's top general squandered US leverage in Iraq today"
DEK = (
    "Washington's decision to take out Soleimani in Baghdad ruined its chances for playing a role "
    "in mitigating a serious crisis there now."
)
CAPTION = (
    "Baghdad, Iraq, January 3, 2020, thousands of Iraq people participating in funeral program "
    "of Iranian general Qassem Soleimani"
)
FIRST_PARAGRAPH_START = "Two years ago, I wrote an op-ed for the New York Times"
LAST_PARAGRAPH_END = (
    "even as the Trump administration’s missteps make it harder for the U.S. to contribute to a solution."
)
BOILERPLATE = ("Follow us on social", "keep reading", "Show less", "LATEST", "QIOSK", "Newsletter", "Subscribe now")
RELATED = (
    ("Trump's silence on loss of Ukraine lithium territory speaks volumes", "Europe", "Last week, Russian military"),
    ("Is the US now funding the bloodbath at Gaza aid centers?", "Middle East", "Many human rights organizations"),
    ("Post-coup juntas across the Sahel face serious crises", "Africa", "In Mali, General Assimi Goïta"),
)
RENDERINGS = ("seed-cms", "seed-plain")


def _article(name: str) -> articlex.Article:
    return articlex.extract((ROOT / "fixtures" / name / "source.html").read_bytes())


def _seed_paragraphs() -> list[str]:
    """The 19 body paragraphs as the scraper saw them (when the seed file is at hand)."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    start, end = text.index(FIRST_PARAGRAPH_START), text.index("Baghdad, Iraq, January 3")
    return [" ".join(p.split()) for p in text[start:end].split("\n") if p.strip()]


@pytest.mark.parametrize("name", RENDERINGS)
def test_header_fields(name: str) -> None:
    article = _article(name)
    assert article.headline == HEADLINE
    assert article.dek == DEK
    assert article.section == "Middle East"
    assert article.labels == ("Analysis", "Middle East")
    assert [a.name for a in article.authors] == ["Steven Simon"]
    assert article.published is not None and article.published.startswith("2022-08-05")


@pytest.mark.parametrize("name", RENDERINGS)
def test_body_is_the_nineteen_paragraphs_and_nothing_else(name: str) -> None:
    article = _article(name)
    assert [b.type for b in article.body] == ["paragraph"] * 19
    assert article.body[0].text.startswith(FIRST_PARAGRAPH_START)
    assert article.body[-1].text.endswith(LAST_PARAGRAPH_END)
    if SEED_TEXT.exists():
        assert [b.text for b in article.body] == _seed_paragraphs()


@pytest.mark.parametrize("name", RENDERINGS)
def test_lead_image_caption(name: str) -> None:
    article = _article(name)
    assert article.lead_image is not None
    assert article.lead_image.caption == CAPTION
    assert article.lead_image.url.endswith("Shutterstock_1605957556-scaled.jpg")


@pytest.mark.parametrize("name", RENDERINGS)
def test_teaser_cards_become_related_links(name: str) -> None:
    related = _article(name).related
    assert len(related) == len(RELATED)
    for link, (title, section, summary_start) in zip(related, RELATED, strict=True):
        assert link.title == title
        assert link.section == section
        assert link.summary is not None and link.summary.startswith(summary_start)
        assert "keep reading" not in link.summary.lower()
        assert link.url.startswith("https://")


@pytest.mark.parametrize("name", RENDERINGS)
@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_boilerplate_never_reaches_text(name: str, phrase: str) -> None:
    assert phrase.lower() not in _article(name).text.lower()


def test_bundled_example_is_the_cms_rendering() -> None:
    example = ROOT.parent / "examples" / "seed-article.html"
    assert example.read_bytes() == (ROOT / "fixtures" / "seed-cms" / "source.html").read_bytes()
