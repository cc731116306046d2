"""A blog's archive page: the cards of its posts are the page's content.

A category, tag or author page of a blog opens with a short description of the
topic and lists the posts under it, each an ``<article>`` holding little more
than a linked title (HTML: a self-contained composition, one per post).
Paragraph scoring finds the description; the cards, short and linked, score
little. When the located body is short, the page states no publication date of
its own (an article does; the cards beside it are other posts), and a run of
such cards sits outside the body, their blocks join it in page order.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import html

from articlex.annex import Joining, annex
from articlex.filters import Selection
from articlex.rules.weights import ARCHIVE_BODY_MAX_CHARS, ARCHIVE_CARD_SHARE, ARCHIVE_MIN_CARDS, GRID_CARD_MAX_CHARS

#: The headings a post card's linked title is set in (an h1 is the page's own).
_TITLE_TAGS = ("h2", "h3", "h4")
_RULE = "a run of post cards (an <article> with a linked title each) that the short body missed (cards)"


def with_post_cards(page: Joining) -> Selection:
    """The body's selection (on a page stating no date of its own) with the blocks of
    the page's run of post cards, in page order, when the body is short."""
    if sum(len(block.text) for block in page.selection.blocks) >= ARCHIVE_BODY_MAX_CHARS:
        return page.selection
    found = _post_cards(page.tree)
    return annex(page, [(found[1], found[0])] if found else [], rule=_RULE)


def _post_cards(tree: html.HtmlElement) -> tuple[int, html.HtmlElement] | None:
    """The element with the most post cards among its ``<article>`` children
    (ARCHIVE_MIN_CARDS or more, and most of those children)."""
    runs: dict[html.HtmlElement, list[html.HtmlElement]] = defaultdict(list)
    for article in tree.iter("article"):  # a tag-filtered walk in libxml2: pages hold few
        parent = article.getparent()
        if parent is not None:
            runs[parent].append(article)
    best: tuple[int, html.HtmlElement] | None = None
    for parent, articles in runs.items():
        if len(articles) < ARCHIVE_MIN_CARDS:
            continue
        cards = sum(1 for article in articles if _is_card(article))
        mostly = cards >= ARCHIVE_CARD_SHARE * len(articles)
        if cards >= ARCHIVE_MIN_CARDS and mostly and (best is None or cards > best[0]):
            best = (cards, parent)
    return best


def _is_card(article: html.HtmlElement) -> bool:
    """A post's card: short (a title, a line or two), its title a linked heading."""
    text = article.text_content()
    if len(text) - sum(map(str.isspace, text)) > GRID_CARD_MAX_CHARS:
        return False
    return any(article.find(f".//{tag}//a[@href]") is not None for tag in _TITLE_TAGS)
