"""Drop a second copy of the body: a run of blocks repeating an earlier run, in order.

Pages print their content twice: a print or reader copy, a mobile and a desktop
layout both in the markup, a "full text" modal over the page. Cleaning keeps
both when neither is marked, and the body then reads twice. A run of long
blocks that repeats an earlier run block for block is such a copy; a single
line the page repeats on purpose (a note under each table, a feature in each
plan card) is not a run, and stays; nor is a run that holds little of the
body (the days of a meal plan, alike in each week).
"""

from __future__ import annotations

from articlex.model import Block
from articlex.rules.weights import (
    COPY_MIN_BLOCK_CHARS,
    COPY_MIN_BODY_SHARE,
    COPY_MIN_RUN_BLOCKS,
    COPY_MIN_RUN_CHARS,
)
from articlex.trace import Trace, preview


def drop_copies(blocks: list[Block], trace: Trace | None = None) -> list[Block]:
    """``blocks`` without the runs that repeat an earlier run of the body, in order."""
    # Positions of the blocks compared (long text blocks); figures and short
    # labels between them neither break a run nor count towards one.
    compared = [
        i for i, block in enumerate(blocks) if block.type != "figure" and len(block.text) >= COPY_MIN_BLOCK_CHARS
    ]
    texts = [blocks[i].text for i in compared]
    least = max(COPY_MIN_RUN_CHARS, COPY_MIN_BODY_SHARE * sum(len(b.text) for b in blocks if b.type != "figure"))
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        first.setdefault(text, k)
    copied: set[int] = set()
    k = 0
    while k < len(texts):
        length = _run_length(texts, first, k)
        if length >= COPY_MIN_RUN_BLOCKS and sum(len(t) for t in texts[k : k + length]) >= least:
            copied.update(compared[k : k + length])
        k += max(1, length)  # the run's tails are shorter runs of the same copy: judged with it
    if trace is not None:
        for i in sorted(copied):
            trace.add("filter", "dropped", preview(blocks[i].type, blocks[i].text), "a copy of blocks above it")
    return [block for i, block in enumerate(blocks) if i not in copied]


def _run_length(texts: list[str], first: dict[str, int], start: int) -> int:
    """How many texts from ``start`` on repeat, one for one, the texts from where the
    first of them first came, the copy not reaching into its original.

    Blocks are matched to their first occurrence: a page of one paragraph repeated
    is no copy of itself, and each block is looked at once (the page stays linear).
    """
    origin = first[texts[start]]
    length = 0
    while start + length < len(texts) and origin + length < start and first[texts[start + length]] == origin + length:
        length += 1
    return length
