"""Options for :func:`articlex.extract`."""

from __future__ import annotations

from dataclasses import dataclass

# 50 MiB: larger than any real article page (the biggest page in our benchmark
# sets is under 5 MiB) yet small enough that a parse stays well under a second.
DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Options:
    """What :func:`articlex.extract` does; every field has a sensible default.

    Attributes:
        include_related: harvest teaser cards and related-link lists into ``Article.related``.
        include_tables: keep ``table`` blocks in the body.
        include_figures: keep ``figure`` blocks (images with caption and credit) in the body.
        max_input_bytes: inputs larger than this raise :class:`~articlex.InputTooLargeError`.
        trace: record why each node and block was removed or kept in ``Article.trace``
            (what ``articlex --explain`` prints); off by default, it costs time.
    """

    include_related: bool = True
    include_tables: bool = True
    include_figures: bool = True
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    trace: bool = False
