"""Vocabularies, one per concept. Each entry carries the reason it is there.

The cleaner and the related-link harvester read the same tables: what
cleaning drops as "related" is exactly what the harvester turns into links.
Words are matched against the tokens of an element's ``class`` and ``id``
(split on anything that is not a letter or digit, lower-cased), so ``ad``
matches ``ad-slot`` but not ``header`` or ``download``.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Tags whose content is never article text.
DROP_TAGS: Mapping[str, str] = {
    "script": "code, not text (JSON-LD is read from the pristine tree)",
    "style": "presentation",
    "noscript": "fallback markup, usually tracking pixels or 'enable JavaScript'",
    "template": "inert markup for scripts",
    "svg": "icons and drawings; their <text> is labels, not prose",
    "canvas": "drawing surface",
    "iframe": "embedded third-party pages (ads, players, social posts)",
    "object": "plugins",
    "embed": "plugins",
    "input": "form controls carry no article text",
    "select": "form controls",
    "textarea": "form controls (comment boxes)",
    "button": "controls: 'Show less', 'Subscribe', share buttons",
    "option": "form controls",
    "dialog": "modals: cookie consent, paywalls, newsletter popups",
    "link": "head references",
    "meta": "metadata, read separately",
    "head": "never rendered as content",
}

#: Dropped tags that an unclosed start tag can make swallow the rest of the page
#: (the parser nests everything after it inside): when one holds more than
#: PROTECT_TEXT_SHARE of the page's text, its tag is dropped and its content kept.
SWALLOWING_TAGS: Mapping[str, str] = {
    "button": "an unclosed <button> in a header menu swallows <main>",
    "dialog": "an unclosed menu <dialog> swallows the page",
}

#: Block-level tags: a browser lays each out as its own box, so its text never runs
#: into its neighbours' (``boxes.py`` gives each a space on either side).
BOX_TAGS: Mapping[str, str] = {
    "p": "a paragraph",
    "div": "the generic box: cards, rows and grid cells",
    "section": "a section of the page",
    "article": "a self-contained unit: a post, a card",
    "header": "a header box",
    "footer": "a footer box",
    "aside": "a side box",
    "nav": "a menu box",
    "main": "the main box",
    "li": "a list item",
    "ul": "a list",
    "ol": "a list",
    "dl": "a description list",
    "dt": "a term",
    "dd": "its description",
    "h1": "a heading",
    "h2": "a heading",
    "h3": "a heading",
    "h4": "a heading",
    "h5": "a heading",
    "h6": "a heading",
    "table": "a table",
    "tr": "a table row",
    "td": "a table cell",
    "th": "a table header cell",
    "caption": "a table caption",
    "blockquote": "a quotation",
    "figure": "a figure",
    "figcaption": "a figure's caption",
    "address": "contact details",
    "hr": "a rule between sections",
    "details": "a disclosure box",
    "summary": "its label",
    "fieldset": "a group of controls",
}

#: Structural tags that are boilerplate wherever they stand outside the article body.
BOILERPLATE_TAGS: Mapping[str, str] = {
    "nav": "site and section navigation",
    "footer": "page or article footers: copyright, links, 'Follow us'",
    "aside": "sidebars, pull-outs and related boxes",
    "menu": "menus",
    "form": (
        "sign-up, search and comment forms (kept when they wrap the page, or signed posts: "
        "a forum's moderation form, see clean.py)"
    ),
}

#: ARIA roles that mark boilerplate landmarks.
BOILERPLATE_ROLES: Mapping[str, str] = {
    "navigation": "navigation landmark",
    "banner": "the page header landmark (logo, menus)",
    "contentinfo": "the page footer landmark",
    "complementary": "sidebars",
    "search": "search forms",
    "dialog": "modals",
    "alertdialog": "modals",
    "menu": "menus",
    "menubar": "menus",
}

#: Elements (by tag, or by the ARIA role that stands for it) that scope a ``<header>``:
#: HTML maps a header to the page's banner landmark (logo, menus) only when it has
#: none of these above it; inside one, it is that section's or article's own header.
HEADER_SCOPE_TAGS: Mapping[str, str] = {
    "article": "an article's header: its headline and byline",
    "aside": "a side box's header",
    "main": "the main content's header: a page's title and intro",
    "nav": "a menu's header",
    "section": "a section's header: its heading",
}
HEADER_SCOPE_ROLES: Mapping[str, str] = {
    "article": "as <article>",
    "complementary": "as <aside>",
    "main": "as <main>",
    "navigation": "as <nav>",
    "region": "as <section>",
}

#: class/id tokens of boilerplate containers.
BOILERPLATE_WORDS: Mapping[str, str] = {
    "nav": "navigation",
    "navbar": "navigation",
    "navigation": "navigation",
    "menu": "menus",
    "breadcrumb": "breadcrumb trails (read by metadata from the pristine tree)",
    "breadcrumbs": "breadcrumb trails",
    "footer": "footers",
    "rodape": "footers on Portuguese-language templates (rodapé: footer)",
    "sidebar": "sidebars",
    "share": "share bars",
    "sharing": "share bars",
    "sharebar": "share bars",
    "social": "'Follow us on social' prompts and icon rows",
    "newsletter": "newsletter sign-up boxes",
    "subscribe": "subscription prompts",
    "subscription": "subscription prompts",
    "signup": "sign-up boxes",
    "promo": "in-body promotions",
    "cookie": "cookie banners",
    "cookies": "cookie banners",
    "banner": "banners",
    "ad": "advertising slots",
    "ads": "advertising slots",
    "advert": "advertising",
    "advertisement": "advertising",
    "adslot": "advertising",
    "sponsor": "sponsored blocks",
    "sponsored": "sponsored blocks",
    "outbrain": "recommendation widgets",
    "taboola": "recommendation widgets",
    "comment": "reader comments",
    "comments": "reader comments",
    "disqus": "reader comments",
    "popup": "modals",
    "modal": "modals",
    "overlay": "modals",
    "paywall": "paywall prompts",
    "facets": "a shop's faceted-search filters beside its product grid (Shopify's 'facets-wrapper', 'facets__form')",
    "pagination": "pagers",
    "pager": "pagers",
    "nextprev": "'next-prev' links to the neighbouring posts, with their teasers",
    "prevnext": "'prev-next' links to the neighbouring posts",
    "skip": "'skip to content' links",
    "toolbar": "toolbars",
    "masthead": "site header",
    "login": "account prompts",
    "byline": "bylines (read by metadata from the pristine tree)",
    "dateline": "dates (read by metadata)",
    "kicker": "label trails above the headline (read by metadata)",
    "eyebrow": "label trails above the headline (read by metadata)",
    "tags": "tag lists (read by metadata)",
    "screenreader": "screen-reader helpers",
    "sronly": "screen-reader helpers",
    "visuallyhidden": "screen-reader copies of what the page shows as icons ('Rating: 4.6 out of 5')",
    "print": "print-only chrome",
    "trending": "trending lists",
    "popular": "most-popular lists",
    "mostread": "most-read lists",
    "latest": "latest-news lists",
    "author": "author boxes and bios (read by metadata)",
    "bio": "author bios",
    "copyright": "copyright lines",
    # Forum posts: the panel beside each post repeats the poster's rank and counts,
    # and the signature under it is the same on every post (phpBB, vBulletin,
    # XenForo, Invision name them so). The poster's name stays: it is not in these.
    "userextras": "forum poster panel: join date, message count, reaction score",
    "usertitle": "forum poster rank ('Well-known member', 'Senior Member')",
    "userstats": "forum poster panel: post counts",
    "postprofile": "forum poster panel (phpBB): rank, post count, join date",
    "signature": "forum signatures, repeated under every post of a member",
    "signatures": "forum signatures",
}

#: class/id tokens of consent managers. Unlike the other boilerplate words, these
#: remove an element whatever its size: a cookie dialog's vendor lists and purpose
#: texts can outweigh a short post, and no template names an article "consent".
CONSENT_WORDS: Mapping[str, str] = {
    "consent": "consent banners and preference centres",
    "gdpr": "consent banners",
    "onetrust": "the OneTrust consent manager (onetrust-consent-sdk, onetrust-pc-sdk)",
    "cookiebanner": "'cookie-banner' containers",
    "cookienotice": "'cookie-notice' containers",
    "cookieconsent": "'cookie-consent' and cookieconsent.js containers",
    "fides": "the Fides consent manager (fides-overlay, fides-banner, fides-modal)",
}

#: class/id tokens of a third-party review widget's markup: its vendor's name,
#: which the widget's script puts on every element it draws. Shoppers' reviews
#: drawn by a vendor's script are never the page author's text, on a product page
#: or beside it, so they go whatever their size, as a consent dialog does. The
#: generic "review" is not here: a review is an article's subject too.
REVIEW_WIDGET_WORDS: Mapping[str, str] = {
    "yotpo": "Yotpo",
    "bazaarvoice": "Bazaarvoice",
    "okendo": "Okendo",
    "jdgm": "Judge.me",
    "powerreviews": "PowerReviews",
    "stamped": "Stamped.io",
    "loox": "Loox",
    "trustpilot": "Trustpilot's embedded widgets",
}

#: class/id tokens of a tab or accordion panel. A hidden panel is not chrome:
#: it waits for its tab to be picked, and product details, specifications,
#: documentation examples and service descriptions sit in such panels (the
#: issue's "content in tabs"). role="tabpanel" says the same in ARIA.
TAB_PANEL_WORDS: Mapping[str, str] = {
    "tabpanel": "'tab-panel', 'tabpanel' (also role=\"tabpanel\")",
    "tabpane": "Bootstrap's 'tab-pane'",
    "tabcontent": "'tab-content' panels and the w3.css/w3schools 'tabcontent' pattern",
}

#: First words of a compound class name that negate the rest: the words after
#: them name what the element is not or does not show, so they are not read as
#: its class words (the compound itself still is, "hidecomments"). Not "no":
#: "no-comments" marks a comment counter that says "No comments" (measured: a
#: ScrapingHub page lost 0.018 F1 with it).
NEGATING_CLASS_PREFIXES: Mapping[str, str] = {
    "hide": "'hide-read-more-ad', 'hide-comments': a switch that turns one off",
    "without": "'without-sidebar': a layout without one",
}

#: schema.org types that make a page a discussion thread: there the replies are
#: the content. Not QAPage: under Stack Exchange answers, "comments" are the
#: short remarks a reader skips (measured: 8 WCXB-dev Q&A pages lost 0.03-0.23 F1).
DISCUSSION_TYPES: Mapping[str, str] = {
    "DiscussionForumPosting": "a forum thread (Discourse, XenForo, Invision, phpBB extensions)",
}

#: Boilerplate words that name the replies of a discussion: on a page of one of the
#: DISCUSSION_TYPES they mark the thread itself, not reader comments under an article.
DISCUSSION_WORDS: Mapping[str, str] = {
    "comment": "a reply of a thread (Reddit, Lemmy, Slashdot, lobste.rs name posts so)",
    "comments": "the list of replies of a thread",
}

#: class/id tokens of the poster of a forum post or reply: with a date (DATE_WORDS)
#: they sign each post of a thread (see thread.py).
POSTER_WORDS: Mapping[str, str] = {
    "author": "post authors (Reddit's a.author, Invision, WordPress comments)",
    "username": "XenForo, vBulletin, phpBB and Discourse user names",
    "user": "user blocks beside posts ('post-user', 'user-info')",
    "poster": "phpBB, vBulletin ('poster', 'postername')",
    "creator": "Discourse's crawler view ('creator'), Lemmy",
    "submitter": "link aggregators' submitter lines",
    "nickname": "Asian forum software ('nickname')",
}

#: class/id tokens of one post of a thread, in forum and comment software: the
#: members of a run of posts carry one (thread.py), the columns and cards of a
#: page layout do not.
POST_WORDS: Mapping[str, str] = {
    "post": "phpBB div.post, Discourse crawler-post, generic 'post' blocks",
    "postbit": "vBulletin postbit",
    "postcontainer": "vBulletin li.postcontainer",
    "message": "XenForo article.message",
    "comment": "Reddit, Lemmy, Slashdot, lobste.rs, Invision ipsComment",
    "comments": "lobste.rs li.comments_subtree around a reply and its answers",
    "reply": "reply blocks ('reply-body', 'forum-reply')",
    "answer": "Stack Exchange div.answer",
    "thing": "Reddit's div.thing around every comment",
    "topic": "Discourse topic-body",
}

#: URL path parts of a poster's profile page: a link to one signs a post (thread.py).
PROFILE_PATH_WORDS: Mapping[str, str] = {
    "/u/": "Discourse, Lemmy, Reddit user pages",
    "/user/": "Reddit, Drupal and generic user pages",
    "/users/": "Stack Exchange user pages",
    "/members/": "XenForo member pages",
    "/member/": "generic member pages",
    "/profile": "Invision and generic profiles",
    "viewprofile": "phpBB memberlist.php?mode=viewprofile",
    "member.php": "vBulletin member pages",
    "/~": "lobste.rs and Unix-style user pages",
}

#: class/id tokens of related-content containers: dropped by cleaning, harvested as links.
RELATED_WORDS: Mapping[str, str] = {
    "related": "related stories",
    "recommended": "recommendations",
    "recommendations": "recommendations",
    "recirculation": "recirculation modules",
    "recirc": "recirculation modules",
    "readmore": "read-more lists",
    "readnext": "read-next modules",
    "morestories": "'more stories' modules",
    "morenews": "'more news' modules",
    "upnext": "'up next' modules",
}

#: class/id tokens of a shop's furniture around a product's description: dropped
#: on product pages only (see commerce.py), where the body is the description.
#: A word that names a thing on sale ("bag", "watch") or its properties is not here.
#: Buy-box words are a table of their own (BUY_BOX_WORDS).
COMMERCE_WORDS: Mapping[str, str] = {
    "review": "customer review widgets",
    "reviews": "customer review widgets",
    "rating": "star ratings",
    "ratings": "star ratings",
    "yotpo": "a review widget vendor",
    "bazaarvoice": "a review widget vendor",
    "okendo": "a review widget vendor",
    "jdgm": "Judge.me review widgets",
    "trustpilot": "a review widget vendor",
    "powerreviews": "a review widget vendor",
    "wishlist": "wish-list buttons",
    "shipping": "shipping estimates and policies",
    "delivery": "delivery estimates",
    "klarna": "pay-later widgets",
    "afterpay": "pay-later widgets",
    "upsell": "upsell carousels",
    "crosssell": "cross-sell carousels",
    "recentlyviewed": "recently-viewed carousels",
}

#: Whole texts of a heading over a shop's carousel of other products. On a
#: product page (commerce.py) the section that opens with one is dropped, however
#: its cards are built: rows of titles and prices outweigh a short description.
#: Matched case-insensitively against the heading's whole text, colon stripped.
RECOMMENDATION_HEADINGS: Mapping[str, str] = {
    r"similar (items|products)( you may like)?": "'Similar items' carousels",
    r"(people|customers|shoppers) who (viewed|bought) this( item| product)? also (viewed|bought)": (
        "'People who viewed this item also viewed' carousels"
    ),
    r"(customers|people|shoppers) also (viewed|bought|liked)": "'Customers also bought' carousels",
    r"frequently bought together": "bundle carousels",
    r"(you may|you might) also (like|need)": "'You may also like' carousels",
    r"(related|recommended) (items|products)": "related-products carousels",
    r"recently viewed( items| products)?": "recently-viewed carousels",
    r"sponsored (items|products)( related to this item)?": "sponsored-products carousels",
    r"more (items|products) (like this|from this (seller|brand|store))": "'More items like this' carousels",
    r"complete the look|pairs well with": "outfit and accessory carousels",
}

#: class/id tokens of a carousel (a slider of cards scrolled sideways). A shop's
#: category page lays its products out in a grid; the products it slides past in a
#: carousel are others: "Customers also bought", sponsored or recently viewed.
#: The names are the generic word and the common slider libraries'.
CAROUSEL_WORDS: Mapping[str, str] = {
    "carousel": "the generic name (Bootstrap's, many themes')",
    "slider": "the generic name",
    "swiper": "the Swiper library",
    "slick": "the slick library",
    "splide": "the Splide library",
    "glide": "the Glide library",
    "flickity": "the Flickity library",
}

#: class/id tokens of a product's buy box: dropped only where schema.org data declares
#: the product (a collection page can carry a product og:type; its prices are content).
#: "cart", "quantity" and "stock" were measured on WCXB-dev and left out: the pages'
#: truth keeps the stock and the seller's terms as part of a listing.
BUY_BOX_WORDS: Mapping[str, str] = {
    "price": "prices, sale prices, unit prices",
}

#: class/id tokens that mark the article body: protect an element from cleaning.
CONTENT_WORDS: Mapping[str, str] = {
    "article": "article containers",
    "content": "content containers",
    "entry": "blog entry containers",
    "post": "blog post containers",
    "story": "news story containers",
    "body": "body containers",
    "text": "text containers",
    "main": "main containers",
    "prose": "prose containers",
    "articlebody": "schema.org articleBody",
}

#: Boilerplate class words (BOILERPLATE_WORDS) that name a control: alone, they
#: remove an element only when it is a short label or mostly links, for themes
#: give the same word to whole sections ("skip-item" around each part of a guide).
CONTROL_WORDS: Mapping[str, str] = {
    "skip": "'skip to content' / 'skip this section' links and buttons",
}

#: Whole class names that microformats give the content of a post: the body is
#: widened to such an element however many links its prose carries (a post's own
#: links are not a teaser grid's). Matched as whole class names, not words.
ENTRY_CONTENT_CLASSES: Mapping[str, str] = {
    "entry-content": "hAtom (microformats 1): the content of an hentry; WordPress themes print it on single posts",
    "e-content": "h-entry (microformats 2): the content of the post",
}

#: class/id tokens of a <blockquote> that embeds a social-media post the article
#: quotes: an element holding one is not removed for its class words ("social").
EMBEDDED_POST_WORDS: Mapping[str, str] = {
    "tweet": "Twitter/X embeds: blockquote.twitter-tweet",
    "instagram": "Instagram embeds: blockquote.instagram-media",
    "tiktok": "TikTok embeds: blockquote.tiktok-embed",
    "bluesky": "Bluesky embeds: blockquote.bluesky-embed",
    "mastodon": "Mastodon embeds: blockquote.mastodon-embed",
}

#: Labels of call-to-action buttons and links ("Learn more", "Book now", "Get a
#: quote"): a block that is one of them and nothing else (up to three trailing
#: marks, "Shop now!", "Learn more >") is a control, not content. Matched
#: case-insensitively against a block's whole text, so a sentence that uses the
#: words stays. A label of its own reason: unlike "Related", it heads no list.
CALL_TO_ACTION_LABELS: Mapping[str, str] = {
    r"(learn|find out|discover|see|read|view|show|load) more": "links to the page's detail, teaser expanders",
    r"(see|view|explore|shop|browse) (all|more|details)": "links to a fuller listing",
    (
        r"(book|buy|shop|order|apply|register|enrol|enroll|sign up|subscribe|donate|download|try it|get started"
        r"|contact us|get in touch)( now| today| here| for free| free)?"
    ): "buttons that act: book, buy, apply, sign up, contact",
    r"(request|book|schedule|get) (a|an|your) (free )?(demo|quote|estimate|consultation|call)( now| today)?": (
        "sales buttons: 'Request a demo', 'Get your free quote'"
    ),
    r"quick (view|shop|add|look)|(add to )?compare|add to (cart|bag|basket|wish ?list|favou?rites)": (
        "a product card's controls: 'Quick view', the 'Compare' box, 'Add to cart'"
    ),
}

#: Phrases that mark a short element as boilerplate wherever it stands.
#: Matched case-insensitively against the whole text of short elements.
BOILERPLATE_PHRASES: Mapping[str, str] = {
    r"follow us": "social prompts",
    r"share (this|on|via)": "share prompts",
    r"subscribe( now| today| to)": "subscription prompts",
    r"sign up (for|to|now)": "sign-up prompts",
    r"keep reading": "teaser card expanders",
    r"show (less|more)": "teaser card toggles",
    r"read more": "teaser links",
    r"^advertisement$": "ad labels",
    r"^(sponsored|ad|ads)$": "ad labels",
    r"^related( stories| articles| content| coverage)?:?$": "related headings",
    r"^(more|latest) (stories|news|from)": "recirculation headings",
    r"all rights reserved": "copyright lines",
    r"cookies?( policy| settings)?\b.*\b(accept|consent|use)": "cookie banners",
    r"we use cookies": "cookie banners",
    r"^(facebook|twitter|x|linkedin|email|whatsapp|reddit|pinterest|print|copy link)$": "share buttons",
    r"^(share|share:|tumblr|bluesky|mastodon|threads|link)$": (
        "share buttons of forum posts (XenForo's 'Share: Bluesky / Tumblr / Link')"
    ),
    (
        r"^((facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|pinterest|print|copy link|copy to clipboard)\s+)+"
        r"(facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|pinterest|print|copy link|copy to clipboard)$"
    ): "a share bar's buttons as one list ('Facebook / LinkedIn / Email / Copy to clipboard')",
    r"click here to": "calls to action",
    r"^(newsletter|latest|trending|most (read|popular))$": "box headings",
    r"^(previous|next)( article| post| story)?$": "pagers",
    r"^(skip to|jump to) ": "skip links",
    r"image:? ?(credit|source)": "image credits outside figures",
    r"^(top )?photo credit": "image credits outside figures",
    r"^(photo|image|picture|credit|source)s?\s*:": "image credits outside figures",
    r"contributed (reporting )?to (this|the) (report|story)": "wire-service credit lines",
    r"^\(?(additional )?reporting by .{1,100}\bedit(ed|ing) by": "wire credit lines ('Reporting by A; Editing by B')",
    r"^additional reporting by ": "wire-service credit lines",
    (
        r"(comments?|coment[aá]rios?|commentaires?|kommentare?)\b.{0,100}"
        r"\b(moderat|approved|aprovad|publicad|freigeschaltet)"
    ): "comment-moderation notices ('Comentários ... não serão aprovados pelo moderador')",
    r"(may|can) be reached at": "reporter contact lines",
    r"^write to .{1,60} at \S+@": "reporter contact lines ('Write to A. Name at a@b.com')",
    r"^have a tip\?": "tip-line prompts",
    r"^follow .{0,40}\bcoverage\b": "'Follow AP's full coverage of ... at <url>'",
    r"^listen to .{0,40}\b(live|podcast)\b": "audio promotions ('Listen to Newsbeat live at ...')",
    r"^\[\w+ [^\]]*\].{0,100}\[/\w+\]$": "CMS shortcodes left unrendered ('[button link=...]Send us...[/button]')",
    (
        r"\b(posted|published|publicado|publicada) (by|por)\s*:\s*\w.*\d"
        r"|\d.*\b(posted|published|publicado|publicada) (by|por)\s*:\s*\w"
    ): "post meta lines: a date and 'Posted by: name' ('05/10/2018 - Publicado por: A. Name - Categoria: ...')",
    r"problem subscribing you|^(thanks|thank you) for (subscribing|signing up)\W*$": "sign-up form messages",
    r"delivered (straight |right |directly )?to your (inbox|letterbox)|delivered through your letterbox": (
        "newsletter and magazine sign-up prompts"
    ),
    r"subscrib(e|ing) to our (\w+ )?newsletter|sign up for (our|the) (free )?(\w+ )*newsletter": "newsletter prompts",
    r"if you (enjoyed|liked) this (article|story|post)|share it with a friend": "appeals after the article",
    r"^don'?t miss\b": "in-body teaser box headings",
    r"^also on \S+\.\w+": "in-body teaser labels ('Also on example.com')",
    r"^(you|you'll) (may|might) also (like|enjoy)": "recommendation headings",
    r"^(image|photo|slide) \d+ of \d+$": "slideshow counters",
    (
        r"^(check|see|view|compare) (the )?(latest )?(price|prices|deal|deals|it)( now)? (at|on) \S+( \S+){0,2}$"
        r"|^check \S+ prices?$|^(buy|shop)( it| now)? (at|on|from) \S+( \S+){0,2}$|^\$[\d,.]+ (at|on) \S+( \S+){0,2}$"
    ): "retailer buttons in buying guides ('Check price at Amazon', 'Check Amazon price', '$24 at Walmart')",
    (
        r"^(see|get|view) (the )?deals?$|^best prices today\W*$|^loading prices\b|^where to buy\W*$"
        r"|^buy now from .{0,40}\bretail(er)?s? partners?\b|^links to \S+\.[a-z]{2,}$"
    ): "retailer boxes in buying guides ('See deal', 'Best prices today:', 'Links to amazon.com')",
    r"^\((on sale|\d+% off)!?\)$": "price badges beside retailer buttons ('(on sale!)', '(20% off)')",
    r"^read (the|our)( full)? review$": "links from a buying guide's pick to its review",
    r"requires javascript|enable javascript": "script-only widget notes",
    r"^(you must |please )?(log ?in|sign ?in) or (register|sign ?up) to (reply|comment|post)\b": (
        "forum reply prompts (XenForo: 'You must log in or register to reply here.')"
    ),
    r"^(create an account or sign in to (comment|reply)|already have an account\? sign in)\b": (
        "forum reply prompts (Invision: 'Create an account or sign in to comment')"
    ),
    r"^(thread starter|discussion starter|original poster|op|\(edited\)|author)$": (
        "forum post badges: XenForo's 'Thread Starter', Mumsnet's 'Original poster', Invision's 'Author', '(edited)', "
        "'Discussion starter', 'OP'"
    ),
    r"^(posts|messages|reputation|reaction score|points|karma|likes received)\s*:?\s*[\d,.]+k?$": (
        "forum poster panels: a member's counts ('Posts: 1,077', 'Reaction score 2,310')"
    ),
    r"^((join date|registered|member since|joined)\s*:\s*(?=.*\d{4})[\w ,./-]{4,24}|joined \d{4})$": (
        "forum poster panels: when the member joined ('Joined 2025', 'Join Date: Aug 2008', 'Registered: 2024-01-27'); "
        "not a shop's seller panel ('Joined Feb 1999', which readers of a listing are shown as content)"
    ),
    r"^[\d,.]+k? (posts|messages|helpful votes?)$": "forum poster panels: counts ('14 posts', '518 helpful votes')",
    r"^(online|offline)( now)?$": "forum poster panels: whether the member is signed in",
    (
        r"^((senior|junior|new|premium|active|registered|well-known|valued|gold|platinum|lifetime|verified"
        r"|\d+\+? years?) )?(member|moderator|administrator)$"
    ): "forum poster ranks ('Member', 'Premium Member', '7+ Year Member', 'Moderator')",
    r"^(reply|quote|multi-?quote|report|replies|views)$": "forum post controls and thread-list column labels",
    r"^(replies|views)\s*[\d,.]+k?$": "forum thread statistics ('Replies 1', 'Views 1.9k')",
    r"^report (inappropriate content|post|abuse)$": "forum post controls ('Report inappropriate content')",
    r"^not open for further replies\.?$": "forum notices on locked threads (XenForo)",
    r"^code: select all$": "the label over a code block in phpBB posts",
    (
        r"^(jump to|print view|post reply|locked|pinned|scheduled|followers|posters"
        r"|go to topic listing|return to [“\"'].{1,60}[”\"'])$"
    ): "forum thread controls and states (phpBB's 'Print view', 'Return to ...'; Invision's 'Go to topic listing')",
    r"^viewed$|^[\d,.]+k? times$": "Q&A view counts ('Viewed' / '11k times', Stack Exchange)",
    r"^reply \d+$|^scroll to see replies$": "forum post numbers and prompts ('Reply 5')",
    r"^(author has|answers and|answer views|upvoted by)$": (
        "Q&A author cards cut into lines ('Author has 9.6K answers and ...')"
    ),
    r"^\d+ years?, \d+ months? ago$": "Q&A ages ('13 years, 8 months ago', Stack Exchange)",
    r"^edited .{1,40} by .{1,40} \(see edit history\)$": (
        "forum edit notes (Invision: 'Edited May 2 by a (see edit history)')"
    ),
    r"^[\d,.]+k? (gold|silver|bronze) badges?$": "Q&A user cards (Stack Exchange: '4 gold badges')",
    r"^(answered|asked|edited)$|^(start asking to get answers|explore related questions)$": (
        "Q&A interface labels (Stack Exchange)"
    ),
    r"^see similar questions with these tags\.?$|^find the answer to your question by asking\.?$": (
        "Q&A prompts (Stack Exchange)"
    ),
    r"^\d+ answers?$": "Q&A answer counts ('4 Answers')",
    r"^\\\$\\(begin|end)group\\\$$": "MathJax group markers printed around each post ('\\$\\begingroup\\$')",
    r"^(you need to be a member in order to leave a comment|register a new account in our community)\b": (
        "forum reply prompts (Invision)"
    ),
    r"^(close|caption|loading( \w+)?\W*|expand|collapse|print this article\b.*|(scroll )?back to top)$": (
        "interface labels ('Loading image...': a streamed block's fallback)"
    ),
    r"^this (article|post|story|page) is (over|more than) \w+ (years?|months?) old\b": (
        "age notices over old posts ('This article is more than 5 years old')"
    ),
    r"^(edited|reviewed|fact[- ]checked) by\W*$": "bare editor labels once the editor's name (a link) is gone",
    r"^([\w -]*free trial\W+)?no credit card required\W*$": (
        "sign-up button notes ('14-day free trial. No credit card required')"
    ),
    r"^(get (a|your) (free )?quote|book a demo|request a demo)\W*$": "call-to-action buttons of service pages",
    r"^\[[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\]$": "template placeholders left unfilled ('[CTA_MODULE]')",
    r"your submission has been received|something went wrong while submitting the form": (
        "form builders' success and failure messages, hidden by the site's stylesheet"
    ),
    r"^this page was last (edited|modified|updated) on\b": (
        "wiki and documentation footers ('This page was last edited on ...', MediaWiki; '... modified on', MDN)"
    ),
    r"^retrieved from [\"“]?https?://": "MediaWiki's source line under every page ('Retrieved from \"https://...\"')",
    r"^(tags|like this|tell us what you think)\W*$": (
        "labels left alone once their links are dropped: a tag list's, WordPress's 'Like this:', a comment form's"
    ),
}

#: Whole texts of a heading that names recommended reading. A container that
#: opens with one is a related-posts section, however much prose its cards
#: carry (WordPress themes print whole excerpts under "You may also like").
#: Matched case-insensitively against the heading's whole text, ellipsis and
#: colon stripped. In the languages of DATE_LINE_WORDS.
RELATED_HEADINGS: Mapping[str, str] = {
    r"(you|you'll) (may|might) (also )?(like|enjoy)": "English recommendation headings",
    r"related (posts|articles|stories)": "English related-posts headings",
    r"(recommended|more) for you": "English recommendation headings",
    r"voc[eê] (tamb[eé]m )?(pode|poder[aá]) (gostar|se interessar)": "Portuguese: 'you may (also) like'",
    r"(posts|artigos|not[ií]cias|mat[eé]rias) relacionad[oa]s": "Portuguese: 'related posts'",
    r"(tambi[eé]n )?te (puede|podr[ií]a) (interesar|gustar)": "Spanish: 'you may (also) like'",
    r"(art[ií]culos|entradas|noticias) relacionad[oa]s": "Spanish: 'related posts'",
    r"vous aimerez (aussi|peut-[eê]tre)": "French: 'you will also like'",
    r"sur le m[eê]me sujet|[aà] lire aussi|articles similaires": "French related-posts headings",
    r"das k[oö]nnte (sie|dich) auch interessieren": "German: 'this may interest you too'",
    r"(ähnliche|verwandte) (beitr[aä]ge|artikel)": "German: 'related posts'",
    r"(ti )?potrebbe(ro)? (anche )?interessarti|articoli correlati": "Italian recommendation headings",
}

#: Whole texts of a line that, on a discussion page only, is a post's age beside
#: its poster ("2 years ago", Invision's "1 yr"); on a job board or a shop's
#: listing the same age is an entry's, and the page's own.
POST_AGE_LINES: Mapping[str, str] = {
    r"(\d+|an?) (second|minute|hour|day|week|month|year)s? ago": "relative ages ('2 years ago', 'a month ago')",
    r"\d+ ?(yrs?|mos?|wks?|hrs?|mins?)": "abbreviated ages (Invision's '1 yr')",
}

#: Whole texts of a heading over other threads or a thread's statistics, in forum
#: and Q&A software: a container that opens with one goes whatever it holds (its
#: entries are titles, counts and posters' names, seldom excerpts, so the
#: excerpt test of RELATED_HEADINGS would keep it). Matched as RELATED_HEADINGS are.
THREAD_LIST_HEADINGS: Mapping[str, str] = {
    r"(similar|related|suggested) (threads|topics|discussions)": "XenForo's 'Similar threads', Discourse and others",
    r"related questions": "Q&A sites' related questions",
    r"top posters in this topic|most popular posts|popular days": "Invision's topic overview",
}

#: Appeals to the reader that close an article: wording that marks a block as an
#: appeal up to APPEAL_CHECK_MAX_CHARS, where BOILERPLATE_PHRASES stop at 160
#: (an appeal goes on to explain itself: "If you enjoyed this article, we have a
#: proposition for you: join ... Members get ...").
APPEAL_PHRASES: Mapping[str, str] = {
    r"if you (enjoyed|liked) this (article|story|post)": "membership and sharing appeals",
    r"^join our .{0,40}forums?\b": "'Join our Space Forums to keep talking ...'",
    r"(become a patron|support us) on patreon": "Patreon appeals",
    r"\bfollow (him|her|them) on (twitter|facebook|instagram)\b": "author promotion lines closing a story",
    r"^follow [^.]{0,60} on (twitter|x|instagram|facebook)\b": "'Follow @SiteDeals on Twitter to keep up with ...'",
    r"we(['’]d| would) (like|love) to hear (what you think|from you)": "letters and feedback appeals",
    (
        r"^by (signing up|subscribing|clicking|submitting|registering|entering|continuing)\b.{0,250}"
        r"\b(agree|consent|accept|acknowledge)"
    ): "sign-up consent lines ('By subscribing, you agree to our terms of service and privacy policy')",
    (
        r"\b(we|i) (may|might|can) (earn|receive|get|make) (a |an )?(small |very small )?(affiliate )?"
        r"(commission|compensation)|\b(contains|includes|may contain|uses?) (some )?affiliate links\b"
    ): "affiliate disclosures ('If you buy through our links, we may earn a commission')",
    r"\bplease consider (pitching in|donating|supporting (us|our \w+)|(making )?an? (donation|gift|contribution))\b": (
        "donation appeals closing a story ('please consider pitching in what you can')"
    ),
    r"\bcontent of this (page|site) is licensed under\b": (
        "licence footers of documentation pages ('the content of this page is licensed under the Creative Commons')"
    ),
}

#: Leading text of an in-body line that points elsewhere ("Related: <a>...</a>").
RELATED_LINE_PREFIXES: Mapping[str, str] = {
    "related": "'Related: story' lines",
    "read more": "'Read more: story' lines",
    "see also": "'See also' lines",
    "also read": "'Also read' lines",
    "read next": "'Read next' lines",
    "more": "'More: story' lines",
    "recommended": "'Recommended:' lines",
    "read also": "'Read also' lines",
}

#: Labels of a label trail that name the kind of piece, not its section.
GENRE_LABELS: Mapping[str, str] = {
    "analysis": "genre",
    "opinion": "genre",
    "commentary": "genre",
    "column": "genre",
    "editorial": "genre",
    "news": "genre",
    "feature": "genre",
    "features": "genre",
    "review": "genre",
    "interview": "genre",
    "explainer": "genre",
    "investigation": "genre",
    "report": "genre",
    "podcast": "format",
    "video": "format",
    "photos": "format",
    "live": "format",
    "exclusive": "marker",
    "breaking": "marker",
    "sponsored": "marker",
    "perspective": "genre",
    "essay": "genre",
}

#: class/id tokens of the standfirst under a headline.
DEK_WORDS: Mapping[str, str] = {
    "dek": "US newsroom term",
    "deck": "US newsroom term",
    "standfirst": "UK newsroom term",
    "subtitle": "generic",
    "subheadline": "generic",
    "subhead": "generic",
    "strapline": "UK newsroom term",
    "summary": "CMS field name",
    "excerpt": "CMS field name",
    "description": "CMS field name",
    "intro": "CMS field name",
    "lede": "newsroom term",
    "teaser": "CMS field name",
    "sub": "short for subtitle",
}

#: class/id tokens of a label trail (kicker) above or below the headline.
LABEL_WORDS: Mapping[str, str] = {
    "kicker": "newsroom term",
    "eyebrow": "design-system term",
    "label": "generic",
    "labels": "generic",
    "category": "CMS taxonomy",
    "categories": "CMS taxonomy",
    "section": "CMS taxonomy",
    "rubric": "European newsroom term",
    "overline": "design-system term",
    "topic": "CMS taxonomy",
    "topics": "CMS taxonomy",
    "tag": "CMS taxonomy",
}

#: class/id tokens of bylines.
BYLINE_WORDS: Mapping[str, str] = {
    "byline": "newsroom term",
    "author": "CMS field",
    "authors": "CMS field",
    "writer": "generic",
    "contributor": "generic",
    "contributors": "generic",
}

#: class/id tokens of image credits inside figures.
CREDIT_WORDS: Mapping[str, str] = {
    "credit": "photo credit",
    "credits": "photo credit",
    "copyright": "rights line",
    "photographer": "photo credit",
    "source": "image source",
    "attribution": "image source",
}

#: Endings of class/id tokens that mark an image caption or credit standing
#: outside a ``<figure>`` (``wp-caption-text``, ``photoCaption``, ``image-credit``):
#: it describes a picture, it is not article prose. Matched as a token suffix
#: because templates glue the word to a prefix ("newsCaption", "imageEmbedCaption").
CAPTION_SUFFIXES: Mapping[str, str] = {
    "caption": "WordPress wp-caption, photo-caption, figure-caption",
    "captions": "caption lists of slideshows",
}

#: Endings of the class/id words of a box that holds a picture or a player
#: ("InlineImage-wrapper", "video-embed", "photo"): a caption-named element in
#: one is the picture's caption even when no <img> is there (lazy loading,
#: CSS backgrounds, players drawn by script).
PICTURE_BOX_SUFFIXES: Mapping[str, str] = {
    "image": "image embeds (InlineImage, article-image)",
    "photo": "photo boxes",
    "picture": "picture boxes",
    "video": "video players and their captions",
    "media": "media embeds (media-embed, inline-media)",
}

#: Screen sizes as CSS frameworks name them in their visibility classes.
_SIZES = r"(?:xs|sm|md|lg|xl|xxl|2xl|small|medium|large|xlarge|phone|mobile|tablet|desktop)"
#: Class names (one ``class`` word, lower-cased, matched whole) that show an element
#: on some screen sizes only. Pages write one block twice, once per layout, and
#: let the stylesheet show one: a reader sees it once, so the copies are not content.
RESPONSIVE_CLASSES: Mapping[str, str] = {
    rf"(?:max-)?{_SIZES}:hidden": "Tailwind: hidden from a breakpoint on ('md:hidden')",
    rf"d-{_SIZES}-none": "Bootstrap 4/5: hidden from a breakpoint on ('d-md-none')",
    rf"(?:hidden|visible)-{_SIZES}(?:-(?:up|down|only|block|inline|inline-block|flex))?": (
        "Bootstrap 3 and 4-alpha: 'hidden-xs', 'visible-md-block', 'hidden-md-down'"
    ),
    rf"hidden-(?:up|down)-{_SIZES}": "themes' own spelling of the Bootstrap 4-alpha classes ('hidden-down-md')",
    rf"(?:show|hide)-for-{_SIZES}(?:-(?:only|up|down))?": "Foundation: 'show-for-small-only', 'hide-for-large'",
    rf"{_SIZES}(?:-up|-down)?-{{1,2}}(?:hide|hidden|show|only)": "Shopify themes: 'small--hide', 'medium-up--hide'",
    rf"(?:[a-z0-9]+[-_])*(?:hide|hidden|show|visible|only)[-_](?:on[-_]|for[-_])?{_SIZES}": (
        "page builders and themes: 'elementor-hidden-mobile', 'hide-on-desktop', 'only-mobile'"
    ),
    rf"{_SIZES}[-_](?:only|hide|hidden|show|visible|view|version)": "'mobile-only', 'desktop-version'",
    r"mobile|desktop|tablet": "a layout's wrapper named for its screen ('div.desktop', 'div.mobile')",
}
#: Class names that show a hidden element from a breakpoint on; with a class that
#: hides it by default (RESPONSIVE_HIDDEN_CLASSES) they mark a responsive copy.
RESPONSIVE_SHOWN_CLASSES: Mapping[str, str] = {
    rf"(?:max-)?{_SIZES}:(?:block|flex|inline|inline-block|inline-flex|grid|table|contents)": (
        "Tailwind: 'hidden md:block'"
    ),
    rf"d-{_SIZES}-(?:block|flex|inline|inline-block|inline-flex|grid|table|table-cell)": (
        "Bootstrap 4/5: 'd-none d-md-block'"
    ),
}
#: Literal words of which every class above holds one (a pre-check before matching).
RESPONSIVE_HINTS: tuple[str, ...] = (
    "hid",
    "show",
    "visib",
    "only",
    "none",
    "mobile",
    "desktop",
    "tablet",
    "view",
    "version",
)
#: Class names that hide an element on every screen size until a breakpoint class shows it.
RESPONSIVE_HIDDEN_CLASSES: Mapping[str, str] = {
    "hidden": "Tailwind's 'hidden'",
    "d-none": "Bootstrap's 'd-none'",
}

#: Currency signs that write a price ("$36", "19,99 €"): a product card shows one.
#: One character each (they are matched as a character class).
CURRENCY_SIGNS: tuple[str, ...] = ("$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "฿", "₫", "₱")
#: ISO 4217 codes that shops write before a price ("USD 99.60", "AED 549"): the common ones.
CURRENCY_CODES: tuple[str, ...] = (
    "USD",
    "EUR",
    "GBP",
    "AUD",
    "CAD",
    "NZD",
    "AED",
    "CHF",
    "JPY",
    "INR",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
)

#: How a credit is written inside a caption when no element marks it.
CREDIT_PATTERNS: Mapping[str, str] = {
    r"\((?:photo|image|picture|credit|photograph|illustration)s?\b[^)]*\)\s*$": "'(Photo: A. Name)' at the end",
    r"(?:^|\s)(?:top )?(?:photo|image|picture|photograph|illustration)s?(?: credit)?\s*(?:by)?\s*[:|]\s*.+$": (
        "'Photo: A. Name'"
    ),
    r"(?:^|\s)(?:credit|source)s?\s*:\s*.+$": "'Credit: Agency'",
    r"(?:^|\s)(?:©|\(c\)|copyright)\s*.+$": "'© Agency'",
    r"(?:^|\s)(?:photo|image)s? by\s+.+$": "'Photo by A. Name'",
}

#: Attributes that hold an image's URL, in order of preference (lazy loaders first,
#: because ``src`` is then a placeholder).
IMAGE_SOURCE_ATTRIBUTES: tuple[str, ...] = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-url",
    "data-hi-res-src",
    "src",
)

#: class/id tokens of an element that wraps a headline with its kicker, dek and byline.
HEADER_WORDS: Mapping[str, str] = {
    "header": "article header",
    "head": "article head",
    "hero": "hero unit",
    "title": "title group",
    "headline": "headline group",
    "intro": "intro group",
    "top": "top of the article",
    "hgroup": "heading group",
}

#: class/id tokens of date lines.
DATE_WORDS: Mapping[str, str] = {
    "date": "date line",
    "time": "time line",
    "published": "publication date",
    "pubdate": "publication date",
    "timestamp": "time stamp",
    "dateline": "newsroom term",
    "posted": "blog date",
    "updated": "modification date",
    "modified": "modification date",
}

#: Words before a date that make it a modification date, not a publication date
#: (regular expressions, matched case-insensitively).
MODIFIED_LABELS: Mapping[str, str] = {
    r"updat": "'Updated', 'Last updated', and updated/last-updated class names",
    r"modif": "'Modified', 'Last modified', 'dateModified'",
    r"\bedited\b": "'Last edited' on forums and wikis",
    r"\brevised\b": "'Revised'",
    r"aktualisiert": "German 'updated'",
    r"mis à jour|mise à jour": "French 'updated'",
    r"actualizad": "Spanish/Portuguese 'updated'",
    r"aggiornat": "Italian 'updated'",
    r"bijgewerkt": "Dutch 'updated'",
}

#: Words of an image file name that make it site furniture, never a lead image.
NOT_LEAD_IMAGE_WORDS: Mapping[str, str] = {
    "logo": "site and publisher logos given as og:image when an article has no picture",
    "favicon": "browser icons",
    "icon": "app and touch icons",
    "sprite": "CSS sprites",
    "pixel": "tracking pixels",
    "spacer": "layout spacers",
    "blank": "blank placeholders",
    "placeholder": "lazy-loading placeholders",
    "1x1": "tracking pixels",
}

#: class/id tokens of the list of an article's tags ("Filed under: ..." boxes).
TAG_LIST_WORDS: Mapping[str, str] = {
    "tags": "WordPress and most CMS themes ('post-tags', 'entry-tags')",
    "tagged": "'tagged-with' boxes",
    "keywords": "keyword lists",
    "topics": "topic lists",
    "filed": "'filed-under' boxes",
}

#: class/id tokens that make a tag-like list site chrome, not the article's tags.
TAG_LIST_NOT_WORDS: Mapping[str, str] = {
    "cloud": "tag clouds list the whole site's tags",
    "widget": "sidebar widgets",
    "menu": "menus",
    "popular": "popular-tags boxes",
    "trending": "trending-topics boxes",
}

#: Labels written before a list of tag links (regular expressions).
TAG_LABELS: Mapping[str, str] = {
    r"tags?": "'Tags:'",
    r"tagged(?: with| as)?": "'Tagged with:'",
    r"filed (?:under|in)": "'Filed under:'",
    r"topics?": "'Topics:'",
    r"keywords?": "'Keywords:'",
    r"more (?:on|about)": "'More on:' topic links",
}

#: class/id tokens of breadcrumb trails.
BREADCRUMB_WORDS: Mapping[str, str] = {
    "breadcrumb": "generic",
    "breadcrumbs": "generic",
    "crumbs": "short form",
    "crumb": "short form",
}

#: URL path words of author pages, to tell an author link from any link in a byline.
AUTHOR_PATH_WORDS: tuple[str, ...] = (
    "/author",
    "/authors",
    "/people/",
    "/person/",
    "/by/",
    "/staff/",
    "/profile",
    "/contributor",
    "/writers/",
    "/reporter",
    "/journalist",
    "/columnist",
    "/team/",
    "/user/",
    "/members/",
)

#: Characters that separate the labels of a label trail ("Analysis | Middle East").
LABEL_SEPARATORS = "|/\u00b7\u2022\u203a>\u00bb,\u2014\u2013-"

#: Link texts that are site chrome, never labels of a label trail.
NOT_LABELS: Mapping[str, str] = {
    "subscribe": "account links",
    "sign in": "account links",
    "log in": "account links",
    "login": "account links",
    "register": "account links",
    "sign up": "account links",
    "my account": "account links",
    "home": "navigation",
    "menu": "navigation",
    "search": "navigation",
    "donate": "fund-raising",
    "support us": "fund-raising",
    "share": "share bars",
    "print": "tools",
    "email": "share bars",
    "comments": "comment links",
}

#: Words of a date line ("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: ...");
#: a short block made only of these (and numbers) is a date line, not prose.
DATE_LINE_WORDS: frozenset[str] = frozenset(
    {
        "published",
        "updated",
        "posted",
        "modified",
        "last",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "utc",
        "gmt",
        "est",
        "edt",
        "cst",
        "cdt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "bst",
        "ist",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ago",
        "min",
        "mins",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "read",
        # Portuguese, Spanish, French, German and Italian: the same date lines
        # ("segunda-feira, 22 de janeiro de 2018 às 0:13", "lundi 3 mars 2019 à 10h").
        *("de", "del", "às"),
        *("publicado", "atualizado", "actualizado", "publié", "veröffentlicht", "pubblicato"),
        *("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo", "feira"),
        *("lunes", "martes", "miércoles", "jueves", "viernes", "lundi", "mardi", "mercredi"),
        *("jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch"),
        *("donnerstag", "freitag", "samstag", "sonntag", "lunedì", "martedì", "mercoledì"),
        *("giovedì", "venerdì", "sabato"),
        *("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto"),
        *("setembro", "outubro", "novembro", "dezembro", "enero", "febrero", "marzo", "mayo"),
        *("junio", "julio", "septiembre", "octubre", "noviembre", "diciembre", "janvier"),
        *("février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre"),
        *("octobre", "novembre", "décembre", "januar", "februar", "märz", "juni", "juli"),
        *("oktober", "dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno"),
        *("luglio", "settembre", "ottobre", "dicembre"),
    }
)
