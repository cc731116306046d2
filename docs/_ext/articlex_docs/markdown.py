"""Turning generated MyST Markdown into nodes, and small Markdown builders."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


def render(directive: SphinxDirective, markdown: str, *, titles: bool = False) -> list[nodes.Node]:
    """Parse ``markdown`` as if it stood where ``directive`` is; return the nodes."""
    container = nodes.section() if titles else nodes.container()
    container.document = directive.state.document
    lines = StringList(markdown.splitlines(), source=directive.get_source_info()[0])
    directive.state.nested_parse(lines, directive.content_offset, container, match_titles=titles)
    return list(container.children)


# Characters that would start Markdown markup inside plain text taken from the code.
MARKUP_CHARACTERS = frozenset("\\`*_[]<>#$")


def escape(text: str) -> str:
    """Plain ``text`` as Markdown that shows it as written, on one line."""
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in MARKUP_CHARACTERS else char for char in flat)


def cell(text: str) -> str:
    """Markdown ``text`` made safe for one cell of a pipe table (no pipes, no newlines)."""
    return " ".join(text.split()).replace("|", "\\|")


def code(text: str) -> str:
    """``text`` as inline code, with a fence long enough for backticks inside it."""
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if fence == "`" else f"{fence} {text} {fence}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; cells are Markdown already."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)
