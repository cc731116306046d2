"""Pages that may not exist yet, and links to repository files outside ``docs/``.

Other work adds ``cli.md``, ``schema.md`` and ``spark.md``; the site lists and
links them once they are there, and builds without warnings before.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes
from sphinx.directives.other import TocTree
from sphinx.transforms.post_transforms import SphinxPostTransform
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


def optional_doc_role(  # noqa: PLR0917 (the arguments docutils passes to a role)
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


class RepositoryLinks(SphinxPostTransform):
    """A Markdown link to a file of the repository outside ``docs/`` shows as its text alone.

    ``benchmarks.md`` links ``../benchmarks/README.md``, which works when the
    Markdown is read in a checkout; the built site has no such page, and MyST
    would warn. Runs before MyST resolves its links (its priority is 9).
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        srcdir = Path(self.env.srcdir).resolve()
        root = srcdir.parent
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst" or node.get("refdomain") != "doc":
                continue
            target = str(node["reftarget"])
            if target in self.env.all_docs:
                continue
            path = (srcdir / target).resolve()
            candidates = [path, *(path.with_name(path.name + suffix) for suffix in self.config.source_suffix)]
            outside = [c for c in candidates if c.is_file() and c.is_relative_to(root) and not c.is_relative_to(srcdir)]
            if outside:
                node.replace_self(node.children or [nodes.literal(text=outside[0].relative_to(root).as_posix())])
