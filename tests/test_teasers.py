"""Runs of teaser cards (other posts: a linked headline, an excerpt) beside an article."""

from __future__ import annotations

import articlex

SENTENCES = [
    f"Sentence {n} of the story is long enough to be prose, with a comma or two, and it says more than that."
    for n in range(10)
]
PROSE = "".join(f"<p>{s}</p>" for s in SENTENCES)
EXCERPT = (
    "An excerpt of another post, {n}, its first lines printed under its headline to draw the reader in,"
    " as a theme prints them in a row of cards under the story."
)


def _cards(hrefs: list[str]) -> str:
    return "".join(
        f"<div class='card'><a href='{href}'><img src='/i{n}.jpg'></a>"
        f"<h3><a href='{href}'>Another post number {n}</a></h3><span>March {n + 1}, 2025</span>"
        f"<p>{EXCERPT.format(n=n)}</p><a href='{href}'>Read more</a></div>"
        for n, href in enumerate(hrefs)
    )


def _page(*parts: str) -> str:
    # One wrapper holds the story and the cards, as page builders nest them.
    return "<html><body><div class='wrap'>" + "".join(parts) + "</div></body></html>"


URL = "https://example.org/blog/this-post"
OTHER_POSTS = ["/blog/first-post", "/blog/second-post", "https://www.example.org/blog/third-post"]


def test_teaser_excerpts_beside_an_article_are_not_its_text() -> None:
    page = _page(PROSE, f"<div class='latest'><h2>Latest news</h2>{_cards(OTHER_POSTS)}</div>")
    text = articlex.extract(page, url=URL).text
    assert "excerpt of another post" not in text
    assert text == "\n\n".join(SENTENCES)


def test_the_cards_of_a_listing_stay() -> None:
    # Nothing but cards: they are what the page shows.
    text = articlex.extract(_page(f"<div class='posts'>{_cards(OTHER_POSTS)}</div>"), url=URL).text
    assert text.count("excerpt of another post") == len(OTHER_POSTS)


def test_cards_leading_below_the_page_are_a_hubs_sections() -> None:
    below = ["/blog/this-post/part-one", "/blog/this-post/part-two", "/blog/this-post/part-three"]
    text = articlex.extract(_page(PROSE, f"<div>{_cards(below)}</div>"), url=URL).text
    assert text.count("excerpt of another post") == len(below)


def test_cards_leading_to_other_sites_are_the_articles_list() -> None:
    # "The three best tools": each entry links to the tool's own site.
    shops = ["https://tool-one.example/", "https://tool-two.example/", "https://tool-three.example/"]
    text = articlex.extract(_page(PROSE, f"<div>{_cards(shops)}</div>"), url=URL).text
    assert text.count("excerpt of another post") == len(shops)


def test_two_cards_are_not_a_run() -> None:
    # A previous/next pair, or two columns of the article: too few to tell.
    text = articlex.extract(_page(PROSE, f"<div>{_cards(OTHER_POSTS[:2])}</div>"), url=URL).text
    assert text.count("excerpt of another post") == 2
