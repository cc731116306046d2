"""A code block is kept whole: a highlighter's token classes are not page chrome."""

from __future__ import annotations

import articlex

PROSE = [
    "The loader reads the configuration once, at start-up, and keeps it for the life of the process.",
    "Each worker then asks the loader for its settings instead of reading the file again itself.",
    "The example below shows the call a worker makes, with the comment the maintainers left there.",
]


def _page(span_class: str) -> str:
    code = (
        "<pre><code><span class='hljs-keyword'>def</span> settings():\n"
        f"    <span class='{span_class}'># read once, shared by every worker</span>\n"
        "    <span class='hljs-keyword'>return</span> LOADER.settings</code></pre>"
    )
    return (
        "<html><body><article><h1>Loading settings</h1>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + code
        + "</article></body></html>"
    )


def test_a_comment_token_in_a_code_block_stays() -> None:
    # "hljs-comment" holds the class word "comment", which outside <pre> names a comments section.
    text = articlex.extract(_page("hljs-comment")).text
    assert "# read once, shared by every worker" in text
    assert "return LOADER.settings" in text


def test_a_hidden_element_in_a_code_block_still_goes() -> None:
    page = _page("hljs-comment").replace("<span class='hljs-keyword'>return</span>", "<span hidden>return</span>")
    assert "return LOADER" not in articlex.extract(page).text
