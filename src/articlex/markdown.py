"""Render an Article as Markdown with YAML front matter."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from articlex.model import Article, Block

# A heading block without a level renders as a section heading under the title.
DEFAULT_HEADING_LEVEL = 2

_FRONT_MATTER_KEYS = (
    "headline",
    "dek",
    "section",
    "labels",
    "authors",
    "published",
    "modified",
    "tags",
    "site_name",
    "language",
    "url",
    "canonical_url",
)


def render_markdown(article: Article) -> str:
    """Front matter (JSON-compatible YAML scalars) followed by the body blocks."""
    data = article.to_dict()
    lines = ["---"]
    for key in _FRONT_MATTER_KEYS:
        value: Any = data[key]
        if key == "authors":
            value = [a["name"] for a in value]
        if value not in (None, [], ""):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    if article.headline:
        lines += ["", f"# {article.headline}"]
    if article.dek:
        lines += ["", f"*{article.dek}*"]
    for block in article.body:
        lines += ["", _block(block)]
    return "\n".join(lines) + "\n"


def _block(block: Block) -> str:
    render = _RENDERERS.get(block.type)
    return render(block) if render else block.text.replace("\n", "  \n")


def _heading(block: Block) -> str:
    return f"{'#' * (block.level or DEFAULT_HEADING_LEVEL)} {block.text}"


def _list(block: Block) -> str:
    return "\n".join(f"{n}. {item}" if block.ordered else f"- {item}" for n, item in enumerate(block.items, 1))


def _quote(block: Block) -> str:
    return "\n".join(f"> {line}" for line in block.text.split("\n"))


def _code(block: Block) -> str:
    return f"```{block.language or ''}\n{block.text}\n```"


def _figure(block: Block) -> str:
    caption = " ".join(filter(None, [block.caption, block.credit]))
    return f"![{block.alt or ''}]({block.url})" + (f"\n\n*{caption}*" if caption else "")


def _table(block: Block) -> str:
    width = max(len(row) for row in block.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in block.rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(out)


_RENDERERS: dict[str, Callable[[Block], str]] = {
    "heading": _heading,
    "list": _list,
    "quote": _quote,
    "code": _code,
    "figure": _figure,
    "table": _table,
}
