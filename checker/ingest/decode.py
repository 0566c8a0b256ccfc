"""Bytes to text: BOMs, declared HTML charsets, strict UTF-8, one-line errors.

Every failure is an :class:`~checker.errors.InputError` whose message names the file
and, for bad bytes, the line and column (in characters) where decoding stopped.
"""

from __future__ import annotations

import codecs
import re

from ..document import line_starts_of
from ..errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
BINARY_SNIFF_BYTES = 8192
CHARSET_SNIFF_BYTES = 4096

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:+\-]+)[\"']", re.IGNORECASE
)

# Labels browsers decode as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = frozenset(
    {
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
        "latin-1", "us-ascii", "windows-1252", "x-cp1252",
    }
)
# Python codecs that are not character encodings a web page could declare.
_REJECTED_CODECS = frozenset(
    {"undefined", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf-7", "utf_7"}
)


def _c1_fallback(error: UnicodeError) -> tuple[str, int]:
    # windows-1252 as browsers decode it: the five undefined bytes become C1 controls.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("healthlint-c1", _c1_fallback)


def display_name(uri: str) -> str:
    """How a document is named in messages."""
    return "<stdin>" if uri == "-" else uri


def decode(data: bytes, *, uri: str, html: bool = False) -> str:
    """Decode a document's bytes, or raise :class:`InputError` naming ``uri``."""
    return decode_with_encoding(data, uri=uri, html=html)[0]


def decode_with_encoding(data: bytes, *, uri: str, html: bool = False) -> tuple[str, str]:
    """Like :func:`decode`, also returning the name of the encoding used."""
    name = display_name(uri)
    if data.startswith(UTF8_BOM):
        return _strict(data[len(UTF8_BOM):], "utf-8", "UTF-8", name), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", "UTF-16", name), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", "UTF-16", name), "utf-16-be"
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{name}: binary file, not text")
    if html:
        declared = declared_charset(data)
        if declared is not None:
            label, line = declared
            codec = python_codec(label)
            if codec is None:
                raise InputError(f"{name}: unknown charset {label!r} declared at line {line}")
            if codec == "cp1252":
                return data.decode("cp1252", errors="healthlint-c1"), "windows-1252"
            return _strict(data, codec, label, name), codec
    return _strict(data, "utf-8", "UTF-8", name), "utf-8"


def declared_charset(data: bytes) -> tuple[str, int] | None:
    """The charset label an HTML document declares in its first 4 KB, and its line."""
    head = data[:CHARSET_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    return label, head.count(b"\n", 0, match.start(1)) + 1


def python_codec(label: str) -> str | None:
    """The Python codec for a declared charset label, or None when there is none."""
    key = label.strip().lower()
    if key in _WINDOWS_1252_LABELS:
        return "cp1252"
    if key.startswith(("utf-16", "utf16", "ucs-2", "unicode")):
        # A page whose declaration can be read as ASCII is not UTF-16 (WHATWG rule).
        return "utf-8"
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REJECTED_CODECS:
        return None
    return info.name


def _strict(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start, codec)
        byte = data[error.start] if error.start < len(data) else 0
        raise InputError(
            f"{name}: not valid {label} at line {line}, column {column} (byte 0x{byte:02x})"
        ) from None


def _position(data: bytes, byte_offset: int, codec: str) -> tuple[int, int]:
    prefix = data[:byte_offset].decode(codec, errors="replace")
    starts = line_starts_of(prefix)
    return len(starts), len(prefix) - starts[-1] + 1


_HTML_START = re.compile(rb"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def sniff_format(data: bytes) -> str:
    """``html`` when the bytes start like an HTML document, else ``text``."""
    head = data[:CHARSET_SNIFF_BYTES]
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM):]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:  # pragma: no cover - errors="ignore" does not raise
            return "text"
    return "html" if _HTML_START.match(head) else "text"
