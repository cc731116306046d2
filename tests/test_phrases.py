"""Phrases searched in lowercased text give the verdicts of re.IGNORECASE."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlex.phrases import (
    _elements,
    alternatives,
    compile_phrases,
    first_characters,
    fold,
    lowercase_pattern,
    required_texts,
)
from articlex.rules.vocab import APPEAL_PHRASES, BOILERPLATE_PHRASES

VOCABULARIES = {"boilerplate": BOILERPLATE_PHRASES, "appeals": APPEAL_PHRASES}
COMPILED = {name: compile_phrases(phrases) for name, phrases in VOCABULARIES.items()}
SLOW_WAY = {
    name: re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) for name, phrases in VOCABULARIES.items()
}
# Tokens of a pattern that are syntax, not a character or a class of them.
SYNTAX = frozenset("()|^$*+?{}")


def _atoms(phrases: list[str]) -> set[str]:
    """Every character, escape and set the phrases hold, as a pattern of its own."""
    atoms = set()
    for phrase in phrases:
        for _depth, element in _elements(phrase):
            if element == ".":
                atoms.add(element)
            elif len(element) == 1 and element not in SYNTAX:
                atoms.add(re.escape(element))
            elif len(element) > 1:
                atoms.add(element)
    return atoms


def _every_foldable_character() -> str:
    """Every code point that fold() lowercases rather than refuses, in order."""
    chars = (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    return "".join(char for char in chars if fold(char) is not None)


def test_every_character_meets_each_part_of_a_phrase_as_ignorecase_does() -> None:
    """The proof for all texts fold() accepts: lowercasing keeps a text's length, so each
    character of the lowercased text stands where the original's stood; if each character,
    lowercased, meets each element of the lowercased phrases (a letter, an escape such as
    \\w or \\b, a set) exactly as the original meets the original element under
    re.IGNORECASE, a phrase matches the one text where it matches the other."""
    everything = _every_foldable_character()
    lowered = "".join(fold(char) or "" for char in everything)
    assert len(lowered) == len(everything)
    for atom in sorted(_atoms([*BOILERPLATE_PHRASES, *APPEAL_PHRASES])):
        ignorecase = [m.start() for m in re.finditer(atom, everything, re.IGNORECASE)]
        folded = [m.start() for m in re.finditer(lowercase_pattern(atom), lowered)]
        assert folded == ignorecase, atom


def test_final_sigma_is_one_letter_to_the_phrases() -> None:
    """The one lowercase that depends on its neighbours: "Σ" ends a word as "ς"."""
    assert fold("ΟΔΟΣ Σ") == "οδος σ"
    for atom in _atoms([*BOILERPLATE_PHRASES, *APPEAL_PHRASES]):
        pattern = re.compile(lowercase_pattern(atom))
        assert bool(pattern.fullmatch("ς")) == bool(pattern.fullmatch("σ")), atom


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Follow Us", "follow us"),
        ("Stra\u00dfe \u1e9e K\u212a", "stra\u00dfe \u00df kk"),
        ("\u0130stanbul", None),  # "İ" lowercases to two characters
        ("cl\u0131ck here to", None),  # dotless i: IGNORECASE matches it to "i"
        ("\u017fhare this", None),  # long s: IGNORECASE matches it to "s"
        ("", ""),
    ],
)
def test_fold_lowercases_or_refuses(text: str, folded: str | None) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text",
    [
        "FOLLOW US on social",
        "cl\u0131ck here to read",  # refused by fold: the slow way, which matches
        "CLİCK HERE TO READ",
        "\u017fhare this story",
        "Stra\u00dfe: all rights reserved",
        "SPONSORED",
        "Sponsored content inside",
        "[CTA_MODULE]",
        "[cta_module]",
        "Comments are moderated and approved",
        "Coment\u00c1rios ... ser\u00e3o aprovados",
        "05/10/2018 - Publicado por: A. Name",
        "Posted by: A. Name on 5 May",
        "We may earn a small affiliate commission",
        "Unfollow him on Twitter",
        "Follow HIM on Twitter",
        "Support us on Patreon",
        "Reporter may BE REACHED AT a@b.c",
        "\u0391\u03a3 follow us",
        "an ordinary sentence of the article",
    ],
)
def test_fast_verdicts_are_the_ignorecase_ones(text: str) -> None:
    for name, compiled in COMPILED.items():
        assert compiled.found_in(text, fold(text)) == (SLOW_WAY[name].search(text) is not None), name


def _branches() -> list[tuple[str, str]]:
    return [
        (name, branch)
        for name, phrases in VOCABULARIES.items()
        for phrase in phrases
        for branch in alternatives(lowercase_pattern(phrase))
    ]


@pytest.mark.parametrize(("name", "branch"), _branches())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_texts_holding_a_phrase_get_the_ignorecase_verdict(name: str, branch: str, data: st.DataObject) -> None:
    """Texts written to match each branch, their letters' case flipped at random."""
    if "(?=" in branch:  # hypothesis writes no text for a lookahead; the cases above cover it
        return
    text = data.draw(st.from_regex(branch, alphabet=st.characters(codec="utf-8")))
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.upper() if flip and len(c.upper()) == 1 else c for c, flip in zip(text, flips, strict=True))
    assert COMPILED[name].found_in(text, fold(text)) == (SLOW_WAY[name].search(text) is not None)
    folded = fold(text)
    if folded is not None and re.search(branch, folded):
        required = required_texts(branch)
        assert not required or any(part in folded for part in required), required


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("a|b(c|d)", ["a", "b(c|d)"]),
        (r"x\|y|[|]z|[^]|]w", [r"x\|y", "[|]z", "[^]|]w"]),
        ("(?:a|b)", ["(?:a|b)"]),
        ("", [""]),
    ],
)
def test_alternatives_split_at_top_level_bars_only(pattern: str, parts: list[str]) -> None:
    assert alternatives(pattern) == parts


@pytest.mark.parametrize(
    ("branch", "required"),
    [
        ("follow us", ("follow us",)),
        (r"\bfollow (him|her) on twitter\b", (" on twitter",)),
        ("subscribe( now| today)", ("subscribe",)),
        ("cookies? policy", (" policy",)),
        ("don'?t miss", ("t miss",)),
        (r"\d{1,100} years old", (" years old",)),
        (r"a{2} (x|y)", (" ",)),
        (r"\(see edit history\)", ("see edit history",)),
        ("[abc]+ and", (" and",)),
        ("(may|can)", ("may", "can")),
        ("(posted|published) (by|on)", ("posted", "published")),
        ("(comments?|kommentare?) (x|yy)?", ("comment", "kommentar")),
        ("(?:ab|cd(ef|gh))", ("ab", "cd")),
        ("(?=abc)x", ("x",)),
        ("(abc|d*)", ()),
        ("(abcdef)? x", (" x",)),
        ("", ()),
    ],
)
def test_required_texts_are_what_every_match_holds(branch: str, required: tuple[str, ...]) -> None:
    assert tuple(filter(None, required_texts(branch))) == required


@pytest.mark.parametrize(
    ("pattern", "opening"),
    [
        ("advertisement$", "a"),
        ("(sponsored|ad|ads)$", "as"),
        ("(?:x|(y|z)w)", "xyz"),
        (r"\(edited\)", "("),
        (r"\$[\d,.]+ at", "$"),
        ("(top )?photo credit", None),
        (r"\d+ answers?", None),
        ("[abc]x", None),
        ("(?=a)a", None),
        ("x*y", None),
        ("", None),
    ],
)
def test_first_characters_are_those_a_match_opens_with(pattern: str, opening: str | None) -> None:
    assert first_characters(pattern) == (frozenset(opening) if opening is not None else None)


def test_anchored_branches_are_found_by_the_character_they_open_with() -> None:
    compiled = compile_phrases(["^advertisement$", "^(top )?photo credit", r"^\d+ answers?$", "^x"])
    assert sorted(compiled.by_opening) == ["a", "x"]
    for text in ["advertisement", "photo credit", "top photo credit", "12 answers", "x-ray"]:
        assert compiled.found_in(text, fold(text)), text
    for text in ["an advertisement", "yadvertisement", "", "answers"]:
        assert not compiled.found_in(text, fold(text)), text


def test_lowercase_pattern_keeps_escapes() -> None:
    assert lowercase_pattern(r"^\[[A-Z]\S+\W\B ABC\D$") == r"^\[[a-z]\S+\W\B abc\D$"
