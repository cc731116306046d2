"""How much to trust an extracted body: a number from 0 to 1 that tracks its F1.

Three signals, each cheap and known at the end of the pipeline, combined by a
logistic model whose weights live in :mod:`articlex.rules.weights`:

* **length**: the body's word count (log scale). Wrong bodies are most often
  short: a caption, a cookie notice, one teaser.
* **coverage**: the share of the page's prose (paragraph text that is not mostly
  links and not in boilerplate-named elements) that lies inside the body. A body
  that leaves most of the page's prose outside it has likely picked one part.
* **links**: the share of the body's text inside links. Navigation and teaser
  lists are link text; articles are not.

An empty body has confidence 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from articlex.model import TEXT_BLOCK_TYPES, Block
from articlex.rules.weights import (
    CONFIDENCE_BIAS,
    CONFIDENCE_COVERAGE,
    CONFIDENCE_DECIMALS,
    CONFIDENCE_LINKS,
    CONFIDENCE_WORDS,
)


def confidence(body: Sequence[Block], coverage: float) -> float:
    """The body's confidence, from its words and links and the located ``coverage``."""
    text_blocks = [block for block in body if block.type in TEXT_BLOCK_TYPES and block.text]
    chars = sum(len(block.text) for block in text_blocks)
    if not chars:
        return 0.0
    # Block text is squashed: single spaces, lines joined by "\n". Counting
    # separators spares a list of every word (millions on a hostile page).
    words = sum(block.text.count(" ") + block.text.count("\n") + 1 for block in text_blocks)
    linked = sum(len(link.text) for block in text_blocks for link in block.links)
    z = (
        CONFIDENCE_BIAS
        + CONFIDENCE_WORDS * math.log1p(words)
        + CONFIDENCE_COVERAGE * coverage
        + CONFIDENCE_LINKS * min(1.0, linked / chars)
    )
    return round(1 / (1 + math.exp(-z)), CONFIDENCE_DECIMALS)
