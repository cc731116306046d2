"""Teasers for other pages beside an article, removed from the cleaned tree (:func:`drop_teasers`).

Three kinds, each recognised by its shape rather than its class names:

- a section opening with a heading that names recommended reading ("You may
  also like", "Related posts") over cards with excerpts;
- a hover card written inline in a paragraph (a picture, the name again, a
  few links), shown only on hover;
- a run of teaser cards, whatever its heading says (below).

Blog themes list "Latest news" or "Read this next" as a row of sibling boxes,
each a headline that links to another post and the first lines of that post.
The block filters drop the linked headlines, dates and "Read more" buttons one
by one, but an excerpt is prose like the article's and stays. Here the run is
recognised by its shape, whatever its heading says: three or more sibling
boxes of the same tag, each holding a heading that links to another page of the
site (and at most a kicker heading beside it) and linking one page twice
(picture and headline, headline and "Read more"), with excerpt prose under
them. A page of nothing but such cards is a listing, whose cards are its
content, and cards that lead below the page's own path are a hub's sections:
both stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import html

from articlex.dom import SUBHEADINGS, link_density, short_text, squash, text_content
from articlex.filters import phrase_pattern
from articlex.rules.vocab import RELATED_HEADINGS, THREAD_LIST_HEADINGS
from articlex.rules.weights import (
    CLASS_REMOVAL_LINK_DENSITY,
    INLINE_CARD_MIN_LINKS,
    RELATED_EXCERPT_MIN_CHARS,
    RELATED_HEADING_MAX_CHARS,
    TEASER_MAX_HEADINGS,
    TEASER_MIN_CARDS,
    TEASER_OUTSIDE_PROSE_SHARE,
)
from articlex.trace import Trace, describe

#: Inline elements a hover card is built of, inside its paragraph.
_INLINE_CARD_TAGS = frozenset({"span", "small", "em", "strong", "b", "i"})
_RELATED_HEADING = phrase_pattern(RELATED_HEADINGS)
_THREAD_LIST_HEADING = phrase_pattern(THREAD_LIST_HEADINGS)
#: Stripped from a heading's end before it is matched: "You may also like...", "Related posts:".
_HEADING_ENDINGS = ".:\u2026 "
_WWW = "www."
_BLOCKS = frozenset({"p", "div", *SUBHEADINGS})


def drop_teasers(root: html.HtmlElement, base: str | None = None, trace: Trace | None = None) -> None:
    """Remove, in place, the teasers beside the article: related-posts sections, inline hover cards, teaser runs.

    ``base`` is the page's URL (see :func:`drop_teaser_runs`).
    """
    body = root.find("body")
    scope = body if body is not None else root
    _drop_related_sections(scope, trace)
    _drop_inline_cards(scope, trace)
    drop_teaser_runs(root, base, trace)


def drop_teaser_runs(root: html.HtmlElement, base: str | None = None, trace: Trace | None = None) -> None:
    """Remove, in place, the runs of teaser cards when the page's prose outside them outweighs them.

    ``base`` is the page's URL: a card leads to another page of the same site
    (a list of shops or tools, each linked to its own site, is the article's).
    """
    body = root.find("body")
    scope = body if body is not None else root
    page = _page(base)
    leads: dict[str, bool] = {}  # see _to_a_page
    runs = [run for parent in _card_parents(scope) for run in _card_runs(parent, page, leads)]
    if not runs:
        return
    cards = {card for run in runs for card in run}
    inside = sum(len(squash(text_content(card))) for card in cards if cards.isdisjoint(card.iterancestors()))
    outside = sum(length for el, length in _prose(scope, ("p",)) if cards.isdisjoint(el.iterancestors()))
    if outside < TEASER_OUTSIDE_PROSE_SHARE * inside:
        return  # the cards are the page: a listing
    removed: set[html.HtmlElement] = set()
    for run in runs:
        if not removed.isdisjoint(run[0].iterancestors()):
            continue  # inside a card already removed
        if any(_leads_below(card, page) for card in run):
            continue  # a hub's own sections (``/oral-health`` listing ``/oral-health/adults``)
        if trace is not None:
            trace.add("clean", "removed", describe(run[0].getparent()), "a run of teaser cards (cards)", len(run))
        removed.update(run)
    for card in [card for card in removed if removed.isdisjoint(card.iterancestors())]:
        card.drop_tree()  # the tail is the parent's text: drop_tree keeps it


def _card_parents(scope: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements with enough children holding a heading or two to make a run.

    Found from the headings up (a page has few), not by asking every element's subtree.
    """
    counts: dict[html.HtmlElement, int] = defaultdict(int)
    for heading in scope.iter(*SUBHEADINGS):
        for ancestor in heading.iterancestors():
            if ancestor is scope:
                break
            counts[ancestor] += 1
    boxes: dict[html.HtmlElement, int] = defaultdict(int)
    for el, count in counts.items():
        parent = el.getparent()
        if count <= TEASER_MAX_HEADINGS and parent is not None:
            boxes[parent] += 1
    return [parent for parent, count in boxes.items() if count >= TEASER_MIN_CARDS]


def _card_runs(parent: html.HtmlElement, page: _Page, leads: dict[str, bool]) -> list[list[html.HtmlElement]]:
    """The children of ``parent`` that are teaser cards, per tag (classes vary: ``post-4185``)."""
    shapes: dict[str, list[html.HtmlElement]] = defaultdict(list)
    for child in parent:
        if isinstance(child.tag, str) and _is_card(child, page, leads):
            shapes[child.tag].append(child)
    return [group for group in shapes.values() if len(group) >= TEASER_MIN_CARDS and _has_excerpt(group)]


def _is_card(el: html.HtmlElement, page: _Page, leads: dict[str, bool]) -> bool:
    """A box of one post: a heading or two (a kicker over the headline), one of them a link,
    and the box links to one page twice (picture and headline, headline and "Read more")."""
    # One heading past the most a card has already rules the box out: the walk stops there.
    headings = list(islice(el.iter(*SUBHEADINGS), TEASER_MAX_HEADINGS + 1))
    if not 0 < len(headings) <= TEASER_MAX_HEADINGS or not any(_is_link(h, page, leads) for h in headings):
        return False
    targets = [a.get("href") for a in el.iter("a") if _to_a_page(a, page, leads)]
    return len(set(targets)) < len(targets)


def _is_link(heading: html.HtmlElement, page: _Page, leads: dict[str, bool]) -> bool:
    """The heading is inside a link to a page of the site, or its text mostly is one."""
    if any(_to_a_page(a, page, leads) for a in heading.iterancestors("a")):
        return True
    return (
        any(_to_a_page(a, page, leads) for a in heading.iter("a"))
        and link_density(heading) >= CLASS_REMOVAL_LINK_DENSITY
    )


def _to_a_page(a: html.HtmlElement, page: _Page, leads: dict[str, bool]) -> bool:
    """The link leads to another page of the site (any, with no URL to tell), not
    to a place on this one (a section's anchor, a toggle).

    ``leads``: the verdicts by href, kept for the call: a card links its page twice, and
    each verdict resolves a URL (urljoin and urlsplit, a third of the runs' search).
    """
    href = (a.get("href") or "").strip()
    if not href or href.startswith("#"):
        return False
    if page.url is None:
        return True
    lead = leads.get(href)
    if lead is None:
        target = _target(href, page)
        lead = leads[href] = (
            target is not None and target.hostname is not None and _site_name(target.hostname) == page.site
        )
    return lead


def _leads_below(card: html.HtmlElement, page: _Page) -> bool:
    """The card links a page under this one's path: a section of a hub, not another post."""
    if page.url is None:
        return False
    for a in card.iter("a"):
        target = _target((a.get("href") or "").strip(), page)
        if target is not None and target.path.startswith(page.below):
            return True
    return False


def _target(href: str, page: _Page) -> SplitResult | None:
    """Where ``href`` leads from this page; None when it is no URL a browser would follow."""
    try:
        return urlsplit(urljoin(page.url, href)) if page.url else urlsplit(href)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Page:
    """Where the page is: its URL, its site (host without ``www.``), and the path its sub-pages start with."""

    url: str | None
    site: str | None
    below: str


def _page(url: str | None) -> _Page:
    try:
        parts = urlsplit(url) if url else None
    except ValueError:
        parts = None
    if parts is None or not parts.hostname:
        return _Page(None, None, "")
    return _Page(url, _site_name(parts.hostname), parts.path.rstrip("/") + "/")


def _site_name(host: str) -> str:
    return host.removeprefix(_WWW)


def _has_excerpt(cards: list[html.HtmlElement]) -> bool:
    """Some card says more than its headline: prose an article's shortest block is as long as."""
    return any(length >= RELATED_EXCERPT_MIN_CHARS for card in cards for _, length in _prose(card))


def _prose(scope: html.HtmlElement, tags: tuple[str, ...] = ("p", "div")) -> Iterator[tuple[html.HtmlElement, int]]:
    """The text blocks under ``scope`` (paragraphs, and boxes that hold text but no
    blocks) that are not mostly links, with their length in characters."""
    for el in scope.iter(*tags):
        if el.tag == "div" and any(child.tag in _BLOCKS for child in el):
            continue  # a box of blocks: its blocks are read themselves
        text = squash(text_content(el))
        if text and link_density(el, text) < CLASS_REMOVAL_LINK_DENSITY:
            yield el, len(text)


def _drop_inline_cards(scope: html.HtmlElement, trace: Trace | None) -> None:
    """Remove the pop-up cards that a paragraph carries inside its sentences.

    A person's or link's hover card (a picture, the name again, a few headlines)
    is written inline, in spans inside the ``<p>``, and shown only on hover: an
    inline element that opens with a picture and is mostly links is one. The
    name the card pops up from stays: it comes before the card.
    """
    for img in list(scope.iter("img")):
        card = _inline_card(img)
        if card is None:
            continue
        if trace is not None:
            trace.add("clean", "removed", describe(card), "an inline hover card in a paragraph (links)", len(card))
        card.drop_tree()


def _inline_card(img: html.HtmlElement) -> html.HtmlElement | None:
    """The outermost inline element inside a <p> that opens with ``img``, when it is a card of links."""
    card = None
    el = img
    parent = el.getparent()
    while parent is not None and parent.tag in _INLINE_CARD_TAGS:
        if el.getprevious() is not None or (parent.text or "").strip():
            break  # text or an element before: the picture does not open this one
        card, el = parent, parent
        parent = el.getparent()
    while parent is not None and parent.tag in _INLINE_CARD_TAGS:
        parent = parent.getparent()  # the sentence the card sits in
    if card is None or parent is None or parent.tag != "p":
        return None
    links = [a for a in card.iter("a") if a.get("href")]
    if len(links) < INLINE_CARD_MIN_LINKS or link_density(card) < CLASS_REMOVAL_LINK_DENSITY:
        return None
    return card


def _drop_related_sections(scope: html.HtmlElement, trace: Trace | None) -> None:
    """Remove each container that opens with a heading naming recommended reading
    and whose cards carry excerpt prose, or naming other threads of a forum.

    "You may also like" above a row of cards names the whole container; a
    heading further down names only what follows it. Cards of titles and prices
    are left to the block filters (they go as link blocks); cards with whole
    excerpts outweigh a short article and would be located as the body.
    """
    for heading in list(scope.iter(*SUBHEADINGS)):
        parent = heading.getparent()
        if parent is None or parent is scope or parent.getparent() is None:
            continue
        if (parent.text or "").strip() or heading.getprevious() is not None:
            continue  # something comes before the heading: it names only part of the container
        text = short_text(heading, RELATED_HEADING_MAX_CHARS)
        if text is None:
            continue
        name = text.rstrip(_HEADING_ENDINGS).strip()
        # Other threads or a thread's statistics go, titles and counts as they are.
        if not _THREAD_LIST_HEADING.fullmatch(name) and not (
            _RELATED_HEADING.fullmatch(name)
            and any(len(squash(text_content(p))) >= RELATED_EXCERPT_MIN_CHARS for p in parent.iter("p"))
        ):
            continue
        if trace is not None:
            trace.add(
                "clean", "removed", describe(parent), "opens with a related-posts heading (heading chars)", len(text)
            )
        parent.drop_tree()
