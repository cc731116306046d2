"""Finding the body in markup the parser bent: unclosed tags, loose text."""

from __future__ import annotations

from lxml import html

import articlex
from articlex.blocks import build_blocks
from articlex.clean import clean

SENTENCES = [f"Sentence {n} of the story, long enough to be prose, with a comma or two, says more." for n in range(8)]


def test_an_unclosed_button_does_not_swallow_the_article() -> None:
    page = (
        "<html><body><header><div class='menu-top'><button class='menu-button'>Menu"
        "<main><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article></main>"
        "</body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(SENTENCES)


def test_a_small_button_is_still_dropped() -> None:
    page = (
        "<html><body><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "<button>Show more comments</button>"
        "</article></body></html>"
    )
    assert "Show more" not in articlex.extract(page).text


def test_loose_text_beside_an_image_div_is_the_body() -> None:
    text = "<br><br>".join(SENTENCES)
    page = (
        "<html><body><div class='sidebar'><p>Short links</p></div><div class='post'><h1>Title</h1>"
        f"<div class='post-body'>{SENTENCES[0]}<div class='separator'><img src='a.jpg'></div>{text}</div>"
        "</div></body></html>"
    )
    body = articlex.extract(page).text
    assert all(s in body for s in SENTENCES)
    assert "Short links" not in body


def _menu(count: int) -> str:
    items = "".join(f"<li><a href='/{n}'>Menu entry number {n} of the site</a></li>" for n in range(count))
    return f"<nav><ul>{items}</ul></nav>"


def test_a_layout_column_named_sidebar_keeps_the_article_when_menus_hold_most_text() -> None:
    # Drupal's "sidebar-first-only" names the main column of a layout with a sidebar;
    # the menus and footer hold far more text than the article, all of it links.
    article = "".join(f"<p>{s}</p>" for s in SENTENCES[:4])
    page = (
        f"<html><body><header>{_menu(20)}{_menu(20)}{_menu(20)}</header>"
        f"<section class='col-9 sidebar-first-only'><article>{article}</article></section>"
        f"<aside class='col-3'><p>Campus links</p></aside><footer>{_menu(20)}{_menu(20)}</footer></body></html>"
    )
    assert articlex.extract(page).text == "\n\n".join(SENTENCES[:4])


def test_a_small_sidebar_is_still_removed() -> None:
    article = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = f"<html><body><article>{article}</article><div class='sidebar'><p>Popular this week</p></div></body></html>"
    assert "Popular" not in articlex.extract(page).text


def test_a_dek_that_is_also_a_later_paragraph_stays_in_the_body() -> None:
    dek = "The agency funds legal aid for people who cannot pay, in every state and territory."
    page = (
        f"<html><head><meta name='description' content='{dek}'></head><body><article><h1>Legal help</h1>"
        f"<p>{dek}</p><p>{SENTENCES[0]}</p><h2>Find help</h2><p>{dek}</p></article></body></html>"
    )
    article = articlex.extract(page)
    assert article.dek == dek
    # Dropped once where it opens the article (it is the dek), kept where it repeats as text.
    assert [b.text for b in article.body if b.type == "paragraph"] == [SENTENCES[0], dek]


def test_a_page_of_cards_without_paragraphs_falls_back_to_the_cleaned_page() -> None:
    # A job board: every entry is a link card of short lines, no paragraph scores; the
    # one paragraph, which scoring picks, is the page's description (the dek).
    intro = "Find remote work with companies that hire anywhere, in engineering, design and more."
    cards = "".join(
        f"<li><a href='/job/{n}'><div class='title'>Senior engineer {n}</div><div>Remote</div>"
        f"<div>Full-time</div><div>Acme Company {n}</div></a></li>"
        for n in range(30)
    )
    page = (
        f"<html><head><meta name='description' content='{intro}'></head><body><header>{_menu(10)}</header>"
        f"<section class='intro'><h1>Remote jobs</h1><p>{intro}</p></section>"
        f"<main><ul class='jobs'>{cards}</ul></main><footer>{_menu(10)}</footer></body></html>"
    )
    article = articlex.extract(page, options=articlex.Options(trace=True))
    assert "Senior engineer 0" in article.text
    assert "Acme Company 29" in article.text
    assert "Menu entry" not in article.text
    assert any(step.action == "fallback" for step in article.trace)


def test_a_short_article_is_not_replaced_by_the_page() -> None:
    page = f"<html><body><header>{_menu(3)}</header><article><p>{SENTENCES[0]}</p></article></body></html>"
    assert articlex.extract(page).text == SENTENCES[0]


def test_quotes_tables_and_code_in_figures_are_text_not_images() -> None:
    # The HTML spec's pattern for a quotation with attribution, and figures holding a table or code.
    page = (
        "<html><body><article>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES[:3])
        + "<figure><blockquote><p>Kind teaching and calm classes, every single week.</p></blockquote>"
        "<figcaption>Anna, a student</figcaption></figure>"
        "<figure><table><tr><th>Press</th><th>Price</th></tr><tr><td>Clara</td><td>$99</td></tr></table></figure>"
        "<figure><pre><code>print('hello')</code></pre><figcaption>Listing 1</figcaption></figure>"
        "<figure><img src='/a.jpg' width='600' height='400'><figcaption>A photo</figcaption></figure>"
        "</article></body></html>"
    )
    body = articlex.extract(page, url="https://example.org/a").body
    types = [(b.type, b.text) for b in body[3:]]
    assert types == [
        ("quote", "Kind teaching and calm classes, every single week."),
        ("paragraph", "Anna, a student"),
        ("table", "Press\tPrice\nClara\t$99"),
        ("code", "print('hello')"),
        ("paragraph", "Listing 1"),
        ("figure", "A photo"),
    ]


def test_a_link_free_candidate_widens_into_prose_with_ordinary_links() -> None:
    # The best-scored element is a references list (list items score, but are not prose, and
    # have no links); the article is spread over sibling sections whose prose carries a few links.
    sections = "".join(
        f"<div class='row'><div><h2>Part {n}</h2>"
        f"<p>{s} See <a href='/x{n}'>the study by the institute, {n}</a>.</p></div></div>"
        for n, s in enumerate(SENTENCES)
    )
    refs = "".join(
        f"<li>Author {n}, Other, Third. A title, in parts, number {n}. Journal, 2016; 3(1).</li>" for n in range(12)
    )
    page = f"<html><body><main><div class='col'>{sections}<div><ul>{refs}</ul></div></div></main></body></html>"
    text = articlex.extract(page).text
    assert all(s in text for s in SENTENCES)


def test_page_template_classes_do_not_hide_the_prose() -> None:
    # <body> names the template ("site-navigation") and a far wrapper names the layout ("sidebar"):
    # neither makes the article's paragraphs boilerplate, so the body holds all of the page's prose.
    article = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = (
        "<html><body class='standard site-navigation'><div class='layout layout--sidebar'><div><div><div>"
        f"<div><article><div class='text'>{article}</div></article></div></div></div></div></div></body></html>"
    )
    result = articlex.extract(page, options=articlex.Options(trace=True))
    coverage = next(step.score for step in result.trace if step.action == "coverage")
    assert coverage == 1.0
    assert result.text == "\n\n".join(SENTENCES)


def test_a_main_landmark_the_parser_nested_in_a_menu_survives_the_menu() -> None:
    # An unclosed <li> in the mega menu: the parser puts <main> inside the <nav>.
    menu = "".join(f"<a href='/s/{n}'>Service line number {n}</a> " for n in range(40))
    page = (
        f"<html><body><header><nav class='site-nav'><ul><li class='navbar-item'>{menu}"
        "<main><section>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</section></main>"
        "</ul></nav></header></body></html>"
    )
    body = articlex.extract(page).text
    assert all(s in body for s in SENTENCES)
    assert "Service line number" not in body


def test_widening_does_not_leave_the_main_landmark() -> None:
    # The prose of <main> is short next to a long sidebar story list outside it:
    # widening for prose mass would climb out of <main> and take the list.
    # Each teaser sits deep in its own wrappers, so no container outscores <main>'s.
    deep = "<div><div><div><div><div><div>{}</div></div></div></div></div></div>"
    aside = "".join(deep.format(f"<p>{s} More teaser text here.</p>") for s in SENTENCES * 4)
    # The intro's sentences differ from part to part: the same ones over again would read as a copy.
    intro = [f"Part {k}: {s}" for k in range(3) for s in SENTENCES]
    page = (
        "<html><body><div class='page'><main><div class='intro'>"
        + "".join(f"<p>{s}</p>" for s in intro)
        + f"</div></main><div class='more'>{aside}</div></div></body></html>"
    )
    body = articlex.extract(page).text
    assert body == "\n\n".join(intro)


def test_a_card_grid_marked_to_hide_its_ads_survives_cleaning() -> None:
    # "hide-read-more-ad" switches an ad off: the grid is content, even when small.
    cards = "".join(
        f"<div class='card'><h3><a href='/story/{n}'>Story {n}</a></h3><p>{SENTENCES[n]}</p></div>" for n in range(2)
    )
    intro = "".join(f"<p>{s}</p>" for s in SENTENCES * 2)
    page = f"<html><body><main>{intro}<div class='grid-items hide-read-more-ad'>{cards}</div></main></body></html>"
    cleaned = clean(html.fromstring(page))
    assert cleaned.find(".//div[@class='grid-items hide-read-more-ad']") is not None


def test_a_bare_url_printed_as_a_block_is_not_text() -> None:
    # Shop themes print image addresses into hidden spec lists; a sentence quoting
    # an address is prose.
    quoted = "The report is at https://example.org/report.pdf and runs to forty pages, with tables."
    page = (
        "<html><body><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:4]) + f"<p>{quoted}</p>"
        "<dl><dd>https://cdn.example.org/images/160x160/mug_thumb.jpg</dd></dl></article></body></html>"
    )
    text = articlex.extract(page).text
    assert quoted in text
    assert "mug_thumb" not in text


def test_a_uuid_printed_as_a_block_is_not_text() -> None:
    # Marketplaces hide a "Sponsored" label among decoy identifiers, one per element.
    decoys = "".join(f"<span>{n}1a2b3c4-5d6e-4f70-8a9b-0c1d2e3f4a5b</span><br>" for n in range(3))
    page = "<html><body><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:4]) + f"<div>{decoys}</div>"
    page += "<p>Order number 2024-0042 is quoted in full.</p></article></body></html>"
    text = articlex.extract(page).text
    assert "1a2b3c4" not in text
    assert "Order number 2024-0042" in text


def test_screen_reader_copies_of_badges_are_not_text() -> None:
    # "visually-hidden" (Bootstrap 5, most design systems) text is read out for
    # star icons and badges; the page shows no such sentence.
    badge = "<span class='badge'><span class='visually-hidden'>Rating: 4.6 out of 5.0</span></span>"
    page = "<html><body><article>" + "".join(f"<p>{s}{badge}</p>" for s in SENTENCES[:4]) + "</article></body></html>"
    text = articlex.extract(page).text
    assert "Rating" not in text
    assert SENTENCES[0] in text


def test_hidden_tab_panels_are_content_and_other_hidden_elements_are_not() -> None:
    # Tabs show one panel and hide the rest until their tab is picked: the hidden
    # panels are the page's text (specifications, examples), a hidden popup is not.
    panels = (
        f"<div role='tabpanel' id='details'><p>{SENTENCES[1]}</p><p>{SENTENCES[2]}</p></div>"
        f"<div role='tabpanel' id='specs' hidden><p>{SENTENCES[3]}</p><p>{SENTENCES[4]}</p></div>"
        f"<div class='tab-pane fade' style='display: none'><p>{SENTENCES[5]}</p><p>{SENTENCES[6]}</p></div>"
    )
    page = (
        f"<html><body><main><h1>A product</h1><p>{SENTENCES[0]}</p>"
        "<ul role='tablist'><li>Details</li><li>Specifications</li><li>Care</li></ul>"
        f"{panels}<div class='modal' hidden><p>Sign up to hear about every offer we make.</p></div>"
        "</main></body></html>"
    )
    body = articlex.extract(page).text
    assert all(sentence in body for sentence in SENTENCES[:7])
    assert "Sign up" not in body


_PLAIN = [
    f"Plain sentence {n} of the first section carries prose, with a comma, and goes on for a while longer."
    for n in range(12)
]


def _linked_section(n: int) -> str:
    paragraphs = "".join(
        f"<p>Section {n}.{k} points readers to <a href='/a{n}{k}'>a guide to the first topic</a> and "
        f"<a href='/b{n}{k}'>a second guide on the subject</a>, and it explains why both help them here.</p>"
        for k in range(3)
    )
    return f"<div class='block'><div class='inner'>{paragraphs}</div></div>"


def _sectioned_post(content_class: str) -> str:
    # A page builder's post: one plain section, then sections whose prose carries
    # many links, each in its own block, the whole marked (or not) by a microformat.
    first = "<div class='block'><div class='inner'>" + "".join(f"<p>{s}</p>" for s in _PLAIN) + "</div></div>"
    rest = "".join(_linked_section(n) for n in range(6))
    return (
        f"<html><body><article class='hentry'><div class='{content_class}'><div class='row'>"
        f"{first}{rest}</div></div></article></body></html>"
    )


def test_the_body_widens_to_the_posts_microformat_content_however_linked() -> None:
    for marked in ("entry-content", "e-content"):
        text = articlex.extract(_sectioned_post(marked), url="https://example.org/blog/post").text
        assert "Plain sentence 0" in text and "Section 5.2" in text


def test_without_the_mark_linked_sections_do_not_widen_the_body() -> None:
    # The link-density ceiling still guards unmarked ancestors (teaser grids).
    text = articlex.extract(_sectioned_post("entry-body"), url="https://example.org/blog/post").text
    assert "Plain sentence 0" in text and "Section 5.2" not in text


def test_sections_named_skip_stay_and_skip_controls_go() -> None:
    # A guide's theme names each part "skip-item" (a reader may jump past it).
    parts = "".join(
        f"<div class='skip-item' id='topic{n}'><h2>Part {n}</h2><p>{_PLAIN[n]} {_PLAIN[n + 6]}</p></div>"
        for n in range(6)
    )
    controls = (
        "<a class='skip-link' href='#main'>Skip to main content</a><button class='skip'>Skip this section</button>"
    )
    text = articlex.extract(f"<html><body>{controls}<article>{parts}</article></body></html>").text
    assert all(f"Part {n}" in text for n in range(6))
    assert "Skip to main content" not in text and "Skip this section" not in text


def test_a_sub_list_written_without_its_item_is_a_list_block() -> None:
    # Editors write "<ul><li>Examples:</li><ul>...</ul></ul>"; browsers show the sub-list.
    root = html.fromstring(
        "<div><ul><li>Examples:</li><ul><li>Salad bar: greens, beans and dressings</li>"
        "<li>Taco cart: fillings and salsas</li></ul><li>After the examples</li></ul>"
        "<ul><b>Minimum:</b><br><ul><li>OS: any recent system</li></ul></ul></div>"
    )
    blocks = build_blocks([root], None)
    assert [(b.type, b.items) for b in blocks] == [
        ("list", ("Examples:", "After the examples")),
        ("list", ("Salad bar: greens, beans and dressings", "Taco cart: fillings and salsas")),
        ("list", ("OS: any recent system",)),
    ]


def test_a_list_of_lists_with_nothing_before_them_is_a_wrapper() -> None:
    # A template's outer list holding only lists (a report's chapter picker): left as it was, no blocks.
    root = html.fromstring("<div><ul><ul><li>Chapter one</li></ul><ul><li>Chapter two</li></ul></ul></div>")
    assert build_blocks([root], None) == []
