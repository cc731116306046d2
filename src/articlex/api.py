"""The orchestrator: ``extract()`` wires the stages and holds no heuristics."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from articlex.annex import Joining
from articlex.archives import with_post_cards
from articlex.blocks import build_blocks
from articlex.clean import clean
from articlex.commerce import strip_commerce, with_product_name
from articlex.confidence import confidence
from articlex.copies import drop_copies, drop_responsive_copies
from articlex.decode import decode
from articlex.discussion import DISCUSSION_BOILERPLATE, boilerplate_words
from articlex.dom import comparable, item_elements, link_holders
from articlex.fallback import body_or_page
from articlex.filters import Exclusions, Selection, select_body
from articlex.grids import with_product_grid
from articlex.locate import locate
from articlex.metadata import Metadata, read_metadata, with_detected_language
from articlex.model import Article, Block, Link
from articlex.options import Options
from articlex.parse import parse
from articlex.prescan import prepare
from articlex.related import harvest_related
from articlex.specs import with_spec_tables
from articlex.teasers import drop_teasers
from articlex.thread import find_thread
from articlex.trace import Trace

NO_ARTICLE_WARNING = "no article body found on this page"
LISTING_WARNING = "no single article on this page: the body is its listing of teasers and links"


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    options: Options | None = None,
    content_type: str | None = None,
) -> Article:
    """Extract the article from one HTML page. Never touches the network.

    Args:
        html: the page, as text or as the bytes a server sent (the encoding is found).
        url: the page's URL, used to resolve relative links and images.
        options: what to extract, and the limits; see :class:`Options`.
        content_type: the ``Content-Type`` the server sent with ``html`` bytes
            (``"text/html; charset=shift_jis"``) or a bare charset label; its
            charset outranks the page's ``<meta charset>``, a byte-order mark
            outranks it. Ignored for ``str``.

    Raises:
        articlex.InputError: the input is empty, too large, or not HTML; or a limit
            fired with ``Options(on_limit="raise")`` (:class:`ResourceLimitError`).
        articlex.ParseError: no document tree could be built.
    """
    options = options or Options()
    trace = Trace() if options.trace else None
    decoded = decode(html, max_bytes=options.max_input_bytes, content_type=content_type)
    prepared = prepare(decoded.text, options)
    parsed = parse(prepared.text, options)
    # Which elements hold a link: metadata (tag lists) and related links both ask, so it is gathered once.
    holders = link_holders(parsed.root)
    # Microdata: the discussion check, metadata and the marked body all ask, so it is gathered once.
    items = item_elements(parsed.root)
    meta = read_metadata(parsed.root, url, options, holders=holders, items=items)
    base = url or meta.fields.get("canonical_url")
    # Related links read the pristine tree, which cleaning then takes over.
    related = harvest_related(parsed.root, base, holders) if options.include_related else ()
    thread = find_thread(parsed.root)  # read before cleaning drops the bylines that sign its posts
    words = boilerplate_words(parsed.root, items, threaded=thread is not None)  # a thread's replies are content
    described = meta.product.description if meta.product else ""
    cleaned = clean(parsed.root, trace, words, keep=described, thread=thread)
    drop_teasers(cleaned, base, trace)  # other pages' teasers beside the article
    if meta.product is not None:
        cleaned = strip_commerce(cleaned, meta.product, trace)
    location = locate(cleaned, trace, words, items, described=described, thread=thread)
    drop_responsive_copies(location.elements, trace)  # a block written once per screen size is read once
    found = build_blocks(location.elements, base)
    exclusions = _exclusions(meta)
    selection = select_body(
        found, exclusions, trace, discussion=words is DISCUSSION_BOILERPLATE, product=meta.product is not None
    )
    located = selection
    selection, coverage = body_or_page(cleaned, selection, location.coverage, exclusions, base=base, trace=trace)
    if selection is located and location.elements:
        selection = _joined(Joining(selection, location.elements, cleaned, exclusions, base, trace), meta)
    # A thread's replies quote earlier posts in full: repeats there are the discussion.
    blocks = selection.blocks if thread is not None else drop_copies(selection.blocks, trace)
    body = [b for b in blocks if _wanted(b, options)]
    if meta.product is not None and meta.product.structured:
        body = with_product_name(body, meta.fields.get("headline"))
    meta = with_detected_language(meta, (b.text for b in body))
    warnings = list(decoded.warnings + prepared.warnings + parsed.warnings + meta.warnings)
    if not selection.is_article:
        warnings.append(LISTING_WARNING if body else NO_ARTICLE_WARNING)
    article = _article(url, meta, body, related, warnings)
    steps = tuple(trace.steps) if trace is not None else ()
    return replace(article, confidence=confidence(body, coverage), trace=steps)


def _joined(page: Joining, meta: Metadata) -> Selection:
    """The located body with what its page kind shows outside it (:mod:`articlex.annex`)."""
    if meta.product is not None:
        return with_spec_tables(page)  # a product's facts, printed in a tab of their own
    selection = with_product_grid(page)  # beside a product, a grid would be other products
    if selection is page.selection and meta.fields.get("published") is None:
        selection = with_post_cards(page)  # an archive page: it states no date of its own
    return selection


def _exclusions(meta: Metadata) -> Exclusions:
    lead = meta.fields.get("lead_image")
    summary = comparable(meta.fields.get("description"))
    return Exclusions(
        meta.shown_texts, frozenset({lead.url}) if lead else frozenset(), frozenset({summary} if summary else ())
    )


def _wanted(block: Block, options: Options) -> bool:
    if block.type == "figure":
        return options.include_figures
    return block.type != "table" or options.include_tables


def _article(
    url: str | None, meta: Metadata, body: list[Block], related: tuple[Link, ...], warnings: list[str]
) -> Article:
    f: dict[str, Any] = meta.fields
    return Article(
        url=url,
        canonical_url=f.get("canonical_url"),
        site_name=f.get("site_name"),
        language=f.get("language"),
        headline=f.get("headline"),
        dek=f.get("dek"),
        description=f.get("description"),
        section=f.get("section"),
        labels=tuple(f.get("labels", ())),
        authors=tuple(f.get("authors", ())),
        published=f.get("published"),
        modified=f.get("modified"),
        tags=tuple(f.get("tags", ())),
        lead_image=f.get("lead_image"),
        body=tuple(body),
        related=related,
        warnings=tuple(warnings),
        sources={k: v for k, v in meta.sources.items() if f.get(k)},
    )
