"""Related links from the pristine tree: teaser cards, related lists and "Related:" lines.

The containers are found with the same vocabulary the cleaner drops
(:data:`articlex.rules.vocab.RELATED_WORDS`), plus the headings that announce
them ("Related", "Read next"). Inside a container each card is the largest
element around one title link.
"""

from __future__ import annotations

import re

from lxml import html

from articlex.dom import absolute, class_tokens, squash
from articlex.figures import image_url
from articlex.filters import is_related_line
from articlex.model import Link
from articlex.rules.vocab import BOILERPLATE_PHRASES, LABEL_WORDS, RELATED_WORDS

# A section label in a card is a word or three.
SECTION_MAX_CHARS = 30
# Headings that announce a related module are short.
ANNOUNCE_MAX_CHARS = 40

_RELATED = frozenset(RELATED_WORDS)
_LABEL = frozenset(LABEL_WORDS)
_TITLE_TAGS = ("h2", "h3", "h4", "h5")
_PHRASES = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PHRASES), re.IGNORECASE)
_ANNOUNCE = re.compile(
    r"^(related|more (stories|on|from|in|like this)|read (next|more|also)|you (may|might) also|"
    r"recommended|see also|further reading|also read)",
    re.IGNORECASE,
)


def harvest_related(root: html.HtmlElement, base: str | None) -> tuple[Link, ...]:
    """Related links in page order, each URL once."""
    links: list[Link] = []
    body = root.find("body")
    scope = body if body is not None else root
    for container in _containers(scope):
        links.extend(_cards(container, base))
    for p in scope.iter("p", "li", "div"):
        if len(p) and is_related_line(squash(p.text_content())) and not _in_related(p):
            links.extend(_plain_links(p, base))
    seen: set[str] = set()
    unique = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            unique.append(link)
    return tuple(unique)


def _containers(scope: html.HtmlElement) -> list[html.HtmlElement]:
    found: list[html.HtmlElement] = []
    for el in scope.iter():
        if not isinstance(el.tag, str) or any(_is_within(el, f) for f in found):
            continue
        if not class_tokens(el).isdisjoint(_RELATED) or _announced(el):
            found.append(el)
    return found


def _announced(el: html.HtmlElement) -> bool:
    if el.tag not in ("section", "div", "aside", "ul", "nav"):
        return False
    first = next((child for child in el if isinstance(child.tag, str)), None)
    if first is None or first.tag not in ("h2", "h3", "h4", "p", "div", "span", "strong"):
        return False
    text = squash(first.text_content())
    return len(text) <= ANNOUNCE_MAX_CHARS and bool(_ANNOUNCE.match(text))


def _is_within(el: html.HtmlElement, ancestor: html.HtmlElement) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _in_related(el: html.HtmlElement) -> bool:
    return any(not class_tokens(a).isdisjoint(_RELATED) for a in el.iterancestors())


def _cards(container: html.HtmlElement, base: str | None) -> list[Link]:
    titles = [a for tag in _TITLE_TAGS for heading in container.iter(tag) for a in heading.iter("a")]
    if not titles:
        return _plain_links(container, base)
    titles.sort(key=lambda a: _position(container, a))
    return [link for a in titles if (link := _card(_card_of(a, container), a, base)) is not None]


def _position(container: html.HtmlElement, el: html.HtmlElement) -> int:
    return next((i for i, node in enumerate(container.iter()) if node is el), 0)


def _card_of(title: html.HtmlElement, container: html.HtmlElement) -> html.HtmlElement:
    """The largest ancestor of a title link, inside the container, holding no other title."""
    card = title
    for ancestor in title.iterancestors():
        if ancestor is container or _title_count(ancestor) > 1:
            break
        card = ancestor
    return card


def _title_count(el: html.HtmlElement) -> int:
    return sum(1 for tag in _TITLE_TAGS for heading in el.iter(tag) if heading.find(".//a") is not None)


def _card(card: html.HtmlElement, title_link: html.HtmlElement, base: str | None) -> Link | None:
    url = absolute(title_link.get("href"), base)
    title = squash(title_link.text_content())
    if not url or not title:
        return None
    section = _section(card, title)
    summary = _summary(card, title, section)
    img = card.find(".//img")
    image = image_url(img, base) if img is not None else None
    return Link(url, title, section, summary, image)


def _section(card: html.HtmlElement, title: str) -> str | None:
    for el in card.iter():
        if not isinstance(el.tag, str) or el.tag in _TITLE_TAGS:
            continue
        text = squash(el.text_content())
        if not text or text == title or len(text) > SECTION_MAX_CHARS or _PHRASES.search(text):
            continue
        if not class_tokens(el).isdisjoint(_LABEL):
            return text
    return None


def _summary(card: html.HtmlElement, title: str, section: str | None) -> str | None:
    parts = []
    for p in card.iter("p"):
        text = squash(p.text_content())
        if text and text not in (title, section) and not _PHRASES.search(text):
            parts.append(text)
    return "\n\n".join(parts) or None


def _plain_links(el: html.HtmlElement, base: str | None) -> list[Link]:
    out = []
    for a in el.iter("a"):
        url = absolute(a.get("href"), base)
        title = squash(a.text_content())
        if url and title and not _PHRASES.search(title):
            out.append(Link(url, title))
    return out
