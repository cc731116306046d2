"""Link lists the page shows about the article: its tags ("Filed under: A, B") and its breadcrumb trail."""

from __future__ import annotations

import re

from lxml import etree, html

from articlex.dom import BREAK_MARK, class_tokens, link_holders, short_text, squash, text_content, xml_words
from articlex.rules.vocab import BREADCRUMB_WORDS, TAG_LABELS, TAG_LIST_NOT_WORDS, TAG_LIST_WORDS

# A tag is a word or a few; a tag list is not a menu of the whole site.
TAG_MAX_WORDS = 5
TAG_LIST_MAX_LINKS = 20
# A breadcrumb trail has a few levels.
CRUMB_MAX_ITEMS = 8
CRUMB_MAX_CHARS = 80
# The longest tag label ("Tagged with:") with room for spaces; longer text is not one.
TAG_LABEL_MAX_CHARS = 20

_TAG_LIST = frozenset(TAG_LIST_WORDS)
_NOT_TAG_LIST = frozenset(TAG_LIST_NOT_WORDS)
_CRUMB = frozenset(BREADCRUMB_WORDS)
_TAG_LABEL = re.compile(rf"^\s*(?:{'|'.join(TAG_LABELS)})\s*:?\s*$", re.IGNORECASE)
#: The letters a tag label opens with ("Tags:", "Filed under:"), matched as the label pattern matches them.
_LABEL_OPENING = re.compile(f"[{''.join(sorted({label[0] for label in TAG_LABELS}))}]", re.IGNORECASE)
_CHROME = frozenset({"nav", "aside", "footer", "header", "menu"})
# The elements that may hold a tag list, in page order; only those with a link, since
# a tag list is made of links: the test spares two thirds of them a Python check.
# (In Python over the link holders gathered once: libxml2's "[descendant::a]" on
# each cost more than the checks it spared.)
_TAG_LIST_TAGS = ("div", "ul", "p", "section", "span", "footer", "dl")
#: The rel value that marks a tag link (one of the attribute's words).
_REL_TAG = "tag"


def shown_tags(root: html.HtmlElement, holders: frozenset[html.HtmlElement] | None = None) -> tuple[str, ...]:
    """Tags linked with rel="tag", else a marked or labelled list of tag links in the page.

    ``holders``: :func:`articlex.dom.link_holders` of ``root``, when the caller has them.
    """
    # Words as XPath's normalize-space() splits them: the test this replaced.
    tagged = _texts(a for a in root.iter("a") if (rel := a.get("rel")) and _REL_TAG in xml_words(rel))
    if tagged:
        return tagged
    if holders is None:
        holders = link_holders(root)
    for el in root.iter(_TAG_LIST_TAGS):
        if el in holders and _is_tag_list(el):
            return _texts(el.iter("a"))
    return ()


def _is_tag_list(el: html.HtmlElement) -> bool:
    tokens = class_tokens(el)
    marked = not tokens.isdisjoint(_TAG_LIST) and tokens.isdisjoint(_NOT_TAG_LIST)
    if not marked and not _is_label(el.text) and not _first_child_is_label(el):
        return False
    links = [squash(text_content(a)) for a in el.iter("a")]
    if not links or len(links) > TAG_LIST_MAX_LINKS or any(len(t.split()) > TAG_MAX_WORDS for t in links):
        return False
    return not any(a.tag in _CHROME or not class_tokens(a).isdisjoint(_NOT_TAG_LIST) for a in el.iterancestors())


def _is_label(text: str | None) -> bool:
    # Most texts asked about are white space between tags: no squash() nor pattern for them.
    return text is not None and not text.isspace() and _TAG_LABEL.match(squash(text)) is not None


def _first_child_is_label(el: html.HtmlElement) -> bool:
    first = next(el.iterchildren(etree.Element), None)  # elements only, filtered in C
    if first is None or first.tag == "a" or not _may_open_label(first.text):
        return False
    return _is_label(short_text(first, TAG_LABEL_MAX_CHARS))


def _may_open_label(text: str | None) -> bool:
    """Whether an element whose own text (before its children) is ``text`` may show a label.

    That text opens the element's whole text, so its first letter rules most elements out
    before their whole text is serialised (2 us an element, on some 120 elements a page).
    """
    opening = (text or "").replace(BREAK_MARK, " ").lstrip()  # what squash() drops first
    return not opening or _LABEL_OPENING.match(opening) is not None


def _texts(links: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for a in links if (t := squash(text_content(a)).lstrip("#"))))  # type: ignore[attr-defined]


def dom_breadcrumbs(root: html.HtmlElement) -> tuple[str, ...]:
    """The names of a breadcrumb trail marked in the page (class, ARIA label or microdata)."""
    for el in root.iter("nav", "ol", "ul", "div", "p"):
        label = (el.get("aria-label") or "").lower()
        marked = "breadcrumb" in label or not class_tokens(el).isdisjoint(_CRUMB)
        if marked or (el.get("itemtype") or "").endswith("BreadcrumbList"):
            crumbs = _crumbs(el)
            if crumbs:
                return crumbs
    return ()


def _crumbs(el: html.HtmlElement) -> tuple[str, ...]:
    items = [squash(text_content(li)) for li in el.iter("li")]
    if not items:
        items = [squash(text_content(a)) for a in el.iter("a")]
        tail = squash(el.xpath("string(./*[last()])")) if len(el) else ""
        if tail and tail not in items:
            items.append(tail)
    items = [i.strip(" >/\u203a\u00bb|") for i in items]
    items = [i for i in items if i and len(i) <= CRUMB_MAX_CHARS]
    return tuple(items) if 0 < len(items) <= CRUMB_MAX_ITEMS else ()
