"""Bytes to text: refuse what is not HTML, then find the encoding and decode.

The order follows the HTML standard's encoding sniffing, trimmed to what a
saved page can carry: byte-order mark, then the charset the transport declared
(the HTTP ``Content-Type`` header, passed by the caller), then a
``<meta charset>`` (or ``http-equiv``) declaration near the top, then strict
UTF-8, then statistical detection. Labels map the way browsers map them
(``iso-8859-1`` means windows-1252; only the WHATWG labels count, so UTF-7
and Python's non-text codecs are never honoured). A declaration is tried
strictly and passed over, with a warning, when the bytes do not fit it; a page
that is UTF-8 but for a few windows-1252 bytes is read that way. NUL, the other
C0 controls and lone surrogates are dropped before parsing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from articlex.errors import EmptyInputError, InputTooLargeError, NotHTMLError
from articlex.rules.encodings import (
    BOMS,
    DETECTED_CODECS,
    FALLBACK_ENCODING,
    LABEL_CODECS,
    MAGIC_NUMBERS,
    META_AS_UTF8,
    REPLACEMENT_LABELS,
    SINGLE_BYTE_LATIN,
)

# Browsers look for a charset declaration in the first 1,024 bytes; real pages
# often put it later, behind long <script> and <link> runs, so we look further.
META_PRESCAN_BYTES = 8192
# Detection reads a sample, not the whole page: 64 KiB is plenty for a verdict
# and keeps charset-normalizer's cost bounded on multi-megabyte pages.
DETECTION_SAMPLE_BYTES = 65536
# How much of the start we check for binary content.
SNIFF_BYTES = 1024
# More than this share of control bytes in the first KiB means binary data
# (text, even UTF-16 without a BOM, is caught by the BOM check first).
BINARY_CONTROL_SHARE = 0.1
# A page is UTF-8 with stray windows-1252 bytes (text pasted from another
# source) when its valid multi-byte sequences carry at least as many bytes
# beyond the first as there are stray bytes; a windows-1252 page has almost no
# valid sequences, so this separates the two.
MIXED_UTF8_MIN_RATIO = 1.0

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?([^\s;"',]+)""", re.IGNORECASE)
#: What XML (and so lxml, when a stage sets text) refuses: C0 controls but tab and
#: newlines, lone surrogates, and the non-characters U+FFFE and U+FFFF.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Character references to the same characters (the parser would put them in
#: the tree): decimal 1-8, 11, 12, 14-31, 65534, 65535; hex likewise. NUL and
#: surrogates need none: the parser turns them into U+FFFD itself.
_CONTROL_REFERENCES = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bcefBCEF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
_CONTROL_BYTES = frozenset(range(0x09)) | frozenset(range(0x0E, 0x20))
#: The same bytes as a deletion table: bytes.translate counts them in C, a loop in Python.
_CONTROL_BYTES_TABLE = bytes(sorted(_CONTROL_BYTES))
#: The same references in the page's UTF-8 bytes: they are ASCII, so they are found
#: there exactly when they are in the text, and a bytes search costs half as much.
_CONTROL_REFERENCE_BYTES = re.compile(_CONTROL_REFERENCES.pattern.encode("ascii"))
#: The C0 controls _CONTROL_CHARS drops, as bytes (UTF-8 writes each as itself).
_CONTROL_BYTE_STRING = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
#: The non-characters _CONTROL_CHARS drops.
_NONCHARACTERS = ("\ufffe", "\uffff")
_HAS_TAG = re.compile(r"<[a-zA-Z!?/]")
#: Bytes that ``surrogateescape`` could not decode, as the lone surrogates it leaves.
_STRAY = re.compile("[\udc80-\udcff]+")
#: The five bytes Python's cp1252 leaves undefined; the standard maps them to C1 controls.
_CP1252_UNDEFINED = {0xDC00 + byte: byte for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_UTF8 = "utf-8"


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a page and how it was decoded."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: str | bytes, *, max_bytes: int, content_type: str | None = None) -> Decoded:
    """Return the page as text, or raise an :class:`~articlex.InputError`.

    ``content_type`` is the transport's declaration: a ``Content-Type`` header
    value (``text/html; charset=shift_jis``) or a bare charset label. It is
    ignored for ``str`` input, which is already text.
    """
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(len(data), max_bytes)
        return _checked(Decoded(_scrub(data), "str"))
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"extract() takes str or bytes, not {type(data).__name__}")
    raw = bytes(data)
    if len(raw) > max_bytes:
        raise InputTooLargeError(len(raw), max_bytes)
    _refuse_binary(raw)
    return _checked(_decode_bytes(raw, content_type))


def _checked(decoded: Decoded) -> Decoded:
    stripped = decoded.text.lstrip()
    if not stripped:
        raise EmptyInputError("input is empty")
    # JSON starts with a bracket; it is HTML-free at the start, or it also ends with a bracket
    # (an API response whose strings hold markup).
    if stripped[0] in "{[" and (not _HAS_TAG.search(stripped, 0, SNIFF_BYTES) or stripped.rstrip()[-1] in "}]"):
        raise NotHTMLError("JSON")
    if not _HAS_TAG.search(stripped):
        raise NotHTMLError("plain text (no markup at all)")
    return decoded


def _refuse_binary(raw: bytes) -> None:
    head = raw[:SNIFF_BYTES]
    for magic, kind in MAGIC_NUMBERS:
        if head.startswith(magic):
            raise NotHTMLError(kind)
    if any(head.startswith(bom) for bom, _ in BOMS):
        return
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES_TABLE))
    if head and controls / len(head) > BINARY_CONTROL_SHARE:
        raise NotHTMLError("binary data")


def _decode_bytes(raw: bytes, content_type: str | None) -> Decoded:
    by_bom = _by_bom(raw)
    if by_bom is not None:
        return by_bom
    declared, warnings = _declarations(raw, content_type)
    for source, encoding in declared:
        attempt = _try_declared(raw, encoding, source)
        if isinstance(attempt, Decoded):
            return _warned(attempt, warnings)
        warnings += (attempt,)
    return _warned(_undeclared(raw), warnings)


def _warned(decoded: Decoded, earlier: tuple[str, ...]) -> Decoded:
    return Decoded(decoded.text, decoded.encoding, earlier + decoded.warnings)


def _by_bom(raw: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            if encoding == _UTF8:
                return Decoded(_scrub(_utf8_mixed(body)), encoding)
            return Decoded(_scrub(body.decode(encoding, errors="replace")), encoding)
    return None


def _declarations(raw: bytes, content_type: str | None) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The declared encodings, transport first, each as (who declared it, codec); and warnings."""
    found: list[tuple[str, str]] = []
    warnings: tuple[str, ...] = ()
    label = transport_label(content_type) if content_type else None
    if label:
        codec = normalise_label(label)
        if codec is not None:
            found.append(("the transport", codec))
        else:
            warnings = (f"the transport's charset {label!r} is not a known encoding label; ignored",)
    declared = _declared_encoding(raw[:META_PRESCAN_BYTES])
    if declared is not None:
        found.append(("the page", _UTF8 if declared in META_AS_UTF8 else declared))
    return found, warnings


def _undeclared(raw: bytes) -> Decoded:
    text = _strict(raw, _UTF8)
    if text is not None:
        return Decoded(_scrub(text, raw), _UTF8)
    mixed = _mixed_or_none(raw)
    if mixed is not None:
        return mixed
    encoding = _detect(raw[:DETECTION_SAMPLE_BYTES])
    warning = f"no usable charset declared; decoded as {encoding} by detection"
    return Decoded(_scrub(_whatwg_decode(raw, encoding)), encoding, (warning,))


def _try_declared(raw: bytes, encoding: str, source: str) -> Decoded | str:
    """The page decoded as declared, or the warning saying why the declaration was passed over."""
    text = _strict(raw, encoding)
    if text is not None:
        # Bytes that decode as strict UTF-8 are the text's own UTF-8: no need to encode it again.
        return Decoded(_scrub(text, raw if encoding == _UTF8 else None), encoding)
    if encoding == _UTF8:
        mixed = _mixed_or_none(raw)
        if mixed is not None:
            return mixed
    return f"charset {encoding} declared by {source} does not fit the bytes; passed over"


def transport_label(content_type: str) -> str | None:
    """The charset label in a ``Content-Type`` value, or the value itself when it is a bare label."""
    match = _CONTENT_TYPE_CHARSET.search(content_type)
    if match is not None:
        return match.group(1)
    bare = content_type.strip()
    return bare if bare and not any(ch in bare for ch in "/;=") else None


def _declared_encoding(head: bytes) -> str | None:
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return normalise_label(match.group(1).decode("ascii", errors="ignore"))


def normalise_label(label: str) -> str | None:
    """The Python codec for a WHATWG encoding label, or None for an unknown or refused label."""
    key = label.strip().lower()
    if key in REPLACEMENT_LABELS:
        return None
    return LABEL_CODECS.get(key)


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return _whatwg_decode(raw, encoding, errors="strict")
    except UnicodeDecodeError:
        return None


def _whatwg_decode(raw: bytes, encoding: str, errors: str = "replace") -> str:
    """Decode as browsers do: windows-1252 maps every byte (its five gaps to C1 controls)."""
    if encoding == FALLBACK_ENCODING:
        return raw.decode(encoding, errors="surrogateescape").translate(_CP1252_UNDEFINED)
    return raw.decode(encoding, errors=errors)


def _utf8_mixed(raw: bytes) -> str:
    """UTF-8 with every stray byte read as windows-1252."""
    return _STRAY.sub(_as_cp1252, raw.decode(_UTF8, errors="surrogateescape"))


def _as_cp1252(match: re.Match[str]) -> str:
    return _whatwg_decode(bytes(ord(ch) - 0xDC00 for ch in match.group(0)), FALLBACK_ENCODING)


def _mixed_or_none(raw: bytes) -> Decoded | None:
    """The page read as UTF-8 with stray windows-1252 bytes, when that is what it is."""
    text = raw.decode(_UTF8, errors="surrogateescape")
    # Counted in C before anything is repaired: a windows-1252 page has a stray
    # byte for every accented letter, and is passed on to detection at once.
    strays = len(text) - len(_STRAY.sub("", text))
    # Each stray byte became one character; each valid sequence of n bytes, one.
    utf8_extra = len(raw) - len(text)
    if strays == 0 or utf8_extra < MIXED_UTF8_MIN_RATIO * strays:
        return None
    warning = f"not UTF-8 at {strays:,} byte(s), read as windows-1252 (a page mixing both encodings)"
    return Decoded(_scrub(_STRAY.sub(_as_cp1252, text)), _UTF8, (warning,))


def _detect(sample: bytes) -> str:
    from charset_normalizer import from_bytes  # lazy: only undeclared non-UTF-8 pages pay

    best = from_bytes(sample).best()
    if best is None:
        return FALLBACK_ENCODING
    encoding = _known_codec(best.encoding)
    # Detection cannot tell the single-byte Latin code pages apart on short
    # samples; browsers default unlabelled legacy pages to windows-1252, and so
    # do we whenever that reading is also valid.
    if encoding in SINGLE_BYTE_LATIN and _strict_python(sample, FALLBACK_ENCODING):
        return FALLBACK_ENCODING
    return encoding if encoding in _ALLOWED_CODECS else FALLBACK_ENCODING


def _known_codec(name: str) -> str:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return FALLBACK_ENCODING
    return DETECTED_CODECS.get(codec, codec)


def _strict_python(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_ALLOWED_CODECS = frozenset(LABEL_CODECS.values())


def _scrub(text: str, utf8: bytes | None = None) -> str:
    """Drop NUL, C0 controls, lone surrogates, U+FFFE and U+FFFF, which lxml truncates at or refuses,
    whether written as characters or as character references. ``utf8``: the text's UTF-8
    encoding, when the caller has it."""
    if _may_hold_controls(text, utf8):
        # Dropping a control can join a reference ("&#\x001;"): look for them afterwards.
        return _CONTROL_REFERENCES.sub("", _CONTROL_CHARS.sub("", text))
    if utf8 is not None and _CONTROL_REFERENCE_BYTES.search(utf8) is None:
        return text  # nearly every page: 0.05 ms where the text's "&#" test and search took 0.19 (ScrapingHub)
    return _CONTROL_REFERENCES.sub("", text)


def _may_hold_controls(text: str, utf8: bytes | None = None) -> bool:
    """Whether ``text`` holds a character _CONTROL_CHARS matches, told by C-speed
    operations: the regex's scan costs three times as much, and nearly every page has none.

    In UTF-8 a C0 control is its own byte (no multi-byte sequence uses bytes below
    0x80), and a lone surrogate cannot be encoded. The non-characters are looked for
    in the text: a search for one character skips text that cannot hold it (0.01 ms a
    page, where the two three-byte searches in the bytes took 0.2).
    ``utf8`` is ``text`` encoded as UTF-8, when the caller decoded it from those bytes.
    """
    if utf8 is not None:
        raw = utf8
    else:
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:
            return True
    if len(raw.translate(None, _CONTROL_BYTE_STRING)) != len(raw):
        return True
    return any(character in text for character in _NONCHARACTERS)
