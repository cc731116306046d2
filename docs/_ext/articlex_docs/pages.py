"""Pages that may not exist yet: listed and linked once they are there.

Other work adds ``cli.md``, ``schema.md`` and ``spark.md``; the site lists and
links them once they are there, and builds without warnings before.
"""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes
from sphinx.directives.other import TocTree
from sphinx.util.docutils import SphinxDirective


def _docname(directive_or_env: Any, target: str) -> str:
    env = directive_or_env
    base = posixpath.dirname(env.current_document.docname)
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


class OptionalToctree(TocTree, SphinxDirective):
    """A ``toctree`` that leaves out the entries whose documents do not exist."""

    def run(self) -> list[nodes.Node]:
        present = self.env.found_docs
        self.content.data = [
            line for line in self.content.data if not line.strip() or _docname(self.env, line.strip()) in present
        ]
        return super().run()


def optional_doc_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{optdoc}`Title <docname>```: a link to the document when it exists, else the title alone."""
    title, _, target = text.rpartition(" <")
    target = target.rstrip(">") if title else text
    title = title or text
    env = inliner.document.settings.env
    docname = _docname(env, target)
    if docname not in env.found_docs:
        return [nodes.inline(rawtext, title)], []
    ref = addnodes.pending_xref(
        rawtext, refdomain="std", reftype="doc", reftarget="/" + docname, refexplicit=True, refwarn=True
    )
    ref += nodes.inline(title, title)
    return [ref], []
