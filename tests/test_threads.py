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
