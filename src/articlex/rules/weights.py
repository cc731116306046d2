"""Weights and thresholds of body location and block filtering.

Each constant says how it was chosen. Readability's published constants were
the starting point; changes were measured on the ScrapingHub and WCXB-dev sets
with ``benchmarks/bench.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Paragraphs shorter than this (characters, whitespace collapsed) add no score:
#: captions, labels and buttons are shorter; real sentences are longer (Readability: 25).
MIN_PARAGRAPH_CHARS = 25
#: A cell of a data table is prose mass (see scoring.py) only from this length: a
#: cell of data is a name, a label or a figure (an area's name, "Computer vision",
#: is some 30 characters); a description in a table of services is a sentence.
PROSE_CELL_MIN_CHARS = 50
#: One point per this many characters of a paragraph, capped (Readability: 100 and 3).
CHARS_PER_POINT = 100
MAX_LENGTH_POINTS = 3
#: How much of a paragraph's score reaches each ancestor: parent, grandparent,
#: then divided by 3x the level (Readability.js's propagation, five levels up).
ANCESTOR_LEVELS = 5
#: Score an element starts with, by tag (Readability's initial scores).
TAG_SCORES: Mapping[str, float] = {
    "div": 5,
    "article": 8,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
#: Class/id weight: a content word adds, a boilerplate word subtracts (Readability: 25).
CLASS_WEIGHT = 25
#: A sibling of the top candidate joins the body when its score reaches this share
#: of the top score, or this floor (Readability: 0.2 and 10).
SIBLING_SCORE_SHARE = 0.2
SIBLING_SCORE_FLOOR = 10
#: A bare sibling paragraph joins when longer than this with link density under the cap,
#: or shorter, link-free and ending a sentence (Readability: 80 and 0.25).
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_PARAGRAPH_LINK_DENSITY = 0.25
#: Climbing from the top candidate: a parent scored under this share of the
#: candidate stops the climb (Readability.js: one third).
CLIMB_STOP_SHARE = 1 / 3
#: Alternative candidates scoring within this share of the top one, when at least
#: this many share an ancestor, make the ancestor the body (Readability.js: 0.75, 3).
ALTERNATIVE_SHARE = 0.75
MIN_ALTERNATIVES = 3
#: Short blocks are checked against the boilerplate phrases; longer ones are prose
#: that may quote such words ("readers who follow us know...").
PHRASE_CHECK_MAX_CHARS = 160
#: Appeals to the reader (APPEAL_PHRASES) are checked up to this length: they
#: run to two or three sentences (measured: 175-352 characters on ScrapingHub);
#: prose paragraphs that merely mention such words are longer still or lack them.
APPEAL_CHECK_MAX_CHARS = 400
#: A short block made mostly of link text is navigation, not prose.
LINK_BLOCK_MAX_CHARS = 200
LINK_BLOCK_DENSITY = 0.5
#: A boilerplate phrase block this short is a label ("Don't miss", "Related
#: stories"): the block after it, when mostly links, is its teasers, however long
#: (a row of headlines run together in one paragraph). Labels are a few words;
#: 40 characters leaves out sentences that happen to hold a phrase.
TEASER_LABEL_MAX_CHARS = 40
#: When link blocks hold more than this share of the located text, the page is a
#: listing (teaser cards, link collections, a docs index) and the links are the
#: content: dropping them empties the page. Chosen on WCXB-dev from 0.3/0.5/0.7
#: (listing F1 .563/.558/.556 against .488 with the links always dropped;
#: ScrapingHub articles never reach it).
LISTING_LINK_SHARE = 0.3
#: An element holding more than this share of the page's text is never removed
#: for its tag or hidden state: the tag said "aside", the text says "article".
PROTECT_TEXT_SHARE = 0.5
#: Class words alone remove an element only when it holds at most this share of
#: the page's text, or is mostly links (page builders put "widget" and "share"
#: words on the wrappers of whole articles).
CLASS_REMOVAL_MAX_SHARE = 0.2
CLASS_REMOVAL_LINK_DENSITY = 0.5
#: An element named only like a control (CONTROL_WORDS) is removed when its text
#: is at most this long (or it is mostly links): a control's label is a few words
#: ("Skip to main content", "Skip this section"); a section of prose is longer.
CONTROL_MAX_CHARS = 80
#: A heading longer than this is a title, not a related-posts label ("You may
#: also like", "Das könnte Sie auch interessieren" is 36): read only if shorter.
RELATED_HEADING_MAX_CHARS = 60
#: ...and the container goes only when a card holds a paragraph this long: an
#: excerpt, as long as an article's shortest prose block (ARTICLE_MIN_BLOCK_CHARS).
#: Rows of titles and prices are dropped later as link blocks; removing them
#: early moved the located body of a WCXB-dev product page (F1 0.89 -> 0.64).
RELATED_EXCERPT_MIN_CHARS = 150
#: A run of teaser cards (sibling boxes of one tag and class, each a linked
#: heading over an excerpt) is at least this many: two boxes side by side are
#: often a previous/next pair or a two-column layout of the article itself.
TEASER_MIN_CARDS = 3
#: A card names one post: its headline, and at most a kicker heading above it
#: ("December 2025", "Sponsored Content"). More headings make a section of text.
TEASER_MAX_HEADINGS = 2
#: ...and the runs go only when the page's prose outside them (paragraphs not
#: mostly links) is at least this multiple of the cards' whole text: a page that
#: is mostly cards is a listing, whose cards are what it shows. Measured on
#: WCXB-dev: a short post beside nine excerpts held 0.8 of their text, the intro
#: of a hub page over its cards 0.5; at 1.0 the short post kept its teasers.
TEASER_OUTSIDE_PROSE_SHARE = 0.75
#: An inline element of a paragraph that opens with a picture and holds at least
#: this many links, mostly link text (CLASS_REMOVAL_LINK_DENSITY), is a hover
#: card: the name again and a headline or more. One link beside an inline
#: picture is an icon before a link, which stays.
INLINE_CARD_MIN_LINKS = 2
#: A caption-named element whose parent holds no <img> is still a caption when
#: one of this many ancestors is named like a picture box or a player (the
#: caption's own wrapper, the picture's box, the embed).
CAPTION_BOX_LEVELS = 3
#: A <noscript> with this much text and block content is the page served to
#: crawlers; shorter ones are tracking pixels and "enable JavaScript" notes.
NOSCRIPT_KEEP_CHARS = 200
#: A block this short that is only a date (or date words) is a date line, not prose.
DATE_LINE_MAX_CHARS = 100
#: A body is an article when one prose block reaches this length (teaser
#: summaries on section fronts are one or two short lines)...
ARTICLE_MIN_BLOCK_CHARS = 150
#: ...or when less than this share of its text is links: on a section front
#: every summary comes with a linked headline of about its own length.
TEASER_LINK_DENSITY = 0.3
#: The body must hold this share of the page's prose mass; a candidate with
#: less is widened to its ancestors (content spread over sibling sections).
COVER_SHARE = 0.7
#: A paragraph counts as prose mass when less than this share of it is links.
PROSE_LINK_DENSITY = 0.5
#: ...and is not under a boilerplate-named element within this many levels
#: (chosen on both sets from 5, 10 and no limit: ScrapingHub 0.9617/0.9594/
#: 0.9601, WCXB-dev 0.8480/0.8479/0.8474).
PROSE_MARK_LEVELS = 5
#: Widening stops at a parent whose link density is this much above the
#: candidate's: teaser grids under an article are link-heavy, the sections of a
#: service or product page are not.
WIDEN_LINK_DENSITY_RISE = 0.1
WIDEN_LINK_DENSITY_FLOOR = 0.2
#: Widening reaches the page's <body> only from a candidate holding less than
#: this share of the page's prose: such a candidate is one section of a page
#: built from sibling sections; one holding more is an article beside comments
#: or sidebars. Chosen on WCXB-dev: 0.35 / 0.45 raised service F1 by .009 / .012,
#: no limit by .010 but cost forum .0016 and collection .0006 (threads, shops).
PAGE_WIDEN_SHARE = 0.45
#: A page is a thread (thread.py) when a run of signed sibling posts holds this
#: share of its text: reader comments under an article hold less than the
#: article and the page's chrome together, a forum's posts hold more.
THREAD_PAGE_SHARE = 0.4
#: A thread is a run of at least this many sibling posts built alike:
#: a question and one answer are a thread.
MIN_THREAD_POSTS = 2
#: ...counting only siblings with this much text (a post of one short line is
#: still a post; empty placeholders and separators are not)...
THREAD_POST_MIN_CHARS = 20
#: ...of which at least this share carry a poster or a date (a deleted or
#: anonymous post may lack both; cards of a page layout carry neither).
THREAD_SIGNED_SHARE = 0.8
#: An element marked itemprop="articleBody" is trusted as the body when it holds
#: at least this much text (some templates mark an empty placeholder).
MARKED_BODY_MIN_CHARS = 250

# --- Confidence (articlex.confidence) -------------------------------------
#: A logistic model of three page-level signals, fit (fractional logistic
#: regression) to the per-page F1 of articlex on ScrapingHub and WCXB-dev
#: together: z = BIAS + WORDS * ln(1 + words in the body) + COVERAGE * share of
#: the page's prose inside the body + LINKS * share of the body's text in links.
#: On WCXB-dev, pages under 0.5 averaged F1 0.19, the others 0.85 at fitting time.
CONFIDENCE_BIAS = -1.96
CONFIDENCE_WORDS = 0.47
CONFIDENCE_COVERAGE = 0.85
CONFIDENCE_LINKS = -1.37
#: Confidence is reported to this many decimals (more would be noise).
CONFIDENCE_DECIMALS = 3

#: The whole-page fallback (fallback.py). A body shorter than this many
#: characters is checked against the cleaned page (an article's body is
#: rarely that short; chosen on WCXB-dev from 200/400/800: 800 took the whole
#: page for short ScrapingHub articles)...
FALLBACK_SHORT_CHARS = 400
#: ...or shorter than this when the page did not read as an article, or the
#: body holds under FALLBACK_LOW_COVERAGE of the page's paragraph prose
#: (documentation and service pages whose best container was one section).
FALLBACK_WEAK_SHORT_CHARS = 1500
FALLBACK_LOW_COVERAGE = 0.3
#: The cleaned page replaces the body only when it has this many times the
#: body's text: a page that is short is left short.
FALLBACK_GAIN = 3
#: The coverage reported to the confidence model for a fallback body: it
#: holds all of the page that cleaning kept, but its edges are unknown.
FALLBACK_COVERAGE = 0.5

#: A structured text (a product's description) is found on the page by its first
#: this many characters, compared without spaces or case: enough to be unique,
#: short enough that a page trimming or re-wrapping the rest still matches.
SHOWN_TEXT_PROBE_CHARS = 80

#: A responsive copy (a block written once per screen size) is dropped when its
#: text, whitespace collapsed, has at least this many characters and equals an
#: earlier copy's: shorter texts ("New", "$20") repeat on a page for other reasons.
RESPONSIVE_COPY_MIN_CHARS = 20

#: A product grid has at least this many cards (a linked name and a price each):
#: shops page their categories by 20, 24, 36 or 48 products, where a deals box
#: in an article, a carousel or a "bought together" strip shows fewer (measured
#: on WCXB-dev: 12 took an article's 19-card deals box into its body).
GRID_MIN_CARDS = 20
#: ...and this share of its parent's children of that tag are such cards (the
#: rest: banners and promos set in the grid).
GRID_PRICED_SHARE = 0.75
#: A card holds at most this many characters (white space not counted): a name, a few facts and prices;
#: a longer box is a teaser with an excerpt or an article section.
GRID_CARD_MAX_CHARS = 400
#: The element showing a card's price holds at most this many characters
#: ("Regular price $36.00", "$655.00 $403.00"): a promotion's sentence that
#: mentions a price ("Free shipping on orders over $50") is longer.
GRID_PRICE_MAX_CHARS = 24

#: A blog's archive page (archives.py): a located body shorter than this is the
#: topic's description, and a run of post cards beside it is the listing. Measured
#: on WCXB-dev: 3,000 took two listings' cards; a card run that follows an article
#: is kept out by the article's own date, not by this length.
ARCHIVE_BODY_MAX_CHARS = 3000
#: ...and the run holds at least this many cards: a hub's "promoted" box or a
#: "related posts" strip shows three to five (4 took a hub's five promoted cards).
ARCHIVE_MIN_CARDS = 6
#: ...and most of the run's <article> children are such cards (the rest: promos set
#: in the run), the share a shop's grid asks of its priced cards, for the same reason.
ARCHIVE_CARD_SHARE = GRID_PRICED_SHARE

#: A prose block of at least this many characters whose text the body already
#: showed is a repeat: a forum reply quoting the post above, a reply's preview of
#: the post it answers, a product's short description that its description tab
#: shows again. Shorter texts repeat by chance ("Thanks!", "+1").
REPEAT_MIN_CHARS = 60

#: Copies of the body (copies.py). Blocks shorter than this many characters are
#: not compared: labels, prices and "Read more" repeat on any page by design.
#: A repeat must run over this many such blocks, in the order they first came,
#: holding this many characters and this share of the body's text, to be a copy
#: of the content (a print, mobile or modal copy of the article) rather than
#: lines a page repeats on purpose (a meal plan's days, a feature in each plan
#: card, a note under each table). Chosen on WCXB-dev and ScrapingHub from
#: 25/40/80 characters, 2/3/5 blocks, 0 to 1000 characters and shares of 0 to
#: 0.25: without the share, repeated plans and recipes went (and both sets'
#: truths keep them); the gain held level from 0.15 down to 0.1.
COPY_MIN_BLOCK_CHARS = 25
COPY_MIN_RUN_BLOCKS = 3
COPY_MIN_RUN_CHARS = 300
COPY_MIN_BODY_SHARE = 0.15

#: A hidden box around a disclosed panel (an accordion's collapse wrapper) is the
#: panel's own: collapse components wrap it in one or two boxes of their own.
#: Deeper than this, the box holds more than the panel's frame.
DISCLOSED_WRAPPER_MAX_DEPTH = 2

#: A product's specification table has this many label/value rows at least. Shops
#: split the specifications into a table per group ("Memory": size and type), so
#: small tables count; a single row is a price or a note on its own. Measured on
#: WCXB-dev: 3 and 5 rows kept fewer of the groups the truth holds.
SPEC_TABLE_MIN_ROWS = 2

#: Widening inside <main> stops at a box with more links than this share of its
#: text: a service or product page's sections each end in a "Learn more" link
#: (a third of a short section), a teaser grid is mostly linked headlines.
MAIN_WIDEN_LINK_DENSITY = 0.4
#: ...and only for a candidate holding less than this share of the page's prose:
#: one section among several. A candidate with more is an article column beside
#: a link-heavy sidebar, which the ordinary ceiling keeps out.
SECTION_WIDEN_SHARE = 0.6
