"""Bytes to text: BOMs, declarations, WHATWG labels, detection, scrubbing."""

from __future__ import annotations

import pytest

import articlex
from articlex.decode import decode, normalise_label

LIMIT = 10_000_000
PAGE = "<html><head>{meta}</head><body><p>{text}</p></body></html>"
WESTERN = "Crème brûlée in Zürich costs 9 € — “cheap”, said Señor Muñoz, naïvely…"


def test_utf8_bom_wins_over_a_wrong_declaration() -> None:
    raw = b"\xef\xbb\xbf" + PAGE.format(meta='<meta charset="iso-8859-1">', text=WESTERN).encode("utf-8")
    assert WESTERN in decode(raw, max_bytes=LIMIT).text


def test_utf16_with_bom() -> None:
    raw = PAGE.format(meta="", text=WESTERN).encode("utf-16")
    assert WESTERN in decode(raw, max_bytes=LIMIT).text


def test_declared_latin1_is_read_as_windows_1252() -> None:
    raw = PAGE.format(meta='<meta charset="ISO-8859-1">', text=WESTERN).encode("cp1252")
    decoded = decode(raw, max_bytes=LIMIT)
    assert decoded.encoding == "cp1252"
    assert WESTERN in decoded.text


def test_http_equiv_declaration() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    text = "Привет, мир — это тест"
    raw = PAGE.format(meta=meta, text=text).encode("cp1251")
    assert text in decode(raw, max_bytes=LIMIT).text


def test_undeclared_cp1252_is_detected_without_mojibake() -> None:
    raw = PAGE.format(meta="", text=WESTERN * 3).encode("cp1252")
    decoded = decode(raw, max_bytes=LIMIT)
    assert WESTERN in decoded.text
    assert decoded.warnings


def test_undeclared_utf8_is_utf8() -> None:
    raw = PAGE.format(meta="", text=WESTERN).encode("utf-8")
    decoded = decode(raw, max_bytes=LIMIT)
    assert decoded.encoding == "utf-8"
    assert WESTERN in decoded.text


def test_a_declaration_that_does_not_fit_falls_back() -> None:
    raw = PAGE.format(meta='<meta charset="utf-8">', text=WESTERN).encode("cp1252")
    decoded = decode(raw, max_bytes=LIMIT)
    assert WESTERN in decoded.text
    assert any("does not fit" in w for w in decoded.warnings)


@pytest.mark.parametrize("label", ["utf-7", "UTF-7", "x-unknown-charset", "\x01"])
def test_refused_and_unknown_labels(label: str) -> None:
    assert normalise_label(label) is None


def test_utf7_declaration_is_never_honoured() -> None:
    raw = PAGE.format(meta='<meta charset="utf-7">', text="+ADw-script+AD4-").encode("ascii")
    assert "+ADw-script+AD4-" in decode(raw, max_bytes=LIMIT).text


def test_nul_and_control_characters_are_scrubbed() -> None:
    raw = PAGE.format(meta="", text="a\x00b\x07c\x1bd").encode("utf-8")
    assert "abcd" in decode(raw, max_bytes=LIMIT).text


def test_nul_bytes_do_not_truncate_the_article() -> None:
    body = "".join(f"<p>Sentence number {n}, long enough to count as prose in a paragraph.</p>" for n in range(8))
    page = f"<html><body><article>{body}</article></body></html>".replace("number 2", "number\x00 2")
    article = articlex.extract(page.encode("utf-8"))
    assert "Sentence number 7" in article.text
