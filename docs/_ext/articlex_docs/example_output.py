"""``articlex-output``: what articlex returns for a page, computed when the docs are built."""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

import articlex

# How each :format: renders an Article, and the language its block is highlighted as.
FORMATS = {"json": "json", "markdown": "markdown", "text": "text"}


def output(path: Path, fmt: str, fields: list[str], url: str | None = None) -> str:
    """The article in ``path`` as ``fmt``; for JSON, only ``fields`` when given (in their order)."""
    article = articlex.extract(path.read_bytes(), url=url)
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "text":
        return article.text
    data = article.to_dict()
    unknown = [name for name in fields if name not in data]
    if unknown:
        raise KeyError(f"not keys of to_dict(): {', '.join(unknown)}")
    chosen = {name: data[name] for name in fields} if fields else data
    return json.dumps(chosen, ensure_ascii=False, indent=2)


class ExampleOutput(SphinxDirective):
    """Extract the page at the argument's path (relative to this document) and show the result.

    Options: ``:format:`` json (default), markdown or text; ``:fields:`` a comma-separated
    subset of ``to_dict()`` keys; ``:url:`` the URL to pass to ``extract``.
    """

    required_arguments = 1
    option_spec = {  # noqa: RUF012 (docutils reads this class attribute)
        "format": lambda value: directives.choice(value, tuple(FORMATS)),
        "fields": directives.unchanged,
        "url": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        _, absolute = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(absolute)
        fmt = self.options.get("format", "json")
        fields = [f.strip() for f in self.options.get("fields", "").split(",") if f.strip()]
        try:
            text = output(Path(absolute), fmt, fields, self.options.get("url"))
        except (OSError, KeyError, articlex.ArticlexError) as error:
            raise self.error(f"articlex-output: {error}") from error
        block = nodes.literal_block(text, text, language=FORMATS[fmt])
        self.set_source_info(block)
        return [block]
