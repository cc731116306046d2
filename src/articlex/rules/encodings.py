"""Byte signatures and charset labels used by :mod:`articlex.decode`."""

from __future__ import annotations

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: File signatures of common non-HTML payloads that reach HTML pipelines by mistake.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF container (WebP, WAV, AVI)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"WARC/", "a WARC archive (use the articlex command, which reads WARC files)"),
    (b"\x7fELF", "an executable"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

#: WHATWG label mapping where it differs from Python's codec names: browsers
#: decode these legacy labels as their Windows supersets.
LABEL_ALIASES: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "unicode": "utf-16-le",
    "utf8": "utf-8",
}

#: Labels never honoured: UTF-7 lets markup hide in "plain" bytes (an XSS vector),
#: and the UTF-16/32 labels cannot describe a page whose declaration we just read as ASCII.
REFUSED_LABELS: frozenset[str] = frozenset(
    {"utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "utf-16", "utf-16le", "utf-16be", "utf-32"}
)

#: What browsers assume for an unlabelled legacy page in Western locales.
FALLBACK_ENCODING = "cp1252"

#: Single-byte Latin code pages that detection confuses with one another on short text.
SINGLE_BYTE_LATIN: frozenset[str] = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "iso8859-2",
        "iso8859-15",
        "latin_1",
        "iso8859-9",
        "mac-roman",
        "iso8859-13",
        "iso8859-4",
        "cp850",
        "cp437",
    }
)
