"""The analyst's inputs as a stream of raw documents.

:func:`iter_documents` turns command-line inputs (files, folders, glob patterns) into
:class:`RawDocument` values: one per page file, one per JSONL line, one per HTML response
record of a WARC. It never raises for a bad input: a missing path, an unreadable or
binary file, an over-limit document, a JSONL line that is not JSON, a truncated or
corrupt (W)ARC.gz, a gzip bomb, each becomes a RawDocument with ``status="error"`` and a
one-line ``error`` naming the file (and line or offset), and the stream goes on.

Safety rules (see shared/research/ecosystem.md):

* Folder walks and glob patterns never follow symbolic links (neither to folders nor to
  files) and skip hidden entries, so a symlink loop cannot hang a run. A path named
  explicitly on the command line is read even when it is a symlink (the user chose it).
* A compressed file is read incrementally and abandoned once more than
  ``max_decompressed`` bytes come out; a single document is never held past
  ``max_bytes + 1`` bytes. WARC payloads are read with a limit of ``max_bytes + 1``.
* A truncated WARC(.gz) does not raise inside warcio; it is detected here from the last
  record's missing bytes and reported with the offset reached.
"""

from __future__ import annotations

import codecs
import collections
import fnmatch
import gzip
import json
import os
import re
import stat
import zlib
from dataclasses import dataclass
from typing import IO, Iterator, Sequence

from .ingest.decode import BINARY_SNIFF_BYTES, sniff_format

__all__ = ["RawDocument", "count_documents", "iter_documents", "SUFFIXES"]


@dataclass
class RawDocument:
    """One document as read from an input, before decoding or extraction.

    ``id`` is stable and unique within a run: the file path for a page file; for JSONL the
    ``id_field`` value, else ``"<file>:<line>"``; for WARC the WARC-Record-ID, else
    ``"<file>@<offset>"`` (a repeated id falls back to the location form). ``uri`` is the
    page URL when the input records one, else the file path (``"<file>:<line>"`` or
    ``"<file>@<offset>"`` for a document inside a JSONL or WARC file). ``charset`` is the
    HTTP charset of a WARC response, when given.
    """

    id: str
    uri: str
    source: str
    format: str
    data: bytes | str | None
    status: str = "ok"
    error: str | None = None
    charset: str | None = None


_PAGE_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_WARC_SUFFIXES = (".warc", ".warc.gz")
#: File name endings a folder walk or glob picks up.
SUFFIXES: tuple[str, ...] = (
    tuple(_PAGE_SUFFIXES)
    + _JSONL_SUFFIXES
    + _WARC_SUFFIXES
    + tuple(s + ".gz" for s in (*_PAGE_SUFFIXES, *_JSONL_SUFFIXES))
)

_CHUNK = 1 << 20
_MAGIC = re.compile(r"[*?\[]")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Content types a server sends for pages it did not label properly: sniff the payload.
_SNIFF_TYPES = frozenset({"", "application/octet-stream", "text/plain", "unknown/unknown"})


class _Skip(Exception):
    """Internal: one error/skipped record for the current input, then move on."""


# ------------------------------------------------------------------------------- kinds


def _kind_of(name: str) -> tuple[str, str | None, bool] | None:
    """(container, format, gzipped) a file name implies: container is page, jsonl or warc."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc", "html", True
    if lower.endswith(".warc"):
        return "warc", "html", False
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    for suffix in _JSONL_SUFFIXES:
        if lower.endswith(suffix):
            return "jsonl", None, gz
    for suffix, fmt in _PAGE_SUFFIXES.items():
        if lower.endswith(suffix):
            return "page", fmt, gz
    return None


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.replace(os.sep, "/")
        candidates = [pattern]
        if pattern.startswith("**/"):
            candidates.append(pattern[3:])
        for candidate in candidates:
            if fnmatch.fnmatch(rel, candidate) or fnmatch.fnmatch(name, candidate):
                return True
    return False


# ------------------------------------------------------------------------- expansion


@dataclass
class _Target:
    """A file to read, or a problem with an input to report."""

    path: str
    kind: tuple[str, str | None, bool] | None = None
    explicit: bool = False
    problem: str | None = None
    status: str = "error"


def _walk(root: str, *, include, exclude, max_depth: float = float("inf"), regex=None):
    """Files under ``root`` (sorted, depth first), never following symlinks.

    Yields (path, relative path) for regular files; (path, None) for folders ``regex``
    matches (glob patterns that name folders); and _Target problems for unreadable folders.
    """
    # Depth-first in sorted order: keep an explicit stack of pending entries, reversed.
    pending: list[tuple[str, str, int, bool]] = []

    def listing(path: str, rel: str, depth: int):
        try:
            with os.scandir(path) as entries:
                items = []
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        if entry.is_symlink():
                            continue
                        is_dir = entry.is_dir(follow_symlinks=False)
                        if not is_dir and not entry.is_file(follow_symlinks=False):
                            continue  # fifo, socket, device
                    except OSError:
                        continue
                    child_rel = f"{rel}/{entry.name}" if rel else entry.name
                    items.append((entry.path, child_rel, depth + 1, is_dir))
        except OSError as error:
            return _Target(path, problem=f"{path}: cannot read folder ({error.strerror or type(error).__name__})")
        items.sort(key=lambda item: item[1])
        return items

    first = listing(root, "", 0)
    if isinstance(first, _Target):
        yield first
        return
    pending.extend(reversed(first))
    while pending:
        path, rel, depth, is_dir = pending.pop()
        if is_dir:
            if exclude and _matches(rel, exclude):
                continue
            if regex is not None and regex.fullmatch(rel):
                yield path, None
                continue
            if depth >= max_depth:
                continue
            children = listing(path, rel, depth)
            if isinstance(children, _Target):
                yield children
                continue
            pending.extend(reversed(children))
            continue
        if regex is not None:
            if not regex.fullmatch(rel):
                continue
        if _kind_of(rel) is None:
            continue
        if include and not _matches(rel, include):
            continue
        if exclude and _matches(rel, exclude):
            continue
        yield path, rel


def _translate_glob(pattern: str) -> re.Pattern[str]:
    """A regex for a relative glob pattern: ``*`` and ``?`` stay within one path component,
    ``**`` spans any number of components."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i) and (i == 0 or pattern[i - 1] == "/"):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i) and (i == 0 or pattern[i - 1] == "/") and i + 2 == n:
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] in "!^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                out.append(re.escape(c))
                i += 1
            else:
                body = pattern[i + 1 : j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out))


def _expand_glob(pattern: str, *, include, exclude):
    norm = pattern.replace(os.sep, "/")
    parts = norm.split("/")
    base_parts: list[str] = []
    for part in parts:
        if _MAGIC.search(part):
            break
        base_parts.append(part)
    rest = parts[len(base_parts) :]
    if base_parts == [""]:
        base = "/"
    elif not base_parts:
        base = "."
    else:
        base = "/".join(base_parts) or "/"
    rest_pattern = "/".join(rest)
    max_depth = float("inf") if "**" in rest_pattern else len(rest)
    regex = _translate_glob(rest_pattern)
    if not os.path.isdir(base):
        return
    for item in _walk(base, include=(), exclude=exclude, max_depth=max_depth, regex=regex):
        if isinstance(item, _Target):
            yield item
            continue
        path, rel = item
        if base == ".":
            path = path[2:] if path.startswith("./") else path
        if rel is None:  # a folder the pattern names: read all of it
            yield from _expand_folder(path, include=include, exclude=exclude)
            continue
        if include and not _matches(rel, include):
            continue
        yield _Target(path, kind=_kind_of(rel))


def _expand_folder(folder: str, *, include, exclude):
    for item in _walk(folder, include=include, exclude=exclude):
        if isinstance(item, _Target):
            yield item
        else:
            path, rel = item
            yield _Target(path, kind=_kind_of(rel))


def _file_key(path: str) -> tuple[int, int] | None:
    """(device, inode) of what reading ``path`` reads (walked paths are never symlinks)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _targets(inputs: Sequence[str], *, include, exclude, skip: Sequence[str] = ()) -> Iterator[_Target]:
    """Every file to read, in order, each once (by device and inode), never one in ``skip``."""
    seen: set[tuple[int, int]] = {key for key in map(_file_key, skip) if key is not None}
    for item in inputs:
        item = os.fspath(item)
        found = 0
        if os.path.isdir(item):
            source = _expand_folder(item, include=include, exclude=exclude)
        elif os.path.lexists(item) or not _MAGIC.search(item):
            key = _file_key(item)
            if key is not None:
                if key in seen:
                    continue
                seen.add(key)
            yield _Target(item, kind=_kind_of(item), explicit=True)
            continue
        else:
            source = _expand_glob(item, include=include, exclude=exclude)
        for target in source:
            found += 1  # a match already read through another input still counts as found
            if target.problem is None:
                key = _file_key(target.path)
                if key is not None:
                    if key in seen:
                        continue
                    seen.add(key)
            yield target
        if not found:
            if _MAGIC.search(item) and not os.path.isdir(item):
                yield _Target(item, problem=f"{item}: no supported files match this pattern")
            else:
                yield _Target(item, problem=f"{item}: no supported files in this folder", status="skipped")


# --------------------------------------------------------------------------- reading


def _error(target: str, message: str, *, fmt: str = "text", status: str = "error", uri: str | None = None,
           source: str | None = None) -> RawDocument:
    """An error record: ``target`` is its id (a file, or "file:line" / "file@offset" inside
    one); ``source`` the input file it came from (default: the target)."""
    return RawDocument(
        id=target, uri=uri or target, source=source or target, format=fmt, data=None, status=status, error=message
    )


def _open_regular(path: str, explicit: bool) -> IO[bytes]:
    """Open a regular file for reading; a walked path must not be a symlink (O_NOFOLLOW)."""
    try:
        info = os.stat(path, follow_symlinks=explicit)
    except FileNotFoundError:
        raise _Skip(f"{path}: no such file") from None
    except PermissionError:
        raise _Skip(f"{path}: permission denied") from None
    except (OSError, ValueError) as error:
        raise _Skip(f"{path}: cannot read ({getattr(error, 'strerror', None) or type(error).__name__})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Skip(f"{path}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise _Skip(f"{path}: not a regular file")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if not explicit:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise _Skip(f"{path}: permission denied") from None
    except OSError as error:
        raise _Skip(f"{path}: cannot read ({error.strerror or type(error).__name__})") from None
    return os.fdopen(fd, "rb")


def _is_binary(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:BINARY_SNIFF_BYTES]


def _read_page(target: _Target, *, max_bytes: int, max_decompressed: int) -> RawDocument:
    path = target.path
    kind = target.kind
    fmt = kind[1] if kind else None
    gz = bool(kind and kind[2])
    with _open_regular(path, target.explicit) as raw:
        if gz:
            data = _read_gzip_document(raw, path, max_bytes=max_bytes, max_decompressed=max_decompressed)
        else:
            size = os.fstat(raw.fileno()).st_size
            if size > max_bytes:
                raise _Skip(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (raise it with --max-bytes)")
            try:
                data = raw.read(max_bytes + 1)
            except OSError as error:
                raise _Skip(f"{path}: cannot read ({error.strerror or type(error).__name__})") from None
            if len(data) > max_bytes:
                raise _Skip(f"{path}: more than {max_bytes:,} bytes, over the limit (raise it with --max-bytes)")
    if _is_binary(data):
        raise _Skip(f"{path}: binary file, not text")
    if fmt is None:
        fmt = sniff_format(data)
    return RawDocument(id=path, uri=path, source=path, format=fmt, data=data)


def _gzip_failure(path: str, raw: IO[bytes], error: BaseException) -> str:
    try:
        offset = raw.tell()
    except (OSError, ValueError):
        offset = None
    where = f" at compressed offset {offset:,}" if offset is not None else ""
    reason = str(error) or type(error).__name__
    return f"{path}: truncated or corrupt gzip data{where} ({reason})"


def _bomb(path: str, max_decompressed: int) -> str:
    return f"{path}: decompresses to more than {max_decompressed:,} bytes"


class _Inflated:
    """A gzip stream that refuses to inflate past a limit: a gzip bomb becomes one error
    record (raised as _Skip) for whichever reader meets it, never an unbounded read."""

    def __init__(self, raw: IO[bytes], path: str, limit: int):
        self._stream = gzip.GzipFile(fileobj=raw, mode="rb")
        self._path = path
        self._limit = limit
        self._total = 0

    def _count(self, data: bytes) -> bytes:
        self._total += len(data)
        if self._total > self._limit:
            raise _Skip(_bomb(self._path, self._limit))
        return data

    def read(self, size: int) -> bytes:
        return self._count(self._stream.read(size))

    def readline(self, size: int) -> bytes:
        return self._count(self._stream.readline(size))


def _read_gzip_document(raw: IO[bytes], path: str, *, max_bytes: int, max_decompressed: int) -> bytes:
    """The decompressed bytes (at most max_bytes kept, at most max_decompressed inflated)."""
    kept: list[bytes] = []
    total = 0
    stream = _Inflated(raw, path, max_decompressed)
    try:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            if total <= max_bytes:
                kept.append(chunk)
            total += len(chunk)
    except (OSError, EOFError, zlib.error) as error:  # BadGzipFile is an OSError
        raise _Skip(_gzip_failure(path, raw, error)) from None
    if total > max_bytes:
        raise _Skip(
            f"{path}: decompresses to {total:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)"
        )
    return b"".join(kept)


# ----------------------------------------------------------------------------- JSONL

_FORMAT_ALIASES = {
    "html": "html", "htm": "html", "xhtml": "html", "text/html": "html",
    "application/xhtml+xml": "html",
    "text": "text", "txt": "text", "plain": "text", "text/plain": "text",
    "markdown": "markdown", "md": "markdown", "text/markdown": "markdown",
}


def _jsonl_format(obj: dict, text: str, format_field: str | None) -> str:
    if format_field:
        value = obj.get(format_field)
        if isinstance(value, str):
            key = value.strip().lower().split(";", 1)[0].strip()
            if key in _FORMAT_ALIASES:
                return _FORMAT_ALIASES[key]
    return "html" if text.lstrip().startswith("<") else "text"


def _read_jsonl(
    target: _Target,
    *,
    text_field: str,
    id_field: str,
    url_field: str,
    format_field: str | None,
    max_bytes: int,
    max_decompressed: int,
    counters: collections.Counter,
) -> Iterator[RawDocument]:
    path = target.path
    gz = bool(target.kind and target.kind[2])
    raw = _open_regular(path, target.explicit)
    with raw:
        stream = _Inflated(raw, path, max_decompressed) if gz else raw
        lineno = 0
        while True:
            where = f"{path}:{lineno + 1}"
            try:
                line = stream.readline(max_bytes + 1)
                if not line:
                    return
                lineno += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # skip the rest of the line
                        line = stream.readline(_CHUNK)
                    yield _error(where, f"{where}: line over the limit of {max_bytes:,} bytes (raise it with --max-bytes)", source=path)
                    continue
            except _Skip as problem:  # a gzip bomb
                yield _error(path, str(problem))
                return
            except (OSError, EOFError, zlib.error) as error:
                yield _error(path, _gzip_failure(path, raw, error) if gz else f"{path}: cannot read ({error})")
                return
            if not line.strip():
                continue
            try:
                text_line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield _error(where, f"{where}: not valid UTF-8 (byte offset {error.start} in the line)", source=path)
                continue
            try:
                obj = json.loads(text_line)
            except (ValueError, RecursionError) as error:
                reason = getattr(error, "msg", None) or type(error).__name__
                yield _error(where, f"{where}: not valid JSON ({reason})", source=path)
                continue
            if not isinstance(obj, dict):
                yield _error(where, f"{where}: not a JSON object", source=path)
                continue
            text = obj.get(text_field)
            if not isinstance(text, str):
                problem = "no" if text is None else "a non-string"
                yield _error(where, f"{where}: {problem} {text_field!r} field (use --text-field to name it)", source=path)
                continue
            url = obj.get(url_field)
            uri = url if isinstance(url, str) and url.strip() else where
            ident = obj.get(id_field)
            doc_id = str(ident) if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident) else where
            fmt = _jsonl_format(obj, text, format_field)
            if not text.strip():
                counters["skipped: empty text"] += 1
                yield RawDocument(
                    id=doc_id, uri=uri, source=path, format=fmt, data=None, status="skipped",
                    error=f"{where}: empty {text_field!r} field",
                )
                continue
            yield RawDocument(id=doc_id, uri=uri, source=path, format=fmt, data=text)


# ------------------------------------------------------------------------------ WARC


def _reason(error: BaseException) -> str:
    """An exception as a short, printable, one-line reason (corrupt data can end up in it)."""
    text = " ".join(str(error).split())
    text = re.sub(r"[^\x20-\x7e]+", "?", text)
    if len(text) > 120:
        text = text[:117] + "..."
    return text or type(error).__name__


def _charset_of(content_type: str) -> str | None:
    match = _CHARSET_PARAM.search(content_type)
    return match.group(1) if match else None


def _warc_fallback_id(path: str, offset: int | None) -> str:
    return f"{path}@{offset}" if offset is not None else f"{path}@?"


def _read_warc(
    target: _Target, *, max_bytes: int, counters: collections.Counter
) -> Iterator[RawDocument]:
    path = target.path
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield _error(path, f"{path}: reading WARC files needs warcio: pip install 'healthlint[audit]'", fmt="html")
        return
    raw = _open_regular(path, target.explicit)
    with raw:
        try:
            archive = ArchiveIterator(raw)
            records = iter(archive)
        except Exception as error:  # noqa: BLE001 - never stop the batch
            yield _error(path, f"{path}: not a readable WARC file ({error})", fmt="html")
            return
        previous = None
        offset: int | None = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                record = None
            except Exception as error:  # noqa: BLE001 - warcio, zlib, EOF, OS and parse errors
                reason = _reason(error)
                offset = getattr(archive, "offset", offset)
                yield _error(
                    path,
                    f"{path}: truncated or corrupt WARC after offset {offset or 0:,} ({reason})",
                    fmt="html",
                )
                return
            if previous is not None and _record_truncated(previous):
                yield _error(
                    path, f"{path}: truncated or corrupt WARC: record at offset {offset or 0:,} is incomplete", fmt="html"
                )
                return
            if record is None:
                end = getattr(archive, "offset", None)
                if end is not None and _trailing_data(raw, end):
                    yield _error(
                        path, f"{path}: truncated or corrupt WARC: incomplete record at offset {end:,}", fmt="html"
                    )
                return
            offset = archive.offset
            previous = record
            length = record.rec_headers.get_header("Content-Length") if record.rec_headers else None
            if not (length or "").strip().isdigit():
                # WARC requires Content-Length: a record cut inside its headers looks like this.
                yield _error(
                    path, f"{path}: truncated or corrupt WARC: record at offset {offset:,} has incomplete headers",
                    fmt="html",
                )
                return
            try:
                document = _warc_record(record, path, offset, max_bytes=max_bytes, counters=counters)
            except _Truncated:
                yield _error(
                    path, f"{path}: truncated or corrupt WARC: record at offset {offset:,} is incomplete", fmt="html"
                )
                return
            except Exception as error:  # noqa: BLE001 - one bad record, go on
                reason = _reason(error)
                where = _warc_fallback_id(path, offset)
                document = _error(where, f"{where}: cannot read record ({reason})", fmt="html", source=path)
            if document is not None:
                yield document


def _trailing_data(raw: IO[bytes], end: int) -> bool:
    """True when bytes other than blank lines follow the last whole record (a cut record
    whose WARC headers never completed: warcio ends the iteration silently there)."""
    try:
        size = os.fstat(raw.fileno()).st_size
        if end >= size:
            return False
        raw.seek(end)
        rest = raw.read(4096)
    except (OSError, ValueError):
        return False
    return bool(rest.strip())


class _Truncated(Exception):
    pass


def _record_truncated(record) -> bool:
    """True when a consumed record's content stopped before its Content-Length.

    warcio reads a truncated (W)ARC(.gz) to its end without an exception; the record's
    LimitReader still waiting for bytes is the only trace. Never reads: the iterator may
    have moved on to the next record.
    """
    limit = getattr(record.raw_stream, "limit", None)
    return bool(limit and limit > 0)


def _drain(record) -> None:
    """Read the rest of the current record (as ArchiveIterator would) and check it is whole."""
    stream = record.raw_stream
    while getattr(stream, "limit", 0) > 0:
        if not stream.read(_CHUNK):
            break
    if _record_truncated(record):
        raise _Truncated


def _warc_record(record, path: str, offset: int, *, max_bytes: int, counters: collections.Counter):
    rec_type = (record.rec_type or "unknown").lower()
    if rec_type != "response":
        counters[f"skipped: {rec_type}"] += 1
        return None
    headers = record.http_headers
    if headers is None:
        counters["skipped: response without HTTP headers"] += 1
        return None
    status_code = headers.get_statuscode() or ""
    if not status_code.startswith("2"):
        counters[f"skipped: HTTP {status_code or '?'}"] += 1
        return None
    content_type = headers.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in _HTML_TYPES and mime not in _SNIFF_TYPES:
        counters[f"skipped: {mime}"] += 1
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    where = _warc_fallback_id(path, offset)
    uri = record.rec_headers.get_header("WARC-Target-URI") or where
    doc_id = record_id or where
    data = record.content_stream().read(max_bytes + 1)
    _drain(record)
    if len(data) > max_bytes:
        return RawDocument(
            id=doc_id, uri=uri, source=path, format="html", data=None, status="error",
            error=f"{where}: record payload over {max_bytes:,} bytes ({uri})",
        )
    if mime not in _HTML_TYPES and sniff_format(data) != "html":
        counters[f"skipped: {mime or 'no content type'}"] += 1
        return None
    return RawDocument(
        id=doc_id, uri=uri, source=path, format="html", data=data, charset=_charset_of(content_type)
    )


# ----------------------------------------------------------------------------- public


def iter_documents(
    inputs: Sequence[str],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    text_field: str = "text",
    id_field: str = "id",
    url_field: str = "url",
    format_field: str | None = None,
    max_bytes: int = 5_000_000,
    max_decompressed: int = 50_000_000,
    counters: collections.Counter | None = None,
    skip: Sequence[str] = (),
) -> Iterator[RawDocument]:
    """Every document of ``inputs`` (files, folders, glob patterns), in order.

    Files in ``skip`` are never read: an audit's own output file inside the audited folder
    would otherwise be read while it grows.

    Folders are walked recursively in sorted order, picking up the suffixes in
    :data:`SUFFIXES`; ``include``/``exclude`` are fnmatch patterns tested on the path
    relative to the folder (or glob base) and on the file name (an excluded folder is not
    entered). A file named explicitly is read whatever its suffix (format sniffed) and
    whatever the patterns say. Skipped WARC records are counted in ``counters`` as
    ``"skipped: <record type or content type>"``; nothing is raised for bad input.
    """
    if counters is None:
        counters = collections.Counter()
    seen_ids: set[str] = set()
    for target in _targets(inputs, include=include, exclude=exclude, skip=skip):
        for document in _documents_of(
            target,
            text_field=text_field,
            id_field=id_field,
            url_field=url_field,
            format_field=format_field,
            max_bytes=max_bytes,
            max_decompressed=max_decompressed,
            counters=counters,
        ):
            if document.id in seen_ids:
                counters["duplicate id"] += 1
                base = document.id
                document.id = f"{base}@{document.source}#{len(seen_ids)}"
            seen_ids.add(document.id)
            yield document


def _documents_of(target: _Target, *, counters, max_bytes, max_decompressed, **fields) -> Iterator[RawDocument]:
    if target.problem is not None:
        yield _error(target.path, target.problem, status=target.status)
        return
    kind = target.kind
    container = kind[0] if kind else "page"
    path = target.path
    try:
        if container == "warc":
            yield from _read_warc(target, max_bytes=max_bytes, counters=counters)
        elif container == "jsonl":
            yield from _read_jsonl(
                target, max_bytes=max_bytes, max_decompressed=max_decompressed, counters=counters, **fields
            )
        else:
            if kind is None and path.lower().endswith(".gz"):
                raise _Skip(
                    f"{path}: unsupported compressed file "
                    "(expected .html.gz, .txt.gz, .md.gz, .jsonl.gz or .warc.gz)"
                )
            yield _read_page(target, max_bytes=max_bytes, max_decompressed=max_decompressed)
    except _Skip as problem:
        fmt = (kind[1] if kind else None) or "text"
        yield _error(path, str(problem), fmt=fmt)
    except Exception as error:  # noqa: BLE001 - the iterator never raises for bad input
        yield _error(path, f"{path}: cannot read ({type(error).__name__}: {error})")


def count_documents(
    inputs: Sequence[str],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_decompressed: int = 50_000_000,
    **_ignored,
) -> int | None:
    """How many documents :func:`iter_documents` will yield, when that is cheap to know.

    Counts page files, non-blank JSONL lines (reading, not parsing, the file) and one per
    input problem; ``None`` as soon as a WARC input is found (counting would mean reading
    it whole). A progress-bar total: a JSONL line over the size limit or a truncated
    JSONL.gz can make it differ by a few.
    """
    total = 0
    for target in _targets(inputs, include=include, exclude=exclude):
        kind = target.kind
        if target.problem is None and kind is not None and kind[0] == "warc":
            return None
        if target.problem is None and kind is not None and kind[0] == "jsonl":
            total += _count_lines(target, max_decompressed=max_decompressed)
        else:
            total += 1
    return total


def _count_lines(target: _Target, *, max_decompressed: int) -> int:
    try:
        raw = _open_regular(target.path, target.explicit)
    except _Skip:
        return 1
    count = 0
    with raw:
        stream = _Inflated(raw, target.path, max_decompressed) if target.kind[2] else raw
        carry = b""
        try:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                lines = (carry + chunk).split(b"\n")
                carry = lines.pop()
                if len(carry) > _CHUNK * 8:  # an endless line: only its emptiness matters
                    carry = b"x" if carry.strip() else b""
                count += sum(1 for line in lines if line.strip())
        except (_Skip, OSError, EOFError, zlib.error):  # the reader will give it one error record
            return count + 1
        if carry.strip():
            count += 1
    return count
