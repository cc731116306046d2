"""Related links from the pristine tree: teaser cards, related lists and "Related:" lines.

Three shapes are harvested, in page order:

* containers named with the related vocabulary the cleaner drops
  (:data:`articlex.rules.vocab.RELATED_WORDS`) or announced by a heading
  ("Related", "Read next");
* groups of repeated cards (siblings of one tag, each around one title link);
  on a section front they are also the body, here they are data;
* in-body lines such as "Related: <a>Another story</a>".

A card is the largest element around one title link (a link in h2-h5).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TypeAlias

from lxml import etree, html

from articlex.dom import absolute, class_tokens, link_holders, squash, text_content, xml_words
from articlex.figures import image_url
from articlex.filters import is_boilerplate_phrase, is_related_line
from articlex.model import Link
from articlex.rules.vocab import LABEL_WORDS, RELATED_WORDS

# A section label in a card is a word or three.
SECTION_MAX_CHARS = 30
# Headings that announce a related module are short.
ANNOUNCE_MAX_CHARS = 40
# Two cards of one shape side by side already make a group.
MIN_GROUP_CARDS = 2

_RELATED = frozenset(RELATED_WORDS)
_LABEL = frozenset(LABEL_WORDS)
_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5"})
_CHROME = frozenset({"nav", "header", "footer"})
# The elements found links are keyed on: title headings and anchors.
_KEY_TAGS = ("h2", "h3", "h4", "h5", "a")
_TITLE_TAG_ORDER = ("h2", "h3", "h4", "h5")
# Elements that may be related containers: named ones, and blocks whose first child
# could be an announcing heading (checked in Python by _announced). Only those with
# a link (or that are one): a container without links gives nothing and holds
# nothing that could. The tests are those of the XPath
# ".//*[@class or @id][descendant-or-self::a] | .//*[self::section or ...][*[1][self::h2
# or ...][string-length(normalize-space(.)) <= 40]][descendant::a]", made in Python over
# the link holders gathered once: libxml2 took four times as long.
_ANNOUNCING_BLOCKS = frozenset({"section", "div", "aside", "ul", "nav"})
_ANNOUNCING_FIRSTS = frozenset({"h2", "h3", "h4", "p", "span", "strong"})
# Lines that may read "Related: <a>...</a>": paragraphs and list items with a link.
_LINE_TAGS = ("p", "li")
# Characters of a block's first child collapsed before the whole: a little over
# ANNOUNCE_MAX_CHARS, so that a heading with its indentation is read whole at once.
_ANNOUNCE_PROBE_CHARS = 4 * ANNOUNCE_MAX_CHARS
_ANNOUNCE = re.compile(
    r"^(related|more (stories|on|from|in|like this)|read (next|more|also)|you (may|might) also|"
    r"recommended|see also|further reading|also read)",
    re.IGNORECASE,
)

Element: TypeAlias = html.HtmlElement


def harvest_related(root: Element, base: str | None, holders: frozenset[Element] | None = None) -> tuple[Link, ...]:
    """Related links in page order, each URL once.

    ``holders``: :func:`articlex.dom.link_holders` of ``root`` (or of its body), when the
    caller has them; only the body's elements are asked about.
    """
    body = root.find("body")
    scope = body if body is not None else root
    if holders is None:
        holders = link_holders(scope)
    cards = _cards_by_heading(scope)
    containers = _containers(scope, holders)
    grouped = _cards_in(containers, cards)
    found: list[tuple[Element, Link]] = []
    for container in containers:
        inside = grouped[container]
        if inside:
            found += [(h, link) for h, card in inside if (link := _card_link(card, h, base))]
        else:
            found += [(a, link) for a, link in _plain_links(container, base)]
    taken = {h for h, _ in found}
    found += [(h, link) for h, card in _grouped(cards, taken) if (link := _card_link(card, h, base))]
    for el in scope.iter(_LINE_TAGS):
        if el in holders and _leads_as_related(el) and _holder(el, grouped) is None:
            found += _plain_links(el, base)
    return _in_page_order(scope, found)


def _leads_as_related(el: Element) -> bool:
    """The line starts "Related:" in its own text or in its first child (<strong>Related:</strong>)."""
    lead = el.text or ""
    if not lead.strip() and len(el):
        lead = text_content(el[0])
    return is_related_line(squash(lead))


def _in_page_order(scope: Element, found: list[tuple[Element, Link]]) -> tuple[Link, ...]:
    if not found:
        return ()
    # Only the kinds of element a link is keyed on: fewer elements to number.
    position = {el: i for i, el in enumerate(scope.iter(_KEY_TAGS))}
    seen: set[str] = set()
    out = []
    for _, link in sorted(found, key=lambda pair: position.get(pair[0], 0)):
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return tuple(out)


def _cards_by_heading(scope: Element) -> dict[Element, Element]:
    """Each title heading with its card: the largest ancestor holding no other title."""
    headings = [h for h in scope.iter(_TITLE_TAG_ORDER) if any(a.get("href") is not None for a in h.iter("a"))]
    counts: dict[Element, int] = defaultdict(int)
    for heading in headings:
        for ancestor in heading.iterancestors():
            counts[ancestor] += 1
    cards = {}
    for heading in headings:
        card = heading
        for ancestor in heading.iterancestors():
            if counts[ancestor] > 1 or ancestor is scope:
                break
            card = ancestor
        cards[heading] = card
    return cards


def _grouped(cards: dict[Element, Element], taken: set[Element]) -> list[tuple[Element, Element]]:
    """Cards that stand with siblings of the same tag, outside page chrome."""
    by_parent: dict[Element, list[tuple[Element, Element]]] = defaultdict(list)
    for heading, card in cards.items():
        parent = card.getparent()
        if heading not in taken and parent is not None and card is not heading:
            by_parent[parent].append((heading, card))
    out = []
    for parent, members in by_parent.items():
        tags = {card.tag for _, card in members}
        if len(members) >= MIN_GROUP_CARDS and len(tags) == 1 and not _in_chrome(parent):
            out += members
    return out


def _in_chrome(el: Element) -> bool:
    return el.tag in _CHROME or any(a.tag in _CHROME for a in el.iterancestors())


def _containers(scope: Element, holders: frozenset[Element]) -> list[Element]:
    found: list[Element] = []
    # Candidates come in document order and kept ones never nest, so only the last
    # can hold el: its elements, collected once, spare a walk up from every candidate.
    inside: set[Element] = set()
    for el in _links_and_holders(scope):
        if el not in inside and _is_container(el, holders):
            found.append(el)
            inside = set(el.iter())
    return found


def _links_and_holders(scope: Element) -> Iterator[Element]:
    """The links under ``scope`` and the elements holding them, in document order.

    Only these can be container candidates. They are found by walking up from
    each link until an element already given: the rest of the page (half of it
    or more, most paragraphs and all of the leaves outside links) is never touched.
    """
    given: set[Element] = set()
    for link in scope.iter("a"):
        chain = []
        el = link
        while el is not scope and el is not None and el not in given:
            chain.append(el)
            given.add(el)
            el = el.getparent()
        yield from reversed(chain)


def _is_container(el: Element, holders: frozenset[Element]) -> bool:
    """A related container: named with a related word and holding (or being) a link,
    or a block holding a link whose first child is short and announces it ("Related")."""
    named = el.get("class") is not None or el.get("id") is not None
    if el not in holders:
        return named and el.tag == "a" and not class_tokens(el).isdisjoint(_RELATED)
    if named and not class_tokens(el).isdisjoint(_RELATED):
        return True
    if el.tag not in _ANNOUNCING_BLOCKS:
        return False
    # The first child element; iterchildren filters in C (half the time of a generator).
    first = next(el.iterchildren(etree.Element), None)
    if first is None or first.tag not in _ANNOUNCING_FIRSTS:
        return False
    raw = text_content(first)
    # An unnamed block stands for the XPath test [string-length(normalize-space(.)) <= 40].
    if not named and len(" ".join(xml_words(raw))) > ANNOUNCE_MAX_CHARS:
        return False
    return _announces(raw)


def _announces(raw: str) -> bool:
    """The text, white space collapsed, is a short heading announcing related links.

    Headings are short, the first child of a block often a whole paragraph: the
    start of the text is collapsed first, and the whole only when that is short.
    The start collapsed is the start of the whole collapsed, so a start already
    too long rules the whole out.
    """
    if len(raw) > _ANNOUNCE_PROBE_CHARS and len(squash(raw[:_ANNOUNCE_PROBE_CHARS])) > ANNOUNCE_MAX_CHARS:
        return False
    text = squash(raw)
    return len(text) <= ANNOUNCE_MAX_CHARS and bool(_ANNOUNCE.match(text))


def _cards_in(containers: list[Element], cards: dict[Element, Element]) -> dict[Element, list[tuple[Element, Element]]]:
    """The (heading, card) pairs inside each container, found by one walk up from each card:
    comparing every card with every container took minutes on a page of thousands of both."""
    grouped: dict[Element, list[tuple[Element, Element]]] = {container: [] for container in containers}
    for heading, card in cards.items():
        holder = _holder(card, grouped)
        if holder is not None:
            grouped[holder].append((heading, card))
    return grouped


def _holder(el: Element, containers: dict[Element, list[tuple[Element, Element]]]) -> Element | None:
    """The container that is ``el`` or holds it (containers never nest, so there is at most one)."""
    if el in containers:
        return el
    return next((a for a in el.iterancestors() if a in containers), None)


def _card_link(card: Element, heading: Element, base: str | None) -> Link | None:
    anchor = heading.find(".//a[@href]")
    url = absolute(anchor.get("href"), base) if anchor is not None else None
    title = squash(text_content(heading))
    if not url or not title:
        return None
    section = _section(card, title)
    summary = _summary(card, title, section)
    img = card.find(".//img")
    image = image_url(img, base) if img is not None else None
    return Link(url, title, section, summary, image)


def _section(card: Element, title: str) -> str | None:
    """A short label in the card: one marked as a label, else a lone short link."""
    if _in_title(card):
        return None  # every element of the card is inside a title
    # The card's elements inside a title, gathered once: a walk up from each costs more.
    in_titles = {el for heading in card.iter(*_TITLE_TAGS) for el in heading.iter()}
    fallback = None
    for el in card.iter(etree.Element):
        if el in in_titles:
            continue
        text = squash(text_content(el))
        if not text or text == title or len(text) > SECTION_MAX_CHARS:
            continue
        labelled = not class_tokens(el).isdisjoint(_LABEL)
        if not labelled and (fallback is not None or el.tag != "a" or el.find(".//img") is not None):
            continue
        # The phrase search last, on the few texts that would be taken: it costs the most.
        if is_boilerplate_phrase(text):
            continue
        if labelled:
            return text
        fallback = text
    return fallback


def _in_title(el: Element) -> bool:
    return el.tag in _TITLE_TAGS or any(a.tag in _TITLE_TAGS for a in el.iterancestors())


def _summary(card: Element, title: str, section: str | None) -> str | None:
    parts = []
    for p in card.iter("p"):
        text = squash(text_content(p))
        if text and text not in (title, section) and not is_boilerplate_phrase(text):
            parts.append(text)
    return "\n\n".join(parts) or None


def _plain_links(el: Element, base: str | None) -> list[tuple[Element, Link]]:
    out = []
    for a in el.iter("a"):
        url = absolute(a.get("href"), base)
        title = squash(text_content(a))
        if url and title and not is_boilerplate_phrase(title):
            out.append((a, Link(url, title)))
    return out
