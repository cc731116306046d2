"""Vocabularies and precedence of metadata fields."""

from __future__ import annotations

from collections.abc import Mapping

#: schema.org types that describe the article itself.
ARTICLE_TYPES: frozenset[str] = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SocialMediaPosting",
        "LiveBlogPosting",
        "Review",
        "HowTo",
        "Recipe",
        "DiscussionForumPosting",
        "QAPage",
        "Product",
        "Event",
    }
)
#: schema.org types of a thing on sale: a page whose structured data describes one
#: is a product page, whose body is the product's description, not its shop furniture.
PRODUCT_TYPES: frozenset[str] = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel"})
#: OpenGraph ``og:type`` values of a product page (Facebook's and Pinterest's product
#: objects; ``product.group`` is a collection of products, so not here).
PRODUCT_OG_TYPES: frozenset[str] = frozenset({"product", "og:product", "product.item"})
#: The id, name, class or action of a shop's add-to-cart form (Amazon's "addToCart",
#: WooCommerce's "add-to-cart", Shopify's "/cart/add"): one such form on a page
#: makes it a product page when no structured data says so.
BUY_FORM_PATTERN = r"add[-_ ]?to[-_ ]?(?:cart|basket|bag)|\bcart/add\b"
#: schema.org types of a page that lists things: beside them, a Product is one of many.
LISTING_TYPES: frozenset[str] = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "OfferCatalog"})
#: Types a product page gives beside its Product (its customer reviews): they do
#: not make it an article.
PRODUCT_PART_TYPES: frozenset[str] = frozenset({"Review"})
#: schema.org page types: read only when no article type is present (a @graph
#: often lists the WebPage before the Article it contains).
PAGE_TYPES: frozenset[str] = frozenset({"WebPage", "ItemPage", "AboutPage", "FAQPage", "CollectionPage"})
#: schema.org types that name the site.
SITE_TYPES: frozenset[str] = frozenset({"WebSite", "Organization", "NewsMediaOrganization"})

#: schema.org types of organisations: given as an article's author they name the
#: publisher, and ``authors`` lists people.
ORGANIZATION_TYPES: frozenset[str] = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness", "EducationalOrganization"}
)

#: For each field, the sources in the order they are trusted. The first source
#: with a usable value wins and is recorded in ``Article.sources``; values are
#: never blended across sources. "dom" is what the page shows.
PRECEDENCE: Mapping[str, tuple[str, ...]] = {
    # The page's own <h1> is what readers see; metadata titles often carry SEO
    # variants, but an h1 can be a logo, so structured data comes first.
    "headline": ("json-ld", "og", "microdata", "meta", "dom"),
    "description": ("meta", "og", "json-ld", "microdata"),
    # A date in the URL path is the day the URL was made: a last resort.
    "published": ("json-ld", "og", "microdata", "meta", "dom", "url"),
    "modified": ("json-ld", "og", "microdata", "meta", "dom"),
    "section": ("json-ld", "og", "meta", "dom", "breadcrumb"),
    "authors": ("json-ld", "microdata", "dom", "og", "meta"),
    "tags": ("og", "json-ld", "meta", "dom"),
    "language": ("dom", "meta", "og", "json-ld"),
    "site_name": ("og", "json-ld", "meta", "dom"),
    "canonical_url": ("dom", "og"),
    "image": ("og", "json-ld", "meta", "dom"),
}

#: <meta name|property> keys that feed each field, by source, in order of trust.
META_KEYS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "og": {
        "headline": ("og:title",),
        "description": ("og:description",),
        "published": ("article:published_time", "og:article:published_time"),
        "modified": ("article:modified_time", "og:updated_time", "og:article:modified_time"),
        "section": ("article:section", "og:article:section"),
        "site_name": ("og:site_name",),
        "image": ("og:image", "og:image:url", "og:image:secure_url"),
        "canonical_url": ("og:url",),
        "language": ("og:locale",),
    },
    "meta": {
        "headline": (
            "twitter:title",
            "parsely-title",
            "sailthru.title",
            "citation_title",  # Highwire Press tags of scholarly pages
            "dc.title",
            "dcterms.title",
            "title",
        ),
        "description": ("description", "twitter:description", "dc.description", "sailthru.description"),
        "published": (
            "parsely-pub-date",
            "sailthru.date",
            "publish-date",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "article.published",
            "published_time",
            "published-date",
            "publish_date",
            "citation_publication_date",
            "citation_date",
            "dcterms.issued",
            "dcterms.date",
        ),
        "modified": (
            "last-modified",
            "dcterms.modified",
            "dc.date.modified",
            "article.updated",
            "citation_online_date",
        ),
        "section": ("parsely-section", "sailthru.section", "section", "category"),
        "site_name": ("application-name", "twitter:site"),
        "image": ("twitter:image", "twitter:image:src", "parsely-image-url", "sailthru.image.full"),
        "language": ("content-language", "language", "dc.language", "dcterms.language", "citation_language"),
    },
}

#: <meta> keys (other than OpenGraph's article:author) that hold author names.
AUTHOR_META_KEYS: tuple[str, ...] = (
    "author",
    "parsely-author",
    "sailthru.author",
    "citation_author",  # one tag per author on scholarly pages
    "dc.creator",
    "dcterms.creator",
    "byl",
)
#: Labels of Twitter's label/data pairs that name the author.
WRITTEN_BY: frozenset[str] = frozenset({"written by", "author", "by", "written by:"})
#: <meta> keys (other than OpenGraph's article:tag) that hold comma-separated tags.
TAG_META_KEYS: tuple[str, ...] = ("news_keywords", "keywords", "parsely-tags", "sailthru.tags")

#: Separators between a headline and the site name in <title> and og:title.
TITLE_SEPARATORS: tuple[str, ...] = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ", " / ")
#: UTC offsets, in minutes, of the time-zone abbreviations that name one zone
#: wherever they are written, read after a time of day ("6:45 PM EST").
TIME_ZONE_MINUTES: Mapping[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -300,
    "EDT": -240,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "JST": 540,
    "KST": 540,
    "MSK": 180,
    "AEST": 600,
    "AEDT": 660,
}
#: Abbreviations that name several zones (IST: India, Israel or Ireland; CST:
#: US Central or China; BST: British Summer or Bangladesh; AST: Atlantic or
#: Arabia): the time is kept without an offset rather than a guessed one.
AMBIGUOUS_TIME_ZONES: frozenset[str] = frozenset({"IST", "CST", "CDT", "BST", "AST", "ADT", "SST"})
