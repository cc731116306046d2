"""A thread recognised by its structure (thread.py): a run of signed sibling posts."""

from __future__ import annotations

from lxml import html

import articlex
from articlex.thread import find_thread

_REPLIES = (
    ("mira", "Try pinning the library to the last release; the regression came in with the new parser."),
    ("olek", "Pinning fixed it for me as well, and the changelog says a patch release is due this week."),
    ("tam", "Thanks both. I pinned it and the build is green again, so I will wait for the patch release."),
)


def _post(name: str, text: str) -> str:
    return (
        f'<li class="comment"><div class="byline"><a href="/u/{name}">{name}</a>'
        f'<time datetime="2024-05-03">May 3</time></div><div class="comment-text"><p>{text}</p></div></li>'
    )


def _thread_page(opening: str) -> str:
    posts = "".join(_post(name, text) for name, text in _REPLIES)
    return (
        '<html><body><nav><a href="/">Home</a> <a href="/latest">Latest</a></nav><main>'
        f'<h1>Build fails after upgrading</h1><div class="story">{opening}</div>'
        f'<ol class="comments">{posts}</ol></main></body></html>'
    )


def _article_page() -> str:
    body = "".join(
        f"<p>{sentence} The council met on Tuesday to weigh the plan, and members asked for more figures.</p>"
        for sentence in ("The bridge will close.", "Traffic will move to the ring road.", "Work ends in May.")
    )
    posts = "".join(_post(name, text) for name, text in _REPLIES)
    return (
        f'<html><body><article><h1>Bridge to close</h1><div class="entry">{body}</div></article>'
        f'<ol class="comments">{posts}</ol></body></html>'
    )


_QUESTION = (
    "Since the upgrade to the new release the server hangs at the start screen, every time I reboot it. "
    "I went back to the old release and everything works again, but I would like to stay current. "
    "The log is too large to paste here; which part of it would help to find the cause of the hang?"
)
_ANSWERS = ("Post the lines around the first error, please.", "Same here after the upgrade, pinning the old one helps.")


def _forum_page() -> str:
    """Discourse's crawler view, in short: sibling posts, each signed by a profile link and a date."""
    paragraphs = (f"<p>{_QUESTION}</p>" * 4, *(f"<p>{answer}</p>" for answer in _ANSWERS))
    posts = "".join(
        f'<div class="topic-body"><div class="post-meta"><a href="/u/p{i}">p{i}</a><time>May 3</time></div>'
        f'<div class="post-text">{text}</div></div>'
        for i, text in enumerate(paragraphs)
    )
    return f'<html><body><h1>Server hangs at start</h1><div id="main-outlet">{posts}</div></body></html>'


def test_a_long_first_post_does_not_hide_the_replies() -> None:
    # The first post holds most of the prose; scoring alone takes it for the whole body.
    text = articlex.extract(_forum_page()).text
    assert _QUESTION in text
    assert all(answer in text for answer in _ANSWERS)


def test_the_thread_is_the_run_of_posts() -> None:
    root = html.fromstring(_thread_page("<p>Since the upgrade my build fails. Anyone else?</p>"))
    thread = find_thread(root)
    assert thread is not None and thread.tag == "ol" and len(thread) == len(_REPLIES)


def test_reader_comments_under_an_article_are_not_a_thread() -> None:
    root = html.fromstring(_article_page())
    assert find_thread(root) is None
    text = articlex.extract(_article_page()).text
    assert "Traffic will move" in text
    assert not any(reply in text for _, reply in _REPLIES)


def test_unsigned_cards_are_not_a_thread() -> None:
    cards = "".join(f'<li class="comment"><div><p>{text}</p></div></li>' for _, text in _REPLIES)
    root = html.fromstring(f'<html><body><ol class="comments">{cards}</ol></body></html>')
    assert find_thread(root) is None


def test_a_forum_reply_prompt_is_not_text() -> None:
    prompts = ("You must log in or register to reply here.", "Create an account or sign in to comment")
    posts = "".join(f"<p>{text}</p>" for _, text in _REPLIES)
    page = f"<html><body><div class='thread'>{posts}{''.join(f'<p>{p}</p>' for p in prompts)}</div></body></html>"
    text = articlex.extract(page).text
    assert all(reply in text for _, reply in _REPLIES)
    assert not any(prompt in text for prompt in prompts)


def test_forum_post_badges_are_not_text() -> None:
    badges = ("Thread Starter", "(edited)", "Author")
    posts = "".join(f"<div>{badge}</div><p>{text}</p>" for badge, (_, text) in zip(badges, _REPLIES, strict=True))
    text = articlex.extract(f"<html><body><div class='thread'>{posts}</div></body></html>").text
    assert all(reply in text for _, reply in _REPLIES)
    assert not any(badge in text.splitlines() for badge in badges)


def test_qa_interface_labels_are_not_text() -> None:
    labels = ("2 Answers", "answered", "4 gold badges", r"\$\begingroup\$", "Explore related questions")
    posts = "".join(f"<div>{label}</div><p>{text}</p>" for label, (_, text) in zip(labels, _REPLIES, strict=False))
    extra = "".join(f"<div>{label}</div>" for label in labels[len(_REPLIES) :])
    text = articlex.extract(f"<html><body><div class='answers'>{posts}{extra}</div></body></html>").text
    assert all(reply in text for _, reply in _REPLIES)
    assert not any(label in text.splitlines() for label in labels)


def test_a_marked_question_keeps_its_question_beside_the_answers() -> None:
    # One long answer holds most of the prose: scoring alone takes it for the body.
    answers = "".join(
        f'<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">'
        f'<div itemprop="text">{f"<p>{text}</p>" * (8 if n == 0 else 1)}</div></div>'
        for n, (_, text) in enumerate(_REPLIES)
    )
    links = "".join(f'<a href="/questions/{n}">A linked question about build number {n}</a>' for n in range(20))
    page = (
        '<html itemscope itemtype="https://schema.org/QAPage"><body><h1>Build fails</h1>'
        '<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">'
        f'<div class="question"><p>{_QUESTION}</p><p>It fails on both machines.</p></div>'
        f'<div id="answers">{answers}</div><div class="meta">{links}</div></div>'
        '<div class="sidebar"><p>Hot questions</p></div></body></html>'
    )
    text = articlex.extract(page).text
    assert _QUESTION in text
    assert all(reply in text for _, reply in _REPLIES)


def test_poster_panel_lines_and_post_controls_are_not_text() -> None:
    # Poster panels printed as plain lines, without the class words that clean.py reads.
    panels = (
        ("Member", "Posts: 1,077", "Join Date: Aug 2008", "Offline"),
        ("Premium Member", "Joined 2025", "14 posts", "Reply"),
        (
            "Discussion starter",
            "Registered: 2024-01-27",
            "Report inappropriate content",
            "Not open for further replies.",
        ),
    )
    posts = "".join(
        f"<div class='who'><a href='/u/{name}'>{name}</a>{''.join(f'<div>{line}</div>' for line in lines)}</div>"
        f"<p>{text}</p>"
        for lines, (name, text) in zip(panels, _REPLIES, strict=True)
    )
    text = articlex.extract(f"<html><body><div class='thread'>{posts}</div></body></html>").text
    assert all(reply in text for _, reply in _REPLIES)
    shown = text.splitlines()
    assert not any(line in shown for lines in panels for line in lines)


def test_a_sellers_join_month_and_prose_mentioning_members_stay() -> None:
    lines = ("Joined Feb 1999", "Members of the club meet every Tuesday to reply to letters from readers.")
    page = "".join(f"<p>{line}</p>" for line in lines) + "".join(f"<p>{text}</p>" for _, text in _REPLIES)
    text = articlex.extract(f"<html><body><div class='seller'>{page}</div></body></html>").text
    assert all(line in text for line in lines)


def _xenforo_page() -> str:
    """The opening post in a block of its own above the replies, beside a long board list:
    the replies alone hold under THREAD_PAGE_SHARE of the page's text."""

    def message(name: str, text: str) -> str:
        return (
            f'<article class="message"><div class="message-user"><a href="/members/{name}.1/">{name}</a></div>'
            f'<div class="message-body"><time datetime="2024-11-01">Nov 1, 2024</time><p>{text}</p></div></article>'
        )

    boards = "".join(f"<li>Graphics cards and displays, board number {n}</li>" for n in range(9))
    replies = "".join(message(name, text) for name, text in _REPLIES[1:])
    return (
        f'<html><body><div class="boards"><ul>{boards}</ul></div><div class="p-body-pageContent">'
        f'<div class="block block--first">{message(*_REPLIES[0])}</div>'
        f'<div class="block block--messages">{replies}</div></div></body></html>'
    )


def test_an_opening_post_in_a_block_of_its_own_joins_the_thread() -> None:
    root = html.fromstring(_xenforo_page())
    found = find_thread(root)
    assert found is not None and found.get("class") == "p-body-pageContent"
    text = articlex.extract(_xenforo_page()).text
    assert all(reply in text for _, reply in _REPLIES)


def test_thread_controls_and_view_counts_are_not_text() -> None:
    labels = ("Print view", "Locked", "Return to “Using the app”", "Viewed", "11k times", "13 years, 8 months ago")
    posts = "".join(f"<div>{label}</div><p>{text}</p>" for label, (_, text) in zip(labels, _REPLIES, strict=False))
    extra = "".join(f"<div>{label}</div>" for label in labels[len(_REPLIES) :])
    text = articlex.extract(f"<html><body><div class='thread'>{posts}{extra}</div></body></html>").text
    assert all(reply in text for _, reply in _REPLIES)
    assert not any(label in text.splitlines() for label in labels)


def test_a_sentence_opening_like_a_control_stays() -> None:
    line = "Return to the start screen and pick the old release: the restarts stop there."
    page = f"<p>{line}</p>" + "".join(f"<p>{text}</p>" for _, text in _REPLIES)
    assert line in articlex.extract(f"<html><body><div class='thread'>{page}</div></body></html>").text


def _quoting_page() -> str:
    """A thread whose second post quotes the first one whole."""
    first, second = _REPLIES[0][1], _REPLIES[1][1]
    posts = (
        f'<div class="post"><a href="/u/mira">mira</a><time>May 3</time><p>{first}</p></div>'
        f'<div class="post"><a href="/u/olek">olek</a><time>May 4</time>'
        f"<blockquote><p>{first}</p></blockquote><p>{second}</p></div>"
    )
    return f'<html><body><h1>Build fails</h1><div id="posts">{posts}</div></body></html>'


def test_a_reply_quoting_a_post_above_does_not_repeat_it() -> None:
    text = articlex.extract(_quoting_page()).text
    assert text.count(_REPLIES[0][1]) == 1
    assert _REPLIES[1][1] in text


def test_a_passage_repeated_outside_a_thread_stays_twice() -> None:
    # An article that repeats a passage (a pull quote) is no thread: the repeat stays.
    passage = _REPLIES[1][1]
    body = "".join(f"<p>{text}</p>" for _, text in _REPLIES) + f"<blockquote><p>{passage}</p></blockquote>"
    text = articlex.extract(f"<html><body><article><h1>Build fails</h1>{body}</article></body></html>").text
    assert text.count(passage) == 2


def test_post_numbers_author_card_lines_and_shortened_links_are_not_text() -> None:
    labels = ("Reply 5", "Author has", "https://example.org/wiki/2025%E2%80%9326 ... league_table", "Share:", "Tumblr")
    posts = "".join(f"<div>{label}</div><p>{text}</p>" for label, (_, text) in zip(labels, _REPLIES, strict=False))
    extra = "".join(f"<div>{label}</div>" for label in labels[len(_REPLIES) :])
    text = articlex.extract(f"<html><body><div class='thread'>{posts}{extra}</div></body></html>").text
    assert all(reply in text for _, reply in _REPLIES)
    assert not any(label in text.splitlines() for label in labels)


def test_a_posts_age_goes_on_a_thread_only() -> None:
    ages = ("2 years ago", "1 yr")
    thread = (
        _quoting_page()
        .replace("<time>May 3</time>", "<div>2 years ago</div>")
        .replace("<time>May 4</time>", "<div>1 yr</div>")
    )
    text = articlex.extract(thread).text
    assert _REPLIES[1][1] in text
    assert not any(age in text.splitlines() for age in ages)
    # On a job board (no thread) the same age is the entry's, and stays.
    jobs = "".join(
        f"<div class='job'><h2>{role}</h2><p>4 weeks ago</p><p>Remote, four days a week at full pay.</p></div>"
        for role in ("Software engineer", "Data engineer", "Site reliability engineer")
    )
    assert "4 weeks ago" in articlex.extract(f"<html><body><main>{jobs}</main></body></html>").text


def test_the_date_signing_each_post_of_a_thread_stays() -> None:
    posts = "".join(
        f'<div class="post"><a href="/u/{name}">{name}</a><div>March {n + 19}, 2024</div><p>{text}</p></div>'
        for n, (name, text) in enumerate(_REPLIES)
    )
    text = articlex.extract(f'<html><body><h1>Build fails</h1><div id="posts">{posts}</div></body></html>').text
    # The first post's date is the page's, returned as its date; the replies' stay in the text.
    assert all(f"March {n + 19}, 2024" in text for n in range(1, len(_REPLIES)))
    # Outside a thread a date on its own line is the byline's, already returned: it goes.
    body = "".join(f"<p>{text}</p>" for _, text in _REPLIES)
    article = f"<html><body><article><h1>Build fails</h1><div>March 19, 2024</div>{body}</article></body></html>"
    assert "March 19, 2024" not in articlex.extract(article).text
