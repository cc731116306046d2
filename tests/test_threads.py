"""Forum threads, listings and service pages: what is content there and what is chrome."""

from __future__ import annotations

import articlex

REPLIES = [
    "I had the same problem after the update, and rolling back the driver fixed it for me.",
    "Check the power supply first: a weak one gives exactly these random restarts, in my experience.",
    "Thanks, both of you. The driver rollback worked, and the machine has been stable for a week now.",
]


def _post(name: str, text: str) -> str:
    return (
        "<article class='message'>"
        f"<div class='message-user'><h4 class='message-name'>{name}</h4>"
        "<div class='message-userTitle'>Well-known member</div>"
        "<dl class='message-userExtras'><dt>Joined</dt><dd>Mar 3, 2019</dd><dt>Messages</dt><dd>4,032</dd></dl></div>"
        f"<div class='message-content'><div class='message-body'><p>{text}</p></div>"
        "<div class='message-signature'>My rig: a tower with far too many fans, and a very patient cat.</div></div>"
        "</article>"
    )


def test_poster_panels_and_signatures_are_not_thread_text() -> None:
    names = ["alice", "bob", "carol"]
    page = "<html><body><div class='thread'>" + "".join(map(_post, names, REPLIES)) + "</div></body></html>"
    text = articlex.extract(page).text
    assert all(reply in text for reply in REPLIES)
    assert all(name in text for name in names)  # the poster's name is the post's
    for chrome in ("Well-known member", "Joined", "4,032", "My rig"):
        assert chrome not in text


def test_a_consent_dialog_longer_than_the_post_is_removed() -> None:
    purposes = "".join(
        f"<h3>Purpose {n}</h3><p>We and our partners store and access information on your device, "
        f"measure audiences, and develop and improve products, for purpose number {n}.</p>"
        for n in range(12)
    )
    page = (
        "<html><body><div class='thread'><div class='msg_body'><p>" + REPLIES[0] + "</p></div>"
        "<div class='msg_body'><p>" + REPLIES[1] + "</p></div></div>"
        f"<div id='onetrust-consent-sdk'><div class='pc-content'>{purposes}</div></div></body></html>"
    )
    text = articlex.extract(page).text
    assert REPLIES[0] in text and REPLIES[1] in text
    assert "partners" not in text


def test_a_fides_consent_overlay_is_removed() -> None:
    vendors = "".join(
        f"<p>Vendor {n} and its partners process your data for advertising and analytics.</p>" for n in range(12)
    )
    page = (
        f"<html><body><div id='fides-overlay' class='fides-overlay'><div class='fides-modal-body'>{vendors}</div></div>"
        "<div class='thread'><div class='msg_body'><p>" + REPLIES[0] + "</p></div>"
        "<div class='msg_body'><p>" + REPLIES[1] + "</p></div></div></body></html>"
    )
    text = articlex.extract(page).text
    assert REPLIES[0] in text and REPLIES[1] in text
    assert "Vendor" not in text


def _thread(declared: bool) -> str:
    kind = '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Random restarts"}'
    head = f"<script type='application/ld+json'>{kind}</script>" if declared else ""
    opening = "</p><p>".join(
        f"My desktop restarts at random since last week, with no error in the logs, even when idle ({n})."
        for n in range(4)
    )
    replies = "".join(f"<div class='comment'><p>{reply}</p></div>" for reply in REPLIES)
    return (
        f"<html><head>{head}</head><body><div class='topic'><div class='post-body'><p>{opening}</p></div>"
        f"<div class='comments'>{replies}</div></div></body></html>"
    )


def test_a_declared_forum_thread_keeps_its_replies() -> None:
    text = articlex.extract(_thread(declared=True)).text
    assert all(reply in text for reply in REPLIES)


def test_comments_under_an_undeclared_page_are_still_dropped() -> None:
    text = articlex.extract(_thread(declared=False)).text
    assert "My desktop restarts" in text
    assert not any(reply in text for reply in REPLIES)


def _moderated_thread(post_tag: str) -> str:
    """Posts inside the form of a forum's moderation tools (Invision), beside a longer
    list of the forum's boards, so the form holds under half of the page's text."""
    posts = "".join(
        f"<{post_tag} class='cPost'><aside class='cAuthorPane'><a href='/profile/{n}-member/'>member{n}</a></aside>"
        f"<div class='cPost_contentWrap'><time datetime='2024-03-19T10:00:00Z'>March 19, 2024</time>"
        f"<div data-role='commentContent'><p>{reply}</p></div></div></{post_tag}>"
        for n, reply in enumerate(REPLIES)
    )
    boards = "".join(f"<li><a href='/forum/{n}/'>Build hardware troubleshooting, board {n}</a></li>" for n in range(12))
    return (
        f"<html><body><div class='boards'><ul>{boards}</ul></div>"
        f"<form action='/topic/1-restarts/?do=multimodComment' method='post'>{posts}"
        "<input type='checkbox' name='multimod[]'></form></body></html>"
    )


def test_posts_inside_a_moderation_form_are_the_thread() -> None:
    text = articlex.extract(_moderated_thread("article")).text
    assert all(reply in text for reply in REPLIES)


def test_a_form_of_unsigned_boxes_is_still_a_form() -> None:
    # The same boxes as divs are no articles signed by a poster or date: the form goes.
    text = articlex.extract(_moderated_thread("div")).text
    assert not any(reply in text for reply in REPLIES)


def test_similar_threads_and_a_topic_overview_are_not_the_thread() -> None:
    posts = "".join(f"<div class='msg_body'><p>{reply}</p></div>" for reply in REPLIES)
    boxes = "".join(
        f"<div class='block'><h3 class='block-header'>{heading}</h3><ul>"
        f"<li><span>{entry}</span> <span>Replies 12</span> <span>Views 3K</span></li></ul></div>"
        for heading, entry in (
            ("Similar threads", "Computer reboots every night since the update"),
            ("Top Posters In This Topic", "bob 14 messages"),
        )
    )
    # XenForo prints its "Similar threads" block below the replies, in the same container.
    text = articlex.extract(f"<html><body><div class='thread'>{posts}{boxes}</div></body></html>").text
    assert all(reply in text for reply in REPLIES)
    assert "Similar threads" not in text and "reboots every night" not in text
    assert "Top Posters" not in text and "bob 14" not in text
