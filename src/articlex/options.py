"""Options for :func:`articlex.extract`, including the limits that bound its time and memory.

Every limit has a default chosen against the two benchmark sets (1,539 real
pages): the largest of them is 5.3 MB, has 15,795 elements, nests 56 levels
deep and puts 136 attributes on one tag. ``docs/errors.md`` lists the limits
and what happens when one fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# 50 MiB: ten times the largest page in our benchmark sets; a 50 MB page is
# extracted in a few seconds, at a peak of about seven times its size.
DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024
# Blink's HTML parser stops nesting at 512 levels (deeper elements become
# siblings); the deepest benchmark page nests 56 levels.
DEFAULT_MAX_TREE_DEPTH = 512
# libxml2 builds no deeper than 2,048 levels (with huge_tree) and drops what is
# below; flattening to half that leaves room for the elements it implies.
HIGHEST_MAX_TREE_DEPTH = 1024
# The text volume (each character of text counted once per element it is in)
# is what the heuristics' time grows with, at 25 to 40 ns a unit: this budget
# is a few seconds of work. The benchmark pages' largest volume is 12 million,
# and none is over 16 times its length; a page that nests its text hundreds
# deep is flattened until it is under the budget.
DEFAULT_MAX_TEXT_VOLUME = 100_000_000
# Six times the element count of the largest benchmark page (15,795): long
# forum threads and reference pages fit, and a page at the limit is extracted
# in a few seconds.
DEFAULT_MAX_NODES = 100_000
# libxml2 checks each attribute against all earlier ones of its tag, so time
# grows with the square of the count (100,000 attributes take 14 s, 1,000 take
# 1 ms); the most on one tag in the benchmark pages is 136.
DEFAULT_MAX_ATTRIBUTES = 1_000
# JSON-LD larger than this is a data dump (a product catalogue, a whole feed),
# not the page's metadata; the largest benchmark block is 153 KB.
DEFAULT_MAX_JSONLD_CHARS = 1_000_000
# The deepest JSON-LD in the benchmark pages nests 11 levels; 128 is far above
# that and far below Python's recursion limit (1,000), which json.loads would
# otherwise hit at a depth that changes between Python versions.
DEFAULT_MAX_JSONLD_DEPTH = 128
# dateparser takes about a second on a long string; real date strings
# ("Tuesday, 14 March 2023, 10:42 a.m. CET") are well under this.
DEFAULT_MAX_DATE_CHARS = 64

OnLimit = Literal["warn", "raise"]


@dataclass(frozen=True, slots=True)
class Options:
    """What :func:`articlex.extract` does; every field has a sensible default.

    Attributes:
        include_related: harvest teaser cards and related-link lists into ``Article.related``.
        include_tables: keep ``table`` blocks in the body.
        include_figures: keep ``figure`` blocks (images with caption and credit) in the body.
        max_input_bytes: inputs larger than this (characters, for ``str``) raise
            :class:`~articlex.InputTooLargeError`, whatever ``on_limit`` says.
        max_tree_depth: markup nested deeper than this is flattened: wrappers
            below the depth go, their text stays (at most 1,024).
        max_text_volume: the characters of text under each element, summed over
            all elements; a page over it is flattened (text kept) until it is not,
            but never below 16 levels.
        max_nodes: elements (start tags) read; the page is cut before the next one.
        max_attributes: attributes read on one tag; the rest of that tag's
            attributes are dropped before parsing.
        max_jsonld_chars: a JSON-LD block longer than this is not read.
        max_jsonld_depth: a JSON-LD block nested deeper than this is not read (nor
            is one that reaches Python's recursion limit).
        max_date_chars: a date string longer than this is not handed to dateparser
            (the standard formats are still tried).
        on_limit: what a limit other than ``max_input_bytes`` does when it fires:
            ``"warn"`` extracts what is within the limit and says what was cut in
            ``Article.warnings``; ``"raise"`` raises :class:`~articlex.ResourceLimitError`.
        trace: record why each node and block was removed or kept in ``Article.trace``
            (what ``articlex --explain`` prints); off by default, it costs time.
    """

    include_related: bool = True
    include_tables: bool = True
    include_figures: bool = True
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    max_tree_depth: int = DEFAULT_MAX_TREE_DEPTH
    max_text_volume: int = DEFAULT_MAX_TEXT_VOLUME
    max_nodes: int = DEFAULT_MAX_NODES
    max_attributes: int = DEFAULT_MAX_ATTRIBUTES
    max_jsonld_chars: int = DEFAULT_MAX_JSONLD_CHARS
    max_jsonld_depth: int = DEFAULT_MAX_JSONLD_DEPTH
    max_date_chars: int = DEFAULT_MAX_DATE_CHARS
    on_limit: OnLimit = "warn"
    trace: bool = False

    def __post_init__(self) -> None:
        for name in ("max_input_bytes", "max_tree_depth", "max_text_volume", "max_nodes", "max_attributes"):
            if getattr(self, name) < 1:
                raise ValueError(f"Options.{name} must be at least 1")
        if self.max_tree_depth > HIGHEST_MAX_TREE_DEPTH:
            raise ValueError(f"Options.max_tree_depth must be at most {HIGHEST_MAX_TREE_DEPTH}")
        for name in ("max_jsonld_chars", "max_jsonld_depth", "max_date_chars"):
            if getattr(self, name) < 0:
                raise ValueError(f"Options.{name} must not be negative")
        if self.on_limit not in ("warn", "raise"):
            raise ValueError(f"Options.on_limit must be 'warn' or 'raise', not {self.on_limit!r}")
