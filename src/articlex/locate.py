"""Find the elements that make up the article body in a cleaned tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree, html

from articlex.discussion import ORDINARY_BOILERPLATE
from articlex.dom import contains, elements, link_density, showing, squash, text_content
from articlex.grids import sells
from articlex.rules.vocab import ENTRY_CONTENT_CLASSES
from articlex.rules.weights import (
    ALTERNATIVE_SHARE,
    CLIMB_STOP_SHARE,
    COVER_SHARE,
    MAIN_WIDEN_LINK_DENSITY,
    MARKED_BODY_MIN_CHARS,
    MIN_ALTERNATIVES,
    PAGE_WIDEN_SHARE,
    SECTION_WIDEN_SHARE,
    SIBLING_PARAGRAPH_CHARS,
    SIBLING_PARAGRAPH_LINK_DENSITY,
    SIBLING_SCORE_FLOOR,
    SIBLING_SCORE_SHARE,
    TEASER_LINK_DENSITY,
    WIDEN_LINK_DENSITY_FLOOR,
    WIDEN_LINK_DENSITY_RISE,
)
from articlex.scoring import Scores, Scoring, class_weight, score_candidates
from articlex.trace import Trace, describe

# The trace lists this many of the best-scored candidates.
TRACED_CANDIDATES = 5

_BODY_PROPERTY = "articleBody"
_QUESTION_TYPE = "Question"
_ARTICLE_BODY = etree.XPath(f".//*[@itemprop='{_BODY_PROPERTY}']")
_ENTRY_CONTENT = frozenset(ENTRY_CONTENT_CLASSES)
_SENTENCE_END = (".", "!", "?", "\u3002", '"', "\u201d")


@dataclass(frozen=True, slots=True)
class Location:
    """The body's elements in document order, and the share of the page's prose they hold."""

    elements: list[html.HtmlElement]
    coverage: float


def locate(
    tree: html.HtmlElement,
    trace: Trace | None = None,
    boilerplate: frozenset[str] = ORDINARY_BOILERPLATE,
    items: Sequence[html.HtmlElement] | None = None,
    *,
    described: str = "",
    thread: html.HtmlElement | None = None,
) -> Location:
    """Find the body; its element list is empty when no prose was found.

    ``boilerplate`` is the page's boilerplate class words, as given to :func:`articlex.clean.clean`;
    ``items``: :func:`articlex.dom.item_elements` of the tree before cleaning, when the caller has them
    (those that cleaning removed are passed over).
    ``described`` is the structured description of the page's subject (a
    product's): when the scored body misses the element that shows it, that
    element is the body, as a marked one is. ``thread`` is the container of
    the page's posts (:func:`articlex.thread.find_thread`): the candidate in
    place of the best-scored post, when cleaning left it in the tree.
    """
    body = tree.find("body")
    scope = body if body is not None else tree
    marked = _marked_body(scope, items)
    scoring = score_candidates(scope, boilerplate)
    if marked is not None:
        if trace is not None:
            trace.add("locate", "candidate", describe(marked), "marked itemprop=articleBody")
        # A forum marks its first post; the replies are prose outside the mark.
        return _located([_widen(marked, scope, scoring, trace)], scope, scoring, trace)
    if thread is not None and not contains(scope, thread):
        thread = None
    chosen = _scored(scope, scoring, trace, thread)
    shown = _described(scope, described)
    if shown is not None and not any(el is shown or contains(el, shown) for el in chosen):
        if trace is not None:
            trace.add("locate", "candidate", describe(shown), "shows the structured description the scored body misses")
        chosen = [_widen(shown, scope, scoring, trace)]
    question = _question(scope, items, chosen)
    if question is not None:
        if trace is not None:
            trace.add("locate", "widened", describe(question), "the schema.org Question the body answers")
        chosen = [question]
    return _located(chosen, scope, scoring, trace) if chosen else Location([], 0.0)


def _question(
    scope: html.HtmlElement, items: Sequence[html.HtmlElement] | None, chosen: list[html.HtmlElement]
) -> html.HtmlElement | None:
    """The schema.org Question that holds the whole body, when the page marks one.

    A Q&A page marks the question with its answers as one Question; the
    answers alone outweigh the question, and scoring takes them for the body.
    """
    if items is None or not chosen:
        return None
    for el in items:
        kinds = (el.get("itemtype") or "").split()
        if not any(kind.rstrip("/").rsplit("/", 1)[-1] == _QUESTION_TYPE for kind in kinds):
            continue
        if contains(scope, el) and all(contains(el, body) for body in chosen):
            return el
    return None


def _scored(
    scope: html.HtmlElement, scoring: Scoring, trace: Trace | None, thread: html.HtmlElement | None = None
) -> list[html.HtmlElement]:
    """The body found by paragraph scores (empty when there are none)."""
    scores = scoring.scores
    if not scores:
        return []
    if trace is not None:
        for el in scores.best(TRACED_CANDIDATES):
            trace.add("locate", "candidate", describe(el), "paragraph score, discounted by link density", scores[el])
    top = scores.best(1)[0]
    if thread is not None and trace is not None:  # every post of a thread, not only the best one
        trace.add("locate", "thread", describe(thread), "holds a run of signed posts (score)", scores.get(thread))
    top = _common_ancestor(top, scores) if thread is None else thread
    top = _climb(top, scores)
    wide = _widen(top, scope, scoring, trace, to_page=True)
    if wide is not top:  # it already holds most of the page's prose: siblings would be sidebars
        return [wide]
    return _with_siblings(top, scores, scoring.negative)


def _located(
    chosen: list[html.HtmlElement], scope: html.HtmlElement, scoring: Scoring, trace: Trace | None
) -> Location:
    page = scoring.mass.get(scope, 0)
    held = sum(scoring.mass.get(el, 0) for el in chosen)
    coverage = min(1.0, held / page) if page else 0.0
    if trace is not None:
        for el in chosen:
            trace.add("locate", "chosen", describe(el), "body element (score)", scoring.scores.get(el))
        trace.add("locate", "coverage", "body", "share of the page's prose inside the body", coverage)
    return Location(chosen, coverage)


def _marked_body(scope: html.HtmlElement, items: Sequence[html.HtmlElement] | None) -> html.HtmlElement | None:
    """The one element the publisher marked as the article body (schema.org
    ``itemprop="articleBody"``), when it holds real text."""
    if items is None:
        marked = elements(_ARTICLE_BODY(scope))
    else:
        marked = [el for el in items if el.get("itemprop") == _BODY_PROPERTY and contains(scope, el)]
    if len(marked) != 1:
        return None
    body = marked[0]
    return body if len(squash(text_content(body))) >= MARKED_BODY_MIN_CHARS else None


def _described(scope: html.HtmlElement, described: str) -> html.HtmlElement | None:
    """The element showing the structured description, when it holds real text."""
    if not described:
        return None
    held = showing(scope, described)
    if len(held) <= 1:
        return None
    deepest = max(held, key=lambda el: len(list(el.iterancestors())))
    return deepest if len(squash(text_content(deepest))) >= MARKED_BODY_MIN_CHARS else None


def _widen(
    top: html.HtmlElement,
    scope: html.HtmlElement,
    scoring: Scoring,
    trace: Trace | None,
    *,
    to_page: bool = False,
) -> html.HtmlElement:
    """Climb until the candidate holds most of the page's prose: pages whose
    content spreads over several sections (services, products) would otherwise
    lose all but one of them.

    ``to_page``: the climb may end at ``scope`` itself (a scored candidate; an
    element the publisher marked or that shows the product's description is
    the content, and the prose beside it on the page is not).
    """
    mass = scoring.mass
    # The scores' link densities: the ancestors climbed here were mostly measured there.
    density = scoring.scores.link_density
    needed = COVER_SHARE * mass.get(scope, 0)
    if mass.get(top, 0) >= needed:
        return top
    entry = next((el for el in top.iterancestors() if el is not scope and _is_entry_content(el)), None)
    if entry is not None and mass.get(entry, 0) >= needed:
        # The post's content, marked so by the page: its own links are not a teaser grid's.
        if trace is not None:
            trace.add("locate", "widened", describe(entry), "the post's marked content holds enough prose", mass[entry])
        return entry
    ceiling = max(density(top) + WIDEN_LINK_DENSITY_RISE, WIDEN_LINK_DENSITY_FLOOR)
    # <main> is the page's declared content: it is entered unless it reads as a teaser grid.
    main_ceiling = max(ceiling, TEASER_LINK_DENSITY)
    # Inside <main>, every box up to it is part of the declared content: when the
    # candidate is a minor part of the page's prose, it is one of a service page's
    # sections (offers with their "Learn more" links), and the boxes above it are
    # judged as <main> is. A candidate holding most of it is an article beside a sidebar;
    # a shop's category page gets its product grid from articlex.grids, not from here.
    minor = mass.get(top, 0) < SECTION_WIDEN_SHARE * mass.get(scope, 0)
    section_ceiling = max(ceiling, MAIN_WIDEN_LINK_DENSITY)
    in_main = minor and any(_is_main(ancestor) for ancestor in top.iterancestors()) and not sells(scope)
    below = top
    for ancestor in top.iterancestors():
        # A candidate in <main> stays there: the page declared where its content is.
        limit = _ceiling(ancestor, in_main, ceiling, main_ceiling, section_ceiling)
        if _is_main(below) or density(ancestor) > limit:
            break
        # The page itself only when the candidate is a minor part of it: the sections
        # of a page built without a wrapper (a service's), not an article with comments.
        if ancestor is scope and (not to_page or mass.get(top, 0) >= PAGE_WIDEN_SHARE * mass.get(scope, 0)):
            break
        below = ancestor
        if mass.get(ancestor, 0) >= needed:
            if trace is not None:
                trace.add("locate", "widened", describe(ancestor), "holds enough of the page's prose", mass[ancestor])
            return ancestor
    return top


def _ceiling(ancestor: html.HtmlElement, in_main: bool, ceiling: float, main: float, section: float) -> float:
    """The link density above which widening stops at ``ancestor``."""
    if in_main:
        return section
    return main if _is_main(ancestor) else ceiling


def _is_entry_content(el: html.HtmlElement) -> bool:
    """Marked by a microformat as the content of the page's post (hAtom ``entry-content``, h-entry ``e-content``)."""
    return not _ENTRY_CONTENT.isdisjoint((el.get("class") or "").split())


def _is_main(el: html.HtmlElement) -> bool:
    """The page's main landmark: ``<main>`` or ``role="main"``."""
    return bool(el.tag == "main" or el.get("role") == "main")


def _common_ancestor(top: html.HtmlElement, scores: Scores) -> html.HtmlElement:
    """When several near-top candidates share an ancestor, the ancestor is the body."""
    best = scores[top]
    rivals = [el for el in scores.at_least(best * ALTERNATIVE_SHARE) if el is not top]
    if len(rivals) < MIN_ALTERNATIVES:
        return top
    for ancestor in top.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        inside = sum(1 for rival in rivals if contains(ancestor, rival))
        if inside >= MIN_ALTERNATIVES:
            return ancestor
    return top


def _climb(top: html.HtmlElement, scores: Scores) -> html.HtmlElement:
    """Move up while a parent scores higher than the candidate (Readability.js)."""
    last = scores.get(top, 0.0)
    threshold = last * CLIMB_STOP_SHARE
    for parent in top.iterancestors():
        if parent.tag in ("body", "html"):
            break
        if parent not in scores:
            continue
        # Most climbs end here, most often on the ceiling: the parent's links are not measured.
        if scores.ceiling(parent) < threshold or scores[parent] < threshold:
            break
        score = scores[parent]
        if score > last:
            return parent
        last = score
    return top


def _with_siblings(top: html.HtmlElement, scores: Scores, negative: frozenset[str]) -> list[html.HtmlElement]:
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(SIBLING_SCORE_FLOOR, scores.get(top, 0.0) * SIBLING_SCORE_SHARE)
    # Readability's bonus: a sibling styled like the top candidate is likely more of it.
    bonus = scores.get(top, 0.0) * SIBLING_SCORE_SHARE
    top_class = top.get("class")
    chosen = []
    for sibling in parent:
        same_class = bool(top_class) and sibling.get("class") == top_class
        if sibling is top or _joins(sibling, scores, threshold, bonus if same_class else 0.0, negative):
            chosen.append(sibling)
    return chosen


def _joins(sibling: html.HtmlElement, scores: Scores, threshold: float, bonus: float, negative: frozenset[str]) -> bool:
    if not isinstance(sibling.tag, str):
        return False
    if (
        sibling in scores
        and scores.ceiling(sibling) + bonus >= threshold  # most siblings fail here, their links not measured
        and scores[sibling] + bonus >= threshold
        and class_weight(sibling, negative) >= 0
    ):
        return True
    if sibling.tag != "p":
        return False
    text = squash(text_content(sibling))
    density = link_density(sibling, text)
    if len(text) > SIBLING_PARAGRAPH_CHARS:
        return density < SIBLING_PARAGRAPH_LINK_DENSITY
    return density == 0 and text.endswith(_SENTENCE_END)
