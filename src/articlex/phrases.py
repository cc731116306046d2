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
from collections.abc import Collection, Iterator
from dataclasses import dataclass

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


def required_text(branch: str) -> str:
    """The longest run of plain characters that every match of the branch holds: one
    outside groups and sets, of characters neither escaped nor repeated ("" if none)."""
    runs = [""]
    counting = True  # False inside a "{m,n}" repeat
    for depth, element in _elements(branch):
        if not counting:
            counting = element == "}"
        elif depth == 0 and element in _QUANTIFIERS:
            runs[-1] = runs[-1][:-1]  # the repeated character may be absent
            runs.append("")
            counting = element != "{"
        elif depth == 0 and len(element) == 1 and element not in _NOT_LITERAL:
            runs[-1] += element
        else:
            runs.append("")
    return max(runs, key=len)


def _kind(branch: str) -> str:
    """How re can search for the branch: "anchored" at the text's start, "literal"
    (it opens with one plain character, not repeated, which re skips to), or "other"."""
    if branch.startswith("^"):
        return "anchored"
    if branch and branch[0] not in _NOT_LITERAL and branch[1:2] not in _QUANTIFIERS:
        return "literal"
    return "other"


_KINDS = ("anchored", "literal", "other")


@dataclass(frozen=True, slots=True)
class Phrases:
    """A vocabulary's phrases compiled both ways: for folded texts and for the rest."""

    #: Lowercase, case-sensitive, over folded text: the branches anchored at the
    #: text's start, those opening with a literal character, and the others. Each
    #: group is its own alternation so that re skips through the text to the
    #: characters that open a branch (one branch of another kind stops that).
    folded: tuple[re.Pattern[str], ...]
    #: The other branches that hold a telling text (:func:`required_text`), each
    #: searched only in a text that holds it ("\\bfollow (him|her) on ..." opens
    #: with no character re can skip to: in one alternation, the appeals' four such
    #: branches took 6.1 microseconds a text, and 1.7 with three of them gated).
    gated: tuple[tuple[str, re.Pattern[str]], ...]
    #: The phrases with re.IGNORECASE, for texts :func:`fold` refuses.
    either_case: re.Pattern[str]

    def found_in(self, text: str, folded: str | None) -> bool:
        """True when the text holds a phrase; ``folded``: :func:`fold` of the text."""
        if folded is None:
            return self.either_case.search(text) is not None
        return any(pattern.search(folded) for pattern in self.folded) or any(
            required in folded and pattern.search(folded) for required, pattern in self.gated
        )


def compile_phrases(phrases: Collection[str]) -> Phrases:
    """The phrases (regular expressions, matched case-insensitively) ready to search."""
    branches = [branch for phrase in phrases for branch in alternatives(lowercase_pattern(phrase))]
    kinds = {branch: _kind(branch) for branch in branches}
    gates = {branch: required_text(branch) for branch in branches if kinds[branch] == "other"}
    gated = tuple((gate, re.compile(branch)) for branch, gate in gates.items() if len(gate) >= _TELLING_CHARS)
    kinds.update({branch: "gated" for branch, gate in gates.items() if len(gate) >= _TELLING_CHARS})
    groups = ([branch for branch in branches if kinds[branch] == kind] for kind in _KINDS)
    folded = tuple(re.compile("|".join(group)) for group in groups if group)
    either_case = re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)
    return Phrases(folded, gated, either_case)
