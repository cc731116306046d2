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
