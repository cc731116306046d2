"""Sphinx extension for the articlex documentation: pages generated from the code.

Each directive renders MyST Markdown from a live object (the argument parser,
the dataclasses, ``articlex.__all__``, ``articlex.schema.COLUMNS``) and parses
it in place, so the reference cannot drift from the code. Registered in
``docs/conf.py``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from articlex_docs.api_reference import ApiReference, process_signature
from articlex_docs.cli_reference import CliReference
from articlex_docs.example_output import ExampleOutput
from articlex_docs.fields import FieldTable
from articlex_docs.pages import OptionalToctree, RepositoryLinks, optional_doc_role
from articlex_docs.schema_table import SchemaTable


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, the role and the link transform."""
    app.add_directive("articlex-api", ApiReference)
    app.add_directive("articlex-cli", CliReference)
    app.add_directive("articlex-output", ExampleOutput)
    app.add_directive("articlex-fields", FieldTable)
    app.add_directive("articlex-schema", SchemaTable)
    app.add_directive("optional-toctree", OptionalToctree)
    app.add_role("optdoc", optional_doc_role)
    app.add_post_transform(RepositoryLinks)
    app.connect("autodoc-process-signature", process_signature)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
