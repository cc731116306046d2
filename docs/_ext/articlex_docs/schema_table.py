"""``articlex-schema``: the flat row schema (Parquet, CSV) from ``articlex.schema.COLUMNS``.

The schema module arrives with the batch command (issue 6). Until it is
importable the directive says so in one sentence, and the table appears by
itself once it is.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from articlex_docs.markdown import cell, code, escape, render, table

SCHEMA_MODULE = "articlex.schema"
NOT_YET = (
    "The flat row schema (`articlex.schema`) is not part of this build of articlex: it comes with the batch command."
)

LOGGER = logging.getLogger(__name__)


def schema_rows(columns: Iterable[Any]) -> list[list[str]]:
    """One row per column: name, type, description (each column has those three attributes)."""
    return [[code(c.name), code(str(c.type)), cell(escape(c.description))] for c in columns]


def schema_markdown(module: Any) -> str:
    """The columns table, and the schema version when the module declares one."""
    parts = [table(["column", "type", "description"], schema_rows(module.COLUMNS))]
    version = getattr(module, "SCHEMA_VERSION", None)
    if version is not None:
        parts.insert(0, f"Schema version {code(str(version))}.")
    return "\n\n".join(parts)


class SchemaTable(SphinxDirective):
    """Render ``articlex.schema.COLUMNS`` as a table."""

    def run(self) -> list[nodes.Node]:
        try:
            module = importlib.import_module(SCHEMA_MODULE)
        except ModuleNotFoundError as error:
            if error.name != SCHEMA_MODULE:
                raise
            LOGGER.info("articlex-schema: %s is not importable; the table is left out", SCHEMA_MODULE)
            return render(self, NOT_YET)
        return render(self, schema_markdown(module))
