"""The explain trace: which nodes and blocks each stage removed or kept, and why.

``extract(..., options=Options(trace=True))`` hands a :class:`Trace` to the
stages; each records a :class:`Step` where it decides something. Without the
option the stages get ``None`` and record nothing, so the trace costs nothing
when nobody asked for it.

Nodes are named by their tag, id and first classes plus their path in the
tree the stage worked on (``div#main.story /html/body/div[2]/div``): the
cleaner's paths are those of the page as parsed; the locator's are those of
the cleaned copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html

# A node's description names at most this many of its classes.
DESCRIBED_CLASSES = 2
# Text previews in steps are cut to this many characters.
PREVIEW_CHARS = 60


@dataclass(frozen=True, slots=True)
class Step:
    """One decision of one stage.

    Attributes:
        stage: ``clean``, ``locate``, ``filter`` or ``verdict``.
        action: what happened to the node or block: ``removed``, ``kept``,
            ``candidate``, ``chosen``, ``joined``, ``dropped``.
        node: the element (tag#id.class and path) or the block (type and text preview).
        rule: the rule that decided, in words.
        score: the number the rule compared, when there is one.
    """

    stage: str
    action: str
    node: str
    rule: str
    score: float | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict."""
        return {"stage": self.stage, "action": self.action, "node": self.node, "rule": self.rule, "score": self.score}

    def __str__(self) -> str:
        score = "" if self.score is None else f" ({self.score:.3g})"
        return f"{self.stage:<8} {self.action:<9} {self.node}: {self.rule}{score}"


@dataclass(slots=True)
class Trace:
    """The steps recorded during one extraction, in order."""

    steps: list[Step] = field(default_factory=list)

    def add(self, stage: str, action: str, node: str, rule: str, score: float | None = None) -> None:
        """Record one decision."""
        self.steps.append(Step(stage, action, node, rule, score))


def describe(el: html.HtmlElement) -> str:
    """``div#main.story.wide /html/body/div[2]``: an element a person can find again."""
    name = str(el.tag)
    ident = el.get("id")
    if ident:
        name += f"#{ident}"
    classes = (el.get("class") or "").split()[:DESCRIBED_CLASSES]
    name += "".join(f".{c}" for c in classes)
    return f"{name} {el.getroottree().getpath(el)}"


def preview(kind: str, text: str) -> str:
    """``paragraph "Sign up for our newsletter..."``: a block a person can recognise."""
    cut = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rstrip() + "..."
    return f'{kind} "{cut}"'
