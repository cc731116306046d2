"""The shortcuts taken for speed give what the long way gives."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html

from articlex.clean import _drop_leaf_graphics, clean
from articlex.decode import _CONTROL_CHARS, _may_hold_controls, decode
from articlex.discussion import is_discussion
from articlex.dom import (
    BREAK_MARK,
    class_tokens,
    document_iter,
    following,
    is_blank,
    item_elements,
    link_density,
    link_holders,
    preceding,
    squash,
    text_content,
    xml_words,
)
from articlex.filters import _APPEALS, _PHRASES, Exclusions, keep_blocks
from articlex.locate import locate
from articlex.metadata.meta import read_microdata
from articlex.metadata.page import Hints, read_page
from articlex.metadata.trails import shown_tags
from articlex.model import Block
from articlex.options import Options
from articlex.parse import parse
from articlex.phrases import fold
from articlex.related import _ANNOUNCE, ANNOUNCE_MAX_CHARS, _is_container, _links_and_holders, harvest_related
from articlex.rules.vocab import APPEAL_PHRASES, BOILERPLATE_PHRASES, RELATED_WORDS
from articlex.scoring import _Measures, _text, score_candidates
from articlex.trace import Trace

PROSE = "A sentence of article prose, long enough to be scored as a paragraph of text. " * 3


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii",
        "tab\tnewline\ncarriage\r",
        "caf\u00e9 \u2028 \U0001f600",
        *(f"x{chr(code)}y" for code in [*range(0x20), 0x7F]),
        "caf\u00e9\x0b",
        "non-character \ufffe",
        "non-character \uffff",
        "lone \ud800 surrogate",
        "lone \udcff surrogate",
    ],
)
def test_control_check_agrees_with_the_regex(text: str) -> None:
    assert _may_hold_controls(text) == (_CONTROL_CHARS.search(text) is not None)


def test_controls_are_scrubbed_from_non_ascii_pages() -> None:
    decoded = decode("<p>caf\u00e9\x0b \x01bar\uffff</p>".encode(), max_bytes=1000)
    assert decoded.text == "<p>caf\u00e9 bar</p>"


def test_form_controls_are_plain_html_elements() -> None:
    root = parse("<html><body><form><input name=q><select><option>a</select></form></body></html>", Options()).root
    assert {type(el) for el in root.iter()} == {html.HtmlElement}
    assert root.find(".//option").text_content() == "a"


def test_a_link_named_related_is_harvested() -> None:
    page = '<html><body><p>x</p><a class="related-story" href="/next">Bridge repairs begin</a></body></html>'
    links = harvest_related(html.document_fromstring(page), "https://example.com/a")
    assert [(link.url, link.title) for link in links] == [("https://example.com/next", "Bridge repairs begin")]


def test_a_related_box_without_links_does_not_hide_the_next_one() -> None:
    page = (
        '<html><body><div class="related"><p>Nothing here</p></div>'
        '<div><ul class="related-list"><li><a href="/b">Story B</a></li></ul></div></body></html>'
    )
    links = harvest_related(html.document_fromstring(page), "https://example.com/a")
    assert [link.title for link in links] == ["Story B"]


def test_labelled_tag_list_is_found_and_a_label_without_links_is_not() -> None:
    links = '<a href="/t/a">Alpha</a> <a href="/t/b">Beta</a>'
    with_links = f"<html><body><div><span>Tags:</span> {links}</div></body></html>"
    without = "<html><body><div><span>Tags:</span> Alpha, Beta</div></body></html>"
    assert shown_tags(html.document_fromstring(with_links)) == ("Alpha", "Beta")
    assert shown_tags(html.document_fromstring(without)) == ()


@pytest.mark.parametrize(
    ("label", "found"),
    [
        ("Tags:", True),
        ("\u00a0 filed under", True),  # a no-break space opens it: squash() drops it too
        ("<i class='icon'></i>Topics", True),  # the label's first letter sits after a child
        ("<b>Key</b>words:", True),
        ("Related:", False),
        ("Share <b>Tags</b>", False),
    ],
)
def test_a_tag_label_is_told_by_its_first_letter_as_by_its_whole_text(label: str, found: bool) -> None:
    page = f"<html><body><div><span>{label}</span> <a href='/t/a'>Alpha</a> <a href='/t/b'>Beta</a></div></body></html>"
    assert shown_tags(html.document_fromstring(page)) == (("Alpha", "Beta") if found else ())


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By <a href='/author/jane'>Jane Doe</a>", ["Jane Doe"]),
        ("<span>By</span> Jane Doe", ["Jane Doe"]),  # the opening word sits in a child
        ("\u00a0Written by Jane Doe", ["Jane Doe"]),  # a no-break space opens it: squash() drops it too
        ("<b>Words</b> by Jane Doe", ["Jane Doe"]),
        ("Photo: Jane Doe", []),
    ],
)
def test_a_byline_is_told_by_its_first_letter_as_by_its_whole_text(line: str, authors: list[str]) -> None:
    page = f"<html><body><h1>Harbour reopens</h1><p>{line}</p><p>{'Text. ' * 40}</p></body></html>"
    values = read_page(html.document_fromstring(page), None, Hints()).values
    assert [author.name for author in values.get("authors", ())] == authors


def test_a_marked_byline_is_read_whatever_its_first_letter() -> None:
    page = "<html><body><h1>Harbour reopens</h1><div class='byline'>Jane Doe</div></body></html>"
    values = read_page(html.document_fromstring(page), None, Hints()).values
    assert [author.name for author in values["authors"]] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("kicker", "labels"),
    [
        ("<p><a href='/a'>Analysis</a> | <a href='/e'>Europe</a></p>", ("Analysis", "Europe")),
        ("<p>Analysis | Europe</p>", None),  # unmarked and without links: not a trail, its text unread
        ("<p class='kicker'>Analysis | Europe</p>", ("Analysis", "Europe")),
    ],
)
def test_an_unmarked_label_trail_is_made_of_links(kicker: str, labels: tuple[str, ...] | None) -> None:
    page = f"<html><body>{kicker}<h1>Harbour reopens</h1><p>{'Text. ' * 40}</p></body></html>"
    assert read_page(html.document_fromstring(page), None, Hints()).values.get("labels") == labels


def test_prose_under_a_boilerplate_name_is_not_prose_mass() -> None:
    page = (
        f'<html><body><div id="main"><div class="sidebar"><p>{PROSE}</p></div>'
        f"<article><p>{PROSE}</p><p>{PROSE}</p></article></div></body></html>"
    )
    root = html.document_fromstring(page)
    mass = score_candidates(root.find("body")).mass
    main, article = root.get_element_by_id("main"), root.find(".//article")
    assert mass[article] == mass[main] == 2 * len(PROSE.strip())


@pytest.mark.parametrize("text", ["plain ascii", "caf\u00e9\x0b", "tab\tnewline\n", "non-character \ufffe", "x\x01y"])
def test_control_check_on_given_utf8_agrees_with_the_regex(text: str) -> None:
    assert _may_hold_controls(text, text.encode("utf-8")) == (_CONTROL_CHARS.search(text) is not None)


MIXED_PAGE = (
    "<html><body><div id=a><p>x <a href=/1>one</a></p><section><h2>Related\u00a0\u00a0stories "
    "and more words to pass forty characters</h2><a>two</a></section></div>"
    "<nav><span>Read next</span><ul><li><a class=c>three</a></li></ul></nav><p>no link</p>"
    '<p><a rel="nofollow\ttag">tagged</a><a rel="tag\u00a0x">not tagged</a></p></body></html>'
)


def test_link_holders_are_the_elements_with_a_link_below() -> None:
    root = html.document_fromstring(MIXED_PAGE)
    assert link_holders(root) == frozenset(root.xpath("//*[descendant::a]"))


def test_xml_words_split_as_normalize_space() -> None:
    root = html.document_fromstring(MIXED_PAGE)
    for el in root.iter():
        text = el.text_content()
        assert " ".join(xml_words(text)) == root.xpath("normalize-space($t)", t=text)


RELATED_PAGE = (
    MIXED_PAGE.removesuffix("</body></html>")
    + '<div class="related-links"><a href="/r">Related one</a></div>'
    + '<div class="box"><p>Related stories are what this long paragraph talks about, '
    + PROSE
    + "</p>"
    + '<a href="/p">in the paragraph box</a></div>'
    + '<div class="box"><h3>'
    + " " * 200
    + "Related\n"
    + " " * 200
    + '</h3><a href="/i">indented heading</a></div>'
    + '<section><h2>Read more</h2><a href="/m">more</a></section><aside><p>Read next: </p></aside>'
    + "</body></html>"
)


def _announced_the_long_way(el: html.HtmlElement) -> bool:
    if el.tag not in ("section", "div", "aside", "ul", "nav"):
        return False
    first = next((child for child in el if isinstance(child.tag, str)), None)
    if first is None or first.tag not in ("h2", "h3", "h4", "p", "span", "strong"):
        return False
    text = squash(text_content(first))
    return len(text) <= ANNOUNCE_MAX_CHARS and bool(_ANNOUNCE.match(text))


def test_related_containers_are_those_of_the_xpath_they_replace() -> None:
    xpath = (
        ".//*[@class or @id][descendant-or-self::a]"
        " | .//*[self::section or self::div or self::aside or self::ul or self::nav]"
        "[*[1][self::h2 or self::h3 or self::h4 or self::p or self::span or self::strong]"
        "[string-length(normalize-space(.)) <= 40]][descendant::a]"
    )
    scope = html.document_fromstring(RELATED_PAGE).find("body")
    holders = link_holders(scope)
    expected = [
        el for el in scope.xpath(xpath) if not class_tokens(el).isdisjoint(RELATED_WORDS) or _announced_the_long_way(el)
    ]
    found = [el for el in scope.iterdescendants() if _is_container(el, holders)]
    assert found == expected
    # Named, announced by an indented heading, announced unnamed; not the box opening with a long paragraph.
    assert [(el.tag, el.get("class")) for el in found] == [
        ("nav", None),
        ("div", "related-links"),
        ("div", "box"),
        ("section", None),
    ]


MICRODATA_PAGE = (
    '<html itemscope itemtype="https://schema.org/WebPage"><body>'
    '<div itemprop="mainEntity" itemscope itemtype="https://schema.org/NewsArticle">'
    '<h1 itemprop="headline">Bridge repairs begin</h1><span itemscope>no type</span>'
    '<aside class="share"><div itemprop="articleBody"><p>' + PROSE + "</p></div></aside>"
    '<div itemprop="articleBody"><p>' + PROSE + "</p><p>" + PROSE + "</p></div>"
    '</div><p itemtype="x">typed only</p><p itemprop="">empty property</p></body></html>'
)


def test_item_elements_are_those_of_the_xpath_they_replace() -> None:
    root = html.document_fromstring(MICRODATA_PAGE)
    found = item_elements(root)
    assert list(found) == root.xpath("//*[@itemscope or @itemtype or @itemprop]")
    assert len(found) == len(set(found)) == 8


def test_the_marked_body_read_from_item_elements_skips_what_cleaning_removed() -> None:
    # Two elements are marked articleBody; cleaning removes the one in the share box,
    # so the other is the one marked body, found alike with and without the gathered items.
    located, rules = [], []
    for gathered in (False, True):
        root = html.document_fromstring(MICRODATA_PAGE)
        items = item_elements(root) if gathered else None
        trace = Trace()
        located.append(locate(clean(root), trace, items=items).elements)
        rules.append([step.rule for step in trace.steps if step.action == "candidate"])
    assert rules == [["marked itemprop=articleBody"]] * 2
    assert [[el.get("itemprop") for el in found] for found in located] == [["articleBody"]] * 2
    assert [len(found[0]) for found in located] == [2, 2]


def test_microdata_read_from_item_elements_is_what_the_walks_give() -> None:
    root = html.document_fromstring(MICRODATA_PAGE)
    given = read_microdata(root, item_elements(root))
    assert given == read_microdata(root) == {"headline": "Bridge repairs begin"}
    assert is_discussion(root, item_elements(root)) is is_discussion(root) is False


def test_following_and_preceding_are_document_order_from_an_element() -> None:
    root = html.document_fromstring(MIXED_PAGE + MICRODATA_PAGE)
    everything = list(root.iter(etree.Element))
    for index, el in enumerate(everything):
        assert list(following(el, root)) == everything[index + 1 :]
        assert list(preceding(el, root)) == everything[:index][::-1]
    inner = root.find("body")
    assert list(following(inner[0], inner)) == list(inner.iter(etree.Element))[2:]


def test_links_and_holders_are_the_candidates_of_the_full_walk_in_its_order() -> None:
    root = html.document_fromstring(MIXED_PAGE + MICRODATA_PAGE + '<p><a href="/x">a <a href="/y">nested</a></a></p>')
    for scope in (root, root.find("body"), root.find(".//section")):
        holders = link_holders(scope)
        expected = [el for el in scope.iterdescendants() if el in holders or el.tag == "a"]
        assert list(_links_and_holders(scope)) == expected
        assert expected


def test_text_content_is_lxml_text_content_for_every_element() -> None:
    page = MIXED_PAGE.replace("<p>no link</p>", "<p>no <!-- hidden --> link<?pi x?></p><p></p><i>&amp; &#169;</i>")
    page += "<p>caf\u00e9 <b>\u4e2d\u6587</b> tail<script>var s = '<b>';</script></p>"  # non-ASCII, raw text
    root = html.document_fromstring(page)
    assert any(isinstance(node, html.HtmlComment) for node in root.iter())
    elements = list(root.iter(etree.Element))
    assert any(len(el) == 0 and el.text for el in elements)
    for el in elements:
        assert text_content(el) == el.text_content()


def test_document_iter_finds_what_xpath_finds_beside_the_root() -> None:
    # The unclosed script after </html> lands in a second <html> beside the root.
    page = (
        "<html><head><title>t</title></head><body><p>x</p></body></html>"
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}<p>after'
    )
    root = parse(page, Options()).root
    assert list(root.itersiblings())  # the case under test
    tags = ("script", "style", "textarea", "title")
    assert list(document_iter(root, *tags)) == root.xpath("|".join(f"//{tag}" for tag in tags))
    # parse moves what came after </html> into the body, as browsers do (the emptied sibling stays)
    assert [el.tag for el in root.iter("script")] == ["script"]
    assert is_discussion(root)


@pytest.mark.parametrize(
    "text",
    [
        "Follow us on social",
        "Advertisement",
        "An advertisement in the middle is prose",
        "Read more",
        "Photo: Jane Doe",
        "A caption. Photo: Jane Doe",
        "Related stories:",
        "if you enjoyed this story, share it",
        "Join our forums to keep talking",
        "Please join our forums",
        "An ordinary sentence of the article.",
    ],
)
def test_split_phrase_alternations_give_the_verdict_of_one(text: str) -> None:
    for phrases, compiled in ((BOILERPLATE_PHRASES, _PHRASES), (APPEAL_PHRASES, _APPEALS)):
        one = re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)
        assert compiled.found_in(text, fold(text)) == (one.search(text) is not None)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        " ",
        "\n\t ",
        BREAK_MARK,
        f" {BREAK_MARK}\n",
        "\u00a0\u3000\u2028",
        "x",
        f"{BREAK_MARK}x",
        " x ",
        "\u200b",
        "\x1f",
    ],
)
def test_blank_is_what_squash_leaves_empty(text: str | None) -> None:
    assert is_blank(text) == (squash(text) == "")


def test_leaf_graphics_holding_blocks_keep_their_blocks_and_the_rest_go() -> None:
    root = html.document_fromstring(
        "<html><body><svg><path/></svg><svg><g><div>nested page</div></g></svg>"
        "<noscript><p>short</p></noscript><noscript>plain</noscript><p>kept</p></body></html>"
    )
    _drop_leaf_graphics(root)
    body = root.find("body")
    assert body is not None
    assert [el.tag for el in body.iter()] == ["body", "g", "div", "p"]
    assert text_content(body) == "nested pagekept"


def test_wording_verdicts_are_read_by_text_and_filled_in() -> None:
    prose = Block("paragraph", PROSE)
    label = Block("paragraph", "Follow us on social")
    wordings: dict[str, str | None] = {}
    assert keep_blocks([prose, label, label], Exclusions(), wordings=wordings) == [prose]
    assert wordings == {PROSE: None, "Follow us on social": "boilerplate phrase"}
    # A verdict already given is the one used: the text is not searched again.
    assert keep_blocks([prose, label], Exclusions(), wordings={PROSE: "boilerplate phrase"}) == []


def test_a_score_never_passes_its_ceiling() -> None:
    page = (
        "<html><body><div class='story'><p>" + PROSE + "</p><p>" + PROSE + '<a href="/x">' + PROSE + "</a></p></div>"
        "<div class='sidebar'><p>A short aside, with a comma.</p><p>Another short aside, with a comma.</p></div>"
        "</body></html>"
    )
    scores = score_candidates(html.document_fromstring(page).find("body")).scores
    candidates = scores.at_least(float("-inf"))
    assert candidates
    assert all(scores[el] <= scores.ceiling(el) and scores.ceiling(el) >= 0 for el in candidates)
    # Links lower a score under its ceiling; a boilerplate name makes a score negative, its ceiling 0.
    assert any(scores[el] < scores.ceiling(el) for el in candidates)
    assert any(scores[el] < 0 == scores.ceiling(el) for el in candidates)


MEASURED_PAGE = (
    "<html><body><div id=page>  <!-- a comment --> Lead\u00a0text <b>bold</b>run<i>on</i> "
    "<div class=story><p>First  paragraph,\n with <a href=/a>a link</a> and a tail.</p>"
    f"<p>Second{BREAK_MARK}line <a href=/b><span>nested</span> <a href=/c>inner</a></a></p>"
    "<?php echo 1; ?>tail of a PI<ul><li><a href=/d>  </a></li><li>   </li><li></li></ul></div>"
    "<p><a href=/e>all link</a></p><div>   </div>end</div></body></html>"
)


@pytest.mark.parametrize("order", ["leaves first", "top first", "document order"])
def test_composed_link_densities_are_those_read_whole(order: str) -> None:
    body = html.document_fromstring(MEASURED_PAGE).find("body")
    everything = list(body.iter(etree.Element))
    asked = {
        "leaves first": sorted(everything, key=lambda el: -len(list(el.iterancestors()))),
        "top first": everything,
        "document order": everything[::2] + everything[1::2],
    }[order]
    measures = _Measures()
    assert [measures.link_density(el) for el in asked] == [link_density(el) for el in asked]
    assert len({link_density(el) for el in asked}) > 3  # the page gives densities of several kinds


@pytest.mark.parametrize(
    "raw",
    [
        "word " * 500_001,  # chunks split between words and inside them
        "a" * 1_000_001 + " b",  # one word across a chunk's end
        " " * 1_000_000 + "x" + BREAK_MARK * 1_000_000,  # a chunk of nothing but white space
    ],
)
def test_long_texts_are_measured_a_chunk_at_a_time_as_squash_collapses_them(raw: str) -> None:
    assert _text(raw)[0] == len(squash(raw))
