"""Drop blocks that are not article text, judged on their wording and links."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise

from articlex.dom import comparable
from articlex.metadata.dates import parse_date
from articlex.model import Block
from articlex.phrases import compile_phrases, fold
from articlex.rules.vocab import (
    APPEAL_PHRASES,
    BOILERPLATE_PHRASES,
    CALL_TO_ACTION_LABELS,
    CURRENCY_SIGNS,
    DATE_LINE_WORDS,
    POST_AGE_LINES,
    RELATED_LINE_PREFIXES,
    TAG_LABELS,
)
from articlex.rules.weights import (
    APPEAL_CHECK_MAX_CHARS,
    ARTICLE_MIN_BLOCK_CHARS,
    DATE_LINE_MAX_CHARS,
    LINK_BLOCK_DENSITY,
    LINK_BLOCK_MAX_CHARS,
    LISTING_LINK_SHARE,
    PHRASE_CHECK_MAX_CHARS,
    REPEAT_MIN_CHARS,
    TEASER_LABEL_MAX_CHARS,
    TEASER_LINK_DENSITY,
)
from articlex.trace import Trace, preview

_WORD = re.compile(r"[^\W_]+")
# Every format parse_date(strict=True) reads has a four-digit year (or an ISO
# date): text without four digits in a row is not worth the slow strptime loop.
_YEAR_DIGITS = re.compile(r"\d{4}")
# A number with a currency sign is a price ("$48.00", "€ 12,50"), never a date.
_CURRENCY = frozenset(CURRENCY_SIGNS)
# A rank ("1.") or a score ("9.1") standing alone: in a listing (a ranking's rows) it is
# the entry's, not a date line. Bare integers are left to the date-line rule: there they
# are counts of comments or reviews as often as ranks (measured on WCXB-dev).
_RANK_OR_SCORE = re.compile(r"^\d{1,3}\.(?:\d{1,2})?$")
_PRICE_REASON = "a price standing alone beside a product's description: its buy box"
# A block that is one web address and nothing else, or one shortened in the
# middle as forum software prints a long link ("https://example.org/wiki/2025 ... _table").
_BARE_URL = re.compile(r"^(?:https?:)?//\S+(?: \.\.\. \S+)?$")
# A block of the typesetters' filler text: a template's placeholder, never filled in.
_FILLER = re.compile(r"^lorem ipsum dolor sit amet\b", re.IGNORECASE)
# A block that is a UUID: pages hide "Sponsored" among decoy identifiers (and
# single letters, which stay: they are also an index's A to Z).
_MACHINE_TOKEN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def phrase_pattern(phrases: Collection[str]) -> re.Pattern[str]:
    """The vocabulary's phrases (regular expressions) as one case-insensitive alternation."""
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


_PHRASES = compile_phrases(BOILERPLATE_PHRASES)
_POST_AGE = phrase_pattern(POST_AGE_LINES)
# A button's label, the block's whole text: up to three marks may follow ("Shop now!", "Learn more >").
_CALL_TO_ACTION = re.compile(r"^(?:" + phrase_pattern(CALL_TO_ACTION_LABELS).pattern + r")\W{0,3}$", re.IGNORECASE)
_APPEALS = compile_phrases(APPEAL_PHRASES)
_RELATED_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in RELATED_LINE_PREFIXES) + r")\s*[:\u2014\u2013>»|-]",
    re.IGNORECASE,
)

# "Tags | a, b, c" or "Filed under: a, b": a label written before the tag links.
_TAG_LINE = re.compile(r"^(?:" + "|".join(TAG_LABELS) + r")\s*[:|\n\u2014\u2013-]", re.IGNORECASE)


# The longest text a phrase check reads: a longer one is spared lowercasing.
_PHRASES_READ_MAX_CHARS = max(PHRASE_CHECK_MAX_CHARS, APPEAL_CHECK_MAX_CHARS)

_PHRASE_REASON = "boilerplate phrase"
_LINK_REASON = "mostly links"
_DATE_LINE_REASON = "a date line"
_PROSE_TYPES = frozenset({"paragraph", "list", "quote", "table", "code"})


@dataclass(frozen=True, slots=True)
class Exclusions:
    """Texts and images already returned in their own fields, so not repeated in the body."""

    texts: frozenset[str] = frozenset()
    image_urls: frozenset[str] = frozenset()
    #: The publisher's summary (meta/JSON-LD description): a heading that opens the
    #: body with this text is the standfirst set as a heading, not a section title.
    summaries: frozenset[str] = frozenset()


def is_article(found: list[Block], kept: list[Block]) -> bool:
    """True when the kept blocks read as an article.

    A section front yields short teaser lines whose headlines are links, so
    the blocks found there (before filtering) are link-heavy; an article has
    a long prose block, or prose that is not mostly links.
    """
    if not any(block.type != "figure" for block in kept):
        return False
    if any(block.type in _PROSE_TYPES and len(block.text) >= ARTICLE_MIN_BLOCK_CHARS for block in kept):
        return True
    text = sum(len(block.text) for block in found)
    linked = sum(len(link.text) for block in found for link in block.links)
    return text > 0 and linked / text < TEASER_LINK_DENSITY


@dataclass(frozen=True, slots=True)
class Selection:
    """The body blocks, and whether the page read as an article or as a listing of teasers."""

    blocks: list[Block]
    is_article: bool


def select_body(
    found: list[Block],
    exclusions: Exclusions,
    trace: Trace | None = None,
    *,
    discussion: bool = False,
    product: bool = False,
) -> Selection:
    """Filter the located blocks; on a page that is not an article, keep its teasers.

    ``discussion``: the page is a thread of posts, where a line "2 years ago" is a
    post's age and a long passage shown a second time is a reply quoting, or
    previewing, a post above it. ``product``: the page declares a product, whose
    short description (beside the gallery) its description tab shows again.
    """
    listing = is_listing(found)
    # The wording checks (phrase searches, some microseconds a block) by text: teaser
    # pages repeat texts, and a second pass over the same blocks asks them all again.
    wordings: dict[str, str | None] = {}
    kept = keep_blocks(
        found,
        exclusions,
        keep_links=listing,
        listing=listing,
        trace=trace,
        wordings=wordings,
        thread=discussion,
        repeats=product,
    )
    article = is_article(found, kept)
    if not article and not listing:
        # A section front or link collection: its teasers are the content, and
        # each card's label repeats the page's section.
        kept = keep_blocks(found, exclusions, keep_links=True, listing=True, wordings=wordings)
    if trace is not None:
        rule = "link blocks kept: they carry the page" if listing or not article else "link blocks dropped"
        trace.add("verdict", "article" if article else "listing", "body", rule)
    return Selection(kept, article)


def is_listing(blocks: list[Block]) -> bool:
    """True when link blocks carry much of the text: the links are the page's content."""
    text = [block for block in blocks if block.type != "figure"]
    total = sum(len(block.text) for block in text)
    linked = sum(len(block.text) for block in text if _is_link_block(block))
    return total > 0 and linked > LISTING_LINK_SHARE * total


def keep_blocks(
    blocks: list[Block],
    exclusions: Exclusions,
    *,
    keep_links: bool = False,
    listing: bool = False,
    trace: Trace | None = None,
    wordings: dict[str, str | None] | None = None,
    thread: bool = False,
    repeats: bool = False,
) -> list[Block]:
    """The blocks worth keeping, in order; ``keep_links`` keeps link blocks (a listing's cards),
    ``listing`` drops every repeat of a metadata text (cards repeat the section's label),
    ``thread``: the page is a discussion; a post's age goes, and a long prose passage
    shown a second time (a quote of a post above); ``repeats``: that passage goes on
    a page that is no thread too (a product's description shown twice), and a block
    that only shows a price (the product's buy box; in a grid's cards, prices are content).

    ``wordings``: the wording verdicts by text found so far, filled in here (the caller's, to share them).
    """
    kept: list[Block] = []
    if wordings is None:
        wordings = {}
    # The headline, dek and byline open the body when the located container holds
    # the header: each is dropped once, before the first prose block. Further down,
    # the same text is the article's own (a dek that is also the first paragraph).
    shown = set(exclusions.texts)
    summaries = set(exclusions.summaries)  # like ``shown``, only for headings
    labelled = False  # the block before was a short boilerplate label ("Don't miss", "Related")
    titles = _card_titles(blocks)
    said: set[str] = set()  # the long prose texts kept so far (on a thread, or with ``repeats``)
    for index, block in enumerate(blocks):
        reason = _drop_reason(block, exclusions, wordings, keep_links=keep_links or index in titles)
        reason = _with_said(block, reason, said, thread=thread, repeats=repeats)
        reason = _in_listing(block, reason, listing=listing)
        if reason is None and not keep_links and (labelled or _opens_with_label(block.text)):
            reason = "links under a teaser label" if _link_share(block) > LINK_BLOCK_DENSITY else None
        labelled = reason == _PHRASE_REASON and len(block.text) <= TEASER_LABEL_MAX_CHARS
        if reason is None and shown and block.text and (key := comparable(block.text)) in shown:
            if not listing:
                shown.discard(key)
            reason = "repeats the headline, dek or another metadata field"
        if reason is None and summaries and block.type == "heading" and comparable(block.text) in summaries:
            summaries.clear()
            reason = "the publisher's summary set as a heading: the standfirst"
        if reason is None:
            kept.append(block)
            if block.type in _PROSE_TYPES and not listing:
                shown.clear()
                summaries.clear()
        elif trace is not None:
            trace.add("filter", "dropped", preview(block.type, block.text or block.url or ""), reason)
    return kept


def _in_listing(block: Block, reason: str | None, *, listing: bool) -> str | None:
    """The verdict on a block once the page reads as a listing: a rank or a score
    standing alone ("1.", "9.1") is a row's, not a date line."""
    if listing and reason == _DATE_LINE_REASON and _RANK_OR_SCORE.match(block.text):
        return None
    return reason


def _with_said(block: Block, reason: str | None, said: set[str], *, thread: bool, repeats: bool) -> str | None:
    """The verdict on a block once what the body said above counts: on a thread
    (:func:`_in_thread`), or with ``repeats`` (a product's page), a long passage shown
    again or a price standing alone: the product's buy box."""
    if thread:
        return _in_thread(block, reason, said)
    if repeats and reason is None:
        return _PRICE_REASON if _is_price(block.text) else _repeat_reason(block, said)
    return reason


def _in_thread(block: Block, reason: str | None, said: set[str]) -> str | None:
    """The verdict on a block of a thread (``said``: see :func:`_thread_reason`):
    the date that signs each post is the thread's, not a stray date line."""
    if reason is None:
        return _thread_reason(block, said)
    if reason == _DATE_LINE_REASON and _is_date(block.text):
        return None
    return reason


def _thread_reason(block: Block, said: set[str]) -> str | None:
    """Why a block of a thread is not its text: a post's age, or a long prose block that
    repeats a passage above (recorded in ``said``)."""
    if len(block.text) <= DATE_LINE_MAX_CHARS and _POST_AGE.fullmatch(block.text.strip()):
        return "a post's age beside its poster"
    return _repeat_reason(block, said)


def _repeat_reason(block: Block, said: set[str]) -> str | None:
    """Why a long prose block is not text: it repeats a passage kept above (recorded
    in ``said``), as a reply's quote or a product's description tab does."""
    if block.type not in _PROSE_TYPES or len(block.text) < REPEAT_MIN_CHARS:
        return None
    key = comparable(block.text)
    if key in said:
        return "repeats a passage above: a quote of a post, a product's description shown again"
    said.add(key)
    return None


def _card_titles(blocks: list[Block]) -> frozenset[int]:
    """The positions of linked headings followed by prose that is not links: a card's
    title over its summary (a course, a service, a story), the content of a page of
    cards. A linked heading over another heading or a picture is a teaser stack's."""
    return frozenset(
        index
        for index, (block, after) in enumerate(pairwise(blocks))
        if block.type == "heading"
        and block.links
        and after.type in _PROSE_TYPES
        and after.text
        and not _is_link_block(after)
    )


def is_boilerplate_phrase(text: str) -> bool:
    """Text that contains one of the boilerplate phrases ("Follow us", "keep reading")."""
    return _PHRASES.found_in(text, fold(text))


def is_related_line(text: str) -> bool:
    """A line like "Related: Another story" that points elsewhere."""
    return bool(_RELATED_LINE.match(text))


def _drop_reason(
    block: Block, exclusions: Exclusions, wordings: dict[str, str | None], *, keep_links: bool
) -> str | None:
    """Why the block is not article text; None when it is. ``wordings``: verdicts of
    :func:`_wording_reason` by text, read and filled in here."""
    if block.type == "figure":
        return "the lead image, already returned" if block.url in exclusions.image_urls else None
    if not block.text:
        return "empty"
    if block.type == "code":
        return None
    text = block.text
    if text in wordings:
        reason = wordings[text]
    else:
        reason = wordings[text] = _wording_reason(text)
    if reason is None and not keep_links and _is_link_block(block):
        reason = _LINK_REASON
    if reason is None and not keep_links and _is_tag_line(block):
        reason = "a tag list"
    return reason


def _wording_reason(text: str) -> str | None:
    reason = _phrase_reason(text, fold(text)) if len(text) <= _PHRASES_READ_MAX_CHARS else None
    if reason is None and len(text) <= DATE_LINE_MAX_CHARS and (_is_date(text) or _is_date_line(text)):
        return _DATE_LINE_REASON
    return reason or _machine_text_reason(text)


def _phrase_reason(text: str, folded: str | None) -> str | None:
    """Why a text up to _PHRASES_READ_MAX_CHARS reads as boilerplate by its wording;
    ``folded``: :func:`fold` of the text, lowercased once for every phrase search."""
    short = len(text) <= PHRASE_CHECK_MAX_CHARS
    if short and _PHRASES.found_in(text, folded):
        return _PHRASE_REASON
    if short and is_related_line(text):
        return "a related-link line"
    if short and _CALL_TO_ACTION.match(text):
        return "a call-to-action button's label"
    if len(text) <= APPEAL_CHECK_MAX_CHARS and _APPEALS.found_in(text, folded):
        return "an appeal to the reader"
    return None


def _machine_text_reason(text: str) -> str | None:
    """An address or identifier printed as text: no words a reader reads."""
    if _BARE_URL.match(text):
        return "a bare URL: an image or tracking address printed as text"
    if _MACHINE_TOKEN.match(text):
        return "a machine identifier (UUID) printed as text"
    if _FILLER.match(text):
        return "placeholder filler text (lorem ipsum) left in a template"
    return None


def _is_date(text: str) -> bool:
    return _YEAR_DIGITS.search(text) is not None and parse_date(text, strict=True) is not None


def _is_date_line(text: str) -> bool:
    """Only date words and numbers, and no price: "Updated 5:27 am CST, Wednesday, November 20, 2019"."""
    words = _WORD.findall(text.lower())
    if not words or not _CURRENCY.isdisjoint(text):
        return False
    return all(w.isdigit() or w in DATE_LINE_WORDS for w in words)


def _is_price(text: str) -> bool:
    """Only numbers, with a currency sign: "$48.00", "€ 12,50 € 9,99"."""
    if _CURRENCY.isdisjoint(text):
        return False
    words = _WORD.findall(text)
    return bool(words) and all(w.isdigit() for w in words)


def _opens_with_label(text: str) -> bool:
    """The block's first line is a teaser label ("DON'T MISS<br>headline, headline")."""
    first, _, rest = text.partition("\n")
    return bool(rest) and len(first) <= TEASER_LABEL_MAX_CHARS and is_boilerplate_phrase(first)


def _link_share(block: Block) -> float:
    if not block.links or not block.text:
        return 0.0
    return sum(len(link.text) for link in block.links) / len(block.text)


def _is_tag_line(block: Block) -> bool:
    """A labelled list of tag links of any length ("Tags | a, b, c"): short link
    blocks are caught by density alone, long ones only with the label."""
    if not block.links or not _TAG_LINE.match(block.text):
        return False
    return sum(len(link.text) for link in block.links) / len(block.text) > LINK_BLOCK_DENSITY


def _is_link_block(block: Block) -> bool:
    if not block.links:
        return False
    linked = sum(len(link.text) for link in block.links)
    if block.type == "list":
        return linked / max(1, len(block.text)) > LINK_BLOCK_DENSITY
    return len(block.text) <= LINK_BLOCK_MAX_CHARS and linked / len(block.text) > LINK_BLOCK_DENSITY
