"""Ingest: read a file (or stdin, or a string) into a :class:`~checker.document.Document`.

Formats are ``text``, ``markdown`` and ``html``. Every problem with the input (missing,
unreadable, a directory, binary, too large, bad encoding) is an
:class:`~checker.errors.InputError` with a one-line message that names the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .decode import decode, decode_with_encoding, display_name, sniff_format
from .html import ingest_html
from .markdown import ingest_markdown
from .text import ingest_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "SUPPORTED_SUFFIXES",
    "decode",
    "format_for_path",
    "from_text",
    "read_path",
    "read_stdin",
]

DEFAULT_MAX_BYTES = 10_000_000
FORMATS = ("text", "markdown", "html")

_SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: Suffixes a folder walk picks up.
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_SUFFIX_FORMATS)

_ALIASES = {"txt": "text", "plain": "text", "md": "markdown", "htm": "html", "xhtml": "html"}
_INGESTERS = {"text": ingest_text, "markdown": ingest_markdown, "html": ingest_html}


def _check_format(format: str, name: str) -> str:
    key = format.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in _INGESTERS:
        raise InputError(f"{name}: unknown format {format!r} (expected text, markdown or html)")
    return key


def format_for_path(path: str | Path) -> str | None:
    """The format a file's suffix implies (None: sniff the content)."""
    suffix = Path(path).suffix.lower()
    if suffix == "":
        return "text"
    return _SUFFIX_FORMATS.get(suffix)


def _limit_message(name: str, size: int, max_bytes: int) -> str:
    return f"{name}: {size:,} bytes is over the limit of {max_bytes:,} (raise it with --max-bytes)"


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory")
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(_limit_message(name, size, max_bytes))
            data = handle.read(max_bytes + 1)  # also guards special files that grow
    except InputError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"{name}: cannot read ({reason})") from None
    except ValueError:  # e.g. an embedded NUL in the path
        raise InputError(f"{name}: not a valid path") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: more than {max_bytes:,} bytes, over the limit (raise it with --max-bytes)"
        )
    return data


def _ingest(source: str, *, uri: str, format: str, metadata: dict) -> Document:
    if source.startswith("\ufeff"):
        source = source[1:]
    return _INGESTERS[format](source, uri=uri, metadata=metadata)


def _from_bytes(data: bytes, *, uri: str, format: str | None) -> Document:
    name = display_name(uri)
    fmt = _check_format(format, name) if format is not None else sniff_format(data)
    text, encoding = decode_with_encoding(data, uri=uri, html=fmt == "html")
    return _ingest(text, uri=uri, format=fmt, metadata={"encoding": encoding})


def read_path(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, format: str | None = None
) -> Document:
    """Read a document from a file; the format comes from the suffix unless given."""
    name = os.fspath(path)
    if format is None:
        format = format_for_path(path)
    else:
        format = _check_format(format, name)
    data = _read_bytes(Path(path), name, max_bytes)
    return _from_bytes(data, uri=name, format=format)


def read_stdin(
    data: bytes, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """A document from bytes read on standard input (uri ``-``; format sniffed unless given)."""
    if len(data) > max_bytes:
        raise InputError(_limit_message(display_name("-"), len(data), max_bytes))
    return _from_bytes(data, uri="-", format=format)


def from_text(text: str, *, uri: str = "<text>", format: str = "text") -> Document:
    """A document from an already decoded string."""
    fmt = _check_format(format, display_name(uri))
    return _ingest(text, uri=uri, format=fmt, metadata={})
