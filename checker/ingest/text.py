"""Plain-text ingest, and the builder the Markdown and HTML ingesters share.

:class:`PlainBuilder` accumulates the plain text block by block while recording, for
every character it copies, where in the source that character came from (as the
``runs`` of a :class:`~checker.document.SourceMap`).
"""

from __future__ import annotations

import re

from ..document import Block, BlockKind, Document, SourceMap, line_starts_of

# Whitespace that cannot be copied one for one: leading, trailing, runs of two or more,
# or any single whitespace character other than a plain space.
_AWKWARD_SPACE = re.compile(r"\A\s+|\s+\Z|\s{2,}|[^\S ]")


class PlainBuilder:
    """Builds plain text out of blocks, collapsing whitespace and mapping every character.

    Call :meth:`text` with stretches of source text and their source offset; whitespace
    runs collapse to one space (mapped to the first whitespace character), leading and
    trailing whitespace of a block is dropped. :meth:`boundary` ends the current block; the
    next text starts a new block of kind :attr:`kind`, separated from the previous block
    by an inserted ``\\n``.
    """

    def __init__(self) -> None:
        self.kind: BlockKind = "paragraph"
        self._parts: list[str] = []
        self._runs: list[tuple[int, int]] = []
        self._length = 0
        self._block_start: int | None = None
        self._block_kind: BlockKind = "paragraph"
        self._pending_space: int | None = None
        self._blocks: list[Block] = []

    @property
    def length(self) -> int:
        return self._length

    @property
    def blocks(self) -> list[Block]:
        """The blocks ended so far."""
        return self._blocks

    def _emit(self, chars: str, source_offset: int) -> None:
        """Append characters copied one for one from ``source_offset`` on."""
        runs = self._runs
        if not runs or runs[-1][1] + (self._length - runs[-1][0]) != source_offset:
            runs.append((self._length, source_offset))
        self._parts.append(chars)
        self._length += len(chars)

    def _emit_words(self, chars: str, source_offset: int) -> None:
        if self._block_start is None:
            if self._length:
                self._parts.append("\n")  # inserted: maps into the previous run
                self._length += 1
            self._block_start = self._length
            self._block_kind = self.kind
        elif self._pending_space is not None:
            self._emit(" ", self._pending_space)
        self._pending_space = None
        self._emit(chars, source_offset)

    def text(self, chars: str, source_offset: int) -> None:
        """Add source text ``chars`` that starts at ``source_offset`` in the source."""
        if not chars:
            return
        position = 0
        for match in _AWKWARD_SPACE.finditer(chars):
            if match.start() > position:
                self._emit_words(chars[position : match.start()], source_offset + position)
            if self._block_start is not None and self._pending_space is None:
                self._pending_space = source_offset + match.start()
            position = match.end()
        if position < len(chars):
            self._emit_words(chars[position:], source_offset + position)

    def boundary(self) -> None:
        """End the current block (if any text was added to it)."""
        if self._block_start is not None:
            self._blocks.append(Block(self._block_start, self._length, self._block_kind))
        self._block_start = None
        self._pending_space = None

    def finish(self) -> tuple[str, list[tuple[int, int]], list[Block]]:
        self.boundary()
        return "".join(self._parts), self._runs, self._blocks


def concatenate(
    first: tuple[str, list[tuple[int, int]], list[Block]],
    second: tuple[str, list[tuple[int, int]], list[Block]],
) -> tuple[str, list[tuple[int, int]], list[Block]]:
    """Join two builder results with an inserted ``\\n`` (when both have text)."""
    text1, runs1, blocks1 = first
    text2, runs2, blocks2 = second
    if not text1:
        return second
    if not text2:
        return first
    shift = len(text1) + 1
    runs = list(runs1) + [(plain + shift, source) for plain, source in runs2]
    blocks = list(blocks1) + [Block(b.start + shift, b.end + shift, b.kind) for b in blocks2]
    return text1 + "\n" + text2, runs, blocks


def make_document(
    *,
    uri: str,
    source: str,
    text: str,
    runs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    blocks: list[Block] | tuple[Block, ...],
    source_format: str,
    title: str | None,
    metadata: dict,
) -> Document:
    source_map = SourceMap(
        runs=tuple(runs) if runs else ((0, 0),),
        line_starts=line_starts_of(source),
        source_length=len(source),
    )
    return Document(
        uri=uri,
        text=text,
        source_format=source_format,
        blocks=tuple(blocks),
        source_map=source_map,
        title=title,
        metadata=metadata,
    )


# ----------------------------------------------------------------------------- plain text

_LIST_ITEM = re.compile(r"(?:[-*\u2022+]|\d{1,9}[.)])[ \t]")
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 10
_SENTENCE_END = (".", "!", "?", ",", ";", ":")


def normalize_newlines(source: str) -> tuple[str, list[tuple[int, int]]]:
    """``source`` with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``, plus the map runs."""
    if "\r" not in source:
        return source, [(0, 0)]
    runs = [(0, 0)]
    removed = 0
    position = source.find("\r\n")
    while position != -1:
        removed += 1
        # The "\n" at position + 1 lands at plain offset position + 1 - removed.
        runs.append((position + 1 - removed, position + 1))
        position = source.find("\r\n", position + 2)
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    return text, runs


def is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


def classify_lines(lines: list[str]) -> list[BlockKind | None]:
    """Block kind of each line of a plain-text document (None for blank lines)."""
    kinds: list[BlockKind | None] = []
    stripped = [line.strip() for line in lines]
    next_nonempty = [False] * len(lines)
    seen = False
    for index in range(len(lines) - 1, -1, -1):
        next_nonempty[index] = seen
        if stripped[index]:
            seen = True
    for index, line in enumerate(stripped):
        if not line:
            kinds.append(None)
        elif is_list_item(line):
            kinds.append("list-item")
        elif (
            next_nonempty[index]
            and len(line) <= _HEADING_MAX_CHARS
            and len(line.split()) <= _HEADING_MAX_WORDS
            and not line.endswith(_SENTENCE_END)
            and any(ch.isalpha() for ch in line)
        ):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    return kinds


def ingest_text(source: str, *, uri: str, metadata: dict | None = None) -> Document:
    """A plain-text document: one block per non-empty line."""
    text, runs = normalize_newlines(source)
    lines = text.split("\n")
    kinds = classify_lines(lines)
    blocks: list[Block] = []
    title = None
    first = True
    start = 0
    for line, kind in zip(lines, kinds):
        if kind is not None:
            lead = len(line) - len(line.lstrip())
            block = Block(start + lead, start + len(line.rstrip()), kind)
            blocks.append(block)
            if first and kind == "heading":
                title = text[block.start : block.end]
            first = False
        start += len(line) + 1
    meta = {"comments": []}
    meta.update(metadata or {})
    return make_document(
        uri=uri, source=source, text=text, runs=runs, blocks=blocks,
        source_format="text", title=title, metadata=meta,
    )
