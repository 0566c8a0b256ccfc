"""Main text of scraped pages: boilerplate (menus, footers, cookie banners) removed.

:func:`html_main_text` runs trafilatura (the best main-text extractor measured for this
project, see shared/research/ecosystem.md) and turns its structured XML output into a
:class:`~checker.document.Document` with title, heading, paragraph and list-item blocks.
:func:`raw_to_document` dispatches a :class:`~checker.sources.RawDocument` to it, or to
:mod:`checker.ingest` for text and Markdown.

A page whose main text cannot be extracted is an :class:`ExtractionError`, never a silent
empty document: trafilatura returns None for pages nested deeper than libxml2's limit
(about 255 levels) and for pages it judges empty, and such a page must be reported.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from .document import Block, BlockKind, Document, SourceMap
from .errors import InputError
from .ingest.decode import UTF8_BOM, declared_charset, python_codec

if TYPE_CHECKING:  # pragma: no cover
    from .sources import RawDocument

__all__ = ["ExtractionError", "MAX_NESTING", "html_main_text", "raw_to_document"]

#: Deeper pages are refused before parsing (a 200,000-deep page would otherwise cost the
#: parser and the extractor their worst case).
MAX_NESTING = 5_000
# libxml2's HTML parser gives up past about this depth; trafilatura then returns None.
_PARSER_DEPTH = 250

_INSTALL_HINT = "trafilatura is not installed: pip install 'healthlint[audit]'"
_NO_TEXT = "no main text could be extracted"


class ExtractionError(InputError):
    """No main text could be extracted from a page (or the extractor is missing).

    The message does not name the page (the caller knows its uri and adds it), e.g.
    ``"no main text could be extracted"`` or ``"HTML nested deeper than 5,000 levels"``.
    """


# ------------------------------------------------------------------------------ decode


def _codec_for_http(label: str) -> str | None:
    key = label.strip().strip("\"'").lower()
    if key.startswith(("utf-16", "utf16")):
        return "utf-16"  # an HTTP header can say UTF-16; a meta tag read as ASCII cannot
    return python_codec(key)


def decode_html(data: bytes | str, charset: str | None = None) -> tuple[str, str]:
    """Text of a scraped page and the encoding used: BOM, then the HTTP ``charset``, then a
    declared ``<meta charset>``, then UTF-8.

    Undecodable bytes become U+FFFD (``errors="replace"``): for scraped pages analysts want
    the page, not a refusal (unlike :func:`checker.ingest.decode`, which is strict for files
    the user wrote).
    """
    if isinstance(data, str):
        return data, "str"
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    codec = _codec_for_http(charset) if charset else None
    if codec is None:
        declared = declared_charset(data)
        if declared is not None:
            codec = python_codec(declared[0])
    if codec is None:
        codec = "utf-8"
    if codec == "cp1252":
        return data.decode("cp1252", errors="healthlint-c1"), "windows-1252"
    try:
        return data.decode(codec, errors="replace"), codec
    except LookupError:  # pragma: no cover - python_codec only returns known codecs
        return data.decode("utf-8", errors="replace"), "utf-8"


# ----------------------------------------------------------------------------- nesting

# Elements that never nest (void) or whose end tag is implied by the parser (optional end
# tags): counting them would make ordinary pages look deep.
_NOT_NESTING = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr",
        "image", "img", "input", "isindex", "keygen", "link", "meta", "param", "source",
        "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
    }
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext", "noscript"})
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:_-]*)")


def nesting_depth(html: str, limit: int | None = None) -> int:
    """The deepest element nesting of ``html`` by a linear scan of its tags.

    Comments and script/style content are skipped; void elements and those with optional
    end tags do not count. With ``limit``, stops as soon as the depth passes it.
    """
    open_counts: dict[str, int] = {}
    depth = deepest = 0
    skip_to = 0
    lower: str | None = None
    for match in _TAG.finditer(html):
        start = match.start()
        if start < skip_to:
            continue
        if match.group(0) == "<!--":
            end = html.find("-->", start + 4)
            if end == -1:
                break
            skip_to = end + 3
            continue
        name = match.group(2).lower()
        if name in _NOT_NESTING:
            continue
        if match.group(1):  # end tag
            count = open_counts.get(name, 0)
            if count:
                open_counts[name] = count - 1
                depth -= 1
            continue
        if name in _RAW_TEXT:
            if lower is None:
                lower = html.lower()
            end = lower.find("</" + name, match.end())
            if end == -1:
                break
            skip_to = end
            continue
        open_counts[name] = open_counts.get(name, 0) + 1
        depth += 1
        if depth > deepest:
            deepest = depth
            if limit is not None and deepest > limit:
                break
    return deepest


# ------------------------------------------------------------------------- extraction

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BLOCK_KINDS: dict[str, BlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "list-item",
    "quote": "paragraph",
    "code": "paragraph",
    "cell": "paragraph",
}
_CONTAINERS = frozenset({"doc", "main", "list", "table", "row", "div", "comments"})
_SKIP = frozenset({"graphic", "del", "comments"})


class _Blocks:
    """Collects block texts (whitespace collapsed) from the extractor's XML tree."""

    def __init__(self) -> None:
        self.blocks: list[tuple[BlockKind, str]] = []
        self._parts: list[str] = []
        self._kind: BlockKind = "paragraph"

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if text:
            self.blocks.append((self._kind, text))

    def set_kind(self, kind: BlockKind) -> None:
        self._kind = kind


def _blocks_from_xml(xml: str) -> tuple[str | None, list[tuple[BlockKind, str]]]:
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(huge_tree=False, resolve_entities=False))
    title = root.get("title")
    out = _Blocks()
    kinds: list[BlockKind] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                skipping += 1
                continue
            if skipping:
                continue
            if tag in _BLOCK_KINDS:
                out.flush()
                kinds.append(_BLOCK_KINDS[tag])
                out.set_kind(kinds[-1])
            elif tag in _CONTAINERS or tag == "lb":
                out.flush()
            out.add(element.text)
        else:
            if tag in _SKIP:
                skipping -= 1
            elif skipping:
                continue
            elif tag in _BLOCK_KINDS:
                out.flush()
                kinds.pop()
                out.set_kind(kinds[-1] if kinds else "paragraph")
            elif tag in _CONTAINERS:
                out.flush()
            if not skipping:
                out.add(element.tail)
    out.flush()
    return (title.strip() or None) if title else None, out.blocks


def html_main_text(
    data: bytes | str, *, uri: str, charset: str | None = None, fast: bool = False
) -> Document:
    """The main text of a scraped HTML page as a Document (boilerplate removed).

    Bytes are decoded with :func:`decode_html` (HTTP ``charset``, then ``<meta charset>``,
    then UTF-8, undecodable bytes replaced). The metadata title becomes a ``title`` block,
    headings ``heading`` blocks, list items ``list-item`` blocks, everything else
    ``paragraph`` blocks, separated by ``\\n``.

    Positions refer to the extracted text, not to the HTML: the source map is the identity
    over ``Document.text`` (line and column in a report are those of the extracted text).

    Raises :class:`ExtractionError` when trafilatura is missing, when the page is nested
    deeper than :data:`MAX_NESTING` (refused before parsing, in milliseconds), and when no
    main text comes out (None, empty, or an exception inside trafilatura/lxml).
    """
    try:
        import trafilatura
    except ImportError as error:
        if error.name in (None, "trafilatura"):
            raise ExtractionError(_INSTALL_HINT) from None
        # Installed but broken, e.g. lxml >= 5.2 without lxml_html_clean.
        raise ExtractionError(
            f"trafilatura cannot be imported ({error}): pip install 'healthlint[audit]'"
        ) from None
    html, encoding = decode_html(data, charset)
    html = _XML_DECLARATION.sub("", html, count=1)
    if "\x00" in html:
        html = html.replace("\x00", "")
    # Fewer start tags than the limit cannot nest past it: skip the scan (most pages).
    if html.count("<") - html.count("</") > MAX_NESTING:
        depth = nesting_depth(html, limit=MAX_NESTING)
    else:
        depth = None
    if depth is not None and depth > MAX_NESTING:
        raise ExtractionError(f"HTML nested deeper than {MAX_NESTING:,} levels")
    try:
        xml = trafilatura.extract(
            html,
            url=uri if uri.startswith(("http://", "https://")) else None,
            output_format="xml",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=False,
            fast=fast,
            with_metadata=True,
        )
        title, blocks = _blocks_from_xml(xml) if xml else (None, [])
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, AttributeError,
            IndexError, KeyError, UnicodeError, OSError) as error:
        raise ExtractionError(f"{_NO_TEXT} ({type(error).__name__}: {error})"[:300]) from None
    except Exception as error:  # noqa: BLE001 - lxml's XMLSyntaxError, ParserError, ...
        raise ExtractionError(f"{_NO_TEXT} ({type(error).__name__})") from None
    if not blocks:
        hint = ""
        if depth is None:
            depth = nesting_depth(html)
        if depth > _PARSER_DEPTH:
            hint = f" (HTML nested {depth:,} levels deep, past the parser's limit of about 255)"
        raise ExtractionError(f"{_NO_TEXT}{hint}")
    return _document(blocks, title=title, uri=uri, encoding=encoding)


def _document(
    blocks: list[tuple[BlockKind, str]], *, title: str | None, uri: str, encoding: str
) -> Document:
    if title:
        first_kind, first_text = blocks[0]
        if first_text == title:
            blocks = [("title", first_text)] + blocks[1:]  # the <h1> repeats the title
        else:
            blocks = [("title", title)] + blocks
    parts: list[str] = []
    spans: list[Block] = []
    position = 0
    for kind, text in blocks:
        if parts:
            position += 1  # the "\n" between blocks
        spans.append(Block(position, position + len(text), kind))
        parts.append(text)
        position += len(text)
    text = "\n".join(parts)
    return Document(
        uri=uri,
        text=text,
        source_format="html",
        blocks=tuple(spans),
        source_map=SourceMap.identity(text),
        title=title,
        metadata={
            "uri": uri,
            "title": title,
            "extractor": "trafilatura",
            "format": "html",
            "encoding": encoding,
            "comments": [],
        },
    )


def raw_to_document(raw: "RawDocument") -> Document:
    """The Document for a raw document: HTML through :func:`html_main_text`, text and
    Markdown through :mod:`checker.ingest` (bytes decoded strictly with
    :func:`checker.ingest.decode`). A raw document that is not ``ok`` raises
    :class:`~checker.errors.InputError` with its error message."""
    from .ingest import decode, from_text

    if raw.status != "ok" or raw.data is None:
        raise InputError(raw.error or f"{raw.id}: no data")
    if raw.format == "html":
        document = html_main_text(raw.data, uri=raw.uri, charset=getattr(raw, "charset", None))
    else:
        text = raw.data if isinstance(raw.data, str) else decode(raw.data, uri=raw.uri)
        if text.startswith("\ufeff"):
            text = text[1:]
        document = from_text(text, uri=raw.uri, format=raw.format)
    document.metadata.setdefault("id", raw.id)
    document.metadata.setdefault("source", raw.source)
    return document
