"""Remove what is never article text from the tree.

The tree is cleaned in place: the readers of the pristine tree (metadata,
related links) run first. Copying the whole tree cost more than any pass of
cleaning itself.

Cleaning works on tags, ARIA roles, visibility and class/id words. Wording
("Follow us", "keep reading") is judged later, on blocks, where the text of a
unit is known. Class words are weak evidence, so an element named like
boilerplate is removed only when it is small or made of links; a large prose
element with a "sidebar" or "comments" class stays, and scoring (which weighs
the same words) decides whether it is the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from types import MappingProxyType
from typing import cast

from lxml import etree, html

from articlex.boxes import BOXES, preformatted, space_box
from articlex.discussion import DISCUSSION_BOILERPLATE, ORDINARY_BOILERPLATE
from articlex.dom import BREAK_MARK, class_tokens, contains, elements, link_density, showing, squash, text_content
from articlex.rules.vocab import (
    BOILERPLATE_ROLES,
    BOILERPLATE_TAGS,
    CONSENT_WORDS,
    CONTENT_WORDS,
    CONTROL_WORDS,
    DROP_TAGS,
    EMBEDDED_POST_WORDS,
    HEADER_SCOPE_ROLES,
    HEADER_SCOPE_TAGS,
    REVIEW_WIDGET_WORDS,
    SWALLOWING_TAGS,
    TAB_PANEL_WORDS,
)
from articlex.rules.weights import (
    CLASS_REMOVAL_LINK_DENSITY,
    CLASS_REMOVAL_MAX_SHARE,
    CONTROL_MAX_CHARS,
    DISCLOSED_WRAPPER_MAX_DEPTH,
    NOSCRIPT_KEEP_CHARS,
    PROTECT_TEXT_SHARE,
)
from articlex.streamed import place_streamed
from articlex.thread import signed_post
from articlex.trace import Trace, describe

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTENT_WORDS = frozenset(CONTENT_WORDS)
_TAB_PANEL_WORDS = frozenset(TAB_PANEL_WORDS)
# A hidden panel of tabs waits for its tab: content, not chrome (TAB_PANEL_WORDS).
TAB_PANEL_ROLE = "tabpanel"
_EMBEDDED_POST_WORDS = frozenset(EMBEDDED_POST_WORDS)
# The role is found as an attribute node and its element taken: libxml2 lists attribute
# nodes faster than it tests every element for one ("//*[@role='main']"). "descendant::*"
# leaves the scope's own role out, as the element test did.
_MAIN_LANDMARKS = etree.XPath(".//main|descendant::*/@role[.='main']/..")
# What the page's disclosure controls reveal: the ids that buttons name in "aria-controls".
# Read from the document's elements, not from every node as "//" would (25 -> 20 us a page).
_CONTROLLED_IDS = etree.XPath("/descendant::*/@aria-controls")
# Removed whatever their size: consent dialogs and third-party review widgets.
_CONSENT_WORDS = frozenset(CONSENT_WORDS) | frozenset(REVIEW_WIDGET_WORDS)
_CONTROL_WORDS = frozenset(CONTROL_WORDS)
# The removable words for the two vocabularies that pages are cleaned with, joined
# once: a union of some two hundred words on every call cost 1% of cleaning.
_WITH_CONSENT = MappingProxyType(
    {words: words | _CONSENT_WORDS for words in (ORDINARY_BOILERPLATE, DISCUSSION_BOILERPLATE)}
)
# Dropped outright, except the two checked below: an <svg> that the parser left
# open swallows the rest of the page, and a large <noscript> is the page itself
# as served to crawlers (Discourse forums, for one).
_ALWAYS_DROPPED = tuple(tag for tag in DROP_TAGS if tag not in ("svg", "noscript", *SWALLOWING_TAGS))
_SWALLOWING = tuple(SWALLOWING_TAGS)
#: The attributes _marked_as_chrome reads, and those class_tokens reads.
_STRUCTURE_ATTRIBUTES = frozenset({"role", "hidden", "aria-hidden", "style"})
_NAMING_ATTRIBUTES = frozenset({"class", "id"})


class Evidence(Enum):
    """Why an element looks like boilerplate: its tag or state, or only its class words."""

    NONE = 0
    STRUCTURE = 1
    CLASS = 2


@dataclass(frozen=True, slots=True)
class _Page:
    """What each element's evidence is judged against, gathered once per call of :func:`clean`."""

    removable: frozenset[str]
    disclosed: frozenset[str]
    #: The blockquotes that embed a social post. Most pages have none, and then no
    #: element named like boilerplate has its subtree searched for one.
    embedded_posts: tuple[html.HtmlElement, ...]


def clean(
    root: html.HtmlElement,
    trace: Trace | None = None,
    boilerplate: frozenset[str] = ORDINARY_BOILERPLATE,
    *,
    keep: str = "",
    thread: html.HtmlElement | None = None,
) -> html.HtmlElement:
    """Clean ``root`` in place and return it (read what the pristine tree holds first).

    ``boilerplate`` is the class/id words that mark boilerplate on this page
    (see :func:`articlex.discussion.boilerplate_words`); consent words always do.
    With a ``trace``, each element that looked like boilerplate is recorded as
    removed or kept, with the evidence and its share of the page's text.
    ``keep`` is a text the page must go on showing (a product's structured
    description): the elements that hold it are never removed; nor is ``thread``,
    the container of the page's posts (:func:`articlex.thread.find_thread`).
    """
    removable = _WITH_CONSENT.get(boilerplate) or boilerplate | _CONSENT_WORDS
    tree = root
    place_streamed(tree)  # before <template> goes: it marks where streamed content belongs
    etree.strip_elements(tree, *_ALWAYS_DROPPED, with_tail=False)
    # Found before controls go: shops show a description in a <dialog> drawer.
    kept = showing(tree, keep) if keep else set()
    if thread is not None:
        kept |= {thread, *thread.iterancestors()}
    disclosed = _disclosed(tree)  # read before the buttons that name the panels go
    _drop_leaf_graphics(tree)
    _drop_controls(tree, kept)
    for br in tree.iter("br"):
        br.tail = BREAK_MARK + (br.tail or "")
    body = tree.find("body")
    scope = body if body is not None else tree
    page = _Page(removable, disclosed, _embedded_posts(scope))
    # The landmark's holders are judged as they always were, without the disclosed panels.
    _hoist_main(scope, replace(page, disclosed=frozenset()))
    suspects = _spaced_suspects(scope, kept, page)
    total = len(text_content(scope))
    removed: set[html.HtmlElement] = set()
    # Tags and roles are judged first. Class words are then weighed against the
    # text that is left: menus and footers can hold far more (link) text than
    # the article, so a share of the whole page would make the article small.
    # A menu named only by its class ("menu-drawer", mostly links) leaves too.
    left = total
    taken: dict[html.HtmlElement, int] = {}  # the text each removal took from what is left
    for evidence in (Evidence.STRUCTURE, Evidence.CLASS):
        for index, (el, kind) in enumerate(suspects):
            # isdisjoint() takes the ancestors in C; a generator expression took each in Python.
            if kind is not evidence or (removed and not removed.isdisjoint(el.iterancestors())):
                continue  # goes with its removed ancestor
            text = text_content(el)  # read once: judged on it, and taken from what is left
            verdict = _removable(el, text, kind, total if kind is Evidence.STRUCTURE else left, removable)
            if trace is not None:
                _record(trace, el, kind, verdict, total, removable=removable)
            if verdict:
                removed.add(el)
                left -= _take(el, kind, text, taken, (suspects, index + 1))
    for el in (el for el, _ in suspects if el in removed):
        el.drop_tree()  # the tail is text of the parent: drop_tree keeps it
    return tree


def _spaced_suspects(
    scope: html.HtmlElement, kept: set[html.HtmlElement], page: _Page
) -> list[tuple[html.HtmlElement, Evidence]]:
    """The elements that look like boilerplate, with their evidence; and each block-level
    element spaced from its neighbours (:mod:`articlex.boxes`)."""
    verbatim = preformatted(scope)
    suspects: list[tuple[html.HtmlElement, Evidence]] = []
    for el in scope.iterdescendants():
        # lxml builds a new string at each read of .tag: read once, for both questions.
        tag = el.tag
        if tag in BOXES and el not in verbatim:
            space_box(el)
        if (kept and el in kept) or (kind := _evidence(el, tag, page)) is Evidence.NONE:
            continue
        # Inside <pre>, class words are a highlighter's token kinds ("hljs-comment",
        # "token tag"), never the page's chrome: only tags and hidden state count.
        if kind is Evidence.STRUCTURE or el not in verbatim:
            suspects.append((el, kind))
    return suspects


def _take(
    el: html.HtmlElement,
    kind: Evidence,
    text: str,
    taken: dict[html.HtmlElement, int],
    following: tuple[list[tuple[html.HtmlElement, Evidence]], int],
) -> int:
    """The characters of ``text`` (``el``'s) that removing ``el`` takes from what is left, noted in ``taken``.

    A removal for its tag takes all its text (nothing inside it was judged before it).
    One for its class words takes text only when it is mostly links, a menu named by
    its class, and then less what the removals inside it (its <nav>) already took.
    Other class-named boxes are left in: each of a run of comments, removed one after
    the other, would make the next look large. ``following`` is the suspects and the
    index of the one after ``el``: those inside it come next, in document order.
    """
    size = len(text)
    if kind is Evidence.CLASS:
        if link_density(el, squash(text)) < CLASS_REMOVAL_LINK_DENSITY:  # its text already read: not again
            return 0
        size -= _taken_inside(el, taken, *following)
    taken[el] = size
    return size


def _taken_inside(
    el: html.HtmlElement,
    taken: dict[html.HtmlElement, int],
    suspects: list[tuple[html.HtmlElement, Evidence]],
    index: int,
) -> int:
    """What the removals inside ``el`` took: the suspects inside it follow it in a run
    (document order), so only that run is read, not every removal: on a page of
    thousands of boxes, each removed, asking all of them for each was quadratic."""
    took = 0
    while index < len(suspects) and contains(el, suspects[index][0]):
        took += taken.get(suspects[index][0], 0)
        index += 1
    return took


def _hoist_main(scope: html.HtmlElement, page: _Page) -> None:
    """Move the page's main landmark (``<main>``, ``role="main"``) out of a boilerplate element.

    HTML forbids ``<main>`` inside ``nav``, ``aside``, ``header`` or ``footer``;
    when one holds it anyway, an unclosed menu item made the parser nest the
    page inside, and removing the menu would remove the page. The landmark is
    placed just before the outermost such element, which is then judged alone.
    """
    for landmark in elements(_MAIN_LANDMARKS(scope)):
        holder = None
        for ancestor in landmark.iterancestors():
            if ancestor is scope:
                break
            if _evidence(ancestor, ancestor.tag, page) is not Evidence.NONE:
                holder = ancestor
        if holder is not None:
            _keep_tail(landmark)
            holder.addprevious(landmark)  # moves it, with its subtree


def _keep_tail(el: html.HtmlElement) -> None:
    """Detach ``el``'s tail and leave it where it was: the text after an element belongs to its parent."""
    tail, el.tail = el.tail, None
    if not tail:
        return
    previous, parent = el.getprevious(), el.getparent()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    elif parent is not None:
        parent.text = (parent.text or "") + tail


def _record(
    trace: Trace, el: html.HtmlElement, kind: Evidence, removed: bool, total: int, *, removable: frozenset[str]
) -> None:
    share = len(text_content(el)) / total if total else 0.0
    if kind is Evidence.STRUCTURE:
        rule = "boilerplate tag, role or hidden" + ("" if removed else ", but holds much of the page's text")
    else:
        words = ", ".join(sorted(class_tokens(el) & removable))
        rule = f"class/id words {words}" + ("" if removed else ", but holds much prose that is not links")
    trace.add("clean", "removed" if removed else "kept", describe(el), rule + " (share of page text)", share)


def _drop_leaf_graphics(tree: html.HtmlElement) -> None:
    for el in list(tree.iter("svg", "noscript")):
        # One walk of the subtree in libxml2 (el is neither): two ElementPath searches cost twice as much.
        holds_blocks = next(el.iter("p", "div"), None) is not None
        if holds_blocks and (el.tag == "svg" or len(text_content(el)) >= NOSCRIPT_KEEP_CHARS):
            el.drop_tag()  # keep what the parser wrongly nested inside
        else:
            el.drop_tree()


def _drop_controls(tree: html.HtmlElement, kept: set[html.HtmlElement]) -> None:
    controls = list(tree.iter(*_SWALLOWING))
    if not controls:
        return  # most pages: no reason to read the whole page's text
    body = tree.find("body")
    total = len(text_content(body if body is not None else tree))
    for el in controls:
        if el in kept or len(text_content(el)) > PROTECT_TEXT_SHARE * total:
            el.drop_tag()  # the parser nested the page inside, or it shows what must stay: keep it
        else:
            el.drop_tree()


def _disclosed(tree: html.HtmlElement) -> frozenset[str]:
    """The ids of the panels that the page's controls show and hide ("aria-controls"):
    an accordion's answers, a "Show more" section. Hidden until a reader opens them,
    they are content, as a tab's panel is."""
    values = cast("list[str]", _CONTROLLED_IDS(tree))  # attribute values: strings
    return frozenset(name for value in values for name in value.split())


def _evidence(el: html.HtmlElement, tag: str, page: _Page) -> Evidence:
    """Why ``el`` (whose tag is ``tag``, as read by the caller) looks like boilerplate, if it does."""
    if tag in BOILERPLATE_TAGS or (tag == "header" and _is_banner(el)):
        return Evidence.NONE if tag == "form" and _wraps_articles(el) else Evidence.STRUCTURE
    # The attribute names, read once: most elements carry none of the four that
    # mark structure, and some none at all, so most of the lookups are spared.
    names = el.keys() if isinstance(tag, str) else None
    if not names:
        return Evidence.NONE
    if not _STRUCTURE_ATTRIBUTES.isdisjoint(names) and _marked_as_chrome(el, page.disclosed):
        return Evidence.STRUCTURE
    if _NAMING_ATTRIBUTES.isdisjoint(names):
        return Evidence.NONE
    tokens = class_tokens(el)
    # "post-content sidebar-left": a content word beside a boilerplate word is
    # usually a layout modifier on the article wrapper; let the text decide.
    if tokens.isdisjoint(page.removable) or not tokens.isdisjoint(_CONTENT_WORDS):
        return Evidence.NONE
    # A quoted post ("social-media-embed" around a <blockquote class="twitter-tweet">)
    # is the article quoting someone; share bars and widgets quote nobody.
    return Evidence.NONE if _holds_embedded_post(el, page.embedded_posts) else Evidence.CLASS


def _is_banner(header: html.HtmlElement) -> bool:
    """A ``<header>`` outside every article, section, aside, nav and main is the page's
    banner landmark (HTML gives it the role "banner"): the site's logo and menus, as
    ``role="banner"`` would say. Inside one of those, it heads that part of the page."""
    for ancestor in header.iterancestors():
        if ancestor.tag in HEADER_SCOPE_TAGS or ancestor.get("role") in HEADER_SCOPE_ROLES:
            return False
    return True


def _wraps_articles(form: html.HtmlElement) -> bool:
    """A form around signed ``<article>`` elements (each with its poster or date): forum
    software (Invision) wraps a thread's posts in the form of its moderation tools.
    A form's own fields are never such articles; a shop's product cards are not signed."""
    return any(signed_post(article) for article in form.iter("article"))


def _embedded_posts(scope: html.HtmlElement) -> tuple[html.HtmlElement, ...]:
    return tuple(q for q in scope.iter("blockquote") if not class_tokens(q).isdisjoint(_EMBEDDED_POST_WORDS))


def _holds_embedded_post(el: html.HtmlElement, posts: tuple[html.HtmlElement, ...]) -> bool:
    return any(quote is el or contains(el, quote) for quote in posts)


def _marked_as_chrome(el: html.HtmlElement, disclosed: frozenset[str]) -> bool:
    """A boilerplate ARIA role, or hidden (by attribute, ARIA or inline style) and
    not a tab panel nor a panel that a control on the page discloses."""
    role = el.get("role")
    if role in BOILERPLATE_ROLES:
        return True
    style = el.get("style")
    hidden = el.get("hidden") is not None or (el.get("aria-hidden") == "true" and not _redundant_link(el))
    if not hidden and not (style and _HIDDEN_STYLE.search(style)):
        return False
    if disclosed and _discloses(el, disclosed):
        return False
    return role != TAB_PANEL_ROLE and class_tokens(el).isdisjoint(_TAB_PANEL_WORDS)


def _redundant_link(el: html.HtmlElement) -> bool:
    """A link hidden from assistive technology and taken out of the tab order
    (``aria-hidden="true" tabindex="-1"``): a card's second link to the page its
    headline links (the picture, the excerpt), shown to every sighted reader."""
    return bool(el.tag == "a" and el.get("tabindex") == "-1")


def _discloses(el: html.HtmlElement, disclosed: frozenset[str]) -> bool:
    """``el`` is a panel that a control discloses, or the hidden wrapper of one:
    collapse animations (Chakra's, Bootstrap's) hide a box around the panel the
    button names, and the box shows it, nothing else, when the button is pressed.
    Only a wrapper around that one child counts, a few levels deep at most."""
    node = el
    for _ in range(DISCLOSED_WRAPPER_MAX_DEPTH + 1):
        if node.get("id") in disclosed:
            return True
        children = [child for child in node if isinstance(child.tag, str)]
        if len(children) != 1:
            return False
        node = children[0]
    return False


def _removable(el: html.HtmlElement, text: str, kind: Evidence, total: int, removable: frozenset[str]) -> bool:
    """Whether ``el`` (whose text is ``text``) goes, judged against ``total`` characters of page text."""
    if total == 0:
        return True
    size = len(text)
    if kind is Evidence.STRUCTURE:
        return size <= PROTECT_TEXT_SHARE * total
    tokens = class_tokens(el)
    if not tokens.isdisjoint(_CONSENT_WORDS):
        return True  # a consent dialog is never the article, however much it says
    if tokens & removable <= _CONTROL_WORDS:
        # Named only like a control ("skip"): a control is a short label or a link,
        # and themes reuse the word for sections a reader may skip.
        shown = squash(text)
        return len(shown) <= CONTROL_MAX_CHARS or link_density(el, shown) >= CLASS_REMOVAL_LINK_DENSITY
    return size <= CLASS_REMOVAL_MAX_SHARE * total or link_density(el, squash(text)) >= CLASS_REMOVAL_LINK_DENSITY
