"""Recognise a discussion thread by its structure: a run of sibling posts.

Forum software (phpBB, vBulletin, XenForo, Discourse, Invision), link
aggregators (Reddit, Lemmy, lobste.rs, Slashdot) and Q&A sites print a thread
as a run of sibling elements built alike (the same tag, the same leading class
word, a post word among their class words), each signed with its poster (a
profile link, an ``author`` property or class) or its date (``<time>``, a date
property or class). When such a run holds much of the page's text, the page
is a thread, declared or not: its replies are content, not reader comments
under an article.

The run is found on the pristine tree, before cleaning removes the bylines
that sign each post; cleaning works in place, so the run's container is the
same element in the cleaned tree.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree, html

from articlex.dom import class_tokens, contains, link_density, text_content
from articlex.rules.vocab import BOILERPLATE_TAGS, DATE_WORDS, POST_WORDS, POSTER_WORDS, PROFILE_PATH_WORDS
from articlex.rules.weights import (
    MIN_THREAD_POSTS,
    PROSE_LINK_DENSITY,
    THREAD_PAGE_SHARE,
    THREAD_POST_MIN_CHARS,
    THREAD_SIGNED_SHARE,
)
from articlex.scoring import BLOCK_TAGS

_DATE_WORDS = frozenset(DATE_WORDS)
_POSTER_WORDS = frozenset(POSTER_WORDS)
_POST_WORDS = frozenset(POST_WORDS)
#: Microdata properties that sign a post: who wrote it, and when.
_SIGNING_PROPERTIES = frozenset({"author", "creator", "datePublished", "dateCreated", "commentTime"})

_Signature = tuple[str, str]


def find_thread(root: html.HtmlElement) -> html.HtmlElement | None:
    """The container of the page's thread of posts, or None when the page is not a thread.

    The container of the outermost run whose posts hold at least
    THREAD_PAGE_SHARE of the page's text: replies nest under the post they
    answer (lobste.rs, Reddit), and the thread is the run of top-level posts.
    """
    body = root.find("body")
    scope = body if body is not None else root
    runs = _runs(scope)
    candidates = [(parent, run) for (parent, _), run in runs.items() if len(run) >= MIN_THREAD_POSTS]
    if not candidates:
        return None  # most pages: no reason to read the page's text
    candidates = [_with_opening_post(parent, run, runs) for parent, run in candidates]
    needed = THREAD_PAGE_SHARE * len(text_content(scope))
    found = [parent for parent, run in candidates if _is_thread(run, needed) and not _outweighed(run, scope)]
    # The outermost: no other container found is above it.
    outer = [parent for parent in found if not any(other in found for other in parent.iterancestors())]
    return outer[0] if outer else None


def _runs(scope: html.HtmlElement) -> dict[tuple[html.HtmlElement, _Signature], list[html.HtmlElement]]:
    """The elements under ``scope`` with a post word among their class words, by parent and signature.

    Pages repeat a class string on many elements (two of every five with a class
    on ScrapingHub's pages), so an element without an id is judged once per class
    string; most elements have none. A quarter less time than judging every
    element alone (1.1 to 0.8 ms a page).
    """
    runs: dict[tuple[html.HtmlElement, _Signature], list[html.HtmlElement]] = defaultdict(list)
    by_class: dict[str, tuple[str, bool]] = {}  # the verdict of _post_words for each class string
    for el in scope.iterdescendants(etree.Element):  # elements only: a PI's get() reads its text
        classes = el.get("class")
        if classes is None:
            continue
        if el.get("id"):
            first, post = _post_words(el, classes)
        else:
            known = by_class.get(classes)
            if known is None:
                known = by_class[classes] = _post_words(el, classes)
            first, post = known
        parent = el.getparent()
        if post and first and parent is not None:
            runs[(parent, (el.tag, first))].append(el)
    return runs


def _post_words(el: html.HtmlElement, classes: str) -> tuple[str, bool]:
    """The first word of ``el``'s class (``classes``; "" when it has none), and whether
    its class and id words hold a post word."""
    words = classes.split()
    if not words:
        return "", False
    return words[0], not class_tokens(el).isdisjoint(_POST_WORDS)


def _with_opening_post(
    parent: html.HtmlElement,
    run: list[html.HtmlElement],
    runs: dict[tuple[html.HtmlElement, _Signature], list[html.HtmlElement]],
) -> tuple[html.HtmlElement, list[html.HtmlElement]]:
    """The run with the thread's opening post, when the forum prints it in a block of
    its own above the replies (XenForo): the one post built as the run's, alone under
    its parent, before the run and outside it. The container is then the nearest
    element holding both."""
    signature = _signature(run[0])
    members = set(run)
    lone = [
        post
        for (other, other_signature), posts in runs.items()
        if other_signature == signature and other is not parent and len(posts) == 1
        for post in posts
        if not any(ancestor in members for ancestor in post.iterancestors())
    ]
    if len(lone) != 1:
        return parent, run
    opening = lone[0]
    holder = next((el for el in opening.iterancestors() if parent is el or contains(el, parent)), None)
    if holder is None or not _precedes(opening, run[0], holder):
        return parent, run
    return holder, [opening, *run]


def _precedes(first: html.HtmlElement, second: html.HtmlElement, holder: html.HtmlElement) -> bool:
    """``first`` comes before ``second`` in ``holder``'s document order."""
    for el in holder.iter():
        if el is first:
            return True
        if el is second:
            return False
    return False


def _is_thread(run: list[html.HtmlElement], needed: float) -> bool:
    sizes = [len(text_content(post).strip()) for post in run]
    if sum(sizes) < needed:
        return False
    posts = [post for post, size in zip(run, sizes, strict=True) if size >= THREAD_POST_MIN_CHARS]
    if len(posts) < MIN_THREAD_POSTS or any(post.find(".//h1") is not None for post in posts):
        return False  # a post is under the thread's title; a column of the layout holds it
    signed = sum(1 for post in posts if signed_post(post))
    return signed >= THREAD_SIGNED_SHARE * len(posts)


def _outweighed(run: list[html.HtmlElement], scope: html.HtmlElement) -> bool:
    """Prose outside the run, under one parent, outweighs the most any post holds under one.

    An article followed by its reader comments: the article's paragraphs
    outweigh any one comment's. A forum's first post is one of the run, and a
    link aggregator's submission is a line or two. Replies nest inside the
    post they answer, so posts are compared by their paragraphs, not whole.
    """
    members = set(run)
    signature = _signature(run[0])
    inside: dict[html.HtmlElement, int] = defaultdict(int)
    outside: dict[html.HtmlElement, int] = defaultdict(int)
    for block in scope.iter("p", "div"):
        parent = block.getparent()
        if parent is None or (block.tag == "div" and any(child.tag in BLOCK_TAGS for child in block)):
            continue  # a div of blocks is not a paragraph (scoring reads divs alike)
        ancestors = list(block.iterancestors())
        if any(ancestor in members for ancestor in ancestors):
            inside[parent] += len(text_content(block))
            continue
        if link_density(block) < PROSE_LINK_DENSITY and not any(_aside(el, signature) for el in ancestors):
            outside[parent] += len(text_content(block))
    return max(outside.values(), default=0) > max(inside.values(), default=0)


def _aside(el: html.HtmlElement, signature: _Signature | None) -> bool:
    """Not the article a run of posts could follow: page chrome, or a post built as the run's
    (XenForo prints the first post in a block of its own, above the replies)."""
    return el.tag in BOILERPLATE_TAGS or _signature(el) == signature


def _signature(el: html.HtmlElement) -> _Signature | None:
    """The tag and first class word: posts share both, whatever state classes follow."""
    if not isinstance(el.tag, str):
        return None
    classes = (el.get("class") or "").split()
    return (el.tag, classes[0]) if classes else None


def signed_post(post: html.HtmlElement) -> bool:
    """The post carries its poster or its date."""
    for el in post.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "time" or el.get("itemprop") in _SIGNING_PROPERTIES:
            return True
        tokens = class_tokens(el)
        if tokens and not (tokens.isdisjoint(_POSTER_WORDS) and tokens.isdisjoint(_DATE_WORDS)):
            return True
        if el.tag == "a" and _profile_link(el.get("href") or ""):
            return True
    return False


def _profile_link(href: str) -> bool:
    path = href.lower()
    return any(word in path for word in PROFILE_PATH_WORDS)
