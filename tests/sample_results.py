"""Results for the schema and writer tests: an article with every field set, errors, odd ids."""

from __future__ import annotations

from articlex.model import Article, Author, Block, Image, InlineLink, Link


def full_article() -> Article:
    """An article with every field set, so each column has something to carry."""
    return Article(
        url="https://example.org/news/story",
        canonical_url="https://example.org/story",
        site_name="Example News",
        language="en",
        headline="A headline",
        dek="The standfirst",
        description="A summary",
        section="World",
        labels=("Analysis", "World"),
        authors=(Author("Ann Writer", "https://example.org/ann"), Author("Bo Reporter")),
        published="2024-05-06T07:08:09+02:00",
        modified="2024-05-07",
        tags=("politics", "economy"),
        lead_image=Image("https://example.org/i.jpg", alt="A picture", caption="What it shows", credit="Photo: X"),
        body=(
            Block("heading", "Part one", level=2),
            Block("paragraph", "First paragraph, with a link.", links=(InlineLink("a link", "https://x.org/"),)),
            Block("list", "one\ntwo", items=("one", "two")),
            Block("figure", "A caption", url="https://example.org/f.jpg", caption="A caption"),
        ),
        related=(Link("https://example.org/other", "Another story", section="World"),),
        warnings=("something odd",),
        sources={"headline": "json-ld", "published": "meta"},
        confidence=0.875,
    )
