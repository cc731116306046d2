"""What an article page shows beside its prose and is not its text: captions, teasers, appeals."""

from __future__ import annotations

import articlex

SENTENCES = [f"Sentence {n} of the story, long enough to be prose, with a comma or two, says more." for n in range(8)]
PROSE = "".join(f"<p>{s}</p>" for s in SENTENCES)
HALF = len(SENTENCES) // 2
FIRST, SECOND = (
    "".join(f"<p>{s}</p>" for s in SENTENCES[:HALF]),
    "".join(f"<p>{s}</p>" for s in SENTENCES[HALF:]),
)


def _page(article: str) -> str:
    return f"<html><body><article>{article}</article></body></html>"


def test_a_caption_beside_its_picture_is_not_text() -> None:
    caption = "The mayor speaks to reporters outside city hall on Tuesday."
    page = _page(
        FIRST + f"<div class='photo'><img src='/a.jpg'><span class='newsCaption'>{caption}</span></div>" + SECOND
    )
    text = articlex.extract(page, url="https://example.org/a").text
    assert caption not in text
    assert all(s in text for s in SENTENCES)


def test_a_figcaption_outside_a_figure_is_not_text() -> None:
    page = _page("<div class='image'><img src='/a.jpg'><figcaption>Traders on the floor.</figcaption></div>" + PROSE)
    assert "Traders" not in articlex.extract(page).text


def test_a_gallery_list_keeps_no_captions() -> None:
    items = "".join(
        f"<li><div><img src='/{n}.jpg'></div><div class='caption'><p>Picture {n}: the crowd at the rally.</p>"
        "<a class='more-caption'>more</a></div></li>"
        for n in range(3)
    )
    text = articlex.extract(_page(f"<ul class='gallery'>{items}</ul>" + PROSE)).text
    assert "crowd" not in text
    assert text == "\n\n".join(SENTENCES)


def test_caption_named_text_away_from_pictures_stays() -> None:
    # Design systems name a type size "caption"; no picture stands beside it, so it is text.
    note = "Prices include tax and delivery to any address in the country."
    page = _page(PROSE + f"<div><p class='caption-s'>{note}</p></div>")
    assert note in articlex.extract(page).text


def test_a_product_card_caption_with_a_link_stays() -> None:
    cards = "".join(
        f"<div class='card'><img src='/{n}.jpg'><div class='product-caption'>"
        f"<a href='/p{n}'>Walking boot model {n}</a><p>Leather upper, rubber sole, made to last for years.</p></div>"
        "</div>"
        for n in range(3)
    )
    text = articlex.extract(_page(PROSE + cards)).text
    assert "Leather upper" in text


def test_a_long_labelled_tag_line_is_dropped() -> None:
    tags = ", ".join(f"<a href='/tag/{n}'>motor racing calendar {n}</a>" for n in range(12))
    page = _page(PROSE + f"<p><strong>Tags</strong> | {tags}</p>")
    text = articlex.extract(page).text
    assert "calendar" not in text
    assert text == "\n\n".join(SENTENCES)


def test_a_sentence_starting_with_topics_stays() -> None:
    line = "Topics - and there are many - come up in <a href='/x'>the meeting</a> every week, for hours on end."
    page = _page(PROSE + f"<p>{line}</p>")
    assert "come up in the meeting" in articlex.extract(page).text


def test_credit_contact_and_newsletter_lines_after_the_story_are_dropped() -> None:
    tail = [
        "Associated Press writers Ann Example and Bo Sample contributed to this report.",
        "Write to Cy Writer at cy.writer@example.com",
        "Have a tip? Di Reporter may be reached at di@example.com.",
        "Get the day's top headlines delivered to your inbox every morning.",
        "Like this story? Share it with a friend!",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in tail))
    assert articlex.extract(page).text == "\n\n".join(SENTENCES)


def test_prose_about_deliveries_and_reaching_people_stays() -> None:
    line = "The boxes are delivered to your door each week, and the firm says it can be emailed any day."
    page = _page(PROSE + f"<p>{line}</p>")
    assert line in articlex.extract(page).text


def test_a_more_news_box_after_the_article_is_dropped() -> None:
    teasers = "".join(
        f"<li><a href='/s{n}'>Other story {n}</a><p>An excerpt of the other story, which runs on for a while, "
        f"with commas, and says a lot about something else entirely, number {n}.</p></li>"
        for n in range(4)
    )
    page = (
        f"<html><body><article>{PROSE}</article>"
        f"<div class='more-news'><h2>More in Sports</h2><ul>{teasers}</ul></div></body></html>"
    )
    text = articlex.extract(page).text
    assert "excerpt" not in text
    assert text == "\n\n".join(SENTENCES)


def test_a_slideshow_panel_repeating_a_caption_is_not_text() -> None:
    caption = "Firefighters work through the night to save the old mill by the river."
    page = _page(
        f"<div class='gallery'><ul><li><img src='/1.jpg'><div class='caption'>"
        f"<div class='caption-full'>{caption}</div></div></li></ul>"
        f"<div class='panel'><div class='caption-remote'><div class='caption-full'>{caption}</div></div></div></div>"
        + PROSE
    )
    text = articlex.extract(page).text
    assert "Firefighters" not in text
    assert text == "\n\n".join(SENTENCES)


def test_a_caption_named_block_that_repeats_nothing_stays() -> None:
    note = "The council will meet again on Monday, and the public may attend the session."
    page = _page(PROSE + f"<div class='caption-full'>{note}</div>")
    assert note in articlex.extract(page).text


def _headline_links(count: int) -> str:
    return "<br>".join(
        f"<a href='/h{n}'>A much longer teaser headline about another story, {n}</a>" for n in range(count)
    )


def test_links_under_a_teaser_label_are_dropped_however_long() -> None:
    page = _page(FIRST + f"<p>DON'T MISS</p><p>{_headline_links(5)}</p>" + SECOND)
    text = articlex.extract(page).text
    assert "teaser headline" not in text
    assert text == "\n\n".join(SENTENCES)


def test_a_label_and_its_links_in_one_paragraph_are_dropped() -> None:
    page = _page(PROSE + f"<p><strong>Don't miss</strong><br>{_headline_links(5)}</p>")
    assert "teaser headline" not in articlex.extract(page).text


def test_prose_with_links_after_a_label_stays() -> None:
    line = "The report, <a href='/r'>published on Monday</a>, found that most towns had cut their budgets."
    page = _page(FIRST + f"<p>Related stories</p><p>{line}</p>" + SECOND)
    assert "most towns had cut" in articlex.extract(page).text


def test_an_embedded_post_named_social_stays() -> None:
    tweet = "The new campaign is real and the state spent half a million dollars on it, says the post."
    page = _page(
        FIRST + f"<div class='social-media-embed'><blockquote class='twitter-tweet'><p>{tweet}</p>"
        "&mdash; A. Person (@aperson) November 18, 2019</blockquote></div>" + SECOND
    )
    assert tweet in articlex.extract(page).text


def test_a_share_bar_named_social_still_goes() -> None:
    page = _page(FIRST + "<div class='social-share'><blockquote>Tell your friends about us today</blockquote></div>")
    assert "friends" not in articlex.extract(page).text


def test_date_lines_in_other_languages_and_slide_counters_are_dropped() -> None:
    lines = ["segunda-feira, 22 de janeiro de 2018 às 0:13", "Image 2 of 5", "This slideshow requires JavaScript."]
    page = _page("".join(f"<p>{line}</p>" for line in lines) + PROSE)
    assert articlex.extract(page).text == "\n\n".join(SENTENCES)


def test_a_footer_named_in_portuguese_is_removed() -> None:
    address = "Prefeitura Municipal - Rua das Flores, 1111 - Centro - CEP 89000-000 - Fone: (047) 2106-8000"
    page = _page(PROSE + f"<div class='rodape'><p>{address}</p></div>")
    text = articlex.extract(page, url="https://example.org/a").text
    assert "Rua das Flores" not in text
    assert all(s in text for s in SENTENCES)


EXCERPTS = [
    f"Excerpt {n} of another post, which runs long enough to outweigh a short article on its own, "
    "with commas, clauses, and a second sentence. It goes on about other things entirely, at length."
    for n in range(5)
]


def _related_page(heading: str) -> str:
    cards = "".join(
        f"<article><h2><a href='/p{n}'>Post {n}</a></h2><p>{e}</p></article>" for n, e in enumerate(EXCERPTS)
    )
    return (
        "<html><body><div id='primary'>"
        f"<article class='post'><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p></article>"
        f"<section><h3 class='title'>{heading}</h3>{cards}</section>"
        "</div></body></html>"
    )


def test_a_section_opening_with_a_related_heading_is_dropped_with_its_excerpts() -> None:
    for heading in ("You may also like", "Você pode gostar...", "Das könnte Sie auch interessieren:"):
        text = articlex.extract(_related_page(heading), url="https://example.org/a").text
        assert SENTENCES[0] in text and SENTENCES[1] in text, heading
        assert "Excerpt" not in text, heading


def test_a_section_opening_with_another_heading_keeps_its_prose() -> None:
    text = articlex.extract(_related_page("Background"), url="https://example.org/a").text
    assert all(e in text for e in EXCERPTS)


def test_a_related_heading_further_down_does_not_remove_its_container() -> None:
    page = _page(PROSE + "<h3>You may also like</h3>" + "".join(f"<p>{s}</p>" for s in EXCERPTS))
    text = articlex.extract(page, url="https://example.org/a").text
    assert all(s in text for s in SENTENCES)


def test_wire_credit_and_comment_moderation_lines_are_dropped() -> None:
    lines = [
        "(Reporting by Ann Writer and Bo Second; Editing by Cy Editor)",
        "Additional reporting by Dee Fourth",
        "ATENÇÃO: Comentários com textos ofensivos não serão aprovados pelo moderador.",
        "Comments are moderated and will appear after approval.",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in lines))
    text = articlex.extract(page, url="https://example.org/a").text
    assert all(line not in text for line in lines)
    assert all(s in text for s in SENTENCES)


def test_a_sentence_about_reporting_or_comments_stays() -> None:
    lines = [
        "Reporting by the local paper led to the inquiry, which opened last spring.",
        "Comments from residents were mostly favourable, the council said.",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in lines))
    text = articlex.extract(page, url="https://example.org/a").text
    assert all(line in text for line in lines)


def _card_paragraph(card_links: int) -> str:
    headlines = "".join(
        f"<a href='/news/{n}'>Headline number {n} about the senator's week</a> " for n in range(card_links)
    )
    return (
        "<p>The bill was backed by Sen. <span class='person'><a href='/people/jo-doe'>Jo Doe</a>"
        f"<span class='card'><span><img src='/jo.jpg'><a href='/people/jo-doe'>Jo Doe</a>{headlines}</span></span>"
        "</span> and passed on Tuesday, with votes to spare.</p>"
    )


def test_a_hover_card_inside_a_sentence_is_not_text() -> None:
    text = articlex.extract(_page(_card_paragraph(3) + PROSE), url="https://example.org/a").text
    assert "Headline number" not in text
    assert "The bill was backed by Sen. Jo Doe and passed on Tuesday" in text


def test_an_icon_before_a_link_in_a_sentence_stays() -> None:
    page = _page(
        "<p>Read the ruling <span><img src='/pdf.png'><a href='/r.pdf'>in full here</a></span>, the court said.</p>"
        + PROSE
    )
    text = articlex.extract(page, url="https://example.org/a").text
    assert "in full here" in text


def test_a_caption_of_a_lazy_picture_or_a_video_is_not_text() -> None:
    lazy = "The harbour at dawn, seen from the old lighthouse on Monday."
    video = "The minister answers questions in parliament on Wednesday."
    page = _page(
        FIRST
        + "<div class='InlineImage-wrapper'><div class='placeholder'></div>"
        + f"<div><div class='InlineImage-caption'>{lazy}</div></div></div>"
        + SECOND
        + f"<div class='video-embed'><iframe src='https://v.example/1'></iframe><p class='caption'>{video}</p></div>"
    )
    text = articlex.extract(page, url="https://example.org/a").text
    assert lazy not in text and video not in text
    assert all(s in text for s in SENTENCES)


SUMMARY = "Officials say the risk is low, but many ask why so little is known"


def _summary_page(body: str) -> str:
    return (
        f"<html><head><meta name='description' content='{SUMMARY}'></head><body><article>{body}</article></body></html>"
    )


def test_the_summary_set_as_a_heading_above_the_body_is_dropped() -> None:
    text = articlex.extract(_summary_page(f"<h2>{SUMMARY}</h2>" + PROSE), url="https://example.org/a").text
    assert SUMMARY not in text
    assert all(s in text for s in SENTENCES)


def test_the_summary_as_a_paragraph_or_a_later_heading_stays() -> None:
    lead = articlex.extract(_summary_page(f"<p>{SUMMARY}</p>" + PROSE), url="https://example.org/a").text
    later = articlex.extract(_summary_page(FIRST + f"<h2>{SUMMARY}</h2>" + SECOND), url="https://example.org/a").text
    assert SUMMARY in lead and SUMMARY in later


def test_long_appeals_after_the_story_are_dropped() -> None:
    appeals = [
        "If you enjoyed this article, we have a proposition for you: become a member. Members read everything, "
        "without paywalls or adverts, and join the conversation with our writers in a members-only forum every week.",
        "Join our Birding Forums to keep talking birds on the latest sightings, migrations and more! And if you "
        "have a tip, a correction or a comment, let us know at: tips@example.org.",
        "Follow @ExampleDeals on Twitter to keep up with the latest and greatest deals from around the web. "
        "Quantities may be limited and prices are subject to change without notice.",
        "There was a problem subscribing you to the newsletter. Double check your email and try again.",
    ]
    page = _page(PROSE + "".join(f"<p>{a}</p>" for a in appeals))
    text = articlex.extract(page, url="https://example.org/a").text
    assert all(a[:40] not in text for a in appeals)
    assert all(s in text for s in SENTENCES)


def test_prose_that_mentions_forums_and_patrons_stays() -> None:
    line = (
        "Members who join our reading group meet in the library forums each month, and several have chosen to "
        "become a patron of the arts festival, which has grown every year since it began in the old town hall."
    )
    text = articlex.extract(_page(PROSE + f"<p>{line}</p>"), url="https://example.org/a").text
    assert "Members who join" in text


def test_an_unrendered_shortcode_and_an_author_promotion_are_dropped() -> None:
    lines = [
        "[button link='https://example.org/submit' type='big'] Send us your review[/button]",
        "Ann Writer's book about rivers, 'Downstream', is out now. Follow her on Twitter @annwriter, "
        "and read her earlier reports on the estuary, the floods of last winter and the new weir upstream.",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in lines))
    text = articlex.extract(page, url="https://example.org/a").text
    assert "Send us your review" not in text and "Downstream" not in text
    assert all(s in text for s in SENTENCES)


def test_a_sentence_with_square_brackets_stays() -> None:
    line = "The judge said [the defendant] had shown no remorse, and the sentence [of ten years] would stand."
    text = articlex.extract(_page(PROSE + f"<p>{line}</p>"), url="https://example.org/a").text
    assert line in text


def test_a_post_meta_line_with_a_date_is_dropped_and_a_bare_label_stays() -> None:
    meta = "05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde"
    reply = "Posted by: Karl at December 19, 2025 09:28 AM"
    text = articlex.extract(_page(f"<p>{meta}</p>" + PROSE + f"<p>{reply}</p>"), url="https://example.org/a").text
    assert "Ana Souza" not in text and "Karl" not in text
    assert all(s in text for s in SENTENCES)
    cards = "".join(
        f"<div class='card'><h3>Field guide {n}</h3><p>{SENTENCES[n]}</p><p>Published By:</p><p>Ann Writer</p></div>"
        for n in range(3)
    )
    assert "Published By:" in articlex.extract(_page(cards), url="https://example.org/a").text


def test_labels_left_without_their_links_are_dropped() -> None:
    tail = "<p>Tags:</p><h3>Like this:</h3><h3>Tell us what YOU think...</h3>"
    text = articlex.extract(_page(PROSE + tail), url="https://example.org/a").text
    assert "Tags" not in text and "Like this" not in text and "Tell us" not in text
    kept = "<p>Tags on the old bridge were painted over last week, and the council was pleased.</p>"
    assert "Tags on the old bridge" in articlex.extract(_page(PROSE + kept), url="https://example.org/a").text


def test_next_and_previous_post_teasers_are_dropped() -> None:
    pager = (
        "<div class='grid next-prev'><p><a href='/next'>Next News</a></p><a href='/next'><h5>A new hatch</h5></a>"
        "<p>The most powerful hatch yet has a huge rear wing and a louder exhaust than before.</p></div>"
    )
    text = articlex.extract(_page(PROSE + pager), url="https://example.org/a").text
    assert "rear wing" not in text
    assert all(s in text for s in SENTENCES)


def test_coverage_audio_and_feedback_promotions_are_dropped() -> None:
    lines = [
        "Follow the Gazette's full coverage of the election at https://example.org/election",
        "Listen to Morning Report live at 7:45 weekdays - or listen back here.",
        "The Gazette publishes letters from readers every day. We’d like to hear what you think about this or "
        "any of our articles, and here are some tips on writing one that we can publish in print and online.",
        "Follow the Gazette's Opinion section on Facebook, Twitter (@gazetteopinion) and Instagram.",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in lines))
    text = articlex.extract(page, url="https://example.org/a").text
    assert all(line[:30] not in text for line in lines)
    assert all(s in text for s in SENTENCES)


def test_affiliate_disclosures_and_sign_up_notes_are_dropped() -> None:
    lines = [
        "Disclosure: this post contains affiliate links. If you buy through them, we may earn a small commission "
        "at no extra cost to you, which helps keep the site running.",
        "Every item here was chosen by our editors. I may receive compensation for some of the items you buy.",
        "14-day free trial. No credit card required.",
        "Get a Quote",
        "Edited by",
        "[CTA_MODULE]",
        "Thank you! Your submission has been received!",
        "Oops! Something went wrong while submitting the form.",
    ]
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in lines))
    text = articlex.extract(page, url="https://example.org/a").text
    assert text == "\n\n".join(SENTENCES)


def test_prose_about_commissions_trials_and_quotes_stays() -> None:
    lines = [
        "The agent earns a commission of six percent on the sale, which the buyer and the seller share.",
        "The clinic runs a free trial of the new treatment for twelve weeks, and no credit card is required.",
        "Get a quote from three builders before you start, and ask each for references from recent clients.",
        "[The council] said the plan would be edited by the committee before it is published next spring.",
    ]
    text = articlex.extract(
        _page(PROSE + "".join(f"<p>{line}</p>" for line in lines)), url="https://example.org/a"
    ).text
    assert all(line in text for line in lines)


def test_lorem_ipsum_filler_is_dropped_and_prose_about_it_stays() -> None:
    filler = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
        "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip."
    )
    about = (
        "Designers fill mock-ups with lorem ipsum dolor sit amet, a scrambled passage of Cicero, until copy arrives."
    )
    text = articlex.extract(_page(PROSE + f"<p>{filler}</p><p>{about}</p>"), url="https://example.org/a").text
    assert "consectetur" not in text and about in text


def test_sign_up_consent_lines_and_a_share_list_are_dropped() -> None:
    consent = [
        "By subscribing to this newsletter, you agree to our terms of service and privacy policy.",
        "By signing up, you agree to receive recurring automated text messages from Example Deals at the number "
        "provided. Message and data rates may apply. Reply STOP to cancel at any time, or HELP for help.",
    ]
    share = "<ul><li>Facebook</li><li>LinkedIn</li><li>Email</li><li>Copy to clipboard</li></ul>"
    page = _page(PROSE + "".join(f"<p>{line}</p>" for line in consent) + share)
    assert articlex.extract(page, url="https://example.org/a").text == "\n\n".join(SENTENCES)


def test_prose_that_opens_with_by_signing_or_names_networks_stays() -> None:
    lines = [
        "By signing the treaty, the two countries agreed to share the river's water for the next fifty years.",
        "Facebook and LinkedIn both said they would review the ruling.",
    ]
    text = articlex.extract(
        _page(PROSE + "".join(f"<p>{line}</p>" for line in lines)), url="https://example.org/a"
    ).text
    assert all(line in text for line in lines)


def test_an_age_notice_over_an_old_post_is_dropped() -> None:
    notice = "This post is over 3 years old. I've probably changed my mind since it was written."
    kept = "This story is more than a warning: the bridge is over 90 years old and needs repair."
    text = articlex.extract(_page(f"<p>{notice}</p>" + PROSE + f"<p>{kept}</p>"), url="https://example.org/a").text
    assert "changed my mind" not in text and kept in text


def test_retailer_buttons_in_a_buying_guide_are_not_text() -> None:
    pick = (
        "<h2>Best overall: the Trail 40 pack</h2><p>It carried forty pounds without a sore shoulder, and its lid "
        "holds a day of snacks, a map and a rain shell.</p>"
        "<p><a href='https://shop.example/a'>Check price at Amazon</a></p><p>(on sale!)</p>"
        "<p><a href='https://shop.example/b'>$129.95 at Backcountry</a></p><p>Best prices today:</p>"
        "<p><a href='/review/trail-40'>Read our full review</a></p>"
    )
    text = articlex.extract(_page(FIRST + pick + SECOND), url="https://example.org/packs").text
    assert "forty pounds" in text
    assert all(s in text for s in SENTENCES)
    for button in ("Check price", "on sale", "129.95", "Best prices", "full review"):
        assert button not in text


def test_a_sentence_about_shopping_stays() -> None:
    line = "Shop at the farmers' market early: the best tomatoes sell out by nine."
    assert line in articlex.extract(_page(FIRST + f"<p>{line}</p>" + SECOND)).text
