"""Sphinx configuration: MyST Markdown pages, autodoc reference, pages generated from the code.

Build (from the repository root, after ``pip install ".[docs]"``)::

    sphinx-build -W --keep-going -b html docs docs/_build/html

Nothing here reaches the network: the theme's assets are packaged, there is
no intersphinx, and the pipeline diagram is an SVG file.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The checkout's own source first, so the reference is of this tree and not of
# whatever articlex happens to be installed; then the docs' own extension.
sys.path[:0] = [str(DOCS.parent / "src"), str(DOCS / "_ext")]

import articlex  # noqa: E402 (importable only once the path above is set)

project = "articlex"
author = "articlex developers"
copyright = "articlex developers, MIT licence"
release = articlex.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    # Docstrings are Google style ("Args:", "Attributes:", "Raises:").
    "sphinx.ext.napoleon",
    "articlex_docs",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
# Nitpicky: every cross-reference must resolve, except to the standard
# library's types: without intersphinx (it would fetch Python's inventory over
# the network) there is nothing to link them to.
nitpicky = True
nitpick_ignore_regex = [
    ("py:class", r"(collections\.abc|typing|os|pathlib)\.\w+"),
    # The same for the libraries in public signatures: pyarrow's types
    # (articlex.schema.arrow_schema returns a pyarrow.Schema), requests'
    # Session (articlex.fetch takes one) and pyspark's DataFrame and friends
    # (articlex.spark takes and returns them).
    ("py:class", r"(pyarrow|pyspark|requests)\.[\w.]+"),
]

# MyST: "{directive}" fences, ":::" fences for containers, and anchors for
# "#section" links up to third-level headings (benchmarks.md links one).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# "Attributes:" sections as a field list, so they do not clash with the dataclass fields autodoc lists.
napoleon_use_ivar = True

html_theme = "furo"
html_title = f"articlex {release}"
html_static_path = ["_static"]
html_css_files = ["articlex.css"]
html_show_sourcelink = False
html_copy_source = False
