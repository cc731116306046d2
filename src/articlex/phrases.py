"""Whether a text holds one of a vocabulary's phrases, matched case-insensitively, fast.

A vocabulary's phrases (regular expressions) are searched over the text of every
block. Compiled with ``re.IGNORECASE`` into one alternation, every phrase is tried
at every position of the text: ``re`` finds no first character to skip to, since
under IGNORECASE a letter is not one character but a set of them. Here the text is
lowercased once and searched with lowercase patterns compiled case-sensitively,
in groups that ``re`` can skip through. Over the 7,306 texts ScrapingHub's pages
ask about, a text's BOILERPLATE_PHRASES search went from 17.9 to 6.4 microseconds
and its APPEAL_PHRASES search from 11.3 to 4.2.

The verdict is the IGNORECASE alternation's: :func:`fold` refuses the texts whose
lowercase ``re`` would compare otherwise, and those are searched the slow way.
Phrases are joined and split at their top-level "|", so they hold no inline
flags and no back-references (whose group numbers would shift).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Characters that re.IGNORECASE matches to an ASCII letter a phrase holds, but
# that lowercasing leaves apart: dotless "ı" matches "i" and long "ſ" matches "s"
# (re's table of extra case equivalents). The table's other entries are Greek and
# Cyrillic letters and symbols, which no phrase holds (tests/test_phrases.py
# checks every character against the phrases' own).
_FOLDED_APART = re.compile("[\u0131\u017f]")
# Characters that open a regular expression's element other than one literal
# character: a phrase (or a branch) starting with one gives re no first character.
_NOT_LITERAL = frozenset("\\()[].^$|*+?{")
_QUANTIFIERS = frozenset("*+?{")
# A branch's required text this long is rare enough in prose to be worth testing
# first (" be reached at", "affiliate links"); shorter ones (" ", ":") are in
# nearly every text, and the test would only add its cost to the search.
_TELLING_CHARS = 4


def fold(text: str) -> str | None:
    """The text lowercased as re.IGNORECASE compares it, character for character;
    None when it holds a character whose lowercase re compares otherwise (the
    Turkish "İ", whose lowercase is two characters; :data:`_FOLDED_APART`)."""
    folded = text.lower()
    if text.isascii():
        return folded
    if len(folded) != len(text) or _FOLDED_APART.search(folded):
        return None
    return folded


def lowercase_pattern(pattern: str) -> str:
    """The pattern with its letters lowercased, its escapes (``\\S``, ``\\W``, ``\\B``) kept."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


def _elements(pattern: str) -> Iterator[tuple[int, str]]:
    """The pattern's elements with the depth of groups they stand in: an escape ("\\S"),
    a set ("[^.]"), a bracket (its outer depth) or one character."""
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            end = index + 2
        elif char == "[":
            end = _set_end(pattern, index)
        else:
            end = index + 1
            depth -= char == ")"
        yield depth, pattern[index:end]
        depth += char == "("
        index = end


def _set_end(pattern: str, start: int) -> int:
    """Where the set opening at ``start`` ends (one past its "]")."""
    index = start + 1
    index += pattern.startswith("^", index)  # a negated set
    index += pattern.startswith("]", index)  # a "]" first in a set is one of its characters
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives ("a|b(c|d)" gives "a" and "b(c|d)")."""
    parts: list[str] = [""]
    for depth, element in _elements(pattern):
        if element == "|" and depth == 0:
            parts.append("")
        else:
            parts[-1] += element
    return parts


def required_texts(branch: str) -> tuple[str, ...]:
    """Texts one of which every match of the branch holds, () if none is known: a run
    of plain characters outside groups and sets, neither escaped nor repeated
    ("comment" of "comments?"), or a group's alternatives' own ("posted", "published"
    of "(posted|published) by"). Of the choices, the one whose shortest text is longest."""
    best: tuple[str, ...] = ()
    run = ""
    for element, repeated in _top_level(branch):
        if len(element) == 1 and element not in _NOT_LITERAL and not repeated:
            run += element
            continue
        best = _longer(best, (run,))
        run = ""
        if element.startswith("(") and not repeated:
            best = _longer(best, _group_texts(element))
    return _longer(best, (run,))


def _group_texts(group: str) -> tuple[str, ...]:
    """Texts one of which every match of the group "(...)" holds (:func:`required_texts`)."""
    inner = _inside(group)
    texts = [required_texts(alternative) for alternative in alternatives(inner)] if inner is not None else []
    if not texts or not all(texts):
        return ()
    return tuple(text for found in texts for text in found)


def _inside(group: str) -> str | None:
    """The pattern inside a group "(...)" or "(?:...)"; None for a lookaround or a named group."""
    if group.startswith("(?:"):
        return group[3:-1]
    return None if group.startswith("(?") else group[1:-1]


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of the pattern opens with; None when it may open with
    any, or when that is not read (an escape, a set, a repeated first element)."""
    elements = _top_level(pattern)
    if not elements or elements[0][1]:
        return None
    first = elements[0][0]
    if len(first) == 1 and first not in _NOT_LITERAL:
        return frozenset(first)
    if first.startswith("\\") and first[1:] and not first[1:].isalnum():
        return frozenset(first[1:])  # an escaped mark ("\\(", "\\$") stands for itself
    inner = _inside(first) if first.startswith("(") else None
    if inner is None:
        return None
    opening: set[str] = set()
    for alternative in alternatives(inner):
        chars = first_characters(alternative)
        if chars is None:
            return None
        opening |= chars
    return frozenset(opening)


def _longer(one: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """Of two choices of required texts, the one whose shortest text is longer."""
    return other if min(map(len, other), default=0) > min(map(len, one), default=0) else one


def _top_level(branch: str) -> list[tuple[str, bool]]:
    """The branch's top-level elements, a group or a "{m,n}" whole, each with whether
    a repeat ("?", "*", "+", "{m,n}") follows it."""
    merged: list[str] = []
    closing = ""  # the character that ends the group or the "{m,n}" being merged
    for depth, element in _elements(branch):
        if closing:
            merged[-1] += element
            closing = "" if depth == 0 and element == closing else closing
        else:
            merged.append(element)
            closing = {"(": ")", "{": "}"}.get(element, "")
    repeats = [element[:1] in _QUANTIFIERS for element in merged]
    followed = [*repeats[1:], False][: len(merged)]
    return [(element, after) for element, repeat, after in zip(merged, repeats, followed, strict=True) if not repeat]


def _kind(branch: str) -> str:
    """How re can search for the branch: "anchored" at the text's start, "literal"
    (it opens with one plain character, not repeated, which re skips to), or "other"."""
    if branch.startswith("^"):
        return "anchored"
    if branch and branch[0] not in _NOT_LITERAL and branch[1:2] not in _QUANTIFIERS:
        return "literal"
    return "other"


@dataclass(frozen=True, slots=True)
class Phrases:
    """A vocabulary's phrases compiled both ways: for folded texts and for the rest."""

    #: The branches anchored at the text's start ("^"), lowercase, by the character
    #: they open with: those that may open with any character are in each. Trying
    #: all 75 of BOILERPLATE_PHRASES at a text's start took 2 microseconds.
    by_opening: Mapping[str, re.Pattern[str]]
    #: The anchored branches that may open with any character, for a text that opens
    #: with none of ``by_opening``'s (None when there are none).
    any_opening: re.Pattern[str] | None
    #: Lowercase, case-sensitive, over folded text: the branches that open with a
    #: literal character, and the others that hold no telling text. Each group is its
    #: own alternation so that re skips through the text to the characters that open
    #: a branch (one branch of another kind among them stops that).
    folded: tuple[re.Pattern[str], ...]
    #: The other branches that hold telling texts, each with them (:func:`required_texts`) as
    #: an alternation, searched only in a text that holds one ("\\bfollow (him|her)
    #: on ..." opens with no character re can skip to: in one alternation, the
    #: appeals' four such branches took 6.1 microseconds a text, 0.2 gated).
    gated: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    #: Every gated branch's telling texts in one alternation: most texts hold none.
    telling: re.Pattern[str]
    #: The phrases with re.IGNORECASE, for texts :func:`fold` refuses.
    either_case: re.Pattern[str]

    def found_in(self, text: str, folded: str | None) -> bool:
        """True when the text holds a phrase; ``folded``: :func:`fold` of the text."""
        if folded is None:
            return self.either_case.search(text) is not None
        anchored = self.by_opening.get(folded[:1], self.any_opening)
        if anchored is not None and anchored.match(folded):
            return True
        for pattern in self.folded:  # loops, not any() over a generator: a third of a microsecond less
            if pattern.search(folded):
                return True
        if not self.telling.search(folded):
            return False
        return any(gate.search(folded) and pattern.search(folded) for gate, pattern in self.gated)


def compile_phrases(phrases: Collection[str]) -> Phrases:
    """The phrases (regular expressions, matched case-insensitively) ready to search."""
    branches = [branch for phrase in phrases for branch in alternatives(lowercase_pattern(phrase))]
    gates = {branch: required_texts(branch) for branch in branches if _kind(branch) == "other"}
    gates = {branch: texts for branch, texts in gates.items() if min(map(len, texts), default=0) >= _TELLING_CHARS}
    groups = ([b for b in branches if _kind(b) == kind and b not in gates] for kind in ("literal", "other"))
    folded = tuple(re.compile("|".join(group)) for group in groups if group)
    gated = tuple((_any_of(texts), re.compile(branch)) for branch, texts in gates.items())
    telling = _any_of([text for texts in gates.values() for text in texts])
    by_opening, any_opening = _by_opening([branch for branch in branches if _kind(branch) == "anchored"])
    either_case = re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)
    return Phrases(by_opening, any_opening, folded, gated, telling, either_case)


def _by_opening(anchored: list[str]) -> tuple[Mapping[str, re.Pattern[str]], re.Pattern[str] | None]:
    """The anchored branches as alternations by the character they open with, and the
    alternation of those that may open with any (see :attr:`Phrases.by_opening`)."""
    openings = {branch: first_characters(branch[1:]) for branch in anchored}
    anywhere = [branch for branch, chars in openings.items() if chars is None]
    chars = sorted({char for found in openings.values() if found is not None for char in found})
    by_opening = {
        char: re.compile("|".join([b for b, found in openings.items() if found and char in found] + anywhere))
        for char in chars
    }
    return MappingProxyType(by_opening), re.compile("|".join(anywhere)) if anywhere else None


def _any_of(texts: Collection[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, texts)) or "(?!)")  # (?!): no text, never found
